"""An issuer or skill the config does not know is shown as first spelled, files read in name order (by path:
`badges/a-1.yml` before `badges/a.yml`); `check` names that spelling as the one to keep, so site and check agree."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import TODAY, run_cli, write_files
from tests.html_tools import parse_page

CONFIG = "title: T\nbase_url: https://example.org/\nowner: {name: Ada}\n"


def badge(name: str, issuer: str, skill: str) -> str:
    return (
        f"name: {name}\nissuer: {issuer}\nearned: 2025-01-01\nskills: [{skill}]\nreviewed: 2026-11-01\n"
        "evidence: [{title: W, url: 'https://example.org/w'}]\n"
    )


def test_site_and_check_agree_on_the_first_spelling(tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site",
        {"badgesite.yml": CONFIG, "badges/a.yml": badge("A", "x", "aws"), "badges/a-1.yml": badge("A1", "X", "AWS")},
    )
    output = tmp_path / "out"
    built = run_cli("build", site, "-o", output, "--today", TODAY)
    assert built.returncode == 0, built.stderr
    for page, name in (("skills/aws", "AWS"), ("issuers/x", "X")):
        assert parse_page(output / page / "index.html").visible_text.startswith(f"{name} — T "), page
    badge_page = parse_page(output / "badges" / "a" / "index.html").visible_text
    assert " AWS " in badge_page and " aws " not in badge_page and " X " in badge_page

    checked = run_cli("check", site, "--today", TODAY)
    assert checked.stdout.splitlines() == [
        'badges/a.yml:2:9: warning: issuer: issuer spelled "x" here and "X" in badges/a-1.yml '
        '(use one spelling, or add to issuers: in badgesite.yml: - {name: "X", aliases: ["x"]})',
        'badges/a.yml:4:10: warning: skills[0]: skill spelled "aws" here and "AWS" in badges/a-1.yml '
        '(use one spelling, or add to skills: in badgesite.yml: - {name: "AWS", aliases: ["aws"]})',
        "2 warnings in 1 file",
    ]


def test_check_keeps_the_shown_spelling_even_when_another_is_written_more_often(tmp_path: Path) -> None:
    """The site shows `AWS` (badges/a-1.yml comes first); the hint must not propose renaming the page to `aws`."""
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": CONFIG,
            "badges/a-1.yml": badge("A1", "I", "AWS"),
            "badges/a.yml": badge("A", "I", "aws"),
            "badges/b.yml": badge("B", "I", "aws"),
        },
    )
    checked = run_cli("check", site, "--today", TODAY)
    assert checked.stdout.splitlines() == [
        'badges/a.yml:4:10: warning: skills[0]: skill spelled "aws" here and "AWS" in badges/a-1.yml '
        '(use one spelling, or add to skills: in badgesite.yml: - {name: "AWS", aliases: ["aws"]})',
        "1 warning in 1 file",
    ]
