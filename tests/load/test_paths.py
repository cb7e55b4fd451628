from __future__ import annotations

import os
from pathlib import Path

import pytest

from badgesite.load.paths import OutsideSite, resolve_inside


def test_relative_paths_inside_the_site_resolve(tmp_path: Path) -> None:
    (tmp_path / "badges").mkdir()
    (tmp_path / "assets").mkdir()
    assert resolve_inside(tmp_path, tmp_path / "badges", "../assets/x.png") == tmp_path / "assets" / "x.png"


@pytest.mark.parametrize("written", ["../../etc/passwd", "/etc/passwd", "C:/Windows/win.ini", "a\x00b"])
def test_paths_leaving_the_site_are_refused(tmp_path: Path, written: str) -> None:
    (tmp_path / "badges").mkdir()
    with pytest.raises(OutsideSite):
        resolve_inside(tmp_path, tmp_path / "badges", written)


def test_symlinks_out_of_the_site_are_refused(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "secret.txt").write_text("secret")
    os.symlink(tmp_path / "secret.txt", site / "link.txt")
    with pytest.raises(OutsideSite):
        resolve_inside(site, site, "link.txt")
