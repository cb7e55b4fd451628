"""Markdown files with a YAML front matter block between `---` lines."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SplitMarkdown:
    """The YAML text, the Markdown body, and the line (1-based) where each starts."""

    front_matter: str | None
    front_matter_line: int
    body: str
    body_line: int
    closed: bool = True


def split_front_matter(text: str) -> SplitMarkdown:
    """Split `---\\nyaml\\n---\\nbody`; a file without the opening fence is all body."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return SplitMarkdown(None, 0, text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            front = "".join(lines[1:index])
            body = "".join(lines[index + 1 :])
            return SplitMarkdown(front, 2, body, index + 2)
    return SplitMarkdown("".join(lines[1:]), 2, "", len(lines) + 1, closed=False)
