"""A `# Heading` in a case study or page body: the page's title is already its one `<h1>`, and a second one
muddles the outline that screen readers and search engines read."""

from __future__ import annotations

import re
from collections.abc import Iterator

from badgesite.audit.context import AuditContext
from badgesite.audit.findings import WARNING
from badgesite.problems import Problem
from badgesite.render.markdown import make_markdown

# A line that may start a level-1 heading (`# Title`, or `===` under a line): only such texts are parsed, as the
# links check has parsed every body already and most use `##` alone.
_MAYBE_LEVEL_ONE = re.compile(r"^ {0,3}(?:#(?:[ \t]|$)|=+[ \t]*$)", re.MULTILINE)


def find(context: AuditContext) -> Iterator[Problem]:
    site = context.site
    texts = [(study.source, study.body) for study in site.case_studies] + [
        (page.source, page.body) for page in site.pages
    ]
    for source, body in texts:
        if not _MAYBE_LEVEL_ONE.search(body):
            continue
        document = context.document(source)
        for token in make_markdown().parse(body):  # the parser the pages are rendered with
            if token.type == "heading_open" and token.tag == "h1":
                yield Problem(
                    path=document.path,
                    line=document.body_line + (token.map[0] if token.map else 0),
                    column=1,
                    message="a level-1 heading in the text: the page's title is already its heading",
                    hint="use ## for the sections of the text",
                    severity=WARNING,
                )
