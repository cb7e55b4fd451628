"""Where the next badge would add most: framework codes nothing covers, skills used in case studies but unbadged."""

from __future__ import annotations

from dataclasses import dataclass

from badgesite.model import Site
from badgesite.model.progress import framework_coverage
from badgesite.model.types import CaseStudy, Framework, FrameworkCode, Skill


@dataclass(frozen=True, slots=True, kw_only=True)
class CodeGap:
    framework: Framework
    code: FrameworkCode


@dataclass(frozen=True, slots=True, kw_only=True)
class SkillGap:
    skill: Skill
    case_studies: tuple[CaseStudy, ...]


def framework_gaps(site: Site) -> tuple[CodeGap, ...]:
    """Every code of every framework with no aligned badge, in the order the config lists them."""
    return tuple(
        CodeGap(framework=framework, code=code)
        for framework in site.frameworks
        for code in framework_coverage(site, framework).gaps
    )


def skill_gaps(site: Site) -> tuple[SkillGap, ...]:
    """Skills a case study uses that no badge shows, alphabetically, with the case studies (oldest first)."""
    used: dict[str, tuple[Skill, list[CaseStudy]]] = {}
    for study in sorted(site.case_studies, key=lambda s: (s.date, s.slug)):
        for skill in study.skills:
            if not site.index.badges_by_skill.get(skill.slug):
                used.setdefault(skill.slug, (skill, []))[1].append(study)
    return tuple(
        SkillGap(skill=skill, case_studies=tuple(studies))
        for skill, studies in sorted(used.values(), key=lambda entry: entry[0].name.casefold())
    )
