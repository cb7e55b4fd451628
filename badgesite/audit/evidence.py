"""Claims without proof: badges nothing backs up, case studies that prove no badge or cite a draft."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from badgesite.audit.context import AuditContext, badges_in_file_order, case_studies_in_file_order
from badgesite.audit.findings import finding
from badgesite.load.documents import Document, KeyPath
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
        yield from _drafts_cited(context, context.document(study.source), ("badges",), context.values(study.source))
    for index, collection in enumerate(context.checked.config.values["collections"]):
        yield from _drafts_cited(context, context.config, ("collections", index, "badges"), collection)


def _drafts_cited(
    context: AuditContext, document: Document, key_path: KeyPath, values: dict[str, Any]
) -> Iterator[Problem]:
    """A badge named here that this build leaves out as a draft: its link and card are missing from the
    published page, without a word, until the badge is published."""
    published = context.site.index.badge_by_id
    for index, badge_id in enumerate(values.get("badges") or ()):
        if badge_id not in published:
            yield finding(
                document,
                (*key_path, index),
                f'"{badge_id}" is a draft: the published site leaves it out until the badge is published',
                "remove `draft: true` from the badge, or name it here once it is published",
            )
