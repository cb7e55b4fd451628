"""The site model: plain, frozen, typed data with the naming rules already applied.

Markdown fields hold Markdown source; rendering it is the render stage's job.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from badgesite.same import as_printed


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Owner:
    name: str
    headline: str | None
    summary: str | None
    location: str | None
    email: str | None
    avatar: str | None
    links: tuple[Link, ...]
    emails: tuple[str, ...]  # recipient checks only; templates must never print these


@dataclass(frozen=True, slots=True, kw_only=True)
class Issuer:
    slug: str
    name: str
    url: str | None
    description: str | None
    aliases: tuple[str, ...]
    linkedin_id: str | None

    @property
    def page(self) -> str:
        return f"issuers/{self.slug}/"


@dataclass(frozen=True, slots=True, kw_only=True)
class Skill:
    slug: str
    name: str
    description: str | None
    aliases: tuple[str, ...]

    @property
    def page(self) -> str:
        return f"skills/{self.slug}/"


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    title: str
    url: str  # external URL, or the site-relative URL of a published local file (%-escaped: `my%20report.pdf`)
    narrative: str | None
    is_file: bool
    source: str | None  # site-relative source of a local file
    path: str | None = None  # where a local file is published, as a file name (`badges/x/evidence/my report.pdf`)


@dataclass(frozen=True, slots=True, kw_only=True)
class Testimonial:
    quote: str
    author: str
    role: str | None
    url: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Alignment:
    framework_id: str
    framework_name: str
    code: str
    title: str
    url: str | None


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Metric:
    """A before/after measure. Equal only when written the same: Python holds 65 == 65.0, but a page shows
    "65" for one and "65.0" for the other, and model objects are the keys of the cards drawn from them."""

    label: str
    before: str | int | float | None
    after: str | int | float
    unit: str | None

    def _written(self) -> tuple[object, ...]:
        return (self.label, as_printed(self.before), as_printed(self.after), self.unit)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Metric) and self._written() == other._written()

    def __hash__(self) -> int:
        return hash(self._written())

    @property
    def change(self) -> str | None:
        """`-38%` when both values are numbers; None otherwise."""
        if isinstance(self.before, int | float) and isinstance(self.after, int | float) and self.before:
            percent = (self.after - self.before) / abs(self.before) * 100
            return f"{percent:+.0f}%"
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Badge:
    id: str
    name: str
    issuer: Issuer
    issuer_as_written: str
    level: str | None
    level_rank: int | None
    earned: dt.date
    expires: dt.date | None
    expired: bool
    description: str | None
    skills: tuple[Skill, ...]
    alignment: tuple[Alignment, ...]
    evidence: tuple[Evidence, ...]
    testimonials: tuple[Testimonial, ...]
    criteria_url: str | None
    rubric_url: str | None
    verify_url: str | None
    credential_id: str | None
    assertion_file: str | None  # site-relative source
    assertion_url: str | None
    image_file: str | None  # site-relative source
    image_url: str  # site-relative published path of the image
    issuer_key: str | None
    renews: str | None
    renewed_by: str | None
    featured: bool
    reviewed: dt.date | None
    draft: bool
    source: str

    @property
    def page(self) -> str:
        return f"badges/{self.id}/"


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseStudy:
    slug: str
    title: str
    date: dt.date
    summary: str | None
    badge_ids: tuple[str, ...]
    skills: tuple[Skill, ...]
    metrics: tuple[Metric, ...]
    testimonials: tuple[Testimonial, ...]
    body: str
    featured: bool
    draft: bool
    source: str

    @property
    def page(self) -> str:
        return f"case-studies/{self.slug}/"


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    slug: str
    title: str
    description: str | None
    body: str
    menu: bool
    order: int
    draft: bool
    source: str

    @property
    def page(self) -> str:
        return f"{self.slug}/"


@dataclass(frozen=True, slots=True, kw_only=True)
class FrameworkCode:
    code: str
    title: str
    url: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Framework:
    id: str
    slug: str
    name: str
    url: str | None
    codes: tuple[FrameworkCode, ...]

    @property
    def page(self) -> str:
        return f"frameworks/{self.slug}/"


@dataclass(frozen=True, slots=True, kw_only=True)
class Collection:
    slug: str
    name: str
    description: str | None
    badge_ids: tuple[str, ...]

    @property
    def page(self) -> str:
        return f"collections/{self.slug}/"


@dataclass(frozen=True, slots=True, kw_only=True)
class Stage:
    name: str
    levels: tuple[str, ...]
    collections: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Target:
    name: str
    count: int
    collection: str | None
    skill: str | None
    level: str | None
    by: dt.date | None
    per_year: bool
    show: bool
