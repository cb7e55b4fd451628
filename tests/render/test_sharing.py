"""Sharing a badge: the Add-to-LinkedIn link, the embed snippet and the QR code, as users get them."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from badgesite.load import read_site
from badgesite.model import ModelOptions, Site, assemble
from badgesite.render.sharing import embed_snippet, linkedin_add_url, qr_svg
from badgesite.validate import validate_site

TODAY = dt.date(2026, 11, 29)
BASE = "https://example.org/portfolio/"
SVG = "{http://www.w3.org/2000/svg}"


def build(root: Path, base_url: str | None = None) -> Site:
    return assemble(validate_site(read_site(root)), ModelOptions(today=TODAY, base_url=base_url))


def write_badge(root: Path, text: str) -> None:
    (root / "badges/aws-cloud.yml").write_text(text, encoding="utf-8")


def linkedin_params(site: Site, badge_id: str) -> list[tuple[str, str]]:
    url = linkedin_add_url(site, site.index.badge_by_id[badge_id])
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "www.linkedin.com", "/profile/add")
    assert " " not in url and "+" not in parts.query  # spaces are %20, as LinkedIn expects
    return parse_qsl(parts.query, keep_blank_values=True, strict_parsing=True)


def test_linkedin_link_carries_awkward_names_exactly(small_site: Path) -> None:
    write_badge(
        small_site,
        "name: 'Cloud & Data #1 – Übung für Profis'\nissuer: AWS\nearned: 2024-05-31\nexpires: 2027-01-15\n"
        "credential_id: 'ID #42 & more'\n",
    )
    params = linkedin_params(build(small_site), "aws-cloud")
    assert params == [
        ("startTask", "CERTIFICATION_NAME"),
        ("name", "Cloud & Data #1 – Übung für Profis"),
        ("organizationName", "Amazon Web Services"),
        ("issueYear", "2024"),
        ("issueMonth", "5"),
        ("expirationYear", "2027"),
        ("expirationMonth", "1"),
        ("certUrl", BASE + "badges/aws-cloud/"),
        ("certId", "ID #42 & more"),
    ]


def test_linkedin_link_uses_the_organisation_id_and_leaves_out_what_is_unknown(small_site: Path) -> None:
    config = small_site / "badgesite.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "aliases: [AWS, Amazon]", "aliases: [AWS, Amazon]\n    linkedin_id: '2382910'"
        ),
        encoding="utf-8",
    )
    params = linkedin_params(build(small_site), "aws-architect")
    assert params == [
        ("startTask", "CERTIFICATION_NAME"),
        ("name", "Solutions Architect"),
        ("organizationId", "2382910"),
        ("issueYear", "2025"),
        ("issueMonth", "2"),
        ("certUrl", BASE + "badges/aws-architect/"),
    ]


def test_linkedin_link_falls_back_to_the_verify_url_without_an_absolute_base(small_site: Path) -> None:
    write_badge(
        small_site, "name: Cloud\nissuer: AWS\nearned: 2024-05-31\nverify_url: https://verify.example.com/x?a=1&b=2\n"
    )
    site = build(small_site, base_url="/")
    assert dict(linkedin_params(site, "aws-cloud"))["certUrl"] == "https://verify.example.com/x?a=1&b=2"
    assert "certUrl" not in dict(linkedin_params(site, "aws-architect"))


class SnippetReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))


def test_embed_snippet_is_a_linked_image_with_everything_escaped(small_site: Path) -> None:
    hostile = '"><script>alert(1)</script>'
    write_badge(small_site, f"name: '{hostile} & co'\nissuer: AWS\nearned: 2024-05-31\n")
    site = build(small_site)
    badge = site.index.badge_by_id["aws-cloud"]
    snippet = embed_snippet(site, badge, badge.image_url)
    assert "<script" not in snippet
    reader = SnippetReader()
    reader.feed(snippet)
    assert reader.elements == [
        ("a", {"href": BASE + "badges/aws-cloud/"}),
        (
            "img",
            {
                "src": BASE + "badges/aws-cloud/aws-cloud.png",
                "alt": f"{hostile} & co badge, issued by Amazon Web Services",
                "width": "160",
                "height": "160",
            },
        ),
    ]
    assert snippet.endswith("></a>")


def test_embed_snippet_keeps_an_absolute_image_url_and_is_root_relative_otherwise(small_site: Path) -> None:
    site = build(small_site, base_url="/portfolio/")
    badge = site.index.badge_by_id["aws-cloud"]
    assert embed_snippet(site, badge, badge.image_url) == (
        '<a href="/portfolio/badges/aws-cloud/"><img src="/portfolio/badges/aws-cloud/aws-cloud.png" '
        'alt="Cloud Practitioner badge, issued by Amazon Web Services" width="160" height="160"></a>'
    )
    assert 'src="https://cdn.example.com/a.png?x=1&amp;y=2"' in embed_snippet(
        site, badge, "https://cdn.example.com/a.png?x=1&y=2"
    )


def qr_modules(svg: str) -> tuple[ET.Element, int, int]:
    """Parse the SVG; return it with its drawn size in pixels and the number of modules across (quiet zone too)."""
    root = ET.fromstring(svg)
    scale = int(re.fullmatch(r"scale\((\d+)\)", root.find(f"{SVG}g").get("transform", "")).group(1))  # type: ignore[union-attr]
    width = int(root.get("width", "").removesuffix("px"))
    return root, width, width // scale


@pytest.mark.parametrize(
    ("url", "modules"),
    [
        ("https://example.org/portfolio/badges/aws-cloud/", 33 + 8),  # version 4 + a 4-module quiet zone each side
        ("https://a.example/", 25 + 8),  # version 2: short URLs never become Micro QR codes
    ],
)
def test_qr_code_is_inline_svg_of_the_expected_size_and_deterministic(url: str, modules: int) -> None:
    svg = qr_svg(url)
    assert not svg.startswith("<?xml")
    root, width, across = qr_modules(svg)
    assert root.tag == f"{SVG}svg"
    assert across == modules
    assert 140 <= width <= 180
    assert root.get("viewBox") == f"0 0 {width} {width}"
    assert root.findtext(f"{SVG}title") == f"QR code for {url}"
    paths = root.findall(f"{SVG}g/{SVG}path")
    assert [p.get("fill") or p.get("stroke") for p in paths] == ["#fff", "#000"]
    assert qr_svg(url) == svg


def test_qr_code_title_is_escaped() -> None:
    svg = qr_svg("https://example.org/?q=<b>&x", title='Badge "<b>" & co')
    root, _, _ = qr_modules(svg)
    assert root.findtext(f"{SVG}title") == 'Badge "<b>" & co'
    assert "<b>" not in svg


def drawn_modules(svg: str) -> set[tuple[int, int]]:
    """The dark modules the SVG path draws: segno writes rows as `M x y.5` / `m dx dy` moves and `h n` runs."""
    root = ET.fromstring(svg)
    data = next(p.get("d", "") for p in root.iter(f"{SVG}path") if p.get("stroke"))
    x = y = 0.0
    dark: set[tuple[int, int]] = set()
    for command, first, second in re.findall(r"([Mmh])(-?[\d.]+)(?:\s(-?[\d.]+))?", data):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:
            dark.update((int(x) + step, int(y)) for step in range(int(first)))
            x += float(first)
    return dark


def test_qr_code_draws_exactly_the_symbol_for_the_url_at_level_m() -> None:
    import segno

    url = "https://example.org/portfolio/badges/aws-cloud/"
    code = segno.make(url, error="m", micro=False, boost_error=False)
    assert (code.error, code.is_micro) == ("M", False)
    expected = {(x + 4, y + 4) for y, row in enumerate(code.matrix) for x, bit in enumerate(row) if bit}
    assert drawn_modules(qr_svg(url)) == expected
