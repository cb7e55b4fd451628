"""A level-1 heading in a case study or page body is a second <h1> beside the page's title: check says so."""

from __future__ import annotations

from pathlib import Path

from tests.audit.helpers import badge, lines


def test_a_level_one_heading_in_a_body_is_named_at_its_line(tmp_path: Path) -> None:
    found = lines(
        tmp_path,
        {
            "badges/aws.yml": badge("AWS thing"),
            "case-studies/work.md": "---\ntitle: Work\ndate: 2025-02-01\nbadges: [aws]\n---\nIntro.\n\n# Results\n\n"
            "```\n# not a heading, code\n```\n\nSetext\n======\n",
            "pages/about.md": "---\ntitle: About\n---\n## Fine\n\nText with a # sign and a = sign.\n",
        },
    )
    hint = "(use ## for the sections of the text)"
    message = "warning: a level-1 heading in the text: the page's title is already its heading"
    assert found == [f"case-studies/work.md:8:1: {message} {hint}", f"case-studies/work.md:14:1: {message} {hint}"]
