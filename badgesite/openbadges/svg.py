"""Read the Open Badges element of an SVG, parsing it with entity expansion and external entities off."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from typing import Literal

import defusedxml.ElementTree as DefusedElementTree
from defusedxml import DefusedXmlException, EntitiesForbidden

from .errors import OpenBadgesError
from .limits import MAX_IMAGE_BYTES, MAX_PAYLOAD_BYTES, describe_size
from .model import Version

OB2_NAMESPACE = "http://openbadges.org"
OB3_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0"
SVG_NAMESPACE = "http://www.w3.org/2000/svg"

ElementName = Literal["assertion", "credential"]

#: The badge element of each namespace: ``assertion`` for OB 1.x/2.0, ``credential`` for OB 3.0.
BADGE_ELEMENTS: dict[str, ElementName] = {OB2_NAMESPACE: "assertion", OB3_NAMESPACE: "credential"}


@dataclass(frozen=True, slots=True, kw_only=True)
class SvgBadge:
    """The badge text found in an SVG and the element it came from."""

    element: ElementName
    namespace: str
    text: str
    version_hint: Version | None


def parse_svg(svg: bytes) -> ElementTree.Element:
    """Parse an SVG safely (a DOCTYPE is fine, entity declarations are not) and check its root is ``svg``."""
    if len(svg) > MAX_IMAGE_BYTES:
        raise OpenBadgesError(
            f"SVG is {describe_size(len(svg))}, over the {describe_size(MAX_IMAGE_BYTES)} limit for badge images"
        )
    try:
        root: ElementTree.Element = DefusedElementTree.fromstring(
            svg, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except EntitiesForbidden as error:
        raise OpenBadgesError(_entity_message(error)) from None
    except DefusedXmlException as error:
        raise OpenBadgesError(f"SVG refused: {error}") from None
    except ElementTree.ParseError as error:
        raise OpenBadgesError(f"SVG is not well-formed XML: {error}") from None
    namespace, local = split_tag(root.tag)
    if local != "svg" or namespace not in (SVG_NAMESPACE, ""):
        raise OpenBadgesError(f"not an SVG document: the root element is <{local}>, not <svg>")
    return root


def find_svg_badge(svg: bytes) -> SvgBadge | None:
    """Find the first ``openbadges:assertion`` or ``openbadges:credential`` (any prefix) and its payload.

    Text content (CDATA) is preferred when it holds JSON; else the ``verify`` attribute (JWS or URL).
    """
    root = parse_svg(svg)
    for element in root.iter():
        namespace, local = split_tag(element.tag)
        if BADGE_ELEMENTS.get(namespace) != local:
            continue
        text = _payload_of(element)
        if text is None:
            continue
        return SvgBadge(
            element=BADGE_ELEMENTS[namespace],
            namespace=namespace,
            text=text,
            version_hint="3.0" if namespace == OB3_NAMESPACE else None,
        )
    return None


def read_svg_payload(svg: bytes) -> tuple[Version | None, str] | None:
    """Return ``(version_hint, text)`` of the baked badge; the hint is "3.0" for ``credential``, else None."""
    badge = find_svg_badge(svg)
    return None if badge is None else (badge.version_hint, badge.text)


def split_tag(tag: object) -> tuple[str, str]:
    """``{namespace}local`` as ``(namespace, local)``; comments and PIs give ``("", "")``."""
    if not isinstance(tag, str):
        return "", ""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def _payload_of(element: ElementTree.Element) -> str | None:
    content = "".join(element.itertext()).strip()
    verify = (element.get("verify") or "").strip()
    if content.startswith("{") or (content and not verify):
        text = content
    elif verify:
        text = verify
    else:
        return None  # an empty hook, as some generators leave before signing
    if len(text.encode("utf-8")) > MAX_PAYLOAD_BYTES:
        raise OpenBadgesError(
            f"the SVG badge element holds {describe_size(len(text.encode('utf-8')))}, "
            f"over the {describe_size(MAX_PAYLOAD_BYTES)} limit for a badge payload"
        )
    return text


def _entity_message(error: EntitiesForbidden) -> str:
    if error.sysid:
        return (
            f"SVG refused: it declares the external entity {error.name!r} ({error.sysid}); "
            "external entities could read local files or the network"
        )
    return (
        f"SVG refused: it declares the entity {error.name!r}; "
        "entity expansion is not allowed (it can blow up memory, as in the billion-laughs attack)"
    )
