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


def _files(folder: Path, skipped: set[Path]) -> Iterable[Path]:
    for current, folders, names in os.walk(folder):
        here = Path(current)
        folders[:] = sorted(
            name
            for name in folders
            if (not name.startswith(".") or name in PUBLISHED_HIDDEN) and (here / name).resolve() not in skipped
        )
        for name in sorted(names):
            if not name.startswith(".") and not name.endswith("~"):
                yield here / name


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
        for path in _files(folder, skipped):
            relative = path.relative_to(folder).as_posix()
            digest.update(f"{label}:{relative}\n".encode())
            try:
                data = path.read_bytes()
            except OSError:
                digest.update(b"unreadable")
                continue
            digest.update(hashlib.sha256(data).digest())
            if keep is not None and label == "site" and keep(relative):
                kept[relative] = data
    return digest.hexdigest(), kept
