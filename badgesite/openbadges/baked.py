"""Baked badge images, whatever their format: sniff PNG or SVG, read the badge, bake a payload."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Literal

from .errors import OpenBadgesError
from .model import Credential, Version
from .payload import parse_payload
from .png import PNG_SIGNATURE, bake_png, find_png_badge
from .svg import find_svg_badge
from .svg_bake import bake_svg

ImageFormat = Literal["png", "svg"]

_SNIFF_BYTES = 4096
_PROLOG = re.compile(r"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*", re.DOTALL)
_SVG_ROOT = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?svg[\s/>]")


@dataclass(frozen=True, slots=True, kw_only=True)
class Baked:
    """A badge read from an image: where it was found, its text as baked, and what that text says."""

    image_format: ImageFormat
    keyword_or_element: str
    payload_text: str
    credential: Credential


def sniff_image_format(data: bytes) -> ImageFormat | None:
    """Say "png" by signature, "svg" when the first element (after any prolog) is ``<svg>``, else None."""
    if data.startswith(PNG_SIGNATURE):
        return "png"
    head = data[:_SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head.decode("utf-16", "replace")
    else:
        text = head.decode("utf-8", "replace").lstrip("\ufeff")
    prolog = _PROLOG.match(text)
    start = prolog.end() if prolog else 0
    return "svg" if _SVG_ROOT.match(text, start) else None


def read_baked(data: bytes) -> Baked | None:
    """Read the badge baked into a PNG or SVG; None when the image carries none."""
    image_format = sniff_image_format(data)
    if image_format == "png":
        png_badge = find_png_badge(data)
        if png_badge is None:
            return None
        hint: Version | None = "3.0" if png_badge.keyword == "openbadgecredential" else None
        if png_badge.chunk_type == "tEXt":
            hint = hint or "1.0"  # the legacy tEXt URL form predates the OB 1.0 iTXt baking
        return Baked(
            image_format="png",
            keyword_or_element=png_badge.keyword,
            payload_text=png_badge.text,
            credential=parse_payload(png_badge.text, version_hint=hint),
        )
    if image_format == "svg":
        svg_badge = find_svg_badge(data)
        if svg_badge is None:
            return None
        return Baked(
            image_format="svg",
            keyword_or_element=svg_badge.element,
            payload_text=svg_badge.text,
            credential=parse_payload(svg_badge.text, version_hint=svg_badge.version_hint),
        )
    raise OpenBadgesError("not a badge image: expected a PNG or an SVG file")


def bake(image: bytes, payload: str, *, version: str, replace_all: bool = False) -> bytes:
    """Bake ``payload`` into a PNG or SVG, under the keyword or element that ``version`` calls for; with
    ``replace_all``, any badge data of the other version goes too."""
    if version not in ("1.0", "2.0", "3.0"):
        raise OpenBadgesError(f"cannot bake Open Badges version {version!r}: expected 1.0, 2.0 or 3.0")
    credential = parse_payload(payload)
    if credential.version is not None and (credential.version == "3.0") != (version == "3.0"):
        raise OpenBadgesError(
            f"cannot bake an OB {credential.version} payload as version {version}: "
            "OB 3.0 credentials and older assertions go into different chunks and elements"
        )
    image_format = sniff_image_format(image)
    if image_format == "png":
        keyword = "openbadgecredential" if version == "3.0" else "openbadges"
        return bake_png(image, payload, keyword=keyword, replace_all=replace_all)
    if image_format == "svg":
        return bake_svg(image, payload, version=version, replace_all=replace_all)
    raise OpenBadgesError("cannot bake: the image is neither a PNG nor an SVG file")
