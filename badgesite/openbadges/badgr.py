"""Badgr's API answers, which people download from Badgr and take for assertions: recognised, so that the
message can say what they are and where each assertion is."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import fields

_LISTED_URLS = 3


def badgr_problem(value: Mapping[str, Any]) -> str | None:
    """What a Badgr API v2 response or assertion record is and where its assertions are; None for anything else."""
    if "status" in value and isinstance(value.get("result"), list):
        entries = [entry for entry in value["result"] if isinstance(entry, Mapping)]
        urls = [url for url in (fields.http_url(entry.get("openBadgeId")) for entry in entries) if url]
        count = f"{len(entries)} record{'' if len(entries) == 1 else 's'}"
        text = f"it is a Badgr API export holding {count}, not one assertion: read its assertions one by one"
        if urls:
            shown = ", ".join(urls[:_LISTED_URLS]) + (", …" if len(urls) > _LISTED_URLS else "")
            text += f", each from a file holding the URL of the hosted assertion (each record's openBadgeId: {shown})"
        return text
    if fields.text(value.get("entityType")) == "Assertion" and "openBadgeId" in value:
        url = fields.http_url(value.get("openBadgeId"))
        where = f": the assertion itself is hosted at {url}" if url else ""
        return f"it is a Badgr API assertion record, not the Open Badges assertion{where}"
    return None
