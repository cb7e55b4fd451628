"""Internal links resolve the way a browser resolves them on the built site, under a sub-path base URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from badgesite.audit.links import relative_href
from tests.audit.helpers import badge, lines

STUDY = "---\ntitle: Work\ndate: 2025-02-01\nbadges: [aws]\n---\n"


def study_lines(tmp_path: Path, body: str, **files: str | bytes) -> list[str]:
    site = {
        "badges/aws.yml": badge("AWS thing"),
        "case-studies/work.md": STUDY + body,
        "pages/about.md": "---\ntitle: About\n---\n",
    }
    site.update({path.replace("__", "/").replace("_dot_", "."): text for path, text in files.items()})
    return lines(tmp_path, site)


@pytest.mark.parametrize(
    "href",
    [
        "../../badges/aws/",
        "../../badges/aws",
        "../../badges/aws/index.html",
        "../../badges/aws/#evidence",
        "/badges/aws/",
        "/portfolio/badges/aws/",
        "/portfolio",
        "https://example.org/portfolio/badges/aws/",
        "../../",
        "/",
        "../",
        "./",
        "#top",
        "../../about/",
        "../../skills/",
        "../../issuers/acme/",
        "../../trajectory/",
        "../../badges/aws/aws.png",
        "../../feed.xml",
        "../../theme/style.css",
        "https://example.org/elsewhere/",
        "mailto:ada@example.org",
    ],
)
def test_links_that_work(tmp_path: Path, href: str) -> None:
    assert study_lines(tmp_path, f"See [it]({href}).\n") == []


def test_a_broken_page_link_with_line_column_and_suggestion(tmp_path: Path) -> None:
    body = "Intro.\n\n| a | b |\n|---|---|\n| x | [aws](../../badges/asw/) |\n"
    assert study_lines(tmp_path, body) == [
        'case-studies/work.md:10:13: broken link "../../badges/asw/": there is no page badges/asw/ on the site '
        "(did you mean ../../badges/aws/?)"
    ]


@pytest.mark.parametrize(
    ("href", "hint"),
    [
        (
            "../../badges/nope/",
            "link to an existing page: badges/<id>/, case-studies/<slug>/, skills/<slug>/, issuers/<slug>/ or <page>/",
        ),
        ("../../badge/bom/", "did you mean ../../badges/bom/?"),
        ("../../abuot/", "did you mean ../../about/?"),
    ],
)
def test_a_suggestion_compares_the_address_after_its_section(tmp_path: Path, href: str, hint: str) -> None:
    """`badges/nope/` is not `badges/bom/` misspelt: the shared `badges/` made them look alike."""
    found = study_lines(tmp_path, f"See [it]({href}).\n", badges__bom_dot_yml=badge("Bill of materials"))
    assert len(found) == 1 and found[0].endswith(f"({hint})"), found


def test_a_link_written_relative_to_the_source_file(tmp_path: Path) -> None:
    body = "A [diagram](../assets/diagram.png) and\nthe [badge file](../badges/aws.yml).\n"
    found = study_lines(tmp_path, body, assets__diagram_dot_png=b"png")
    assert found == [
        'case-studies/work.md:6:13: broken link "../assets/diagram.png": there is no file '
        "case-studies/assets/diagram.png on the site (links resolve against the page URL case-studies/work/, "
        "not the source folder: write ../../assets/diagram.png)",
        'case-studies/work.md:7:18: broken link "../badges/aws.yml": there is no file case-studies/badges/aws.yml '
        "on the site (links resolve against the page URL case-studies/work/, not the source folder: "
        "write ../../badges/aws/)",
    ]


def test_root_relative_links_outside_the_base_path_and_missing_files(tmp_path: Path) -> None:
    body = "[old](/old-page/) and ![pic](/assets/pic.png) and [doc](../../docs/guide.pdf)\n"
    assert study_lines(tmp_path, body) == [
        'case-studies/work.md:6:7: broken link "/old-page/": there is no page old-page/ on the site '
        "(link to an existing page: badges/<id>/, case-studies/<slug>/, skills/<slug>/, issuers/<slug>/ or <page>/)",
        'case-studies/work.md:6:30: broken link "/assets/pic.png": there is no file assets/pic.png on the site '
        "(add the file assets/pic.png to the site folder, or correct the link)",
        'case-studies/work.md:6:57: broken link "../../docs/guide.pdf": there is no file docs/guide.pdf on the site '
        "(put the file in assets/, which is published as is, and link to it as ../../assets/guide.pdf)",
    ]


def test_links_in_badge_descriptions_point_at_their_line(tmp_path: Path) -> None:
    text = badge("AWS thing") + "description: >-\n  Passed it.\n  See [the work](../../case-studies/wrok/).\n"
    text += "evidence:\n  - title: Notes\n    url: https://example.org/\n    narrative: Read [more](../nope/).\n"
    text = text.replace("evidence: [{title: Work, url: 'https://example.org/work'}]\n", "")
    found = lines(tmp_path, {"badges/aws.yml": text, "case-studies/work.md": STUDY})
    assert found == [
        'badges/aws.yml:7:18: description: broken link "../../case-studies/wrok/": there is no page '
        "case-studies/wrok/ on the site (did you mean ../../case-studies/work/?)",
        'badges/aws.yml:11:28: evidence[0].narrative: broken link "../nope/": there is no page badges/nope/ on the '
        "site (link to an existing page: badges/<id>/, case-studies/<slug>/, skills/<slug>/, issuers/<slug>/ or "
        "<page>/)",
    ]


def test_links_to_drafts_break_unless_drafts_are_built(tmp_path: Path) -> None:
    files = {
        "badges/aws.yml": badge("AWS thing"),
        "badges/next.yml": badge("Next", extra="draft: true\n"),
        "pages/plans.md": "---\ntitle: Plans\n---\nWorking on [this](../badges/next/).\n",
    }
    assert lines(tmp_path / "a", files) == [
        'pages/plans.md:4:19: broken link "../badges/next/": there is no page badges/next/ on the site '
        "(badges/next.yml is a draft, built only with --drafts: publish it (remove draft: true) or remove the link)"
    ]
    assert lines(tmp_path / "b", files, drafts=True) == []


@pytest.mark.parametrize(
    ("page", "target", "href"),
    [
        ("case-studies/x/", "badges/aws/", "../../badges/aws/"),
        ("case-studies/x/", "", "../../"),
        ("about/", "assets/a.png", "../assets/a.png"),
        ("", "badges/aws/", "badges/aws/"),
        ("badges/aws/", "badges/aws/aws.png", "aws.png"),
    ],
)
def test_relative_href(page: str, target: str, href: str) -> None:
    assert relative_href(page, target) == href
