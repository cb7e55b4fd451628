"""Tell the three shapes of a baked payload apart: JSON, a compact JWS, or a hosted URL."""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urlsplit

PayloadKind = Literal["json", "jws", "url"]

_COMPACT_JWS = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")


def payload_kind(text: str) -> PayloadKind | None:
    """Say which shape ``text`` has, or None when it is none of the three."""
    stripped = text.strip()
    if stripped.startswith("{"):
        return "json"
    if is_compact_jws(stripped):
        return "jws"
    if is_http_url(stripped):
        return "url"
    return None


def is_compact_jws(text: str) -> bool:
    """True for ``header.payload.signature`` in base64url (the payload is never detached in a badge)."""
    return _COMPACT_JWS.fullmatch(text) is not None


def is_http_url(value: object) -> bool:
    """True for an absolute http(s) URL with a host: the only URLs a badge may point a verifier at."""
    if not isinstance(value, str) or any(character.isspace() for character in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
