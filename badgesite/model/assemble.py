"""Turn the validated site into the model, applying every naming rule exactly once."""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from typing import Any

from badgesite.model import urls
from badgesite.model.name_pages import name_uses
from badgesite.model.naming import Vocabulary, level_rank, normal_spacing
from badgesite.model.site import Site, SiteIndex
from badgesite.model.types import (
    Alignment,
    Badge,
    CaseStudy,
    Collection,
    Evidence,
    Framework,
    FrameworkCode,
    Issuer,
    Link,
    Metric,
    Owner,
    Page,
    Skill,
    Stage,
    Target,
    Testimonial,
)
from badgesite.slugs import slugify
from badgesite.validate import Checked, CheckedSite

RASTER_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelOptions:
    """What the command line may change about the model."""

    today: dt.date
    drafts: bool = False
    base_url: str | None = None


class _Names:
    """Issuer and skill objects, created once per canonical name so every page agrees."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.issuer_vocabulary = Vocabulary.from_config(config["issuers"])
        self.skill_vocabulary = Vocabulary.from_config(config["skills"])
        self.issuers: dict[str, Issuer] = {}
        self.skills: dict[str, Skill] = {}
        self._first_issuer: dict[str, str] = {}
        self._first_skill: dict[str, str] = {}

    def issuer(self, written: str) -> Issuer:
        name = self.issuer_vocabulary.name_for(written, self._first_issuer)
        if name not in self.issuers:
            entry = self.issuer_vocabulary.entries.get(name, {})
            self.issuers[name] = Issuer(
                slug=self.issuer_vocabulary.slug(name),
                name=name,
                url=entry.get("url"),
                description=entry.get("description"),
                aliases=tuple(entry.get("aliases", ())),
                linkedin_id=entry.get("linkedin_id"),
            )
        return self.issuers[name]

    def skill(self, written: str) -> Skill:
        name = self.skill_vocabulary.name_for(written, self._first_skill)
        if name not in self.skills:
            entry = self.skill_vocabulary.entries.get(name, {})
            self.skills[name] = Skill(
                slug=self.skill_vocabulary.slug(name),
                name=name,
                description=entry.get("description"),
                aliases=tuple(entry.get("aliases", ())),
            )
        return self.skills[name]

    def skill_list(self, written: list[str]) -> tuple[Skill, ...]:
        unique: dict[str, Skill] = {}
        for name in written:
            skill = self.skill(name)
            unique.setdefault(skill.name, skill)
        return tuple(unique.values())


def assemble(checked: CheckedSite, options: ModelOptions) -> Site:
    """Build the frozen Site. Drafts are dropped here unless asked for, so no later stage sees them."""
    config = checked.config.values
    names = _Names(config)
    for use in name_uses(checked, drafts=options.drafts):  # met in the one order page_clashes judged
        if use.kind == "issuer":
            names.issuer(use.written)
        else:
            names.skill(use.written)
    frameworks = _frameworks(config)
    visible = lambda items: [i for i in items if options.drafts or not i.values["draft"]]  # noqa: E731
    badge_items = sorted(visible(checked.badges), key=lambda i: i.document.stem)
    renewed_by = {i.values["renews"]: i.document.stem for i in badge_items if i.values["renews"]}
    badges = tuple(
        sorted(
            (_badge(item, config, names, frameworks, options.today, renewed_by) for item in badge_items),
            key=lambda b: (-b.earned.toordinal(), b.id),
        )
    )
    case_studies = tuple(
        sorted(
            (_case_study(item, names) for item in visible(checked.case_studies)),
            key=lambda c: (-c.date.toordinal(), c.slug),
        )
    )
    pages = tuple(sorted((_page(item) for item in visible(checked.pages)), key=lambda p: (p.order, p.slug)))
    owner_values = config["owner"]
    owner = Owner(
        name=owner_values["name"],
        headline=owner_values["headline"],
        summary=owner_values["summary"],
        location=owner_values["location"],
        email=owner_values["email"],
        avatar=owner_values["avatar"],
        links=tuple(Link(title=link["title"], url=link["url"]) for link in owner_values["links"]),
        emails=tuple(owner_values["emails"]),
    )
    return Site(
        title=config["title"],
        description=config["description"],
        base_url=options.base_url or config["base_url"],
        language=config["language"],
        theme=config["theme"],
        domain=config["domain"],
        owner=owner,
        levels=tuple(str(level) for level in config["levels"]),
        issuers=tuple(sorted(names.issuers.values(), key=lambda i: i.name.casefold())),
        skills=tuple(sorted(names.skills.values(), key=lambda s: s.name.casefold())),
        badges=badges,
        case_studies=case_studies,
        pages=pages,
        frameworks=tuple(frameworks.values()),
        collections=_collections(config, badges, names),
        stages=tuple(
            Stage(name=s["name"], levels=tuple(s["levels"]), collections=tuple(s["collections"]))
            for s in config["path"]
        ),
        targets=tuple(
            Target(
                **{
                    key: target[key]
                    for key in ("name", "count", "collection", "skill", "level", "by", "per_year", "show")
                }
            )
            for target in config["targets"]
        ),
        assets=checked.assets,
        root_files=checked.root_files,
        social_cards=(config["sharing"] or {}).get("social_cards", True),
        qr_codes=(config["sharing"] or {}).get("qr_codes", True),
        today=options.today,
        index=SiteIndex.build(badges, case_studies),
    )


def _frameworks(config: dict[str, Any]) -> dict[str, Framework]:
    return {
        f["id"]: Framework(
            id=f["id"],
            slug=slugify(f["id"]),
            name=f["name"],
            url=f["url"],
            codes=tuple(FrameworkCode(code=c["code"], title=c["title"], url=c["url"]) for c in f["codes"]),
        )
        for f in config["frameworks"]
    }


def _testimonials(values: list[dict[str, Any]]) -> tuple[Testimonial, ...]:
    return tuple(Testimonial(quote=t["quote"], author=t["author"], role=t["role"], url=t["url"]) for t in values)


def _badge(
    item: Checked,
    config: dict[str, Any],
    names: _Names,
    frameworks: dict[str, Framework],
    today: dt.date,
    renewed_by: dict[str, str],
) -> Badge:
    values = item.values
    badge_id = item.document.stem
    level, rank = level_rank(values["level"], [str(level) for level in config["levels"]])
    assertion = values["assertion"]
    image_file, assertion_file = badge_files(values)
    extension = "svg" if image_file and image_file.lower().endswith(".svg") else "png"
    evidence = []
    for entry in values["evidence"]:
        if entry["file"]:
            published = urls.badge_file(badge_id, "evidence/" + posixpath.basename(entry["file"]))
            evidence.append(
                Evidence(
                    title=entry["title"],
                    url=urls.escaped(published),
                    narrative=entry["narrative"],
                    is_file=True,
                    source=entry["file"],
                    path=published,
                )
            )
        else:
            evidence.append(
                Evidence(
                    title=entry["title"],
                    url=entry["url"],
                    narrative=entry["narrative"],
                    is_file=False,
                    source=None,
                )
            )
    alignment = []
    for entry in values["alignment"]:
        framework = frameworks[entry["framework"]]
        code = next(c for c in framework.codes if c.code == entry["code"])
        alignment.append(
            Alignment(
                framework_id=framework.id,
                framework_name=framework.name,
                code=code.code,
                title=code.title,
                url=code.url,
            )
        )
    expires = values["expires"]
    return Badge(
        id=badge_id,
        name=normal_spacing(values["name"]),
        issuer=names.issuer(values["issuer"]),
        issuer_as_written=values["issuer"],
        level=level,
        level_rank=rank,
        earned=values["earned"],
        expires=expires,
        expired=bool(expires and expires < today),
        description=values["description"],
        skills=names.skill_list(values["skills"]),
        alignment=tuple(alignment),
        evidence=tuple(evidence),
        testimonials=_testimonials(values["testimonials"]),
        criteria_url=values["criteria_url"],
        rubric_url=values["rubric_url"],
        verify_url=values["verify_url"] or (assertion if assertion and not assertion_file else None),
        credential_id=values["credential_id"],
        assertion_file=assertion_file,
        assertion_url=assertion if assertion and not assertion_file else None,
        image_file=image_file,
        image_url=urls.badge_image(badge_id, extension),
        issuer_key=values["issuer_key"],
        renews=values["renews"],
        renewed_by=renewed_by.get(badge_id),
        featured=values["featured"],
        reviewed=values["reviewed"],
        draft=values["draft"],
        source=item.document.path,
    )


def badge_files(values: dict[str, Any]) -> tuple[str | None, str | None]:
    """A badge's (image file, assertion file): an assertion given as a URL is no file, and a baked PNG or SVG
    given only as `assertion` is the image too."""
    image_file, assertion = values["image"], values["assertion"]
    assertion_file = assertion if assertion and not assertion.startswith(("http://", "https://")) else None
    if image_file is None and assertion_file and assertion_file.lower().endswith((".png", ".svg")):
        image_file = assertion_file
    return image_file, assertion_file


def _case_study(item: Checked, names: _Names) -> CaseStudy:
    values = item.values
    return CaseStudy(
        slug=item.document.stem,
        title=values["title"],
        date=values["date"],
        summary=values["summary"],
        badge_ids=tuple(dict.fromkeys(values["badges"])),
        skills=names.skill_list(values["skills"]),
        metrics=tuple(
            Metric(label=m["label"], before=m["before"], after=m["after"], unit=m["unit"]) for m in values["metrics"]
        ),
        testimonials=_testimonials(values["testimonials"]),
        body=item.document.body,
        featured=values["featured"],
        draft=values["draft"],
        source=item.document.path,
    )


def _page(item: Checked) -> Page:
    values = item.values
    return Page(
        slug=item.document.stem,
        title=values["title"],
        description=values["description"],
        body=item.document.body,
        menu=values["menu"],
        order=values["order"],
        draft=values["draft"],
        source=item.document.path,
    )


def _collections(config: dict[str, Any], badges: tuple[Badge, ...], names: _Names) -> tuple[Collection, ...]:
    collections = []
    for entry in config["collections"]:
        # by name, not slug: a collection of `C#` badges must not take in the `C` badges
        skills = {names.skill(s).name for s in entry["skills"]}
        issuers = {names.issuer(i).name for i in entry["issuers"]}
        explicit = set(entry["badges"])
        members = tuple(
            b.id
            for b in badges
            if b.id in explicit or b.issuer.name in issuers or any(s.name in skills for s in b.skills)
        )
        collections.append(
            Collection(
                slug=slugify(entry["name"]),
                name=entry["name"],
                description=entry["description"],
                badge_ids=members,
            )
        )
    return tuple(collections)
