"""Recognising and reading payloads of every version and format, leniently."""

from __future__ import annotations

import base64
import json
from datetime import date
from typing import Any

import pytest
from badge_samples import HOSTED_URL, OB2_ASSERTION, OB3_CREDENTIAL, as_json, with_proof

from badgesite.openbadges import (
    Alignment,
    Credential,
    EvidenceItem,
    OpenBadgesError,
    Recipient,
    UnreadableDate,
    parse_payload,
)

UNSIGNED = "c2lnbmF0dXJl"  # parse_payload never verifies; signature tests live in test_ob_signature.py


def unsigned_jws(claims: dict[str, object], **header: object) -> str:
    def encode(value: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    return f"{encode({'alg': 'RS256', **header})}.{encode(claims)}.{UNSIGNED}"


def test_ob2_assertion_with_embedded_badge_and_issuer() -> None:
    raw = as_json(OB2_ASSERTION)

    credential = parse_payload(raw)

    assert credential == Credential(
        version="2.0",
        format="json",
        raw=raw,
        id="https://example.org/beths-robotics-badge.json",
        verify_url="https://example.org/beths-robotics-badge.json",
        badge_id="https://example.org/robotics-badge.json",
        badge_name="Awesome Robotics Badge",
        description="For doing awesome things with robots.",
        criteria_url="https://example.org/robotics-badge.html",
        criteria_narrative="Build a robot.",
        issuer_id="https://example.org/organization.json",
        issuer_name="An Example Badge Issuer",
        issuer_url="https://example.org",
        issued_on=date(2016, 12, 31),
        expires=date(2030, 6, 30),
        recipient=Recipient(
            identity="sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942",
            type="email",
            hashed=True,
            salt="deadsea",
        ),
        alignments=(
            Alignment(
                name="Robotics",
                url="https://example.org/frameworks/robotics",
                code="RB-1",
                framework="Example Framework",
                description="Builds robots.",
            ),
        ),
        evidence=(
            EvidenceItem(url="https://example.org/beths-robot-work.html"),
            EvidenceItem(name="Demo video", url="https://example.org/video", narrative="The robot walks."),
        ),
        image_url="data:image/png;base64,iVBORw0KGgo=",
    )


def test_ob2_badge_and_issuer_given_as_urls_leave_names_unknown() -> None:
    assertion = {**OB2_ASSERTION, "badge": "https://example.org/robotics-badge.json"}

    credential = parse_payload(as_json(assertion))

    assert credential.badge_id == "https://example.org/robotics-badge.json"
    assert (credential.badge_name, credential.issuer_name, credential.issuer_id) == (None, None, None)


def test_ob2_issuer_given_as_url() -> None:
    badge = {**OB2_ASSERTION["badge"], "issuer": "https://example.org/organization.json"}

    credential = parse_payload(as_json({**OB2_ASSERTION, "badge": badge}))

    assert (credential.issuer_id, credential.issuer_name, credential.issuer_url) == (
        "https://example.org/organization.json",
        None,
        None,
    )


def test_ob2_signed_assertion_has_no_hosted_url() -> None:
    assertion = {**OB2_ASSERTION, "id": "urn:uuid:1", "verification": {"type": "SignedBadge"}}
    assert parse_payload(as_json(assertion)).verify_url is None


def test_ob1_assertion_with_unix_timestamps() -> None:
    assertion = {
        "@context": "https://w3id.org/openbadges/v1",
        "type": "Assertion",
        "uid": "f2c20",
        "recipient": {"type": "email", "hashed": "true", "salt": "deadsea", "identity": "sha256$abc"},
        "image": "https://example.org/beths-robot-badge.png",
        "evidence": "https://example.org/beths-robot-work.html",
        "issuedOn": 1359217910,
        "expires": "1609458300",
        "badge": {
            "name": "Robots",
            "criteria": "https://example.org/robotics-badge.html",
            "alignment": [{"name": "Robotics", "url": "https://example.org/robotics", "description": "Robots."}],
            "issuer": "https://example.org/organization.json",
        },
        "verify": {"type": "hosted", "url": "https://example.org/beths-robotics-badge.json"},
    }

    credential = parse_payload(json.dumps(assertion))

    assert credential.version == "1.0"
    assert credential.issued_on == date(2013, 1, 26)
    assert credential.expires == date(2020, 12, 31)
    assert credential.verify_url == credential.id == "https://example.org/beths-robotics-badge.json"
    assert credential.criteria_url == "https://example.org/robotics-badge.html"
    assert credential.recipient == Recipient(identity="sha256$abc", hashed=True, salt="deadsea")
    assert credential.alignments == (
        Alignment(name="Robotics", url="https://example.org/robotics", description="Robots."),
    )
    assert credential.evidence == (EvidenceItem(url="https://example.org/beths-robot-work.html"),)
    assert credential.image_url == "https://example.org/beths-robot-badge.png"


def test_ob05_legacy_shape() -> None:
    legacy = {
        "recipient": "sha256$c7ef86405ba71b85acd8e2e95166c4b111448089f2e1599f42fe1bba46e865c5",
        "salt": "deadsea",
        "issued_on": "2011-06-01",
        "badge": {
            "version": "0.5.0",
            "name": "HTML5 Basic",
            "description": "Knows the difference between a <section> and an <article>",
            "criteria": "https://example.org/criteria",
            "issuer": {"origin": "https://p2pu.org", "name": "P2PU", "org": "School of Webcraft"},
        },
    }

    credential = parse_payload(json.dumps(legacy))

    assert credential.version == "1.0"
    assert credential.issued_on == date(2011, 6, 1)
    assert (credential.issuer_name, credential.issuer_url) == ("P2PU", "https://p2pu.org")
    assert credential.recipient == Recipient(
        identity="sha256$c7ef86405ba71b85acd8e2e95166c4b111448089f2e1599f42fe1bba46e865c5",
        hashed=True,
        salt="deadsea",
    )


def test_ob2_jws_carries_the_assertion() -> None:
    token = unsigned_jws(OB2_ASSERTION)

    credential = parse_payload(token)

    assert (credential.version, credential.format, credential.raw) == ("2.0", "jws", token)
    assert credential.badge_name == "Awesome Robotics Badge"
    assert credential.jws_header == {"alg": "RS256"}


def test_ob3_json_with_embedded_proof() -> None:
    raw = json.dumps(with_proof(OB3_CREDENTIAL), indent=2)

    credential = parse_payload(raw)

    assert credential == Credential(
        version="3.0",
        format="json",
        raw=raw,
        id="urn:uuid:a63a60be-f4af-491c-87fc-2c8fd3007a58",
        badge_id="https://example.edu/achievements/cloud",
        badge_name="Cloud Practitioner",
        description="Understands cloud basics.",
        criteria_url="https://example.edu/criteria/cloud",
        criteria_narrative="Pass the exam.",
        issuer_id="https://example.edu/issuers/565049",
        issuer_name="Example University",
        issued_on=date(2024, 5, 1),
        expires=date(2029, 5, 1),
        recipient=Recipient(
            identity="sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942",
            type="emailAddress",
            hashed=True,
            salt="deadsea",
        ),
        alignments=(Alignment(name="Cloud", url="https://example.edu/cloud", code="C1"),),
        evidence=(EvidenceItem(url="https://example.edu/evidence/1", narrative="Exam passed."),),
        image_url="https://example.edu/cloud.png",
        has_embedded_proof=True,
        proof_types=("DataIntegrityProof (eddsa-rdfc-2022)",),
    )


def test_ob3_vc_jwt_payload_is_the_credential() -> None:
    claims = {**OB3_CREDENTIAL, "iss": "https://example.edu/issuers/565049", "jti": "urn:uuid:x"}
    token = unsigned_jws(claims, typ="vc+jwt")

    credential = parse_payload(token)

    assert (credential.version, credential.format, credential.has_embedded_proof) == ("3.0", "vc-jwt", False)
    assert credential.badge_name == "Cloud Practitioner"
    assert credential.jws_header == {"alg": "RS256", "typ": "vc+jwt"}


def test_ob3_legacy_vc_jwt_has_the_credential_under_vc_and_dates_in_claims() -> None:
    vc = {key: value for key, value in OB3_CREDENTIAL.items() if key not in ("validFrom", "validUntil", "id")}
    claims = {"vc": vc, "iss": "https://example.edu/issuers/565049", "nbf": 1262304000, "exp": 1893456000}

    credential = parse_payload(unsigned_jws(claims))

    assert (credential.version, credential.format) == ("3.0", "vc-jwt")
    assert credential.issued_on == date(2010, 1, 1)
    assert credential.expires == date(2030, 1, 1)
    assert credential.id is None
    assert credential.issuer_name == "Example University"


def test_ob3_issuer_given_as_a_string_and_subject_as_a_did() -> None:
    credential_json = {
        **OB3_CREDENTIAL,
        "issuer": "did:web:example.edu",
        "credentialSubject": {"id": "did:example:123", "achievement": {"name": "Teamwork"}},
    }

    credential = parse_payload(as_json(credential_json))

    assert (credential.issuer_id, credential.issuer_name) == ("did:web:example.edu", None)
    assert credential.recipient == Recipient(identity="did:example:123", type="id")


def test_hosted_url() -> None:
    credential = parse_payload(f"  {HOSTED_URL}\n")
    assert credential == Credential(version=None, format="url", raw=HOSTED_URL, id=HOSTED_URL, verify_url=HOSTED_URL)


def test_hosted_url_takes_the_version_from_its_container() -> None:
    assert parse_payload(HOSTED_URL, version_hint="3.0").version == "3.0"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-12-31", date(2016, 12, 31)),
        ("2016-12-31T23:59:59Z", date(2016, 12, 31)),
        ("2016-12-31T23:59:59.123+05:00", date(2016, 12, 31)),
        ("2016-12-31T23:59:59.123456789Z", date(2016, 12, 31)),
        ("2016-12-31T24:00:00Z", date(2016, 12, 31)),
        (1359217910, date(2013, 1, 26)),
        ("1359217910", date(2013, 1, 26)),
        ("May 2024", None),
        (True, None),
        ({"date": "2016-12-31"}, None),
    ],
)
def test_dates(value: object, expected: date | None) -> None:
    assert parse_payload(json.dumps({"type": "Assertion", "issuedOn": value})).issued_on == expected


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("2024-13-45", "2024-13-45"),
        ("05/31/2024", "05/31/2024"),
        ("soon", "soon"),
        ("2016-12-31 or so", "2016-12-31 or so"),
        ("", ""),
        (True, "true"),
        ({"date": "2016-12-31"}, '{"date": "2016-12-31"}'),
        ("x" * 100, "x" * 59 + "…"),
    ],
)
def test_a_date_field_that_holds_no_date_is_kept_as_written_not_taken_for_missing(value: object, written: str) -> None:
    credential = parse_payload(as_json({**OB2_ASSERTION, "issuedOn": value, "expires": value}))
    assert (credential.issued_on, credential.expires) == (None, None)
    assert credential.unreadable_issued_on == UnreadableDate(field="issuedOn", written=written)
    assert credential.unreadable_expires == UnreadableDate(field="expires", written=written)


def test_an_ob3_date_that_cannot_be_read_is_not_replaced_by_a_later_field() -> None:
    credential = parse_payload(as_json({**OB3_CREDENTIAL, "validFrom": "yesterday", "issuanceDate": "2024-05-01"}))
    assert credential.issued_on is None
    assert credential.unreadable_issued_on == UnreadableDate(field="validFrom", written="yesterday")
    absent = {key: value for key, value in OB3_CREDENTIAL.items() if key != "validFrom"}
    assert parse_payload(as_json({**absent, "issuanceDate": "2024-05-01"})).issued_on == date(2024, 5, 1)


def test_unknown_shapes_give_none_never_an_exception() -> None:
    odd = {
        "@context": ["https://w3id.org/openbadges/v2", {"inline": "context"}],
        "id": 42,
        "badge": ["not", "an", "object"],
        "recipient": {"identity": ["a"], "hashed": "maybe"},
        "evidence": [7, None, {"narrative": 3}],
        "image": {"no": "id"},
        "issuedOn": [2016],
        "verification": "hosted",
    }

    credential = parse_payload(json.dumps(odd))

    assert credential.version == "2.0"
    assert (credential.id, credential.badge_name, credential.recipient, credential.image_url) == (None,) * 4
    assert (credential.evidence, credential.issued_on) == ((), None)


def test_ob2_image_object() -> None:
    assertion = {**OB2_ASSERTION, "image": {"id": "https://example.org/a.png", "type": "Image"}}
    assert parse_payload(as_json(assertion)).image_url == "https://example.org/a.png"


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("", "^payload is empty$"),
        ("   ", "^payload is empty$"),
        ("hello", "^payload is not an Open Badge: expected JSON, a compact JWS or an http\\(s\\) URL$"),
        ("ftp://example.org/a.json", "^payload is a ftp: address; only http and https URLs can point at a hosted"),
        ("javascript:alert(1)", "^payload is a javascript: address; only http and https URLs"),
        ("urn:uuid:7a7e5b1c", "^payload is a urn: address; only http and https URLs"),
        ("{not json", "^payload looks like JSON but does not parse: "),
        ("[1, 2]", "^payload is not an Open Badge"),
        ('{"a": 1', "^payload looks like JSON but does not parse"),
        ("e30.WzFd.c2ln", "^the JWS payload is JSON but not an object$"),
        ("bm90IGpzb24.e30.c2ln", "^the JWS header is not JSON$"),
    ],
)
def test_unreadable_payloads_raise_with_a_clear_message(payload: str, message: str) -> None:
    with pytest.raises(OpenBadgesError, match=message):
        parse_payload(payload)


NOT_AN_ASSERTION = (
    "payload is JSON, but not an Open Badges assertion or credential: looked for an Open Badges @context or a "
    "type of Assertion, a verify or verification object, or a recipient with a badge, and found none of them"
)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"foo": 1}, f"{NOT_AN_ASSERTION} (its keys: foo)"),
        ({}, f"{NOT_AN_ASSERTION} (its keys: none)"),
        (
            {"recipient": "ada@example.org", "issuedOn": "2024-05-31"},
            f"{NOT_AN_ASSERTION} (its keys: issuedOn, recipient)",
        ),
        (
            {"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "name": "Robotics"},
            "payload is JSON, but not an Open Badges assertion or credential: it is a badge class (what the badge "
            "is, not its award to someone) (type BadgeClass), not an assertion",
        ),
        (
            {"@context": "https://www.w3.org/ns/credentials/v2", "type": ["VerifiableCredential", "DriverLicense"]},
            "payload is JSON, but not an Open Badges assertion or credential: it is a Verifiable Credential but not "
            "an Open Badge: looked for an OpenBadgeCredential or AchievementCredential type, the Open Badges 3.0 "
            "@context, or a credentialSubject with an achievement",
        ),
    ],
)
def test_json_that_is_no_open_badge_is_refused_naming_what_was_looked_for(value: object, message: str) -> None:
    with pytest.raises(OpenBadgesError) as raised:
        parse_payload(json.dumps(value))
    assert raised.value.message == message


def test_a_jws_whose_claims_are_no_assertion_is_refused() -> None:
    with pytest.raises(OpenBadgesError) as raised:
        parse_payload(unsigned_jws({"sub": "1234567890", "name": "An OAuth token", "iat": 1516239022}))
    assert raised.value.message.startswith("payload is a JWS, but its claims are not an Open Badges assertion")


BADGR_RECORD = {
    "entityType": "Assertion",
    "entityId": "Qg6pTQ9uQ1iNmUnPSFsW2A",
    "openBadgeId": "https://api.badgr.io/public/assertions/Qg6pTQ9uQ1iNmUnPSFsW2A",
    "badgeclass": "4Nz9EBRnTTOPL7iwkxV9kg",
    "recipient": {"identity": "sha256$" + "0" * 64, "hashed": True, "type": "email", "salt": "x"},
    "issuedOn": "2019-01-01T00:00:00Z",
    "revoked": False,
}


def test_a_badgr_export_is_named_with_where_its_assertions_are() -> None:
    second = {**BADGR_RECORD, "openBadgeId": "https://api.badgr.io/public/assertions/second"}
    export = {"status": {"success": True, "description": "ok"}, "result": [BADGR_RECORD, second]}
    with pytest.raises(OpenBadgesError) as raised:
        parse_payload(json.dumps(export))
    assert raised.value.message == (
        "payload is JSON, but not an Open Badges assertion or credential: it is a Badgr API export holding 2 "
        "records, not one assertion: read its assertions one by one, each from a file holding the URL of the hosted "
        "assertion (each record's openBadgeId: https://api.badgr.io/public/assertions/Qg6pTQ9uQ1iNmUnPSFsW2A, "
        "https://api.badgr.io/public/assertions/second)"
    )
    with pytest.raises(OpenBadgesError) as raised:
        parse_payload(json.dumps(BADGR_RECORD))
    assert raised.value.message.endswith(
        "it is a Badgr API assertion record, not the Open Badges assertion: the assertion itself is hosted at "
        "https://api.badgr.io/public/assertions/Qg6pTQ9uQ1iNmUnPSFsW2A"
    )


@pytest.mark.parametrize(
    "value",
    [
        {"verify": {"url": "http://example.org"}},  # mozilla/openbadges-bakery's test SVG, all of it
        {"uid": "1", "identity": {"recipient": "sha256$abc"}, "badge": "https://example.org/badge"},
        {"recipient": "ada@example.org", "badge": {"name": "Legacy"}},
        {"@context": "https://w3id.org/openbadges/v1", "recipient": {"identity": "ada@example.org"}},
        {"type": "Assertion"},
    ],
)
def test_the_shapes_of_old_assertions_are_still_read(value: dict[str, Any]) -> None:
    assert parse_payload(json.dumps(value)).version == "1.0"


def test_payload_over_the_limit_is_refused() -> None:
    with pytest.raises(OpenBadgesError, match=r"^payload is 5\.0 MiB, over the 4\.0 MiB limit for a badge payload$"):
        parse_payload('{"a":"' + "x" * (5 * 1024 * 1024) + '"}')
