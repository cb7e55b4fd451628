"""The warnings of the last build into an output folder, kept in the cache folder: a build that finds nothing
changed says them again, because a warning that vanished on the second run would read as fixed."""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from badgesite.write import replace_file

# A warning may name a file whose name is not UTF-8 (kept as Python keeps it, with surrogates): stored as is.


def remember(cache_folder: Path | None, output: Path, fingerprint: str, warnings: tuple[str, ...]) -> None:
    """Keep these warnings for builds of the same inputs (`fingerprint`) into `output`."""
    path = _file(cache_folder, output)
    if path is None:
        return
    with contextlib.suppress(OSError):  # a cache that cannot be written only costs the repetition
        replace_file(path, "\n".join((fingerprint, *warnings)).encode("utf-8", "surrogateescape") + b"\n")


def recall(cache_folder: Path | None, output: Path, fingerprint: str) -> tuple[str, ...]:
    """The warnings the last build of these inputs into `output` gave; none when unknown."""
    path = _file(cache_folder, output)
    try:
        lines = path.read_text(encoding="utf-8", errors="surrogateescape").splitlines() if path is not None else []
    except (OSError, UnicodeDecodeError):
        return ()
    return tuple(lines[1:]) if lines and lines[0] == fingerprint else ()


def _file(cache_folder: Path | None, output: Path) -> Path | None:
    """Beside the cache, one per output folder (builds of other options into other folders each keep theirs)."""
    if cache_folder is None:
        return None
    return cache_folder / "warnings" / f"{hashlib.sha256(os.fsencode(output.resolve())).hexdigest()[:16]}.txt"
