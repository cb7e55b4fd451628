"""`badgesite serve`: build, serve on 127.0.0.1, rebuild on change and reload the browser."""

from __future__ import annotations

import argparse
import sys
import threading
import time
import webbrowser
from pathlib import Path

import watchfiles

from badgesite.build import BuildOptions, build
from badgesite.cli import EXIT_OK, EXIT_USAGE, add_command, default_today, site_folder
from badgesite.load.site_folder import CACHE_DIR
from badgesite.problems import SiteError, summary
from badgesite.render.theme import bundled_themes_dir
from badgesite.serve.server import SiteState, make_server
from badgesite.serve.watch import SiteFilter, classify

DEBOUNCE_MS = 40


def register(commands: argparse._SubParsersAction) -> None:
    command = add_command(
        commands,
        "serve",
        help="build, serve on 127.0.0.1 and rebuild on every change",
        description="Build the site, serve it on http://127.0.0.1:PORT/ under the configured base path, watch the "
        "site folder and the theme, rebuild on change and reload open browser tabs. When an edit breaks "
        "the build, the problems show in the terminal and in the browser while the last good site stays "
        "served. Ctrl-C stops.",
        example="badgesite serve my-portfolio --port 8000 --open",
        handler=run,
    )
    command.add_argument("site", nargs="?", type=site_folder, default=Path("."), help="the site folder")
    command.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000; 0 picks a free one)")
    command.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: only this computer can connect)"
    )
    command.add_argument("-o", "--output", type=Path, help="output folder (default: SITE/_site)")
    command.add_argument("--drafts", action="store_true", help="include drafts")
    command.add_argument("--open", action="store_true", help="open the site in the default browser")


def run(arguments: argparse.Namespace) -> int:
    site_root: Path = arguments.site
    options = BuildOptions(site_root=site_root, output=arguments.output, drafts=arguments.drafts, today=default_today())
    state = SiteState(options.output_folder, "/")
    _rebuild(options, state, first=True)
    try:
        server = make_server(state, arguments.host, arguments.port)
    except OSError as error:
        print(f"badgesite: cannot listen on {arguments.host}:{arguments.port}: {error.strerror}", file=sys.stderr)
        return EXIT_USAGE
    host, port = server.server_address[:2]
    address = f"http://{host}:{port}{state.base_path}"
    if arguments.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warning: listening on {arguments.host}: other computers can see your drafts", file=sys.stderr)
    print(f"serving {address} — watching {site_root} (Ctrl-C to stop)", flush=True)
    threading.Thread(target=server.serve_forever, name="badgesite-http", daemon=True).start()
    if arguments.open:
        webbrowser.open(address)
    stop = threading.Event()
    try:
        _watch(options, state, stop)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
    print("stopped", flush=True)
    return EXIT_OK


def _watch(options: BuildOptions, state: SiteState, stop: threading.Event) -> None:
    root = options.site_root
    ignored = [options.output_folder, root / CACHE_DIR]
    for changes in watchfiles.watch(
        root,
        bundled_themes_dir(),
        watch_filter=SiteFilter(ignored),
        debounce=DEBOUNCE_MS,
        step=10,
        stop_event=stop,
        raise_interrupt=True,
    ):
        kind = classify(root, (Path(path) for _, path in changes))
        _rebuild(options, state, reason=kind.name.lower())


def _rebuild(options: BuildOptions, state: SiteState, *, first: bool = False, reason: str = "") -> None:
    started = time.perf_counter()
    try:
        result = build(options)
    except SiteError as error:
        lines = [problem.format() for problem in error.problems]
        for line in lines:
            print(line, file=sys.stderr)
        print(summary(error.problems, consequence="still serving the last good build"), file=sys.stderr, flush=True)
        state.publish(problems=[*lines, summary(error.problems, consequence="still serving the last good build")])
        return
    elapsed = (time.perf_counter() - started) * 1000
    what = "built" if first else f"rebuilt ({reason})"
    print(f"{what} {result.pages} pages in {elapsed:.0f} ms", flush=True)
    state.publish(problems=[], base_path=result.site.base_path)
