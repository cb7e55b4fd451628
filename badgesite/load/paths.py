"""The path guard: every path a user writes is resolved here and must stay inside the site folder."""

from __future__ import annotations

from pathlib import Path, PurePosixPath


class OutsideSite(ValueError):
    """A path that leaves the site folder (through `..`, an absolute path or a symlink)."""


def resolve_inside(root: Path, base: Path, written: str) -> Path:
    """Resolve `written` relative to `base`; raise OutsideSite if the result is not under `root`.

    Symlinks are followed before the check, so a link pointing out of the site is refused too.
    """
    if "\x00" in written:
        raise OutsideSite(written)
    candidate = PurePosixPath(written.replace("\\", "/"))
    if candidate.is_absolute() or (candidate.parts and candidate.parts[0].endswith(":")):
        raise OutsideSite(written)
    resolved = (base / candidate).resolve()
    root_resolved = root.resolve()
    if resolved != root_resolved and not resolved.is_relative_to(root_resolved):
        raise OutsideSite(written)
    return resolved


def site_relative(root: Path, path: Path, *, resolved: bool = False) -> str:
    """A path inside the site as the user sees it: `badges/aws.yml`; `resolved` when `path` already is
    (resolving walks the path's folders one system call each)."""
    return (path if resolved else path.resolve()).relative_to(root.resolve()).as_posix()
