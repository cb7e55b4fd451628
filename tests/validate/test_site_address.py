"""The site's address is published in sitemaps, feeds, credentials and the CNAME file, which take ASCII
URIs and host names only: an international host is written in its xn-- form and other characters are
%-escaped, once, in badgesite.yml's `base_url`, `--base-url` and `domain`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TODAY, run_cli


@pytest.mark.parametrize(
    ("written", "published"),
    [
        ("https://Bücher.Example/Mein%20Portfolio/ü/", "https://xn--bcher-kva.example/Mein%20Portfolio/%C3%BC/"),
        ("http://例え.テスト:8080/パス", "http://xn--r8jz45g.xn--zckzah:8080/%E3%83%91%E3%82%B9/"),
        ("https://ada.github.io/a(1)/%7Eb", "https://ada.github.io/a(1)/%7Eb/"),
        ("/ü/", "/%C3%BC/"),
    ],
)
def test_the_base_url_is_published_in_ascii(small_site: Path, tmp_path: Path, written: str, published: str) -> None:
    config = small_site / "badgesite.yml"
    text = config.read_text(encoding="utf-8").replace(
        "base_url: https://example.org/portfolio/", f"base_url: {written}"
    )
    config.write_text(text, encoding="utf-8")
    output = tmp_path / "out"
    result = run_cli("build", small_site, "-o", output, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    path = "/" + published.split("/", 3)[3] if "://" in published else published
    assert f'href="{path}badges/"' in (output / "index.html").read_text(encoding="utf-8")
    if "://" in published:
        sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
        assert f"<loc>{published}badges/aws-cloud/</loc>" in sitemap
        assert sitemap.isascii()
        assert f"<id>{published}</id>" in (output / "feed.xml").read_text(encoding="utf-8")


def test_a_base_url_with_an_empty_host_label_is_refused(small_site: Path) -> None:
    result = run_cli("build", small_site, "--base-url", "https://ada..example.org/")
    assert result.returncode == 2
    assert '"https://ada..example.org/" has a host name that is not a valid domain name' in result.stderr


@pytest.mark.parametrize(
    ("domain", "cname"), [("Badges.Example.ORG", "badges.example.org"), ("bücher.example.", "xn--bcher-kva.example")]
)
def test_the_domain_is_written_to_cname_as_a_host_name(small_site: Path, domain: str, cname: str) -> None:
    config = small_site / "badgesite.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"domain: {domain}\n", encoding="utf-8")
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert (small_site / "_site" / "CNAME").read_bytes() == cname.encode() + b"\n"


@pytest.mark.parametrize(
    ("domain", "message"),
    [
        (
            "https://badges.example.org/",
            'expected a domain name, got "https://badges.example.org/" '
            "(the host name only: domain: badges.example.org)",
        ),
        ("badges.example.org/x", 'expected a domain name, got "badges.example.org/x"'),
        (
            "badges.example.org:8080",
            'expected a domain name, got "badges.example.org:8080" (the host name only: domain: badges.example.org)',
        ),
        ("'badges example.org'", 'expected a domain name, got "badges example.org"'),
        ("a..b", 'expected a domain name, got "a..b"'),
        ("'x.org:abc'", 'expected a domain name, got "x.org:abc"'),
        ("'[::1]'", 'expected a domain name, got "[::1]"'),
        ("1.2.3.4", 'expected a domain name, got "1.2.3.4"'),
        ("'*.example.org'", 'expected a domain name, got "*.example.org"'),
        ("'x.org?y'", 'expected a domain name, got "x.org?y"'),
        ("'..'", 'expected a domain name, got ".."'),
        ("-x-.org", 'expected a domain name, got "-x-.org"'),
    ],
)
def test_a_domain_that_is_not_a_host_name_is_a_problem_at_its_line(small_site: Path, domain: str, message: str) -> None:
    config = small_site / "badgesite.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text + f"domain: {domain}\n", encoding="utf-8")
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 1
    assert f"badgesite.yml:{text.count(chr(10)) + 1}:9: domain: {message}" in result.stderr
    assert not (small_site / "_site").exists()


def test_links_written_with_other_scripts_are_published_as_ascii_uris(small_site: Path) -> None:
    """JSON Resume and schema.org take URIs: `sameAs` and `profiles` must not carry a raw `ü`."""
    config = small_site / "badgesite.yml"
    text = config.read_text(encoding="utf-8").replace(
        "owner:\n", "owner:\n  links:\n    - {title: Blog, url: 'https://blog.bücher.example/ü/?q=é'}\n", 1
    )
    config.write_text(text, encoding="utf-8")
    badge = small_site / "badges" / "aws-cloud.yml"
    badge.write_text(
        badge.read_text(encoding="utf-8") + "evidence: [{title: Bericht, url: 'https://example.org/größe'}]\n",
        encoding="utf-8",
    )
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    output = small_site / "_site"
    resume = (output / "resume.json").read_text(encoding="utf-8")
    assert '"url": "https://blog.xn--bcher-kva.example/%C3%BC/?q=%C3%A9"' in resume
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "https://blog.xn--bcher-kva.example/%C3%BC/?q=%C3%A9" in home and "bücher" not in home
    page = (output / "badges" / "aws-cloud" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/gr%C3%B6%C3%9Fe"' in page
