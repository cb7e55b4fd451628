"""The quarterly review's content: what changed in a period, what needs attention, what to aim for next."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from badgesite.audit.context import AuditContext, badges_in_file_order, case_studies_in_file_order
from badgesite.audit.dates import is_expiring, is_stale
from badgesite.audit.evidence import cites_no_badge, lacks_evidence
from badgesite.audit.gaps import CodeGap, SkillGap, framework_gaps, skill_gaps
from badgesite.model.progress import TargetProgress, target_progress
from badgesite.model.types import Badge, CaseStudy

DEFAULT_PERIOD_DAYS = 91


@dataclass(frozen=True, slots=True, kw_only=True)
class Review:
    """Everything the review prints, computed once so Markdown and JSON say the same."""

    title: str
    since: dt.date
    today: dt.date
    expiry_warning_days: int
    review_interval_days: int
    added_badges: tuple[Badge, ...]
    added_case_studies: tuple[CaseStudy, ...]
    expired: tuple[Badge, ...]
    expiring: tuple[Badge, ...]
    targets: tuple[TargetProgress, ...]
    stale_reviews: tuple[Badge, ...]
    without_evidence: tuple[Badge, ...]
    case_studies_without_badges: tuple[CaseStudy, ...]
    framework_gaps: tuple[CodeGap, ...]
    skill_gaps: tuple[SkillGap, ...]


def default_since(today: dt.date) -> dt.date:
    """A quarter back: 91 days, so a review every 13 weeks covers every day once."""
    return today - dt.timedelta(days=DEFAULT_PERIOD_DAYS)


def review(context: AuditContext, since: dt.date) -> Review:
    """The review of the period since..today (both days included)."""
    site, today, settings = context.site, context.today, context.settings
    in_period = lambda day: since <= day <= today  # noqa: E731
    by_date = lambda badge: (badge.earned, badge.id)  # noqa: E731
    badges = badges_in_file_order(site)
    studies = case_studies_in_file_order(site)
    return Review(
        title=site.title,
        since=since,
        today=today,
        expiry_warning_days=settings.expiry_warning_days,
        review_interval_days=settings.review_interval_days,
        added_badges=tuple(sorted((b for b in badges if in_period(b.earned)), key=by_date)),
        added_case_studies=tuple(sorted((s for s in studies if in_period(s.date)), key=lambda s: (s.date, s.slug))),
        expired=tuple(
            sorted(
                (b for b in badges if b.expires and since <= b.expires < today and b.renewed_by is None),
                key=lambda b: (b.expires, b.id),
            )
        ),
        expiring=tuple(
            sorted(
                (b for b in badges if is_expiring(b, today, settings.expiry_warning_days)),
                key=lambda b: (b.expires, b.id),
            )
        ),
        targets=tuple(target_progress(site, target) for target in site.targets),
        stale_reviews=tuple(
            sorted(
                (b for b in badges if is_stale(b, today, settings.review_interval_days)),
                key=lambda b: (b.reviewed or dt.date.min, b.id),
            )
        ),
        without_evidence=tuple(b for b in badges if lacks_evidence(site, b)),
        case_studies_without_badges=tuple(s for s in studies if cites_no_badge(s)),
        framework_gaps=framework_gaps(site),
        skill_gaps=skill_gaps(site),
    )
