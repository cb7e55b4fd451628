"""Byte offsets of the elements of a well-formed XML document, so edits can leave every other byte alone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.parsers import expat

from .errors import OpenBadgesError

_START_TAG = re.compile(rb"""<(?:[^>"']|"[^"]*"|'[^']*')*>""")
_QNAME = re.compile(rb"<([^\s/>]+)")


@dataclass(frozen=True, slots=True, kw_only=True)
class ElementSpan:
    """Where one element starts and ends (end exclusive), and its expanded name."""

    start: int
    end: int
    namespace: str
    local: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RootTag:
    """The root element's start tag: its span, qualified name as written, and the namespaces it declares."""

    start: int
    end: int
    qname: str
    self_closing: bool
    namespaces: dict[str, str]


def scan_elements(xml: bytes) -> tuple[RootTag, list[ElementSpan]]:
    """Locate the root start tag and every element, in document order of their end."""
    parser = expat.ParserCreate(namespace_separator=" ")
    open_tags: list[tuple[int, int]] = []
    spans: list[ElementSpan] = []
    declared: dict[str, str] = {}
    roots: list[RootTag] = []

    def refuse_entity(*_: object) -> None:
        raise OpenBadgesError("SVG refused: it declares an XML entity")

    def on_namespace(prefix: str | None, uri: str) -> None:
        if not roots:
            declared[prefix or ""] = uri

    def on_start(_name: str, _attributes: object) -> None:
        start = parser.CurrentByteIndex
        match = _START_TAG.match(xml, start)
        if match is None:  # expat accepted it, so this cannot happen for well-formed input
            raise OpenBadgesError(f"SVG start tag at byte {start} could not be located")
        open_tags.append((start, match.end()))
        if not roots:
            qname = _QNAME.match(xml, start)
            roots.append(
                RootTag(
                    start=start,
                    end=match.end(),
                    qname=qname.group(1).decode("utf-8") if qname else "svg",
                    self_closing=match.group().endswith(b"/>"),
                    namespaces=dict(declared),
                )
            )

    def on_end(name: str) -> None:
        start, tag_end = open_tags.pop()
        self_closing = xml[tag_end - 2 : tag_end] == b"/>"
        end = tag_end if self_closing else xml.index(b">", parser.CurrentByteIndex) + 1
        namespace, _, local = name.rpartition(" ")
        spans.append(ElementSpan(start=start, end=end, namespace=namespace, local=local))

    parser.StartNamespaceDeclHandler = on_namespace
    parser.StartElementHandler = on_start
    parser.EndElementHandler = on_end
    parser.EntityDeclHandler = refuse_entity
    parser.UnparsedEntityDeclHandler = refuse_entity
    try:
        parser.Parse(xml, True)
    except expat.ExpatError as error:
        raise OpenBadgesError(f"SVG is not well-formed XML: {error}") from None
    return roots[0], spans
