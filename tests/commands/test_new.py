"""`badgesite new`: files named by the naming rules, listing every schema field, valid as written, never overwriting."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from badgesite.commands.new_command import yaml_scalar
from badgesite.validate.schemas import BADGE, CASE_STUDY
from tests.conftest import run_cli

EPOCH_2026_11_29 = "1795953600"  # 2026-11-29 in UTC: `SOURCE_DATE_EPOCH` fixes "today"
COMMENTED_FIELD = re.compile(r"^# ([a-z_]+:.*)$")


def front_matter(text: str) -> str:
    assert text.startswith("---\n")
    return text.split("\n---\n", 1)[0].removeprefix("---\n")


def uncommented(text: str) -> dict[str, object]:
    """The YAML with every commented-out field switched on: proves each example is placed as valid YAML."""
    lines = []
    inside_field = False
    for line in text.splitlines():
        field = COMMENTED_FIELD.match(line)
        if field:
            lines.append(field.group(1))
            inside_field = True
        elif inside_field and line.startswith("#   "):
            lines.append(line[2:])
        else:
            inside_field = False
            lines.append(line)
    data = yaml.safe_load("\n".join(lines))
    assert isinstance(data, dict)
    return data


def test_new_badge_is_named_by_the_naming_rules_and_builds(small_site: Path) -> None:
    written = run_cli("new", "badge", "Übung Eins", "--issuer", "AWS", "--earned", "2024-05-31", "--site", small_site)
    path = small_site / "badges" / "ubung-eins.yml"
    assert written.returncode == 0, written.stderr
    assert written.stdout.startswith(f"wrote {path}\n")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data == {"name": "Übung Eins", "issuer": "AWS", "earned": dt.date(2024, 5, 31)}

    built = run_cli("build", small_site)
    assert built.returncode == 0, built.stderr
    assert (small_site / "_site" / "badges" / "ubung-eins" / "index.html").is_file()


def test_new_badge_lists_every_field_of_the_schema_with_its_doc(small_site: Path) -> None:
    assert run_cli("new", "badge", "Kubernetes Admin", "--issuer", "CNCF", "--site", small_site).returncode == 0
    text = (small_site / "badges" / "kubernetes-admin.yml").read_text(encoding="utf-8")
    assert set(uncommented(text)) == {field.name for field in BADGE.fields}
    for field in BADGE.fields:
        assert f"# {field.doc}\n" in text
    assert "# level: foundational\n" in text
    assert "#   - title: Cost report, Q3 2025  # What the evidence is.\n" in text


def test_earned_defaults_to_today(small_site: Path) -> None:
    written = run_cli(
        "new", "badge", "Cloud Basics", "--issuer", "AWS", "--site", small_site,
        env={"SOURCE_DATE_EPOCH": EPOCH_2026_11_29},
    )  # fmt: skip
    assert written.returncode == 0, written.stderr
    data = yaml.safe_load((small_site / "badges" / "cloud-basics.yml").read_text(encoding="utf-8"))
    assert data["earned"] == dt.date(2026, 11, 29)


def test_new_case_study_is_named_by_date_and_title_and_builds(small_site: Path) -> None:
    written = run_cli("new", "case-study", "Cutting cloud costs by 38%", "--date", "2025-06-30", "--site", small_site)
    path = small_site / "case-studies" / "2025-06-30-cutting-cloud-costs-by-38.md"
    assert written.returncode == 0, written.stderr
    assert written.stdout.startswith(f"wrote {path}\n")
    text = path.read_text(encoding="utf-8")
    assert yaml.safe_load(front_matter(text)) == {"title": "Cutting cloud costs by 38%", "date": dt.date(2025, 6, 30)}
    assert set(uncommented(front_matter(text))) == {field.name for field in CASE_STUDY.fields}
    assert "\n## The problem\n" in text

    built = run_cli("build", small_site)
    assert built.returncode == 0, built.stderr
    assert (small_site / "_site" / "case-studies" / "2025-06-30-cutting-cloud-costs-by-38" / "index.html").is_file()


def test_case_study_date_defaults_to_today(small_site: Path) -> None:
    written = run_cli(
        "new", "case-study", "Übung: zwei", "--site", small_site, env={"SOURCE_DATE_EPOCH": EPOCH_2026_11_29}
    )
    assert written.returncode == 0, written.stderr
    text = (small_site / "case-studies" / "2026-11-29-ubung-zwei.md").read_text(encoding="utf-8")
    assert yaml.safe_load(front_matter(text)) == {"title": "Übung: zwei", "date": dt.date(2026, 11, 29)}


@pytest.mark.parametrize(
    ("arguments", "relative", "another"),
    [
        (("badge", "Übung Eins", "--issuer", "AWS"), "badges/ubung-eins.yml", "choose another id with --id ID"),
        (
            ("case-study", "Moving to EKS", "--date", "2025-03-01"),
            "case-studies/2025-03-01-moving-to-eks.md",
            "choose another name",
        ),
    ],
)
def test_new_never_overwrites(small_site: Path, arguments: tuple[str, ...], relative: str, another: str) -> None:
    path = small_site / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("mine\n", encoding="utf-8")

    refused = run_cli("new", *arguments, "--site", small_site)

    assert refused.returncode == 1
    assert refused.stderr == (
        f"badgesite new: {path}: already exists; nothing was written "
        f"(badgesite new never overwrites a file: {another}, or edit that file)\n"
    )
    assert path.read_text(encoding="utf-8") == "mine\n"


def test_two_names_with_one_slug_get_their_own_ids(small_site: Path) -> None:
    """ "C++ Fundamentals" and "C# Fundamentals" both slug to c-fundamentals: the second takes --id."""
    first = run_cli("new", "badge", "C++ Fundamentals", "--issuer", "AWS", "--site", small_site)
    assert first.returncode == 0, first.stderr
    clash = run_cli("new", "badge", "C# Fundamentals", "--issuer", "AWS", "--site", small_site)
    assert clash.returncode == 1
    assert "choose another id with --id ID" in clash.stderr

    second = run_cli(
        "new", "badge", "C# Fundamentals", "--issuer", "AWS", "--id", "csharp-fundamentals", "--site", small_site
    )
    assert second.returncode == 0, second.stderr
    data = yaml.safe_load((small_site / "badges" / "csharp-fundamentals.yml").read_text(encoding="utf-8"))
    assert data["name"] == "C# Fundamentals"
    built = run_cli("build", small_site)
    assert built.returncode == 0, built.stderr
    page = (small_site / "_site" / "badges" / "csharp-fundamentals" / "index.html").read_text(encoding="utf-8")
    assert "<h1>C# Fundamentals</h1>" in page


def test_an_id_that_is_not_a_slug_is_a_usage_error(small_site: Path) -> None:
    refused = run_cli("new", "badge", "C# Fundamentals", "--issuer", "AWS", "--id", "C#", "--site", small_site)
    assert refused.returncode == 2
    assert '"C#" is not a badge id: use lowercase a-z, 0-9 and hyphens (did you mean "c"?)' in refused.stderr
    assert not (small_site / "badges" / "c.yml").exists()


def test_new_outside_a_site_folder_writes_nothing(tmp_path: Path) -> None:
    refused = run_cli("new", "badge", "Cloud", "--issuer", "AWS", "--site", tmp_path)
    assert refused.returncode == 1
    assert f"{tmp_path} is not a site folder" in refused.stderr
    assert "badgesite init DIR" in refused.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "arguments",
    [
        ("new",),
        ("new", "badge", "Cloud"),  # --issuer is required
        ("new", "badge", "   ", "--issuer", "AWS"),
        ("new", "badge", "Two\nlines", "--issuer", "AWS"),
        ("new", "badge", "Cloud", "--issuer", "AWS", "--earned", "May 2024"),
        ("new", "case-study", "Cloud", "--site", "no-such-folder"),
    ],
)
def test_wrong_usage_exits_2(tmp_path: Path, arguments: tuple[str, ...]) -> None:
    assert run_cli(*arguments, cwd=tmp_path).returncode == 2
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("command", "example"),
    [
        (("new",), 'badgesite new badge "AWS Certified Cloud Practitioner" --issuer AWS --earned 2024-05-31'),
        (("new", "badge"), 'badgesite new badge "AWS Certified Cloud Practitioner" --issuer AWS'),
        (("new", "case-study"), 'badgesite new case-study "Cutting cloud costs by 38%" --date 2025-06-30'),
    ],
)
def test_help_has_an_example(command: tuple[str, ...], example: str) -> None:
    shown = run_cli(*command, "--help")
    assert shown.returncode == 0
    assert f"example:\n  {example}" in shown.stdout


@pytest.mark.parametrize(
    "text",
    ["Übung Eins", "AWS: Cloud", "#1 badge", "a # b", "2024", "2024-05-31", "true", "null", "~", "- item", "[x]",
     "{x}", "'quoted'", '"double"', "@scope", "back\\slash", "tab\there", "  padded  ", "*star", "%percent"],
)  # fmt: skip
def test_yaml_scalar_reads_back_as_the_same_text(text: str) -> None:
    assert yaml.safe_load(f"value: {yaml_scalar(text)}") == {"value": text}
