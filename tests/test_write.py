"""The output folder: atomic swap, never writing into a user's folder, never losing the last good site."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from badgesite.problems import SiteError
from badgesite.write import MARKER, Staging, output_path, paths_used_as_folders, write_file, write_output


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_writes_then_replaces_wholly(tmp_path: Path) -> None:
    site, out = tmp_path / "site", tmp_path / "out"
    site.mkdir()
    write_output(out, {"index.html": b"one", "badges/a/index.html": b"a"}, site_root=site)
    write_output(out, {"index.html": b"two"}, site_root=site)
    assert tree(out) == {MARKER: tree(out)[MARKER], "index.html": b"two"}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_refuses_a_folder_of_user_files_and_deletes_nothing(tmp_path: Path) -> None:
    site, documents = tmp_path / "site", tmp_path / "Documents"
    site.mkdir()
    documents.mkdir()
    (documents / "thesis.docx").write_bytes(b"years of work")
    with pytest.raises(SiteError) as raised:
        write_output(documents, {"index.html": b"x"}, site_root=site)
    assert "refusing to write into a folder that is not empty and was not made by badgesite" in str(raised.value)
    assert tree(documents) == {"thesis.docx": b"years of work"}


@pytest.mark.parametrize("relative", [".", ".."])
def test_refuses_the_site_folder_and_its_parents(tmp_path: Path, relative: str) -> None:
    site = tmp_path / "site"
    site.mkdir()
    with pytest.raises(SiteError, match="refusing to write the site into its own source folder"):
        write_output(site / relative, {"index.html": b"x"}, site_root=site)


def test_a_failure_while_writing_keeps_the_previous_output(tmp_path: Path) -> None:
    site, out = tmp_path / "site", tmp_path / "out"
    site.mkdir()
    write_output(out, {"index.html": b"good"}, site_root=site)
    with pytest.raises(ValueError):
        write_output(out, {"index.html": b"new", "../escape.html": b"x"}, site_root=site)
    assert tree(out)["index.html"] == b"good"
    assert not (tmp_path / "escape.html").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_leftovers_of_an_interrupted_build_are_cleaned(tmp_path: Path) -> None:
    site, out = tmp_path / "site", tmp_path / "out"
    site.mkdir()
    leftover = tmp_path / ".out.tmp-abc"
    leftover.mkdir()
    (leftover / MARKER).write_text("x")
    write_output(out, {"index.html": b"x"}, site_root=site)
    assert not leftover.exists()


def test_the_output_folder_gets_the_same_permissions_as_any_new_folder(tmp_path: Path) -> None:
    """Not a private 0700 temporary folder: a web server serving a copy of the output must read it."""
    output, site = tmp_path / "_site", tmp_path / "site"
    site.mkdir()
    write_output(output, {"index.html": b"<p>hi</p>"}, site_root=site)
    reference = tmp_path / "reference"
    reference.mkdir()
    assert stat.S_IMODE(output.stat().st_mode) == stat.S_IMODE(reference.stat().st_mode)


@pytest.mark.parametrize("inside", ["assets/out", "badges/site", "pages"])
def test_refuses_an_output_inside_a_source_folder(tmp_path: Path, inside: str) -> None:
    """Else the next build would publish the previous output again, under assets/out/."""
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    with pytest.raises(SiteError) as raised:
        write_output(site / inside, {"index.html": b"x"}, site_root=site)
    assert "the next build would read its own output" in raised.value.problems[0].message
    assert not (site / inside / "index.html").exists()


def test_written_files_get_the_same_permissions_as_any_new_file(tmp_path: Path) -> None:
    """Pages are written through bare descriptors; they must still follow the umask like open() does."""
    site, output = tmp_path / "site", tmp_path / "_site"
    site.mkdir()
    write_output(output, {"badges/a/index.html": b"<p>a</p>", "index.html": b"<p>hi</p>"}, site_root=site)
    reference = tmp_path / "reference.html"
    reference.write_bytes(b"x")
    for page in ("badges/a/index.html", "index.html"):
        assert stat.S_IMODE((output / page).stat().st_mode) == stat.S_IMODE(reference.stat().st_mode)


def test_write_file_makes_folders_and_replaces_a_longer_file_wholly(tmp_path: Path) -> None:
    target = output_path(str(tmp_path), "skills/python/index.html")
    write_file(target, b"a much longer first version")
    write_file(target, b"short")
    assert (tmp_path / "skills/python/index.html").read_bytes() == b"short"


@pytest.mark.parametrize(
    ("relative", "expected"),
    [("badges/a/index.html", "badges/a/index.html"), ("a//b/./c.html", "a/b/c.html"), ("x\\y.html", "x\\y.html")],
)
def test_output_path_keeps_inside_the_folder(relative: str, expected: str) -> None:
    assert output_path("/out", relative) == "/out/" + expected


@pytest.mark.parametrize("relative", ["", "/", "/etc/passwd", "../x.html", "a/../../x.html", "a/..", "./.."])
def test_output_path_refuses_paths_that_leave_the_folder(relative: str) -> None:
    with pytest.raises(ValueError, match="escapes the output folder"):
        output_path("/out", relative)


def test_ctrl_c_while_the_old_output_is_removed_says_the_new_one_is_in_place(
    small_site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Once the new output is renamed into place, an interrupt while the old one is deleted must not be
    reported as "the previous output is unchanged", nor leave the old one beside it."""
    from badgesite import cli

    assert cli.main(["build", str(small_site), "--today", "2026-11-29", "-q"]) == 0
    config = small_site / "badgesite.yml"
    config.write_text(config.read_text().replace("title: ", "title: Renamed ", 1))
    real_rmtree, interrupted = shutil.rmtree, []

    def rmtree(path: object, *arguments: object, **named: object) -> None:
        if ".old-" in str(path) and not interrupted:
            interrupted.append(path)
            raise KeyboardInterrupt
        real_rmtree(path, *arguments, **named)  # type: ignore[arg-type]

    monkeypatch.setattr(shutil, "rmtree", rmtree)
    assert cli.main(["build", str(small_site), "--today", "2026-11-29", "-q"]) == 130
    assert interrupted
    assert "interrupted; the new output is in place" in capsys.readouterr().err
    assert "Renamed " in (small_site / "_site" / "index.html").read_text()
    assert not list(small_site.glob("._site.old-*"))


@pytest.mark.parametrize("replaced_by", ["nothing", "a folder"])
def test_a_file_to_publish_that_vanished_meanwhile_is_a_problem_naming_it(tmp_path: Path, replaced_by: str) -> None:
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    if replaced_by == "a folder":
        (site / "assets" / "big.bin").mkdir()
    with pytest.raises(SiteError) as raised, Staging(site / "_site", site_root=site) as staging:
        staging.write("assets/big.bin", site / "assets" / "big.bin")
    [problem] = raised.value.problems
    assert problem.path == "assets/big.bin"
    assert problem.message.startswith("changed while the build read it, and is no longer a file")
    assert not (site / "_site").exists() and [path.name for path in site.iterdir()] == ["assets"]


def test_an_output_that_another_needs_as_its_folder_is_a_clash() -> None:
    paths = ["theme/index.html", "theme/index.html/x.css", "theme/style.css", "badges/a/index.html", "badges/a"]
    assert paths_used_as_folders(paths) == ["badges/a", "theme/index.html"]
    assert paths_used_as_folders(["a/b/c", "a/bc", "ab/c"]) == []
