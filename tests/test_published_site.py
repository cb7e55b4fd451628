"""The built sample site as the web sees it: served under a sub-path, crawled, parsed, scanned."""

from __future__ import annotations

import json
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import parse_qs, urljoin, urlsplit
from urllib.request import urlopen

import pytest
from PIL import Image

from tests.conftest import SAMPLE_SITE, TODAY, run_cli
from tests.html_tools import PageParser, parse_page

BASE = "https://example.github.io/portfolio/"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The sample site built for a GitHub project page and served at http://127.0.0.1:PORT/portfolio/."""
    if not (SAMPLE_SITE / "badgesite.yml").is_file():
        pytest.skip("sample-site/ is missing")
    root = tmp_path_factory.mktemp("www")
    result = run_cli("build", SAMPLE_SITE, "-o", root / "portfolio", "--base-url", BASE, "--today", TODAY)
    assert result.returncode == 0, result.stderr

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", root / "portfolio"
    server.shutdown()
    server.server_close()


def test_crawl_finds_no_broken_internal_link_image_or_stylesheet(served: tuple[str, Path]) -> None:
    origin, _ = served
    start = origin + "/portfolio/"
    queue, seen, broken, pages = [start], {start}, [], 0
    while queue:
        url = queue.pop()
        try:
            with urlopen(url, timeout=10) as response:
                body = response.read()
                content_type = response.headers.get("Content-Type", "")
        except HTTPError as error:
            broken.append(f"{url} -> {error.code}")
            continue
        if "html" not in content_type:
            continue
        pages += 1
        parser = PageParser()
        parser.feed(body.decode("utf-8"))
        for link in [*parser.anchors, *parser.loads]:
            target = urljoin(url, link).split("#")[0]
            if target.startswith(origin) and target not in seen:
                seen.add(target)
                queue.append(target)
    assert broken == []
    assert pages >= 60


def test_links_point_under_the_sub_path(served: tuple[str, Path]) -> None:
    _, output = served
    for page in output.rglob("*.html"):
        parsed = parse_page(page)
        for link in [*parsed.anchors, *parsed.loads]:
            if link.startswith("/"):
                assert link.startswith("/portfolio/"), f"{page}: {link}"


def test_404_page_works_at_any_depth(served: tuple[str, Path]) -> None:
    origin, output = served
    parsed = parse_page(output / "404.html")
    for link in [*parsed.anchors, *parsed.loads]:
        if link.startswith("/"):
            with urlopen(urljoin(origin + "/portfolio/a/b/c/", link), timeout=10) as response:
                assert response.status == 200


def test_nothing_is_loaded_from_another_origin(served: tuple[str, Path]) -> None:
    _, output = served
    external = []
    for page in output.rglob("*.html"):
        external += [
            f"{page.name}: {link}" for link in parse_page(page).loads if urlsplit(link).scheme or link.startswith("//")
        ]
    for stylesheet in output.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8")
        assert (
            "@import" not in text and "http://" not in text and "https://" not in text.replace("https://www.w3.org", "")
        ), stylesheet
    assert external == []


def test_sitemap_feed_and_robots(served: tuple[str, Path]) -> None:
    _, output = served
    sitemap = ET.parse(output / "sitemap.xml").getroot()
    locations = [element.text for element in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert BASE in locations
    assert all(location.startswith(BASE) for location in locations)
    assert BASE + "badges/certified-kubernetes-administrator/" in locations
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(output / "feed.xml").getroot()
    assert feed.tag == f"{atom}feed"
    entries = feed.findall(f"{atom}entry")
    assert len(entries) == 14 + 5
    assert all(entry.find(f"{atom}id").text for entry in entries)
    assert f"Sitemap: {BASE}sitemap.xml" in (output / "robots.txt").read_text()
    assert (output / ".nojekyll").exists()


def test_json_ld_and_open_graph(served: tuple[str, Path]) -> None:
    _, output = served
    home = (output / "index.html").read_text(encoding="utf-8")
    data = json.loads(home.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["@type"] == "ProfilePage"
    credentials = data["mainEntity"]["hasCredential"]
    assert len(credentials) == 14
    assert {c["@type"] for c in credentials} == {"EducationalOccupationalCredential"}
    assert all(c["recognizedBy"]["name"] and c["dateCreated"] and c["url"].startswith(BASE) for c in credentials)
    badge = (output / "badges" / "aws-security-specialty" / "index.html").read_text(encoding="utf-8")
    assert f'<meta property="og:image" content="{BASE}badges/aws-security-specialty/card.jpg">' in badge
    assert '<meta name="twitter:card" content="summary_large_image">' in badge
    resume = json.loads((output / "resume.json").read_text())
    assert resume["basics"]["name"] == "Mara Lindqvist"
    assert len(resume["certificates"]) == 14
    assert "mara.lindqvist@example.org" not in (output / "resume.json").read_text()


def test_every_badge_page_can_be_shared(served: tuple[str, Path]) -> None:
    _, output = served
    for folder in sorted(p for p in (output / "badges").iterdir() if p.is_dir()):
        parsed = parse_page(folder / "index.html")
        linkedin = [a for a in parsed.anchors if a.startswith("https://www.linkedin.com/profile/add?")]
        assert len(linkedin) == 1, folder.name
        query = parse_qs(urlsplit(linkedin[0]).query)
        assert query["startTask"] == ["CERTIFICATION_NAME"]
        assert query["certUrl"] == [f"{BASE}badges/{folder.name}/"]
        html = (folder / "index.html").read_text(encoding="utf-8")
        assert "&lt;a href=&#34;" in html and "<script" not in html.split("<textarea")[1].split("</textarea>")[0]
        assert ET.parse(folder / "qr.svg").getroot().tag == "{http://www.w3.org/2000/svg}svg"
        with Image.open(folder / "card.jpg") as card:
            assert card.size == (1200, 630)


def test_built_images_unbake_with_the_reference_baker_to_the_issuers_assertion(served: tuple[str, Path]) -> None:
    from openbadges_bakery import unbake

    _, output = served
    checked = 0
    for folder in sorted(p for p in (output / "badges").iterdir() if p.is_dir()):
        assertion = folder / "assertion.json"
        image = folder / f"{folder.name}.png"
        if assertion.is_file() and image.is_file():
            with image.open("rb") as stream:
                assert unbake(stream) == assertion.read_text(encoding="utf-8").strip()
            checked += 1
    assert checked >= 2


def test_a_site_without_a_description_describes_its_pages_by_the_owners_headline(small_site: Path) -> None:
    """Search results and link previews need a description on every page, and `description:` is optional."""
    config = small_site / "badgesite.yml"
    text = config.read_text(encoding="utf-8")
    assert "description:" not in text.split("owner:")[0]
    config.write_text(text.replace("  name: Ada Example\n", "  name: Ada Example\n  headline: Cloud **engineer**\n"))
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "skills/index.html", "issuers/amazon-web-services/index.html", "404.html"):
        html = (small_site / "_site" / page).read_text(encoding="utf-8")
        assert '<meta name="description" content="Cloud engineer">' in html, page
        assert '<meta property="og:description" content="Cloud engineer">' in html, page
