"""Active content in SVG badge images. A published SVG is served from the portfolio's own address, so a
script in it, opened directly, would run there with the site's origin: such images are refused.

SVG elements pass only when known to be inert (svg_vocabulary); elements of the namespaces a browser gives
behaviour to (XHTML, MathML…) are refused anywhere; elements of any other namespace (Inkscape, Illustrator,
RDF, Open Badges) are plain data to a browser and pass, with their attributes checked like all others.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from xml.parsers import expat

from badgesite.bake.css_addresses import css_addresses
from badgesite.bake.images import ImageProblem
from badgesite.bake.svg_vocabulary import (
    ACTIVE_NAMESPACES,
    ANIMATION_ELEMENTS,
    ANIMATION_VALUE_ATTRIBUTES,
    INERT_SVG_ELEMENTS,
    LINK_ATTRIBUTES,
)
from badgesite.openbadges import OpenBadgesError
from badgesite.openbadges.svg import SVG_NAMESPACE, parse_svg, split_tag

SCRIPT_SCHEMES = ("javascript:", "vbscript:", "livescript:")
NO_ACTIVE_CONTENT = "badgesite publishes no active content"


def refuse_active_svg(svg: bytes) -> None:
    """Raise ImageProblem naming the first script, event handler, script link or unsafe element in the SVG."""
    try:
        root = parse_svg(svg)
    except OpenBadgesError as error:
        raise ImageProblem(f"cannot read the SVG image: {error}") from None
    _refuse_stylesheet_instructions(svg)
    for element in root.iter():
        namespace, name = split_tag(element.tag)
        if not name:
            continue  # a comment or processing instruction kept by the parser
        _refuse_element(namespace, name)
        if namespace in (SVG_NAMESPACE, "") and name in ANIMATION_ELEMENTS:
            _refuse_animation(element, name)
        for attribute, value in element.attrib.items():
            _refuse_attribute(name, split_tag(attribute)[1], value)
            _refuse_css(name, split_tag(attribute)[1], value)  # style="…url(…)", presentation attributes: fill="url(…)"
        if name == "style":
            _refuse_css(name, "stylesheet", _stylesheet(element), where="the stylesheet of <style>")


def _refuse_css(element: str, attribute: str, css: str, *, where: str = "") -> None:
    """Every address the CSS may load is held to the rules of attributes."""
    for url in css_addresses(css):
        _refuse_attribute(element, attribute, url, where=where)


def _stylesheet(element: ElementTree.Element) -> str:
    """A <style>'s sheet is all its own text, the text after a child element too (`<style>a{}<x:y/>@import …`),
    as the browser joins its child text; ElementTree keeps that second part as the child's tail."""
    return (element.text or "") + "".join(child.tail or "" for child in element)


def _refuse_element(namespace: str, name: str) -> None:
    if namespace in ACTIVE_NAMESPACES:
        raise ImageProblem(
            f"the SVG image contains the {ACTIVE_NAMESPACES[namespace]} element <{name}> "
            f"(namespace {namespace}); {NO_ACTIVE_CONTENT}"
        )
    if namespace not in (SVG_NAMESPACE, "") or name in INERT_SVG_ELEMENTS or name in ANIMATION_ELEMENTS:
        return
    if name in ("script", "foreignObject"):
        raise ImageProblem(f"the SVG image contains a <{name}> element; {NO_ACTIVE_CONTENT}")
    raise ImageProblem(
        f"the SVG image contains the element <{name}>, which is not an SVG element known to be safe; "
        f"{NO_ACTIVE_CONTENT}"
    )


def _refuse_animation(element: ElementTree.Element, name: str) -> None:
    """SMIL can set any attribute while the image plays: a link's target or an event handler included."""
    target = _normalised(element.get("attributeName", "")).rpartition(":")[2]
    if target in LINK_ATTRIBUTES or target.startswith("on"):
        raise ImageProblem(
            f"the SVG image has an animation (<{name}>) that changes the {element.get('attributeName', '').strip()} "
            f"attribute; {NO_ACTIVE_CONTENT}"
        )
    for attribute in ANIMATION_VALUE_ATTRIBUTES:
        for value in element.get(attribute, "").split(";"):
            url = _normalised(value)
            if url.startswith((*SCRIPT_SCHEMES, "data:")):
                raise ImageProblem(
                    f"the SVG image has an animation (<{name}>) that sets a {url.partition(':')[0]}: URL "
                    f"(in {attribute}); {NO_ACTIVE_CONTENT}"
                )


def _refuse_attribute(element: str, attribute: str, value: str, *, where: str = "") -> None:
    """`where` names the place when it is no attribute (a stylesheet's text)."""
    local = attribute.lower()
    where = where or f"the {attribute} attribute of <{element}>"
    if local.startswith("on"):
        raise ImageProblem(f"the SVG image has an event handler ({local}=…) on <{element}>; {NO_ACTIVE_CONTENT}")
    url = _normalised(value)
    if url.startswith(SCRIPT_SCHEMES):
        if local == "href":
            raise ImageProblem(f"the SVG image links to a script on <{element}>; {NO_ACTIVE_CONTENT}")
        raise ImageProblem(f"the SVG image has a {url.partition(':')[0]}: URL in {where}; {NO_ACTIVE_CONTENT}")
    # An SVG inside a data: URL is a document of its own, with scripts of its own (`<use href="data:image/
    # svg+xml,…">` runs where browsers still allow it): only raster pictures may be inlined.
    if url.startswith("data:") and (not url.startswith("data:image/") or url.startswith("data:image/svg")):
        raise ImageProblem(
            f"the SVG image has a data: URL that is not a raster image ({url.partition(',')[0]}) in {where}; "
            f"{NO_ACTIVE_CONTENT}"
        )


def _refuse_stylesheet_instructions(svg: bytes) -> None:
    """An ``<?xml-stylesheet?>`` may name an XSLT sheet, which can turn the image into a scripted page.

    parse_svg has already refused entity declarations, so a second, plain parse is safe; ElementTree drops
    processing instructions, hence expat.
    """
    found: list[str] = []
    parser = expat.ParserCreate()
    parser.ProcessingInstructionHandler = lambda target, _data: found.append(target)
    try:
        parser.Parse(svg, True)
    except expat.ExpatError as error:
        raise ImageProblem(f"cannot read the SVG image: {error}") from None
    if any(target.lower() == "xml-stylesheet" for target in found):
        raise ImageProblem(
            "the SVG image names a stylesheet in <?xml-stylesheet?>, which could turn it into a scripted page; "
            f"{NO_ACTIVE_CONTENT}"
        )


def _normalised(value: str) -> str:
    """The value as a browser's URL parser sees its scheme: no whitespace or control characters, lower case
    (entities and character references are already expanded by the XML parser)."""
    return "".join(character for character in value if character > " " and not character.isspace()).lower()
