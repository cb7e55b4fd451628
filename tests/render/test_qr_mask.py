"""The fast QR mask choice must pick what segno itself picks, module for module, for every kind of code."""

from __future__ import annotations

import random
import string
from collections.abc import Iterator

import pytest
import segno
from segno import encoder

from badgesite.render import qr_mask
from badgesite.render.sharing import qr_svg


@pytest.fixture
def both_choices(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """While segno encodes, run segno's own choice and the fast one on copies of the same unmasked symbol,
    and fail on any difference; yields the list of compared symbol widths."""
    compared: list[int] = []

    def compare(matrix, width, height, proposed_mask=None):  # type: ignore[no-untyped-def]
        own = qr_mask._segno_choice([bytearray(row) for row in matrix], width, height, proposed_mask)
        fast = qr_mask.find_and_apply_best_mask([bytearray(row) for row in matrix], width, height, proposed_mask)
        assert fast[0] == own[0], f"mask {fast[0]} chosen, segno chose {own[0]} (width {width})"
        assert [bytes(row) for row in fast[1]] == [bytes(row) for row in own[1]]
        compared.append(width)
        return own

    monkeypatch.setattr(encoder, "find_and_apply_best_mask", compare)
    yield compared


def contents() -> Iterator[tuple[str, str]]:
    """URLs and text of many lengths (versions 1 to 30 and more), digits, upper-case text and other scripts,
    at all four error correction levels."""
    rng = random.Random(18004)
    alphabets = (string.ascii_lowercase + "-/.", string.digits, string.ascii_uppercase + " $%*+-./:", "äöüßçéΩж漢字")
    for number in range(1200):
        alphabet = alphabets[number % len(alphabets)]
        length = rng.choice((1, 5, 17, 40, 75, 120, 250, 400))
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, length)))
        yield ("https://example.org/" + text if number % 3 == 0 else text), "lmqh"[number % 4]


def test_fast_choice_equals_segnos_own_on_1200_codes(both_choices: list[int]) -> None:
    for content, error in contents():
        segno.make(content, error=error, micro=False, boost_error=False)
    widths = set(both_choices)
    assert len(both_choices) == 1200
    assert min(widths) == 21 and max(widths) >= 117  # version 1 up to version 25 and beyond (version info)


def test_micro_codes_keep_segnos_choice(both_choices: list[int]) -> None:
    segno.make("12345", micro=True)
    assert both_choices == [11]  # compared, and the fast path handed it to segno's own evaluation


def test_badge_qr_svg_is_the_same_with_and_without_the_fast_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "https://ada.example.org/portfolio/badges/aws-certified-solutions-architect-associate/"
    fast = qr_svg(url)
    assert encoder.find_and_apply_best_mask is qr_mask.find_and_apply_best_mask
    monkeypatch.setattr(encoder, "find_and_apply_best_mask", qr_mask._segno_choice)
    monkeypatch.setattr(qr_mask, "install", lambda: False)
    assert qr_svg(url) == fast


def test_an_unchecked_segno_version_keeps_its_own_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segno, "__version__", "9.0.0")
    monkeypatch.setattr(encoder, "find_and_apply_best_mask", qr_mask._segno_choice)
    assert qr_mask.install() is False
    assert encoder.find_and_apply_best_mask is qr_mask._segno_choice
