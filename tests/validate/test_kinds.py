from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from badgesite.load.documents import Document
from badgesite.validate.kinds import CheckContext, Date, Invalid, ListOf, Text, Url, check_url
from badgesite.validate.suggest import did_you_mean


def context(tmp_path: Path) -> CheckContext:
    return CheckContext(root=tmp_path, document=Document(path="badges/x.yml", data={}), problems=[])


@pytest.mark.parametrize("url", ["https://example.org/a?b=c", "http://example.org", "mailto:ada@example.org"])
def test_safe_urls_pass(url: str) -> None:
    assert check_url(url) == url


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "javascript:alert(1)",
            'expected a URL starting with http://, https:// or mailto:, got "javascript:alert(1)"',
        ),
        (
            "data:text/html,x",
            'expected a URL starting with http://, https:// or mailto:, got "data:text/html,x"',
        ),
        ("https://", 'expected a URL with a host name, got "https://"'),
        ("https://a.example/x y", 'expected a URL without spaces, got "https://a.example/x y"'),
    ],
)
def test_unsafe_urls_are_refused_with_the_reason(url: str, message: str) -> None:
    with pytest.raises(Invalid) as raised:
        check_url(url)
    assert raised.value.message == message


def test_dates_accept_iso_text_and_yaml_dates(tmp_path: Path) -> None:
    ctx = context(tmp_path)
    assert Date().check("2024-05-31", ("earned",), ctx) == dt.date(2024, 5, 31)
    assert Date().check(dt.datetime(2024, 5, 31, 10), ("earned",), ctx) == dt.date(2024, 5, 31)
    with pytest.raises(Invalid, match='expected a date like 2024-05-31, got "31/05/2024"'):
        Date().check("31/05/2024", ("earned",), ctx)


def test_a_single_value_is_a_list_of_one_and_bad_items_are_each_reported(tmp_path: Path) -> None:
    ctx = context(tmp_path)
    assert ListOf(Text()).check("Python", ("skills",), ctx) == ["Python"]
    assert ListOf(Url()).check(["https://a.example", "ftp://b"], ("links",), ctx) == ["https://a.example"]
    assert [p.field for p in ctx.problems] == ["links[1]"]


def test_suggestions_only_for_near_misses() -> None:
    assert did_you_mean("isuer", ["issuer", "image"]) == 'did you mean "issuer"?'
    assert did_you_mean("colour", ["issuer", "image"]) == ""
