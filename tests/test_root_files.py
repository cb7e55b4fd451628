"""root/: files published at the site root (favicon.ico, a verification file, .well-known/), byte for byte;
never over a file or page the build makes."""

from __future__ import annotations

from pathlib import Path

import pytest
from watchfiles import Change

from badgesite.serve.watch import SiteFilter
from tests.conftest import run_cli, write_files

ICON = bytes(range(256)) * 4  # bytes a text copy would mangle


def test_root_files_are_published_at_the_site_root_byte_for_byte(small_site: Path) -> None:
    write_files(
        small_site,
        {
            "root/favicon.ico": ICON,
            "root/google1234abcd.html": "google-site-verification: google1234abcd.html\n",
            "root/.well-known/security.txt": "Contact: mailto:ada@example.org\n",
            "root/keys/ada.asc": "-----BEGIN PGP PUBLIC KEY BLOCK-----\n",
        },
    )
    built = run_cli("build", small_site)
    assert built.returncode == 0, built.stderr
    output = small_site / "_site"
    assert (output / "favicon.ico").read_bytes() == ICON
    assert (output / "google1234abcd.html").read_text() == "google-site-verification: google1234abcd.html\n"
    assert (output / ".well-known" / "security.txt").read_text() == "Contact: mailto:ada@example.org\n"
    assert (output / "keys" / "ada.asc").is_file()
    assert not (output / "root").exists()


def test_a_root_file_edit_is_a_change_for_the_no_op_check(small_site: Path) -> None:
    """The skip-if-unchanged fingerprint covers root/, hidden .well-known/ included."""
    write_files(small_site, {"root/.well-known/security.txt": "Contact: mailto:old@example.org\n"})
    assert run_cli("build", small_site).returncode == 0
    write_files(small_site, {"root/.well-known/security.txt": "Contact: mailto:new@example.org\n"})
    assert run_cli("build", small_site).returncode == 0
    published = small_site / "_site" / ".well-known" / "security.txt"
    assert published.read_text() == "Contact: mailto:new@example.org\n"


@pytest.mark.parametrize(
    ("relative", "message"),
    [
        ("root/robots.txt", "root/robots.txt: would be published as /robots.txt, which the build makes itself"),
        ("root/index.html", "root/index.html: would be published as /index.html, which the build makes itself"),
        ("root/CNAME", "root/CNAME: would be published as /CNAME, which the build makes itself (set `domain:`"),
        ("root/badges/x.txt", "root/badges/x.txt: would be published in /badges/, a folder the build fills itself"),
        ("root/theme/style.css", "root/theme/style.css: would be published in /theme/, a folder the build fills"),
        ("root/about/x.txt", "root/about/x.txt: would be published in /about/, the folder of a page the build makes"),
        ("root/about", "root/about: would be published as /about, where the build makes the folder /about/"),
        ("root/badges", "root/badges: would be published as /badges, where the build makes the folder /badges/"),
        ("root/theme", "root/theme: would be published as /theme, where the build makes the folder /theme/"),
        ("root/feed.xml/x.txt", "root/feed.xml/x.txt: would be published in a folder /feed.xml/, where the build"),
    ],
)
def test_a_root_file_never_replaces_what_the_build_makes(small_site: Path, relative: str, message: str) -> None:
    write_files(small_site, {relative: "mine\n"})
    built = run_cli("build", small_site)
    assert built.returncode == 1
    assert message in built.stderr
    assert not (small_site / "_site").exists()


def test_every_clash_is_reported_at_once(small_site: Path) -> None:
    write_files(small_site, {"root/feed.xml": "x", "root/sitemap.xml": "x", "root/favicon.ico": ICON})
    built = run_cli("build", small_site)
    assert built.returncode == 1
    assert "root/feed.xml:" in built.stderr and "root/sitemap.xml:" in built.stderr
    assert "root/favicon.ico" not in built.stderr


def test_root_clashes_are_reported_with_the_sites_other_problems(small_site: Path) -> None:
    write_files(small_site, {"root/robots.txt": "mine\n"})
    badge = small_site / "badges" / "aws-cloud.yml"
    badge.write_text(badge.read_text().replace("level: foundational", "level: foundationl"))
    built = run_cli("build", small_site)
    assert built.returncode == 1
    assert "root/robots.txt: would be published as /robots.txt" in built.stderr
    assert 'unknown level "foundationl"' in built.stderr


def test_a_page_folder_clash_is_reported_with_the_sites_other_problems(small_site: Path) -> None:
    write_files(
        small_site,
        {"root/about": "mine\n", "root/skills/kubernetes/x.txt": "mine\n", "root/frameworks/z.txt": "mine\n"},
    )
    config = small_site / "badgesite.yml"
    config.write_text(config.read_text() + "frameworks:\n  - {id: sfia, name: SFIA}\n")
    badge = small_site / "badges" / "aws-cloud.yml"
    badge.write_text(badge.read_text().replace("level: foundational", "level: foundationl"))
    built = run_cli("build", small_site)
    assert built.returncode == 1
    assert "root/about: would be published as /about, where the build makes the folder /about/" in built.stderr
    assert "root/skills/kubernetes/x.txt: would be published in /skills/" in built.stderr
    assert "root/frameworks/z.txt: would be published in /frameworks/" in built.stderr
    assert 'unknown level "foundationl"' in built.stderr


def test_links_to_root_files_count_as_working_for_check(small_site: Path) -> None:
    write_files(
        small_site,
        {
            "root/keys/ada.asc": "key\n",
            "root/docs/index.html": "<p>docs</p>\n",
            "pages/contact.md": "---\ntitle: Contact\n---\nMy [key](/keys/ada.asc), [docs](/docs/) and "
            "[nothing](/keys/none.asc).\n",
        },
    )
    checked = run_cli("check", small_site)
    assert "keys/ada.asc" not in checked.stdout and "/docs/" not in checked.stdout
    assert "/keys/none.asc" in checked.stdout


def test_serve_watches_well_known_but_not_other_hidden_files(tmp_path: Path) -> None:
    accepts = SiteFilter([tmp_path / "_site"])
    assert accepts(Change.modified, str(tmp_path / "root" / ".well-known" / "security.txt"))
    assert not accepts(Change.modified, str(tmp_path / "root" / ".hidden" / "x.txt"))
    assert not accepts(Change.modified, str(tmp_path / "root" / ".DS_Store"))
