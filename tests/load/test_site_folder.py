from __future__ import annotations

import os
from pathlib import Path

from badgesite.load import read_site
from tests.conftest import MINIMAL_CONFIG, write_files


def test_hidden_files_backups_and_links_out_of_the_site_are_not_read(tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": MINIMAL_CONFIG,
            "badges/a.yml": "name: A\nissuer: AWS\nearned: 2024-01-01\n",
            "badges/.hidden.yml": "x",
            "badges/a.yml~": "x",
            "badges/archive/b.yml": "name: B\nissuer: AWS\nearned: 2024-01-01\n",
        },
    )
    (tmp_path / "secret.yml").write_text("password: hunter2\n")
    os.symlink(tmp_path / "secret.yml", site / "badges" / "secret.yml")
    sources = read_site(site)
    assert [doc.path for doc in sources.badges] == ["badges/a.yml", "badges/archive/b.yml"]
    assert [p.format() for p in sources.problems] == [
        "badges/secret.yml: is a symbolic link to a file outside the site folder, which is never followed "
        "(copy the file into the site folder)"
    ]


def test_a_folder_link_out_of_the_site_is_a_problem_and_one_inside_is_read(tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": MINIMAL_CONFIG,
            "shared/logo.png": b"png",
            "assets/site.css": "body {}",
        },
    )
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "notes.txt").write_text("secret\n")
    os.symlink(tmp_path / "private", site / "assets" / "private")
    os.symlink(site / "shared", site / "assets" / "shared")
    os.symlink(site / "assets", site / "assets" / "loop")  # a link back to a folder already read
    sources = read_site(site)
    assert sources.assets == ("assets/shared/logo.png", "assets/site.css")
    assert [p.format() for p in sources.problems] == [
        "assets/private: is a symbolic link to a folder outside the site folder, which is never followed "
        "(copy the folder into the site folder)"
    ]


def test_a_missing_config_is_one_problem_with_the_way_out(tmp_path: Path) -> None:
    sources = read_site(tmp_path)
    assert [p.format() for p in sources.problems] == [
        f"badgesite.yml: no badgesite.yml in {tmp_path} (run `badgesite init DIR` to start a site, or pass the "
        "site folder to the command)"
    ]
