"""The portfolio audit behind `badgesite check` and `badgesite review`: findings about the model, with positions.

Each module is one family of findings; `audit_site` runs them all and returns Problems sorted by file and line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from badgesite.audit import (
    dates,
    duplicates,
    evidence,
    external,
    headings,
    links,
    naming,
    report,
    skill_filters,
    targets,
)
from badgesite.audit.context import AuditContext, CheckSettings
from badgesite.audit.external import TIMEOUT_SECONDS
from badgesite.audit.findings import ERROR, WARNING, Finding, Severity, counts
from badgesite.build import BuildOptions, Prepared, prepare
from badgesite.model import Site
from badgesite.problems import Problem
from badgesite.validate import CheckedSite

FAMILIES = (duplicates, naming, dates, evidence, links, targets, skill_filters, headings)


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditOptions:
    """What the command line may change about the audit."""

    external: bool = False
    timeout: float = TIMEOUT_SECONDS


def read_model(root: Path, *, today: dt.date, drafts: bool = False) -> Prepared:
    """Everything the build checks and decides before it writes, exactly as the build does it (the model, the
    assertions and their checks, the images, the pages); raises SiteError with every build problem."""
    return prepare(BuildOptions(site_root=root, today=today, drafts=drafts))


def audit_site(
    checked: CheckedSite,
    site: Site,
    options: AuditOptions | None = None,
    *,
    build_warnings: Iterable[Problem] = (),
) -> tuple[Problem, ...]:
    """Every finding about the site, sorted; the validator's and the build's own warnings come along."""
    options = options or AuditOptions()
    context = AuditContext.of(checked, site)
    found: set[Problem] = {*checked.warnings, *build_warnings}
    for family in FAMILIES:
        found.update(family.find(context))
    if options.external:
        found.update(external.find(context, timeout=options.timeout))
    return tuple(sorted(found))


__all__ = [
    "ERROR",
    "WARNING",
    "AuditContext",
    "AuditOptions",
    "CheckSettings",
    "Finding",
    "Severity",
    "audit_site",
    "counts",
    "read_model",
    "report",
]
