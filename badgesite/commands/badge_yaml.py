"""Write a badge YAML file by hand, with comments, yet with every value quoted by PyYAML so it reads back exactly."""

from __future__ import annotations

import re
from typing import Any

import yaml

# PyYAML refuses these anywhere in a stream, comments included (yaml.reader.Reader.NON_PRINTABLE).
_NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# Line breaks other than \n, which YAML would normalise or fold unless escaped.
_FOLDED_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


class _BadgeDumper(yaml.SafeDumper):
    """SafeDumper that writes multi-line text as a literal block, so a description stays readable."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if any(mark in value for mark in _FOLDED_BREAKS):
        style: str | None = '"'  # only double quotes can escape these; any other style folds them into spaces
    elif "\n" in value.strip("\n"):
        style = "|"  # PyYAML falls back to quotes when a literal block cannot hold the text
    else:
        style = None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BadgeDumper.add_representer(str, _represent_text)


class YamlWriteError(Exception):
    """The text written would not read back as the values given: a bug, never the user's doing."""


class BadgeYaml:
    """Top-level fields in order, each with the comment lines above it; `text()` checks the round trip."""

    def __init__(self) -> None:
        self._lines: list[str] = []
        self._values: dict[str, Any] = {}

    def comment(self, text: str) -> None:
        """Add `# text` lines; line breaks and characters YAML refuses cannot end the comment early."""
        for line in text.splitlines() or [""]:
            cleaned = _NON_PRINTABLE.sub("\ufffd", line).rstrip()
            self._lines.append(f"# {cleaned}".rstrip())

    def blank(self) -> None:
        self._lines.append("")

    def field(self, key: str, value: Any) -> None:
        """Add `key: value`, the value in the style PyYAML picks so that it loads back unchanged."""
        if key in self._values:
            raise YamlWriteError(f"field {key!r} written twice")
        dumped = yaml.dump(
            {key: value},
            Dumper=_BadgeDumper,
            sort_keys=False,
            allow_unicode=True,
            default_flow_style=False,
            width=10_000,
        )
        self._lines.extend(dumped.rstrip("\n").split("\n"))
        self._values[key] = value

    @property
    def values(self) -> dict[str, Any]:
        return dict(self._values)

    def text(self) -> str:
        """The file's text; raises YamlWriteError if it does not load back as exactly the fields written."""
        text = "\n".join(self._lines).rstrip("\n") + "\n"
        try:
            loaded = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise YamlWriteError(f"the written YAML does not parse: {error}") from None
        if (loaded or {}) != self._values:
            raise YamlWriteError("the written YAML does not read back as the values given")
        return text
