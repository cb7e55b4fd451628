from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import yaml

from badgesite.load.documents import Position
from badgesite.load.front_matter import split_front_matter
from badgesite.load.yaml_source import parse_yaml
from tests.conftest import TODAY, run_cli, write_files
from tests.html_tools import parse_page


def test_values_keep_their_line_and_column() -> None:
    parsed = parse_yaml("name: X\nevidence:\n  - title: Report\n    url: https://a.example\n", path="b.yml")
    assert parsed.data == {"name": "X", "evidence": [{"title": "Report", "url": "https://a.example"}]}
    assert parsed.value_positions[("evidence", 0, "url")] == Position(4, 10)
    assert parsed.key_positions[("evidence",)] == Position(2, 1)


def test_dates_are_typed_and_impossible_dates_stay_text() -> None:
    parsed = parse_yaml("a: 2024-05-31\nb: 2024-13-45\nc: 2023-02-29\nd: 2024-02-29\n", path="b.yml")
    assert parsed.data == {"a": dt.date(2024, 5, 31), "b": "2024-13-45", "c": "2023-02-29", "d": dt.date(2024, 2, 29)}


def test_dates_with_a_time_and_other_shapes_read_as_yaml_reads_them() -> None:
    text = "a: 2024-05-31 10:30:00\nb: 2024-05-31T10:30:00Z\nc: 2024-5-31\nd: '2024-05-31'\ne: 20240531\n"
    assert parse_yaml(text, path="b.yml").data == yaml.safe_load(text)


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


def _alias_bomb(levels: int = 8, width: int = 9) -> str:
    """A badge whose skills are `width ** levels` values (43 million here) written in under 1 KB."""
    lines = ["name: Bomb\nissuer: Acme\nearned: 2025-01-01\nx-anchors:\n"]
    lines.append("  a: &a [" + ", ".join(['"lol"'] * width) + "]\n")
    for level in range(1, levels):
        name, previous = "abcdefgh"[level], "abcdefgh"[level - 1]
        lines.append(f"  {name}: &{name} [" + ", ".join([f"*{previous}"] * width) + "]\n")
    lines.append("skills: *h\n")
    return "".join(lines)


def test_an_alias_bomb_is_a_problem_at_its_line_not_unbounded_work() -> None:
    parsed = parse_yaml(_alias_bomb(), path="badges/bomb.yml")
    assert parsed.data is None
    assert [p.format() for p in parsed.problems] == [
        "badges/bomb.yml:9:3: x-anchors.e[0]: YAML aliases expand to more than 10,000 values "
        "(aliases are for reusing a few values: write the values out)"
    ]


def test_an_alias_inside_its_own_value_is_a_problem() -> None:
    parsed = parse_yaml("name: x\nskills: &s [a, *s]\n", path="b.yml")
    assert parsed.data is None
    assert [p.format() for p in parsed.problems] == [
        "b.yml:2:1: skills[1]: a YAML alias repeats a value that contains it, which never ends "
        "(aliases are for reusing a few values: write the values out)"
    ]


def test_a_list_as_a_key_is_a_problem_without_printing_it() -> None:
    parsed = parse_yaml("name: x\n? [a, b]\n: 1\n", path="b.yml")
    assert parsed.data == {"name": "x"}
    assert [p.format() for p in parsed.problems] == [
        "b.yml:2:3: a YAML key must be text, not a list or a mapping (write `key: value`)"
    ]


def test_anchors_still_share_values_and_positions() -> None:
    parsed = parse_yaml("a: &s [AWS, k8s]\nb: *s\nc: [*s, *s]\n", path="b.yml")
    assert parsed.problems == []
    assert parsed.data == {"a": ["AWS", "k8s"], "b": ["AWS", "k8s"], "c": [["AWS", "k8s"], ["AWS", "k8s"]]}
    assert parsed.value_positions[("c", 1, 1)] == Position(1, 13)


def test_the_build_reports_the_bomb_and_keeps_a_shared_skills_list(tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": "title: T\nbase_url: /\nowner: {name: Ada}\ncollections:\n"
            "  - {name: Cloud, skills: &cloud [AWS, Kubernetes]}\n  - {name: Platform, skills: *cloud}\n",
            "badges/eks.yml": "name: EKS\nissuer: Acme\nearned: 2025-01-01\nskills: [Kubernetes]\n",
        },
    )
    built = run_cli("build", site, "--today", TODAY)
    assert built.returncode == 0, built.stderr
    for collection in ("cloud", "platform"):
        assert "/badges/eks/" in parse_page(site / "_site" / "collections" / collection / "index.html").anchors

    (site / "badges" / "bomb.yml").write_text(_alias_bomb(), encoding="utf-8")
    started = time.perf_counter()
    failed = run_cli("build", site, "--today", TODAY)
    assert time.perf_counter() - started < 30
    assert failed.returncode == 1
    assert failed.stderr.splitlines() == [
        "badges/bomb.yml:9:3: x-anchors.e[0]: YAML aliases expand to more than 10,000 values "
        "(aliases are for reusing a few values: write the values out)",
        "1 problem in 1 file; nothing was written",
    ]
