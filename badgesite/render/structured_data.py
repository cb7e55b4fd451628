"""What machines read about the portfolio: schema.org JSON-LD for search engines, JSON Resume for CV tools.

Everything is built from the model as plain dicts; text fields hold plain text (Markdown stripped). URLs are
absolute when base_url is, root-relative otherwise (search engines resolve those against the page).
"""

from __future__ import annotations

import functools
import json
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from badgesite.model import Site
from badgesite.model.progress import is_earned
from badgesite.model.types import Badge, CaseStudy, Link
from badgesite.render.feeds import site_updated
from badgesite.render.links import Urls
from badgesite.render.plaintext import markdown_text

SCHEMA_ORG = "https://schema.org"
JSON_RESUME_SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"

# Host (or a parent domain of it) -> the network name JSON Resume profiles use.
NETWORKS = {
    "github.com": "GitHub",
    "gitlab.com": "GitLab",
    "codeberg.org": "Codeberg",
    "linkedin.com": "LinkedIn",
    "x.com": "X",
    "twitter.com": "Twitter",
    "bsky.app": "Bluesky",
    "mastodon.social": "Mastodon",
    "hachyderm.io": "Mastodon",
    "fosstodon.org": "Mastodon",
    "stackoverflow.com": "Stack Overflow",
    "credly.com": "Credly",
    "accredible.com": "Accredible",
    "youtube.com": "YouTube",
    "medium.com": "Medium",
    "dev.to": "DEV",
    "kaggle.com": "Kaggle",
    "orcid.org": "ORCID",
    "facebook.com": "Facebook",
    "instagram.com": "Instagram",
}
# Networks whose first path segment is the user name (`github.com/ada`, `x.com/ada`, `mastodon.social/@ada`).
USERNAME_FIRST = {"GitHub", "GitLab", "Codeberg", "X", "Twitter", "Mastodon", "Medium", "DEV", "Kaggle", "Instagram"}


def _compact(values: dict[str, Any]) -> dict[str, Any]:
    """Leave out what is unknown: JSON-LD and JSON Resume both prefer a missing key to a null or empty one."""
    return {key: value for key, value in values.items() if value not in (None, "", [], {})}


def _urls(site: Site) -> Urls:
    return Urls(site.base_path, site.absolute_base)


def _person(site: Site) -> dict[str, Any]:
    urls = _urls(site)
    owner = site.owner
    return _compact(
        {
            "@type": "Person",
            "@id": urls.absolute("") + "#person",
            "name": owner.name,
            "description": markdown_text(owner.headline),
            "url": urls.absolute(""),
            "image": urls.absolute(owner.avatar) if owner.avatar else None,
            "sameAs": [link.url for link in owner.links],
        }
    )


def _credential(site: Site, badge: Badge) -> dict[str, Any]:
    """One badge as a schema.org EducationalOccupationalCredential (shared: callers must not change it)."""
    return _credential_at(badge, site.base_path, site.absolute_base)


@functools.lru_cache(maxsize=16384)
def _credential_at(badge: Badge, base_path: str, absolute_base: str | None) -> dict[str, Any]:
    """Made once per badge and base: the home page lists every badge's credential again, and `serve`
    renders the home page after every badge edit."""
    urls = Urls(base_path, absolute_base)
    return _compact(
        {
            "@type": "EducationalOccupationalCredential",
            "name": badge.name,
            "description": markdown_text(badge.description),
            "credentialCategory": "badge",
            "educationalLevel": badge.level,
            "recognizedBy": _compact({"@type": "Organization", "name": badge.issuer.name, "url": badge.issuer.url}),
            "dateCreated": badge.earned.isoformat(),
            "expires": badge.expires.isoformat() if badge.expires else None,
            "url": urls.absolute(badge.page),
            "image": urls.absolute(badge.image_url),
            "identifier": badge.credential_id,
            "competencyRequired": [
                {"@type": "DefinedTerm", "name": skill.name, "url": urls.absolute(skill.page)} for skill in badge.skills
            ],
        }
    )


PROFILE_CREDENTIALS = 50


def profile_page(site: Site) -> dict[str, Any]:
    """The home page's JSON-LD: a ProfilePage about the owner, with the newest badges earned by today as
    credentials (one dated later is not held yet). Fifty at most: each is ~1 KB, and a team's or issuer's
    5,000 made a 5 MB home page; every badge page carries its own, and resume.json lists them all."""
    held = [badge for badge in site.badges if is_earned(badge, site.today)][:PROFILE_CREDENTIALS]
    updated = site_updated(site)
    return _compact(
        {
            "@context": SCHEMA_ORG,
            "@type": "ProfilePage",
            "name": site.title,
            "url": _urls(site).absolute(""),
            "inLanguage": site.language,
            "dateModified": updated.isoformat() if updated else None,
            "mainEntity": {
                **_person(site),
                **_compact({"hasCredential": [_credential(site, badge) for badge in held]}),
            },
        }
    )


def badge_credential(site: Site, badge: Badge) -> dict[str, Any]:
    """A badge page's JSON-LD: the same credential object the profile lists, standing alone."""
    return {"@context": SCHEMA_ORG, **_credential(site, badge)}


def case_study_article(site: Site, study: CaseStudy) -> dict[str, Any]:
    """A case study page's JSON-LD: an Article by the owner, about the badges it demonstrates."""
    urls = _urls(site)
    page = urls.absolute(study.page)
    return _compact(
        {
            "@context": SCHEMA_ORG,
            "@type": "Article",
            "headline": study.title,
            "description": markdown_text(study.summary),
            "datePublished": study.date.isoformat(),
            "url": page,
            "mainEntityOfPage": page,
            "inLanguage": site.language,
            "author": _compact(
                {
                    "@type": "Person",
                    "@id": urls.absolute("") + "#person",
                    "name": site.owner.name,
                    "url": urls.absolute(""),
                }
            ),
            "about": [
                {"@type": "EducationalOccupationalCredential", "name": badge.name, "url": urls.absolute(badge.page)}
                for badge in site.index.badges_of(study.badge_ids)
            ],
            "keywords": [skill.name for skill in study.skills],
        }
    )


def jsonld_script(data: dict[str, Any]) -> Markup:
    """A `<script type="application/ld+json">` element; `<`, `>` and `&` are JSON-escaped so no text closes it."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def _profile(link: Link) -> dict[str, str]:
    """A JSON Resume profile: the network guessed from the host (the link's title otherwise) and the user name."""
    parts = urlsplit(link.url)
    host = (parts.hostname or "").lower()
    network = next((name for domain, name in NETWORKS.items() if host == domain or host.endswith("." + domain)), None)
    segments = [segment for segment in parts.path.split("/") if segment]
    username = None
    if network == "LinkedIn" and len(segments) >= 2 and segments[0] in ("in", "pub"):
        username = segments[1]
    elif segments and (network in USERNAME_FIRST or segments[0].startswith("@")):
        username = segments[0].lstrip("@")  # `@ada` on any host is a fediverse account
    return _compact({"network": network or link.title, "username": username, "url": link.url})


def resume_json(site: Site) -> bytes:
    """A JSON Resume (jsonresume.org) document: basics and every badge under `certificates`.

    Certificates carry two keys beyond the schema (which allows extra keys): `expires` (ISO date) and
    `credentialId`, because CV tools and recruiters ask for both. Only the owner's public `email` is used;
    the recipient `emails` never leave the build. URLs need a scheme here, so without an absolute base_url
    a certificate links to the issuer's verification page, or to nothing.
    """
    owner = site.owner
    absolute = site.absolute_base is not None
    urls = _urls(site)
    certificates = [
        _compact(
            {
                "name": badge.name,
                "date": badge.earned.isoformat(),
                "issuer": badge.issuer.name,
                "url": urls.absolute(badge.page) if absolute else badge.verify_url,
                "expires": badge.expires.isoformat() if badge.expires else None,
                "credentialId": badge.credential_id,
            }
        )
        for badge in site.badges
        if is_earned(badge, site.today)  # a certificate dated after today is not held yet
    ]
    basics = _compact(
        {
            "name": owner.name,
            "label": markdown_text(owner.headline),
            "email": owner.email,
            "url": urls.absolute("") if absolute else None,
            "image": urls.absolute(owner.avatar) if absolute and owner.avatar else None,
            "summary": markdown_text(owner.summary),
            "location": _compact({"city": owner.location}),
            "profiles": [_profile(link) for link in owner.links],
        }
    )
    document = {"$schema": JSON_RESUME_SCHEMA, "basics": basics, "certificates": certificates}
    return (json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
