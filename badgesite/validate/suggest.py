"""'Did you mean' suggestions for misspelt keys, ids and vocabulary."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The most similar candidate, or None when nothing is close enough to be a typo."""
    if not isinstance(word, str):
        return None  # a value its own problem left empty
    options = [option for option in candidates if isinstance(option, str)]
    lowered = {option.lower(): option for option in options}
    if word.lower() in lowered:
        return lowered[word.lower()]
    matches = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[matches[0]] if matches else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`did you mean "issuer"?` or an empty string."""
    match = closest(word, candidates)
    return f'did you mean "{match}"?' if match else ""
