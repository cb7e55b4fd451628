"""Derived views of the model shared by the site and `badgesite review`: target progress, trajectory stages,
framework coverage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from badgesite.model.site import Site
from badgesite.model.types import Badge, Framework, FrameworkCode, Stage, Target


@dataclass(frozen=True, slots=True, kw_only=True)
class TargetProgress:
    target: Target
    counted: tuple[Badge, ...]
    done: int
    needed: int
    period_start: dt.date | None
    deadline: dt.date | None
    days_left: int | None

    @property
    def met(self) -> bool:
        return self.done >= self.needed

    @property
    def overdue(self) -> bool:
        return not self.met and self.days_left is not None and self.days_left < 0

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.done / self.needed)) if self.needed else 100


def is_earned(badge: Badge, today: dt.date) -> bool:
    """Earned by today. A badge dated later (a slip of the year, or one announced early) is still published, but
    counts toward no target and is drawn on no trajectory until its day: the portfolio claims only what is done."""
    return badge.earned <= today


def badges_matching(site: Site, *, collection: str | None, skill: str | None, level: str | None) -> tuple[Badge, ...]:
    """Badges that satisfy every given filter (collection by name, skill and level by canonical name)."""
    members: set[str] | None = None
    if collection:
        found = next((c for c in site.collections if c.name == collection), None)
        members = set(found.badge_ids) if found else set()
    chosen = []
    for badge in site.badges:
        if members is not None and badge.id not in members:
            continue
        if skill and not any(
            s.name.casefold() == skill.casefold() or skill.casefold() in (a.casefold() for a in s.aliases)
            for s in badge.skills
        ):
            continue
        if level and (badge.level or "").casefold() != level.casefold():
            continue
        chosen.append(badge)
    return tuple(chosen)


def target_progress(site: Site, target: Target) -> TargetProgress:
    """How far a target is: per-year targets count the current calendar year; others count up to the deadline.
    Only badges earned by today count."""
    candidates = badges_matching(site, collection=target.collection, skill=target.skill, level=target.level)
    today = site.today
    start: dt.date | None
    deadline: dt.date | None
    if target.per_year:
        start, deadline = dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    else:
        start, deadline = None, target.by
    counted = tuple(
        b
        for b in candidates
        if is_earned(b, today)
        and (start is None or b.earned >= start)
        and (deadline is None or b.earned <= deadline)
        and not b.renews
    )
    return TargetProgress(
        target=target,
        counted=counted,
        done=len(counted),
        needed=target.count,
        period_start=start,
        deadline=deadline,
        days_left=(deadline - today).days if deadline else None,
    )


DEFAULT_STAGE_NAMES = ("Foundations", "Advanced", "Leadership")


def stages(site: Site) -> tuple[Stage, ...]:
    """The configured path, or the default: first level, the other levels, and a Leadership collection."""
    if site.stages:
        return site.stages
    leadership = tuple(c.name for c in site.collections if c.name.casefold() == "leadership")
    return (
        Stage(name="Foundations", levels=site.levels[:1], collections=()),
        Stage(name="Advanced", levels=site.levels[1:], collections=()),
        Stage(name="Leadership", levels=(), collections=leadership),
    )


def stage_of(site: Site, badge: Badge, path: tuple[Stage, ...]) -> Stage | None:
    """The most senior stage a badge belongs to (stages are ordered, so the last match wins)."""
    collections = {c.name for c in site.collections if badge.id in c.badge_ids}
    found = None
    for stage in path:
        levels = {level.casefold() for level in stage.levels}
        if (badge.level and badge.level.casefold() in levels) or collections & set(stage.collections):
            found = stage
    return found


@dataclass(frozen=True, slots=True, kw_only=True)
class FrameworkRow:
    code: FrameworkCode
    badges: tuple[Badge, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class FrameworkCoverage:
    framework: Framework
    rows: tuple[FrameworkRow, ...]
    columns: tuple[Badge, ...]

    @property
    def covered(self) -> int:
        return sum(1 for row in self.rows if row.badges)

    @property
    def percent(self) -> int:
        return round(100 * self.covered / len(self.rows)) if self.rows else 0

    @property
    def gaps(self) -> tuple[FrameworkCode, ...]:
        return tuple(row.code for row in self.rows if not row.badges)


def framework_coverage(site: Site, framework: Framework) -> FrameworkCoverage:
    """The codes × badges matrix of one framework; a badge dated after today covers nothing until that day,
    as it counts toward no target."""
    rows = []
    columns: dict[str, Badge] = {}
    earned = [b for b in site.badges if is_earned(b, site.today)]
    for code in framework.codes:
        aligned = tuple(
            b for b in earned if any(a.framework_id == framework.id and a.code == code.code for a in b.alignment)
        )
        rows.append(FrameworkRow(code=code, badges=aligned))
        for badge in aligned:
            columns.setdefault(badge.id, badge)
    ordered = tuple(sorted(columns.values(), key=lambda b: (b.earned, b.id)))
    return FrameworkCoverage(framework=framework, rows=tuple(rows), columns=ordered)
