"""Every real baked badge in the shared fixtures folder, read with its version, format and values."""

from __future__ import annotations

import json
from datetime import date

import pytest
from badge_samples import FIXTURES, badge_text_chunks, png_chunks, requires_fixtures

from badgesite.openbadges import (
    Recipient,
    bake,
    check_credential,
    embedded_jwk,
    read_baked,
    read_png_payload,
    read_svg_payload,
    verify_jws,
)

pytestmark = requires_fixtures

TEAMWORK_DESCRIPTION = (
    "This badge recognizes the development of the capacity to collaborate within a group environment."
)
TEAMWORK_CRITERIA = (
    "Team members are nominated for this badge by their peers and recognized upon review by Example Corp management."
)
SUBJECT_DID = Recipient(identity="did:example:ebfeb1f712ebc6f1c276e12ec21", type="id")

# file -> (image format, keyword or element, version, format)
EXPECTED_KINDS = {
    "1edtech-dcpv__ob20_simple-badge.png": ("png", "openbadges", "2.0", "json"),
    "1edtech-dcpv__ob30_simple-json.png": ("png", "openbadgecredential", "3.0", "json"),
    "1edtech-dcpv__ob30_simple-json.svg": ("svg", "credential", "3.0", "json"),
    "1edtech-dcpv__ob30_simple-jwt.png": ("png", "openbadgecredential", "3.0", "vc-jwt"),
    "1edtech-dcpv__ob30_simple-jwt.svg": ("svg", "credential", "3.0", "vc-jwt"),
    "1edtech-dcpv__ob30_simple-jwt_v1.png": ("png", "openbadgecredential", "3.0", "vc-jwt"),
    "mozilla-backpack__valid-baked.png": ("png", "openbadges", "1.0", "url"),
    "mozilla-bakery-js__baked.svg": ("svg", "assertion", "1.0", "json"),
    "concentricsky-bakery__baked_heart.png": ("png", "openbadges", "1.0", "json"),
    "concentricsky-bakery__baked_example.svg": ("svg", "assertion", "1.0", "json"),
}


def read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_the_folder_holds_exactly_the_expected_files() -> None:
    assert sorted(path.name for path in FIXTURES.iterdir() if path.suffix in (".png", ".svg")) == sorted(EXPECTED_KINDS)


@pytest.mark.parametrize("name", sorted(EXPECTED_KINDS))
def test_every_fixture_is_read_with_its_version_and_format(name: str) -> None:
    baked = read_baked(read(name))

    assert baked is not None
    credential = baked.credential
    assert (baked.image_format, baked.keyword_or_element, credential.version, credential.format) == (
        EXPECTED_KINDS[name]
    )
    assert credential.raw == baked.payload_text.strip()


def test_ob20_simple_badge() -> None:
    credential = read_baked(read("1edtech-dcpv__ob20_simple-badge.png")).credential  # type: ignore[union-attr]

    assert credential.id == credential.verify_url == "https://example.org/beths-robotics-badge.json"
    assert credential.badge_id == "https://example.org/robotics-badge.json"
    assert (credential.badge_name, credential.issuer_name) == (None, None)  # the badge is only a URL
    assert credential.issued_on == date(2016, 12, 31)
    assert credential.image_url == "https://example.org/beths-robot-badge.png"
    assert credential.recipient == Recipient(
        identity="sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942",
        type="email",
        hashed=True,
        salt="deadsea",
    )


def test_ob20_simple_badge_recipient_is_nobody_at_example_org() -> None:
    credential = read_baked(read("1edtech-dcpv__ob20_simple-badge.png")).credential  # type: ignore[union-attr]

    def recipient_status(email: str) -> str:
        checks = check_credential(credential, emails=[email], today=date(2025, 1, 1), public_key=None)
        return checks[0].status

    assert recipient_status("nobody@example.org") == "passed"
    assert recipient_status("somebody@example.org") == "failed"


@pytest.mark.parametrize("name", ["1edtech-dcpv__ob30_simple-json.png", "1edtech-dcpv__ob30_simple-json.svg"])
def test_ob30_json(name: str) -> None:
    credential = read_baked(read(name)).credential  # type: ignore[union-attr]

    assert credential.id == "http://example.com/credentials/3527"
    assert credential.badge_id == "https://example.com/achievements/21st-century-skills/teamwork"
    assert (credential.badge_name, credential.description) == ("Teamwork", TEAMWORK_DESCRIPTION)
    assert (credential.criteria_url, credential.criteria_narrative) == (None, TEAMWORK_CRITERIA)
    assert (credential.issuer_id, credential.issuer_name) == ("https://example.com/issuers/876543", "Example Corp")
    assert (credential.issued_on, credential.expires) == (date(2010, 1, 1), None)
    assert credential.recipient == SUBJECT_DID
    assert credential.has_embedded_proof
    assert credential.proof_types == ("DataIntegrityProof (eddsa-rdfc-2022)",)
    assert json.loads(credential.raw)["proof"][0]["proofValue"].startswith("z76jrNcyxHg5fV17")


@pytest.mark.parametrize("name", ["1edtech-dcpv__ob30_simple-jwt.png", "1edtech-dcpv__ob30_simple-jwt.svg"])
def test_ob30_vc_jwt(name: str) -> None:
    credential = read_baked(read(name)).credential  # type: ignore[union-attr]

    assert credential.jws_header is not None
    assert credential.jws_header["alg"] == "RS256"
    assert credential.id == "http://example.com/credentials/3527"
    assert credential.badge_name == "Teamwork"
    assert (credential.issuer_id, credential.issuer_name, credential.issuer_url) == (
        "https://1edtech.edu/issuers/565049",
        "Example Corp",
        "https://www.imsglobal.org",
    )
    assert credential.issued_on == date(2010, 1, 1)
    assert credential.recipient == SUBJECT_DID
    assert not credential.has_embedded_proof


def test_ob30_legacy_vc_jwt_with_the_credential_under_vc() -> None:
    credential = read_baked(read("1edtech-dcpv__ob30_simple-jwt_v1.png")).credential  # type: ignore[union-attr]

    assert credential.id == "http://example.edu/credentials/3732"
    assert credential.badge_name == "Teamwork"  # the achievement's name, not "Example University Degree"
    assert (credential.issuer_id, credential.issuer_name) == (
        "https://example.edu/issuers/565049",
        "Example University",
    )
    assert credential.issued_on == date(2010, 1, 1)
    assert credential.recipient == SUBJECT_DID


@pytest.mark.parametrize(
    "name",
    [
        "1edtech-dcpv__ob30_simple-jwt.png",
        "1edtech-dcpv__ob30_simple-jwt.svg",
        "1edtech-dcpv__ob30_simple-jwt_v1.png",
    ],
)
def test_vc_jwt_fixtures_carry_their_own_key_and_are_reported_honestly(name: str) -> None:
    credential = read_baked(read(name)).credential  # type: ignore[union-attr]
    own_key = embedded_jwk(credential.raw)

    assert own_key is not None
    assert json.loads(own_key)["kty"] == "RSA"
    assert verify_jws(credential.raw, own_key)
    signature = check_credential(credential, emails=[], today=date(2025, 1, 1), public_key=None)[3]
    assert signature.status == "not checked"
    assert "proves nothing about who issued it" in signature.detail


def test_the_two_vc_jwt_fixtures_use_different_keys() -> None:
    png = read_baked(read("1edtech-dcpv__ob30_simple-jwt.png")).credential  # type: ignore[union-attr]
    svg = read_baked(read("1edtech-dcpv__ob30_simple-jwt.svg")).credential  # type: ignore[union-attr]
    assert not verify_jws(png.raw, embedded_jwk(svg.raw))  # type: ignore[arg-type]


def test_mozilla_backpack_legacy_text_url() -> None:
    data = read("mozilla-backpack__valid-baked.png")

    assert read_png_payload(data) == ("openbadges", "https://example.org/assertion")
    credential = read_baked(data).credential  # type: ignore[union-attr]
    assert (credential.id, credential.verify_url, credential.recipient) == (
        "https://example.org/assertion",
        "https://example.org/assertion",
        None,
    )


def test_mozilla_bakery_js_svg_prefers_the_json_over_the_verify_url() -> None:
    data = read("mozilla-bakery-js__baked.svg")

    assert read_svg_payload(data) == (None, '{"verify":{"url":"http://example.org"}}')
    credential = read_baked(data).credential  # type: ignore[union-attr]
    assert credential.verify_url == "http://example.org"


def test_concentricsky_heart_png() -> None:
    credential = read_baked(read("concentricsky-bakery__baked_heart.png")).credential  # type: ignore[union-attr]

    assert credential.verify_url == "http://example.org/badgeinstance1"
    assert credential.badge_id == "http://example.org/badge1"
    assert credential.issued_on == date(2015, 4, 1)
    assert credential.recipient == Recipient(identity="test@example.com", type="email", hashed=False)


def test_concentricsky_example_svg_with_the_old_identity_shape() -> None:
    credential = read_baked(read("concentricsky-bakery__baked_example.svg")).credential  # type: ignore[union-attr]

    assert credential.verify_url == "https://example.org/assertion.json"
    assert credential.badge_id == "https://example.org/badge.json"
    assert credential.issued_on == date(2013, 11, 5)
    # a 40-hex-digit "sha256" (really SHA-1 length) from the old baking spec's example: read, never matched
    assert credential.recipient == Recipient(
        identity="sha256$cbb08ce07dd7345341b9358abb810d29eb790fed", type="email", hashed=True
    )


def test_rebaking_a_real_png_keeps_every_other_chunk() -> None:
    original = read("1edtech-dcpv__ob30_simple-json.png")
    payload = read_png_payload(original)[1]  # type: ignore[index]

    rebaked = bake(original, payload, version="3.0")

    others = [raw for _, raw in png_chunks(original) if raw not in badge_text_chunks(original)]
    assert [raw for _, raw in png_chunks(rebaked) if raw not in badge_text_chunks(rebaked)] == others
    assert len(badge_text_chunks(rebaked)) == 1
    assert read_baked(rebaked).credential.badge_name == "Teamwork"  # type: ignore[union-attr]


def test_rebaking_a_real_svg_keeps_its_declaration_doctype_and_drawing() -> None:
    original = read("1edtech-dcpv__ob30_simple-json.svg")
    payload = read_svg_payload(original)[1]  # type: ignore[index]

    rebaked = bake(original, payload, version="3.0")

    head = original[: original.index(b"<svg")]
    assert rebaked.startswith(head)
    assert head.startswith(b'<?xml version="1.0" encoding="utf-8"?>\r\n<!DOCTYPE svg PUBLIC')  # CRLF file
    assert b'xml:space="preserve">\r\n  <openbadges:credential><![CDATA[{' in rebaked
    drawing = original[original.index(b"  <g>") :]
    assert rebaked.endswith(drawing)
    assert rebaked.count(b"<openbadges:credential") == 1
    assert read_svg_payload(rebaked) == ("3.0", payload)
