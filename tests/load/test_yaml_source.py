from __future__ import annotations

import datetime as dt

from badgesite.load.documents import Position
from badgesite.load.front_matter import split_front_matter
from badgesite.load.yaml_source import parse_yaml


def test_values_keep_their_line_and_column() -> None:
    parsed = parse_yaml("name: X\nevidence:\n  - title: Report\n    url: https://a.example\n", path="b.yml")
    assert parsed.data == {"name": "X", "evidence": [{"title": "Report", "url": "https://a.example"}]}
    assert parsed.value_positions[("evidence", 0, "url")] == Position(4, 10)
    assert parsed.key_positions[("evidence",)] == Position(2, 1)


def test_dates_are_typed_and_impossible_dates_stay_text() -> None:
    parsed = parse_yaml("a: 2024-05-31\nb: 2024-13-45\n", path="b.yml")
    assert parsed.data == {"a": dt.date(2024, 5, 31), "b": "2024-13-45"}


def test_duplicate_keys_are_problems_with_the_second_line() -> None:
    parsed = parse_yaml("name: a\nlevel: x\nname: b\n", path="b.yml")
    assert [p.format() for p in parsed.problems] == ["b.yml:3:1: name: key appears twice (keep one of them)"]
    assert parsed.data["name"] == "a"


def test_syntax_error_names_the_line() -> None:
    parsed = parse_yaml("name: a\n  bad: [\n", path="b.yml")
    assert parsed.data is None
    assert parsed.problems[0].line == 2
    assert "YAML syntax error" in parsed.problems[0].message


def test_unsafe_tags_are_refused() -> None:
    parsed = parse_yaml("x: !!python/object/apply:os.system [echo hi]\n", path="b.yml")
    assert parsed.data == {"x": ["echo hi"]}  # the tag is ignored: nothing is constructed or run


def test_front_matter_lines_are_counted_from_the_file_start() -> None:
    split = split_front_matter("---\ntitle: T\n---\n# Body\n")
    assert split.front_matter == "title: T\n"
    assert split.body == "# Body\n"
    assert split.body_line == 4
    parsed = parse_yaml(split.front_matter, path="c.md", line_offset=split.front_matter_line - 1)
    assert parsed.value_positions[("title",)] == Position(2, 8)


def test_unclosed_front_matter_is_reported() -> None:
    assert not split_front_matter("---\ntitle: T\n").closed
    assert split_front_matter("no front matter\n").front_matter is None
