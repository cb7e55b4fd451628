"""YAML with source positions: compose nodes with the safe loader, keep each node's line and column."""

from __future__ import annotations

from typing import Any

import yaml

from badgesite.load.documents import KeyPath, Position
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
        self.value_positions: dict[KeyPath, Position] = {}
        self.key_positions: dict[KeyPath, Position] = {}
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
    parsed.data = _convert(node, (), parsed, path, line_offset)
    return parsed


def _position(mark: Any, line_offset: int) -> Position:
    return Position(mark.line + 1 + line_offset, mark.column + 1)


def _convert(node: yaml.Node, key_path: KeyPath, parsed: ParsedYaml, path: str, line_offset: int) -> Any:
    parsed.value_positions[key_path] = _position(node.start_mark, line_offset)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                parsed.problems.append(
                    Problem(
                        path=path,
                        line=key_node.start_mark.line + 1 + line_offset,
                        column=key_node.start_mark.column + 1,
                        message="YAML merge keys (<<) are not supported",
                        hint="write the keys out",
                    )
                )
                continue
            key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            key = str(key)
            child_path = (*key_path, key)
            if key in result:
                parsed.problems.append(
                    Problem(
                        path=path,
                        line=key_node.start_mark.line + 1 + line_offset,
                        column=key_node.start_mark.column + 1,
                        field=_dotted(child_path),
                        message="key appears twice",
                        hint="keep one of them",
                    )
                )
                continue
            parsed.key_positions[child_path] = _position(key_node.start_mark, line_offset)
            result[key] = _convert(value_node, child_path, parsed, path, line_offset)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*key_path, index), parsed, path, line_offset) for index, item in enumerate(node.value)]
    return _scalar(node)


STR_TAG = "tag:yaml.org,2002:str"


def _scalar(node: yaml.Node) -> Any:
    """Resolve a scalar's type; a value that fails to construct (2024-13-45) stays the text it was."""
    if node.tag == STR_TAG and isinstance(node, yaml.ScalarNode):
        return node.value  # most scalars are text: skip the constructor's dispatch
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
