"""Offline checks: each outcome and the exact sentence that explains it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from badge_samples import HOSTED_URL, OB2_ASSERTION, OB3_CREDENTIAL, as_json, public_pem, sign, with_proof
from joserfc.jwk import ECKey, RSAKey

from badgesite.openbadges import Check, Credential, Recipient, check_credential, parse_payload

TODAY = date(2025, 1, 1)
OWNER = ["nobody@example.org"]


def checks_by_name(credential: Credential, **overrides: object) -> dict[str, Check]:
    arguments: dict[str, object] = {"emails": OWNER, "today": TODAY, "public_key": None, **overrides}
    return {check.name: check for check in check_credential(credential, **arguments)}  # type: ignore[arg-type]


def test_checks_come_in_a_fixed_order() -> None:
    checks = check_credential(parse_payload(as_json(OB2_ASSERTION)), emails=OWNER, today=TODAY, public_key=None)
    assert [check.name for check in checks] == ["recipient", "issued", "expiry", "signature", "revocation"]


def test_hosted_ob2_assertion() -> None:
    checks = checks_by_name(parse_payload(as_json(OB2_ASSERTION)))

    assert checks["recipient"] == Check(
        name="recipient", status="passed", detail="the hashed (sha256) recipient matches an owner email"
    )
    assert checks["issued"] == Check(name="issued", status="passed", detail="issued on 2016-12-31")
    assert checks["expiry"] == Check(name="expiry", status="passed", detail="valid until 2030-06-30")
    assert checks["signature"] == Check(
        name="signature",
        status="not checked",
        detail="hosted assertion: verifying it means fetching https://example.org/beths-robotics-badge.json "
        "from the issuer, which is not done offline",
    )


def test_recipient_outcomes() -> None:
    credential = parse_payload(as_json(OB2_ASSERTION))

    assert checks_by_name(credential, emails=["someone@example.org"])["recipient"] == Check(
        name="recipient", status="failed", detail="the hashed (sha256) recipient does not match the owner email"
    )
    assert checks_by_name(credential, emails=["a@example.org", "b@example.org"])["recipient"].detail == (
        "the hashed (sha256) recipient matches none of the 2 owner emails"
    )
    assert checks_by_name(credential, emails=["a@example.org", "NOBODY@example.org"])["recipient"].status == "passed"
    assert checks_by_name(credential, emails=[])["recipient"] == Check(
        name="recipient", status="not checked", detail="no owner emails were given to compare with"
    )
    assert checks_by_name(replace(credential, recipient=None))["recipient"] == Check(
        name="recipient", status="not checked", detail="the credential names no recipient"
    )
    plain = replace(credential, recipient=Recipient(identity="Nobody@Example.org"))
    assert checks_by_name(plain)["recipient"].detail == "the plain-text recipient matches an owner email"
    did = replace(credential, recipient=Recipient(identity="did:example:1", type="id"))
    assert checks_by_name(did)["recipient"] == Check(
        name="recipient", status="not checked", detail="the recipient is identified by 'id', not by an email address"
    )


def test_details_never_name_the_owner_emails() -> None:
    for emails in (OWNER, ["other@example.org"]):
        for check in check_credential(
            parse_payload(as_json(OB2_ASSERTION)), emails=emails, today=TODAY, public_key=None
        ):
            assert "@" not in check.detail


def test_issue_date_in_the_future_fails() -> None:
    credential = parse_payload(as_json({**OB2_ASSERTION, "issuedOn": "2025-01-02"}))
    assert checks_by_name(credential)["issued"] == Check(
        name="issued", status="failed", detail="issued on 2025-01-02, which is after today (2025-01-01)"
    )
    assert checks_by_name(credential, today=date(2025, 1, 2))["issued"].status == "passed"


def test_expiry() -> None:
    expired = parse_payload(as_json({**OB2_ASSERTION, "expires": "2024-12-31T23:59:59Z"}))
    assert checks_by_name(expired)["expiry"] == Check(name="expiry", status="failed", detail="expired on 2024-12-31")
    last_day = parse_payload(as_json({**OB2_ASSERTION, "expires": "2025-01-01"}))
    assert checks_by_name(last_day)["expiry"].status == "passed"
    forever = parse_payload(as_json({key: value for key, value in OB2_ASSERTION.items() if key != "expires"}))
    assert checks_by_name(forever)["expiry"] == Check(
        name="expiry", status="passed", detail="the credential has no expiry date"
    )


def test_an_unreadable_issue_date_fails_and_an_unreadable_expiry_does_not_pass() -> None:
    for written in ("2024-13-45", "05/31/2024"):
        credential = parse_payload(as_json({**OB2_ASSERTION, "issuedOn": written}))
        assert checks_by_name(credential)["issued"] == Check(
            name="issued",
            status="failed",
            detail=f"issuedOn '{written}' is not a date "
            "(expected ISO 8601, such as 2024-05-31 or 2024-05-31T09:30:00Z)",
        )
    soon = parse_payload(as_json({**OB2_ASSERTION, "expires": "soon"}))
    assert checks_by_name(soon)["expiry"] == Check(
        name="expiry",
        status="failed",
        detail="expires 'soon' is not a date (expected ISO 8601, such as 2024-05-31 or 2024-05-31T09:30:00Z), "
        "so whether it has expired is unknown",
    )


def test_missing_issue_date_is_not_checked() -> None:
    credential = parse_payload(as_json({key: value for key, value in OB2_ASSERTION.items() if key != "issuedOn"}))
    assert checks_by_name(credential)["issued"] == Check(
        name="issued", status="not checked", detail="the credential gives no issue date"
    )


def test_a_bare_url_checks_nothing_it_has_not_fetched() -> None:
    checks = checks_by_name(parse_payload(HOSTED_URL))

    unknown = f"only the URL of a hosted assertion is baked, and {HOSTED_URL} was not fetched"
    assert [(check.status, check.detail) for name, check in checks.items() if name != "signature"] == [
        ("not checked", unknown)
    ] * 4
    assert checks["signature"] == Check(
        name="signature",
        status="not checked",
        detail=f"hosted URL: verifying it means fetching {HOSTED_URL} from the issuer, which is not done offline",
    )


def test_embedded_proof_is_honestly_not_checked() -> None:
    checks = checks_by_name(parse_payload(as_json(with_proof(OB3_CREDENTIAL))))
    assert checks["signature"] == Check(
        name="signature",
        status="not checked",
        detail="embedded proof (DataIntegrityProof (eddsa-rdfc-2022)) present; Data Integrity (linked-data) "
        "proofs are not verified offline",
    )
    assert checks["recipient"].status == "passed"


def test_ob3_json_without_proof() -> None:
    assert checks_by_name(parse_payload(as_json(OB3_CREDENTIAL)))["signature"] == Check(
        name="signature", status="not checked", detail="the credential carries no signature or proof"
    )


def test_signature_with_the_issuer_key(rsa_key: RSAKey, other_rsa_key: RSAKey) -> None:
    credential = parse_payload(sign(OB3_CREDENTIAL, rsa_key, "RS256"))

    assert checks_by_name(credential, public_key=public_pem(rsa_key))["signature"] == Check(
        name="signature", status="passed", detail="RS256 signature verified with the given public key"
    )
    assert checks_by_name(credential, public_key=public_pem(other_rsa_key))["signature"] == Check(
        name="signature", status="failed", detail="RS256 signature does not verify with the given public key"
    )


def test_signature_without_a_key(ec_key: ECKey) -> None:
    credential = parse_payload(sign(OB2_ASSERTION, ec_key, "ES256"))
    assert checks_by_name(credential)["signature"] == Check(
        name="signature", status="not checked", detail="no issuer public key was given"
    )


def test_an_unusable_key_is_reported_not_raised(ec_key: ECKey) -> None:
    credential = parse_payload(sign(OB2_ASSERTION, ec_key, "ES256"))
    check = checks_by_name(credential, public_key="nonsense")["signature"]
    assert (check.status, check.detail) == (
        "not checked",
        "the public key is unusable: the public key is neither PEM text (-----BEGIN …) nor JWK JSON",
    )


def test_a_key_embedded_in_the_token_proves_nothing(rsa_key: RSAKey) -> None:
    token = sign(OB3_CREDENTIAL, rsa_key, "RS256", jwk=rsa_key.as_dict(private=False))

    check = checks_by_name(parse_payload(token))["signature"]

    assert check == Check(
        name="signature",
        status="not checked",
        detail="no issuer public key was given; the signature matches the key embedded in the token's own "
        "header, but a key taken from the token proves nothing about who issued it",
    )


def test_a_token_that_fails_even_its_own_embedded_key(rsa_key: RSAKey, other_rsa_key: RSAKey) -> None:
    token = sign(OB3_CREDENTIAL, rsa_key, "RS256", jwk=other_rsa_key.as_dict(private=False))

    assert checks_by_name(parse_payload(token))["signature"] == Check(
        name="signature",
        status="failed",
        detail="RS256 signature does not verify even with the key embedded in the token's own header",
    )


@pytest.mark.parametrize("status", ["passed", "failed", "not checked"])
def test_every_status_is_reachable(status: str, rsa_key: RSAKey, other_rsa_key: RSAKey) -> None:
    token = sign(OB3_CREDENTIAL, rsa_key, "RS256")
    key = {"passed": public_pem(rsa_key), "failed": public_pem(other_rsa_key), "not checked": None}[status]
    assert checks_by_name(parse_payload(token), public_key=key)["signature"].status == status


def test_an_assertion_that_says_it_is_revoked_fails_with_its_reason() -> None:
    revoked = parse_payload(as_json({**OB2_ASSERTION, "revoked": True, "revocationReason": "cheating"}))
    assert checks_by_name(revoked)["revocation"] == Check(
        name="revocation", status="failed", detail='the issuer has revoked it (reason given: "cheating")'
    )
    silent = parse_payload(as_json({**OB2_ASSERTION, "revoked": "true"}))  # as early OB 1.0 issuers wrote it
    assert checks_by_name(silent)["revocation"] == Check(
        name="revocation", status="failed", detail="the issuer has revoked it (no reason given)"
    )
    signed = parse_payload(sign({**OB2_ASSERTION, "revoked": True}, ECKey.generate_key("P-256"), "ES256"))
    assert checks_by_name(signed)["revocation"].status == "failed"


def test_revocation_that_only_the_issuer_can_tell_is_not_checked() -> None:
    hosted = parse_payload(as_json({**OB2_ASSERTION, "revoked": False}))
    assert checks_by_name(hosted)["revocation"] == Check(
        name="revocation",
        status="not checked",
        detail="the credential does not say it is revoked; whether the issuer has revoked it since shows at "
        "https://example.org/beths-robotics-badge.json, which is not fetched offline",
    )
    issuer = {**OB2_ASSERTION["badge"]["issuer"], "revocationList": "https://example.org/revocations.json"}
    signed_form = {
        **OB2_ASSERTION,
        "id": "urn:uuid:1",
        "verification": {"type": "SignedBadge"},
        "badge": {**OB2_ASSERTION["badge"], "issuer": issuer},
    }
    assert checks_by_name(parse_payload(as_json(signed_form)))["revocation"].detail == (
        "the credential does not say it is revoked; the issuer's revocation list at "
        "https://example.org/revocations.json is not fetched offline"
    )
    status = {"id": "https://example.edu/status/1#42", "type": "1EdTechRevocationList"}
    listed = parse_payload(as_json({**OB3_CREDENTIAL, "credentialStatus": status}))
    assert checks_by_name(listed)["revocation"].detail == (
        "the credential does not say it is revoked; the issuer's revocation list at "
        "https://example.edu/status/1#42 is not fetched offline"
    )
    assert checks_by_name(parse_payload(as_json(OB3_CREDENTIAL)))["revocation"] == Check(
        name="revocation",
        status="not checked",
        detail="the credential does not say it is revoked, and names no hosted copy or revocation list that would "
        "tell whether it was revoked since",
    )


@pytest.mark.parametrize(
    ("identity", "detail"),
    [
        (
            "sha256$" + "a" * 40,
            "the recipient hash is malformed: sha256$ with 40 hex digits, but a SHA-256 digest has 64, so no address "
            "can match it",
        ),
        (
            "md5$" + "a" * 64,
            "the recipient hash is malformed: md5$ with 64 hex digits, but an MD5 digest has 32, so no address can "
            "match it",
        ),
        ("sha256$not-hex", "the recipient hash 'sha256$not-hex' is malformed: sha256$ must be followed by hex digits"),
        ("sha1$" + "a" * 40, "the recipient is hashed with 'sha1', which Open Badges does not use (sha256 or md5)"),
        (
            "a" * 40,
            "the recipient hash 'aaaaaaaaaaaaaaaaaaaaaaa…' is malformed: expected sha256$ and 64 hex digits (or md5$ "
            "and 32)",
        ),
    ],
)
def test_a_malformed_recipient_hash_fails_as_malformed_with_or_without_emails(identity: str, detail: str) -> None:
    credential = replace(
        parse_payload(as_json(OB2_ASSERTION)), recipient=Recipient(identity=identity, hashed=True, salt="deadsea")
    )
    for emails in (OWNER, []):
        assert checks_by_name(credential, emails=emails)["recipient"] == Check(
            name="recipient", status="failed", detail=detail
        )


def test_a_well_formed_hash_without_its_prefix_is_still_compared() -> None:
    identity = OB2_ASSERTION["recipient"]["identity"].removeprefix("sha256$")
    credential = replace(
        parse_payload(as_json(OB2_ASSERTION)), recipient=Recipient(identity=identity, hashed=True, salt="deadsea")
    )
    assert checks_by_name(credential)["recipient"].status == "passed"
