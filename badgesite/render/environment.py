"""The Jinja2 environment: autoescape and StrictUndefined on, and the few filters templates need."""

from __future__ import annotations

import datetime as dt
from typing import Any

import jinja2
from markupsafe import Markup

from badgesite.render.markdown import render_inline, render_markdown
from badgesite.render.theme import Theme
from badgesite.render.trajectory import trajectory_svg

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def human_date(value: dt.date | None) -> str:
    """`31 May 2024`, the same on every machine whatever its locale."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}" if value else ""


def month_year(value: dt.date | None) -> str:
    return f"{MONTHS[value.month - 1]} {value.year}" if value else ""


class Urls:
    """Turns site-relative paths (or model objects with `.page`) into links under the base path."""

    def __init__(self, base_path: str, absolute_base: str | None) -> None:
        self.base_path = base_path
        self.absolute_base = absolute_base

    def __call__(self, target: Any = "") -> str:
        path = target if isinstance(target, str) else target.page
        return self.base_path + path.lstrip("/")

    def absolute(self, target: Any = "") -> str:
        """An absolute URL when base_url is absolute; the root-relative one otherwise."""
        path = target if isinstance(target, str) else target.page
        return (self.absolute_base or self.base_path) + path.lstrip("/")


def make_environment(theme: Theme, *, base_path: str, absolute_base: str | None) -> jinja2.Environment:
    """Every template renders through this environment; nothing user-supplied is marked safe except Markdown."""
    environment = jinja2.Environment(
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
        markdown=lambda text: Markup(render_markdown(text)) if text else Markup(""),
        inline=lambda text: Markup(render_inline(text)) if text else Markup(""),
        date=human_date,
        month=month_year,
        iso=lambda value: value.isoformat() if value else "",
    )
    environment.globals.update(
        url=urls,
        absolute_url=urls.absolute,
        theme=theme.settings,
        trajectory_svg=lambda site, rows: trajectory_svg(site, rows, urls),
    )
    return environment
