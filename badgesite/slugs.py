"""Slugs: lowercase ASCII words joined by hyphens, transliterated from any script ("Übung" -> "ubung")."""

from __future__ import annotations

import re

from anyascii import anyascii

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(text: str, *, max_length: int = 80) -> str:
    """Turn a title into the stable URL word the naming rules use; empty input gives `item`."""
    ascii_text = anyascii(text).lower().replace("'", "").replace("&", " and ")
    slug = _NOT_SLUG.sub("-", ascii_text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug or "item"


def is_slug(text: str) -> bool:
    """True for `aws-cloud-practitioner`, false for `AWS_Cloud` or `über`."""
    return bool(SLUG_PATTERN.match(text))
