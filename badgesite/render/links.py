"""Links under the base path: one object turns site-relative paths into URLs for every template and file."""

from __future__ import annotations

from typing import Any


class Urls:
    """Turns site-relative paths (or model objects with `.page`) into links under the base path."""

    def __init__(self, base_path: str, absolute_base: str | None) -> None:
        self.base_path = base_path
        self.absolute_base = absolute_base

    def __call__(self, target: Any = "") -> str:
        path = target if isinstance(target, str) else target.page
        return self.base_path + path.lstrip("/")

    def absolute(self, target: Any = "") -> str:
        """An absolute URL when base_url is absolute; the root-relative one otherwise."""
        path = target if isinstance(target, str) else target.page
        return (self.absolute_base or self.base_path) + path.lstrip("/")
