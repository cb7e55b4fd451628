"""How `badgesite check` shows its findings: sorted lines and a count, or one JSON object."""

from __future__ import annotations

import json
from collections.abc import Sequence

from badgesite.audit.findings import counts, plural
from badgesite.model import Site
from badgesite.problems import Problem

PROBLEM_KEYS = ("path", "line", "column", "field", "message", "hint", "severity")


def summary_line(problems: Sequence[Problem], site: Site | None) -> str:
    """`2 errors, 3 warnings in 4 files`, or `no problems found in 14 badges and 5 case studies`."""
    if not problems:
        if site is None:
            return "no problems found"
        badges = plural(len(site.badges), "badge")
        studies = plural(len(site.case_studies), "case study", "case studies")
        return f"no problems found in {badges} and {studies}"
    tally = counts(problems)
    parts = [plural(tally[key], key[:-1]) for key in ("errors", "warnings") if tally[key]]
    return f"{', '.join(parts)} in {plural(tally['files'], 'file')}"


def text(problems: Sequence[Problem], site: Site | None) -> str:
    lines = [problem.format() for problem in sorted(problems)]
    return "\n".join([*lines, summary_line(problems, site)]) + "\n"


def as_json(problems: Sequence[Problem], site: Site | None) -> str:
    """{problems: [{path, line, column, field, message, hint, severity}], counts: {...}}, keys in that order."""
    tally: dict[str, int] = counts(problems)
    if site is not None:
        tally = {**tally, "badges": len(site.badges), "case_studies": len(site.case_studies)}
    data = {
        "problems": [{key: getattr(problem, key) for key in PROBLEM_KEYS} for problem in sorted(problems)],
        "counts": tally,
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
