"""Evidence files keep their names when published, and their links work whatever the name holds: a space,
`#`, `?` or `%` would otherwise end or garble the URL (the file is there, the link finds nothing)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.conftest import TODAY, run_cli, write_files
from tests.html_tools import parse_page

NAMES = ["my report #1.csv", "100% done?.txt", "ü ñ & co.txt", "plain.pdf"]


def test_an_evidence_file_link_leads_to_the_file_whatever_its_name(small_site: Path) -> None:
    entries = "".join(f"  - {{title: E{n}, file: '../evidence/{name}'}}\n" for n, name in enumerate(NAMES))
    write_files(
        small_site,
        {
            **{f"evidence/{name}": f"contents of {name}\n" for name in NAMES},
            "badges/files.yml": "name: Files\nissuer: AWS\nearned: 2024-05-31\nevidence:\n" + entries,
            "case-studies/migration.md": "---\ntitle: Moving to EKS\ndate: 2025-03-01\nbadges: [files]\n---\n"
            "See [the report](../../badges/files/evidence/my%20report%20%231.csv).\n",
        },
    )
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    output = small_site / "_site"
    links = [href for href in parse_page(output / "badges" / "files" / "index.html").anchors if "/evidence/" in href]
    assert links == [
        "/portfolio/badges/files/evidence/my%20report%20%231.csv",
        "/portfolio/badges/files/evidence/100%25%20done%3F.txt",
        "/portfolio/badges/files/evidence/%C3%BC%20%C3%B1%20%26%20co.txt",
        "/portfolio/badges/files/evidence/plain.pdf",
    ]
    for href, name in zip(links, NAMES, strict=True):
        split = urlsplit(href)  # what a browser asks for: the path, without what follows a # or ?
        assert not split.query and not split.fragment
        published = output / unquote(split.path).removeprefix("/portfolio/")
        assert published.read_text(encoding="utf-8") == f"contents of {name}\n"
    checked = run_cli("check", small_site, "--today", TODAY)
    assert "broken link" not in checked.stdout + checked.stderr
