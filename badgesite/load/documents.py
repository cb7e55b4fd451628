"""A loaded file: its plain data plus the source position of every key and value."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from badgesite.problems import Problem

KeyPath = tuple[str | int, ...]


class Position(NamedTuple):
    """1-based line and column in a source file."""

    line: int
    column: int


# How documents keep positions: a plain (line, column) tuple. A site of 10,000 files has a quarter of a million
# of them and needs only the few that problems point at; a Position costs a Python call to make, a tuple none.
LineColumn = tuple[int, int]


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One YAML file or Markdown front matter, with positions so any stage can point at the source."""

    path: str
    data: Any
    value_positions: Mapping[KeyPath, LineColumn] = field(default_factory=dict)
    key_positions: Mapping[KeyPath, LineColumn] = field(default_factory=dict)
    body: str = ""
    body_line: int = 0
    digest: str = ""

    @property
    def stem(self) -> str:
        """The file name without folder or extension: a badge's id, a case study's slug."""
        name = self.path.rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[0]

    def value_at(self, key_path: KeyPath) -> Position:
        """Where the value at key_path starts; falls back to the nearest enclosing value."""
        for depth in range(len(key_path), -1, -1):
            found = self.value_positions.get(key_path[:depth])
            if found is not None:
                return Position(*found)
        return Position(1, 1)

    def key_at(self, key_path: KeyPath) -> Position:
        """Where the key itself is written (for unknown or duplicate keys)."""
        found = self.key_positions.get(key_path)
        return Position(*found) if found is not None else self.value_at(key_path)

    def problem(
        self,
        key_path: KeyPath,
        message: str,
        hint: str = "",
        *,
        at_key: bool = False,
        where: KeyPath | None = None,
        severity: str = "error",
    ) -> Problem:
        """A Problem on key_path, positioned at its value, its key, or at `where`; every stage reports this way."""
        from badgesite.load.yaml_source import dotted

        position = (
            self.value_at(where)
            if where is not None
            else (self.key_at(key_path) if at_key else self.value_at(key_path))
        )
        return Problem(
            path=self.path,
            line=position.line,
            column=position.column,
            field=dotted(key_path),
            message=message,
            hint=hint,
            severity=severity,
        )
