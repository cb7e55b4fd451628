"""The field reference (docs/reference.md), generated from the schemas so it cannot drift from validation.

Regenerate with: python -m badgesite.validate.reference > docs/reference.md
"""

from __future__ import annotations

from typing import Any

from badgesite.validate.kinds import Kind
from badgesite.validate.records import Field, ListOf, Record
from badgesite.validate.schemas import ALL

INTRO = """\
# Site folder format v1: field reference

Generated from `badgesite/validate/schemas.py` by `python -m badgesite.validate.reference > docs/reference.md`;
a test fails when this file and the schemas disagree. Paths (`image`, `assertion`, evidence `file`, `avatar`)
are relative to the file that names them and must stay inside the site folder. URLs must start with
`http://`, `https://` or `mailto:`. Dates are written `YYYY-MM-DD`. Where a list is expected, a single value
is taken as a list of one.
"""


def _type(kind: Kind) -> str:
    if isinstance(kind, ListOf):
        inner = kind.item
        return f"list of {inner.title}" if isinstance(inner, Record) else f"list of {_type(inner)}"
    if isinstance(kind, Record):
        return kind.title
    return kind.type_name


def _default(value: Any) -> str:
    if value is None or value == []:
        return ""
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, list):
        return "`[" + ", ".join(map(str, value)) + "]`"
    return f"`{value}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _table(record: Record, prefix: str, nested: list[tuple[str, Record, bool]]) -> list[str]:
    lines = ["| field | type | required | default | example | meaning |", "|---|---|---|---|---|---|"]
    for spec in record.fields:
        lines.append(_row(spec, prefix))
        inner = spec.kind.item if isinstance(spec.kind, ListOf) else spec.kind
        if isinstance(inner, Record):
            nested.append((f"{prefix}{spec.name}", inner, isinstance(spec.kind, ListOf)))
    return lines


def _row(spec: Field, prefix: str) -> str:
    example = f"`{_cell(spec.example)}`" if spec.example else ""
    required = "yes" if spec.required else ""
    return (
        f"| `{prefix}{spec.name}` | {_type(spec.kind)} | {required} | {_default(spec.default)} | "
        f"{example} | {_cell(spec.doc)} |"
    )


def reference() -> str:
    """The whole reference page as Markdown."""
    lines = [INTRO]
    for heading, record in ALL:
        lines += [f"## {heading}", ""]
        nested: list[tuple[str, Record, bool]] = []
        lines += _table(record, "", nested)
        seen: set[str] = set()
        while nested:
            name, inner, is_list = nested.pop(0)
            if name in seen:
                continue
            seen.add(name)
            filled = " and ".join(f"`{name}`" for name in (inner.shorthand, *inner.shorthand_also))
            shorthand = f" A plain string is taken as its {filled}." if inner.shorthand else ""
            heading = f"### `{name}` entries" if is_list else f"### `{name}`"
            what = f"Each entry of `{name}` has these fields." if is_list else f"`{name}` has these fields."
            lines += ["", heading, "", what + shorthand, ""]
            lines += _table(inner, f"{name}.", nested)
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(reference(), end="")
