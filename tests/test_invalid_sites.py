"""Each folder under tests/sites/invalid/ is a site with one kind of mistake and the exact lines expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from badgesite.cli import main

CASES = sorted(p for p in (Path(__file__).parent / "sites" / "invalid").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_problems_are_reported_exactly(case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "out"
    exit_code = main(["build", str(case), "-o", str(output)])
    captured = capsys.readouterr()
    assert exit_code == 1
    assert captured.err == (case / "expected.txt").read_text(encoding="utf-8")
    assert not output.exists(), "a build with problems must write nothing"


def test_every_rule_has_a_case() -> None:
    names = {case.name for case in CASES}
    assert {
        "yaml-syntax",
        "wrong-type",
        "missing-required",
        "unknown-key",
        "bad-date",
        "expires-before-earned",
        "url-scheme",
        "unknown-badge",
        "duplicate-id",
        "missing-files",
        "unknown-level",
    } <= names
