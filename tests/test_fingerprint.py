"""The up-to-date check: a build that finds nothing changed does nothing, and every input it reads counts.

Each test builds, changes one thing, builds again, and reads the command's words: `is up to date` or `built`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.conftest import TODAY, run_cli, write_files

UP_TO_DATE = "is up to date: nothing changed since the last build"


def build(site: Path) -> str:
    result = run_cli("build", site, "--today", TODAY, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def test_a_template_folder_linked_from_outside_the_site_is_an_input(small_site: Path, tmp_path: Path) -> None:
    shared = write_files(tmp_path / "shared-templates", {"page.html": '{% extends "!base/page.html" %}\n'})
    (small_site / "templates").symlink_to(shared, target_is_directory=True)
    write_files(small_site, {"pages/about.md": "---\ntitle: About\n---\nHello.\n"})
    build(small_site)
    assert UP_TO_DATE in build(small_site)
    (shared / "page.html").write_text(
        '{% extends "!base/page.html" %}{% block content %}Shared words{% endblock %}\n', encoding="utf-8"
    )
    assert UP_TO_DATE not in build(small_site)
    assert "Shared words" in (small_site / "_site" / "about" / "index.html").read_text(encoding="utf-8")


def test_a_link_out_of_a_folder_the_build_never_reads_is_not_followed(small_site: Path, tmp_path: Path) -> None:
    elsewhere = write_files(tmp_path / "elsewhere", {"big.txt": "x"})
    (small_site / "notes").mkdir()
    (small_site / "notes" / "linked").symlink_to(elsewhere, target_is_directory=True)
    build(small_site)
    (elsewhere / "big.txt").write_text("changed", encoding="utf-8")
    assert UP_TO_DATE in build(small_site)


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_an_input_like_any_other(small_site: Path) -> None:
    (small_site / "notes").mkdir()
    name = os.path.join(os.fsencode(small_site / "notes"), b"caf\xe9.txt")
    with open(name, "wb") as file:
        file.write(b"x")
    build(small_site)
    with open(name, "wb") as file:
        file.write(b"y")
    assert UP_TO_DATE not in build(small_site)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_in_the_site_folder_is_never_opened(small_site: Path) -> None:
    os.mkfifo(small_site / "notes.pipe")
    os.mkfifo(write_files(small_site, {"assets/style.css": "p{}"}).joinpath("assets", "pipe"))
    assert "built " in build(small_site)  # opening a pipe blocks until a writer comes: the build hung
    assert UP_TO_DATE in build(small_site)


def test_a_theme_publishes_no_hidden_files_nor_backups(small_site: Path) -> None:
    write_files(
        small_site,
        {
            "themes/mine/theme.yml": "extends: default\n",
            "themes/mine/static/extra.css": "p{}",
            "themes/mine/static/extra.css~": "old",
            "themes/mine/static/.hidden/h.css": "secret",
        },
    )
    config = small_site / "badgesite.yml"
    config.write_text(config.read_text(encoding="utf-8") + "theme: mine\n", encoding="utf-8")
    build(small_site)
    published = small_site / "_site" / "theme"
    assert (published / "extra.css").is_file()
    assert not (published / "extra.css~").exists() and not (published / ".hidden").exists()


def test_a_badge_file_in_a_hidden_folder_is_published_with_a_warning(small_site: Path) -> None:
    write_files(small_site, {".private/report.csv": "a,b\n"})
    badge = small_site / "badges" / "aws-cloud.yml"
    badge.write_text(
        badge.read_text(encoding="utf-8") + "evidence:\n  - {title: Report, file: ../.private/report.csv}\n",
        encoding="utf-8",
    )
    said = build(small_site)
    assert "badges/aws-cloud.yml:" in said and "evidence[0].file: is in a hidden folder" in said
    assert (small_site / "_site" / "badges" / "aws-cloud" / "evidence" / "report.csv").read_text() == "a,b\n"
