from __future__ import annotations

from pathlib import Path

from badgesite.validate.reference import reference
from badgesite.validate.schemas import ALL

REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "reference.md"


def test_reference_matches_the_schemas() -> None:
    assert REFERENCE.read_text(encoding="utf-8") == reference(), (
        "docs/reference.md is stale: run python -m badgesite.validate.reference > docs/reference.md"
    )


def test_every_field_is_documented() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    for _, record in ALL:
        for spec in record.fields:
            assert f"`{spec.name}`" in text
            assert spec.doc, f"{record.title}.{spec.name} has no description"
