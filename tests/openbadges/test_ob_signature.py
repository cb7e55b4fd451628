"""JWS verification with RSA, EC and Ed25519 keys given as PEM or JWK, and the embedded-key trap."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

import pytest
from badge_samples import OB2_ASSERTION, OB3_CREDENTIAL, public_jwk, public_pem, sign
from joserfc.jwk import ECKey, OKPKey, RSAKey

from badgesite.openbadges import OpenBadgesError, embedded_jwk, parse_payload, verify_jws

KeyForm = str


def tamper(token: str) -> str:
    """Change the payload (the badge name) while keeping the original signature."""
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims.setdefault("badge", {})
    claims["name"] = "Forged"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{header}.{forged}.{signature}"


def key_text(key: RSAKey | ECKey | OKPKey, form: KeyForm) -> str:
    return public_pem(key) if form == "pem" else public_jwk(key)


@pytest.fixture(params=["pem", "jwk"])
def form(request: pytest.FixtureRequest) -> KeyForm:
    return request.param


def test_rsa_vc_jwt(rsa_key: RSAKey, other_rsa_key: RSAKey, form: KeyForm) -> None:
    token = sign({**OB3_CREDENTIAL, "iss": "https://example.edu"}, rsa_key, "RS256", typ="JWT")

    assert parse_payload(token).format == "vc-jwt"
    assert verify_jws(token, key_text(rsa_key, form))
    assert not verify_jws(token, key_text(other_rsa_key, form))
    assert not verify_jws(tamper(token), key_text(rsa_key, form))


def test_ec_ob2_jws(ec_key: ECKey, other_ec_key: ECKey, form: KeyForm) -> None:
    token = sign(OB2_ASSERTION, ec_key, "ES256")

    assert parse_payload(token).format == "jws"
    assert verify_jws(token, key_text(ec_key, form))
    assert not verify_jws(token, key_text(other_ec_key, form))
    assert not verify_jws(tamper(token), key_text(ec_key, form))


def test_rsa_ob2_jws_and_ec_vc_jwt(rsa_key: RSAKey, ec_key: ECKey, form: KeyForm) -> None:
    assert verify_jws(sign(OB2_ASSERTION, rsa_key, "RS256"), key_text(rsa_key, form))
    assert verify_jws(sign(OB3_CREDENTIAL, ec_key, "ES256"), key_text(ec_key, form))


@pytest.mark.parametrize("alg", ["EdDSA", "Ed25519"])
def test_ed25519(ed_key: OKPKey, rsa_key: RSAKey, alg: str, form: KeyForm) -> None:
    token = sign(OB3_CREDENTIAL, ed_key, alg)
    assert verify_jws(token, key_text(ed_key, form))
    assert not verify_jws(token, key_text(rsa_key, form))


def test_a_key_of_another_type_fails(rsa_key: RSAKey, ec_key: ECKey) -> None:
    assert not verify_jws(sign(OB2_ASSERTION, rsa_key, "RS256"), public_pem(ec_key))


def test_a_jwk_set_is_searched(rsa_key: RSAKey, other_rsa_key: RSAKey, ec_key: ECKey) -> None:
    token = sign(OB2_ASSERTION, rsa_key, "RS256")
    key_set = json.dumps({"keys": [json.loads(public_jwk(other_rsa_key)), json.loads(public_jwk(rsa_key))]})
    assert verify_jws(token, key_set)
    assert not verify_jws(token, json.dumps({"keys": [json.loads(public_jwk(ec_key))]}))


def test_an_hmac_token_is_never_accepted(rsa_key: RSAKey) -> None:
    """The classic confusion: an HS256 "signature" keyed with the issuer's public key text."""
    pem = public_pem(rsa_key)
    header = base64.urlsafe_b64encode(b'{"alg":"HS256"}').rstrip(b"=")
    payload = base64.urlsafe_b64encode(json.dumps(OB2_ASSERTION).encode()).rstrip(b"=")
    mac = hmac.new(pem.encode(), header + b"." + payload, hashlib.sha256).digest()
    forged = b".".join([header, payload, base64.urlsafe_b64encode(mac).rstrip(b"=")]).decode()
    assert not verify_jws(forged, pem)


def test_alg_none_is_never_accepted(rsa_key: RSAKey) -> None:
    token = sign(OB2_ASSERTION, rsa_key, "RS256")
    header = base64.urlsafe_b64encode(b'{"alg":"none"}').rstrip(b"=").decode()
    assert not verify_jws(f"{header}.{token.split('.')[1]}.{token.split('.')[2]}", public_pem(rsa_key))


def test_embedded_jwk_is_exposed(rsa_key: RSAKey) -> None:
    jwk = rsa_key.as_dict(private=False)
    token = sign(OB3_CREDENTIAL, rsa_key, "RS256", jwk=jwk)

    exposed = embedded_jwk(token)

    assert exposed is not None
    assert json.loads(exposed) == jwk
    assert verify_jws(token, exposed)  # self-consistent, which says nothing about the issuer


def test_no_embedded_jwk(rsa_key: RSAKey) -> None:
    assert embedded_jwk(sign(OB2_ASSERTION, rsa_key, "RS256")) is None


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("not a key", r"^the public key is neither PEM text \(-----BEGIN …\) nor JWK JSON$"),
        ("{broken", "^the public key looks like JWK JSON but does not parse$"),
        ('{"kty": "oct", "k": "c2VjcmV0"}', r"^the JWK is a symmetric \(oct\) key; an issuer's signature needs"),
        ('{"kty": "RSA", "n": "AQAB"}', "^the RSA JWK is invalid: "),
        ('{"kty": "XYZ"}', r"^the JWK has an unsupported key type 'XYZ' \(expected RSA, EC or OKP\)$"),
        ('{"keys": []}', "^the JWK Set holds no keys$"),
        ("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", "^the PEM public key cannot be read"),
    ],
)
def test_unreadable_keys_raise(rsa_key: RSAKey, key: str, message: str) -> None:
    with pytest.raises(OpenBadgesError, match=message):
        verify_jws(sign(OB2_ASSERTION, rsa_key, "RS256"), key)


def test_a_token_that_is_not_a_jws_raises(rsa_key: RSAKey) -> None:
    with pytest.raises(OpenBadgesError, match=r"^not a compact JWS: expected three base64url parts joined by dots$"):
        verify_jws("not.a token", public_pem(rsa_key))
