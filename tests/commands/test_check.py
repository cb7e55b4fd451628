"""`badgesite check`: exact findings on the audit fixture, exit codes, JSON, and a clean sample site."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, TODAY, run_cli, write_files

AUDIT = REPO / "tests" / "sites" / "audit"
FIXTURE = AUDIT / "portfolio"


def expected_lines() -> list[str]:
    return (AUDIT / "check.txt").read_text(encoding="utf-8").splitlines()


def warnings_only(tmp_path: Path) -> Path:
    """The fixture with its two broken links fixed: only warnings are left."""
    site = tmp_path / "portfolio"
    shutil.copytree(FIXTURE, site)
    study = site / "case-studies" / "2026-running-the-platform.md"
    study.write_text(study.read_text(encoding="utf-8").replace("cka-exams", "cka-exam"), encoding="utf-8")
    (site / "assets" / "diagram.png").write_bytes(b"not really a PNG; check only needs it to exist")
    return site


def test_every_planted_finding_is_reported_exactly_once() -> None:
    result = run_cli("check", FIXTURE, "--today", TODAY)
    assert result.returncode == 1, "broken links are errors"
    assert result.stderr == ""
    assert result.stdout.splitlines() == expected_lines()


def test_the_expected_findings_name_file_line_and_fix() -> None:
    lines = expected_lines()
    assert lines[-1] == "2 errors, 12 warnings in 14 files"
    findings = lines[:-1]
    assert findings == sorted(findings)
    assert all(": warning: " in line or ": broken link " in line for line in findings)
    assert all(line.endswith(")") for line in findings), "every finding carries a hint"
    by_file = {line.split(":", 1)[0] for line in findings}
    assert "badges/aws-developer.yml" not in by_file and "badges/aws-developer-2022.yml" not in by_file, (
        "a renewal pair is neither a duplicate nor an expired badge"
    )


def test_warnings_pass_unless_strict(tmp_path: Path) -> None:
    site = warnings_only(tmp_path)
    relaxed = run_cli("check", site, "--today", TODAY)
    assert relaxed.returncode == 0, relaxed.stdout
    assert relaxed.stdout.splitlines()[-1] == "12 warnings in 12 files"
    strict = run_cli("check", site, "--today", TODAY, "--strict")
    assert strict.returncode == 1
    assert strict.stdout == relaxed.stdout


def test_json_output_has_every_field_and_the_counts() -> None:
    result = run_cli("check", FIXTURE, "--today", TODAY, "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert list(data) == ["problems", "counts"]
    assert data["counts"] == {"errors": 2, "warnings": 12, "files": 14, "badges": 14, "case_studies": 2}
    assert list(data["problems"][0]) == [
        "path",
        "line",
        "column",
        "field",
        "message",
        "hint",
        "severity",
    ]
    broken = [p for p in data["problems"] if p["severity"] == "error"]
    assert broken == [
        {
            "path": "case-studies/2026-running-the-platform.md",
            "line": 13,
            "column": 14,
            "field": "",
            "message": 'broken link "../../badges/cka-exams/": there is no page badges/cka-exams/ on the site',
            "hint": "did you mean ../../badges/cka-exam/?",
            "severity": "error",
        },
        {
            "path": "pages/about.md",
            "line": 7,
            "column": 35,
            "field": "",
            "message": 'broken link "/assets/diagram.png": there is no file assets/diagram.png on the site',
            "hint": "add the file assets/diagram.png to the site folder, or correct the link",
            "severity": "error",
        },
    ]
    text_lines = run_cli("check", FIXTURE, "--today", TODAY).stdout.splitlines()[:-1]
    assert len(data["problems"]) == len(text_lines)


def test_the_sample_site_is_clean(sample_site: Path) -> None:
    result = run_cli("check", sample_site, "--today", TODAY)
    assert result.returncode == 0, result.stdout
    assert result.stdout == "no problems found in 14 badges and 5 case studies\n"
    assert run_cli("check", sample_site, "--today", TODAY, "--strict").returncode == 0


def test_build_problems_are_errors_printed_as_the_build_prints_them(tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": "title: T\nowner: {name: A}\n",
            "badges/a.yml": "name: A\nissuer: I\nearned: May 2024\n",
        },
    )
    text = run_cli("check", site, "--today", TODAY)
    assert text.returncode == 1
    assert text.stdout == ""
    assert text.stderr.splitlines() == [
        'badges/a.yml:3:9: earned: expected a date like 2024-05-31, got "May 2024"',
        "1 problem in 1 file; fix them, then check again",
    ]
    as_json = run_cli("check", site, "--today", TODAY, "--format", "json")
    assert as_json.returncode == 1
    data = json.loads(as_json.stdout)
    assert data["counts"] == {"errors": 1, "warnings": 0, "files": 1}
    assert data["problems"][0]["message"] == 'expected a date like 2024-05-31, got "May 2024"'


def test_today_changes_what_is_expired(tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": "title: T\nowner: {name: A}\n",
            "badges/a.yml": "name: A\nissuer: I\nearned: 2024-01-01\nexpires: 2026-01-01\nreviewed: 2025-12-01\n"
            "evidence: [{title: E, url: 'https://example.org/e'}]\n",
        },
    )
    before = run_cli("check", site, "--today", "2025-12-31")
    assert before.stdout.splitlines() == [
        "badges/a.yml:4:10: warning: expires: expires on 2026-01-01, in 1 day "
        "(renew it in time, then add the new badge with renews: a)",
        "1 warning in 1 file",
    ]
    after = run_cli("check", site, "--today", "2026-01-02")
    assert after.stdout.splitlines()[0] == (
        "badges/a.yml:4:10: warning: expires: expired on 2026-01-01, 1 day ago "
        "(renew it, or if you already have, mark the newer badge with renews: a)"
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--today", "29/11/2026"), 'expected a date like 2026-05-31, got "29/11/2026"'),
        (("--format", "xml"), "invalid choice: 'xml'"),
        (("no-such-folder",), 'no such folder: "no-such-folder"'),
    ],
)
def test_wrong_usage_exits_2(arguments: tuple[str, ...], message: str) -> None:
    result = run_cli("check", *arguments)
    assert result.returncode == 2
    assert message in result.stderr


def test_help_lists_every_option_and_an_example() -> None:
    result = run_cli("check", "--help")
    assert result.returncode == 0
    for option in ("--format", "--today", "--strict", "--external", "--drafts"):
        assert option in result.stdout
    assert "example:\n  badgesite check my-portfolio --today 2026-11-29 --strict" in result.stdout


def test_a_problem_the_build_finds_in_an_image_is_an_error_of_check_too(tmp_path: Path) -> None:
    """check prepares the site as the build does: a truncated badge image fails both, with the same line."""
    site = tmp_path / "site"
    shutil.copytree(REPO / "tests" / "sites" / "invalid" / "corrupt-image", site)
    build_lines = (site / "expected.txt").read_text(encoding="utf-8").splitlines()
    result = run_cli("check", site, "--today", TODAY)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        *build_lines[:-1],
        build_lines[-1].replace("nothing was written", "fix them, then check again"),
    ]
