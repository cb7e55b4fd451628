"""Two outputs that cannot both be written: reported with the path and how to fix it, the previous output kept."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import SAMPLE_SITE, TODAY, run_cli, write_files


def test_a_page_that_a_theme_file_needs_as_its_folder_is_a_problem(small_site: Path) -> None:
    assert run_cli("build", small_site, "--today", TODAY).returncode == 0
    before = sorted(path.relative_to(small_site) for path in (small_site / "_site").rglob("*"))
    _page_and_theme_file(small_site, "index.html/x.css", "p{}")
    result = run_cli("build", small_site, "--today", TODAY, "--force")
    assert result.returncode == 1, result.stderr
    assert (
        "theme/index.html: is the page of pages/theme.md, and also the folder that "
        "themes/mine/static/index.html/x.css goes in (rename the page, the asset or the theme's file)"
    ) in result.stderr
    assert "internal error" not in result.stderr
    assert sorted(path.relative_to(small_site) for path in (small_site / "_site").rglob("*")) == before


def test_a_badge_named_qr_keeps_its_image_beside_its_qr_code(small_site: Path) -> None:
    shutil.copyfile(SAMPLE_SITE / "badges" / "northwind-leading-teams.svg", small_site / "badges" / "qr.svg")
    write_files(small_site, {"badges/qr.yml": "name: QR basics\nissuer: Acme\nearned: 2025-01-01\nimage: qr.svg\n"})
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    folder = small_site / "_site" / "badges" / "qr"
    assert b"LEADING TEAMS" in (folder / "qr-badge.svg").read_bytes()  # the badge's own image
    assert "QR code for the QR basics badge page" in (folder / "qr.svg").read_text(encoding="utf-8")
    assert "badges/qr/qr-badge.svg" in (folder / "index.html").read_text(encoding="utf-8")


def test_a_page_and_a_theme_file_of_the_same_path_are_both_named(small_site: Path) -> None:
    _page_and_theme_file(small_site, "index.html", "<p>a theme file</p>")
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 1
    assert (
        "theme/index.html: two outputs claim this path: the page of pages/theme.md and themes/mine/static/index.html"
    ) in result.stderr


def _page_and_theme_file(site: Path, static_path: str, content: str) -> None:
    """A page whose address is theme/, and a local theme (extending default) with one static file."""
    write_files(
        site,
        {
            "pages/theme.md": "---\ntitle: Theme\n---\nA page whose address is theme/.\n",
            "themes/mine/theme.yml": "extends: default\n",
            f"themes/mine/static/{static_path}": content,
        },
    )
    config = site / "badgesite.yml"
    config.write_text(config.read_text(encoding="utf-8") + "theme: mine\n", encoding="utf-8")
