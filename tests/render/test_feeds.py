"""sitemap.xml, feed.xml and robots.txt as crawlers and feed readers get them."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from badgesite.load import read_site
from badgesite.model import ModelOptions, Site, assemble
from badgesite.render.feeds import atom_feed, robots_txt, sitemap_urls, sitemap_xml
from badgesite.validate import validate_site

TODAY = dt.date(2026, 11, 29)
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "https://example.org/portfolio/"


def build(root: Path, base_url: str | None = None) -> Site:
    return assemble(validate_site(read_site(root)), ModelOptions(today=TODAY, base_url=base_url))


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def page_urls(site: Site) -> list[str]:
    """The HTML pages a build of the small site makes, as plan_pages lists them."""
    return [
        *("", "badges/", "case-studies/", "skills/", "issuers/", "404.html"),
        *(badge.page for badge in site.badges),
        *(study.page for study in site.case_studies),
        *(skill.page for skill in site.skills),
        *(issuer.page for issuer in site.issuers),
        *(page.page for page in site.pages),
    ]


def sitemap_of(site: Site) -> dict[str, str | None]:
    data = sitemap_xml(site, sitemap_urls(site, page_urls(site)))
    assert data is not None
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(data)
    assert root.tag == f"{SITEMAP}urlset"
    return {
        url.findtext(f"{SITEMAP}loc") or "": url.findtext(f"{SITEMAP}lastmod") for url in root.iter(f"{SITEMAP}url")
    }


def test_sitemap_lists_absolute_urls_under_the_sub_path_with_content_dates(small_site: Path) -> None:
    urls = sitemap_of(build(small_site))
    assert list(urls) == sorted(urls)
    assert all(url.startswith(BASE) for url in urls)
    assert urls[BASE] == "2025-03-01"  # the newest content on the site: the case study
    assert urls[BASE + "badges/aws-cloud/"] == "2024-05-31"
    assert urls[BASE + "badges/aws-architect/"] == "2025-02-01"
    assert urls[BASE + "case-studies/migration/"] == "2025-03-01"
    assert urls[BASE + "skills/kubernetes/"] == "2025-03-01"
    assert urls[BASE + "issuers/amazon-web-services/"] == "2025-03-01"
    assert urls[BASE + "about/"] is None  # free pages carry no date; no made-up lastmod
    assert not any(url.endswith("404.html") for url in urls)


def test_sitemap_escapes_and_encodes_urls_and_keeps_the_newest_date_of_duplicates(small_site: Path) -> None:
    site = build(small_site)
    data = sitemap_xml(
        site,
        [
            ("/evidence/a&b <c>.pdf", dt.date(2024, 1, 2)),
            ("badges/", dt.date(2024, 1, 1)),
            ("badges/", dt.date(2025, 1, 1)),
            ("Übung/", None),
        ],
    )
    assert data is not None
    assert b"a&amp;b%20%3Cc%3E.pdf" in data
    root = ET.fromstring(data)
    locations = [url.findtext(f"{SITEMAP}loc") for url in root]
    assert locations == [BASE + "%C3%9Cbung/", BASE + "badges/", BASE + "evidence/a&b%20%3Cc%3E.pdf"]
    assert [url.findtext(f"{SITEMAP}lastmod") for url in root] == [None, "2025-01-01", "2024-01-02"]


def test_nothing_needing_absolute_urls_is_made_without_an_absolute_base(small_site: Path) -> None:
    site = build(small_site, base_url="/")
    assert site.absolute_base is None
    assert sitemap_xml(site, [("badges/", None)]) is None
    assert atom_feed(site) is None
    assert robots_txt(site) == b"User-agent: *\nAllow: /\n"


def test_robots_points_at_the_sitemap(small_site: Path) -> None:
    assert robots_txt(build(small_site)) == (
        b"User-agent: *\nAllow: /\n\nSitemap: https://example.org/portfolio/sitemap.xml\n"
    )


def feed_of(site: Site) -> ET.Element:
    data = atom_feed(site)
    assert data is not None
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(data)


def test_atom_feed_has_the_required_elements_and_an_entry_per_badge_and_case_study(small_site: Path) -> None:
    feed = feed_of(build(small_site))
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id") == BASE
    assert feed.findtext(f"{ATOM}title") == "Test portfolio"
    assert feed.findtext(f"{ATOM}updated") == "2025-03-01T00:00:00Z"
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Ada Example"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"self": BASE + "feed.xml", "alternate": BASE}

    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Moving to EKS",
        "Earned: Solutions Architect from Amazon Web Services",
        "Earned: Cloud Practitioner from Amazon Web Services",
    ]
    for entry in entries:
        assert entry.findtext(f"{ATOM}id")
        assert entry.findtext(f"{ATOM}updated")
        assert entry.find(f"{ATOM}link").get("href", "").startswith(BASE)  # type: ignore[union-attr]
        assert entry.findtext(f"{ATOM}summary")
    cloud = entries[2]
    assert cloud.findtext(f"{ATOM}id") == "tag:example.org,2024:portfolio/badges/aws-cloud"
    assert cloud.findtext(f"{ATOM}updated") == "2024-05-31T00:00:00Z"
    assert cloud.find(f"{ATOM}link").get("href") == BASE + "badges/aws-cloud/"  # type: ignore[union-attr]
    assert cloud.findtext(f"{ATOM}summary") == "Cloud Practitioner, issued by Amazon Web Services on 31 May 2024."
    assert [c.get("label") for c in cloud.findall(f"{ATOM}category")] == ["Kubernetes", "Cloud cost"]
    assert entries[0].findtext(f"{ATOM}id") == "tag:example.org,2025:portfolio/case-studies/migration"
    assert entries[0].findtext(f"{ATOM}summary") == "What we did We moved."


def test_entry_ids_survive_title_edits_and_the_feed_is_deterministic(small_site: Path) -> None:
    before = feed_of(build(small_site))
    assert atom_feed(build(small_site)) == atom_feed(build(small_site))
    edit(small_site, "badges/aws-cloud.yml", "Cloud Practitioner", "Certified Cloud Practitioner")
    edit(small_site, "case-studies/migration.md", "Moving to EKS", "Our move to EKS")
    after = feed_of(build(small_site))
    assert entry_ids(after) == entry_ids(before)
    assert "Earned: Certified Cloud Practitioner from Amazon Web Services" in [
        e.findtext(f"{ATOM}title") for e in after.findall(f"{ATOM}entry")
    ]


def entry_ids(feed: ET.Element) -> list[str | None]:
    return [entry.findtext(f"{ATOM}id") for entry in feed.findall(f"{ATOM}entry")]


def test_two_portfolios_on_one_host_never_share_an_entry_id(small_site: Path) -> None:
    """Project sites on user.github.io: a reader subscribed to both must not take one's entry for the other's."""
    first = entry_ids(feed_of(build(small_site, base_url="https://user.github.io/badges/")))
    second = entry_ids(feed_of(build(small_site, base_url="https://user.github.io/team-badges/")))
    assert "tag:user.github.io,2024:badges/badges/aws-cloud" in first
    assert "tag:user.github.io,2024:team-badges/badges/aws-cloud" in second
    assert not set(first) & set(second)
    at_root = entry_ids(feed_of(build(small_site, base_url="https://user.github.io/")))
    assert "tag:user.github.io,2024:badges/aws-cloud" in at_root


def test_metadata_is_escaped_in_the_feed(small_site: Path) -> None:
    edit(small_site, "badges/aws-cloud.yml", "name: Cloud Practitioner", 'name: "Cloud <b>&amp; \\"co\\""')
    edit(small_site, "badges/aws-cloud.yml", "level:", "description: 'Uses **Markdown** & <tags>'\nlevel:")
    data = atom_feed(build(small_site))
    assert data is not None
    assert b"<b>" not in data and b"<tags>" not in data
    entry = ET.fromstring(data).findall(f"{ATOM}entry")[2]
    assert entry.findtext(f"{ATOM}title") == 'Earned: Cloud <b>&amp; "co" from Amazon Web Services'
    assert entry.findtext(f"{ATOM}summary") == "Uses Markdown & <tags>"


def test_reviewing_a_badge_updates_its_entry_and_the_feed_but_not_its_place(small_site: Path) -> None:
    edit(small_site, "badges/aws-cloud.yml", "level:", "reviewed: 2026-01-10\nlevel:")
    feed = feed_of(build(small_site))
    assert feed.findtext(f"{ATOM}updated") == "2026-01-10T00:00:00Z"
    cloud = feed.findall(f"{ATOM}entry")[2]
    assert cloud.findtext(f"{ATOM}published") == "2024-05-31T00:00:00Z"
    assert cloud.findtext(f"{ATOM}updated") == "2026-01-10T00:00:00Z"


def test_the_feed_holds_the_newest_hundred_entries(small_site: Path) -> None:
    """A team's feed with hundreds of badges stays a feed of what is new, not a second copy of the site."""
    for day in range(1, 121):
        earned = dt.date(2020, 1, 1) + dt.timedelta(days=day)
        (small_site / "badges" / f"course-{day:03d}.yml").write_text(
            f"name: Course {day}\nissuer: AWS\nearned: {earned.isoformat()}\n", encoding="utf-8"
        )
    feed = feed_of(build(small_site))
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert len(titles) == 100
    assert titles[:3] == [
        "Moving to EKS",
        "Earned: Solutions Architect from Amazon Web Services",
        "Earned: Cloud Practitioner from Amazon Web Services",
    ]
    assert titles[-1] == "Earned: Course 24 from Amazon Web Services"  # 3 newer + courses 120 down to 24
    assert feed.findtext(f"{ATOM}updated") == "2025-03-01T00:00:00Z"
