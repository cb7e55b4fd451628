"""When two spellings are the same name: case, spacing and punctuation aside, or nearly the same letters."""

from __future__ import annotations

import difflib
import re
import unicodedata

from badgesite.model.naming import name_words, normal_spacing

NEAR_RATIO = 0.9
WORD_RATIO = 0.75  # a typo keeps most of a word's letters
_DIGIT_RUN = re.compile(r"\d+")  # any script's decimal digits, as int() reads them


def canonical_key(text: str) -> str:
    """`AWS Certified Cloud-Practitioner` and `aws certified cloud practitioner` share one key; `C# Fundamentals`
    and `C++ Fundamentals` do not (the naming rules' words, so check and build agree on what one name is). A name
    of punctuation alone is its own key, never the empty one that every such name would share."""
    return name_words(text) or normal_spacing(text).casefold()


def ratio(first: str, second: str) -> float:
    """difflib's similarity of two canonical keys, 0 to 1."""
    return difflib.SequenceMatcher(None, canonical_key(first), canonical_key(second), autojunk=False).ratio()


def same_name(first: str, second: str) -> bool:
    key = canonical_key(first)
    return bool(key) and key == canonical_key(second)


def near_name(first: str, second: str) -> bool:
    """Very similar keys (ratio >= 0.9) that differ by a typo or by extra words, not by one word for another,
    and never by a number.

    `Certified: Vault Associate` and `Certified: Consul Associate` score above 0.9 on their shared words
    alone; they are two credentials because the words that differ are not alike. `Module 10` and `Module 100`,
    `Python 3.1` and `Python 3.10`, `ISO 27001` and `ISO 27017` are alike letter by letter, but a number is a
    version, a level, a module or a standard: other numbers name another thing, never a misspelling of it.
    """
    if same_name(first, second) or _numbers(first) != _numbers(second) or ratio(first, second) < NEAR_RATIO:
        return False
    first_words, second_words = canonical_key(first).split(), canonical_key(second).split()
    only_first = [word for word in first_words if word not in second_words]
    only_second = [word for word in second_words if word not in first_words]
    if not only_first or not only_second:
        return True  # words added or left out: `Administrator` and `Administrator (CKA)`
    return all(_alike(word, only_second) for word in only_first)


def _numbers(name: str) -> tuple[str, ...]:
    """The numbers of a name in order, by value: `Module 10` has ("10",), `Level 01` and `Level 1` the same one."""
    return tuple(_value(run) for run in _DIGIT_RUN.findall(canonical_key(name)))


def _value(digits: str) -> str:
    """Digits of any script as plain ones without leading zeros; a string, as int() refuses over 4300 digits."""
    return "".join(str(unicodedata.decimal(digit)) for digit in digits).lstrip("0") or "0"


def _alike(word: str, others: list[str]) -> bool:
    return any(difflib.SequenceMatcher(None, word, other).ratio() >= WORD_RATIO for other in others)
