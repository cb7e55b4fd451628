"""Markdown: CommonMark + tables + footnotes + heading anchors, raw HTML off, links limited to safe schemes,
and root-relative links (`/badges/aws/`) placed under the site's base path so they work on project pages."""

from __future__ import annotations

import functools
import hashlib
import re
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.footnote import footnote_plugin

from badgesite.cache import ContentCache
from badgesite.slugs import slugify

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
MARKDOWN_CACHE_VERSION = b"markdown-4"
# Characters that can start Markdown syntax anywhere in a line (and every control character, newlines too).
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]<>&|~!#\x00-\x1f\x7f]")
# Characters that can open a block (list, heading, quote, rule, setext line) at the start of a line.
_BLOCK_START = frozenset("-+=>#0123456789")
_URL_ATTRIBUTE = {"link_open": "href", "image": "src"}


def _safe_link(url: str) -> bool:
    """Allow relative links and http(s)/mailto only; javascript:, data:, file: and the rest are dropped."""
    scheme = urlsplit(url.strip()).scheme.lower()
    return scheme == "" or scheme in SAFE_LINK_SCHEMES


def _under_base_path(base_path: str):
    """`/badges/aws/` -> `/portfolio/badges/aws/`; protocol-relative `//host` links are left alone."""

    def rule(state: StateCore) -> None:
        for block in state.tokens:
            if block.type != "inline":
                continue  # links and images only ever sit inside inline tokens
            for token in block.children or ():
                attribute = _URL_ATTRIBUTE.get(token.type)
                if attribute is None:
                    continue
                value = token.attrs.get(attribute)
                if isinstance(value, str) and value.startswith("/") and not value.startswith("//"):
                    token.attrSet(attribute, base_path + value[1:])

    return rule


@functools.lru_cache(maxsize=8)
def make_markdown(base_path: str = "/") -> MarkdownIt:
    """One configured parser per base path; the render stage keeps them for the process's life."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.use(footnote_plugin)
    md.use(anchors_plugin, min_level=2, max_level=4, slug_func=slugify, permalink=False)
    md.validateLink = _safe_link  # type: ignore[method-assign]
    if base_path != "/":
        md.core.ruler.push("base_path", _under_base_path(base_path))
    return md


def plain_line(text: str) -> str | None:
    """The text when it is one line that Markdown prints as written (most descriptions and summaries), else
    None. Those skip the parser: at thousands of badges, parsing plain sentences is a tenth of a build."""
    line = text[:-1] if text.endswith("\n") else text
    if not line or line != line.strip() or line[0] in _BLOCK_START or _INLINE_SYNTAX.search(line):
        return None
    return line


@functools.lru_cache(maxsize=4096)
def render_markdown(text: str, base_path: str = "/") -> str:
    """Block Markdown to HTML; cached because lists and pages render the same descriptions many times."""
    line = plain_line(text)
    if line is not None:
        return "<p>" + line.replace('"', "&quot;") + "</p>\n"  # `"` is all there is left to escape
    return make_markdown(base_path).render(text)  # footnote ids are made unique per page: render/footnote_ids.py


_made_ahead: dict[tuple[str, bytes], str] = {}  # (base path, text_key(text)) -> HTML


def text_key(text: str) -> bytes:
    """What a text is remembered by: its digest, so the other processes need not send the text back."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def remember(key: bytes, base_path: str, html: str) -> None:
    """Keep HTML rendered by other processes (render/ahead.py) for the pages rendered next."""
    _made_ahead[(base_path, key)] = html


def forget_remembered() -> None:
    _made_ahead.clear()


def cached_markdown(text: str, cache: ContentCache | None, base_path: str = "/") -> str:
    """Block Markdown through the on-disk cache, so an unchanged case study is not parsed again next build."""
    if _made_ahead:
        made = _made_ahead.get((base_path, text_key(text)))
        if made is not None:
            return made
    if cache is None or len(text) < 200 or plain_line(text) is not None:  # a plain line costs less than a file
        return render_markdown(text, base_path)
    key = hashlib.sha256(MARKDOWN_CACHE_VERSION + base_path.encode() + b"\0" + text.encode("utf-8")).hexdigest()
    found = cache.get("markdown", key)
    if found is not None:
        return found.decode("utf-8")
    html = render_markdown(text, base_path)
    cache.put("markdown", key, html.encode("utf-8"))
    return html


@functools.lru_cache(maxsize=4096)
def render_inline(text: str, base_path: str = "/") -> str:
    """Inline Markdown (no paragraphs) for one-line fields such as testimonial quotes."""
    return make_markdown(base_path).renderInline(text)
