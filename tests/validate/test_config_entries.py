"""An entry of badgesite.yml's lists with its name left out, empty or invisible is a problem at its line, and
the rest of the site is still checked: the rules that compare names skip it instead of failing on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TODAY, run_cli, write_files

CONFIG = "title: T\nbase_url: https://example.org/\nowner: {name: Ada}\n"
REST = "targets:\n  - {name: T, collection: Clod, count: 1}\n"


@pytest.mark.parametrize(
    ("section", "entry", "expected"),
    [
        ("issuers", "{aliases: [AWS]}", "issuers[0].name: missing required field"),
        ("issuers", "{name: ''}", "issuers[0].name: expected text, got an empty value"),
        ("skills", "{name: ' '}", "skills[0].name: expected text, got an empty value"),
        ("skills", '{name: "\\u200b"}', "skills[0].name: expected text, got only invisible characters (U+200B)"),
        ("collections", "{skills: [k8s]}", "collections[0].name: missing required field"),
        ("collections", "{name: }", "collections[0].name: missing required field"),
        ("frameworks", "{name: F, codes: [{code: A}]}", "frameworks[0].id: missing required field"),
        ("frameworks", "{id: f, name: F, codes: [{title: A}]}", "frameworks[0].codes[0].code: missing required"),
    ],
)
def test_a_list_entry_without_a_name_is_a_problem_not_an_internal_error(
    tmp_path: Path, section: str, entry: str, expected: str
) -> None:
    collections = "" if section == "collections" else "collections:\n  - {name: Cloud, skills: [Kubernetes]}\n"
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": f"{CONFIG}{section}:\n  - {entry}\n{collections}{REST}",
            "badges/a.yml": "name: A\nissuer: AWS\nearned: 2024-05-31\nskills: [Kubernetes]\n",
        },
    )
    for command in ("build", "check"):
        result = run_cli(command, site, "--today", TODAY)
        assert result.returncode == 1, result.stderr
        assert "internal error" not in result.stderr + result.stdout
        assert any(line.startswith("badgesite.yml:5:") and expected in line for line in result.stderr.splitlines())
        assert "targets[0].collection: unknown collection" in result.stderr, "the other entries are still checked"


@pytest.mark.parametrize("alignment", ["[{}]", "[{framework: sfia}]", "[{code: ARCH}]", "[{framework: [x], code: A}]"])
def test_an_incomplete_alignment_is_a_problem_not_an_internal_error(tmp_path: Path, alignment: str) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": CONFIG + "frameworks:\n  - {id: sfia, name: SFIA, codes: [{code: ARCH}]}\n",
            "badges/a.yml": f"name: A\nissuer: AWS\nearned: 2024-05-31\nalignment: {alignment}\n",
        },
    )
    result = run_cli("build", site, "--today", TODAY)
    assert result.returncode == 1
    assert "internal error" not in result.stderr
    assert result.stderr.startswith("badges/a.yml:4:")
