"""Fetch hosted Open Badges JSON (an assertion, badge class or issuer) over http(s) only, bounded in time and size."""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import Any

from badgesite import __version__
from badgesite.openbadges.kinds import is_http_url
from badgesite.openbadges.untrusted_json import JsonLimitError, load_json

FETCH_TIMEOUT_SECONDS = 10
MAX_RESPONSE_BYTES = 1024 * 1024


class FetchError(Exception):
    """A hosted document that could not be fetched; the message names the URL and says why."""


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """urllib would follow a redirect to ftp:; a badge URL may only lead to another http(s) URL."""

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        if not is_http_url(newurl):
            raise FetchError(f"{req.full_url} redirects to {newurl}, which is not an http(s) URL")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_text(url: str) -> str:
    """GET `url` asking for JSON; the body as text, at most MAX_RESPONSE_BYTES, within FETCH_TIMEOUT_SECONDS."""
    if not is_http_url(url):
        raise FetchError(f"{url}: only http and https URLs are fetched")
    request = urllib.request.Request(
        url,
        headers={
            "Accept": "application/json",
            "User-Agent": f"badgesite/{__version__} (badge import)",
        },
    )
    opener = urllib.request.build_opener(_HttpOnlyRedirects)
    try:
        with opener.open(request, timeout=FETCH_TIMEOUT_SECONDS) as response:
            body = response.read(MAX_RESPONSE_BYTES + 1)
            charset = response.headers.get_content_charset() or "utf-8"
    except urllib.error.HTTPError as error:
        raise FetchError(f"{url}: the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise FetchError(f"{url}: cannot connect ({error.reason})") from None
    except TimeoutError:
        raise FetchError(f"{url}: no answer within {FETCH_TIMEOUT_SECONDS} s") from None
    except OSError as error:
        raise FetchError(f"{url}: {error}") from None
    if len(body) > MAX_RESPONSE_BYTES:
        raise FetchError(f"{url}: the answer is larger than {MAX_RESPONSE_BYTES // 1024} KiB; refused")
    try:
        return body.decode(charset)
    except (LookupError, UnicodeDecodeError):
        raise FetchError(f"{url}: the answer is not text in {charset}") from None


def fetch_json_object(url: str) -> tuple[str, dict[str, Any]]:
    """GET `url` and return its text and the JSON object it holds."""
    text = fetch_text(url)
    try:
        value = load_json(text)
    except JsonLimitError as error:
        raise FetchError(f"{url}: the answer cannot be read: it is {error}") from None
    except ValueError:
        raise FetchError(f"{url}: the answer is not JSON") from None
    if not isinstance(value, dict):
        raise FetchError(f"{url}: the answer is JSON but not an object")
    return text, value
