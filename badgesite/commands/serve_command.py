"""`badgesite serve`: build, serve on 127.0.0.1, rebuild on change and reload the browser."""

from __future__ import annotations

import argparse
import gc
import signal
import sys
import threading
import webbrowser
from collections.abc import Callable
from http.server import ThreadingHTTPServer
from pathlib import Path
from types import FrameType

import watchfiles
from watchfiles import Change

from badgesite.audit.findings import plural
from badgesite.build import BuildOptions
from badgesite.cli import (
    DISK_FULL,
    EXIT_OK,
    EXIT_USAGE,
    NOT_ALLOWED,
    add_command,
    default_today,
    iso_date,
    not_allowed_line,
    site_folder,
)
from badgesite.live_build import LiveBuild
from badgesite.load.site_folder import CACHE_DIR, CONFIG_NAME
from badgesite.problems import SiteError, summary
from badgesite.render.theme import bundled_themes_dir
from badgesite.serve.server import SiteState, make_server
from badgesite.serve.watch import (
    ChangeKind,
    Signatures,
    SiteFilter,
    changed_since,
    classify,
    source_signatures,
    top_level,
    watched_folders,
)

DEBOUNCE_MS = 40
TOP_LEVEL_POLL_MS = 250  # how often badgesite.yml and the set of source folders are looked at
SHUTDOWN_SECONDS = 3


def register(commands: argparse._SubParsersAction) -> None:
    command = add_command(
        commands,
        "serve",
        help="build, serve on 127.0.0.1 and rebuild on every change",
        description="Build the site, serve it on http://127.0.0.1:PORT/ under the configured base path, watch the "
        "site folder and the theme, rebuild on change and reload open browser tabs. When an edit breaks "
        "the build, the problems show in the terminal and in the browser while the last good site stays "
        "served. Ctrl-C stops (once a rebuild in progress ends; a second Ctrl-C stops at once).",
        example="badgesite serve my-portfolio --port 8000 --open",
        handler=run,
    )
    command.add_argument("site", nargs="?", type=site_folder, default=Path("."), help="the site folder")
    command.add_argument(
        "--port", type=port_number, default=8000, help="port to listen on (default 8000; 0 picks a free one)"
    )
    command.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: only this computer can connect)"
    )
    command.add_argument("-o", "--output", type=Path, help="output folder (default: SITE/_site)")
    command.add_argument("--drafts", action="store_true", help="include drafts")
    command.add_argument(
        "--today",
        metavar="DATE",
        type=iso_date,
        default=None,
        help="the date expiry marks and checks use, YYYY-MM-DD (default: today, or SOURCE_DATE_EPOCH)",
    )
    command.add_argument("--open", action="store_true", help="open the site in the default browser")


def port_number(text: str) -> int:
    """argparse type for --port: checked before the first build, not after it."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f'expected a port number from 0 to 65535, got "{text}"')
    return port


def run(arguments: argparse.Namespace) -> int:
    site_root: Path = arguments.site
    today = arguments.today or default_today()
    options = BuildOptions(site_root=site_root, output=arguments.output, drafts=arguments.drafts, today=today)
    state = SiteState(options.output_folder, "/")
    live = LiveBuild(options)
    before_build = source_signatures(site_root)
    _rebuild(live, state, [], ChangeKind.CONFIG)
    try:
        server = make_server(state, arguments.host, arguments.port)
    except OSError as error:
        print(f"badgesite: cannot listen on {arguments.host}:{arguments.port}: {error.strerror}", file=sys.stderr)
        return EXIT_USAGE
    host, port = str(server.server_address[0]), server.server_address[1]
    address = f"http://{host}:{port}{state.base_path}"
    stop = threading.Event()
    threading.Thread(target=server.serve_forever, name="badgesite-http", daemon=True).start()
    previous_handler = signal.signal(signal.SIGINT, _interrupt_handler(stop))
    try:
        if arguments.host not in ("127.0.0.1", "localhost", "::1"):
            print(f"warning: listening on {arguments.host}: other computers can see your drafts", file=sys.stderr)
        print(f"serving {address} — watching {site_root} (Ctrl-C to stop)", flush=True)
        if arguments.open:
            webbrowser.open(address)
        _watch(live, state, stop, before_build)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        _stop_serving(server)
        signal.signal(signal.SIGINT, previous_handler)
    print("stopped", flush=True)
    return EXIT_OK


def _interrupt_handler(stop: threading.Event) -> Callable[[int, FrameType | None], None]:
    """Ctrl-C sets the stop event, which the file watcher checks every step: serve ends after the rebuild in
    progress, if any. A KeyboardInterrupt raised into watchfiles' native loop was sometimes lost there (serve
    kept running) or resurfaced at exit (killed by SIGINT after printing "stopped"). A second Ctrl-C stops
    at once."""

    def interrupted(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    return interrupted


def _stop_serving(server: ThreadingHTTPServer) -> None:
    """Stop the HTTP thread, but never let a stuck connection keep Ctrl-C from ending the process."""
    stopping = threading.Thread(target=server.shutdown, daemon=True)
    stopping.start()
    stopping.join(timeout=SHUTDOWN_SECONDS)
    server.server_close()


def _watch(live: LiveBuild, state: SiteState, stop: threading.Event, built_from: Signatures) -> None:
    """Watch the source folders and the themes; look at the site folder's top level between steps (a config
    edit rebuilds everything; a source folder appearing or going restarts the watch with it). Once a watch
    is running, files that changed since `built_from` (while building, or between two watches) are rebuilt."""
    root = live.options.site_root
    ignored = [live.options.output_folder, root / CACHE_DIR]
    counts = SiteFilter(ignored)
    while not stop.is_set():
        before = top_level(root)
        evidence = live.badge_file_folders
        catching_up = True
        for changes in watchfiles.watch(
            *watched_folders(root, bundled_themes_dir(), evidence),
            watch_filter=counts,
            debounce=DEBOUNCE_MS,
            step=10,
            stop_event=stop,
            raise_interrupt=True,
            rust_timeout=TOP_LEVEL_POLL_MS,
            yield_on_timeout=True,
        ):
            paths = [Path(path) for _, path in changes]
            if not paths and live.renderer is not None and live.output_lost():
                print("the output folder was deleted or replaced: building it again", flush=True)
                _rebuild(live, state, [], ChangeKind.CONFIG)
                continue
            if catching_up:  # the watch runs now: anything saved before it started is in the signatures
                missed = (path for path in changed_since(built_from, root) if counts(Change.modified, str(path)))
                paths = sorted({*paths, *missed})
                catching_up = False
            now = top_level(root)
            if now.folders != before.folders:  # a source folder appeared or went: rebuild, watch the new set
                built_from = source_signatures(root)
                moved = (root / name for name in now.folders ^ before.folders)
                _rebuild(live, state, [*paths, *moved], ChangeKind.CONFIG)
                break
            if now.config != before.config:
                paths.append(root / CONFIG_NAME)
            before = now
            if paths:
                _rebuild(live, state, paths, classify(root, paths))
                if live.badge_file_folders != evidence:  # a badge names a file in a folder not watched yet
                    built_from = source_signatures(root)
                    break


def _rebuild(live: LiveBuild, state: SiteState, paths: list[Path], kind: ChangeKind) -> None:
    """One rebuild with the cycle collector paused: at thousands of badges the model is large, and the full
    collections a rebuild's allocations trigger cost a badge edit ~0.3 s of its ~1.5 s at 5,000 + 5,000. The
    collector runs again as soon as the pages are written; a rebuild's cycles wait that long."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        _rebuild_now(live, state, paths, kind)
    finally:
        if collecting:
            gc.enable()


def _rebuild_now(live: LiveBuild, state: SiteState, paths: list[Path], kind: ChangeKind) -> None:
    served = "still serving the last good build" if state.built else "nothing to serve until it builds"
    try:
        result = live.rebuild(paths, kind)
    except SiteError as error:
        closing = summary(error.problems, consequence=served)
        lines = [problem.format() for problem in error.problems]
        print("\n".join([*lines, closing]), file=sys.stderr, flush=True)
        state.publish(problems=[*lines, closing])
        return
    except Exception as error:  # a bug in badgesite must not end the session the user's edits depend on
        live.renderer = None  # the next rebuild is a full one
        if isinstance(error, OSError) and error.errno in NOT_ALLOWED | DISK_FULL:  # the user's setting, not a bug
            lines = [not_allowed_line(error), f"({served})"]
        else:
            bug = f"badgesite: internal error: {type(error).__name__}: {error}"
            lines = [bug, f"This is a bug in badgesite; {served}"]
        print("\n".join(lines), file=sys.stderr, flush=True)
        state.publish(problems=lines)
        return
    state.built = True
    if result.warnings is not None and result.warnings != state.warnings:  # said once, not after every edit
        for warning in result.warnings:
            print(warning.format(), file=sys.stderr, flush=True)
        state.warnings = result.warnings
    what = "built" if result.full and not paths else f"rebuilt ({kind.name.lower()})"
    print(
        f"{what}: {result.rendered} of {plural(result.pages, 'page')} rendered, "
        f"{plural(result.written, 'file')} written in {result.seconds * 1000:.0f} ms",
        flush=True,
    )
    state.publish(problems=[], base_path=result.base_path, pages=frozenset(live.sources))
