"""Templates are compiled before the render workers are forked, so that no worker compiles one again: the page
templates and, followed through their extends and imports, the templates they are made of."""

from __future__ import annotations

import datetime as dt

import pytest

from badgesite.build import BuildOptions, prepare
from badgesite.render import Renderer
from badgesite.render.template_deps import named_in
from tests.conftest import SAMPLE_SITE

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
