"""Assertions that must not pass: revoked, with unreadable dates, or no assertion at all — what `verify`,
`import` and the published page say about each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import MINIMAL_CONFIG, TODAY, run_cli, write_files

EPOCH_2026_11_29 = {"SOURCE_DATE_EPOCH": "1795953600"}


def assertion(**overrides: Any) -> dict[str, Any]:
    """A hosted OB 2.0 assertion issued to the test site's owner, ada@example.org."""
    return {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": "https://example.org/assertions/1",
        "recipient": {"type": "email", "hashed": False, "identity": "ada@example.org"},
        "badge": {
            "type": "BadgeClass",
            "id": "https://example.org/badges/honesty",
            "name": "Honesty",
            "issuer": {"type": "Profile", "id": "https://example.org/issuer", "name": "Example Org"},
        },
        "verification": {"type": "hosted"},
        "issuedOn": "2024-05-31",
        **overrides,
    }


def write_json(path: Path, value: object) -> Path:
    path.write_text(json.dumps(value, indent=2), encoding="utf-8")
    return path


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_files(tmp_path / "site", {"badgesite.yml": MINIMAL_CONFIG})


def check_lines(stdout: str) -> list[str]:
    lines = stdout.splitlines()
    start = lines.index("  checks") + 1
    return [line for line in lines[start:] if line.startswith("    ")]


def test_verify_fails_an_assertion_that_says_it_is_revoked(tmp_path: Path) -> None:
    revoked = write_json(tmp_path / "revoked.json", assertion(revoked=True, revocationReason="cheating"))

    result = run_cli("verify", revoked, "--email", "ada@example.org", "--today", TODAY)

    assert result.returncode == 1
    assert '  revoked      YES, by the issuer: "cheating"\n' in result.stdout
    assert '    revocation  failed       the issuer has revoked it (reason given: "cheating")\n' in result.stdout
    assert result.stdout.endswith("1 file: 3 checks passed, 1 failed, 1 not checked; 1 with a failed check\n")


def test_a_revoked_badge_is_imported_with_a_warning_and_published_as_revoked(site: Path, tmp_path: Path) -> None:
    revoked = write_json(tmp_path / "revoked.json", assertion(revoked=True, revocationReason="cheating"))

    imported = run_cli("import", revoked, "--site", site, env=EPOCH_2026_11_29)
    built = run_cli("build", site, "--today", TODAY)

    assert imported.returncode == 0, imported.stderr
    assert '  warning: revocation check failed: the issuer has revoked it (reason given: "cheating")\n' in (
        imported.stdout
    )
    assert built.returncode == 0, built.stderr
    page = (site / "_site" / "badges" / "honesty" / "index.html").read_text(encoding="utf-8")
    assert (
        '<li class="check check-failed"><strong>Revocation</strong>: failed — the issuer has revoked it '
        "(reason given: &#34;cheating&#34;)</li>"
    ) in page
    assert "Revocation</strong>: passed" not in page
