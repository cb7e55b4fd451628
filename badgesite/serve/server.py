"""A small HTTP server for the built site: base-path aware, traversal-proof, with Server-Sent Events for reload.

The reload script and the problem banner are injected into HTML responses only here, never into built files.
"""

from __future__ import annotations

import html
import mimetypes
import threading
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

EVENTS_PATH = "/__badgesite/events"
RELOAD_SCRIPT = (
    "<script>(()=>{const s=new EventSource('" + EVENTS_PATH + "');"
    "s.addEventListener('reload',()=>location.reload());})();</script>"
)
EXTRA_TYPES = {
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".json": "application/json",
    ".jws": "application/jose",
    ".webmanifest": "application/manifest+json",
    ".md": "text/markdown",
    ".csv": "text/csv",
    ".txt": "text/plain",
}


class SiteState:
    """What the server shows: the output folder, the build generation, and the current problems (if any)."""

    def __init__(self, output: Path, base_path: str) -> None:
        self.output = output.resolve()
        self.base_path = base_path
        self.generation = 0
        self.problems: list[str] = []
        self.built = False  # a build has succeeded: there is a last good site to show
        self.warnings: tuple[object, ...] = ()  # the build warnings printed last, so an edit does not repeat them
        # The files the build rendered (`badges/x/index.html`): the reload script goes into these only, never
        # into HTML published byte for byte (root/, assets/, evidence). None: not known yet, every HTML file.
        self.pages: frozenset[str] | None = None
        self.changed = threading.Condition()

    def moved_on(self, generation: int) -> bool:
        """True once a rebuild newer than `generation` has finished."""
        return self.generation != generation

    def publish(
        self, *, problems: list[str] | None = None, base_path: str | None = None, pages: frozenset[str] | None = None
    ) -> None:
        """Record a finished rebuild (or its problems) and wake every waiting browser."""
        with self.changed:
            self.problems = list(problems or [])
            if base_path is not None:
                self.base_path = base_path
            if pages is not None:
                self.pages = pages
            self.generation += 1
            self.changed.notify_all()


def make_server(state: SiteState, host: str, port: int) -> ThreadingHTTPServer:
    """Bind the server; port 0 picks a free port."""

    class Handler(SiteRequestHandler):
        site = state

    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    return server


class SiteRequestHandler(BaseHTTPRequestHandler):
    site: SiteState
    server_version = "badgesite"

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def do_GET(self) -> None:
        if urlsplit(self.path).path == EVENTS_PATH:
            self._events()
        else:
            self._serve(send_body=True)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = self.site.generation
        try:
            self.wfile.write(b": connected\n\n")
            self.wfile.flush()
            while True:
                with self.site.changed:
                    self.site.changed.wait_for(partial(self.site.moved_on, seen), timeout=15)
                    current = self.site.generation
                message = b": keep-alive\n\n" if current == seen else f"event: reload\ndata: {current}\n\n".encode()
                seen = current
                self.wfile.write(message)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            return

    def _serve(self, *, send_body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        base = unquote(self.site.base_path)  # `/my%20work/` is asked for as `/my work/` once decoded
        if not path.startswith(base):
            if path in ("/", base.rstrip("/")):
                self._redirect(self.site.base_path)
            else:
                self._not_found(send_body)
            return
        target = self._resolve(path[len(base) :])
        if target is None:
            self._not_found(send_body)
            return
        try:
            folder, found = target.is_dir(), (target / "index.html" if target.is_dir() else target).is_file()
        except OSError:  # a name longer than the system takes, an output folder it may not read
            folder = found = False
        if folder:
            if not path.endswith("/"):
                self._redirect(quote(path) + "/")  # a header is ASCII: the path as it was escaped
                return
            target = target / "index.html"
        if not found:
            self._not_found(send_body)
            return
        self._send_file(target, HTTPStatus.OK, send_body)

    def _resolve(self, relative: str) -> Path | None:
        """The file for a URL path, or None when it would leave the output folder."""
        if "\x00" in relative or "\\" in relative:
            return None
        candidate = (self.site.output / relative.lstrip("/")).resolve()
        if candidate != self.site.output and not candidate.is_relative_to(self.site.output):
            return None
        return candidate

    def _send_file(self, target: Path, status: HTTPStatus, send_body: bool) -> None:
        try:
            body = target.read_bytes()
        except OSError:
            body, status = b"not found", HTTPStatus.NOT_FOUND
        content_type = EXTRA_TYPES.get(target.suffix.lower()) or mimetypes.guess_type(target.name)[0]
        content_type = content_type or "application/octet-stream"
        if content_type == "text/html" and self._rendered(target):
            body = self._inject(body)
        if content_type.startswith("text/") or content_type.endswith(("json", "xml")):
            content_type += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _rendered(self, target: Path) -> bool:
        pages = self.site.pages
        if pages is None:
            return True
        try:
            return target.relative_to(self.site.output).as_posix() in pages
        except ValueError:
            return False

    def _inject(self, body: bytes) -> bytes:
        banner = problem_banner(self.site.problems, built=self.site.built)
        addition = (banner + RELOAD_SCRIPT).encode("utf-8")
        index = body.rfind(b"</body>")
        return body[:index] + addition + body[index:] if index >= 0 else body + addition

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.FOUND)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _not_found(self, send_body: bool) -> None:
        page = self._resolve("404.html")
        try:
            usable = page is not None and page.is_file()
        except OSError:
            usable = False
        if page is not None and usable:
            self._send_file(page, HTTPStatus.NOT_FOUND, send_body)
            return
        body = self._inject(b"<!doctype html><title>Not found</title><h1>Not found</h1></body>")
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)


def problem_banner(problems: list[str], *, built: bool = True) -> str:
    """A fixed overlay listing the build's problems; the page under it is the last good build, if any."""
    if not problems:
        return ""
    items = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in problems)
    title = "The last edit broke the build; showing the last good site." if built else "The site does not build yet."
    return (
        '<div id="badgesite-problems" role="alert" style="position:fixed;inset:auto 0 0 0;max-height:50vh;'
        "overflow:auto;background:#fff3f3;color:#5c0000;border-top:4px solid #c00;padding:1rem;z-index:99999;"
        f'font:14px/1.4 ui-monospace,monospace"><strong>{title}</strong><ul>{items}</ul></div>'
    )
