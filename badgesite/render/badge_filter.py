"""The data behind the badge index's filter: which level/skill pairs a group of badges has."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from badgesite.model.types import Badge


def level_skill_pairs(badges: Iterable[Badge], levels: Sequence[str]) -> str:
    """`"2:aws 1:k8s"`: the level's 1-based place in `levels` and the skill's slug, for every pair among the
    badges, first seen first. Only numbers and ASCII slugs, so the CSS built from it needs no escaping."""
    places: dict[str, int] = {}
    for place, level in enumerate(levels, 1):
        places.setdefault(level, place)
    pairs = dict.fromkeys(
        f"{places[badge.level]}:{skill.slug}" for badge in badges if badge.level in places for skill in badge.skills
    )
    return " ".join(pairs)
