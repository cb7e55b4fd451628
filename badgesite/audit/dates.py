"""Dates that need action: expired badges, badges about to expire, entries nobody has reviewed lately, and dates
after today (usually a slip of the year)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from badgesite.audit.context import AuditContext, badges_in_file_order, case_studies_in_file_order
from badgesite.audit.findings import finding, plural
from badgesite.model.progress import is_earned
from badgesite.model.types import Badge
from badgesite.problems import Problem


def is_expired(badge: Badge, today: dt.date) -> bool:
    """Expired and not renewed: a badge renewed by a newer one has been dealt with."""
    return badge.expires is not None and badge.expires < today and badge.renewed_by is None


def is_expiring(badge: Badge, today: dt.date, window_days: int) -> bool:
    """Still valid but expiring within the warning window, and not already renewed."""
    return (
        badge.expires is not None
        and today <= badge.expires <= today + dt.timedelta(days=window_days)
        and badge.renewed_by is None
    )


def is_stale(badge: Badge, today: dt.date, interval_days: int) -> bool:
    """Never reviewed, or reviewed longer ago than the review interval."""
    return badge.reviewed is None or (today - badge.reviewed).days > interval_days


def days_left(expires: dt.date, today: dt.date) -> str:
    """`today`, `in 1 day`, `in 42 days`."""
    days = (expires - today).days
    return "today" if days == 0 else f"in {plural(days, 'day')}"


def after_today(day: dt.date, today: dt.date) -> str:
    """`2027-01-15, 47 days after today (2026-11-29)`."""
    return f"{day}, {plural((day - today).days, 'day')} after today ({today})"


def find(context: AuditContext) -> Iterator[Problem]:
    today, settings = context.today, context.settings
    for badge in badges_in_file_order(context.site):
        document = context.document(badge.source)
        if not is_earned(badge, today):
            yield finding(
                document,
                ("earned",),
                f"earned on {after_today(badge.earned, today)}",
                "a date after today: check the year; until that day the badge counts toward no target "
                "and is not on the trajectory",
            )
        if badge.expires and is_expired(badge, today):
            yield finding(
                document,
                ("expires",),
                f"expired on {badge.expires}, {plural((today - badge.expires).days, 'day')} ago",
                f"renew it, or if you already have, mark the newer badge with renews: {badge.id}",
            )
        elif badge.expires and is_expiring(badge, today, settings.expiry_warning_days):
            yield finding(
                document,
                ("expires",),
                f"expires on {badge.expires}, {days_left(badge.expires, today)}",
                f"renew it in time, then add the new badge with renews: {badge.id}",
            )
        if badge.reviewed is None:
            yield finding(
                document,
                ("reviewed",),
                "never reviewed",
                f"review it and add reviewed: {today}",
            )
        elif is_stale(badge, today, settings.review_interval_days):
            age = (today - badge.reviewed).days
            yield finding(
                document,
                ("reviewed",),
                f"last reviewed on {badge.reviewed}, {age} days ago, "
                f"more than the review interval of {settings.review_interval_days} days",
                f"review it and set reviewed: {today}",
            )
    for study in case_studies_in_file_order(context.site):
        if study.date > today:
            yield finding(
                context.document(study.source),
                ("date",),
                f"dated {after_today(study.date, today)}",
                "a date after today: check the year",
            )
