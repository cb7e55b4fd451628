"""A site's own templates and themes: their mistakes are problems at their file and line, once, never an
internal error; a theme is a name, never a path out of the site folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from badgesite.render.links import Urls
from tests.conftest import REPO, TODAY, run_cli, write_files

HOME = '{% extends "!base/home.html" %}\n{% block intro %}\n{{ EXPRESSION }}{% endblock %}\n'


@pytest.mark.parametrize(
    ("expression", "error"),
    [
        ("site.owner.avatar|url", "AttributeError: 'NoneType' object has no attribute 'page'"),
        ("1/0", "ZeroDivisionError: division by zero"),
        ("site.title + 1", "TypeError: "),
    ],
)
def test_an_error_raised_inside_a_template_is_a_problem_at_its_line(
    small_site: Path, expression: str, error: str
) -> None:
    write_files(small_site, {"templates/home.html": HOME.replace("EXPRESSION", expression)})
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 1
    assert f"templates/home.html:3:1: template error while rendering index.html: {error}" in result.stderr
    assert "internal error" not in result.stderr


def test_one_mistake_met_by_every_page_is_reported_once(small_site: Path) -> None:
    write_files(
        small_site,
        {"templates/base.html": '{% extends "!base/base.html" %}{% block footer %}{{ ownr.name }}{% endblock %}\n'},
    )
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith("templates/base.html:1:1: template error while rendering ")
    assert " other pages: 'ownr' is undefined" in lines[0]


def test_the_page_named_is_the_same_on_one_process_and_on_several(tmp_path: Path) -> None:
    """Which process meets a mistake first varies; the page named is the one whose path sorts first."""
    site = tmp_path / "big"
    subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"), "120", str(site)], check=True)
    broken = '{% extends "!base/case_study.html" %}{% block content %}{{ 1/0 }}{% endblock %}\n'
    write_files(site, {"templates/case_study.html": broken})
    options = ("--today", TODAY, "--no-cache", "-o")
    serial = run_cli("build", site, *options, tmp_path / "one", env={"BADGESITE_WORKERS": "1"})
    parallel = run_cli("build", site, *options, tmp_path / "several")
    assert serial.returncode == parallel.returncode == 1, serial.stderr + parallel.stderr
    assert serial.stderr == parallel.stderr
    first = min(path.stem for path in (site / "case-studies").glob("*.md"))
    assert f"while rendering case-studies/{first}/index.html and 119 other pages: ZeroDivisionError" in serial.stderr


@pytest.mark.parametrize("theme", ["../outside", "/tmp", "..", "a/b"])
def test_a_theme_is_a_name_never_a_path(small_site: Path, tmp_path: Path, theme: str) -> None:
    write_files(tmp_path / "outside", {"theme.yml": "name: outside\n", "templates/base.html": "x"})
    config = small_site / "badgesite.yml"
    text = config.read_text()
    config.write_text(text + f'theme: "{theme}"\n')
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 1
    line = text.count("\n") + 1
    assert f'badgesite.yml:{line}:8: theme: expected the name of a theme, got "{theme}"' in result.stderr


def test_an_unknown_theme_is_reported_at_its_line(small_site: Path) -> None:
    config = small_site / "badgesite.yml"
    text = config.read_text()
    config.write_text(text + "theme: nosuch\n")
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 1
    assert f'badgesite.yml:{text.count(chr(10)) + 1}:8: theme: no theme named "nosuch"' in result.stderr


def test_a_bad_extends_is_reported_in_the_theme_that_says_it(small_site: Path) -> None:
    write_files(small_site, {"themes/mine/theme.yml": "extends: nosuch\n"})
    config = small_site / "badgesite.yml"
    config.write_text(config.read_text() + "theme: mine\n")
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 1
    assert 'themes/mine/theme.yml:1:10: extends: no theme named "nosuch"' in result.stderr


@pytest.mark.parametrize(
    "address", ["https://example.org/x", "http://a.b/", "mailto:ada@example.org", "//cdn.example.org/a.css"]
)
def test_a_whole_address_passes_through_url_unchanged(address: str) -> None:
    urls = Urls("/portfolio/", "https://example.org/portfolio/")
    assert urls(address) == address
    assert urls.absolute(address) == address
    assert urls("badges/aws/") == "/portfolio/badges/aws/"
    assert urls.absolute("badges/aws/") == "https://example.org/portfolio/badges/aws/"


def test_an_extends_loop_is_reported_where_it_closes(small_site: Path) -> None:
    write_files(small_site, {"themes/mine/theme.yml": "extends: other\n", "themes/other/theme.yml": "extends: mine\n"})
    config = small_site / "badgesite.yml"
    config.write_text(config.read_text() + "theme: mine\n")
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 1
    assert 'themes/other/theme.yml:1:10: extends: theme "mine" extends itself in a loop (mine -> other -> mine)' in (
        result.stderr
    )


def test_an_extends_that_is_not_a_name_says_what_it_is(small_site: Path) -> None:
    write_files(small_site, {"themes/mine/theme.yml": "extends: [a]\n"})
    config = small_site / "badgesite.yml"
    config.write_text(config.read_text() + "theme: mine\n")
    result = run_cli("build", small_site, "--today", TODAY)
    assert "themes/mine/theme.yml:1:10: extends: expected the name of a theme, got a list" in result.stderr


def test_a_template_that_is_not_utf8_is_a_problem_at_its_line(small_site: Path) -> None:
    broken = b'{% extends "!base/home.html" %}\n{% block intro %}caf\xe9{% endblock %}\n'
    (small_site / "templates").mkdir(exist_ok=True)
    (small_site / "templates" / "home.html").write_bytes(broken)
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 1
    assert "templates/home.html:2:1: template error while rendering index.html: the file is not UTF-8 text" in (
        result.stderr
    )
    assert "internal error" not in result.stderr
