"""YAML with source positions: compose nodes with the safe loader, keep each node's line and column."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import yaml

from badgesite.load.documents import KeyPath, LineColumn
from badgesite.problems import Problem

try:  # libyaml is ~10x faster and gives the same marks
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

_scalar_constructor = yaml.SafeLoader("")


class ParsedYaml:
    """The result of parsing: plain data plus positions, or the problems that stopped it."""

    __slots__ = ("data", "key_positions", "problems", "value_positions")

    def __init__(self) -> None:
        self.data: Any = None
        self.value_positions: dict[KeyPath, LineColumn] = {}
        self.key_positions: dict[KeyPath, LineColumn] = {}
        self.problems: list[Problem] = []


def parse_yaml(text: str, *, path: str, line_offset: int = 0) -> ParsedYaml:
    """Parse one YAML document safely; syntax errors become Problems with their line."""
    parsed = ParsedYaml()
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 + line_offset) if mark else 1
        column = (mark.column + 1) if mark else 1
        message = error.problem or "is not valid YAML"
        if error.context:
            message = f"{error.context}, {message}"
        parsed.problems.append(
            Problem(
                path=path,
                line=line,
                column=column,
                message=f"YAML syntax error: {message}",
                hint="check indentation and quote values that contain ': ' or start with a special character",
            )
        )
        return parsed
    except yaml.YAMLError as error:
        parsed.problems.append(Problem(path=path, line=1, column=1, message=f"YAML error: {error}"))
        return parsed
    if node is None:
        parsed.data = None
        return parsed
    try:
        parsed.data = _convert(node, (), parsed, path, line_offset, _Aliases())
    except _AliasProblem as problem:
        parsed.data = None
        parsed.problems.append(_alias_problem(problem, parsed, path))
    return parsed


# An alias reuses a value; expanded, an eight-level "billion laughs" file of 1 KB is 10^8 values, which
# exhausted memory after 40 s. Real reuse (a shared skills list, an evidence entry) is tens of values; a whole
# config is a few thousand. 10,000 expanded values cost a few milliseconds, and no portfolio file needs more.
MAX_ALIAS_VALUES = 10_000


class _Aliases:
    """What the conversion of one document has expanded: collections met once, values copied from aliases."""

    __slots__ = ("expanded", "open", "seen")

    def __init__(self) -> None:
        self.seen: set[int] = set()  # collection nodes converted once: meeting one again is an alias
        self.open: set[int] = set()  # collection nodes being converted: meeting one of them is a loop
        self.expanded = 0


class _AliasProblem(Exception):
    def __init__(self, key_path: KeyPath, message: str) -> None:
        super().__init__(message)
        self.key_path = key_path
        self.message = message


def _alias_problem(problem: _AliasProblem, parsed: ParsedYaml, path: str) -> Problem:
    """At the key whose value is the alias (the node itself only knows where its anchor was written)."""
    key_path = problem.key_path
    position = parsed.key_positions.get(key_path)
    while position is None and key_path:
        key_path = key_path[:-1]
        position = parsed.key_positions.get(key_path) or (parsed.value_positions.get(key_path) if key_path else None)
    line, column = position or (1, 1)
    return Problem(
        path=path,
        line=line,
        column=column,
        field=_dotted(problem.key_path),
        message=problem.message,
        hint="aliases are for reusing a few values: write the values out",
    )


def _position(mark: Any, line_offset: int) -> LineColumn:
    return (mark.line + 1 + line_offset, mark.column + 1)


def _convert(
    node: yaml.Node,
    key_path: KeyPath,
    parsed: ParsedYaml,
    path: str,
    line_offset: int,
    aliases: _Aliases,
    alias_at: KeyPath | None = None,
) -> Any:
    """Plain data from a node; `alias_at` is where the alias being expanded was used, None outside one."""
    parsed.value_positions[key_path] = _position(node.start_mark, line_offset)
    if alias_at is not None:
        aliases.expanded += 1
        if aliases.expanded > MAX_ALIAS_VALUES:
            raise _AliasProblem(alias_at, f"YAML aliases expand to more than {MAX_ALIAS_VALUES:,} values")
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    identity = id(node)
    if identity in aliases.open:
        raise _AliasProblem(key_path, "a YAML alias repeats a value that contains it, which never ends")
    if identity in aliases.seen and alias_at is None:
        alias_at = key_path
        aliases.expanded += 1
    aliases.seen.add(identity)
    aliases.open.add(identity)
    try:
        return _collection(node, key_path, parsed, path, line_offset, aliases, alias_at)
    finally:
        aliases.open.discard(identity)


def _collection(
    node: yaml.Node,
    key_path: KeyPath,
    parsed: ParsedYaml,
    path: str,
    line_offset: int,
    aliases: _Aliases,
    alias_at: KeyPath | None,
) -> Any:
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                parsed.problems.append(
                    _at_key(key_node, path, line_offset, "YAML merge keys (<<) are not supported", "write the keys out")
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):  # printing it could expand aliases without bound
                message = "a YAML key must be text, not a list or a mapping"
                parsed.problems.append(_at_key(key_node, path, line_offset, message, "write `key: value`"))
                continue
            key = str(_scalar(key_node))
            child_path = (*key_path, key)
            if key in result:
                twice = _at_key(key_node, path, line_offset, "key appears twice", "keep one of them")
                parsed.problems.append(replace(twice, field=_dotted(child_path)))
                continue
            parsed.key_positions[child_path] = _position(key_node.start_mark, line_offset)
            result[key] = _convert(value_node, child_path, parsed, path, line_offset, aliases, alias_at)
        return result
    return [
        _convert(item, (*key_path, index), parsed, path, line_offset, aliases, alias_at)
        for index, item in enumerate(node.value)
    ]


def _at_key(key_node: yaml.Node, path: str, line_offset: int, message: str, hint: str) -> Problem:
    """A problem with a key as written, at the key."""
    mark = key_node.start_mark
    return Problem(path=path, line=mark.line + 1 + line_offset, column=mark.column + 1, message=message, hint=hint)


STR_TAG = "tag:yaml.org,2002:str"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


def _scalar(node: yaml.Node) -> Any:
    """Resolve a scalar's type; a value that fails to construct (2024-13-45) stays the text it was."""
    if node.tag == STR_TAG and isinstance(node, yaml.ScalarNode):
        return node.value  # most scalars are text: skip the constructor's dispatch
    if node.tag == TIMESTAMP_TAG and len(node.value) == 10:  # YYYY-MM-DD, as the resolver's pattern has it
        try:
            return dt.date.fromisoformat(node.value)  # every badge and case study has one: 7x PyYAML's way
        except ValueError:
            return node.value
    try:
        return _scalar_constructor.construct_object(node, deep=True)
    except (ValueError, yaml.constructor.ConstructorError, OverflowError):
        return node.value


def _dotted(key_path: KeyPath) -> str:
    """`evidence[0].url` — how fields are named in problems."""
    text = ""
    for part in key_path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


dotted = _dotted
