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


@pytest.mark.parametrize("written", ["2024-13-45", "05/31/2024"])
def test_verify_fails_an_issue_date_it_cannot_read_rather_than_calling_it_missing(tmp_path: Path, written: str) -> None:
    path = write_json(tmp_path / "badge.json", assertion(issuedOn=written))

    result = run_cli("verify", path, "--email", "ada@example.org", "--today", TODAY)

    assert result.returncode == 1
    assert f"  issued       not a date: issuedOn '{written}'\n" in result.stdout
    assert "no date given" not in result.stdout
    assert check_lines(result.stdout)[1] == (
        f"    issued      failed       issuedOn '{written}' is not a date "
        "(expected ISO 8601, such as 2024-05-31 or 2024-05-31T09:30:00Z)"
    )


def test_verify_does_not_pass_an_expiry_date_it_cannot_read(tmp_path: Path) -> None:
    path = write_json(tmp_path / "badge.json", assertion(expires="soon"))

    result = run_cli("verify", path, "--email", "ada@example.org", "--today", TODAY, "--json")

    assert result.returncode == 1
    [report] = json.loads(result.stdout)
    assert report["expires"] is None
    assert report["unreadable_dates"] == {"expires": {"field": "expires", "written": "soon"}}
    assert report["checks"][2] == {
        "name": "expiry",
        "status": "failed",
        "detail": "expires 'soon' is not a date (expected ISO 8601, such as 2024-05-31 or 2024-05-31T09:30:00Z), "
        "so whether it has expired is unknown",
    }


def test_import_says_which_dates_it_could_not_read_and_the_page_does_not_pass_them(site: Path, tmp_path: Path) -> None:
    path = write_json(tmp_path / "badge.json", assertion(issuedOn="2024-13-45", expires="soon"))

    imported = run_cli("import", path, "--site", site, env=EPOCH_2026_11_29)
    built = run_cli("build", site, "--today", TODAY)

    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines()[2:6] == [
        "  earned: the assertion's issuedOn '2024-13-45' is not a date; today's date was used (edit it)",
        "  expires: the assertion's expires 'soon' is not a date; left out (a comment) — add the real date if the "
        "badge expires",
        "  warning: issued check failed: issuedOn '2024-13-45' is not a date (expected ISO 8601, such as 2024-05-31 "
        "or 2024-05-31T09:30:00Z)",
        "  warning: expiry check failed: expires 'soon' is not a date (expected ISO 8601, such as 2024-05-31 or "
        "2024-05-31T09:30:00Z), so whether it has expired is unknown",
    ]
    text = (site / "badges" / "honesty.yml").read_text(encoding="utf-8")
    assert (
        "# earned: the assertion's issuedOn '2024-13-45' is not a date; this is the day of the import. Correct it.\n"
        "earned: 2026-11-29\n"
        "# expires: the assertion's expires 'soon' is not a date, so it is left out. Add the real expiry date if the "
        "badge has one.\n"
    ) in text
    assert built.returncode == 0, built.stderr
    page = (site / "_site" / "badges" / "honesty" / "index.html").read_text(encoding="utf-8")
    assert "<strong>Issued</strong>: failed — issuedOn &#39;2024-13-45&#39; is not a date" in page
    assert "<strong>Expiry</strong>: failed — expires &#39;soon&#39; is not a date" in page


NOT_AN_ASSERTION = (
    "is not a badge image (PNG or SVG), and as text: payload is JSON, but not an Open Badges assertion or "
    "credential: looked for an Open Badges @context or a type of Assertion, a verify or verification object, or "
    "a recipient with a badge, and found none of them (its keys: foo)"
)


def test_verify_refuses_json_that_is_no_assertion(tmp_path: Path) -> None:
    path = write_json(tmp_path / "foo.json", {"foo": 1})

    result = run_cli("verify", path, "--today", TODAY)

    assert result.returncode == 1
    assert f"  cannot read it: {NOT_AN_ASSERTION}\n" in result.stdout
    assert "Open Badges 1.x" not in result.stdout
    assert result.stdout.endswith("1 file: 0 checks passed, 0 failed, 0 not checked; 1 could not be read\n")
    assert result.stderr == f"badgesite verify: {path}: {NOT_AN_ASSERTION}\n"


def test_import_writes_nothing_for_json_that_is_no_assertion(site: Path, tmp_path: Path) -> None:
    path = write_json(tmp_path / "foo.json", {"foo": 1})

    result = run_cli("import", path, "--site", site, env=EPOCH_2026_11_29)

    assert result.returncode == 1
    assert result.stderr == f"badgesite import: {path}: {NOT_AN_ASSERTION}\n"
    assert result.stdout == "imported 0 of 1 file; 1 failed (see the messages above)\n"
    assert sorted(path.name for path in site.iterdir()) == ["badgesite.yml"]


def test_a_badgr_export_is_refused_with_where_its_assertions_are(site: Path, tmp_path: Path) -> None:
    record = {
        "entityType": "Assertion",
        "openBadgeId": "https://api.badgr.io/public/assertions/abc",
        "badgeclass": "xyz",
        "recipient": {"identity": "ada@example.org", "hashed": False, "type": "email"},
        "issuedOn": "2019-01-01T00:00:00Z",
    }
    path = write_json(tmp_path / "badgr.json", {"status": {"success": True, "description": "ok"}, "result": [record]})

    verified = run_cli("verify", path, "--today", TODAY)
    imported = run_cli("import", path, "--site", site, env=EPOCH_2026_11_29)

    message = (
        "it is a Badgr API export holding 1 record, not one assertion: read its assertions one by one, each from a "
        "file holding the URL of the hosted assertion (each record's openBadgeId: "
        "https://api.badgr.io/public/assertions/abc)\n"
    )
    assert verified.returncode == 1
    assert verified.stderr.endswith(message)
    assert imported.returncode == 1
    assert imported.stderr.endswith(message)
    assert not (site / "badges").exists()
