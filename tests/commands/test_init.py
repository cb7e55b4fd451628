"""`badgesite init`: the starter portfolio is complete, builds as it is, and init never destroys anything."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, run_cli

STARTER_FILES = {
    ".github/workflows/publish.yml",
    ".gitignore",
    "assets/custom.css",
    "badges/cloud-practitioner.yml",
    "badges/kubernetes-administrator.yml",
    "badgesite.yml",
    "case-studies/2025-10-15-moving-builds-to-kubernetes.md",
    "pages/about.md",
}


def tree(root: Path) -> dict[str, bytes]:
    """Every file below root with its content, to prove that nothing changed."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_init_creates_the_starter_and_it_builds_without_problems(tmp_path: Path) -> None:
    site = tmp_path / "my-portfolio"
    created = run_cli("init", site, "--name", "Ada Lovelace")
    assert created.returncode == 0, created.stderr
    assert set(tree(site)) == STARTER_FILES
    assert f"created {len(STARTER_FILES)} files in {site}" in created.stdout
    config = yaml.safe_load((site / "badgesite.yml").read_text(encoding="utf-8"))
    assert config["title"] == "Ada Lovelace — badges"
    assert config["owner"]["name"] == "Ada Lovelace"
    assert config["base_url"] == "https://USERNAME.github.io/REPO/"

    built = run_cli("build", site)
    assert built.returncode == 0, built.stderr
    assert built.stderr == "", "the starter must build with zero problems and zero warnings"
    assert (site / "_site" / "index.html").is_file()
    assert (site / "_site" / "badges" / "cloud-practitioner" / "index.html").is_file()
    assert (site / "_site" / "case-studies" / "2025-10-15-moving-builds-to-kubernetes" / "index.html").is_file()
    assert (site / "_site" / "about" / "index.html").is_file()


def test_init_prints_the_next_steps(tmp_path: Path) -> None:
    site = tmp_path / "my portfolio"
    created = run_cli("init", site)
    assert created.returncode == 0, created.stderr
    assert f"cd '{site}' && badgesite build" in created.stdout
    assert "git push -u origin main" in created.stdout
    assert "Settings → Pages → Source: GitHub Actions" in created.stdout
    config = yaml.safe_load((site / "badgesite.yml").read_text(encoding="utf-8"))
    assert config["title"] == "My badge portfolio"
    assert config["owner"]["name"] == "Your Name"


@pytest.mark.parametrize("title", ["Ada: #1 'portfolio'", "2024", "true", '"quoted" — and a \\ backslash'])
def test_title_and_name_are_written_as_yaml_that_reads_back_exactly(tmp_path: Path, title: str) -> None:
    site = tmp_path / "site"
    assert run_cli("init", site, "--title", title, "--name", "O'Brien: Jr. #2").returncode == 0
    config = yaml.safe_load((site / "badgesite.yml").read_text(encoding="utf-8"))
    assert config["title"] == title
    assert config["owner"]["name"] == "O'Brien: Jr. #2"


def test_init_refuses_a_folder_that_is_not_empty_and_changes_nothing(tmp_path: Path) -> None:
    site = tmp_path / "existing"
    (site / "badges").mkdir(parents=True)
    (site / "notes.txt").write_text("mine\n", encoding="utf-8")
    (site / "badges" / "cloud-practitioner.yml").write_text("name: mine\n", encoding="utf-8")
    before = tree(site)

    refused = run_cli("init", site)

    assert refused.returncode == 1
    assert refused.stderr == (
        f"badgesite init: {site}: the folder is not empty; nothing was written "
        "(choose a new folder, or pass --force to add only the starter files that are missing)\n"
    )
    assert tree(site) == before
    assert sorted(p.name for p in site.iterdir()) == ["badges", "notes.txt"]


def test_init_refuses_a_path_that_is_a_file(tmp_path: Path) -> None:
    path = tmp_path / "portfolio"
    path.write_text("not a folder\n", encoding="utf-8")
    refused = run_cli("init", path)
    assert refused.returncode == 1
    assert f"badgesite init: {path}: exists and is not a folder" in refused.stderr
    assert path.read_text(encoding="utf-8") == "not a folder\n"


def test_init_under_a_file_says_it_cannot_write_rather_than_crashing(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("mine\n", encoding="utf-8")
    refused = run_cli("init", blocker / "portfolio")
    assert refused.returncode == 1
    assert refused.stderr.startswith(f"badgesite init: {blocker / 'portfolio'}/")
    assert ": cannot write it: " in refused.stderr and "internal error" not in refused.stderr
    assert blocker.read_text(encoding="utf-8") == "mine\n"


def test_force_adds_missing_files_and_never_overwrites(tmp_path: Path) -> None:
    site = tmp_path / "existing"
    (site / "badges").mkdir(parents=True)
    (site / "badgesite.yml").write_text("title: Mine\nowner: {name: Me}\n", encoding="utf-8")
    (site / "badges" / "cloud-practitioner.yml").write_text("name: mine\n", encoding="utf-8")
    (site / "README.md").write_text("# my repo\n", encoding="utf-8")
    before = tree(site)

    forced = run_cli("init", site, "--force")

    assert forced.returncode == 0, forced.stderr
    after = tree(site)
    assert {path: after[path] for path in before} == before, "existing files must be left exactly as they were"
    assert set(after) == STARTER_FILES | {"README.md"}
    assert f"skipped {site / 'badgesite.yml'}: already exists, left as it was" in forced.stdout
    assert f"skipped {site / 'badges' / 'cloud-practitioner.yml'}: already exists, left as it was" in forced.stdout
    assert f"created {len(STARTER_FILES) - 2} files in {site} (2 skipped)" in forced.stdout


def test_a_fresh_clone_with_only_git_counts_as_empty(tmp_path: Path) -> None:
    site = tmp_path / "clone"
    (site / ".git").mkdir(parents=True)
    (site / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    created = run_cli("init", site)
    assert created.returncode == 0, created.stderr
    assert (site / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/main\n"
    assert (site / "badgesite.yml").is_file()


def test_starter_gitignore_keeps_output_and_cache_out_of_git(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert run_cli("init", site).returncode == 0
    ignored = (site / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "_site/" in ignored
    assert ".badgesite-cache/" in ignored


def test_help_is_complete_with_an_example() -> None:
    shown = run_cli("init", "--help")
    assert shown.returncode == 0
    assert 'example:\n  badgesite init my-portfolio --name "Ada Lovelace"' in shown.stdout
    for option in ("--title", "--name", "--force", "DIR"):
        assert option in shown.stdout


def test_missing_folder_argument_is_a_usage_error() -> None:
    assert run_cli("init").returncode == 2


def test_custom_css_names_only_variables_the_default_theme_has(tmp_path: Path) -> None:
    stylesheet = REPO / "themes" / "default" / "static" / "style.css"
    if not stylesheet.is_file():
        pytest.skip("the default theme has no stylesheet yet")
    assert run_cli("init", tmp_path / "site").returncode == 0
    custom = (tmp_path / "site" / "assets" / "custom.css").read_text(encoding="utf-8")
    named = set(re.findall(r"(--[a-z][a-z0-9-]*):", custom))
    defined = set(re.findall(r"(--[a-z][a-z0-9-]*):", stylesheet.read_text(encoding="utf-8")))
    assert named, "custom.css should show how to override the theme's variables"
    assert named <= defined, f"not variables of the default theme: {sorted(named - defined)}"
