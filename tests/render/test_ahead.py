"""Markdown parsed ahead: started from the bytes the fingerprint read, before the loader parses the files;
the bodies it parses must be the loader's, or the pages would parse them all again."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

import badgesite.build as build_module
from badgesite.build import BuildOptions, build
from badgesite.fingerprint import inputs_fingerprint
from badgesite.load import read_site
from badgesite.load.site_folder import is_source_file
from badgesite.render.ahead import MarkdownAhead, case_study_bodies, loaded_bodies
from badgesite.render.theme import bundled_themes_dir
from tests.conftest import MINIMAL_CONFIG, REPO, write_files

TODAY = dt.date(2026, 11, 29)


def test_bodies_from_the_fingerprint_are_the_loaders_bodies(tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": MINIMAL_CONFIG,
            "case-studies/plain.md": "---\ntitle: Plain\ndate: 2025-01-01\n---\nBody *one*.\n",
            "case-studies/windows.md": "---\r\ntitle: CRLF\r\ndate: 2025-01-01\r\n---\r\nBody two.\r\n\r\n- a\r\n",
            "case-studies/bom.md": "\ufeff---\ntitle: BOM\ndate: 2025-01-01\n---\n\n# Heading\n",
            "case-studies/no-front-matter.md": "Just text, no front matter.\n",
            "case-studies/unclosed.md": "---\ntitle: Open\nBody that never starts.\n",
            "case-studies/empty-body.md": "---\ntitle: Empty\ndate: 2025-01-01\n---\n",
            "case-studies/nested/deeper.MD": "---\ntitle: Deeper\ndate: 2025-01-01\n---\nNested body.\n",
            "case-studies/notes.txt": "not a case study\n",
            "pages/about.md": "---\ntitle: About\n---\nA page, not a case study.\n",
        },
    )
    (site / "case-studies" / "latin1.md").write_bytes("---\ntitle: x\n---\ncaf\xe9\n".encode("latin-1"))
    _, contents = inputs_fingerprint(
        site, themes=bundled_themes_dir(), skip=(site / "_site",), options="", keep=is_source_file
    )
    early = case_study_bodies(contents)
    assert sorted(early) == sorted(loaded_bodies(read_site(site)))
    assert "Nested body.\n" in early and "A page, not a case study.\n" not in early


def test_parsing_starts_before_the_files_are_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "big"
    subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"), "120", str(site)], check=True)
    config = site / "badgesite.yml"
    config.write_text(config.read_text() + "sharing:\n  social_cards: false\n  qr_codes: false\n")
    events: list[object] = []
    real_read_site, real_start = build_module.read_site, MarkdownAhead.start

    def loading(*arguments: object, **keywords: object) -> object:
        events.append("load")
        return real_read_site(*arguments, **keywords)  # type: ignore[arg-type]

    def starting(self: MarkdownAhead, texts: list[str], base_path: str) -> None:
        events.append(("start", len(texts), base_path))
        real_start(self, texts, base_path)

    monkeypatch.setattr(build_module, "read_site", loading)
    monkeypatch.setattr(MarkdownAhead, "start", starting)
    result = build(BuildOptions(site_root=site, today=TODAY, use_cache=False))
    assert events == [("start", 120, "/bench/"), "load"]
    assert result.pages > 240
