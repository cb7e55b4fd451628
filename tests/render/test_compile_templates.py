"""Templates are compiled before the render workers are forked, so that no worker compiles one again: the page
templates and, followed through their extends and imports, the templates they are made of. The Markdown
workers compile them ahead (render/compiled.py); their code is used only while the source is the same."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from badgesite.build import BuildOptions, Prepared, prepare
from badgesite.problems import Problem
from badgesite.render import Renderer
from badgesite.render.compiled import compile_theme
from badgesite.render.template_deps import named_in
from tests.conftest import SAMPLE_SITE, write_files

pytestmark = pytest.mark.skipif(not (SAMPLE_SITE / "badgesite.yml").is_file(), reason="sample-site/ is missing")


def test_a_page_template_is_compiled_with_what_it_extends_and_imports() -> None:
    prepared = prepare(BuildOptions(site_root=SAMPLE_SITE, today=dt.date(2026, 11, 29), use_cache=False))
    renderer = Renderer(prepared.site, prepared.theme)
    renderer.compile_templates(["badge.html"])
    compiled = {name for _, name in renderer.environment.cache or {}}
    assert compiled == {"badge.html", "base.html", "macros.html", "!base/base.html"}


def test_names_are_read_from_extends_import_from_and_include() -> None:
    source = """{% extends "base.html" %}
{%- import 'macros.html' as m -%}
{% from "!base/parts.html" import card %}
{% include "footer.html" %}
{% include page.template %}{# a computed name is left for rendering #}
{{ "not a tag.html" }}"""
    assert named_in(source) == {"base.html", "macros.html", "!base/parts.html", "footer.html"}


def _prepared(site: Path) -> Prepared:
    return prepare(BuildOptions(site_root=site, today=dt.date(2026, 11, 29), use_cache=False))


def _compiled_here(renderer: Renderer, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates this process compiles itself from now on."""
    compiled: list[str] = []
    compile_source = renderer.environment.compile

    def counted(source: str, name: str | None = None, *arguments: object, **options: object) -> object:
        compiled.append(str(name))
        return compile_source(source, name, *arguments, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(renderer.environment, "compile", counted)
    return compiled


def test_code_compiled_by_another_process_is_used_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    prepared = _prepared(SAMPLE_SITE)
    made = compile_theme(prepared.theme, prepared.site.base_path, prepared.site.absolute_base)
    expected = Renderer(prepared.site, prepared.theme)
    renderer = Renderer(prepared.site, prepared.theme)
    compiled_here = _compiled_here(renderer, monkeypatch)
    renderer.compile_templates({spec.template for spec in prepared.specs}, made)
    assert compiled_here == []
    for spec in prepared.specs[:40]:
        assert renderer.render(spec) == expected.render(spec)


def test_a_template_edited_since_it_was_compiled_elsewhere_is_compiled_again(
    small_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = '{% extends "!base/home.html" %}{% block intro %}VERSION{% endblock %}\n'
    write_files(small_site, {"templates/home.html": home.replace("VERSION", "first words")})
    prepared = _prepared(small_site)
    made = compile_theme(prepared.theme, prepared.site.base_path, prepared.site.absolute_base)
    write_files(small_site, {"templates/home.html": home.replace("VERSION", "second words")})
    renderer = Renderer(prepared.site, prepared.theme)
    compiled_here = _compiled_here(renderer, monkeypatch)
    renderer.compile_templates(["home.html"], made)
    assert compiled_here == ["home.html"]
    [home_page] = [spec for spec in prepared.specs if spec.template == "home.html"]
    html = renderer.render(home_page)
    assert isinstance(html, bytes) and b"second words" in html and b"first words" not in html


def test_a_template_with_a_mistake_is_left_for_its_page_to_report(
    small_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_files(small_site, {"templates/home.html": '{% extends "!base/home.html" %}\n{% block intro %}{{ %}\n'})
    prepared = _prepared(small_site)
    made = compile_theme(prepared.theme, prepared.site.base_path, prepared.site.absolute_base)
    renderer = Renderer(prepared.site, prepared.theme)
    compiled_here = _compiled_here(renderer, monkeypatch)
    renderer.compile_templates({spec.template for spec in prepared.specs}, made)
    assert compiled_here == ["home.html"]
    [home_page] = [spec for spec in prepared.specs if spec.template == "home.html"]
    problem = renderer.render(home_page)
    assert isinstance(problem, Problem) and problem.path == "templates/home.html" and problem.line == 2


def test_code_compiled_for_another_site_address_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """Jinja calls filters on constants while compiling: `{{ "feed.xml"|url }}` is compiled into a link."""
    prepared = _prepared(SAMPLE_SITE)
    made = compile_theme(prepared.theme, "/elsewhere/", "https://elsewhere.example/elsewhere/")
    expected = Renderer(prepared.site, prepared.theme)
    renderer = Renderer(prepared.site, prepared.theme)
    compiled_here = _compiled_here(renderer, monkeypatch)
    renderer.compile_templates({spec.template for spec in prepared.specs}, made)
    assert "base.html" in compiled_here and "badge.html" in compiled_here
    for spec in prepared.specs[:40]:
        html = renderer.render(spec)
        assert html == expected.render(spec) and isinstance(html, bytes) and b"elsewhere" not in html
