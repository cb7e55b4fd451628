"""A badge without an image gets its issuer's initials on the issuer's colour, drawn with the bundled bold
font: accented, Greek and Cyrillic initials as written, other scripts in Latin letters, never as boxes."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from badgesite.bake import images
from badgesite.bake.images import initials


@pytest.mark.parametrize(
    ("issuer", "expected"),
    [
        ("Amazon Web Services", "AWS"),
        ("Örebro Universitet", "ÖU"),
        ("Übungsakademie Zürich", "ÜZ"),
        ("Москва ВУЗ", "МВ"),
        ("李大学", "LD"),
        ("!!!", "?"),
    ],
)
def test_initials_are_letters_the_font_can_draw(issuer: str, expected: str) -> None:
    assert initials(issuer) == expected


def test_an_accented_initial_is_drawn_with_its_accent(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ö and O differ on the picture only where Ö's dots are: the accent is drawn, not a box, and not dropped."""
    monkeypatch.setattr(images, "issuer_colour", lambda issuer: (90, 40, 120))  # one colour for both names
    plain, accented = (
        Image.open(io.BytesIO(images.placeholder_png.__wrapped__(name, size=256))).convert("L")
        for name in ("Orebro Universitet", "Örebro Universitet")
    )
    assert plain.size == accented.size == (256, 256)
    difference = [
        (x, y) for y in range(256) for x in range(256) if abs(plain.getpixel((x, y)) - accented.getpixel((x, y))) > 64
    ]
    assert difference, "the accent is drawn"
    assert max(y for _, y in difference) < 110 and max(x for x, _ in difference) < 128, "above the first letter only"
