from __future__ import annotations

import pytest

from badgesite.model.naming import Vocabulary, level_rank
from badgesite.slugs import is_slug, slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Übung", "ubung"),
        ("AWS Certified Solutions Architect – Associate", "aws-certified-solutions-architect-associate"),
        ("Straße & Co.", "strasse-and-co"),
        ("C++ / C#", "c-c"),
        ("数据工程", "shujugongcheng"),
        ("   ", "item"),
        ("O'Reilly", "oreilly"),
    ],
)
def test_slugs_are_lowercase_ascii(text: str, slug: str) -> None:
    assert slugify(text) == slug
    assert is_slug(slugify(text))


def test_aliases_map_to_one_canonical_name_ignoring_case_and_spacing() -> None:
    vocabulary = Vocabulary.from_config([{"name": "Amazon Web Services", "aliases": ["AWS", "Amazon"]}])
    first_seen: dict[str, str] = {}
    assert vocabulary.name_for("aws", first_seen) == "Amazon Web Services"
    assert vocabulary.name_for("Amazon  Web Services", first_seen) == "Amazon Web Services"
    assert vocabulary.name_for("Google Cloud", first_seen) == "Google Cloud"
    assert vocabulary.name_for("google cloud", first_seen) == "Google Cloud"


def test_levels_rank_in_vocabulary_order() -> None:
    assert level_rank("Advanced", ["foundational", "advanced"]) == ("advanced", 1)
    assert level_rank(None, ["foundational"]) == (None, None)


def test_unknown_names_differing_only_in_punctuation_meet() -> None:
    vocabulary = Vocabulary.from_config([])
    first_seen: dict[str, str] = {}
    assert vocabulary.name_for("Linux Foundation", first_seen) == "Linux Foundation"
    assert vocabulary.name_for("Linux-Foundation", first_seen) == "Linux Foundation"


def test_configured_names_and_aliases_match_whatever_the_punctuation() -> None:
    """README: lookups ignore case, spacing and punctuation, for configured names too."""
    vocabulary = Vocabulary.from_config(
        [{"name": "Example Foundation"}, {"name": "Example Cloud Academy", "aliases": ["ECA"]}, {"name": "C++"}]
    )
    first_seen: dict[str, str] = {}
    assert vocabulary.name_for("Example Foundation.", first_seen) == "Example Foundation"
    assert vocabulary.name_for("example-foundation", first_seen) == "Example Foundation"
    assert vocabulary.name_for("e.c.a.", first_seen) == "Example Cloud Academy"
    assert vocabulary.name_for("c++", first_seen) == "C++"
    assert vocabulary.name_for("C#", first_seen) == "C#", "a different skill, not C++ with other punctuation"


def test_unknown_names_meet_only_when_they_differ_in_case_spacing_or_punctuation() -> None:
    """A shared slug does not make two names one: `C`, `C++` and `C#` all slug to `c`, and 李/理 to `li`."""
    vocabulary = Vocabulary.from_config([])
    first_seen: dict[str, str] = {}
    spelled = ["A.W.S.", "aws", "C", "C++", "c ++", "C#", "李大学", "理大学", "Übung", "Ubung", "Café", "Cafe\u0301"]
    assert [vocabulary.name_for(name, first_seen) for name in spelled] == [
        "A.W.S.",
        "A.W.S.",
        "C",
        "C++",
        "C++",
        "C#",
        "李大学",
        "理大学",
        "Übung",
        "Ubung",
        "Café",
        "Café",
    ]


def test_an_entry_may_choose_its_slug() -> None:
    vocabulary = Vocabulary.from_config([{"name": "C++", "slug": "c-plus-plus"}, {"name": "C#", "slug": None}])
    assert vocabulary.slug("C++") == "c-plus-plus"
    assert vocabulary.slug("C#") == "c"
    assert vocabulary.slug("Not configured") == "not-configured"
