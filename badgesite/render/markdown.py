"""Markdown: CommonMark + tables + footnotes + heading anchors, raw HTML off, links limited to safe schemes."""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.footnote import footnote_plugin

from badgesite.slugs import slugify

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def _safe_link(url: str) -> bool:
    """Allow relative links and http(s)/mailto only; javascript:, data:, file: and the rest are dropped."""
    scheme = urlsplit(url.strip()).scheme.lower()
    return scheme == "" or scheme in SAFE_LINK_SCHEMES


def make_markdown() -> MarkdownIt:
    """One configured parser; the render stage keeps one per process."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.use(footnote_plugin)
    md.use(anchors_plugin, min_level=2, max_level=4, slug_func=slugify, permalink=False)
    md.validateLink = _safe_link  # type: ignore[method-assign]
    return md


_parser = make_markdown()


@functools.lru_cache(maxsize=4096)
def render_markdown(text: str) -> str:
    """Block Markdown to HTML; cached because lists and pages render the same descriptions many times."""
    return _parser.render(text)


@functools.lru_cache(maxsize=4096)
def render_inline(text: str) -> str:
    """Inline Markdown (no paragraphs) for one-line fields such as testimonial quotes."""
    return _parser.renderInline(text)
