"""`badgesite verify`: what each real baked file holds, and checks that never claim more than was checked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from badgesite import openbadges
from tests.conftest import FIXTURES, MINIMAL_CONFIG, TODAY, run_cli, write_files

requires_fixtures = pytest.mark.skipif(not FIXTURES.is_dir(), reason="the shared Open Badges fixtures are absent")

OB20 = "1edtech-dcpv__ob20_simple-badge.png"
OB30_JSON = "1edtech-dcpv__ob30_simple-json.png"
OB30_JWT = "1edtech-dcpv__ob30_simple-jwt.png"
OB30_JWT_SVG = "1edtech-dcpv__ob30_simple-jwt.svg"
LEGACY_URL = "mozilla-backpack__valid-baked.png"
MALFORMED_HASH = "concentricsky-bakery__baked_example.svg"  # "sha256$" and 40 hex digits: a SHA-1 digest

#: file -> (version, format, container kind, container description)
EXPECTED = {
    OB20: ("2.0", "json", "png", 'PNG iTXt chunk "openbadges"'),
    OB30_JSON: ("3.0", "json", "png", 'PNG iTXt chunk "openbadgecredential"'),
    "1edtech-dcpv__ob30_simple-json.svg": ("3.0", "json", "svg", "SVG <openbadges:credential> element"),
    OB30_JWT: ("3.0", "vc-jwt", "png", 'PNG iTXt chunk "openbadgecredential"'),
    OB30_JWT_SVG: ("3.0", "vc-jwt", "svg", "SVG <openbadges:credential> element"),
    "1edtech-dcpv__ob30_simple-jwt_v1.png": ("3.0", "vc-jwt", "png", 'PNG iTXt chunk "openbadgecredential"'),
    LEGACY_URL: ("1.0", "url", "png", 'PNG tEXt chunk "openbadges"'),
    "mozilla-bakery-js__baked.svg": ("1.0", "json", "svg", "SVG <openbadges:assertion> element"),
    "concentricsky-bakery__baked_heart.png": ("1.0", "json", "png", 'PNG iTXt chunk "openbadges"'),
    "concentricsky-bakery__baked_example.svg": ("1.0", "json", "svg", "SVG <openbadges:assertion> element"),
}


def verify_json(*arguments: str | Path) -> tuple[int, list[dict[str, Any]]]:
    result = run_cli("verify", *arguments, "--today", TODAY, "--json")
    return result.returncode, json.loads(result.stdout)


def statuses(report: dict[str, Any]) -> dict[str, str]:
    return {check["name"]: check["status"] for check in report["checks"]}


@requires_fixtures
def test_every_fixture_shows_its_version_format_and_container() -> None:
    code, reports = verify_json(*(FIXTURES / name for name in EXPECTED))
    assert [Path(report["file"]).name for report in reports] == list(EXPECTED)
    for report in reports:
        version, payload_format, kind, description = EXPECTED[Path(report["file"]).name]
        assert report["error"] is None
        assert (report["version"], report["format"]) == (version, payload_format), report["file"]
        assert report["container"] == {"kind": kind, "description": description}
        assert [check["name"] for check in report["checks"]] == [
            "recipient",
            "issued",
            "expiry",
            "signature",
            "revocation",
        ]
    # Without --email no recipient is compared, so nothing passes; only a hash that no address could match fails.
    recipients = {Path(report["file"]).name: statuses(report)["recipient"] for report in reports}
    assert recipients == {name: "not checked" for name in EXPECTED} | {MALFORMED_HASH: "failed"}
    assert code == 1


@requires_fixtures
def test_a_recipient_hash_of_the_wrong_length_is_malformed_not_a_mismatch() -> None:
    result = run_cli("verify", FIXTURES / MALFORMED_HASH, "--email", "ada@example.org", "--today", TODAY)

    assert result.returncode == 1
    assert (
        "    recipient   failed       the recipient hash is malformed: sha256$ with 40 hex digits, but a SHA-256 "
        "digest has 64, so no address can match it\n"
    ) in result.stdout
    assert "does not match" not in result.stdout


@requires_fixtures
def test_recipient_passes_only_for_the_address_it_was_issued_to() -> None:
    matched = run_cli("verify", FIXTURES / OB20, "--email", "nobody@example.org", "--today", TODAY)
    assert matched.returncode == 0, matched.stderr
    assert "    recipient   passed       the hashed (sha256) recipient matches an owner email\n" in matched.stdout
    assert "  recipient    sha256$ecf5409f" in matched.stdout
    assert "(email, hashed, salted)\n" in matched.stdout
    assert "  issued       2016-12-31\n" in matched.stdout
    assert "  verify URL   https://example.org/beths-robotics-badge.json\n" in matched.stdout

    other = run_cli("verify", FIXTURES / OB20, "--email", "ada@example.org", "--today", TODAY)
    assert other.returncode == 1
    assert "    recipient   failed       the hashed (sha256) recipient does not match the owner email\n" in other.stdout
    assert other.stdout.endswith("1 file: 2 checks passed, 1 failed, 2 not checked; 1 with a failed check\n")


@requires_fixtures
def test_without_an_email_the_recipient_is_not_checked_and_the_summary_says_how() -> None:
    result = run_cli("verify", FIXTURES / OB20, "--today", TODAY)
    assert result.returncode == 0
    assert "    recipient   not checked  no owner emails were given to compare with\n" in result.stdout
    assert result.stdout.endswith("(give --email or --site to check recipients)\n")


@requires_fixtures
def test_site_owner_emails_are_used(tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site", {"badgesite.yml": MINIMAL_CONFIG.replace("ada@example.org", "nobody@example.org")}
    )
    code, [report] = verify_json(FIXTURES / OB20, "--site", site)
    assert code == 0
    assert statuses(report)["recipient"] == "passed"


def test_site_without_config_is_refused(tmp_path: Path) -> None:
    result = run_cli("verify", tmp_path / "x.png", "--site", tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        f"badgesite verify: {tmp_path / 'badgesite.yml'}: no such file; {tmp_path} is not a site folder "
        "(run `badgesite init DIR` to start one, or pass --site DIR)\n"
    )


@requires_fixtures
def test_embedded_proof_is_reported_not_checked() -> None:
    code, [report] = verify_json(FIXTURES / OB30_JSON)
    assert code == 0
    signature = report["checks"][3]
    assert signature["status"] == "not checked"
    assert "DataIntegrityProof (eddsa-rdfc-2022)" in signature["detail"]
    assert report["signature"] == {"algorithm": None, "embedded_proof": ["DataIntegrityProof (eddsa-rdfc-2022)"]}
    assert statuses(report)["recipient"] == "not checked"  # a DID, not an email
    assert report["badge"]["name"] == "Teamwork"
    assert report["issuer"]["name"] == "Example Corp"


@requires_fixtures
def test_vc_jwt_signature_is_checked_only_against_a_key_given(tmp_path: Path) -> None:
    baked = openbadges.read_baked((FIXTURES / OB30_JWT).read_bytes())
    assert baked is not None and baked.credential.jws_header is not None
    own_key = tmp_path / "issuer.jwk"
    own_key.write_text(json.dumps(baked.credential.jws_header["jwk"]), encoding="utf-8")
    other = openbadges.read_baked((FIXTURES / OB30_JWT_SVG).read_bytes())
    assert other is not None and other.credential.jws_header is not None
    wrong_key = tmp_path / "other.jwk"
    wrong_key.write_text(json.dumps(other.credential.jws_header["jwk"]), encoding="utf-8")

    without = run_cli("verify", FIXTURES / OB30_JWT, "--today", TODAY)
    assert without.returncode == 0
    assert "    signature   not checked  no issuer public key was given; the signature matches the key embedded" in (
        without.stdout
    )
    assert "  format       VC-JWT, signed with RS256\n" in without.stdout

    code, [report] = verify_json(FIXTURES / OB30_JWT, "--key", own_key)
    assert code == 0
    assert report["checks"][3] == {
        "name": "signature",
        "status": "passed",
        "detail": "RS256 signature verified with the given public key",
    }

    code, [report] = verify_json(FIXTURES / OB30_JWT, "--key", wrong_key)
    assert code == 1
    assert statuses(report)["signature"] == "failed"


@requires_fixtures
def test_a_bare_url_claims_nothing() -> None:
    result = run_cli("verify", FIXTURES / LEGACY_URL, "--email", "ada@example.org", "--today", TODAY)
    assert result.returncode == 0
    assert "  format       URL of a hosted assertion\n" in result.stdout
    assert "  recipient    (unknown: only the URL of the assertion is baked)\n" in result.stdout
    assert "  expires      (unknown: only the URL of the assertion is baked)\n" in result.stdout
    assert "passed" not in result.stdout.replace("0 checks passed", "")


def test_dates_are_checked_against_today(tmp_path: Path) -> None:
    assertion = {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": "https://example.org/assertions/1",
        "recipient": {"type": "email", "hashed": False, "identity": "ada@example.org"},
        "issuedOn": "2024-05-31",
        "expires": "2025-05-31",
        "badge": {"name": "Cloud", "issuer": {"name": "Example"}},
        "verification": {"type": "hosted"},
    }
    path = write_files(tmp_path, {"a.json": json.dumps(assertion)}) / "a.json"
    current = run_cli("verify", path, "--email", "ada@example.org", "--today", "2025-01-01")
    assert current.returncode == 0, current.stdout
    assert "    expiry      passed       valid until 2025-05-31\n" in current.stdout
    assert "  baked in     plain file\n" in current.stdout
    expired = run_cli("verify", path, "--email", "ada@example.org", "--today", TODAY)
    assert expired.returncode == 1
    assert "    expiry      failed       expired on 2025-05-31\n" in expired.stdout


@requires_fixtures
def test_json_output_is_deterministic_and_complete() -> None:
    first = run_cli("verify", FIXTURES / OB20, FIXTURES / OB30_JWT, "--today", TODAY, "--json")
    second = run_cli("verify", FIXTURES / OB20, FIXTURES / OB30_JWT, "--today", TODAY, "--json")
    assert first.stdout == second.stdout
    reports = json.loads(first.stdout)
    assert first.stdout == json.dumps(reports, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert set(reports[0]) == {
        "file", "error", "version", "format", "container", "issuer", "badge", "recipient",
        "issued", "expires", "unreadable_dates", "revocation", "id", "verify_url", "signature", "checks",
    }  # fmt: skip
    assert reports[0]["recipient"] == {
        "identity": "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942",
        "type": "email",
        "hashed": True,
        "salt": True,
    }
    assert first.stderr == ""


@requires_fixtures
@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda data: data[:200], "PNG is truncated: the iTXt chunk at byte 33 declares 446 bytes but only 155 remain"),
        (lambda data: data[:8], "PNG is truncated: it ends right after the signature, with no IHDR chunk"),
        (lambda data: data[:-4] + b"\x00\x00\x00\x00", "PNG is corrupt: the IEND chunk at byte"),
    ],
)
def test_a_corrupt_png_is_named_with_what_is_wrong(tmp_path: Path, make: Any, message: str) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(make((FIXTURES / OB20).read_bytes()))
    result = run_cli("verify", broken, FIXTURES / OB20, "--today", TODAY)
    assert result.returncode == 1
    assert f"badgesite verify: {broken}: {message}" in result.stderr
    assert f"{broken}\n  cannot read it: {message}" in result.stdout
    assert "1 could not be read" in result.stdout
    assert "  version      Open Badges 2.0\n" in result.stdout  # the other file is still reported


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n", "PNG is truncated: it ends right after the signature, with no IHDR chunk"),
        (b"\x00\x01\x02\xff", "is neither a badge image (PNG or SVG) nor a text file holding assertion JSON, a JWS"),
        (b"<html><body>hello</body></html>", "is not a badge image (PNG or SVG), and as text: payload is not an"),
        (b'{"name": ', "payload looks like JSON but does not parse"),
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
            "SVG refused: it declares the external entity 'x' (file:///etc/passwd)",
        ),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', "nothing is baked into this SVG"),
    ],
)
def test_unreadable_files_exit_1_with_the_reason(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "input"
    path.write_bytes(content)
    code, [report] = verify_json(path)
    assert code == 1
    assert message in report["error"]
    text = run_cli("verify", path)
    assert text.returncode == 1
    assert text.stderr.startswith(f"badgesite verify: {path}: ")
    assert message in text.stderr


@requires_fixtures
def test_a_png_with_nothing_baked(tmp_path: Path) -> None:
    from badgesite.openbadges.png import PNG_SIGNATURE, split_chunks

    chunks, _ = split_chunks((FIXTURES / OB20).read_bytes())
    plain = tmp_path / "plain.png"
    plain.write_bytes(PNG_SIGNATURE + b"".join(c.raw for c in chunks if c.type not in (b"iTXt", b"tEXt", b"zTXt")))
    result = run_cli("verify", plain)
    assert result.returncode == 1
    assert "nothing is baked into this PNG: it has no text chunk with the keyword openbadges" in result.stderr


def test_missing_file_is_reported(tmp_path: Path) -> None:
    result = run_cli("verify", tmp_path / "nope.png")
    assert result.returncode == 1
    assert result.stderr == f"badgesite verify: {tmp_path / 'nope.png'}: no such file\n"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ((), "the following arguments are required: FILE"),
        (
            ("x.png", "--email", "not-an-address"),
            'expected an email address like ada@example.org, got "not-an-address"',
        ),
        (("x.png", "--today", "May 2024"), 'expected a date like 2026-05-31, got "May 2024"'),
        (("x.png", "--key", "no-such-key.pem"), 'no such key file: "no-such-key.pem"'),
        (("x.png", "--site", "no-such-folder"), 'no such folder: "no-such-folder"'),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, arguments: tuple[str, ...], message: str) -> None:
    result = run_cli("verify", *arguments, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr


def test_help_is_complete_with_an_example() -> None:
    result = run_cli("verify", "--help")
    assert result.returncode == 0
    for option in ("--email", "--key", "--today", "--json", "--site"):
        assert option in result.stdout
    assert "example:\n  badgesite verify aws-cloud-practitioner.png --email ada@example.org\n" in result.stdout


def test_a_key_file_that_holds_no_key_is_wrong_usage(tmp_path: Path) -> None:
    """Else every signature would be 'not checked' and verify would exit 0."""
    garbage = tmp_path / "issuer.pem"
    garbage.write_text("not a key\n", encoding="utf-8")
    result = run_cli("verify", str(garbage), "--key", str(garbage))
    assert result.returncode == 2
    assert f'cannot use the key file "{garbage}"' in result.stderr
