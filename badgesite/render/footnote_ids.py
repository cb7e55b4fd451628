"""Footnote ids unique on a page. Each Markdown text names its footnotes after itself (`fn-1a2b3c4d-1`, see
render/markdown.py), so different texts never clash; the same text twice on one page (two evidence entries
with one narrative, two collections with one description) still would, and its second footnote links would
lead to the first copy's notes. Each later copy gets its own ids here."""

from __future__ import annotations

import re

_SECTION_END = b"</section>"
_SECTION_START = b'<section class="footnotes">'
_DOC_ID = re.compile(rb'id="fn-([0-9a-f]{8})-\d+"')


def unique_footnote_ids(html: bytes) -> bytes:
    """The page with each repeated text's footnote ids suffixed by its copy's number (`fn-1a2b3c4d-2-1`)."""
    if html.count(_SECTION_START) < 2:
        return html  # almost every page: one text with footnotes at most
    parts: list[bytes] = []
    seen: dict[bytes, int] = {}
    start = 0
    while (opening := html.find(_SECTION_START, start)) >= 0:
        end = html.find(_SECTION_END, opening)
        end = len(html) if end < 0 else end + len(_SECTION_END)
        text = html[start:end]  # one text's references, then its notes
        found = _DOC_ID.search(html, opening, end)
        if found is not None:
            doc_id = found.group(1)
            copy = seen[doc_id] = seen.get(doc_id, 0) + 1
            if copy > 1:
                text = text.replace(b"-" + doc_id + b"-", b"-" + doc_id + b"-%d-" % copy)
        parts.append(text)
        start = end
    parts.append(html[start:])
    return b"".join(parts)
