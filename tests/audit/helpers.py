"""Small sites on disk, audited in-process: fast enough to try every rule's edge."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from badgesite.audit import AuditOptions, audit_site, read_model
from badgesite.problems import Problem
from tests.conftest import TODAY, write_files

CONFIG = """\
title: T
base_url: https://example.org/portfolio/
owner: {name: Ada}
"""

EVIDENCE = "evidence: [{title: Work, url: 'https://example.org/work'}]\n"


def badge(name: str, issuer: str = "Acme", *, extra: str = "", earned: str = "2025-01-01") -> str:
    """A badge with evidence and a fresh review, so only what a test adds can be found."""
    # unescaped: YAML refuses the surrogate pairs JSON writes for 🏆
    name, issuer = json.dumps(name, ensure_ascii=False), json.dumps(issuer, ensure_ascii=False)
    head = f"name: {name}\nissuer: {issuer}\nearned: {earned}\nreviewed: 2026-11-01\n"
    return head + EVIDENCE + extra


def audit(
    root: Path,
    files: dict[str, str | bytes],
    *,
    today: str = TODAY,
    drafts: bool = False,
    options: AuditOptions | None = None,
) -> tuple[Problem, ...]:
    write_files(root, {"badgesite.yml": CONFIG, **files})
    prepared = read_model(root, today=dt.date.fromisoformat(today), drafts=drafts)
    return audit_site(prepared.checked, prepared.site, options, build_warnings=prepared.warnings)


def lines(root: Path, files: dict[str, str | bytes], **options: object) -> list[str]:
    return [problem.format() for problem in audit(root, files, **options)]  # type: ignore[arg-type]
