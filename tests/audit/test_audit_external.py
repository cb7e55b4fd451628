"""`--external` against a local server on 127.0.0.1: HEAD first, GET when HEAD is refused, one probe per URL."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from badgesite.audit import AuditOptions
from badgesite.audit.external import USER_AGENT, check_urls, probe
from tests.audit.helpers import audit
from tests.conftest import TODAY, run_cli, write_files

NO_PROXY = {"NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}


class Handler(BaseHTTPRequestHandler):
    """/ok answers 200, /gone 404, /broken 500, /no-head refuses HEAD but answers GET, /slow answers late."""

    requests: ClassVar[list[tuple[str, str, str]]] = []

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_GET(self) -> None:
        self._answer(head=False)

    def _answer(self, *, head: bool) -> None:
        self.requests.append((self.command, self.path, self.headers.get("User-Agent", "")))
        if self.path == "/slow":
            time.sleep(1.0)
        status = {"/ok": 200, "/gone": 404, "/broken": 500, "/slow": 200}.get(self.path, 404)
        if self.path == "/no-head":
            status = 405 if head else 200
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name, value in NO_PROXY.items():
        monkeypatch.setenv(name, value)
    Handler.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_probe_answers(server: str) -> None:
    assert probe(f"{server}/ok") is None
    assert probe(f"{server}/no-head") is None
    gone = probe(f"{server}/gone")
    assert gone is not None and (gone.kind, gone.reason) == ("broken", "HTTP 404 Not Found")
    broken = probe(f"{server}/broken")
    assert broken is not None and broken.reason == "HTTP 500 Internal Server Error"
    slow = probe(f"{server}/slow", timeout=0.2)
    assert slow is not None and (slow.kind, slow.reason) == ("unreachable", "no answer within 0.2 s")
    assert [(method, path) for method, path, _ in Handler.requests] == [
        ("HEAD", "/ok"),
        ("HEAD", "/no-head"),
        ("GET", "/no-head"),
        ("HEAD", "/gone"),
        ("HEAD", "/broken"),
        ("HEAD", "/slow"),
    ]
    assert {agent for _, _, agent in Handler.requests} == {USER_AGENT}
    assert USER_AGENT.startswith("badgesite/")


def test_refused_connection_is_unreachable() -> None:
    failure = check_urls(["http://127.0.0.1:9/"], timeout=1)["http://127.0.0.1:9/"]
    assert (failure.kind, failure.reason) == ("unreachable", "connection refused")


def test_each_url_is_probed_once_and_reported_where_it_is_written(server: str, tmp_path: Path) -> None:
    files = {
        "badges/a.yml": f"name: A\nissuer: I\nearned: 2025-01-01\nreviewed: 2026-11-01\n"
        f"criteria_url: {server}/ok\nverify_url: {server}/gone\n"
        f"evidence:\n  - title: Report\n    url: {server}/gone\n  - title: Talk\n    url: {server}/no-head\n",
        "badges/b.yml": f"name: B\nissuer: I\nearned: 2025-01-01\nreviewed: 2026-11-01\n"
        f"rubric_url: {server}/ok\n"
        f"evidence: [{{title: X, url: '{server}/broken'}}, {{title: Y, url: 'mailto:a@b.c'}}]\n",
    }
    assert audit(tmp_path / "offline", files) == (), "without --external nothing is fetched"
    assert Handler.requests == []
    found = [p.format() for p in audit(tmp_path / "online", files, options=AuditOptions(external=True))]
    hint = "fix the address, or link an archived copy from web.archive.org"
    assert found == [
        f"badges/a.yml:6:13: warning: verify_url: link {server}/gone is broken: HTTP 404 Not Found ({hint})",
        f"badges/a.yml:9:10: warning: evidence[0].url: link {server}/gone is broken: HTTP 404 Not Found ({hint})",
        f"badges/b.yml:6:28: warning: evidence[0].url: link {server}/broken is broken: HTTP 500 Internal Server Error "
        f"({hint})",
    ]
    paths = sorted((method, path) for method, path, _ in Handler.requests)
    assert paths == [
        ("GET", "/no-head"),
        ("HEAD", "/broken"),
        ("HEAD", "/gone"),
        ("HEAD", "/no-head"),
        ("HEAD", "/ok"),
    ], "one probe per distinct URL, however often it is written"


def test_check_external_from_the_command_line(server: str, tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": "title: T\nowner: {name: A}\n",
            "badges/a.yml": f"name: A\nissuer: I\nearned: 2025-01-01\nreviewed: 2026-11-01\n"
            f"evidence: [{{title: Report, url: '{server}/gone'}}]\ncriteria_url: {server}/ok\n",
        },
    )
    offline = run_cli("check", site, "--today", TODAY, env=NO_PROXY)
    assert offline.returncode == 0 and offline.stdout == "no problems found in 1 badge and 0 case studies\n"
    online = run_cli("check", site, "--today", TODAY, "--external", env=NO_PROXY)
    assert online.returncode == 0, "broken external links are warnings"
    assert online.stdout.splitlines() == [
        f"badges/a.yml:5:33: warning: evidence[0].url: link {server}/gone is broken: HTTP 404 Not Found "
        "(fix the address, or link an archived copy from web.archive.org)",
        "1 warning in 1 file",
    ]
    assert run_cli("check", site, "--today", TODAY, "--external", "--strict", env=NO_PROXY).returncode == 1
