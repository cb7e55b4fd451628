"""The site's address, `base_url` in badgesite.yml or `--base-url`: every page URL is appended to it and it
is published in links, the sitemap and the feed, so it is checked and written one way."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from badgesite.load.documents import KeyPath
from badgesite.validate.kinds import CheckContext, Invalid, Text, check_url, shown

_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


class BaseUrl(Text):
    """`https://user.github.io/portfolio/` or a bare path such as `/` for local use."""

    type_name = "URL"

    def check(self, value: Any, key_path: KeyPath, context: CheckContext) -> str:
        return normal_base_url(super().check(value, key_path, context))


def normal_base_url(text: str) -> str:
    """The base URL ending in `/`, scheme and host in lower case; raises Invalid unless it is http(s) or a
    bare path, without query, fragment, credentials or dot segments (every page URL is appended to it and
    published in links, the sitemap and the feed). `--base-url` goes through here too."""
    if any(ch.isspace() or ord(ch) < 32 for ch in text):
        raise Invalid(f"expected an address without spaces, got {shown(text)}", "encode spaces as %20")
    if "?" in text or "#" in text:
        raise Invalid("a base URL cannot have a query (?…) or a fragment (#…)", "use the address of the site's folder")
    if _BAD_PERCENT.search(text):
        raise Invalid(f"{shown(text)} has a % that is not followed by two hexadecimal digits", "write a % sign as %25")
    origin, path = "", text
    if text.startswith("//") or not text.startswith("/"):
        parts = urlsplit(text)
        if parts.scheme.lower() not in ("http", "https"):
            raise Invalid(
                f"expected an address starting with http:// or https://, or a path starting with /, got {shown(text)}",
                "for example https://you.github.io/portfolio/, or / to build for a local preview",
            )
        check_url(text, ("http", "https"))
        if parts.username is not None or parts.password is not None:
            raise Invalid(f"{shown(text)} holds a user name or password", "they would be published in every link")
        try:
            parts.port  # noqa: B018 - reading it is the check
        except ValueError:
            raise Invalid(f"{shown(text)} has a port that is not a number from 0 to 65535") from None
        origin, path = f"{parts.scheme.lower()}://{parts.netloc.lower()}", parts.path or "/"
    if "//" in path or {".", ".."} & set(path.split("/")):
        raise Invalid(f"{shown(text)} has an empty, . or .. folder in its path", "write the folder's path plainly")
    return origin + (path if path.endswith("/") else path + "/")
