"""Problems in a user's site, and the one error type that carries them to the CLI."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath


@dataclass(frozen=True, slots=True, kw_only=True, order=True)
class Problem:
    """One mistake in a user's files, pointing at where to fix it."""

    path: str
    line: int = 0
    column: int = 0
    field: str = ""
    message: str
    hint: str = ""
    severity: str = "error"

    def format(self) -> str:
        """Render as `file:line:col: field: message (hint)`, the form editors can jump to."""
        where = self.path
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        if self.severity != "error":
            text = text.replace(f"{where}: ", f"{where}: {self.severity}: ", 1)
        return f"{text} ({self.hint})" if self.hint else text


class SiteError(Exception):
    """The user's site has problems; carries all of them so one run reports everything."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(set(problems)))
        super().__init__("\n".join(p.format() for p in self.problems))


class InterruptedAfterWriting(KeyboardInterrupt):
    """Ctrl-C while the previous output was being removed: the new output is already in place, and the
    command line must not say the output is unchanged."""


def summary(problems: Iterable[Problem], *, consequence: str = "nothing was written") -> str:
    """`3 problems in 2 files; nothing was written` — the closing line of a failed run."""
    items = list(problems)
    files = {p.path for p in items}
    noun = "problem" if len(items) == 1 else "problems"
    file_noun = "file" if len(files) == 1 else "files"
    return f"{len(items)} {noun} in {len(files)} {file_noun}; {consequence}"


def relative_name(path: PurePosixPath | str) -> str:
    """Site-relative paths are always shown with forward slashes."""
    return str(path).replace("\\", "/")
