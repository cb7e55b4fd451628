"""Links under the base path: one object turns site-relative paths into URLs for every template and file."""

from __future__ import annotations

import re
from typing import Any


class Urls:
    """Turns site-relative paths (or model objects with `.page`) into links under the base path."""

    def __init__(self, base_path: str, absolute_base: str | None) -> None:
        self.base_path = base_path
        self.absolute_base = absolute_base

    def __call__(self, target: Any = "") -> str:
        path = target if isinstance(target, str) else target.page
        if _whole_address(path):  # `{{ badge.verify_url|url }}`
            return path
        return self.base_path + path.lstrip("/")

    def absolute(self, target: Any = "") -> str:
        """An absolute URL when base_url is absolute; the root-relative one otherwise."""
        path = target if isinstance(target, str) else target.page
        if _whole_address(path):
            return path
        return (self.absolute_base or self.base_path) + path.lstrip("/")


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def _whole_address(path: str) -> bool:
    """An address of its own (https://…, mailto:…, //host/…) rather than a path in the site. Asked twenty
    times a page: the pattern is tried only on the few paths holding a colon."""
    return path.startswith("//") or (":" in path and _SCHEME.match(path) is not None)
