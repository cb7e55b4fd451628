"""Social cards: the 1200×630 image that LinkedIn, Slack and Mastodon show when someone shares a badge page.

A JPEG (quality 90; the text is grey on near-white, so halving colour resolution leaves it as sharp), not a
PNG: the platforms re-encode shared images anyway, and Pillow's PNG encoder took 11 ms of a card's 14 (zlib
and per-row filter choice) against 1.6 ms for JPEG, which at 10,000 badges is the difference between one
minute and two; the file is a quarter smaller too.

Drawn with Pillow and the bundled DejaVu fonts (fonts/LICENSE-DejaVu.txt) using the basic layout engine, so the
same input gives the same bytes on every machine with the same Pillow and FreeType; `card_key` folds those
versions in, so a content-hash cache never serves a card drawn by another renderer.
"""

from __future__ import annotations

import functools
import hashlib
import io
import math
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont, ImageOps, features

from badgesite.bake.images import ImageProblem, inspect

CARD_VERSION = "3"
JPEG_QUALITY = 90
WIDTH, HEIGHT = 1200, 630
MARGIN = 70
BACKGROUND = (248, 247, 244)
TITLE_COLOUR = (26, 27, 31)
SUBTITLE_COLOUR = (72, 74, 82)
FOOTER_COLOUR = (104, 106, 114)
# The badge sits in a tinted square panel on the left, well inside the 1.91:1 crop LinkedIn applies.
PANEL = (60, 75, 540, 555)
BADGE_BOX = 420
TEXT_LEFT = 600
TEXT_WIDTH = WIDTH - MARGIN - TEXT_LEFT
TITLE_SIZES = (64, 58, 52, 46, 40)
TITLE_LINES = 3
SUBTITLE_SIZE = 30
SUBTITLE_LINES = 2
FOOTER_SIZE = 24
ELLIPSIS = "…"
MAX_TEXT = 400  # more than three lines can show; the rest is never measured
FONTS = Path(__file__).parent / "fonts"
REGULAR = "DejaVuSans.ttf"
BOLD = "DejaVuSans-Bold.ttf"

_RENDERER = (
    f"card {CARD_VERSION}; Pillow {PIL.__version__}; FreeType {features.version('freetype2')}; "
    f"JPEG {features.version('jpg')}"
)

CardPart = str | bytes | int | tuple[int, ...] | None


def card_key(*parts: CardPart) -> str:
    """A sha256 over everything that changes a card (pass the same values as to social_card) and the renderer."""
    digest = hashlib.sha256()
    for part in (_RENDERER, *parts):
        if part is None:
            encoded = b"N"
        elif isinstance(part, bytes):
            encoded = b"B" + part
        elif isinstance(part, str):
            encoded = b"S" + part.encode("utf-8")
        elif isinstance(part, int):
            encoded = b"I" + str(part).encode("ascii")
        else:
            encoded = b"T" + ",".join(str(value) for value in part).encode("ascii")
        digest.update(len(encoded).to_bytes(8, "big") + encoded)  # length-prefixed: ("ab", "c") != ("a", "bc")
    return digest.hexdigest()


@functools.lru_cache(maxsize=32)
def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / name), size, layout_engine=ImageFont.Layout.BASIC)


def _split_long_word(word: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    pieces = []
    while len(word) > 1 and font.getlength(word) > width:
        low, high = 1, len(word) - 1  # the longest prefix that fits, found by bisection
        while low < high:
            middle = (low + high + 1) // 2
            if font.getlength(word[:middle]) <= width:
                low = middle
            else:
                high = middle - 1
        pieces.append(word[:low])
        word = word[low:]
    return [*pieces, word]


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap by rendered width; a word wider than a line is broken between characters."""
    lines: list[str] = []
    current = ""
    for word in text[:MAX_TEXT].split():
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        *full, current = _split_long_word(word, font, width)
        lines.extend(full)
    if current:
        lines.append(current)
    return lines


def _limit(lines: list[str], count: int, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """At most `count` lines; the last one ends in an ellipsis when text was cut."""
    if len(lines) <= count:
        return lines
    last = lines[count - 1]
    while last and font.getlength(last + ELLIPSIS) > width:
        last = last[:-1].rstrip()
    return [*lines[: count - 1], last + ELLIPSIS]


def _title_lines(title: str) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest title size that fits in three lines; the smallest, cut with an ellipsis, when none does."""
    for size in TITLE_SIZES:
        font = _font(BOLD, size)
        lines = _wrap(title, font, TEXT_WIDTH)
        if len(lines) <= TITLE_LINES:
            return font, lines
    return font, _limit(lines, TITLE_LINES, font, TEXT_WIDTH)


def _tint(colour: tuple[int, int, int], amount: float) -> tuple[int, int, int]:
    return tuple(round(b + (c - b) * amount) for b, c in zip(BACKGROUND, colour, strict=True))  # type: ignore[return-value]


@functools.lru_cache(maxsize=16)
def _badge_image(badge_png: bytes) -> Image.Image:
    """Decode (inspect bounds it first) and scale up or down to fit the badge box, keeping the aspect ratio:
    bicubic when enlarging (the usual 256 px badge; twice as fast), Lanczos when shrinking (no aliasing)."""
    inspect(badge_png)
    try:
        with Image.open(io.BytesIO(badge_png), formats=["PNG"]) as image:
            image.seek(0)
            picture = image.convert("RGBA")
    except (OSError, ValueError, SyntaxError) as error:
        raise ImageProblem(f"cannot decode the badge image for the social card: {error}") from None
    enlarging = max(picture.size) <= BADGE_BOX
    method = Image.Resampling.BICUBIC if enlarging else Image.Resampling.LANCZOS
    return ImageOps.contain(picture, (BADGE_BOX, BADGE_BOX), method)


@functools.lru_cache(maxsize=256)
def _text_mask(text: str, font: ImageFont.FreeTypeFont) -> tuple[Image.Image, int, int]:
    """One line of text as a coverage mask and its offset from the drawing point. Cached because the footer
    is the same on every card and the subtitles repeat (issuer · level · year): at 10,000 cards, drawing
    the glyphs again was a sixth of a card's time."""
    box = font.getbbox(text)  # whole pixels with the basic layout; rounded outwards in case they are not
    left, top, right, bottom = math.floor(box[0]), math.floor(box[1]), math.ceil(box[2]), math.ceil(box[3])
    mask = Image.new("L", (max(1, right - left), max(1, bottom - top)), 0)
    ImageDraw.Draw(mask).text((-left, -top), text, font=font, fill=255)
    return mask, left, top


def _stamp(
    card: Image.Image, xy: tuple[int, int], text: str, font: ImageFont.FreeTypeFont, colour: tuple[int, int, int]
) -> None:
    """Draw one line of text in colour at xy, as ImageDraw.text would."""
    mask, left, top = _text_mask(text, font)
    x, y = xy[0] + left, xy[1] + top
    card.paste(colour, (x, y, x + mask.width, y + mask.height), mask)


def social_card(
    *, title: str, subtitle: str, footer: str, badge_png: bytes | None, accent: tuple[int, int, int]
) -> bytes:
    """A 1200×630 JPEG: the badge on the left on a tinted panel, title (≤ 3 lines), subtitle and footer on the right."""
    card = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(card)
    draw.rounded_rectangle(PANEL, radius=36, fill=_tint(accent, 0.14))
    panel_x, panel_y = PANEL[0], PANEL[1]
    panel_size = PANEL[2] - PANEL[0]
    if badge_png is None:
        inset = (panel_size - BADGE_BOX) // 2 + 30
        draw.ellipse((panel_x + inset, panel_y + inset, PANEL[2] - inset, PANEL[3] - inset), outline=accent, width=18)
    else:
        badge = _badge_image(badge_png)
        left = panel_x + (panel_size - badge.width) // 2
        top = panel_y + (panel_size - badge.height) // 2
        card.paste(badge, (left, top), badge)

    title_font, title_lines = _title_lines(" ".join(title.split()))
    subtitle_font = _font(REGULAR, SUBTITLE_SIZE)
    subtitle_lines = _limit(_wrap(subtitle, subtitle_font, TEXT_WIDTH), SUBTITLE_LINES, subtitle_font, TEXT_WIDTH)
    title_step = round(title_font.size * 1.18)
    subtitle_step = round(SUBTITLE_SIZE * 1.3)
    block = 8 + 36 + title_step * len(title_lines) + (24 + subtitle_step * len(subtitle_lines) if subtitle_lines else 0)
    y = max(MARGIN, (HEIGHT - FOOTER_SIZE - block) // 2)
    draw.rounded_rectangle((TEXT_LEFT, y, TEXT_LEFT + 96, y + 8), radius=4, fill=accent)
    y += 8 + 36
    for line in title_lines:
        _stamp(card, (TEXT_LEFT, y), line, title_font, TITLE_COLOUR)
        y += title_step
    y += 24
    for line in subtitle_lines:
        _stamp(card, (TEXT_LEFT, y), line, subtitle_font, SUBTITLE_COLOUR)
        y += subtitle_step
    footer_font = _font(REGULAR, FOOTER_SIZE)
    footer_line = _limit(_wrap(footer, footer_font, TEXT_WIDTH), 1, footer_font, TEXT_WIDTH)
    if footer_line:
        _stamp(card, (TEXT_LEFT, HEIGHT - MARGIN - FOOTER_SIZE), footer_line[0], footer_font, FOOTER_COLOUR)

    buffer = io.BytesIO()
    card.save(buffer, format="JPEG", quality=JPEG_QUALITY, subsampling="4:2:0", optimize=False, progressive=False)
    return buffer.getvalue()
