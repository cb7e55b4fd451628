"""Findings are Problems with a severity: errors fail `check`, warnings fail it only with --strict."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from badgesite.load.documents import Document, KeyPath
from badgesite.problems import Problem

Severity = Literal["error", "warning"]
ERROR: Severity = "error"
WARNING: Severity = "warning"
Finding = Problem


def finding(
    document: Document,
    key_path: KeyPath,
    message: str,
    hint: str,
    *,
    severity: Severity = WARNING,
    at_key: bool = False,
) -> Problem:
    """A finding that points at the value (or key) the user should change."""
    return document.problem(key_path, message, hint, at_key=at_key, severity=severity)


def counts(problems: Iterable[Problem]) -> dict[str, int]:
    """How many errors and warnings, in how many files: the numbers behind the summary line."""
    items = list(problems)
    errors = sum(1 for p in items if p.severity == ERROR)
    return {"errors": errors, "warnings": len(items) - errors, "files": len({p.path for p in items})}


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`1 warning`, `3 warnings`, `2 case studies`."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def q(value: object) -> str:
    """Quote a name the way every message does: double quotes."""
    return f'"{value}"'
