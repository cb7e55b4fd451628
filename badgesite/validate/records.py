"""The containers a schema is made of: a list of one kind, and a record of documented fields. They apply the
kinds of kinds.py to each value, report each problem at its own key, and go on with the rest."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from badgesite.load.documents import KeyPath
from badgesite.validate.kinds import CheckContext, Invalid, Kind, shown
from badgesite.validate.suggest import did_you_mean


@dataclass(frozen=True)
class ListOf(Kind):
    """A list of items of one kind; a single scalar is taken as a list of one."""

    item: Kind
    type_name = "list"

    def check(self, value: Any, key_path: KeyPath, context: CheckContext) -> list[Any]:
        if value is None:
            return []
        items = value if isinstance(value, list) else [value]
        if isinstance(value, dict) and not isinstance(self.item, Record):
            raise Invalid(f"expected a list of {self.item.type_name}, got a mapping")
        cleaned = []
        for index, item in enumerate(items):
            item_path = (*key_path, index) if isinstance(value, list) else key_path
            try:
                cleaned.append(self.item.check(item, item_path, context))
            except Invalid as error:
                context.report(item_path, error.message, error.hint)
        return cleaned


@dataclass(frozen=True)
class Field:
    """One documented key of a schema."""

    name: str
    kind: Kind
    doc: str
    required: bool = False
    default: Any = None
    example: str = ""


@dataclass(frozen=True)
class Record(Kind):
    """A mapping with a fixed set of documented keys; unknown keys are problems with a suggestion."""

    title: str
    fields: tuple[Field, ...]
    doc: str = ""
    shorthand: str | None = field(default=None)
    shorthand_also: tuple[str, ...] = field(default=())  # further fields a plain string fills (a link's title)
    type_name = "mapping"

    def check(self, value: Any, key_path: KeyPath, context: CheckContext) -> dict[str, Any]:
        if isinstance(value, str) and self.shorthand:
            value = {name: value for name in (self.shorthand, *self.shorthand_also)}
        if not isinstance(value, dict):
            raise Invalid(
                f"expected a mapping of {self.title} fields, got {shown(value)}",
                f"write it as `key: value` lines; known keys: {', '.join(f.name for f in self.fields)}",
            )
        known = {f.name: f for f in self.fields}
        for key in value:
            if key not in known:
                context.report(
                    (*key_path, key),
                    "unknown field",
                    did_you_mean(key, known) or f"known fields: {', '.join(known)}",
                    at_key=True,
                )
        cleaned: dict[str, Any] = {}
        for spec in self.fields:
            if spec.name not in value or value[spec.name] is None:
                if spec.required:
                    example = f"add e.g. {spec.name}: {spec.example}" if spec.example else f"add {spec.name}:"
                    context.report((*key_path, spec.name), "missing required field", example, where=key_path)
                cleaned[spec.name] = spec.default
                continue
            try:
                cleaned[spec.name] = spec.kind.check(value[spec.name], (*key_path, spec.name), context)
            except Invalid as error:
                context.report((*key_path, spec.name), error.message, error.hint)
                cleaned[spec.name] = spec.default
        return cleaned
