"""Write the output atomically: build in a sibling staging folder, then swap it in.

A failed or interrupted build leaves the previous output whole, and a folder badgesite did not make
(no marker file) is never written into, so `-o ~/Documents` cannot delete anything.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType

from badgesite.problems import InterruptedAfterWriting, Problem, SiteError

MARKER = ".badgesite-output"
MARKER_TEXT = b"This folder is made by badgesite and replaced on every build. Do not edit it.\n"

OutputFile = bytes | Path


SOURCE_FOLDERS = frozenset({"badges", "case-studies", "pages", "assets", "root", "templates", "themes"})


def check_output_folder(output: Path, site_root: Path) -> None:
    """Refuse outputs that could destroy a user's files: the site itself, its parents, foreign folders."""
    resolved, root = output.resolve(), site_root.resolve()
    if resolved == root or root.is_relative_to(resolved):
        raise SiteError(
            [
                Problem(
                    path=str(output),
                    message="refusing to write the site into its own source folder or a folder that contains it",
                    hint="use the default _site or -o NEW_FOLDER",
                )
            ]
        )
    if resolved.is_relative_to(root) and resolved.relative_to(root).parts[0] in SOURCE_FOLDERS:
        raise SiteError(
            [
                Problem(
                    path=str(output),
                    message=f"refusing to write the site inside {resolved.relative_to(root).parts[0]}/: "
                    "the next build would read its own output as site files",
                    hint="use the default _site or a folder outside the site's source folders",
                )
            ]
        )
    if resolved.exists() and not resolved.is_dir():
        raise SiteError(
            [
                Problem(
                    path=str(output), message="the output path is a file, not a folder", hint="choose a folder with -o"
                )
            ]
        )
    if resolved.is_dir() and not (resolved / MARKER).is_file() and any(resolved.iterdir()):
        raise SiteError(
            [
                Problem(
                    path=str(output),
                    message="refusing to write into a folder that is not empty "
                    "and was not made by badgesite; nothing was changed",
                    hint="choose an empty or new folder with -o",
                )
            ]
        )


def output_path(folder: str, relative: str) -> str:
    """Where a site-relative output path lands inside folder; refuses paths that would leave it. On plain
    strings, as it runs once for every file of the output."""
    parts = [part for part in relative.split("/") if part and part != "."]
    if not parts or relative.startswith("/") or ".." in parts:
        raise ValueError(f"output path escapes the output folder: {relative!r}")
    return os.path.join(folder, *parts)


def output_target(folder: Path, relative: str) -> Path:
    """output_path as a Path."""
    return Path(output_path(str(folder), relative))


_WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def write_file(target: str | Path, content: OutputFile) -> None:
    """Write one output file, making its folder when it is missing. Plain descriptors: open() would also
    stat, seek and ask whether the file is a terminal, three wasted system calls for each of thousands of pages."""
    if isinstance(content, Path):
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(content, target)
        return
    try:
        descriptor = os.open(target, _WRITE_FLAGS, 0o666)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        descriptor = os.open(target, _WRITE_FLAGS, 0o666)
    write_and_close(descriptor, content)


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_TEMPORARY_NUMBERS = itertools.count()


def replace_file(target: str | Path, data: bytes) -> None:
    """Write a file atomically: a temporary file beside it, renamed over it, its folder made when missing.
    Readers see the old bytes or the new, never half; a failure leaves nothing behind. The temporary name is
    made of the process id and a counter, so workers writing at once never collide (and not mkstemp: its files
    are private, 0600, where outputs and cache entries get the umask's permissions like any new file)."""
    folder, name = os.path.split(target)
    temporary = os.path.join(folder, f".tmp-{os.getpid()}-{next(_TEMPORARY_NUMBERS)}-{name}")
    try:
        try:
            descriptor = os.open(temporary, _NEW_FILE, 0o666)
        except FileNotFoundError:
            os.makedirs(folder, exist_ok=True)
            descriptor = os.open(temporary, _NEW_FILE, 0o666)
        write_and_close(descriptor, data)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_and_close(descriptor: int, data: bytes) -> None:
    """Every byte to an open file descriptor (one os.write may take fewer), then close it."""
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
    finally:
        os.close(descriptor)


class Staging:
    """A sibling folder that collects the new output; `commit` swaps it in, leaving the context discards it."""

    def __init__(self, output: Path, *, site_root: Path) -> None:
        check_output_folder(output, site_root)
        self.output = output.resolve()
        self.site_root = site_root.absolute()
        try:
            self.output.parent.mkdir(parents=True, exist_ok=True)
            _remove_leftovers(self.output)
            self.folder = _fresh_folder(self.output.parent, f".{self.output.name}.tmp-")
            (self.folder / MARKER).write_bytes(MARKER_TEXT)
        except OSError as error:  # a read-only folder, a file where a folder should be, /proc
            raise SiteError([_unwritable(output, error)]) from error
        self.written: set[str] = set()
        self.committed = False

    def write(self, relative: str, content: OutputFile) -> None:
        try:
            write_file(output_target(self.folder, relative), content)
        except (OSError, shutil.SpecialFileError) as error:
            if not isinstance(content, Path) or content.is_file():
                raise
            raise SiteError([self._vanished(content, error)]) from None
        self.written.add(relative)

    def _vanished(self, source: Path, error: Exception) -> Problem:
        """A file to publish (an asset, an evidence file) was removed or replaced while the build ran."""
        absolute = source.absolute()
        inside = absolute.is_relative_to(self.site_root)
        shown = absolute.relative_to(self.site_root).as_posix() if inside else str(source)
        reason = getattr(error, "strerror", None) or str(error)
        message = f"changed while the build read it, and is no longer a file ({reason})"
        return Problem(path=shown, message=message, hint="build again")

    def record(self, relative: str) -> None:
        """Note a file that a worker process wrote straight into the staging folder."""
        self.written.add(relative)

    def commit(self) -> None:
        try:
            _swap(self.folder, self.output)
        except OSError as error:  # the output folder is read-only, or in use on a system that locks it
            raise SiteError([_unwritable(self.output, error)]) from error
        self.committed = True

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Staging:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if not self.committed:
            self.discard()


def paths_used_as_folders(paths: Iterable[str]) -> list[str]:
    """Output paths another output needs as a folder: a page `theme/index.html` and a theme's file
    `theme/index.html/x.css` cannot both be written."""
    outputs = set(paths)
    folders = {path[:end] for path in outputs for end in _slashes(path)}
    return sorted(outputs & folders)


def _slashes(path: str) -> Iterator[int]:
    end = path.find("/")
    while end != -1:
        yield end
        end = path.find("/", end + 1)


def write_output(output: Path, files: Mapping[str, OutputFile], *, site_root: Path) -> None:
    """Write every file into a fresh staging folder, then swap it for the old output."""
    with Staging(output, site_root=site_root) as staging:
        for relative in sorted(files):
            staging.write(relative, files[relative])
        staging.commit()


def _unwritable(output: Path, error: OSError) -> Problem:
    """The output folder cannot be made or replaced here: say which path is in the way, and why."""
    blocking = next((parent for parent in (output, *output.parents) if parent.exists() and not parent.is_dir()), None)
    reason = f"{blocking} is a file, not a folder" if blocking is not None else (error.strerror or str(error))
    return Problem(
        path=str(output),
        message=f"cannot write the output folder here: {reason}",
        hint="choose another folder with -o, or make this one writable",
    )


def _fresh_folder(parent: Path, prefix: str) -> Path:
    """A new, uniquely named folder with the umask's permissions: mkdtemp's are private (0700), and the
    staging folder becomes the output that a web server must be able to read."""
    while True:
        folder = parent / f"{prefix}{secrets.token_hex(6)}"
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        return folder


def _swap(staging: Path, output: Path) -> None:
    if not output.exists():
        os.rename(staging, output)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
    retired.rmdir()
    os.rename(output, retired)
    try:
        os.rename(staging, output)
    except BaseException:
        os.rename(retired, output)
        raise
    try:
        shutil.rmtree(retired, ignore_errors=True)
    except KeyboardInterrupt:
        shutil.rmtree(retired, ignore_errors=True)  # the new output is in place: the old one goes all the same
        raise InterruptedAfterWriting from None


def _remove_leftovers(output: Path) -> None:
    """Staging or retired folders of an interrupted earlier build (they carry the marker) are removed."""
    for pattern in (f".{output.name}.tmp-*", f".{output.name}.old-*"):
        for leftover in output.parent.glob(pattern):
            if leftover.is_dir() and (leftover / MARKER).is_file():
                shutil.rmtree(leftover, ignore_errors=True)
