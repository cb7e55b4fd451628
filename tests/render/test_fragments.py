"""The fragment memo behind badge and case-study cards: reused when the key matches, never when it differs."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from badgesite.load import read_site
from badgesite.model import ModelOptions, assemble
from badgesite.render.fragments import Fragments
from badgesite.validate import validate_site
from tests.conftest import SAMPLE_SITE

TODAY = dt.date(2026, 11, 29)


class Counter:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        return f"<p>call {self.calls}</p>"


def test_the_same_key_renders_once_and_a_different_key_renders_again() -> None:
    fragments, caller = Fragments(), Counter()
    assert fragments("card", "aws", 3, ["a", "b"], caller=caller) == "<p>call 1</p>"
    assert fragments("card", "aws", 3, ["a", "b"], caller=caller) == "<p>call 1</p>"
    assert fragments("card", "aws", 2, ["a", "b"], caller=caller) == "<p>call 2</p>"
    assert fragments("card", "aws", 3, ("a", "b"), caller=caller) == "<p>call 3</p>", "a tuple is not the list"
    assert caller.calls == 3


def test_an_unhashable_key_renders_every_time() -> None:
    fragments, caller = Fragments(), Counter()
    fragments("card", {"a": 1}, caller=caller)
    fragments("card", {"a": 1}, caller=caller)
    assert caller.calls == 2


def test_badges_and_case_studies_are_keys_by_value() -> None:
    """The cards' keys are the model objects: they must hash, and an edited badge must be a new key."""
    site = assemble(validate_site(read_site(SAMPLE_SITE)), ModelOptions(today=TODAY))
    fragments, caller = Fragments(), Counter()
    for badge in site.badges:
        fragments("badge_card", badge, 3, None, caller=caller)
    for study in site.case_studies:
        fragments("case_study_card", study, 3, caller=caller)
    assert caller.calls == len(site.badges) + len(site.case_studies)
    badge = site.badges[0]
    fragments("badge_card", replace(badge), 3, None, caller=caller)
    assert caller.calls == len(site.badges) + len(site.case_studies), "an equal badge reuses the card"
    fragments("badge_card", replace(badge, name=badge.name + " (renamed)"), 3, None, caller=caller)
    assert caller.calls == len(site.badges) + len(site.case_studies) + 1
