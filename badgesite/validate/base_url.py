"""The site's address, `base_url` in badgesite.yml or `--base-url`: every page URL is appended to it and it
is published in links, the sitemap and the feed, so it is checked and written one way."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import SplitResult, quote, urlsplit

from badgesite.load.documents import KeyPath
from badgesite.validate.kinds import CheckContext, Invalid, Text, check_url, shown

_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_PATH_AS_WRITTEN = "/%:@!$&'()*+,;=-._~"  # RFC 3986 path characters, and escapes already made


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
        origin, path = f"{parts.scheme.lower()}://{_ascii_host(parts, text)}", parts.path or "/"
    if "//" in path or {".", ".."} & set(path.split("/")):
        raise Invalid(f"{shown(text)} has an empty, . or .. folder in its path", "write the folder's path plainly")
    path = quote(path, safe=_PATH_AS_WRITTEN)  # `/ü/` -> `/%C3%BC/`: sitemaps and feeds take URIs only
    return origin + (path if path.endswith("/") else path + "/")


class Domain(Text):
    """`badges.example.org`: the custom domain GitHub Pages serves the site on, written to CNAME as it is."""

    type_name = "domain name"

    def check(self, value: Any, key_path: KeyPath, context: CheckContext) -> str:
        text = super().check(value, key_path, context)
        parts = urlsplit("//" + text) if "/" not in text else urlsplit(text)
        host = parts.hostname or ""
        if "/" in text or any(ch.isspace() for ch in text) or parts.port is not None or "@" in text or not host:
            hint = f"the host name only: domain: {host}" if host else "for example domain: badges.example.org"
            raise Invalid(f"expected a domain name, got {shown(text)}", hint)
        return _idna(host.rstrip("."), text)


def _ascii_host(parts: SplitResult, text: str) -> str:
    """The host in lower case, an international name in its ASCII form (`bücher.example` ->
    `xn--bcher-kva.example`), as sitemaps, feeds and credentials must publish it; the port kept."""
    host = parts.hostname or ""
    if ":" in host:  # an IPv6 address, in its brackets
        return f"[{host}]" + (f":{parts.port}" if parts.port is not None else "")
    return _idna(host, text) + (f":{parts.port}" if parts.port is not None else "")


def _idna(host: str, text: str) -> str:
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        raise Invalid(
            f"{shown(text)} has a host name that is not a valid domain name",
            "each dot-separated part 1 to 63 characters long",
        ) from None
