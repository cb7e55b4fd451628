"""The Open Badges library stands alone: only the standard library, defusedxml and joserfc."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import badgesite.openbadges

PACKAGE = Path(badgesite.openbadges.__file__).parent
ALLOWED_THIRD_PARTY = {"defusedxml", "joserfc"}


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_imports_nothing_else_of_badgesite_and_no_other_library() -> None:
    modules = sorted(PACKAGE.glob("*.py"))
    assert modules
    for path in modules:
        outside = imported_roots(path) - set(sys.stdlib_module_names) - ALLOWED_THIRD_PARTY - {"__future__"}
        assert outside == set(), f"{path.name} imports {sorted(outside)}"


def test_no_module_is_over_400_lines() -> None:
    for path in PACKAGE.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path.name
