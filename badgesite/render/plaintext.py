"""Markdown source to one line of plain text, for places that cannot hold HTML (feeds, JSON-LD, resumes)."""

from __future__ import annotations

import functools
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from badgesite.render.markdown import make_markdown, plain_line

_SPACE = re.compile(r"\s+")
# Characters XML 1.0 forbids; metadata that carries them would make a feed or sitemap unparseable.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return make_markdown()


def _inline_text(children: list[Token]) -> list[str]:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.extend(_inline_text(child.children or []))
    return parts


@functools.lru_cache(maxsize=4096)
def markdown_text(source: str | None) -> str:
    """The words of a Markdown field without markup: `**Cost** [cut](x)` -> `Cost cut`; blocks joined by spaces."""
    if not source:
        return ""
    line = plain_line(source)
    if line is not None:
        return xml_safe(_SPACE.sub(" ", line))
    parts: list[str] = []
    for token in _parser().parse(source):
        if token.type == "inline":
            parts.extend(_inline_text(token.children or []))
        elif token.type in ("code_block", "fence"):
            parts.append(token.content)
        parts.append(" ")
    return xml_safe(_SPACE.sub(" ", "".join(parts)).strip())


def xml_safe(text: str) -> str:
    """Drop the control characters XML cannot carry (escaping cannot help with those)."""
    return _NOT_XML.sub("", text)
