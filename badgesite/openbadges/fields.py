"""Lenient readers for JSON values of unknown shape: a wrong shape gives None, never an exception."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from .kinds import is_http_url
from .model import Alignment, EvidenceItem, UnreadableDate

_HASHED_IDENTITY = re.compile(r"(sha256|md5)\$[0-9a-fA-F]+")
_UNIX_SECONDS = re.compile(r"\d{9,11}")
_SHOWN_CHARACTERS = 60


def text(value: object) -> str | None:
    """A non-blank string, stripped, or None."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def http_url(value: object) -> str | None:
    """An absolute http(s) URL, or None."""
    candidate = text(value)
    return candidate if is_http_url(candidate) else None


def reference(value: object) -> str | None:
    """The id of a thing given either as a string or as an object with an ``id``."""
    if isinstance(value, Mapping):
        return text(value.get("id"))
    return text(value)


def mapping(value: object) -> Mapping[str, Any] | None:
    """The value when it is a JSON object, the first object when it is a list of them, else None."""
    for item in as_list(value):
        if isinstance(item, Mapping):
            return item
    return None


def as_list(value: object) -> list[Any]:
    """JSON-LD lets one value stand for a list of one: give a list either way."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]


def types_of(value: Mapping[str, Any]) -> set[str]:
    """The ``type`` (or ``@type``) names of a JSON-LD object."""
    found = as_list(value.get("type")) + as_list(value.get("@type"))
    return {item for item in found if isinstance(item, str)}


def contexts_of(value: Mapping[str, Any]) -> list[str]:
    """The ``@context`` URLs of a JSON-LD object (inline context objects are skipped)."""
    return [item for item in as_list(value.get("@context")) if isinstance(item, str)]


def truthy(value: object) -> bool:
    """JSON true, or the string "true" that early OB 1.0 issuers wrote."""
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def looks_hashed(identity: str) -> bool:
    """True for ``sha256$hex`` / ``md5$hex``."""
    return _HASHED_IDENTITY.fullmatch(identity) is not None


def day(value: object) -> date | None:
    """The calendar day of an ISO 8601 date or datetime (as written) or of unix seconds (in UTC)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_unix(value)
    candidate = text(value)
    if candidate is None:
        return None
    if _UNIX_SECONDS.fullmatch(candidate):
        return _from_unix(int(candidate))
    try:
        return datetime.fromisoformat(candidate).date()
    except ValueError:
        pass
    if candidate[10:11] not in ("T", "t", " ") or not candidate[11:12].isdigit():
        return None
    try:  # a datetime whose time part Python cannot read (24:00, a lower-case t, " UTC"): its day still counts
        return date.fromisoformat(candidate[:10])
    except ValueError:
        return None


def first_date(*fields: tuple[str, object]) -> tuple[date | None, UnreadableDate | None]:
    """The first of the named fields that is present decides: its day, or, when it holds no date, what it holds."""
    for name, value in fields:
        if value is None:
            continue
        found = day(value)
        if found is not None:
            return found, None
        written = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        if len(written) > _SHOWN_CHARACTERS:
            written = written[: _SHOWN_CHARACTERS - 1] + "…"
        return None, UnreadableDate(field=name, written=written)
    return None, None


def _from_unix(seconds: float) -> date | None:
    try:
        return datetime.fromtimestamp(seconds, tz=UTC).date()
    except (OverflowError, OSError, ValueError):
        return None


def alignments(value: object) -> tuple[Alignment, ...]:
    """Alignment objects in the OB 2.0/3.0 (``targetName``…) or OB 1.0 (``name``…) spelling."""
    found = []
    for item in as_list(value):
        if not isinstance(item, Mapping):
            continue
        alignment = Alignment(
            name=text(item.get("targetName")) or text(item.get("name")),
            url=http_url(item.get("targetUrl")) or http_url(item.get("url")),
            code=text(item.get("targetCode")),
            framework=text(item.get("targetFramework")),
            description=text(item.get("targetDescription")) or text(item.get("description")),
        )
        if alignment != Alignment():
            found.append(alignment)
    return tuple(found)


def evidence(value: object) -> tuple[EvidenceItem, ...]:
    """Evidence given as URLs, as Evidence objects, or as a list mixing both."""
    found = []
    for item in as_list(value):
        if isinstance(item, str):
            entry = EvidenceItem(url=http_url(item))
        elif isinstance(item, Mapping):
            entry = EvidenceItem(
                name=text(item.get("name")),
                url=http_url(item.get("id")) or http_url(item.get("url")),
                narrative=text(item.get("narrative")),
                description=text(item.get("description")),
            )
        else:
            continue
        if entry != EvidenceItem():
            found.append(entry)
    return tuple(found)
