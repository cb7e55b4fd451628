"""Command line: arguments, exit codes (0 ok, 1 the site has problems, 2 wrong usage) and printing. No logic."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import gc
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from badgesite import __version__
from badgesite.problems import InterruptedAfterWriting, SiteError, summary
from badgesite.validate.kinds import CONTROL_CHARACTER, EARLIEST_DATE, LATEST_DATE

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXIT_READER_GONE = 128 + 13  # what a shell reports for a program whose reader closed the pipe (SIGPIPE)
# A build keeps hundreds of thousands of long-lived objects (documents, model, pages) and makes little cyclic
# garbage; at CPython's default thresholds the collector walks them again and again (a fifth of a 5,000-badge
# site's load and model time). Collecting on 50,000 new objects instead of 700 costs no measurable memory.
GC_THRESHOLDS = (50_000, 20, 100)
Handler = Callable[[argparse.Namespace], int]


def iso_date(text: str) -> dt.date:
    """argparse type for --today and --since."""
    try:
        date = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'expected a date like 2026-05-31, got "{text}"') from None
    if not EARLIEST_DATE <= date <= LATEST_DATE:  # date arithmetic (expiry windows, review intervals) must fit
        raise argparse.ArgumentTypeError(f"expected a date between {EARLIEST_DATE} and {LATEST_DATE}, got {date}")
    return date


def default_today() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH so reproducible-build tooling gets identical output. A value
    that is not a time the dates can use is wrong usage (exit 2), as the reproducible-builds spec asks,
    never a silent fall back to the clock: the output would then change from day to day."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None or epoch == "":
        return dt.date.today()
    expected = "a whole number of seconds since 1970-01-01 UTC"
    if not (epoch.isascii() and epoch.isdigit()):
        raise SystemExit(f'badgesite: SOURCE_DATE_EPOCH: expected {expected}, got "{epoch[:40]}"')
    try:
        date = dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        date = dt.date.max
    if not EARLIEST_DATE <= date <= LATEST_DATE:
        raise SystemExit(f'badgesite: SOURCE_DATE_EPOCH: expected {expected} up to {LATEST_DATE}, got "{epoch[:40]}"')
    return date


def _parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="badgesite",
        description="Build a static portfolio site from badge YAML files and Markdown case studies.",
        epilog="Run `badgesite COMMAND --help` for each command's options and an example.",
    )
    parser.add_argument("--version", action="version", version=f"badgesite {__version__}")
    parser.add_argument("--debug", action="store_true", help="show Python tracebacks for internal errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    from badgesite.commands import registry

    for register in registry(argv):
        register(commands)
    return parser


def add_command(
    commands: argparse._SubParsersAction,
    name: str,
    *,
    help: str,
    example: str,
    handler: Handler,
    description: str | None = None,
) -> argparse.ArgumentParser:
    """Every command has a one-line help, a description, and an example in its --help."""
    command = commands.add_parser(
        name,
        help=help,
        description=description or help,
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.set_defaults(handler=handler)
    return command


def print_problems(error: SiteError, *, consequence: str = "nothing was written") -> None:
    for problem in error.problems:
        print(problem.format(), file=sys.stderr)
    print(summary(error.problems, consequence=consequence), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `badgesite` console script."""
    _open_closed_streams()
    argv = sys.argv[1:] if argv is None else argv
    parser = _parser(argv)
    arguments = parser.parse_args(argv)
    gc.set_threshold(*GC_THRESHOLDS)
    started = time.perf_counter()
    try:
        try:
            return int(arguments.handler(arguments))
        except SiteError as error:
            print_problems(error, consequence=getattr(arguments, "failure_consequence", "nothing was written"))
            return EXIT_PROBLEMS
    except InterruptedAfterWriting:
        print("\ninterrupted; the new output is in place", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print("\ninterrupted; the previous output is unchanged", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `badgesite check | head -1`: the reader has what it wanted
        _discard_output()
        return EXIT_READER_GONE
    except OSError as error:
        if error.errno in DISK_FULL:
            return _could_not_write(error)
        if error.errno in NOT_ALLOWED:
            return _not_allowed(error)
        return _internal_error(error, arguments.debug, started)
    except Exception as error:  # a traceback reaching a user is a bug: say so briefly
        return _internal_error(error, arguments.debug, started)


# Writing failed because the disk (or the user's quota) is full, or the file grew past its limit: not a bug.
DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
# A folder this user may not read or write, a read-only file system, a name longer than the system takes:
# the user's setting, not a bug. Where a command expects them (the output folder), it says more.
NOT_ALLOWED = frozenset({errno.EACCES, errno.EPERM, errno.EROFS, errno.ENAMETOOLONG})


def _internal_error(error: Exception, debug: bool, started: float) -> int:
    if debug:
        raise error
    elapsed = time.perf_counter() - started
    print(
        f"badgesite: internal error after {elapsed:.1f} s: {type(error).__name__}: {error}\n"
        "This is a bug in badgesite, not in your site. Rerun as `badgesite --debug COMMAND …` and report the "
        "traceback.",
        file=sys.stderr,
    )
    return EXIT_PROBLEMS


def shown_on_terminal(text: str) -> str:
    """Text from someone else's file (an issuer's assertion) with its control characters written as escapes:
    a NUL or an escape sequence printed as is can rewrite what the terminal shows."""
    return CONTROL_CHARACTER.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


def print_whole(text: str) -> None:
    """Print a long report (check, review, verify --json) to stdout, all of it or BrokenPipeError.

    Python's buffered stdout returns after a partial write (a signal such as the SIGPIPE of a reader that
    left mid-write interrupts it) and the text layer drops the rest silently: `check | head -1` exited 0
    with most of the report unwritten. Writing the bytes until all are taken makes the next write fail."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a text-only stream (tests' StringIO): nothing partial about it
        stream.write(text)
        return
    stream.flush()
    rest = memoryview(text.encode(stream.encoding or "utf-8", errors=stream.errors or "strict"))
    while rest:
        written = buffer.write(rest)
        rest = rest[written if written is not None else len(rest) :]
    buffer.flush()


def _open_closed_streams() -> None:
    """A program started with stdout or stderr closed (`>&-`) gets None for it, and print() then writes to
    stdout whatever was meant for stderr: give each closed stream the null device instead."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - open for the life of the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - open for the life of the process


def run_and_exit() -> NoReturn:
    """The `badgesite` program (console script and `python -m badgesite`): main(), then exit at once.

    Python's own exit frees every object one by one, and a build leaves hundreds of thousands (0.1 s at
    5,000 badges); the operating system takes the memory back in one go. The commands have shut their worker
    pools and written their files by now, so only the terminal output is left to flush."""
    try:
        code = main()
    except SystemExit as exiting:  # argparse: --help, --version, wrong usage
        code = exiting.code if isinstance(exiting.code, int) else (0 if exiting.code is None else EXIT_USAGE)
        if not isinstance(exiting.code, int | None):
            print(exiting.code, file=sys.stderr)
    except KeyboardInterrupt:  # Ctrl-C while the command's modules were still being imported
        code = 130
    except BrokenPipeError:  # argparse printing help or usage to a reader that is gone
        _discard_output()
        code = EXIT_READER_GONE
    os._exit(_flushed(code))


def _flushed(code: int) -> int:
    """Flush what is left to print; the exit status says when it could not be: a reader that went away
    (`| head`) is not an error of ours but is reported as a shell would, a full disk is an error."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        _discard_output()
        return code or EXIT_READER_GONE
    except OSError as error:
        return code or _could_not_write(error)
    return code


def _not_allowed(error: OSError) -> int:
    print(not_allowed_line(error), file=sys.stderr)
    return EXIT_PROBLEMS


def not_allowed_line(error: OSError) -> str:
    """`badgesite: /root/site: Permission denied` — for errors of the user's setting (NOT_ALLOWED, DISK_FULL)."""
    where = error.filename if error.filename is not None else "a file"
    return f"badgesite: {where}: {error.strerror or error}"


def _could_not_write(error: OSError) -> int:
    """Say that the output (or a file of it) could not be written, e.g. a full disk; EXIT_PROBLEMS."""
    _discard_output()
    where = error.filename or "the output"
    with contextlib.suppress(OSError):
        print(f"badgesite: could not write {where}: {error.strerror or error}", file=sys.stderr, flush=True)
    return EXIT_PROBLEMS


def _discard_output() -> None:
    """Point each standard stream that can no longer be written (its reader gone, its disk full) at
    /dev/null, so that what is still buffered cannot fail again; the others are flushed as they are."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                null = os.open(os.devnull, os.O_WRONLY)
                os.dup2(null, stream.fileno())
                os.close(null)


def site_folder(text: str) -> Path:
    """argparse type for a site folder argument."""
    path = Path(text)
    try:
        found = path.is_dir()
    except OSError as error:  # a name too long, a folder this user may not look into
        raise argparse.ArgumentTypeError(f'"{text}": {error.strerror or error}') from error
    if not found:
        raise argparse.ArgumentTypeError(f'no such folder: "{text}"')
    return path
