"""Social cards: the preview image people see when a badge page is shared."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from badgesite.bake.cards import BACKGROUND, CARD_VERSION, CardPart, card_key, social_card
from badgesite.bake.images import ImageProblem

MAGENTA = (255, 0, 255)
ACCENT = (20, 90, 160)
EDGE = 55  # every card keeps at least this much plain background on all four sides
JPEG_TOLERANCE = 12  # per channel: a quality-90 JPEG keeps flat colours this close
SOFT_EDGE = 2  # pixels: colour is stored at half resolution, so each coloured edge blurs by up to this much


def solid_png(width: int, height: int, colour: tuple[int, int, int] = MAGENTA) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", (width, height), (*colour, 255)).save(buffer, format="PNG")
    return buffer.getvalue()


def card(**overrides: object) -> Image.Image:
    values: dict[str, object] = {
        "title": "AWS Certified Solutions Architect – Associate",
        "subtitle": "Amazon Web Services · advanced · 1 February 2025",
        "footer": "Ada Example — badges and case studies",
        "badge_png": solid_png(300, 300),
        "accent": ACCENT,
    }
    values.update(overrides)
    data = social_card(**values)  # type: ignore[arg-type]
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    return image.convert("RGB")


def near(pixel: tuple[int, int, int], colour: tuple[int, int, int], tolerance: int = JPEG_TOLERANCE) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def pixels_of(image: Image.Image, colour: tuple[int, int, int]) -> list[tuple[int, int]]:
    """Where the card shows this colour (give or take JPEG's rounding)."""
    width, height = image.size
    data = image.load()
    return [(x, y) for y in range(height) for x in range(width) if near(data[x, y], colour)]  # type: ignore[index,arg-type]


def size_of(pixels: list[tuple[int, int]]) -> tuple[int, int]:
    xs, ys = [x for x, _ in pixels], [y for _, y in pixels]
    return max(xs) - min(xs) + 1, max(ys) - min(ys) + 1


def border_is_background(image: Image.Image) -> bool:
    width, height = image.size
    bands = [
        (0, 0, width, EDGE),
        (0, height - EDGE, width, height),
        (0, 0, EDGE, height),
        (width - EDGE, 0, width, height),
    ]
    return all(near(colour, BACKGROUND) for band in bands for _, colour in image.crop(band).getcolors(1 << 20))


def test_card_is_a_1200_by_630_jpeg_with_the_badge_whole_on_the_left() -> None:
    image = card()
    assert image.size == (1200, 630)
    for corner in [(0, 0), (1199, 0), (0, 629), (1199, 629)]:
        assert near(image.getpixel(corner), BACKGROUND)  # type: ignore[arg-type]
    assert border_is_background(image)
    badge = pixels_of(image, MAGENTA)
    xs, ys = [x for x, _ in badge], [y for _, y in badge]
    assert size_of(badge) == pytest.approx((420, 420), abs=2 * SOFT_EDGE)  # scaled up to the badge box
    assert len(badge) >= (420 - 2 * SOFT_EDGE) ** 2  # whole: nothing cut off or drawn over
    assert min(xs) >= 80 and max(xs) < 560  # the left part, clear of the text column
    assert min(ys) >= 100 and max(ys) < 530
    assert abs((min(ys) + max(ys)) / 2 - 315) <= 2  # vertically centred, so a 1.91:1 crop keeps it


def test_a_wide_badge_keeps_its_shape_and_fits() -> None:
    badge = pixels_of(card(badge_png=solid_png(600, 300)), MAGENTA)
    assert size_of(badge) == pytest.approx((420, 210), abs=2 * SOFT_EDGE)


def test_same_input_gives_the_same_bytes() -> None:
    arguments = {
        "title": "Kubernetes Administrator",
        "subtitle": "CNCF · 2024",
        "footer": "Ada",
        "badge_png": solid_png(200, 200, (10, 200, 30)),
        "accent": ACCENT,
    }
    assert social_card(**arguments) == social_card(**arguments)  # type: ignore[arg-type]


def test_long_titles_are_cut_after_three_lines_and_nothing_leaves_the_card() -> None:
    long_title = "Professional Cloud Data Engineering and Machine Learning Operations on Three Clouds " * 3
    first = card(title=long_title + "alpha")
    assert border_is_background(first)
    assert first.tobytes() == card(title=long_title + "omega").tobytes()  # the ending was cut off
    unbreakable = card(title="Ü" * 200, subtitle="x" * 400, footer="y" * 300)
    assert border_is_background(unbreakable)


def test_text_in_other_scripts_and_no_badge_still_draws() -> None:
    image = card(title="Инженер данных · Μηχανικός", badge_png=None)
    assert border_is_background(image)
    assert pixels_of(image.crop((60, 75, 540, 555)), ACCENT)  # the stand-in ring in the accent colour


def test_a_broken_badge_image_is_a_clear_problem() -> None:
    with pytest.raises(ImageProblem):
        social_card(title="t", subtitle="s", footer="f", badge_png=b"\x89PNG\r\n\x1a\nbroken", accent=ACCENT)


def test_card_key_changes_with_every_input_and_only_with_them() -> None:
    parts: list[CardPart] = ["Title", "Subtitle", "Footer", b"png bytes", (1, 2, 3)]
    key = card_key(*parts)
    assert key == card_key(*parts)
    assert len(key) == 64 and int(key, 16) >= 0
    edits: list[CardPart] = ["Title!", "Subtitle!", "Footer!", b"png bytes!", (1, 2, 4)]
    for index, edited in enumerate(edits):
        assert card_key(*parts[:index], edited, *parts[index + 1 :]) != key
    assert card_key("ab", "c") != card_key("a", "bc")
    assert card_key(None) != card_key("") != card_key(b"")
    assert CARD_VERSION
