"""Bake a payload into an SVG by editing its text, so every byte outside the badge element stays put."""

from __future__ import annotations

import codecs
import re

from .errors import OpenBadgesError
from .kinds import is_http_url, payload_kind
from .limits import MAX_PAYLOAD_BYTES, describe_size
from .svg import BADGE_ELEMENTS, OB2_NAMESPACE, OB3_NAMESPACE, parse_svg
from .untrusted_json import JsonLimitError, load_json
from .xmlspans import ElementSpan, RootTag, scan_elements

PREFIX = "openbadges"

_DECLARED_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_WHITESPACE = re.compile(rb"[ \t\r\n]*")
_NOT_XML_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
)


def bake_svg(svg: bytes, payload: str, *, version: str, replace_all: bool = False) -> bytes:
    """Make ``<openbadges:assertion>`` (OB 1/2) or ``<openbadges:credential>`` (OB 3) the root's first child.

    Existing elements of that kind (any prefix; with ``replace_all``, of both kinds) are removed, whole line
    and all; nothing else changes,
    except an ``xmlns:openbadges`` declaration added to the root when the prefix is still free.
    """
    namespace = _namespace_for(version)
    _check_payload(payload)
    parse_svg(svg)  # refuses entities, checks well-formedness and that the root is <svg>
    encoding = _encoding_of(svg)
    root, spans = scan_elements(svg)
    local = BADGE_ELEMENTS[namespace]
    bound = root.namespaces.get(PREFIX)
    markup = _element_markup(payload, namespace, local, declare_here=bound not in (None, namespace))
    removed: set[tuple[str, str]] = set(BADGE_ELEMENTS.items()) if replace_all else {(namespace, local)}
    edits = [(start, end, b"") for start, end in _removals(svg, spans, removed)]
    if bound is None:
        declaration = f' xmlns:{PREFIX}="{namespace}"'.encode(encoding)
        closer = 2 if root.self_closing else 1
        edits.append((root.end - closer, root.end - closer, declaration))
    edits.append(_insertion(svg, root, markup, encoding))
    baked = _apply(svg, edits)
    parse_svg(baked)
    return baked


def _namespace_for(version: str) -> str:
    if version == "3.0":
        return OB3_NAMESPACE
    if version in ("1.0", "2.0"):
        return OB2_NAMESPACE
    raise OpenBadgesError(f"cannot bake Open Badges version {version!r}: expected 1.0, 2.0 or 3.0")


def _check_payload(payload: str) -> None:
    size = len(payload.encode("utf-8", "surrogatepass"))
    if size > MAX_PAYLOAD_BYTES:
        raise OpenBadgesError(
            f"cannot bake the payload: it is {describe_size(size)}, "
            f"over the {describe_size(MAX_PAYLOAD_BYTES)} limit for a badge payload"
        )
    if _NOT_XML_CHARACTER.search(payload):
        raise OpenBadgesError("cannot bake the payload: it contains control characters that XML cannot hold")


def _encoding_of(svg: bytes) -> str:
    """The document's encoding, which must keep ASCII as is, so byte offsets and inserted text line up."""
    if svg.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if svg.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"<\x00", b"\x00<")):
        raise OpenBadgesError("cannot bake into this SVG: it is encoded in UTF-16 or UTF-32; save it as UTF-8 first")
    match = _DECLARED_ENCODING.match(svg)
    name = match.group(1).decode("ascii") if match else "utf-8"
    try:
        codec = codecs.lookup(name)
    except LookupError:
        raise OpenBadgesError(f"cannot bake into this SVG: its encoding {name!r} is unknown") from None
    if "<svg>".encode(codec.name, "replace") != b"<svg>":
        raise OpenBadgesError(f"cannot bake into this SVG: it is encoded in {name}; save it as UTF-8 first")
    return codec.name


def _element_markup(payload: str, namespace: str, local: str, *, declare_here: bool) -> str:
    qname = f"{PREFIX}:{local}"
    attributes = f' xmlns:{PREFIX}="{namespace}"' if declare_here else ""
    kind = payload_kind(payload)
    if kind == "json":
        verify = _hosted_url(payload) if namespace == OB2_NAMESPACE else None
        if verify is not None:
            attributes += f' verify="{verify.translate(_ATTRIBUTE_ESCAPES)}"'
        return f"<{qname}{attributes}>{_cdata(payload)}</{qname}>"
    if kind is None:
        raise OpenBadgesError("cannot bake the payload: expected JSON, a compact JWS or an http(s) URL")
    attributes += f' verify="{payload.strip().translate(_ATTRIBUTE_ESCAPES)}"'
    if namespace == OB2_NAMESPACE:
        return f"<{qname}{attributes}/>"  # the OB 2.0 baking spec asks for a self-closing tag
    return f"<{qname}{attributes}></{qname}>"  # as the OB 3.0 specification's example writes it


def _hosted_url(payload: str) -> str | None:
    """The URL a hosted assertion lives at: its ``id``, or the OB 1.0 ``verify.url``."""
    try:
        assertion = load_json(payload)
    except JsonLimitError as error:
        raise OpenBadgesError(f"cannot bake the payload: it is {error}") from None
    except ValueError as error:
        raise OpenBadgesError(f"cannot bake the payload: it looks like JSON but does not parse: {error}") from None
    if not isinstance(assertion, dict):
        raise OpenBadgesError("cannot bake the payload: it is JSON but not an object")
    if is_http_url(assertion.get("id")):
        return str(assertion["id"])
    verify = assertion.get("verify")
    if isinstance(verify, dict) and is_http_url(verify.get("url")):
        return str(verify["url"])
    return None


def _cdata(text: str) -> str:
    """One CDATA section, split only where the text itself contains the ``]]>`` terminator."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _removals(svg: bytes, spans: list[ElementSpan], removed: set[tuple[str, str]]) -> list[tuple[int, int]]:
    """Spans of the old badge elements, widened to their whole line when they stand alone on it."""
    removals: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda span: span.start):
        if (span.namespace, span.local) not in removed:
            continue
        if removals and span.start < removals[-1][1]:
            continue  # nested inside one already removed
        start, end = span.start, span.end
        while start > 0 and svg[start - 1 : start] in (b" ", b"\t"):
            start -= 1
        after = end
        while svg[after : after + 1] in (b" ", b"\t"):
            after += 1
        line_end = 2 if svg[after : after + 2] == b"\r\n" else 1 if svg[after : after + 1] == b"\n" else 0
        if line_end and svg[start - 1 : start] == b"\n":
            removals.append((start, after + line_end))
        else:
            removals.append((span.start, span.end))
    return removals


def _insertion(svg: bytes, root: RootTag, markup: str, encoding: str) -> tuple[int, int, bytes]:
    """Put the element right after the root start tag, on a line of its own if the document has lines."""
    try:
        element = markup.encode(encoding)
    except UnicodeEncodeError:
        raise OpenBadgesError(
            f"cannot bake the payload into this SVG: its encoding ({encoding}) cannot hold every character "
            "of the payload; save the SVG as UTF-8 first"
        ) from None
    if root.self_closing:
        closing = f"</{root.qname}>".encode(encoding)
        return root.end - 2, root.end, b">" + element + closing
    blank = _WHITESPACE.match(svg, root.end)
    run = blank.group() if blank else b""
    if b"\n" not in run:
        return root.end, root.end, element
    newline = b"\r\n" if b"\r\n" in run else b"\n"
    return root.end, root.end, newline + run[run.rfind(b"\n") + 1 :] + element


def _apply(svg: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """Apply non-overlapping edits; an insertion sorts before a removal starting at the same offset."""
    pieces: list[bytes] = []
    position = 0
    for start, end, replacement in sorted(edits, key=lambda edit: (edit[0], edit[1])):
        pieces.append(svg[position:start])
        pieces.append(replacement)
        position = max(position, end)
    pieces.append(svg[position:])
    return b"".join(pieces)
