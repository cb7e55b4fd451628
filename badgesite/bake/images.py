"""Pillow work, bounded: open only what is small enough, resize, convert to PNG, draw stand-in images."""

from __future__ import annotations

import colorsys
import functools
import hashlib
import io
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path

from anyascii import anyascii
from PIL import Image, ImageDraw, ImageFont

FONT = Path(__file__).parent / "fonts" / "DejaVuSans-Bold.ttf"  # the cards' bold: accented and Greek/Cyrillic initials
MAX_IMAGE_BYTES = 16 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
RASTER_FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}


class ImageProblem(ValueError):
    """An image that cannot or must not be decoded (corrupt, too large, a decompression bomb)."""


@dataclass(frozen=True, slots=True)
class ImageInfo:
    format: str
    width: int
    height: int


def inspect(data: bytes) -> ImageInfo:
    """Read only the header: format and size, refusing oversize files and pixel bombs before decoding."""
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageProblem(
            f"image is {len(data) // 1024 // 1024} MiB; the limit is {MAX_IMAGE_BYTES // 1024 // 1024} MiB"
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=sorted(RASTER_FORMATS)) as image:
                width, height = image.size
                image_format = image.format or ""
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageProblem(
            f"image has too many pixels to decode safely; the limit is {MAX_IMAGE_PIXELS:,} pixels"
        ) from None
    except Image.UnidentifiedImageError:
        raise ImageProblem("not an image file that can be read (expected PNG, JPEG, WebP or GIF data)") from None
    except (OSError, ValueError, SyntaxError) as error:
        raise ImageProblem(f"cannot read the image: {error}") from None
    if width * height > MAX_IMAGE_PIXELS:
        raise ImageProblem(f"image is {width}x{height} pixels; the limit is {MAX_IMAGE_PIXELS:,} pixels")
    return ImageInfo(image_format, width, height)


def to_png(data: bytes, *, max_size: int) -> bytes:
    """Decode (after `inspect` has bounded it), shrink to fit max_size, and save as PNG. Drops any baked chunk."""
    inspect(data)
    try:
        with Image.open(io.BytesIO(data), formats=sorted(RASTER_FORMATS)) as image:
            image.seek(0)
            frame = image.convert("RGBA")
    except (OSError, ValueError, SyntaxError) as error:
        raise ImageProblem(f"cannot decode the image: {error}") from None
    if max(frame.size) > max_size:
        frame.thumbnail((max_size, max_size), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    frame.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def issuer_colour(issuer: str) -> tuple[int, int, int]:
    """A stable, pleasant colour per issuer: the hue from a hash of the name."""
    hue = int.from_bytes(hashlib.sha256(issuer.encode("utf-8")).digest()[:2], "big") / 65535
    red, green, blue = colorsys.hls_to_rgb(hue, 0.38, 0.55)
    return int(red * 255), int(green * 255), int(blue * 255)


def initials(name: str) -> str:
    """`Amazon Web Services` -> `AWS`; one word gives its first two letters. A letter the bundled font cannot
    draw is written in Latin letters (`李大学` -> `LD`, not boxes), as the slugs are."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    letters = words[0][:2] if len(words) == 1 else "".join(w[0] for w in words[:3])
    return "".join(map(_drawable, letters)).upper()[:3] or "?"


_DRAWN_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC", "DIGIT")  # what DejaVu Sans Bold holds, and reads left to right


def _drawable(letter: str) -> str:
    if unicodedata.name(letter, "").startswith(_DRAWN_SCRIPTS):
        return letter
    return anyascii(letter)[:1] or ""


@functools.lru_cache(maxsize=256)
def placeholder_png(issuer: str, *, size: int) -> bytes:
    """A generated badge for badges without an image: the issuer's initials on its colour."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    margin = size // 16
    draw.ellipse((margin, margin, size - margin, size - margin), fill=(*issuer_colour(issuer), 255))
    draw.ellipse(
        (margin * 2, margin * 2, size - margin * 2, size - margin * 2),
        outline=(255, 255, 255, 200),
        width=max(2, size // 64),
    )
    text = initials(issuer)
    font = ImageFont.truetype(str(FONT), size // (3 if len(text) <= 2 else 4), layout_engine=ImageFont.Layout.BASIC)
    draw.text((size / 2, size / 2), text, fill=(255, 255, 255, 255), font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()
