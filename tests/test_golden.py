"""The whole sample site's output, compared byte for byte with the reviewed expected tree."""

from __future__ import annotations

from pathlib import Path

from tests.golden import EXPECTED, build_sample, snapshot, stored


def test_sample_site_output_matches_the_golden_tree(tmp_path: Path) -> None:
    output = tmp_path / "out"
    build_sample(output)
    actual, expected = snapshot(output), stored()
    assert sorted(actual) == sorted(expected), "files differ: run python tests/golden.py --update and review"
    changed = [path for path in actual if actual[path] != expected[path]]
    assert changed == [], f"changed output in {changed[:10]}: run python tests/golden.py --update and review"
    assert EXPECTED.is_dir()
