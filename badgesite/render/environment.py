"""The Jinja2 environment: autoescape and StrictUndefined on, and the few filters templates need."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

import jinja2
from markupsafe import Markup

from badgesite.cache import ContentCache
from badgesite.render.badge_filter import level_skill_pairs
from badgesite.render.dates import human_date, month_year
from badgesite.render.fragments import Fragments
from badgesite.render.links import Urls
from badgesite.render.markdown import cached_markdown, render_inline
from badgesite.render.numbers import grouped
from badgesite.render.structured_data import jsonld_script
from badgesite.render.theme import Theme
from badgesite.render.trajectory import trajectory_svg


class _Environment(jinja2.Environment):
    """Each template keeps its globals as one plain dict rather than Jinja's ChainMap over the environment's:
    every render and every `{% import %}` copies them into a new context, and copying a ChainMap runs in
    Python (a twentieth of a badge page's time). The globals are all set before any template loads."""

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return {**self.globals, **(d or {})}


def make_environment(
    theme: Theme,
    *,
    base_path: str,
    absolute_base: str | None,
    markdown_cache: ContentCache | None = None,
    fragments: Fragments | None = None,
) -> jinja2.Environment:
    """Every template renders through this environment; nothing user-supplied is marked safe except Markdown."""
    environment = _Environment(
        loader=theme.loader(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    urls = Urls(base_path, absolute_base)
    environment.filters.update(
        markdown=lambda text: Markup(cached_markdown(text, markdown_cache, base_path)) if text else Markup(""),
        inline=lambda text: Markup(render_inline(text, base_path)) if text else Markup(""),
        date=human_date,
        month=month_year,
        iso=lambda value: value.isoformat() if value else "",
        grouped=grouped,
        # Also globals (below); as filters Jinja calls them directly instead of through Context.call, which
        # costs more than the link itself and a page makes twenty links.
        url=urls,
        absolute_url=urls.absolute,
    )
    environment.globals.update(
        url=urls,
        absolute_url=urls.absolute,
        theme=theme.settings,
        trajectory_svg=lambda site, rows: trajectory_svg(site, rows, urls),
        json_ld=jsonld_script,
        level_skill_pairs=level_skill_pairs,
    )
    fragments = fragments if fragments is not None else Fragments()
    environment.globals.update(fragment=fragments, fragment_each=fragments.each)
    return environment
