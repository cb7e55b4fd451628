"""A `# Heading` in a case study or page body: the page's title is already its one `<h1>`, and a second one
muddles the outline that screen readers and search engines read."""

from __future__ import annotations

from collections.abc import Iterator

from markdown_it import MarkdownIt

from badgesite.audit.context import AuditContext
from badgesite.audit.findings import WARNING
from badgesite.problems import Problem

_parser = MarkdownIt("commonmark", {"html": False}).enable("table")


def find(context: AuditContext) -> Iterator[Problem]:
    site = context.site
    texts = [(study.source, study.body) for study in site.case_studies] + [
        (page.source, page.body) for page in site.pages
    ]
    for source, body in texts:
        if "#" not in body and "=" not in body:
            continue  # no ATX or setext heading can be there
        document = context.document(source)
        for token in _parser.parse(body):
            if token.type == "heading_open" and token.tag == "h1":
                yield Problem(
                    path=document.path,
                    line=document.body_line + (token.map[0] if token.map else 0),
                    column=1,
                    message="a level-1 heading in the text: the page's title is already its heading",
                    hint="use ## for the sections of the text",
                    severity=WARNING,
                )
