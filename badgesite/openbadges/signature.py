"""Check a JWS (OB 2.0 signed assertion or OB 3.0 VC-JWT) against an issuer's public key."""

from __future__ import annotations

import json
import warnings
from collections.abc import Mapping

from joserfc import jws
from joserfc.errors import JoseError, SecurityWarning
from joserfc.jwk import ECKey, OKPKey, RSAKey
from joserfc.jws import JWSRegistry

from .errors import OpenBadgesError
from .jws import decode_compact
from .limits import MAX_PAYLOAD_BYTES
from .untrusted_json import JsonLimitError, load_json

PublicKey = RSAKey | ECKey | OKPKey

#: Asymmetric algorithms only: an HMAC "signature" checked with a public key is the classic forgery.
ALLOWED_ALGORITHMS = (
    "RS256",
    "RS384",
    "RS512",
    "PS256",
    "PS384",
    "PS512",
    "ES256",
    "ES384",
    "ES512",
    "EdDSA",
    "Ed25519",
)


class _BadgeJwsRegistry(JWSRegistry):
    """joserfc's defaults reject a 512-byte header, yet VC-JWTs carry a whole RSA key (``jwk``) in theirs."""

    max_header_length = 16 * 1024
    max_payload_length = MAX_PAYLOAD_BYTES * 4 // 3 + 4
    max_signature_length = 4 * 1024


def verify_jws(token: str, key: str) -> bool:
    """True when ``token``'s signature verifies with ``key`` (PEM text, or JWK / JWK Set JSON text).

    False for a wrong key, a tampered token, or a non-asymmetric ``alg``; OpenBadgesError when the key
    or the token cannot be read at all.
    """
    decode_compact(token)
    candidates = load_public_keys(key)
    registry = _BadgeJwsRegistry(algorithms=ALLOWED_ALGORITHMS, strict_check_header=False)
    for candidate in candidates:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SecurityWarning)  # joserfc flags "EdDSA" as superseded, not broken
            try:
                jws.deserialize_compact(token.strip(), candidate, registry=registry)
            except (JoseError, ValueError, TypeError, KeyError):
                continue
        return True
    return False


def embedded_jwk(token: str) -> str | None:
    """The ``jwk`` a token carries in its own header, as JSON text; it proves nothing about the issuer."""
    header = decode_compact(token).header
    key = header.get("jwk")
    return json.dumps(key, sort_keys=True) if isinstance(key, Mapping) else None


def load_public_keys(key: str) -> list[PublicKey]:
    """Read PEM or JWK JSON text (one key or a ``{"keys": [...]}`` set) into joserfc keys."""
    stripped = key.strip()
    if stripped.startswith("{"):
        try:
            data = load_json(stripped)
        except JsonLimitError as error:
            raise OpenBadgesError(f"the public key cannot be read: it is {error}") from None
        except ValueError:
            raise OpenBadgesError("the public key looks like JWK JSON but does not parse") from None
        members = data.get("keys") if isinstance(data, dict) and "keys" in data else [data]
        if not isinstance(members, list) or not members:
            raise OpenBadgesError("the JWK Set holds no keys")
        return [_jwk(member) for member in members]
    if stripped.startswith("-----BEGIN"):
        return [_pem(stripped)]
    raise OpenBadgesError("the public key is neither PEM text (-----BEGIN …) nor JWK JSON")


def _jwk(member: object) -> PublicKey:
    if not isinstance(member, dict):
        raise OpenBadgesError("the JWK is not a JSON object")
    kind = member.get("kty")
    classes: dict[object, type[PublicKey]] = {"RSA": RSAKey, "EC": ECKey, "OKP": OKPKey}
    if kind == "oct":
        raise OpenBadgesError("the JWK is a symmetric (oct) key; an issuer's signature needs a public key")
    if kind not in classes:
        raise OpenBadgesError(f"the JWK has an unsupported key type {kind!r} (expected RSA, EC or OKP)")
    try:
        return classes[kind].import_key(member)
    except (JoseError, ValueError, TypeError) as error:
        raise OpenBadgesError(f"the {kind} JWK is invalid: {error}") from None


def _pem(pem: str) -> PublicKey:
    for key_class in (RSAKey, ECKey, OKPKey):
        try:
            return key_class.import_key(pem.encode("ascii", "replace"))
        except JoseError:
            continue  # a valid PEM key of another type
        except (ValueError, TypeError):
            break
    raise OpenBadgesError("the PEM public key cannot be read (expected an RSA, EC or Ed25519 key)")
