"""`--external`: do the evidence, criteria, rubric and verify links still answer? One request per URL, 8 at a time."""

from __future__ import annotations

import http.client
import socket
import ssl
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from badgesite import __version__
from badgesite.audit.context import AuditContext
from badgesite.audit.findings import finding
from badgesite.load.documents import Document, KeyPath
from badgesite.problems import Problem

USER_AGENT = f"badgesite/{__version__} (portfolio link check)"
TIMEOUT_SECONDS = 5.0
WORKERS = 8
HEAD_REFUSED = frozenset({400, 403, 405, 501})  # servers that answer HEAD badly get one GET instead
URL_FIELDS = ("criteria_url", "rubric_url", "verify_url")


@dataclass(frozen=True, slots=True)
class Failure:
    """Why a URL failed: `broken` (the server answered with an error) or `unreachable` (no answer)."""

    kind: str
    reason: str


@dataclass(frozen=True, slots=True)
class UrlUse:
    url: str
    document: Document
    key_path: KeyPath


def url_uses(context: AuditContext) -> list[UrlUse]:
    """Every http(s) URL a published badge names, with where it is written."""
    uses = []
    for item in context.published_badges():
        values = item.values
        written: list[tuple[KeyPath, str | None]] = [
            (("evidence", index, "url"), evidence["url"]) for index, evidence in enumerate(values["evidence"])
        ]
        written += [((key,), values[key]) for key in URL_FIELDS]
        for key_path, url in written:
            if url and urlsplit(url).scheme.lower() in ("http", "https"):
                uses.append(UrlUse(url, item.document, key_path))
    return uses


def probe(url: str, *, timeout: float = TIMEOUT_SECONDS) -> Failure | None:
    """HEAD, then GET if the server refuses HEAD; None when the URL answers below 400."""
    try:
        status = _status(url, "HEAD", timeout)
        if status in HEAD_REFUSED:
            status = _status(url, "GET", timeout)
    except TimeoutError:
        return Failure("unreachable", f"no answer within {timeout:g} s")
    except urllib.error.URLError as error:
        return Failure("unreachable", _reason(error.reason, timeout))
    except (OSError, http.client.HTTPException, ValueError) as error:
        return Failure("unreachable", str(error) or type(error).__name__)
    if status >= 400:
        return Failure("broken", f"HTTP {status} {http.client.responses.get(status, '')}".rstrip())
    return None


def _status(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        error.close()
        return error.code


def _reason(reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return "host not found"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error: {reason.reason or reason}"
    return str(reason)


def check_urls(urls: list[str], *, timeout: float = TIMEOUT_SECONDS, workers: int = WORKERS) -> dict[str, Failure]:
    """Probe each distinct URL once, concurrently; the failures by URL."""
    distinct = sorted(set(urls))
    if not distinct:
        return {}
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="badgesite-link") as pool:
        results = pool.map(lambda url: probe(url, timeout=timeout), distinct)
        return {url: failure for url, failure in zip(distinct, results, strict=True) if failure is not None}


def find(context: AuditContext, *, timeout: float = TIMEOUT_SECONDS) -> Iterator[Problem]:
    uses = url_uses(context)
    failures = check_urls([use.url for use in uses], timeout=timeout)
    for use in uses:
        failure = failures.get(use.url)
        if failure is None:
            continue
        if failure.kind == "broken":
            hint = "fix the address, or link an archived copy from web.archive.org"
        else:
            hint = "check the address; if the site is down only for now, run the check again later"
        yield finding(use.document, use.key_path, f"link {use.url} is {failure.kind}: {failure.reason}", hint)
