"""The fragment memo behind badge and case-study cards: reused when the key matches, never when it differs."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from markupsafe import Markup

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


class ItemCounter:
    def __init__(self) -> None:
        self.calls: list[object] = []

    def __call__(self, item: object) -> str:
        self.calls.append(item)
        return f"<li>{item}</li>"


def test_each_renders_every_item_once_and_shares_the_single_fragments() -> None:
    fragments, caller = Fragments(), ItemCounter()
    assert fragments.each("row", ["a", "b", "a"], 3, caller=caller) == "<li>a</li>\n<li>b</li>\n<li>a</li>"
    assert caller.calls == ["a", "b"]
    single = Counter()
    assert fragments("row", "b", 3, caller=single) == "<li>b</li>", "fragment() finds what each() made"
    assert single.calls == 0
    assert fragments.each("row", ["b"], 2, caller=caller) == "<li>b</li>", "another key renders again"
    assert fragments.each("row", [], 3, caller=caller) == ""


def test_each_with_an_unhashable_key_renders_every_item_every_time() -> None:
    fragments, caller = Fragments(), ItemCounter()
    fragments.each("row", [{"a": 1}, {"a": 1}], caller=caller)
    fragments.each("row", ["x", "x"], {"unhashable": True}, caller=caller)
    assert len(caller.calls) == 4


def test_a_model_object_found_by_identity_is_still_compared_by_value() -> None:
    site = assemble(validate_site(read_site(SAMPLE_SITE)), ModelOptions(today=TODAY))
    fragments, caller = Fragments(), ItemCounter()
    badge = site.badges[0]
    fragments.each("card", [badge, badge], caller=caller)
    fragments.each("card", [replace(badge)], caller=caller)
    assert len(caller.calls) == 1
    fragments.each("card", [replace(badge, level="expert-x")], caller=caller)
    assert len(caller.calls) == 2


def test_keys_that_print_differently_render_apart() -> None:
    fragments, caller = Fragments(), ItemCounter()
    assert fragments.each("n", [1, 1.0, True], caller=caller) == "<li>1</li>\n<li>1.0</li>\n<li>True</li>"
    assert fragments.each("z", [-0.0, 0.0, [-0.0], [0.0]], caller=caller).split("\n") == [
        "<li>-0.0</li>",
        "<li>0.0</li>",
        "<li>[-0.0]</li>",
        "<li>[0.0]</li>",
    ]
    assert fragments.each(-0.0, ["a"], caller=caller) != fragments.each(0.0, ["b"], caller=caller)
    escaped = Fragments().each("m", [Markup("<b>"), "<b>"], caller=lambda item: str(Markup.escape(item)))
    assert escaped == "<b>\n&lt;b&gt;", "a plain string equal to a Markup one must still be escaped"


def test_a_site_override_reusing_a_theme_fragment_name_gets_its_own_markup(tmp_path: Path) -> None:
    """Keys are scoped to the template file: an override's "badge_card" is not the theme's."""
    import jinja2

    for name, text in {
        "theme.html": '{% call(x) fragment_each("badge_card", items) %}theme {{ x }}{% endcall %}',
        "override.html": '{% call(x) fragment_each("badge_card", items) %}override {{ x }}{% endcall %}',
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    fragments = Fragments()
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), autoescape=True)
    environment.globals.update(fragment=fragments, fragment_each=fragments.each)
    assert environment.get_template("theme.html").render(items=["a"]) == "theme a"
    assert environment.get_template("override.html").render(items=["a"]) == "override a"


def test_each_with_an_unhashable_name_renders_every_item() -> None:
    fragments, caller = Fragments(), ItemCounter()
    assert fragments.each(["not", "a", "name"], ["a"], caller=caller) == "<li>a</li>"  # type: ignore[arg-type]
    assert fragments.each({"unhashable": 1}, ["a"], caller=caller) == "<li>a</li>"  # type: ignore[arg-type]
    assert len(caller.calls) == 2
