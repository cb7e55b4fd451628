"""Which pages the site has, which template draws each, and what each template is given."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from badgesite.cache import ContentCache
from badgesite.model import Site, urls
from badgesite.model.progress import framework_coverage, target_progress
from badgesite.model.types import Badge, CaseStudy, Issuer, Skill
from badgesite.model.urls import output_file
from badgesite.render.plaintext import markdown_text
from badgesite.render.sharing import SharingLinks, badge_qr_file
from badgesite.render.structured_data import badge_credential, case_study_article, profile_page
from badgesite.render.trajectory import stage_rows


@dataclass(frozen=True, slots=True, kw_only=True)
class PageMeta:
    """What every template knows about the page it draws."""

    url: str
    title: str
    kind: str
    description: str | None = None
    source: str | None = None
    card: str | None = urls.SOCIAL_CARD
    structured: Callable[[], Mapping[str, Any]] | None = None
    sources: tuple[str, ...] = ()  # source files whose content the page shows; "badges/*" for every badge

    @property
    def structured_data(self) -> Mapping[str, Any] | None:
        """schema.org JSON-LD, computed on each access, only when the page is rendered (planning stays cheap)."""
        return self.structured() if self.structured else None


@dataclass(frozen=True, slots=True, kw_only=True)
class PageSpec:
    """One page to render: its template and the values beyond `site` and `page` that the template gets."""

    meta: PageMeta
    template: str
    values: Mapping[str, Any] = field(default_factory=dict)
    extras: Callable[[ContentCache], dict[str, bytes]] | None = None  # files made beside the page (its QR code)

    @property
    def output(self) -> str:
        return output_file(self.meta.url)


def plan_pages(site: Site, *, credentials: Mapping[str, Any], images: Mapping[str, Any]) -> list[PageSpec]:
    """Every HTML page of the site, in a stable order; credentials and images feed the badge pages."""
    specs = [
        *_sections(site),
        *_badge_pages(site, credentials, images),
        *_case_study_pages(site),
        *_taxonomy_pages(site),
        *_free_pages(site),
        *_portfolio_pages(site),
    ]
    # a page with no description of its own, on a site with none, is described by the owner's headline: home,
    # listings, skill and issuer pages otherwise had no description for search results and link previews
    fallback = None if site.description else (markdown_text(site.owner.headline) or None)
    return [_completed(spec, site, fallback) for spec in specs]


EVERY_BADGE_AND_CASE_STUDY = ("badges/*", "case-studies/*")
LISTING_SOURCES = {
    "home": EVERY_BADGE_AND_CASE_STUDY,
    "case_studies": EVERY_BADGE_AND_CASE_STUDY,
    "skills": EVERY_BADGE_AND_CASE_STUDY,
    "issuers": EVERY_BADGE_AND_CASE_STUDY,
    "badges": ("badges/*",),
    "trajectory": ("badges/*",),
    "frameworks": ("badges/*",),
    "framework": ("badges/*",),
    "collections": ("badges/*",),
    "collection": ("badges/*",),
}


def _completed(spec: PageSpec, site: Site, description: str | None) -> PageSpec:
    """What every page's meta needs beyond its own: its sources (listing pages depend on every badge and case
    study, a free page on its file), no card when none is drawn, and `description` when it has none."""
    meta = spec.meta
    if meta.description is None and description:
        meta = replace(meta, description=description)
    if not meta.sources:
        if meta.kind in LISTING_SOURCES:
            meta = replace(meta, sources=LISTING_SOURCES[meta.kind])
        elif meta.source:
            meta = replace(meta, sources=(meta.source,))
    if not site.social_cards and meta.card == urls.SOCIAL_CARD:
        meta = replace(meta, card=None)
    return spec if meta is spec.meta else replace(spec, meta=meta)


def _by_issuer(badges: tuple[Badge, ...]) -> list[tuple[Issuer, list[Badge]]]:
    groups: dict[str, tuple[Issuer, list[Badge]]] = {}
    for badge in badges:
        groups.setdefault(badge.issuer.slug, (badge.issuer, []))[1].append(badge)
    return sorted(groups.values(), key=lambda group: group[0].name.casefold())


def _sections(site: Site) -> Iterator[PageSpec]:
    featured = [b for b in site.badges if b.featured] or list(site.badges[:6])
    latest = sorted(site.case_studies, key=lambda c: (not c.featured, -c.date.toordinal(), c.slug))[:3]
    used_levels = {b.level for b in site.badges if b.level}
    yield PageSpec(
        meta=PageMeta(
            url="", title=site.title, kind="home", description=site.description, structured=partial(profile_page, site)
        ),
        template="home.html",
        values={"featured_badges": featured, "latest_case_studies": latest},
    )
    yield PageSpec(
        meta=PageMeta(url="badges/", title="Badges", kind="badges"),
        template="badges.html",
        values={
            "groups": _by_issuer(site.badges),
            "levels": [level for level in site.levels if level in used_levels],
            "skills": [s for s in site.skills if site.index.badges_by_skill.get(s.slug)],
        },
    )
    yield PageSpec(
        meta=PageMeta(url="case-studies/", title="Case studies", kind="case_studies"),
        template="case_studies.html",
        values={},
    )
    yield PageSpec(
        meta=PageMeta(url="skills/", title="Skills", kind="skills"),
        template="skills.html",
        values={"skills": _with_badges(site.skills, site.index.badges_by_skill)},
    )
    yield PageSpec(
        meta=PageMeta(url="issuers/", title="Issuers", kind="issuers"),
        template="issuers.html",
        values={"issuers": _with_badges(site.issuers, site.index.badges_by_issuer)},
    )
    yield PageSpec(
        meta=PageMeta(url="404.html", title="Page not found", kind="not_found"),
        template="404.html",
        values={},
    )


def _with_badges(
    items: tuple[Skill, ...] | tuple[Issuer, ...], index: Mapping[str, tuple[Badge, ...]]
) -> list[tuple[Any, tuple[Badge, ...]]]:
    return [(item, index.get(item.slug, ())) for item in items]


def _badge_pages(site: Site, credentials: Mapping[str, Any], images: Mapping[str, Any]) -> Iterator[PageSpec]:
    for badge in site.badges:
        studies = site.index.case_studies_by_badge.get(badge.id, ())
        yield PageSpec(
            meta=PageMeta(
                url=badge.page,
                title=badge.name,
                kind="badge",
                source=badge.source,
                description=f"{badge.name}, issued by {badge.issuer.name}",
                card=urls.social_card(badge.page) if site.social_cards else _shareable(badge.image_url),
                structured=partial(badge_credential, site, badge),
                sources=(
                    badge.source,
                    *(s.source for s in studies),
                    *_renewal_sources(site, badge),
                    *_files_of(badge),  # the page shows what the assertion says and the checks' outcome
                ),
            ),
            template="badge.html",
            extras=partial(badge_qr_file, site, badge) if site.qr_codes else None,
            values={
                "badge": badge,
                "case_studies": studies,
                "credential": credentials.get(badge.id),
                "image": images.get(badge.id),
                "sharing": SharingLinks(site, badge),
                "renews": site.index.badge_by_id.get(badge.renews or ""),
                "renewed_by": site.index.badge_by_id.get(badge.renewed_by or ""),
            },
        )


def _case_study_pages(site: Site) -> Iterator[PageSpec]:
    for study in site.case_studies:
        yield PageSpec(
            meta=PageMeta(
                url=study.page,
                title=study.title,
                kind="case_study",
                description=study.summary,
                source=study.source,
                card=urls.social_card(study.page) if site.social_cards else _home_card(site),
                structured=partial(case_study_article, site, study),
                sources=(study.source, *(b.source for b in site.index.badges_of(study.badge_ids))),
            ),
            template="case_study.html",
            values={"case_study": study, "badges": site.index.badges_of(study.badge_ids)},
        )


def _taxonomy_pages(site: Site) -> Iterator[PageSpec]:
    for skill in site.skills:
        yield PageSpec(
            meta=PageMeta(
                url=skill.page,
                title=skill.name,
                kind="skill",
                sources=_sources_of(
                    site.index.badges_by_skill.get(skill.slug, ()), site.index.case_studies_by_skill.get(skill.slug, ())
                ),
            ),
            template="skill.html",
            values={
                "skill": skill,
                "badges": site.index.badges_by_skill.get(skill.slug, ()),
                "case_studies": site.index.case_studies_by_skill.get(skill.slug, ()),
            },
        )
    for issuer in site.issuers:
        yield PageSpec(
            meta=PageMeta(
                url=issuer.page,
                title=issuer.name,
                kind="issuer",
                sources=_sources_of(
                    site.index.badges_by_issuer.get(issuer.slug, ()),
                    site.index.case_studies_by_issuer.get(issuer.slug, ()),
                ),
            ),
            template="issuer.html",
            values={
                "issuer": issuer,
                "badges": site.index.badges_by_issuer.get(issuer.slug, ()),
                "case_studies": site.index.case_studies_by_issuer.get(issuer.slug, ()),
            },
        )


def _free_pages(site: Site) -> Iterator[PageSpec]:
    for page in site.pages:
        yield PageSpec(
            meta=PageMeta(
                url=page.page, title=page.title, kind="page", description=page.description, source=page.source
            ),
            template="page.html",
            values={"content_page": page},
        )


def _portfolio_pages(site: Site) -> Iterator[PageSpec]:
    """Trajectory, frameworks and collections: the story the portfolio tells."""
    shown_targets = [target_progress(site, target) for target in site.targets if target.show]
    yield PageSpec(
        meta=PageMeta(
            url="trajectory/",
            title="Learning trajectory",
            kind="trajectory",
            description=f"How {site.owner.name}'s badges build up over time",
        ),
        template="trajectory.html",
        values={"rows": stage_rows(site), "targets": shown_targets},
    )
    if site.frameworks:
        coverages = [framework_coverage(site, framework) for framework in site.frameworks]
        yield PageSpec(
            meta=PageMeta(url="frameworks/", title="Competency frameworks", kind="frameworks"),
            template="frameworks.html",
            values={"coverages": coverages},
        )
        for coverage in coverages:
            yield PageSpec(
                meta=PageMeta(url=coverage.framework.page, title=coverage.framework.name, kind="framework"),
                template="framework.html",
                values={"coverage": coverage},
            )
    if site.collections:
        yield PageSpec(
            meta=PageMeta(url="collections/", title="Collections", kind="collections"),
            template="collections.html",
            values={},
        )
        for collection in site.collections:
            yield PageSpec(
                meta=PageMeta(
                    url=collection.page, title=collection.name, kind="collection", description=collection.description
                ),
                template="collection.html",
                values={"collection": collection, "badges": site.index.badges_of(collection.badge_ids)},
            )


def _files_of(badge: Badge) -> tuple[str, ...]:
    """The badge's image and assertion files, site-relative, when it names them."""
    return tuple(dict.fromkeys(path for path in (badge.image_file, badge.assertion_file) if path))


def _renewal_sources(site: Site, badge: Badge) -> tuple[str, ...]:
    partners = (site.index.badge_by_id.get(badge.renews or ""), site.index.badge_by_id.get(badge.renewed_by or ""))
    return tuple(partner.source for partner in partners if partner is not None)


def _shareable(image_url: str) -> str | None:
    """A badge image as og:image only when platforms show it: they draw PNG and JPEG, not SVG."""
    return image_url if image_url.lower().endswith((".png", ".jpg", ".jpeg")) else None


def _home_card(site: Site) -> str | None:
    """The og:image of pages without their own card: the home page's card, when cards are drawn."""
    return urls.SOCIAL_CARD if site.social_cards else None


def _sources_of(badges: tuple[Badge, ...], studies: tuple[CaseStudy, ...]) -> tuple[str, ...]:
    """A taxonomy page shows these files; with the previous plan's list, a badge moving in or out is caught."""
    return (*(badge.source for badge in badges), *(study.source for study in studies), "badgesite.yml")
