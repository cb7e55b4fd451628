"""Shared test helpers: real small sites on disk, the CLI run as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE_SITE = REPO / "sample-site"
#: ``../shared/openbadges-fixtures``; BADGESITE_OB_FIXTURES points a checkout elsewhere (a git worktree) at it.
FIXTURES = Path(os.environ.get("BADGESITE_OB_FIXTURES") or REPO.parent / "shared" / "openbadges-fixtures")
TODAY = "2026-11-29"


def run_cli(
    *arguments: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run `python -m badgesite ...` in a subprocess, exactly as a user's shell would."""
    environment = {**os.environ, **(env or {})}
    environment.pop("SOURCE_DATE_EPOCH", None) if env is None or "SOURCE_DATE_EPOCH" not in env else None
    return subprocess.run(
        [sys.executable, "-m", "badgesite", *map(str, arguments)],
        cwd=cwd or REPO,
        capture_output=True,
        text=True,
        env=environment,
        timeout=timeout,
        check=False,
    )


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Create a small site from a {relative path: content} mapping."""
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


MINIMAL_CONFIG = """\
title: Test portfolio
base_url: https://example.org/portfolio/
owner:
  name: Ada Example
  emails: [ada@example.org]
issuers:
  - name: Amazon Web Services
    aliases: [AWS, Amazon]
skills:
  - name: Kubernetes
    aliases: [k8s]
"""


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    """A valid two-badge, one-case-study site."""
    return write_files(
        tmp_path / "site",
        {
            "badgesite.yml": MINIMAL_CONFIG,
            "badges/aws-cloud.yml": "name: Cloud Practitioner\nissuer: AWS\nearned: 2024-05-31\nlevel: foundational\n"
            "skills: [k8s, Cloud cost]\nexpires: 2025-05-31\n",
            "badges/aws-architect.yml": "name: Solutions Architect\nissuer: Amazon Web Services\nearned: 2025-02-01\n"
            "level: advanced\nskills: [Kubernetes]\nfeatured: true\n",
            "case-studies/migration.md": "---\ntitle: Moving to EKS\ndate: 2025-03-01\nbadges: [aws-architect]\n"
            "metrics:\n  - {label: Deploy time, before: 40, after: 8, unit: min}\n---\n"
            "## What we did\n\nWe moved.\n",
            "pages/about.md": "---\ntitle: About\n---\nHello.\n",
        },
    )


@pytest.fixture
def sample_site() -> Path:
    if not (SAMPLE_SITE / "badgesite.yml").is_file():
        pytest.skip("sample-site/ is missing")
    return SAMPLE_SITE
