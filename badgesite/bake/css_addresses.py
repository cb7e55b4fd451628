"""The addresses a piece of CSS may load, read by tinycss2's CSS Syntax 3 tokenizer as a browser reads them.

A pattern over the raw text is one step behind the grammar: CSS allows a comment or nothing at all between
`@import` and its string (`@import/**/"data:…"`, `@import"data:…"`), escapes in any name (`@imp\\6frt`,
`u\\72l(`) and in strings, and `/*` inside a string starts no comment. Tokens leave no such gap.
"""

from __future__ import annotations

import re

_NEWLINES = re.compile(r"\r\n|[\r\f]")  # the tokenizer counts lines after making every newline \n
_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.S)


def css_addresses(css: str) -> list[str]:
    """Every string and every unquoted `url(…)` of the CSS, escapes decoded, in order; comments load nothing.

    All strings, not only `@import "…"` and `url("…")`: `image-set("…")` and `src("…")` load a string too, so
    what the keyword before a string is does not decide whether it is an address.
    """
    if not any(mark in css for mark in "\"'("):
        return []  # no string and no `url(` (an escaped quote or parenthesis is part of a name, never either)
    import tinycss2  # here: most builds meet no CSS with an address, and the import is every start's cost

    found: list[str] = []
    pending = list(reversed(tinycss2.parse_component_value_list(css, skip_comments=True)))
    while pending:
        token = pending.pop()
        if token.type in ("string", "url"):
            found.append(token.value)
        elif token.type == "error" and token.kind == "bad-url":
            found.append(_bad_url(css, token.source_line, token.source_column))
        elif token.type == "function":
            pending.extend(reversed(token.arguments))
        elif token.type in ("() block", "[] block", "{} block"):
            pending.extend(reversed(token.content))
    return found


def _bad_url(css: str, line: int, column: int) -> str:
    """The address an unquoted `url(…)` that breaks the grammar meant (`url(javascript:alert(1))`: a parenthesis
    inside, or a quote or comment after some text). Browsers ignore such a token; its text up to the first `)`,
    without comments and quotes, is still held to the rules, so a script address is named as one: stricter,
    never looser."""
    text = _NEWLINES.sub("\n", css)
    lines = text.split("\n")
    start = text.find("(", sum(len(before) + 1 for before in lines[: line - 1]) + column - 1) + 1
    end = start
    while end < len(text) and text[end] != ")":
        end += 2 if text[end] == "\\" else 1
    raw = _COMMENT.sub("", text[start:end]).strip().strip("\"'").replace("\\\n", "").replace("\n", " ")
    raw = raw.replace('"', '\\"')
    import tinycss2

    as_string = tinycss2.parse_component_value_list(f'"{raw}"')  # the same escapes, decoded by the same reader
    return as_string[0].value if as_string and as_string[0].type == "string" else raw
