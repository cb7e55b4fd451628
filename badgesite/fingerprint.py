"""The build's input fingerprint: a hash of every file and option that can change the output.

It is recorded in the output's marker file; a build whose fingerprint matches the output's has nothing to do.
Contents are hashed rather than modification times, because a CI checkout resets every mtime.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from badgesite import __version__
from badgesite.load.site_folder import PUBLISHED_HIDDEN


def _files(folder: Path, skipped: set[Path]) -> Iterable[tuple[str, str]]:
    """(path relative to the folder, with `/`; path to open) of every file, in a stable order. Plain strings:
    at 10,000 files, pathlib's objects were a third of the fingerprint's time."""
    top = str(folder)
    for current, folders, names in os.walk(top):
        folders[:] = sorted(
            name
            for name in folders
            if (not name.startswith(".") or name in PUBLISHED_HIDDEN) and Path(current, name).resolve() not in skipped
        )
        within = os.path.relpath(current, top)
        prefix = "" if within == "." else within.replace(os.sep, "/") + "/"
        for name in sorted(names):
            if not name.startswith(".") and not name.endswith("~"):
                yield prefix + name, os.path.join(current, name)


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
        for relative, path in _files(folder, skipped):
            digest.update(f"{label}:{relative}\n".encode())
            try:
                with open(path, "rb") as file:
                    data = file.read()
            except OSError:
                digest.update(b"unreadable")
                continue
            digest.update(hashlib.sha256(data).digest())
            if keep is not None and label == "site" and keep(relative):
                kept[relative] = data
    return digest.hexdigest(), kept
