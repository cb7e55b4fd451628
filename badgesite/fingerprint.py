"""The build's input fingerprint: a hash of every file and option that can change the output.

It is recorded in the output's marker file; a build whose fingerprint matches the output's has nothing to do.
Contents are hashed rather than modification times, because a CI checkout resets every mtime.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from badgesite import __version__
from badgesite.load.site_folder import CONFIG_NAME, MAX_SOURCE_BYTES, PUBLISHED_HIDDEN
from badgesite.write import SOURCE_FOLDERS


def _files(folder: Path, skipped: set[Path], *, followed: frozenset[str]) -> Iterator[tuple[str, str]]:
    """(path relative to the folder, with `/`; path to open) of every regular file the build may read, in a
    stable order: a folder's files, then its folders, the top-level folders the build reads first. Hidden
    files and folders (but `.well-known`) and editor backups are left out, as the build leaves them out of
    every folder it reads. A linked folder is followed when it leads inside the folder, or is one the build
    reads through its link (top-level names in `followed`: `templates/` linked to a shared one); a link
    that loops, a named pipe or a device is never opened (it would block, or never end). A loop, not
    recursion: a folder may be nested deeper than Python's stack. Plain strings: pathlib's objects were a
    third of the time at 10,000 files."""
    top = os.path.realpath(folder)
    inside = top + os.sep
    skipped_paths = {str(path) for path in skipped}
    seen: set[str] = set()
    waiting = [(top, top, "")]  # (path to open, its real path, prefix); real paths found without a system call
    while waiting:
        here, real, prefix = waiting.pop()
        if real in seen or real in skipped_paths:  # a link back to a folder already read, the output, the cache
            continue
        seen.add(real)
        try:
            with os.scandir(here) as found:
                entries = sorted(found, key=lambda entry: (bool(prefix) or entry.name not in followed, entry.name))
        except OSError:
            continue  # an unreadable folder: the build reports what it cannot read
        folders = []
        for entry in entries:
            name = entry.name
            if name.startswith(".") and name not in PUBLISHED_HIDDEN:
                continue
            top_name = prefix.split("/", 1)[0] if prefix else name
            try:
                linked = entry.is_symlink()
                if linked and top_name not in followed and not _leads_inside(entry.path, inside):
                    continue  # a link out of the folder, where the build never reads through it
                if entry.is_dir():
                    target = os.path.realpath(entry.path) if linked else os.path.join(real, name)
                    folders.append((entry.path, target, f"{prefix}{name}/"))
                elif not name.endswith("~") and entry.is_file():
                    yield prefix + name, entry.path
            except OSError:
                continue  # a link that loops, or leads where this user may not look
        waiting.extend(reversed(folders))


def _leads_inside(path: str, inside: str) -> bool:
    return os.path.realpath(path).startswith(inside)


READ_THROUGH_LINKS = SOURCE_FOLDERS | {CONFIG_NAME}  # linked, the build reads them wherever the link leads


def inputs_fingerprint(
    site_root: Path,
    *,
    themes: Path,
    skip: Iterable[Path],
    options: str,
    keep: Callable[[str], bool] | None = None,
) -> tuple[str, dict[str, bytes]]:
    """sha256 over (relative path, content) of the site and the themes, plus the build options; and the
    contents of the site files `keep` names (by relative path), so the build does not read them again."""
    digest = hashlib.sha256(f"badgesite {__version__}\n{options}\n".encode())
    skipped = {path.resolve() for path in skip}
    kept: dict[str, bytes] = {}
    for label, folder in (("site", site_root), ("themes", themes)):
        for relative, path in _files(folder, skipped, followed=READ_THROUGH_LINKS):
            digest.update(f"{label}:".encode() + os.fsencode(relative) + b"\n")  # names need not be UTF-8
            wanted = keep is not None and label == "site" and keep(relative)
            try:
                with open(path, "rb") as file:
                    small = os.fstat(file.fileno()).st_size <= MAX_SOURCE_BYTES
                    head = file.read() if wanted and small else file.read(CHUNK)
                    whole = hashlib.sha256(head)
                    while chunk := file.read(CHUNK):  # a large file is hashed in pieces, never held whole
                        whole.update(chunk)
            except OSError:
                digest.update(b"unreadable")
                continue
            digest.update(whole.digest())
            if wanted and len(head) <= MAX_SOURCE_BYTES:  # a larger source is the loader's to refuse
                kept[relative] = head
    return digest.hexdigest(), kept


CHUNK = 1 << 20
