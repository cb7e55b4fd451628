"""Decode a compact JWS without verifying it, to read its header and the badge it carries."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import OpenBadgesError
from .kinds import is_compact_jws
from .untrusted_json import JsonLimitError, load_json


@dataclass(frozen=True, slots=True, kw_only=True)
class CompactJws:
    """The decoded parts of ``header.payload.signature``; nothing here has been verified."""

    header: Mapping[str, Any]
    payload: bytes


def decode_compact(token: str) -> CompactJws:
    """Split and decode a compact JWS; its header must be a JSON object."""
    token = token.strip()
    if not is_compact_jws(token):
        raise OpenBadgesError("not a compact JWS: expected three base64url parts joined by dots")
    header_part, payload_part, _ = token.split(".")
    header = _json_object(_b64url(header_part, "header"), "header")
    return CompactJws(header=header, payload=_b64url(payload_part, "payload"))


def decode_json_payload(token: str) -> tuple[Mapping[str, Any], Mapping[str, Any]]:
    """Return ``(header, payload)`` of a compact JWS whose payload is a JSON object, as every badge's is."""
    compact = decode_compact(token)
    return compact.header, _json_object(compact.payload, "payload")


def _b64url(part: str, name: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    except (binascii.Error, ValueError):
        raise OpenBadgesError(f"not a compact JWS: its {name} is not valid base64url") from None


def _json_object(data: bytes, name: str) -> Mapping[str, Any]:
    try:
        value = load_json(data.decode("utf-8"))
    except JsonLimitError as error:
        raise OpenBadgesError(f"the JWS {name} cannot be read: it is {error}") from None
    except (UnicodeDecodeError, ValueError):
        raise OpenBadgesError(f"the JWS {name} is not JSON") from None
    if not isinstance(value, dict):
        raise OpenBadgesError(f"the JWS {name} is JSON but not an object")
    return value
