"""The same credential listed twice: one issuer, one name once case, spacing and punctuation are ignored."""

from __future__ import annotations

from collections.abc import Iterator

from badgesite.audit.context import AuditContext
from badgesite.audit.findings import finding, q
from badgesite.audit.similarity import canonical_key, near_name, same_name
from badgesite.model.types import Badge
from badgesite.problems import Problem


def find(context: AuditContext) -> Iterator[Problem]:
    """Each later badge is compared with the earlier ones; a renewal chain is one credential, never a duplicate."""
    badges = sorted(context.site.badges, key=lambda badge: (badge.earned, badge.id))
    chains = _renewal_chains(badges)
    for index, newer in enumerate(badges):
        for older in badges[:index]:
            if canonical_key(older.issuer.name) != canonical_key(newer.issuer.name):
                continue
            if chains[older.id] == chains[newer.id]:
                continue
            document = context.document(newer.source)
            if same_name(older.name, newer.name):
                yield finding(
                    document,
                    ("name",),
                    f"duplicate of {older.source}: same issuer {q(newer.issuer.name)} and name {q(older.name)}",
                    f"delete one of the two files, or if this one renews it add renews: {older.id}",
                )
                break
            if near_name(older.name, newer.name):
                yield finding(
                    document,
                    ("name",),
                    f"possible duplicate of {older.source}: {q(newer.name)} and {q(older.name)} "
                    f"from {q(newer.issuer.name)} are nearly the same name",
                    f"if they are one credential, delete one file or add renews: {older.id}; "
                    "if not, check the spelling of both names",
                )
                break


def _renewal_chains(badges: list[Badge]) -> dict[str, str]:
    """Badge id -> the id of the oldest badge in its renewal chain (union of `renews:` links)."""
    parent = {badge.id: badge.id for badge in badges}

    def root(badge_id: str) -> str:
        while parent[badge_id] != badge_id:
            parent[badge_id] = parent[parent[badge_id]]
            badge_id = parent[badge_id]
        return badge_id

    for badge in badges:
        if badge.renews and badge.renews in parent:
            parent[root(badge.id)] = root(badge.renews)
    return {badge_id: root(badge_id) for badge_id in parent}
