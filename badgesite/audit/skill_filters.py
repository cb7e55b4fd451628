"""Targets and collections choose badges by skill. A skill written there that no badge has, but close to one
they have (`Kubernetis`), is a typo: the target stays unmet and the collection misses its badges, silently.
A skill with no near match is left alone: a target for a skill still to learn is what targets are for."""

from __future__ import annotations

from collections.abc import Iterator

from badgesite.audit.context import AuditContext
from badgesite.audit.findings import finding, q
from badgesite.load.documents import KeyPath
from badgesite.problems import Problem
from badgesite.validate.suggest import closest


def find(context: AuditContext) -> Iterator[Problem]:
    known = {name.casefold(): skill.name for skill in context.site.skills for name in (skill.name, *skill.aliases)}
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
        match = closest(skill, known.values())
        if match is not None:
            yield finding(
                context.config,
                key_path,
                f"no badge has the skill {q(skill)}: {consequence}",
                f'did you mean "{match}"?',
            )
