"""Links as the files that publish them need them: ASCII URIs. Feeds, sitemaps, JSON-LD and JSON Resume take
URIs, not IRIs, so a link written `https://blog.bücher.example/ü/` is kept as `https://blog.xn--bcher-kva.
example/%C3%BC/`; a browser shows both alike. What is ASCII already is left exactly as written."""

from __future__ import annotations

from urllib.parse import SplitResult, quote, urlsplit, urlunsplit

_URI_CHARACTERS = "!#$%&'()*+,-./:;=?@[]_~"  # RFC 3986's reserved and unreserved marks: never escaped again
_PATH_CHARACTERS = "/%:@!$&'()*+,;=-._~"  # what a path may hold as it is, escapes already made among them


def escaped_path(path: str) -> str:
    """`/ü/` -> `/%C3%BC/`: a path's characters outside RFC 3986's path set escaped, its escapes kept."""
    return quote(path, safe=_PATH_CHARACTERS)


def ascii_uri(url: str) -> str:
    """The URL with an international host in its xn-- form and every other character outside ASCII
    %-escaped as UTF-8."""
    if url.isascii():
        return url
    parts = urlsplit(url)
    return urlunsplit(
        SplitResult(
            scheme=parts.scheme,
            netloc=_ascii_netloc(parts.netloc),
            path=escaped_path(parts.path),
            query=quote(parts.query, safe=_URI_CHARACTERS),
            fragment=quote(parts.fragment, safe=_URI_CHARACTERS),
        )
    )


def _ascii_netloc(netloc: str) -> str:
    userinfo, at, host_port = netloc.rpartition("@")
    host, colon, port = host_port.partition(":") if not host_port.startswith("[") else (host_port, "", "")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        host = quote(host, safe=_URI_CHARACTERS)  # not a name IDNA takes: escaped, still ASCII
    return quote(userinfo, safe=_URI_CHARACTERS) + at + host + colon + port
