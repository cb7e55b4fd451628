"""One FILE argument of `verify` or `import`: a baked PNG/SVG or a payload text file, read into a Credential."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from badgesite import openbadges
from badgesite.openbadges.limits import MAX_IMAGE_BYTES, describe_size

InputKind = Literal["png", "svg", "text"]

_FORMAT_NAMES = {
    "json": "JSON",
    "jws": "signed assertion (JWS)",
    "vc-jwt": "VC-JWT",
    "url": "hosted assertion URL",
}


class BadgeInputError(Exception):
    """A FILE that holds no readable badge; the message is for a person and does not repeat the file name."""


@dataclass(frozen=True, slots=True, kw_only=True)
class BadgeInput:
    """What one file holds: its bytes, where in it the payload sat, and what the payload says."""

    path: Path
    data: bytes
    kind: InputKind
    container: str
    payload_text: str
    credential: openbadges.Credential

    @property
    def format_name(self) -> str:
        """The payload's format in words: `JSON`, `VC-JWT`…"""
        return _FORMAT_NAMES.get(self.credential.format, self.credential.format)


def read_badge_input(path: Path) -> BadgeInput:
    """Read a baked image (PNG or SVG) or a JSON/JWS/URL text file; raise BadgeInputError saying what is wrong."""
    data = _read_bytes(path)
    image_format = openbadges.sniff_image_format(data)
    try:
        if image_format == "png":
            return _from_png(path, data)
        if image_format == "svg":
            return _from_svg(path, data)
        return _from_text(path, data)
    except openbadges.OpenBadgesError as error:
        raise BadgeInputError(error.message) from None


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise BadgeInputError("is a folder, not a badge file")
        if size > MAX_IMAGE_BYTES:
            raise BadgeInputError(
                f"is {describe_size(size)}, over the {describe_size(MAX_IMAGE_BYTES)} limit for badge files"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise BadgeInputError("no such file") from None
    except OSError as error:
        raise BadgeInputError(f"cannot read the file: {error.strerror or error}") from None


def _from_png(path: Path, data: bytes) -> BadgeInput:
    found = openbadges.find_png_badge(data)
    if found is None:
        raise BadgeInputError(
            "nothing is baked into this PNG: it has no text chunk with the keyword openbadges or "
            "openbadgecredential (is it the plain badge image rather than the baked one the issuer sends?)"
        )
    baked = openbadges.read_baked(data)
    if baked is None:  # pragma: no cover - find_png_badge just found it
        raise BadgeInputError("nothing is baked into this PNG")
    compressed = ", compressed" if found.compressed else ""
    return BadgeInput(
        path=path,
        data=data,
        kind="png",
        container=f'PNG {found.chunk_type} chunk "{found.keyword}"{compressed}',
        payload_text=baked.payload_text,
        credential=baked.credential,
    )


def _from_svg(path: Path, data: bytes) -> BadgeInput:
    found = openbadges.find_svg_badge(data)
    if found is None:
        raise BadgeInputError(
            "nothing is baked into this SVG: it has no <openbadges:assertion> or <openbadges:credential> "
            "element with a payload"
        )
    baked = openbadges.read_baked(data)
    if baked is None:  # pragma: no cover - find_svg_badge just found it
        raise BadgeInputError("nothing is baked into this SVG")
    return BadgeInput(
        path=path,
        data=data,
        kind="svg",
        container=f"SVG <openbadges:{found.element}> element",
        payload_text=baked.payload_text,
        credential=baked.credential,
    )


def _from_text(path: Path, data: bytes) -> BadgeInput:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BadgeInputError(
            "is neither a badge image (PNG or SVG) nor a text file holding assertion JSON, a JWS or a URL"
        ) from None
    try:
        credential = openbadges.parse_payload(text)
    except openbadges.OpenBadgesError as error:
        raise BadgeInputError(f"is not a badge image (PNG or SVG), and as text: {error.message}") from None
    return BadgeInput(
        path=path,
        data=data,
        kind="text",
        container="plain file",
        payload_text=text.strip().lstrip("\ufeff").strip(),
        credential=credential,
    )
