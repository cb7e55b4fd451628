"""Markdown parsed ahead: workers read the case-study files themselves, from the start of a cold build; the
bodies they parse must be the loader's, or the pages would parse them all again."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

import badgesite.build as build_module
import badgesite.render.markdown as markdown_module
from badgesite.build import BuildOptions, build
from badgesite.load import read_site
from badgesite.load.site_folder import MAX_SOURCE_BYTES
from badgesite.render.ahead import MarkdownAhead, body_of, case_study_files, loaded_bodies
from tests.conftest import MINIMAL_CONFIG, REPO, write_files

TODAY = dt.date(2026, 11, 29)


def test_bodies_the_workers_read_are_the_loaders_bodies(tmp_path: Path) -> None:
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
    (site / "case-studies" / "huge.md").write_bytes(b"---\ntitle: Huge\n---\n" + b"word " * (MAX_SOURCE_BYTES // 5))
    (site / "case-studies" / "_site").mkdir()
    (site / "case-studies" / "_site" / "built.md").write_text("not read: under the output folder\n")
    early = [body for body in map(body_of, case_study_files(site, skip=(site / "case-studies" / "_site",))) if body]
    assert sorted(early) == sorted(loaded_bodies(read_site(site, skip=(site / "case-studies" / "_site",))))
    assert "Nested body.\n" in early and "A page, not a case study.\n" not in early
    assert not any("caf" in body or "word word" in body or "not read" in body for body in early)


def _recorded_build(site: Path, monkeypatch: pytest.MonkeyPatch, output: Path) -> tuple[list[object], int]:
    """Build, noting in order when Markdown parsing starts, the fingerprint is taken and the files are loaded,
    and that this process (which renders pages too) parsed no case study itself."""
    events: list[object] = []
    parsed_here: list[str] = []
    real_render_markdown = markdown_module.render_markdown
    this_process = os.getpid()

    def parsing(text: str, base_path: str = "/") -> str:
        if os.getpid() == this_process:
            parsed_here.append(text)
        return real_render_markdown(text, base_path)

    real_read_site, real_fingerprint = build_module.read_site, build_module.inputs_fingerprint
    real_start = MarkdownAhead.start

    def loading(*arguments: object, **keywords: object) -> object:
        events.append("load")
        return real_read_site(*arguments, **keywords)  # type: ignore[arg-type]

    def fingerprinting(*arguments: object, **keywords: object) -> object:
        events.append("fingerprint")
        return real_fingerprint(*arguments, **keywords)  # type: ignore[arg-type]

    def starting(self: MarkdownAhead, bodies: list[object], base_path: str) -> None:
        events.append(("start", len(bodies), base_path))
        real_start(self, bodies, base_path)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "read_site", loading)
    monkeypatch.setattr(build_module, "inputs_fingerprint", fingerprinting)
    monkeypatch.setattr(MarkdownAhead, "start", starting)
    monkeypatch.setattr(markdown_module, "render_markdown", parsing)
    result = build(BuildOptions(site_root=site, output=output, today=TODAY, use_cache=False))
    monkeypatch.undo()
    assert set(parsed_here).isdisjoint(loaded_bodies(read_site(site)))
    return events, result.pages


def test_parsing_starts_first_on_a_cold_build_and_before_loading_on_a_changed_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "big"
    subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"), "120", str(site)], check=True)
    config = site / "badgesite.yml"
    config.write_text(config.read_text() + "sharing:\n  social_cards: false\n  qr_codes: false\n")
    output = tmp_path / "out"
    cold, pages = _recorded_build(site, monkeypatch, output)
    assert cold == [("start", 120, "/bench/"), "fingerprint", "load"]
    assert pages > 240
    unchanged, _ = _recorded_build(site, monkeypatch, output)
    assert unchanged == ["fingerprint"]  # up to date: no worker is started for nothing
    study = sorted((site / "case-studies").glob("*.md"))[0]
    study.write_text(study.read_text() + "\nOne more line.\n")
    changed, _ = _recorded_build(site, monkeypatch, output)
    assert changed == ["fingerprint", ("start", 120, "/bench/"), "load"]
    assert "One more line." in (output / "case-studies" / study.stem / "index.html").read_text()
