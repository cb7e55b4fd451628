"""SVG badge images with scripts are refused: served from the portfolio's address, they would run there."""

from __future__ import annotations

from pathlib import Path

import pytest

from badgesite.bake.images import ImageProblem
from badgesite.bake.svg_safety import refuse_active_svg
from tests.conftest import FIXTURES, MINIMAL_CONFIG, TODAY, run_cli, write_files

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">{}</svg>'
)


@pytest.mark.parametrize(
    ("inner", "named"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ('<circle r="4" onload="alert(1)"/>', "onload"),
        ('<a xlink:href=" JavaScript:alert(1)"><circle r="4"/></a>', "links to a script"),
        ('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>', "<foreignObject>"),
    ],
)
def test_active_content_is_refused(inner: str, named: str) -> None:
    with pytest.raises(ImageProblem, match=named):
        refuse_active_svg(SVG.format(inner).encode())


def test_plain_drawings_and_the_public_fixtures_pass() -> None:
    refuse_active_svg(SVG.format('<a xlink:href="https://example.org/"><circle r="4" fill="red"/></a>').encode())
    for path in sorted(FIXTURES.glob("*.svg")) if FIXTURES.is_dir() else []:
        refuse_active_svg(path.read_bytes())


def test_the_build_reports_the_badge_and_publishes_nothing(tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": MINIMAL_CONFIG,
            "badges/scripted.yml": "name: Scripted\nissuer: AWS\nearned: 2024-05-31\nimage: scripted.svg\n",
            "badges/scripted.svg": SVG.format("<script>alert(document.cookie)</script>"),
        },
    )
    result = run_cli("build", site, "--today", TODAY)
    assert result.returncode == 1
    assert "badges/scripted.yml" in result.stderr and "<script>" in result.stderr
    assert not (site / "_site").exists()
