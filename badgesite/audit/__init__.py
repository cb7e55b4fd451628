"""The portfolio audit behind `badgesite check` and `badgesite review`: findings about the model, with positions.

Each module is one family of findings; `audit_site` runs them all and returns Problems sorted by file and line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from badgesite.audit import dates, duplicates, evidence, external, links, naming, report, targets
from badgesite.audit.context import AuditContext, CheckSettings
from badgesite.audit.external import TIMEOUT_SECONDS
from badgesite.audit.findings import ERROR, WARNING, Finding, Severity, counts
from badgesite.load import read_site
from badgesite.model import ModelOptions, Site, assemble
from badgesite.model.name_pages import page_clashes
from badgesite.problems import Problem, SiteError
from badgesite.validate import CheckedSite, validate_site

FAMILIES = (duplicates, naming, dates, evidence, links, targets)


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditOptions:
    """What the command line may change about the audit."""

    external: bool = False
    timeout: float = TIMEOUT_SECONDS


def read_model(root: Path, *, today: dt.date, drafts: bool = False) -> tuple[CheckedSite, Site]:
    """load -> validate -> model, as the build does it; raises SiteError with every build problem."""
    checked = validate_site(read_site(root))
    clashes = page_clashes(checked, drafts=drafts)
    if clashes:
        raise SiteError(clashes)
    return checked, assemble(checked, ModelOptions(today=today, drafts=drafts))


def audit_site(checked: CheckedSite, site: Site, options: AuditOptions | None = None) -> tuple[Problem, ...]:
    """Every finding about the site, sorted; the validator's own warnings come along."""
    options = options or AuditOptions()
    context = AuditContext.of(checked, site)
    found: set[Problem] = set(checked.warnings)
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
