"""Markdown: CommonMark + tables + footnotes + heading anchors, raw HTML off, links limited to safe schemes."""

from __future__ import annotations

import functools
import hashlib
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.footnote import footnote_plugin

from badgesite.cache import ContentCache
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


MARKDOWN_CACHE_VERSION = b"markdown-1"


def cached_markdown(text: str, cache: ContentCache | None) -> str:
    """Block Markdown through the on-disk cache, so an unchanged case study is not parsed again next build."""
    if cache is None or len(text) < 200:
        return render_markdown(text)
    key = hashlib.sha256(MARKDOWN_CACHE_VERSION + text.encode("utf-8")).hexdigest()
    found = cache.get("markdown", key)
    if found is not None:
        return found.decode("utf-8")
    html = render_markdown(text)
    cache.put("markdown", key, html.encode("utf-8"))
    return html


@functools.lru_cache(maxsize=4096)
def render_inline(text: str) -> str:
    """Inline Markdown (no paragraphs) for one-line fields such as testimonial quotes."""
    return _parser.renderInline(text)
