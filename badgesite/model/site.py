"""The Site: everything the render stage needs, plus read-only indexes between its parts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from badgesite.model import urls
from badgesite.model.types import (
    Badge,
    CaseStudy,
    Collection,
    Framework,
    Issuer,
    Owner,
    Page,
    Skill,
    Stage,
    Target,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Site:
    """The whole portfolio. Lists are sorted for output: badges newest first, names alphabetically."""

    title: str
    description: str | None
    base_url: str
    language: str
    theme: str
    domain: str | None
    owner: Owner
    levels: tuple[str, ...]
    issuers: tuple[Issuer, ...]
    skills: tuple[Skill, ...]
    badges: tuple[Badge, ...]
    case_studies: tuple[CaseStudy, ...]
    pages: tuple[Page, ...]
    frameworks: tuple[Framework, ...]
    collections: tuple[Collection, ...]
    stages: tuple[Stage, ...]
    targets: tuple[Target, ...]
    assets: tuple[str, ...]
    root_files: tuple[str, ...]  # root/favicon.ico, published as favicon.ico
    today: dt.date
    social_cards: bool = True
    qr_codes: bool = True
    index: SiteIndex = field(repr=False)

    @property
    def base_path(self) -> str:
        """The path part of base_url: `/portfolio/` for a GitHub project page, `/` at a domain root."""
        return urls.base_path(self.base_url)

    @property
    def absolute_base(self) -> str | None:
        """base_url when it is absolute (feeds and sitemaps need it), else None."""
        return self.base_url if self.base_url.startswith(("http://", "https://")) else None


@dataclass(frozen=True, slots=True)
class SiteIndex:
    """Lookups between badges, case studies, issuers and skills, built once."""

    badge_by_id: dict[str, Badge]
    case_studies_by_badge: dict[str, tuple[CaseStudy, ...]]
    badges_by_issuer: dict[str, tuple[Badge, ...]]
    badges_by_skill: dict[str, tuple[Badge, ...]]
    case_studies_by_skill: dict[str, tuple[CaseStudy, ...]]
    case_studies_by_issuer: dict[str, tuple[CaseStudy, ...]]

    @classmethod
    def build(cls, badges: tuple[Badge, ...], case_studies: tuple[CaseStudy, ...]) -> SiteIndex:
        by_id = {badge.id: badge for badge in badges}
        by_badge: dict[str, list[CaseStudy]] = defaultdict(list)
        by_issuer: dict[str, list[Badge]] = defaultdict(list)
        by_skill: dict[str, list[Badge]] = defaultdict(list)
        studies_by_skill: dict[str, list[CaseStudy]] = defaultdict(list)
        studies_by_issuer: dict[str, list[CaseStudy]] = defaultdict(list)
        for badge in badges:
            by_issuer[badge.issuer.slug].append(badge)
            for skill in badge.skills:
                by_skill[skill.slug].append(badge)
        for study in case_studies:
            skills = {skill.slug for skill in study.skills}
            issuers = set()
            for badge_id in study.badge_ids:
                by_badge[badge_id].append(study)
                if badge_id in by_id:
                    skills.update(skill.slug for skill in by_id[badge_id].skills)
                    issuers.add(by_id[badge_id].issuer.slug)
            for slug in sorted(skills):
                studies_by_skill[slug].append(study)
            for slug in sorted(issuers):
                studies_by_issuer[slug].append(study)
        frozen = lambda groups: {key: tuple(values) for key, values in groups.items()}  # noqa: E731
        return cls(
            by_id,
            frozen(by_badge),
            frozen(by_issuer),
            frozen(by_skill),
            frozen(studies_by_skill),
            frozen(studies_by_issuer),
        )

    def badges_of(self, badge_ids: tuple[str, ...]) -> tuple[Badge, ...]:
        """The published badges among these ids (drafts left out of the build are skipped)."""
        return tuple(self.badge_by_id[badge_id] for badge_id in badge_ids if badge_id in self.badge_by_id)
