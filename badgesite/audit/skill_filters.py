"""Targets and collections choose badges by skill. A skill written there that no badge has, but close to one
they have (`Kubernetis`), is a typo: the target stays unmet and the collection misses its badges, silently.
A skill with no near match is left alone: a target for a skill still to learn is what targets are for. Near
is what the naming rules call near: another number (`Module 11`, `Python 3.12`) or symbol (`C#`) is another
skill."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from badgesite.audit.context import AuditContext
from badgesite.audit.findings import finding, q
from badgesite.audit.similarity import near_name, ratio, same_name
from badgesite.load.documents import KeyPath
from badgesite.problems import Problem


def find(context: AuditContext) -> Iterator[Problem]:
    known = {name.casefold(): skill.name for skill in context.site.skills for name in (skill.name, *skill.aliases)}
    badges_with = Counter(skill.name for badge in context.site.badges for skill in badge.skills)
    config = context.checked.config.values
    written: list[tuple[str, KeyPath, str]] = [
        (target["skill"], ("targets", index, "skill"), "the target counts no badge of it")
        for index, target in enumerate(config["targets"])
        if target["skill"]
    ]
    written += [
        (skill, ("collections", index, "skills", position), "no badge joins the collection through it")
        for index, collection in enumerate(config["collections"])
        for position, skill in enumerate(collection["skills"])
    ]
    for skill, key_path, consequence in written:
        if skill.casefold() in known:
            continue
        alike = [name for name in set(known.values()) if same_name(skill, name) or near_name(skill, name)]
        # the skill most badges have (a near miss may be near a typo too), then the closest, then by name
        match = max(alike, key=lambda name: (badges_with[name], ratio(skill, name), name), default=None)
        if match is not None:
            yield finding(
                context.config,
                key_path,
                f"no badge has the skill {q(skill)}: {consequence}",
                f'did you mean "{match}"?',
            )
