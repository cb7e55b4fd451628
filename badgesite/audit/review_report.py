"""The review as Markdown to paste into a journal or an issue, or as JSON with the same content."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from badgesite.audit.findings import plural
from badgesite.audit.review import Review
from badgesite.audit.targets import describe
from badgesite.model.types import Badge, CaseStudy

NOTHING = "Nothing."
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def _md(text: str) -> str:
    """Names are text, not Markdown: escape what would turn them into emphasis, links or HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _badge(badge: Badge) -> str:
    return f"**{_md(badge.name)}** ({_md(badge.issuer.name)})"


def _source(item: Badge | CaseStudy) -> str:
    return f" — `{item.source}`"


def _staleness(badge: Badge, today: dt.date) -> str:
    if badge.reviewed is None:
        return "never reviewed"
    return f"last reviewed on {badge.reviewed}, {plural((today - badge.reviewed).days, 'day')} ago"


def _section(title: str, lines: list[str]) -> list[str]:
    return [f"## {title}", "", *(lines or [NOTHING]), ""]


def markdown(review: Review) -> str:
    """The review as Markdown: a title with the period, then one section per kind of item."""
    today = review.today
    added = [f"- Badge: {_badge(b)}, earned {b.earned}{_source(b)}" for b in review.added_badges]
    added += [f"- Case study: **{_md(s.title)}**, {s.date}{_source(s)}" for s in review.added_case_studies]
    expiring = [
        f"- {_badge(b)} expired on {b.expires}, {plural((today - b.expires).days, 'day')} ago{_source(b)}"
        for b in review.expired
        if b.expires
    ]
    expiring += [
        f"- {_badge(b)} expires on {b.expires}, {plural((b.expires - today).days, 'day')} left{_source(b)}"
        for b in review.expiring
        if b.expires
    ]
    targets = [f"- **{_md(p.target.name)}**: {describe(p)}" for p in review.targets]
    stale = [f"- {_badge(b)}: {_staleness(b, today)}{_source(b)}" for b in review.stale_reviews]
    stale += [f"- {_badge(b)}: no evidence yet{_source(b)}" for b in review.without_evidence]
    stale += [
        f"- Case study **{_md(s.title)}**: cites no badge{_source(s)}" for s in review.case_studies_without_badges
    ]
    suggestions = [
        f"- {_md(gap.framework.name)} {_md(gap.code.code)}: {_md(gap.code.title)} — no badge aligned yet"
        for gap in review.framework_gaps
    ]
    suggestions += [
        f"- Skill **{_md(gap.skill.name)}** — used in "
        + ", ".join(f'"{_md(s.title)}"' for s in gap.case_studies)
        + " but no badge shows it"
        for gap in review.skill_gaps
    ]
    lines = [
        f"# Portfolio review: {review.since} → {today}",
        "",
        f"{_md(review.title)}. Expiring soon means within {review.expiry_warning_days} days; "
        f"stale means not reviewed for more than {review.review_interval_days} days.",
        "",
        *_section(f"Added since {review.since}", added),
        *_section("Expired or expiring soon", expiring),
        *_section("Targets", targets),
        *_section("Stale items", stale),
        *_section("Suggested next badges", suggestions),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"


def _badge_data(badge: Badge) -> dict[str, Any]:
    return {"id": badge.id, "name": badge.name, "issuer": badge.issuer.name, "source": badge.source}


def _study_data(study: CaseStudy) -> dict[str, Any]:
    return {"slug": study.slug, "title": study.title, "date": study.date.isoformat(), "source": study.source}


def as_data(review: Review) -> dict[str, Any]:
    """The review as plain JSON-ready data: dates as ISO strings, lists in the Markdown's order."""
    today = review.today
    return {
        "title": review.title,
        "period": {"since": review.since.isoformat(), "today": today.isoformat()},
        "settings": {
            "expiry_warning_days": review.expiry_warning_days,
            "review_interval_days": review.review_interval_days,
        },
        "added": {
            "badges": [{**_badge_data(b), "earned": b.earned.isoformat()} for b in review.added_badges],
            "case_studies": [_study_data(s) for s in review.added_case_studies],
        },
        "expiring": [
            {
                **_badge_data(b),
                "status": "expired" if b in review.expired else "expiring",
                "expires": b.expires.isoformat(),
                "days_left": (b.expires - today).days,
            }
            for b in (*review.expired, *review.expiring)
            if b.expires
        ],
        "targets": [
            {
                "name": p.target.name,
                "done": p.done,
                "needed": p.needed,
                "per_year": p.target.per_year,
                "period_start": p.period_start.isoformat() if p.period_start else None,
                "deadline": p.deadline.isoformat() if p.deadline else None,
                "days_left": p.days_left,
                "met": p.met,
                "overdue": p.overdue,
                "counted": [b.id for b in p.counted],
                "text": describe(p),
            }
            for p in review.targets
        ],
        "stale": {
            "reviews": [
                {
                    **_badge_data(b),
                    "reviewed": b.reviewed.isoformat() if b.reviewed else None,
                    "days_since": (today - b.reviewed).days if b.reviewed else None,
                }
                for b in review.stale_reviews
            ],
            "without_evidence": [_badge_data(b) for b in review.without_evidence],
            "case_studies_without_badges": [_study_data(s) for s in review.case_studies_without_badges],
        },
        "suggestions": {
            "framework_codes": [
                {
                    "framework": gap.framework.id,
                    "framework_name": gap.framework.name,
                    "code": gap.code.code,
                    "title": gap.code.title,
                    "url": gap.code.url,
                }
                for gap in review.framework_gaps
            ],
            "skills": [
                {
                    "name": gap.skill.name,
                    "slug": gap.skill.slug,
                    "case_studies": [s.slug for s in gap.case_studies],
                }
                for gap in review.skill_gaps
            ],
        },
    }


def as_json(review: Review) -> str:
    """Deterministic JSON: sorted keys, two-space indent, UTF-8 text."""
    return json.dumps(as_data(review), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
