"""Expiry, the warning window and review intervals, counted from --today."""

from __future__ import annotations

from pathlib import Path

from tests.audit.helpers import CONFIG, EVIDENCE, badge, lines


def dated(expires: str = "", reviewed: str | None = "2026-11-01") -> str:
    text = f"name: A\nissuer: I\nearned: 2020-01-01\n{EVIDENCE}"
    text += f"expires: {expires}\n" if expires else ""
    return text + (f"reviewed: {reviewed}\n" if reviewed else "")


def test_expiry_window_edges(tmp_path: Path) -> None:
    assert lines(tmp_path / "a", {"badges/a.yml": dated("2027-01-29")}) == [], "61 days: outside the 60-day window"
    assert lines(tmp_path / "b", {"badges/a.yml": dated("2027-01-28")}) == [
        "badges/a.yml:5:10: warning: expires: expires on 2027-01-28, in 60 days "
        "(renew it in time, then add the new badge with renews: a)"
    ]
    assert lines(tmp_path / "c", {"badges/a.yml": dated("2026-11-29")})[0].startswith(
        "badges/a.yml:5:10: warning: expires: expires on 2026-11-29, today ("
    )


def test_expiry_window_is_configurable(tmp_path: Path) -> None:
    config = CONFIG + "check:\n  expiry_warning_days: 10\n"
    assert lines(tmp_path, {"badgesite.yml": config, "badges/a.yml": dated("2026-12-15")}) == []


def test_renewed_badges_are_not_reported_as_expired_or_expiring(tmp_path: Path) -> None:
    found = lines(
        tmp_path,
        {
            "badges/old.yml": badge("Old", earned="2020-01-01", extra="expires: 2023-01-01\n"),
            "badges/soon.yml": badge("Soon", earned="2021-01-01", extra="expires: 2026-12-01\n"),
            "badges/new.yml": badge("New", earned="2022-12-01", extra="renews: old\n"),
            "badges/newer.yml": badge("Newer", earned="2026-11-01", extra="renews: soon\n"),
        },
    )
    assert found == []


def test_review_interval_edges(tmp_path: Path) -> None:
    assert lines(tmp_path / "a", {"badges/a.yml": dated(reviewed="2026-08-31")}) == [], "exactly 90 days is fine"
    assert lines(tmp_path / "b", {"badges/a.yml": dated(reviewed="2026-08-30")}) == [
        "badges/a.yml:5:11: warning: reviewed: last reviewed on 2026-08-30, 91 days ago, more than the review "
        "interval of 90 days (review it and set reviewed: 2026-11-29)"
    ]
    assert lines(tmp_path / "c", {"badges/a.yml": dated(reviewed=None)}) == [
        "badges/a.yml:1:1: warning: reviewed: never reviewed (review it and add reviewed: 2026-11-29)"
    ]
    config = CONFIG + "check:\n  review_interval_days: 365\n"
    assert lines(tmp_path / "d", {"badgesite.yml": config, "badges/a.yml": dated(reviewed="2026-01-01")}) == []


def test_dates_after_today_are_reported_at_their_field(tmp_path: Path) -> None:
    """A year typed wrong (2027 for 2026) would otherwise count as achieved, silently."""
    study = "---\ntitle: S\ndate: {date}\nbadges: [a, today]\n---\nText.\n"
    found = lines(
        tmp_path,
        {
            "badges/a.yml": badge("A", earned="2027-01-15"),
            "badges/today.yml": badge("Today", earned="2026-11-29"),
            "case-studies/later.md": study.format(date="2026-12-25"),
            "case-studies/now.md": study.format(date="2026-11-29"),
        },
    )
    assert found == [
        "badges/a.yml:3:9: warning: earned: earned on 2027-01-15, 47 days after today (2026-11-29) "
        "(a date after today: check the year; until that day the badge counts toward no target "
        "and is not on the trajectory)",
        "case-studies/later.md:3:7: warning: date: dated 2026-12-25, 26 days after today (2026-11-29) "
        "(a date after today: check the year)",
    ]
