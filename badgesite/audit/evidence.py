"""Claims without proof: badges nothing backs up, case studies that prove no badge."""

from __future__ import annotations

from collections.abc import Iterator

from badgesite.audit.context import AuditContext, badges_in_file_order, case_studies_in_file_order
from badgesite.audit.findings import finding
from badgesite.model import Site
from badgesite.model.types import Badge, CaseStudy
from badgesite.problems import Problem


def lacks_evidence(site: Site, badge: Badge) -> bool:
    """No `evidence:` of its own and no case study citing it."""
    return not badge.evidence and not site.index.case_studies_by_badge.get(badge.id)


def cites_no_badge(study: CaseStudy) -> bool:
    return not study.badge_ids


def find(context: AuditContext) -> Iterator[Problem]:
    for badge in badges_in_file_order(context.site):
        if lacks_evidence(context.site, badge):
            yield finding(
                context.document(badge.source),
                ("evidence",),
                "no evidence yet",
                "add `evidence:` or cite it from a case study",
            )
    for study in case_studies_in_file_order(context.site):
        if cites_no_badge(study):
            yield finding(
                context.document(study.source),
                ("badges",),
                "cites no badge",
                "list the badges this work proves under `badges:` in the front matter",
            )
