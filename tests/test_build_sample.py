"""Build sample-site/ as a user would and check what the pages say and link to."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from badgesite.build import BuildOptions, build
from tests.conftest import TODAY, run_cli, write_files
from tests.html_tools import parse_page, tree


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import SAMPLE_SITE

    if not (SAMPLE_SITE / "badgesite.yml").is_file():
        pytest.skip("sample-site/ is missing")
    output = tmp_path_factory.mktemp("sample") / "out"
    result = run_cli("build", SAMPLE_SITE, "-o", output, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("built ")
    return output


def badge_files(sample: Path) -> list[Path]:
    return sorted((sample / "badges").glob("*.yml"))


def test_every_badge_page_shows_issuer_level_date_and_evidence(built: Path, sample_site: Path) -> None:
    config = yaml.safe_load((sample_site / "badgesite.yml").read_text())
    canonical = {
        alias.casefold(): issuer["name"]
        for issuer in config["issuers"]
        for alias in [issuer["name"], *issuer.get("aliases", [])]
    }
    for source in badge_files(sample_site):
        data = yaml.safe_load(source.read_text())
        page = built / "badges" / source.stem / "index.html"
        assert page.is_file(), f"no page for {source.name}"
        parsed = parse_page(page)
        text = parsed.visible_text
        assert data["name"] in text
        assert canonical.get(data["issuer"].casefold(), data["issuer"]) in text
        earned = data["earned"]
        assert f"{earned.day} {earned.strftime('%B')} {earned.year}" in text
        if data.get("level"):
            assert data["level"].capitalize() in text or data["level"] in text
        for evidence in data.get("evidence", []):
            if "url" in evidence:
                assert evidence["url"] in parsed.anchors
            else:
                name = Path(evidence["file"]).name
                assert f"/portfolio/badges/{source.stem}/evidence/{name}" in parsed.anchors
                assert (built / "badges" / source.stem / "evidence" / name).is_file()


def test_case_studies_link_their_badges_and_badges_link_back(built: Path, sample_site: Path) -> None:
    for source in sorted((sample_site / "case-studies").glob("*.md")):
        front = yaml.safe_load(source.read_text().split("---")[1])
        study_url = f"/portfolio/case-studies/{source.stem}/"
        anchors = parse_page(built / "case-studies" / source.stem / "index.html").anchors
        for badge_id in front["badges"]:
            assert f"/portfolio/badges/{badge_id}/" in anchors
            assert study_url in parse_page(built / "badges" / badge_id / "index.html").anchors


def test_issuer_aliases_give_one_issuer_page(built: Path) -> None:
    issuers = sorted(p.name for p in (built / "issuers").iterdir() if p.is_dir())
    assert "amazon-web-services" in issuers
    assert "aws" not in issuers
    page = parse_page(built / "issuers" / "amazon-web-services" / "index.html")
    assert "/portfolio/badges/aws-solutions-architect-associate/" in page.anchors
    assert "/portfolio/badges/aws-security-specialty/" in page.anchors


def test_expired_badge_is_marked(built: Path) -> None:
    text = parse_page(built / "badges" / "aws-solutions-architect-associate-2021" / "index.html").visible_text
    assert "Expired" in text
    assert "Renewed by" in text


def test_every_page_kind_exists(built: Path) -> None:
    for path in (
        "index.html",
        "badges/index.html",
        "case-studies/index.html",
        "skills/index.html",
        "issuers/index.html",
        "about/index.html",
        "404.html",
        "trajectory/index.html",
        "frameworks/index.html",
        "collections/index.html",
    ):
        assert (built / path).is_file(), path


def test_drafts_are_left_out_unless_asked(small_site: Path, tmp_path: Path) -> None:
    (small_site / "badges" / "secret.yml").write_text("name: Secret\nissuer: AWS\nearned: 2025-01-01\ndraft: true\n")
    without = build(BuildOptions(site_root=small_site, output=tmp_path / "a", today=dt.date(2026, 1, 1)))
    with_drafts = build(
        BuildOptions(site_root=small_site, output=tmp_path / "b", drafts=True, today=dt.date(2026, 1, 1))
    )
    assert "badges/secret/index.html" not in without.files
    assert "badges/secret/index.html" in with_drafts.files
    assert b"Secret" not in (tmp_path / "a" / "badges" / "index.html").read_bytes()


def test_two_builds_are_byte_identical(sample_site: Path, tmp_path: Path) -> None:
    for name in ("first", "second"):
        result = run_cli("build", sample_site, "-o", tmp_path / name, "--today", TODAY, "-q")
        assert result.returncode == 0, result.stderr
        assert result.stdout == ""
    first, second = tree(tmp_path / "first"), tree(tmp_path / "second")
    assert list(first) == list(second)
    assert [path for path in first if first[path] != second[path]] == []


def test_a_failed_build_leaves_the_previous_output_whole(small_site: Path) -> None:
    assert run_cli("build", small_site, "--today", TODAY).returncode == 0
    before = tree(small_site / "_site")
    (small_site / "badges" / "aws-cloud.yml").write_text("name: Broken\nissuer: AWS\nearned: someday\n")
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 1
    assert 'badges/aws-cloud.yml:3:9: earned: expected a date like 2024-05-31, got "someday"' in result.stderr
    assert result.stderr.rstrip().endswith("1 problem in 1 file; nothing was written")
    assert tree(small_site / "_site") == before


def test_output_onto_a_folder_of_user_files_is_refused(small_site: Path, tmp_path: Path) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / "taxes.pdf").write_bytes(b"%PDF keep me")
    result = run_cli("build", small_site, "-o", documents)
    assert result.returncode == 1
    assert "refusing to write into a folder that is not empty and was not made by badgesite" in result.stderr
    assert tree(documents) == {"taxes.pdf": b"%PDF keep me"}
    result = run_cli("build", small_site, "-o", ".", cwd=small_site)
    assert result.returncode == 1
    assert "refusing to write the site into its own source folder" in result.stderr
    assert (small_site / "badgesite.yml").is_file()


def test_ten_mistakes_give_ten_precise_messages(small_site: Path) -> None:
    assert run_cli("build", small_site, "--today", TODAY).returncode == 0
    before = tree(small_site / "_site")
    mistakes = {
        "badges/a1.yml": "name: A\nissuer: AWS\nearned: 31.05.2024\n",
        "badges/a2.yml": "issuer: AWS\nearned: 2024-05-31\n",
        "badges/a3.yml": "name: C\nissuer: AWS\nearned: 2024-05-31\nlevle: advanced\n",
        "badges/a4.yml": "name: D\nissuer: AWS\nearned: 2024-05-31\nexpires: 2020-01-01\n",
        "badges/a5.yml": "name: E\nissuer: AWS\nearned: 2024-05-31\nverify_url: javascript:alert(1)\n",
        "badges/a6.yml": "name: F\nissuer: AWS\nearned: 2024-05-31\nimage: ../../outside.png\n",
        "badges/a7.yml": "name: G\nissuer: AWS\nearned: 2024-05-31\nlevel: guru\n",
        "badges/a8.yml": "name: H\nissuer: AWS\n earned: 2024-05-31\n",
        "badges/a9.yml": "name: I\nissuer: AWS\nearned: 2024-05-31\nfeatured: maybe\n",
        "case-studies/c1.md": "---\ntitle: C\ndate: 2025-01-01\nbadges: [aws-clod]\n---\n",
    }
    for relative, text in mistakes.items():
        (small_site / relative).write_text(text)
    result = run_cli("build", small_site, "--today", TODAY)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1
    assert lines[-1] == "10 problems in 10 files; nothing was written"
    assert sorted(line.split(":", 1)[0] for line in lines[:-1]) == sorted(mistakes)
    assert tree(small_site / "_site") == before


def test_published_images_keep_the_issuers_baked_bytes(built: Path, sample_site: Path) -> None:
    source = sample_site / "badges" / "aws-solutions-architect-associate.png"
    published = built / "badges" / "aws-solutions-architect-associate" / "aws-solutions-architect-associate.png"
    assert published.read_bytes() == source.read_bytes()


def test_site_can_be_built_from_a_copy_elsewhere(sample_site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "my-portfolio"
    shutil.copytree(sample_site, copy, ignore=shutil.ignore_patterns("_site", ".badgesite-cache"))
    result = run_cli("build", "--today", TODAY, cwd=copy)
    assert result.returncode == 0, result.stderr
    assert (copy / "_site" / "index.html").is_file()


def test_sharing_extras_can_be_switched_off(small_site: Path, tmp_path: Path) -> None:
    config = small_site / "badgesite.yml"
    config.write_text(config.read_text() + "sharing:\n  social_cards: false\n  qr_codes: false\n")
    write_files(
        small_site,
        {
            "badges/vector.yml": "name: Vector Badge\nissuer: AWS\nearned: 2024-01-02\nimage: vector.svg\n",
            "badges/vector.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">'
            '<circle cx="32" cy="32" r="30" fill="#e25"/></svg>',
        },
    )
    result = build(BuildOptions(site_root=small_site, output=tmp_path / "out", today=dt.date(2026, 1, 1)))
    assert not [path for path in result.files if path.endswith(("card.jpg", "qr.svg"))]
    page = (tmp_path / "out" / "badges" / "aws-cloud" / "index.html").read_text()
    assert '<meta property="og:image" content="https://example.org/portfolio/badges/aws-cloud/aws-cloud.png">' in page
    assert "qr.svg" not in page
    assert "Add to LinkedIn" in page
    vector = (tmp_path / "out" / "badges" / "vector" / "index.html").read_text()
    assert (tmp_path / "out" / "badges" / "vector" / "vector.svg").is_file()
    assert 'property="og:image"' not in vector and 'name="twitter:image"' not in vector  # platforms draw no SVG
