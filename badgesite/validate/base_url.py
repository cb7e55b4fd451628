"""The site's address, `base_url` in badgesite.yml or `--base-url`: every page URL is appended to it and it
is published in links, the sitemap and the feed, so it is checked and written one way."""

from __future__ import annotations

import ipaddress
import re
from typing import Any
from urllib.parse import unquote, urlsplit

from badgesite.load.documents import KeyPath
from badgesite.validate.kinds import CheckContext, Invalid, Text, check_url, shown
from badgesite.validate.uri import escaped_path

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
        try:
            parts = urlsplit(text)
        except ValueError:  # `https://[::1/`: an unclosed bracket
            raise Invalid(f"{shown(text)} has a host that is not a name or an IP address") from None
        if parts.scheme.lower() not in ("http", "https"):
            raise Invalid(
                f"expected an address starting with http:// or https://, or a path starting with /, got {shown(text)}",
                "for example https://you.github.io/portfolio/, or / to build for a local preview",
            )
        check_url(text, ("http", "https"))
        if "@" in parts.netloc:
            raise Invalid(f"{shown(text)} holds a user name or password", "they would be published in every link")
        origin, path = f"{parts.scheme.lower()}://{_origin_host(parts.netloc, text)}", parts.path or "/"
    if "//" in path or {".", ".."} & {unquote(segment) for segment in path.split("/")}:
        raise Invalid(f"{shown(text)} has an empty, . or .. folder in its path", "write the folder's path plainly")
    path = escaped_path(path)  # sitemaps and feeds take URIs only
    return origin + (path if path.endswith("/") else path + "/")


class Domain(Text):
    """`badges.example.org`: the custom domain GitHub Pages serves the site on, written to CNAME as it is."""

    type_name = "domain name"

    def check(self, value: Any, key_path: KeyPath, context: CheckContext) -> str:
        text = super().check(value, key_path, context)
        try:
            host = urlsplit(text if "://" in text else "//" + text).hostname
        except ValueError:
            host = None
        name = _dns_name(text.rstrip(".")) if text not in (".", "..") else None
        if name is None:
            hint = (
                f"the host name only: domain: {host}"
                if host and host != text.rstrip(".").lower() and _dns_name(host)
                else "a host name such as badges.example.org: letters, digits and hyphens, parts joined by dots"
            )
            raise Invalid(f"expected a domain name, got {shown(text)}", hint)
        return name


# A host name as DNS and GitHub Pages take it, in ASCII: dot-joined labels of letters, digits and inner hyphens.
_DNS_NAME = re.compile(r"(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?")
# A host in an address, in ASCII: looser than a custom domain, so `localhost` and intranet names serve previews.
_URL_HOST = re.compile(r"(?=.{1,253}$)[a-z0-9_-]{1,63}(?:\.[a-z0-9_-]{1,63})*")
# The host part of an address: a name, an IPv4 address or a bracketed IPv6 address, then an optional port.
_NETLOC = re.compile(r"(?P<host>\[[0-9A-Fa-f:.]+\]|[^\[\]@:/]+)(?::(?P<port>[0-9]*))?")


def _dns_name(text: str, pattern: re.Pattern[str] = _DNS_NAME) -> str | None:
    """`Bücher.Example` -> `xn--bcher-kva.example`, or None when it is no host name (for a custom domain, an
    IP address is none either: its last label is a number)."""
    try:
        ascii_name = text.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    return ascii_name if pattern.fullmatch(ascii_name) else None


def _origin_host(netloc: str, text: str) -> str:
    """The host of a base URL in lower case, an international name in its ASCII form (`bücher.example` ->
    `xn--bcher-kva.example`), as sitemaps, feeds and credentials must publish it; the port kept when given.
    Anything else after the `//` (`[::1]x`, `[v1.x]`, a port of letters) is refused, never dropped."""
    found = _NETLOC.fullmatch(netloc)
    if found is None:
        raise Invalid(f"{shown(text)} has a host that is not a name or an IP address")
    host, port = found.group("host"), found.group("port")
    if port is not None and port != "" and not 0 < int(port) <= 65535:
        raise Invalid(f"{shown(text)} has a port that is not a number from 1 to 65535")
    if host.startswith("["):
        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            raise Invalid(f"{shown(text)} has a host that is not a name or an IP address") from None
        ascii_host = host.lower()
    else:
        ascii_host = _ip_v4(host) or _dns_name(host.rstrip("."), _URL_HOST) or ""
        if not ascii_host:
            raise Invalid(
                f"{shown(text)} has a host name that is not a valid domain name",
                "letters, digits and hyphens, each dot-separated part 1 to 63 characters long",
            )
    return ascii_host + (f":{int(port)}" if port else "")


def _ip_v4(host: str) -> str | None:
    try:
        return str(ipaddress.IPv4Address(host))
    except ValueError:
        return None
