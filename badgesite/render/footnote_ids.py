"""Footnote ids unique on a page. markdown-it numbers each text's footnotes from 1 (`#fn1`, `#fnref1`), and a
page shows several texts: a badge's description and its evidence narratives, a listing's descriptions. The
first text with footnotes keeps its ids (a case study's own notes stay `#fn1`); each later one gets its
number in front (`#fn2-1`), so every reference leads to its own note and back."""

from __future__ import annotations

import re

_SECTION_END = b"</section>"
_SECTION_START = b'<section class="footnotes">'
# The footnote plugin's ids and the links to them: `id="fn1"`, `href="#fnref1"`, `id="fnref1:2"` (a second reference).
_FOOTNOTE_ID = re.compile(rb'(id="|href="#)(fn(?:ref)?)(\d+(?::\d+)?")')


def unique_footnote_ids(html: bytes) -> bytes:
    """The page with the footnote ids of its second and later texts numbered by text (`fn2-1`)."""
    if html.count(_SECTION_START) < 2:
        return html  # almost every page: one text with footnotes at most
    parts: list[bytes] = []
    start, text = 0, 0
    while (opening := html.find(_SECTION_START, start)) >= 0:
        end = html.find(_SECTION_END, opening)
        end = len(html) if end < 0 else end + len(_SECTION_END)
        segment = html[start:end]  # one text's references, then its notes
        text += 1
        if text > 1:
            segment = _FOOTNOTE_ID.sub(rb"\g<1>\g<2>%d-\g<3>" % text, segment)
        parts.append(segment)
        start = end
    parts.append(html[start:])
    return b"".join(parts)
