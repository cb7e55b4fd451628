"""Active content in SVG badge images. A published SVG is served from the portfolio's own address, so a
script in it, opened directly, would run there with the site's origin: such images are refused."""

from __future__ import annotations

from badgesite.bake.images import ImageProblem
from badgesite.openbadges import OpenBadgesError
from badgesite.openbadges.svg import parse_svg

SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


def refuse_active_svg(svg: bytes) -> None:
    """Raise ImageProblem naming the first script, event handler or script link in the SVG."""
    try:
        root = parse_svg(svg)
    except OpenBadgesError as error:
        raise ImageProblem(f"cannot read the SVG image: {error}") from None
    for element in root.iter():
        name = _local(element.tag)
        if name in ("script", "foreignObject"):
            raise ImageProblem(f"the SVG image contains a <{name}> element; badgesite publishes no active content")
        for attribute, value in element.attrib.items():
            local = _local(attribute).lower()
            if local.startswith("on"):
                raise ImageProblem(
                    f"the SVG image has an event handler ({local}=…) on <{name}>; badgesite publishes no active content"
                )
            if local == "href" and "".join(value.split()).lower().startswith(SCRIPT_SCHEMES):
                raise ImageProblem(
                    f"the SVG image links to a script on <{name}>; badgesite publishes no active content"
                )


def _local(tag: object) -> str:
    text = str(tag)
    return text.rsplit("}", 1)[-1]
