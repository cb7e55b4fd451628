"""The up-to-date check: a build that finds nothing changed does nothing, and every input it reads counts.

Each test builds, changes one thing, builds again, and reads the command's words: `is up to date` or `built`.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_SITE, TODAY, run_cli, write_files

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
    assert "badges/aws-cloud.yml:" in said and "warning: evidence[0].file: is in a hidden folder" in said
    assert (small_site / "_site" / "badges" / "aws-cloud" / "evidence" / "report.csv").read_text() == "a,b\n"
    check = run_cli("check", small_site, "--today", TODAY)
    assert check.returncode == 0 and "0 errors" not in check.stdout and "error" not in check.stdout, check.stdout


def test_an_avatar_outside_assets_is_published_where_the_pages_link_it(small_site: Path) -> None:
    shutil.copyfile(SAMPLE_SITE / "assets" / "avatar.png", small_site / "me.png")
    shutil.copytree(SAMPLE_SITE / "assets", small_site / ".private")
    config = small_site / "badgesite.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  name: Ada Example\n", "  name: Ada Example\n  avatar: me.png\n")
    )
    build(small_site)
    assert (small_site / "_site" / "me.png").read_bytes() == (small_site / "me.png").read_bytes()
    assert 'src="/portfolio/me.png"' in (small_site / "_site" / "index.html").read_text(encoding="utf-8")
    config.write_text(config.read_text(encoding="utf-8").replace("avatar: me.png", "avatar: .private/avatar.png"))
    assert "warning: owner.avatar: is in a hidden folder" in build(small_site)


def test_links_that_loop_and_folders_nested_deeper_than_the_stack_are_walked_safely(small_site: Path) -> None:
    (small_site / "me").symlink_to(small_site / "me")
    (small_site / "notes").mkdir()
    (small_site / "notes" / "a").symlink_to(small_site / "notes" / "b")
    (small_site / "notes" / "b").symlink_to(small_site / "notes" / "a")
    deep = str(small_site / "misc")
    os.mkdir(deep)
    for _ in range(1100):  # one level at a time: os.makedirs recurses as deep as the folders go
        deep = os.path.join(deep, "a")
        os.mkdir(deep)
    Path(deep, "deep.txt").write_text("one", encoding="utf-8")
    build(small_site)
    Path(deep, "deep.txt").write_text("two", encoding="utf-8")
    assert UP_TO_DATE not in build(small_site)
    os.remove(os.path.join(deep, "deep.txt"))
    while deep != str(small_site):  # pytest's own clean-up recurses, and would fail on this depth
        os.rmdir(deep)
        deep = os.path.dirname(deep)


def test_a_large_file_changed_at_its_end_is_noticed(small_site: Path) -> None:
    big = write_files(small_site, {"assets/video.bin": b"\0" * (3 << 20)}) / "assets" / "video.bin"
    build(small_site)
    with open(big, "r+b") as file:
        file.seek(-1, os.SEEK_END)
        file.write(b"\1")
    assert UP_TO_DATE not in build(small_site)
    assert (small_site / "_site" / "assets" / "video.bin").read_bytes()[-1:] == b"\1"


def test_a_linked_out_template_is_an_input_however_else_its_folder_is_reached(small_site: Path, tmp_path: Path) -> None:
    shared = write_files(tmp_path / "shared", {"page.html": '{% extends "!base/page.html" %}\n'})
    write_files(small_site, {"pages/about.md": "---\ntitle: About\n---\nHello.\n"})
    (small_site / "templates").mkdir()
    (small_site / "templates" / "page.html").symlink_to(shared / "page.html")
    (small_site / "archive").mkdir()
    (small_site / "archive" / "old-templates").symlink_to(small_site / "templates", target_is_directory=True)
    build(small_site)
    (shared / "page.html").write_text('{% extends "!base/page.html" %}{% block content %}New{% endblock %}\n')
    assert UP_TO_DATE not in build(small_site)


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_a_warning_naming_a_file_that_is_not_utf8_is_said_again_when_up_to_date(small_site: Path) -> None:
    with open(os.path.join(os.fsencode(small_site), b"pages", b"caf\xe9.txt"), "wb") as file:
        file.write(b"x")
    first = build(small_site)
    assert "pages/caf" in first and "not read" in first
    again = build(small_site)
    assert UP_TO_DATE in again and "pages/caf" in again
