"""`badgesite review`: the quarterly review of the audit fixture, as Markdown and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import REPO, TODAY, run_cli, write_files

AUDIT = REPO / "tests" / "sites" / "audit"
FIXTURE = AUDIT / "portfolio"


def test_markdown_review_of_a_period() -> None:
    result = run_cli("review", FIXTURE, "--since", "2026-09-01", "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (AUDIT / "review.md").read_text(encoding="utf-8")


def test_markdown_sections_and_target_progress() -> None:
    text = run_cli("review", FIXTURE, "--since", "2026-09-01", "--today", TODAY).stdout
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# Portfolio review: 2026-09-01 → 2026-11-29",
        "## Added since 2026-09-01",
        "## Expired or expiring soon",
        "## Targets",
        "## Stale items",
        "## Suggested next badges",
    ]
    assert "- **Five cloud badges by mid-2027**: 3/5 cloud badges by 2027-06-30 — 2 to go, 213 days left\n" in text
    assert (
        "- **Two security badges by mid-2026**: 1/2 security badges by 2026-06-30 — 1 to go, 152 days overdue\n" in text
    )


def test_json_review_has_the_same_content() -> None:
    result = run_cli("review", FIXTURE, "--since", "2026-09-01", "--today", TODAY, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert result.stdout == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", "deterministic"
    assert data["period"] == {"since": "2026-09-01", "today": "2026-11-29"}
    assert [b["id"] for b in data["added"]["badges"]] == ["gcp-digital-leader", "git-basics"]
    assert [s["slug"] for s in data["added"]["case_studies"]] == ["2026-running-the-platform"]
    assert [(e["id"], e["status"], e["days_left"]) for e in data["expiring"]] == [
        ("terraform-associate", "expired", -59),
        ("vault-associate", "expiring", 42),
    ]
    assert data["targets"][1] == {
        "name": "Five cloud badges by mid-2027",
        "done": 3,
        "needed": 5,
        "per_year": False,
        "period_start": None,
        "deadline": "2027-06-30",
        "days_left": 213,
        "met": False,
        "overdue": False,
        "counted": ["aws-cloud-practitioner-copy", "aws-cloud-practitioner", "aws-developer-2022"],
        "text": "3/5 cloud badges by 2027-06-30 — 2 to go, 213 days left",
    }
    assert data["targets"][0]["overdue"] is True
    assert [(r["id"], r["reviewed"], r["days_since"]) for r in data["stale"]["reviews"]] == [
        ("gcp-digital-leader", None, None),
        ("azure-fundamentals", "2026-05-01", 212),
    ]
    assert [b["id"] for b in data["stale"]["without_evidence"]] == ["kubernetes-intro"]
    assert [s["slug"] for s in data["stale"]["case_studies_without_badges"]] == ["2025-notes"]
    assert data["suggestions"] == {
        "framework_codes": [
            {
                "framework": "sfia",
                "framework_name": "SFIA 9",
                "code": "PROG",
                "title": "Programming/software development",
                "url": None,
            }
        ],
        "skills": [
            {"name": "Incident response", "slug": "incident-response", "case_studies": ["2026-running-the-platform"]}
        ],
    }


def test_since_defaults_to_91_days_before_today(sample_site: Path) -> None:
    result = run_cli("review", sample_site, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Portfolio review: 2026-08-30 → 2026-11-29\n")
    assert "- **3 security badges by mid-2027**: 2/3 security badges by 2027-06-30 — 1 to go, 213 days left\n" in (
        result.stdout
    )
    assert "- **One leadership badge per year**: 1/1 leadership badge in 2026 — met\n" in result.stdout


def test_since_after_today_is_wrong_usage() -> None:
    result = run_cli("review", FIXTURE, "--since", "2026-12-01", "--today", TODAY)
    assert result.returncode == 2
    assert result.stderr == "badgesite review: error: --since 2026-12-01 is after --today 2026-11-29\n"


def test_a_site_with_problems_exits_1_and_prints_them_like_build(tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site",
        {"badgesite.yml": "title: T\nowner: {name: A}\n", "badges/a.yml": "name: A\nissuer: I\nearned: 2024-13-01\n"},
    )
    result = run_cli("review", site, "--today", TODAY)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == "1 problem in 1 file; fix them, then run the review again"
    assert result.stderr.startswith("badges/a.yml:3:9: earned: ")


def test_help_has_an_example() -> None:
    result = run_cli("review", "--help")
    assert result.returncode == 0
    for option in ("--since", "--today", "--format"):
        assert option in result.stdout
    assert "example:\n  badgesite review my-portfolio --since 2026-09-01 > review-2026-Q4.md" in result.stdout
