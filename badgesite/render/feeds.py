"""Machine-read files beside the pages: sitemap.xml, the Atom feed, robots.txt. Pure functions of the Site.

Dates come from the content (earned, reviewed, case study dates), never from the clock, so two builds of the
same site give the same bytes. Sitemaps and feeds need absolute URLs; without an absolute base_url
(`base_url: /`) there is nothing to publish and the functions return None.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from badgesite.model import Site
from badgesite.model.progress import is_earned
from badgesite.model.types import Badge, CaseStudy
from badgesite.model.urls import badge_index, case_study_index, issuer_index, skill_index
from badgesite.render.dates import human_date
from badgesite.render.plaintext import markdown_text, xml_safe

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
FEED_PATH = "feed.xml"
FEED_ENTRIES = 100  # what feed readers show as new; older entries have long been read
SITEMAP_PATH = "sitemap.xml"
NOT_FOUND_PAGE = "404.html"
SUMMARY_LENGTH = 280
_SAFE_PATH = "/:@!$&'()*+,;=~%?#"


def absolute_url(base: str, path: str) -> str:
    """`https://example.org/portfolio/` + `badges/aws/` -> one absolute URL, the path percent-encoded."""
    return base.rstrip("/") + "/" + quote(path.lstrip("/"), safe=_SAFE_PATH)


def badge_date(badge: Badge) -> dt.date:
    """When a badge's page last changed in substance: its review date when later than the earned date."""
    return max(badge.earned, badge.reviewed) if badge.reviewed else badge.earned


def _newest(dates: Iterable[dt.date | None]) -> dt.date | None:
    known = [date for date in dates if date is not None]
    return max(known) if known else None


def _shown_date(badges: Iterable[Badge], studies: Iterable[CaseStudy]) -> dt.date | None:
    return _newest([*(badge_date(b) for b in badges), *(c.date for c in studies)])


def site_updated(site: Site) -> dt.date | None:
    """The newest content date the site shows, its home page's: never later than today (a badge dated after
    today is published, but nothing was modified in the future)."""
    newest = _shown_date(site.badges, site.case_studies)
    return min(newest, site.today) if newest else None


def content_dates(site: Site) -> dict[str, dt.date]:
    """The newest content date each dated page shows, by site-relative URL; free pages carry no date."""
    badges_newest = _shown_date(site.badges, ())
    studies_newest = _shown_date((), site.case_studies)
    dates: dict[str, dt.date | None] = {
        "": site_updated(site),
        badge_index(): badges_newest,
        skill_index(): badges_newest,
        issuer_index(): badges_newest,
        case_study_index(): studies_newest,
    }
    dates.update((badge.page, badge_date(badge)) for badge in site.badges)
    dates.update((study.page, study.date) for study in site.case_studies)
    index = site.index
    for skill in site.skills:
        dates[skill.page] = _shown_date(
            index.badges_by_skill.get(skill.slug, ()), index.case_studies_by_skill.get(skill.slug, ())
        )
    for issuer in site.issuers:
        dates[issuer.page] = _shown_date(
            index.badges_by_issuer.get(issuer.slug, ()), index.case_studies_by_issuer.get(issuer.slug, ())
        )
    # a badge or case study dated after today is published, but nothing was modified in the future
    return {url: min(date, site.today) for url, date in dates.items() if date is not None}


def sitemap_urls(site: Site, page_urls: Iterable[str]) -> list[tuple[str, dt.date | None]]:
    """The sitemap's input from the URLs of the HTML pages built: all but the 404 page, each with its date."""
    dates = content_dates(site)
    return [(url, dates.get(url)) for url in page_urls if url != NOT_FOUND_PAGE]


def _serialise(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    return (XML_DECLARATION + ET.tostring(root, encoding="unicode") + "\n").encode("utf-8")


def sitemap_xml(site: Site, urls: Sequence[tuple[str, dt.date | None]]) -> bytes | None:
    """A sitemaps.org urlset of site-relative URLs made absolute, sorted; a URL listed twice keeps its newest date."""
    if site.absolute_base is None:
        return None
    newest: dict[str, dt.date | None] = {}
    for path, lastmod in urls:
        location = absolute_url(site.absolute_base, path)
        newest[location] = _newest((newest.get(location), lastmod))
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    for location in sorted(newest):
        entry = ET.SubElement(root, "url")
        ET.SubElement(entry, "loc").text = location
        if newest[location] is not None:
            ET.SubElement(entry, "lastmod").text = newest[location].isoformat()  # type: ignore[union-attr]
    return _serialise(root)


def robots_txt(site: Site) -> bytes:
    """Allow every crawler; point at the sitemap when there is one (crawlers read robots.txt only at a host root)."""
    lines = ["User-agent: *", "Allow: /"]
    if site.absolute_base is not None:
        lines += ["", f"Sitemap: {absolute_url(site.absolute_base, SITEMAP_PATH)}"]
    return ("\n".join(lines) + "\n").encode("utf-8")


@dataclass(frozen=True, slots=True)
class _Entry:
    tag: str
    title: str
    page: str
    published: dt.date
    updated: dt.date
    summary: str
    categories: tuple[tuple[str, str], ...]


def _timestamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def _shorten(text: str, limit: int = SUMMARY_LENGTH) -> str:
    """Cut at a word boundary with an ellipsis, for summaries taken from a case study's body."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:.") + "…"


def _badge_tag(badge: Badge) -> str:
    return f"{badge.earned.year}:badges/{badge.id}"


def _case_study_tag(study: CaseStudy) -> str:
    return f"{study.date.year}:case-studies/{study.slug}"


def _badge_entry(badge: Badge) -> _Entry:
    summary = markdown_text(badge.description) or (
        f"{badge.name}, issued by {badge.issuer.name} on {human_date(badge.earned)}."
    )
    return _Entry(
        tag=_badge_tag(badge),
        title=f"Earned: {badge.name} from {badge.issuer.name}",
        page=badge.page,
        published=badge.earned,
        updated=badge_date(badge),
        summary=summary,
        categories=tuple((skill.slug, skill.name) for skill in badge.skills),
    )


def _case_study_entry(study: CaseStudy) -> _Entry:
    return _Entry(
        tag=_case_study_tag(study),
        title=study.title,
        page=study.page,
        published=study.date,
        updated=study.date,
        summary=markdown_text(study.summary) or _shorten(markdown_text(study.body)),
        categories=tuple((skill.slug, skill.name) for skill in study.skills),
    )


def _text(parent: ET.Element, tag: str, text: str, attributes: dict[str, str] | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes or {})
    element.text = xml_safe(text)
    return element


def atom_feed(site: Site) -> bytes | None:
    """An Atom 1.0 feed of the newest FEED_ENTRIES badges earned and case studies written, newest first; None
    without an absolute base. A feed says what is new; the whole portfolio is in sitemap.xml and resume.json.

    Entries are ordered by when the badge was earned or the case study dated; `updated` is later when a badge
    was reviewed since.

    Entry ids are tag URIs, `tag:<host>,<year of the entry>:<base path>badges/<id>` (or `case-studies/<slug>`):
    they do not change when a title is edited or when older badges are added later, so feed readers never show an
    entry twice; and two portfolios on one host (project sites on `user.github.io`) never share one. Moving a
    site to another path changes them, as it changes the feed's own address. The feed's own id is the home page
    URL, as feed readers key subscriptions by URL anyway. `updated` is the newest entry's date (the site's
    `today` when there are no entries yet), never the build time.
    """
    base = site.absolute_base
    if base is None:
        return None
    host = (urlsplit(base).hostname or "localhost").lower()
    path = site.base_path.lstrip("/")
    # what happened: a badge earned after today, or a case study dated after it, is news on its day, not before
    badges = [badge for badge in site.badges if is_earned(badge, site.today)]
    studies = [study for study in site.case_studies if study.date <= site.today]
    items: list[tuple[dt.date, str, Badge | CaseStudy]] = [
        *((badge.earned, _badge_tag(badge), badge) for badge in badges),
        *((study.date, _case_study_tag(study), study) for study in studies),
    ]
    newest = sorted(items, key=lambda item: (-item[0].toordinal(), item[1]))[:FEED_ENTRIES]
    entries = [_badge_entry(item) if isinstance(item, Badge) else _case_study_entry(item) for _, _, item in newest]
    latest = min(max([*map(badge_date, badges), *(study.date for study in studies)], default=site.today), site.today)
    home = absolute_url(base, "")
    feed = ET.Element("feed", {"xmlns": ATOM_NS, XML_LANG: site.language})
    _text(feed, "id", home)
    _text(feed, "title", site.title)
    subtitle = site.description or site.owner.headline
    if subtitle:
        _text(feed, "subtitle", subtitle)
    _text(feed, "updated", _timestamp(latest))
    author = ET.SubElement(feed, "author")
    _text(author, "name", site.owner.name)
    _text(author, "uri", home)
    ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml", "href": absolute_url(base, FEED_PATH)})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": home})
    _text(feed, "generator", "badgesite")
    for entry in entries:
        element = ET.SubElement(feed, "entry")
        year, name = entry.tag.split(":", 1)
        _text(element, "id", f"tag:{host},{year}:{path}{name}")
        _text(element, "title", entry.title)
        ET.SubElement(
            element, "link", {"rel": "alternate", "type": "text/html", "href": absolute_url(base, entry.page)}
        )
        _text(element, "published", _timestamp(entry.published))
        _text(element, "updated", _timestamp(entry.updated))
        if entry.summary:
            _text(element, "summary", entry.summary, {"type": "text"})
        for term, label in entry.categories:
            ET.SubElement(element, "category", {"term": term, "label": xml_safe(label)})
    return _serialise(feed)
