from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from badgesite.load.documents import Document
from badgesite.validate.kinds import CheckContext, Date, Invalid, Scalar, Text, Url, check_url
from badgesite.validate.records import ListOf
from badgesite.validate.suggest import did_you_mean
from tests.conftest import MINIMAL_CONFIG, TODAY, run_cli, write_files


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


@pytest.mark.parametrize("text", ["2024-05-31T10:00:00Z", "2024-05-31 10:00", "2024-05-31T23:59:59.123456+05:00"])
def test_a_date_with_a_time_is_its_day_quoted_or_not(tmp_path: Path, text: str) -> None:
    """README: a date with a time is taken as its day; YAML reads some of these as text (quoted, or no seconds)."""
    assert Date().check(text, ("earned",), context(tmp_path)) == dt.date(2024, 5, 31)


@pytest.mark.parametrize("text", ["2024-02-30", "2024-13-45", "2023-02-29 10:00"])
def test_a_day_that_does_not_exist_is_named_as_such(tmp_path: Path, text: str) -> None:
    with pytest.raises(Invalid) as raised:
        Date().check(text, ("earned",), context(tmp_path))
    assert raised.value.message == f"there is no day {text[:10]}"
    assert raised.value.hint == "check the month and the day"


def test_yes_where_a_number_or_text_is_expected_gets_the_quoting_hint(tmp_path: Path) -> None:
    with pytest.raises(Invalid) as raised:
        Scalar().check(True, ("after",), context(tmp_path))
    assert raised.value.message == "expected a number or text, got true"
    assert "quote text" in raised.value.hint


def test_a_single_value_is_a_list_of_one_and_bad_items_are_each_reported(tmp_path: Path) -> None:
    ctx = context(tmp_path)
    assert ListOf(Text()).check("Python", ("skills",), ctx) == ["Python"]
    assert ListOf(Url()).check(["https://a.example", "ftp://b"], ("links",), ctx) == ["https://a.example"]
    assert [p.field for p in ctx.problems] == ["links[1]"]


def test_suggestions_only_for_near_misses() -> None:
    assert did_you_mean("isuer", ["issuer", "image"]) == 'did you mean "issuer"?'
    assert did_you_mean("colour", ["issuer", "image"]) == ""


@pytest.mark.parametrize("text", ["2025-01-31 A year-long programme", "2025-01-31 25:00", "2025-01-31Tnoon"])
def test_a_real_day_followed_by_other_text_is_not_called_a_missing_day(tmp_path: Path, text: str) -> None:
    """A summary's folded lines run into `date:` when its `summary:` line is deleted: the day exists."""
    with pytest.raises(Invalid) as raised:
        Date().check(text, ("date",), context(tmp_path))
    assert raised.value.message == f'expected a date like 2024-05-31, got "{text}"'


def test_text_of_only_invisible_characters_is_refused_where_it_is_written(tmp_path: Path) -> None:
    """A zero-width space as a skill made a skill page with an invisible name."""
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": MINIMAL_CONFIG,
            "badges/a.yml": 'name: "\\u200b\\ufeff"\nissuer: AWS\nearned: 2024-05-31\n'
            'skills: ["\\u200b", "a\\u200bb"]\n',
        },
    )
    result = run_cli("build", site, "--today", TODAY)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "badges/a.yml:1:7: name: expected text, got only invisible characters (U+200B, U+FEFF)",
        "badges/a.yml:4:10: skills[0]: expected text, got only invisible characters (U+200B)",
        "2 problems in 1 file; nothing was written",
    ]


def test_a_backslash_in_a_path_is_said_to_be_a_folder_separator(tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": MINIMAL_CONFIG,
            "evidence/a\\b.txt": "a file whose name holds a backslash",
            "badges/a.yml": "name: A\nissuer: AWS\nearned: 2024-05-31\nevidence:\n"
            "  - {title: E, file: '../evidence/a\\b.txt'}\n",
        },
    )
    result = run_cli("build", site, "--today", TODAY)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        'badges/a.yml:5:22: evidence[0].file: file "../evidence/a\\b.txt" does not exist '
        "(a \\ is read as a folder separator, as Windows writes paths: rename the file without it)"
    )
