"""Recognise what a baked payload is (assertion, credential, JWS, VC-JWT or URL) and read it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .badgr import badgr_problem
from .errors import OpenBadgesError
from .jws import decode_json_payload
from .kinds import payload_kind
from .limits import MAX_PAYLOAD_BYTES, describe_size
from .model import Credential, Version
from .ob2 import assertion_problem, credential_from_assertion
from .ob3 import credential_from_vc, is_verifiable_credential, open_badge_problem
from .untrusted_json import JsonLimitError, load_json

_VC_JWT_TYPES = ("vc+jwt", "vc+ld+jwt", "application/vc+jwt")


def parse_payload(text: str, *, version_hint: Version | None = None) -> Credential:
    """Read a payload leniently; only text that is no badge payload at all raises OpenBadgesError.

    ``version_hint`` comes from the container (OB 3.0 keyword or element, legacy tEXt chunk) and is
    used only for a bare URL, whose version the payload itself cannot tell.
    """
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_PAYLOAD_BYTES:
        raise OpenBadgesError(
            f"payload is {describe_size(size)}, over the {describe_size(MAX_PAYLOAD_BYTES)} limit for a badge payload"
        )
    raw = text.strip().lstrip("\ufeff").strip()
    kind = payload_kind(raw)
    if kind == "json":
        return _from_json(raw)
    if kind == "jws":
        return _from_jws(raw)
    if kind == "url":
        return Credential(version=version_hint, format="url", raw=raw, id=raw, verify_url=raw)
    if not raw:
        raise OpenBadgesError("payload is empty")
    scheme, colon, _ = raw.partition(":")
    if colon and scheme.isalpha() and " " not in raw:
        raise OpenBadgesError(
            f"payload is a {scheme}: address; only http and https URLs can point at a hosted assertion"
        )
    raise OpenBadgesError("payload is not an Open Badge: expected JSON, a compact JWS or an http(s) URL")


def _from_json(raw: str) -> Credential:
    try:
        value = load_json(raw)
    except JsonLimitError as error:
        raise OpenBadgesError(f"payload cannot be read: it is {error}") from None
    except ValueError as error:
        raise OpenBadgesError(f"payload looks like JSON but does not parse: {error}") from None
    if not isinstance(value, dict):
        raise OpenBadgesError("payload is JSON but not an object")
    if isinstance(value.get("vc"), Mapping):  # the claims of a VC-JWT, pasted without their signature
        _refuse(open_badge_problem(value["vc"]))
        return credential_from_vc(value["vc"], format="json", raw=raw, claims=value)
    if is_verifiable_credential(value):
        _refuse(open_badge_problem(value))
        return credential_from_vc(value, format="json", raw=raw)
    _refuse(badgr_problem(value) or assertion_problem(value))
    return credential_from_assertion(value, format="json", raw=raw)


def _from_jws(raw: str) -> Credential:
    header, claims = decode_json_payload(raw)
    vc = claims.get("vc")
    if isinstance(vc, Mapping):  # VC 1.1 JWT encoding: the credential sits under the "vc" claim
        _refuse(open_badge_problem(vc))
        return credential_from_vc(vc, format="vc-jwt", raw=raw, claims=claims, jws_header=header)
    if is_verifiable_credential(claims) or _typ(header) in _VC_JWT_TYPES:
        _refuse(open_badge_problem(claims))
        return credential_from_vc(claims, format="vc-jwt", raw=raw, claims=claims, jws_header=header)
    _refuse(assertion_problem(claims), what="payload is a JWS, but its claims are")
    return credential_from_assertion(claims, format="jws", raw=raw, jws_header=header)


def _refuse(problem: str | None, *, what: str = "payload is JSON, but") -> None:
    """Raise for JSON that is no Open Badge, so it is never read as one made of stand-ins."""
    if problem is not None:
        raise OpenBadgesError(f"{what} not an Open Badges assertion or credential: {problem}")


def _typ(header: Mapping[str, Any]) -> str:
    value = header.get("typ")
    return value.lower() if isinstance(value, str) else ""
