"""A template override under a misspelt name replaces nothing: the build says so instead of skipping it."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import TODAY, run_cli, write_files


def test_a_misspelt_override_is_named_and_a_used_partial_is_not(small_site: Path) -> None:
    write_files(
        small_site,
        {
            "templates/bagde.html": '{% extends "!base/badge.html" %}\n',
            "templates/home.html": '{% extends "!base/home.html" %}{% block intro %}{% include "homes.html" %}'
            "{% endblock %}\n",
            "templates/homes.html": "<p>Hello</p>\n",  # close to home.html, but included: a partial of the site's
            "templates/my-footer-notes.html": "not close to any theme template\n",
        },
    )
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "templates/bagde.html: warning: overrides no template of the theme, and no template uses it "
        "(did you mean templates/badge.html? that name replaces the theme's badge.html)"
    ]
    assert "<p>Hello</p>" in (small_site / "_site" / "index.html").read_text(encoding="utf-8")


def test_partials_named_by_a_theme_or_in_a_list_or_at_render_time_are_not_misspellings(small_site: Path) -> None:
    config = small_site / "badgesite.yml"
    config.write_text(config.read_text(encoding="utf-8") + "theme: mine\n", encoding="utf-8")
    write_files(
        small_site,
        {
            "themes/mine/theme.yml": "extends: default\n",
            "themes/mine/templates/home.html": '{% extends "!base/home.html" %}{% block intro %}'
            '{% include "badges_.html" %}{% include ["skill_.html", "none.html"] %}{% endblock %}\n',
            "templates/badges_.html": "<p>from the site</p>\n",
            "templates/skill_.html": "<p>listed</p>\n",
        },
    )
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    write_files(
        small_site,
        {
            "templates/bagde.html": "x\n",
            "templates/page.html": '{% extends "!base/page.html" %}{% block content %}'
            '{% include page.title ~ ".html" ignore missing %}{% endblock %}\n',
        },
    )
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", "a name computed at render time may be bagde.html itself"


def test_an_override_jinja_would_pass_over_is_named(small_site: Path, tmp_path: Path) -> None:
    templates = small_site / "templates"
    (templates / "page.html").mkdir(parents=True)
    (templates / "badge.html").symlink_to(tmp_path / "gone.html")
    os.mkfifo(templates / "home.html")
    write_files(small_site, {"templates/skill.html": '\ufeff{% extends "!base/skill.html" %}\n'})
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "templates/badge.html: warning: is a link that leads to no file, so the theme's template is used instead "
        "(make it a template file, or remove it)",
        "templates/home.html: warning: is a named pipe or a device, not a file, so the theme's template is used "
        "(make it a template file, or remove it)",
        "templates/page.html: warning: is a folder, not a template, so the theme's template is used instead "
        "(make it a template file, or remove it)",
    ]
    skill_page = next((small_site / "_site" / "skills").glob("*/index.html"))
    assert skill_page.read_bytes().startswith(b"<!doctype html>")  # no byte-order mark
