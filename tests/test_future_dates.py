"""A badge dated after today (the tester's slip: 2027 for 2026) is published but not yet achieved: `check` says so,
and neither the targets of `review` and /trajectory/ nor the trajectory's drawing count it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import TODAY, run_cli, write_files
from tests.html_tools import parse_page

TODAY_EPOCH = "1795953600"  # 2026-11-29T12:00:00Z

CONFIG = """\
title: T
base_url: https://example.org/
owner: {name: Ada}
targets:
  - {name: An expert badge by 2027, count: 1, level: expert, by: 2027-12-31, show: true}
frameworks:
  - {id: sfia, name: SFIA 9, codes: [{code: ARCH, title: Solution architecture}]}
"""
EXPERT = (
    "name: {name}\nissuer: I\nlevel: expert\nearned: {earned}\nreviewed: 2026-11-01\n"
    "evidence: [{{title: W, url: 'https://example.org/w'}}]\nalignment: [{{framework: sfia, code: ARCH}}]\n"
)


@pytest.fixture
def future_site(tmp_path: Path) -> Path:
    return write_files(
        tmp_path / "site",
        {
            "badgesite.yml": CONFIG,
            "badges/future.yml": EXPERT.format(name="Future", earned="2027-01-15"),
            "case-studies/later.md": "---\ntitle: Later\ndate: 2026-12-25\nbadges: [future]\n---\nText.\n",
        },
    )


def test_check_warns_at_the_future_dates(future_site: Path) -> None:
    expected = [
        "badges/future.yml:4:9: warning: earned: earned on 2027-01-15, 47 days after today (2026-11-29) "
        "(a date after today: check the year; until that day the badge counts toward no target "
        "and is not on the trajectory)",
        "case-studies/later.md:3:7: warning: date: dated 2026-12-25, 26 days after today (2026-11-29) "
        "(a date after today: check the year)",
        "2 warnings in 2 files",
    ]
    result = run_cli("check", future_site, "--today", TODAY)
    assert (result.returncode, result.stdout.splitlines()) == (0, expected)
    assert run_cli("check", future_site, "--strict", env={"SOURCE_DATE_EPOCH": TODAY_EPOCH}).returncode == 1
    on_the_day = run_cli("check", future_site, "--today", "2027-01-15")
    assert on_the_day.stdout.splitlines() == ["no problems found in 1 badge and 1 case study"]


def test_review_does_not_count_a_badge_before_its_day(future_site: Path) -> None:
    before = run_cli("review", future_site, "--today", TODAY).stdout
    assert "- **An expert badge by 2027**: 0/1 expert badge by 2027-12-31 — 1 to go, 397 days left\n" in before
    on_the_day = run_cli("review", future_site, "--today", "2027-01-15").stdout
    assert "- **An expert badge by 2027**: 1/1 expert badge by 2027-12-31 — met\n" in on_the_day


def test_the_site_publishes_the_badge_but_not_as_reached(future_site: Path, tmp_path: Path) -> None:
    output = tmp_path / "out"
    result = run_cli("build", future_site, "-o", output, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert "Earned" in parse_page(output / "badges" / "future" / "index.html").visible_text
    trajectory = parse_page(output / "trajectory" / "index.html")
    assert "/badges/future/" not in trajectory.anchors, "not drawn, not listed, not counted"
    assert "0 of 1" in trajectory.visible_text
    assert "Reached" not in trajectory.visible_text

    later = run_cli("build", future_site, "-o", tmp_path / "later", "--today", "2027-01-15")
    assert later.returncode == 0, later.stderr
    trajectory = parse_page(tmp_path / "later" / "trajectory" / "index.html")
    assert "/badges/future/" in trajectory.anchors
    assert "Reached" in trajectory.visible_text


def test_the_badge_covers_its_framework_code_from_its_day(future_site: Path, tmp_path: Path) -> None:
    for today, covered, listed in ((TODAY, "0 of 1 competency covered (0%)", False), ("2027-01-15", "1 of 1", True)):
        output = tmp_path / today
        result = run_cli("build", future_site, "-o", output, "--today", today)
        assert result.returncode == 0, result.stderr
        page = parse_page(output / "frameworks" / "sfia" / "index.html")
        assert covered in page.visible_text
        assert ("/badges/future/" in page.anchors) is listed
        assert ("Not yet covered" in page.visible_text) is not listed


def test_machine_readable_files_do_not_claim_it_before_its_day(future_site: Path, tmp_path: Path) -> None:
    """Feed readers, search engines and CV tools read the data files, not the page's note."""
    write_files(future_site, {"badges/past.yml": EXPERT.format(name="Past", earned="2026-03-01")})
    for today, held in ((TODAY, False), ("2027-01-15", True)):
        output = tmp_path / today
        result = run_cli("build", future_site, "-o", output, "--today", today)
        assert result.returncode == 0, result.stderr
        feed = (output / "feed.xml").read_text(encoding="utf-8")
        assert ("Earned: Future" in feed) is held
        assert ("/case-studies/later/</id>" in feed or "case-studies/later</id>" in feed) is held
        updated = re.search(r"<updated>(\d{4}-\d\d-\d\d)", feed)
        assert updated is not None and updated.group(1) <= today
        sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
        assert max(re.findall(r"<lastmod>([\d-]+)</lastmod>", sitemap)) <= today
        resume = json.loads((output / "resume.json").read_text(encoding="utf-8"))
        assert [certificate["name"] for certificate in resume["certificates"]] == (
            ["Future", "Past"] if held else ["Past"]
        )
        home = (output / "index.html").read_text(encoding="utf-8")
        profile = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', home, re.S).group(1))
        credentials = [credential["name"] for credential in profile["mainEntity"]["hasCredential"]]
        assert ("Future" in credentials) is held and "Past" in credentials
        assert profile["dateModified"] <= today
