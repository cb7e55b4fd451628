"""What every family of findings reads: the model, the documents behind it, today and the `check:` settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from badgesite.load.documents import Document
from badgesite.model import Site
from badgesite.model.types import Badge, CaseStudy
from badgesite.validate import Checked, CheckedSite

DEFAULT_EXPIRY_WARNING_DAYS = 60
DEFAULT_REVIEW_INTERVAL_DAYS = 90


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckSettings:
    """The `check:` block of badgesite.yml, with its defaults."""

    expiry_warning_days: int = DEFAULT_EXPIRY_WARNING_DAYS
    review_interval_days: int = DEFAULT_REVIEW_INTERVAL_DAYS
    title_pattern: str | None = None

    @classmethod
    def from_config(cls, values: dict[str, Any] | None) -> CheckSettings:
        if not values:
            return cls()
        return cls(
            expiry_warning_days=values.get("expiry_warning_days", DEFAULT_EXPIRY_WARNING_DAYS),
            review_interval_days=values.get("review_interval_days", DEFAULT_REVIEW_INTERVAL_DAYS),
            title_pattern=values.get("title_pattern"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditContext:
    """The model for meaning, the checked documents for positions: findings need both."""

    site: Site
    checked: CheckedSite
    settings: CheckSettings
    items: Mapping[str, Checked]  # site-relative source path -> its checked document

    @classmethod
    def of(cls, checked: CheckedSite, site: Site) -> AuditContext:
        everything = (*checked.badges, *checked.case_studies, *checked.pages, checked.config)
        return cls(
            site=site,
            checked=checked,
            settings=CheckSettings.from_config(checked.config.values.get("check")),
            items={item.document.path: item for item in everything},
        )

    @property
    def today(self) -> dt.date:
        return self.site.today

    @property
    def config(self) -> Document:
        return self.checked.config.document

    def document(self, source: str) -> Document:
        """The document a model object came from (`badge.source`, `study.source`, `page.source`)."""
        return self.items[source].document

    def values(self, source: str) -> dict[str, Any]:
        """The validated values of a source file, as written (before naming rules)."""
        return self.items[source].values

    @property
    def site_sources(self) -> frozenset[str]:
        """Source paths of everything in the model (drafts only with --drafts)."""
        site = self.site
        return frozenset(
            [*(b.source for b in site.badges), *(s.source for s in site.case_studies), *(p.source for p in site.pages)]
        )

    def published_badges(self) -> tuple[Checked, ...]:
        """Badge documents that are in the model (drafts only with --drafts), in file order."""
        sources = {badge.source for badge in self.site.badges}
        return tuple(item for item in self.checked.badges if item.document.path in sources)


def badges_in_file_order(site: Site) -> tuple[Badge, ...]:
    """The model lists badges newest first; findings read better in the order of the files."""
    return tuple(sorted(site.badges, key=lambda badge: badge.source))


def case_studies_in_file_order(site: Site) -> tuple[CaseStudy, ...]:
    return tuple(sorted(site.case_studies, key=lambda study: study.source))
