"""Which templates a page's template is made of, so `serve` re-renders only the pages a template edit touches."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import jinja2
import jinja2.meta

EVERY_TEMPLATE = "*"  # in a closure: a reference computed at render time, so any template edit may matter
_NAMED = re.compile(r"""\{%[-+]?\s*(?:extends|import|from|include)\s+(["'])([^"'\n]+)\1""")


def templates_behind(environment: jinja2.Environment, name: str) -> frozenset[str]:
    """`name` and every template it extends, includes or imports, followed through, by the names used in the
    templates (`base.html`, `!default/base.html`). A template that cannot be read or parsed is listed but not
    followed: rendering reports it, with its line."""
    assert environment.loader is not None
    found: set[str] = set()
    pending = [name]
    while pending:
        current = pending.pop()
        if current in found:
            continue
        found.add(current)
        try:
            source, _, _ = environment.loader.get_source(environment, current)
            references = jinja2.meta.find_referenced_templates(environment.parse(source))
        except jinja2.TemplateError:
            continue
        for reference in references:
            if reference is None:
                found.add(EVERY_TEMPLATE)
            else:
                pending.append(reference)
    return frozenset(found)


def named_in(source: str) -> set[str]:
    """The templates a template's source names as plain strings in extends, import, from and include: a
    quick look, without parsing, that may miss a name (which only costs its compiling later)."""
    return {match.group(2) for match in _NAMED.finditer(source)}


def names_referenced(paths: Iterable[Path]) -> set[str] | None:
    """Every template name these templates extend, include or import (lists of names too), or None when one
    of them computes a name at render time."""
    environment = jinja2.Environment()
    named: set[str] = set()
    for path in paths:
        try:
            references = jinja2.meta.find_referenced_templates(environment.parse(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, jinja2.TemplateError):
            continue  # rendering reports a template it cannot read, at its line
        for reference in references:
            if reference is None:
                return None
            named.add(reference)
    return named


def uses_any(closure: frozenset[str], names: set[str]) -> bool:
    """True when a page built from `closure` may change after the templates `names` changed."""
    return EVERY_TEMPLATE in closure or not closure.isdisjoint(names)
