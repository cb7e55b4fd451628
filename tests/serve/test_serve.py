"""`badgesite serve` for real: a subprocess on a free port, edits on disk, the browser's event stream."""

from __future__ import annotations

import http.client
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest

from tests.conftest import MINIMAL_CONFIG, REPO, write_files


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_files(
        tmp_path / "site",
        {
            "badgesite.yml": MINIMAL_CONFIG,
            "badges/aws-cloud.yml": "name: Cloud Practitioner\nissuer: AWS\nearned: 2024-05-31\n",
            "case-studies/migration.md": "---\ntitle: Moving to EKS\ndate: 2025-03-01\nbadges: [aws-cloud]\n---\n"
            "We moved the platform.\n",
        },
    )


class Server:
    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: queue.Queue[str] = queue.Queue()
        self.pump = threading.Thread(target=self._pump, daemon=True)
        self.pump.start()
        self.address = self.wait_for(r"serving (http://127\.0\.0\.1:\d+/\S*)").group(1)

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def wait_for(self, pattern: str, timeout: float = 30) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            found = re.search(pattern, line)
            if found:
                return found
        raise AssertionError(f"serve never printed {pattern!r}")

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urlopen(self.address.rstrip("/") + path, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")


def start_serve(site: Path, *arguments: str | Path) -> subprocess.Popen[str]:
    """`badgesite serve SITE --port 0 …` as a user starts it, its output read line by line."""
    return subprocess.Popen(
        [sys.executable, "-m", "badgesite", "serve", str(site), "--port", "0", *map(str, arguments)],
        cwd=REPO,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@pytest.fixture
def server(site: Path) -> Iterator[Server]:
    process = start_serve(site)
    try:
        yield Server(process)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def events(address: str) -> queue.Queue[str]:
    """Read the Server-Sent Events stream in a thread, as the injected script does."""
    received: queue.Queue[str] = queue.Queue()
    host, port = re.match(r"http://([\d.]+):(\d+)", address).groups()  # type: ignore[union-attr]

    def listen() -> None:
        connection = http.client.HTTPConnection(host, int(port), timeout=60)
        connection.request("GET", "/__badgesite/events")
        response = connection.getresponse()
        for raw in response:
            received.put(raw.decode("utf-8").strip())

    threading.Thread(target=listen, daemon=True).start()
    return received


def wait_event(received: queue.Queue[str], name: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if received.get(timeout=0.2) == f"event: {name}":
                return
        except queue.Empty:
            continue
    raise AssertionError(f"no {name} event")


def test_edit_reloads_the_browser_with_the_new_content(server: Server, site: Path) -> None:
    assert server.address.startswith("http://127.0.0.1:") and server.address.endswith("/portfolio/")
    status, page = server.get("/case-studies/migration/")
    assert status == 200 and "We moved the platform." in page
    assert "/__badgesite/events" in page, "the reload script is injected when serving"
    assert "__badgesite" not in (site / "_site" / "case-studies" / "migration" / "index.html").read_text()
    received = events(server.address)
    time.sleep(0.5)
    study = site / "case-studies" / "migration.md"
    study.write_text(study.read_text().replace("We moved the platform.", "We moved it twice."))
    wait_event(received, "reload")
    status, page = server.get("/case-studies/migration/")
    assert "We moved it twice." in page
    server.wait_for(r"rebuilt \(content\): \d+ of \d+ pages rendered, [1-9]\d* files? written")


def test_a_broken_edit_shows_the_problem_and_keeps_serving(server: Server, site: Path) -> None:
    received = events(server.address)
    time.sleep(0.5)
    badge = site / "badges" / "aws-cloud.yml"
    good = badge.read_text()
    badge.write_text(good.replace("earned: 2024-05-31", "earned: last May"))
    wait_event(received, "reload")
    server.wait_for(r'badges/aws-cloud\.yml:3:9: earned: expected a date like 2024-05-31, got "last May"')
    status, page = server.get("/badges/aws-cloud/")
    assert status == 200 and "Cloud Practitioner" in page
    assert 'id="badgesite-problems"' in page and "got &quot;last May&quot;" in page
    badge.write_text(good)
    wait_event(received, "reload")
    assert 'id="badgesite-problems"' not in server.get("/badges/aws-cloud/")[1]


def test_traversal_and_unknown_paths_get_404(server: Server, site: Path) -> None:
    (site.parent / "secret.txt").write_text("secret")
    for path in ("/../secret.txt", "/%2e%2e/%2e%2e/secret.txt", "/portfolio/../../secret.txt", "/nothing-here/"):
        connection = http.client.HTTPConnection(*re.match(r"http://([\d.]+):(\d+)", server.address).groups())  # type: ignore[union-attr]
        connection.request("GET", path if path.startswith("/portfolio") else "/portfolio" + path)
        response = connection.getresponse()
        body = response.read()
        assert response.status == 404, path
        assert b"secret" not in body


def test_ctrl_c_stops_cleanly(server: Server) -> None:
    server.process.send_signal(signal.SIGINT)
    try:
        code = server.process.wait(timeout=30)  # generous: CI machines run this beside other test processes
    except subprocess.TimeoutExpired:
        code = None
    printed = "".join(iter_lines(server))
    assert code == 0, f"serve exited with {code} after Ctrl-C; it printed:\n{printed}"
    assert re.search(r"^stopped", printed, re.MULTILINE), printed


def iter_lines(server: Server) -> Iterator[str]:
    """Everything the server printed since the last wait_for, once its output has closed."""
    server.pump.join(timeout=10)
    while not server.lines.empty():
        yield server.lines.get()


def test_an_output_folder_deleted_while_serving_is_built_again_without_an_edit(server: Server, site: Path) -> None:
    received = events(server.address)
    time.sleep(0.5)
    shutil.rmtree(site / "_site")
    server.wait_for(r"the output folder was deleted or replaced: building it again")
    wait_event(received, "reload")
    assert server.get("/case-studies/migration/")[0] == 200
    assert (site / "_site" / "theme" / "style.css").is_file()


def test_a_site_broken_from_the_start_is_not_said_to_have_a_last_good_build(site: Path) -> None:
    (site / "badges" / "aws-cloud.yml").write_text("name: [unclosed\n")
    process = start_serve(site)
    assert process.stdout is not None
    printed = ""
    for line in process.stdout:  # the problems, then the address
        printed += line
        if line.startswith("serving "):
            break
    process.send_signal(signal.SIGINT)
    printed += process.communicate(timeout=10)[0]
    assert "nothing to serve until it builds" in printed
    assert "still serving the last good build" not in printed


def test_a_config_edit_rebuilds_everything(server: Server, site: Path) -> None:
    """badgesite.yml sits beside the watched folders, not in them: it is looked at between watch steps."""
    received = events(server.address)
    time.sleep(0.5)
    config = site / "badgesite.yml"
    config.write_text(config.read_text().replace("title: ", "title: Renamed "))
    wait_event(received, "reload")
    server.wait_for(r"rebuilt \(config\): (\d+) of \1 pages rendered")
    assert "Renamed " in server.get("/case-studies/migration/")[1]


def test_a_source_folder_made_while_serving_is_watched(server: Server, site: Path) -> None:
    received = events(server.address)
    time.sleep(0.5)
    write_files(site, {"pages/about.md": "---\ntitle: About me\n---\nHello.\n"})
    wait_event(received, "reload")
    assert server.get("/about/")[0] == 200
    time.sleep(0.5)  # the watch restarts with pages/ in it
    about = site / "pages" / "about.md"
    about.write_text(about.read_text().replace("Hello.", "Hello again."))
    wait_event(received, "reload")
    assert "Hello again." in server.get("/about/")[1]


def test_the_output_and_cache_are_not_watched(tmp_path: Path) -> None:
    from badgesite.serve.watch import watched_folders

    root = write_files(tmp_path / "site", {"badgesite.yml": MINIMAL_CONFIG, "badges/a.yml": "", "assets/x.css": ""})
    (root / "_site" / "badges").mkdir(parents=True)
    (root / ".badgesite-cache").mkdir()
    themes = tmp_path / "themes"
    assert watched_folders(root, themes) == [root / "assets", root / "badges", themes]


def test_an_edit_saved_before_the_watch_starts_is_not_lost(server: Server, site: Path) -> None:
    """The watch starts just after "serving" is printed; an edit saved in between, or during the first build,
    is found by comparing the files with what the first build read."""
    study = site / "case-studies" / "migration.md"
    study.write_text(study.read_text().replace("We moved the platform.", "Saved at once."))
    page = site / "_site" / "case-studies" / "migration" / "index.html"
    deadline = time.monotonic() + 20
    while "Saved at once." not in page.read_text(encoding="utf-8"):
        assert time.monotonic() < deadline, "the edit saved right after start never reached the page"
        time.sleep(0.05)
    assert "Saved at once." in server.get("/case-studies/migration/")[1]


def test_a_rebuild_pauses_the_cycle_collector_and_always_restores_it(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """serve pauses the collector during a rebuild (its full collections cost a large site's edits a fifth of
    their time); a rebuild that fails must not leave it off, or a long session would never free a cycle."""
    import gc

    from badgesite.build import BuildOptions
    from badgesite.commands.serve_command import _rebuild
    from badgesite.live_build import LiveBuild
    from badgesite.serve.server import SiteState
    from badgesite.serve.watch import ChangeKind

    options = BuildOptions(site_root=site)
    live, state = LiveBuild(options), SiteState(options.output_folder, "/")
    seen: list[bool] = []
    rebuild = live.rebuild
    live.rebuild = lambda *arguments: (seen.append(gc.isenabled()), rebuild(*arguments))[1]  # type: ignore[method-assign]
    _rebuild(live, state, [], ChangeKind.CONFIG)
    assert gc.isenabled() and state.problems == []
    badge = site / "badges" / "aws-cloud.yml"
    badge.write_text("name: Cloud Practitioner\nissuer: AWS\nearned: 2024-13-31\n")
    _rebuild(live, state, [badge], ChangeKind.CONTENT)
    assert gc.isenabled(), "the collector stayed off after a failed rebuild"
    assert any("aws-cloud.yml" in line for line in state.problems), state.problems
    assert seen == [False, False]
    assert "still serving the last good build" in capsys.readouterr().err


def test_an_evidence_file_edited_while_serving_is_published_again(tmp_path: Path) -> None:
    """Evidence files live where the badges say (evidence/ by convention), outside the source folders."""
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": MINIMAL_CONFIG,
            "badges/aws-cloud.yml": "name: Cloud Practitioner\nissuer: AWS\nearned: 2024-05-31\n"
            "evidence:\n  - title: Report\n    file: ../evidence/report.txt\n",
            "evidence/report.txt": "first version\n",
        },
    )
    process = start_serve(site)
    server = Server(process)
    try:
        published = next((site / "_site").rglob("report.txt"))
        assert published.read_text() == "first version\n"
        time.sleep(0.5)
        (site / "evidence" / "report.txt").write_text("second version\n")
        server.wait_for(r"rebuilt \(asset\)")
        assert published.read_text() == "second version\n"
        write_files(site, {"proof/log.txt": "one\n"})  # a folder no badge named yet: not watched
        badge = site / "badges" / "aws-cloud.yml"
        badge.write_text(badge.read_text() + "  - title: Log\n    file: ../proof/log.txt\n")
        server.wait_for(r"rebuilt \(content\)")
        time.sleep(0.5)  # the watch restarts with proof/ in it
        (site / "proof" / "log.txt").write_text("two\n")
        server.wait_for(r"rebuilt \(asset\)")
        assert next((site / "_site").rglob("log.txt")).read_text() == "two\n"
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


def test_an_unexpected_error_in_a_rebuild_is_shown_and_serving_goes_on(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug met while rebuilding must not end the session: it is shown like a problem, the next edit builds."""
    from badgesite.build import BuildOptions
    from badgesite.commands.serve_command import _rebuild_now
    from badgesite.live_build import LiveBuild
    from badgesite.serve.server import SiteState
    from badgesite.serve.watch import ChangeKind

    live = LiveBuild(BuildOptions(site_root=site, output=site / "_site"))
    state = SiteState(site / "_site", "/")
    _rebuild_now(live, state, [], ChangeKind.CONFIG)
    assert state.built and state.problems == []

    def broken(*arguments: object) -> None:
        raise RuntimeError("something unforeseen")

    live.rebuild = broken  # type: ignore[method-assign]
    _rebuild_now(live, state, [site / "badges" / "aws-cloud.yml"], ChangeKind.CONTENT)
    assert state.problems[0] == "badgesite: internal error: RuntimeError: something unforeseen"
    assert "still serving the last good build" in state.problems[1]
    assert "internal error" in capsys.readouterr().err
    assert live.renderer is None  # the next rebuild starts afresh


def test_a_name_too_long_while_serving_is_said_in_one_line_not_as_a_bug(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import errno

    from badgesite.build import BuildOptions
    from badgesite.commands.serve_command import _rebuild_now
    from badgesite.live_build import LiveBuild
    from badgesite.serve.server import SiteState
    from badgesite.serve.watch import ChangeKind

    live = LiveBuild(BuildOptions(site_root=site, output=site / "_site"))
    state = SiteState(site / "_site", "/")

    def too_long(*arguments: object) -> None:
        raise OSError(errno.ENAMETOOLONG, "File name too long", "/tmp/" + "a" * 300)

    live.rebuild = too_long  # type: ignore[method-assign]
    _rebuild_now(live, state, [], ChangeKind.CONFIG)
    assert state.problems == [f"badgesite: /tmp/{'a' * 300}: File name too long", "(nothing to serve until it builds)"]
    assert "internal error" not in capsys.readouterr().err


def test_an_output_folder_that_cannot_exist_is_served_as_not_found(site: Path, tmp_path: Path) -> None:
    """serve -o with a name too long: said in one line at start; each request is a 404, not a traceback."""
    process = start_serve(site, "-o", str(tmp_path / ("a" * 300)))
    try:
        server = Server(process)
        assert server.get("/portfolio/")[0] == 404
        assert server.get("/portfolio/badges/")[0] == 404
        assert process.poll() is None
    finally:
        process.send_signal(signal.SIGINT)
        printed = process.communicate(timeout=10)[0]
    assert "Traceback" not in printed and "internal error" not in printed


def test_a_base_path_with_escapes_is_served_under_it(site: Path) -> None:
    """`/my work/ü/` is published escaped; the browser asks for it escaped, the server finds it decoded."""
    config = site / "badgesite.yml"
    config.write_text(
        re.sub(r"base_url: .*", "base_url: https://example.org/my%20work/ü/", config.read_text(encoding="utf-8"))
    )
    process = start_serve(site)
    try:
        server = Server(process)
        assert server.address.endswith("/my%20work/%C3%BC/")
        origin = server.address.split("/my%20work/")[0]
        for path in ("/", "/my%20work/%C3%BC/", "/my%20work/%C3%BC/badges", "/my%20work/%C3%BC/badges/aws-cloud/"):
            with urlopen(origin + path, timeout=10) as response:  # redirects followed, as a browser does
                assert response.status == 200, path
                assert response.url.startswith(origin + "/my%20work/%C3%BC/")
                page = response.read().decode("utf-8")
            assert 'href="/my%20work/%C3%BC/badges/"' in page
    finally:
        process.send_signal(signal.SIGINT)
        printed = process.communicate(timeout=10)[0]
    assert "Traceback" not in printed


def test_html_published_byte_for_byte_is_served_without_the_reload_script(tmp_path: Path) -> None:
    """A search engine's verification file (root/) or an HTML asset must be served as it will be published."""
    verification = b"google-site-verification: google1234.html"
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": MINIMAL_CONFIG,
            "badges/aws-cloud.yml": "name: Cloud Practitioner\nissuer: AWS\nearned: 2024-05-31\n",
            "assets/slides.html": "<!doctype html><title>Slides</title><body>Slides</body>",
        },
    )
    (site / "root").mkdir()
    (site / "root" / "google1234.html").write_bytes(verification)
    process = start_serve(site)
    try:
        server = Server(process)
        with urlopen(server.address + "google1234.html", timeout=10) as response:
            assert response.read() == verification
        assert server.get("/assets/slides.html") == (200, "<!doctype html><title>Slides</title><body>Slides</body>")
        status, page = server.get("/badges/aws-cloud/")
        assert status == 200 and "EventSource" in page
        status, page = server.get("/no-such-page/")
        assert status == 404 and "EventSource" in page
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=10)
