"""Naming: spellings the config does not alias, with the exact YAML that fixes them; the title pattern."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.audit.helpers import CONFIG, badge, lines

AWS_CONFIG = CONFIG + "issuers:\n  - name: Amazon Web Services\n    aliases: [AWS]\n"


def test_aliased_spellings_are_fine(tmp_path: Path) -> None:
    found = lines(
        tmp_path,
        {
            "badgesite.yml": AWS_CONFIG,
            "badges/a.yml": badge("A", "AWS"),
            "badges/b.yml": badge("B", "amazon web  services"),
            "badges/c.yml": badge("C", "Amazon Web Services"),
        },
    )
    assert found == []


def test_a_near_miss_of_a_configured_name_gets_the_alias_line(tmp_path: Path) -> None:
    found = lines(tmp_path, {"badgesite.yml": AWS_CONFIG, "badges/a.yml": badge("A", "Amazon Web Service")})
    assert found == [
        'badges/a.yml:2:9: warning: issuer: issuer "Amazon Web Service" is not in badgesite.yml but looks like '
        '"Amazon Web Services" (add it as an alias: in badgesite.yml under issuers:, in the entry for '
        '"Amazon Web Services", write aliases: ["AWS", "Amazon Web Service"])'
    ]


def test_the_suggested_yaml_makes_the_finding_go_away(tmp_path: Path) -> None:
    files = {
        "badges/a.yml": badge("A", "Cloud Native Computing Foundation"),
        "badges/b.yml": badge("B", "Cloud native computing foundation"),
        "badges/c.yml": badge("C", "Cloud Native Computing Foundation"),
    }
    found = lines(tmp_path / "before", files)
    assert len(found) == 1
    assert found[0].startswith('badges/b.yml:2:9: warning: issuer: issuer spelled "Cloud native computing foundation"')
    entry = found[0].rsplit("badgesite.yml: ", 1)[1].removesuffix(")")
    assert entry == '- {name: "Cloud Native Computing Foundation", aliases: ["Cloud native computing foundation"]}'
    assert yaml.safe_load(entry) == [
        {"name": "Cloud Native Computing Foundation", "aliases": ["Cloud native computing foundation"]}
    ]
    config = CONFIG + "issuers:\n  " + entry + "\n"
    assert lines(tmp_path / "after", {"badgesite.yml": config, **files}) == []


def test_skill_spellings_across_badges_and_case_studies(tmp_path: Path) -> None:
    found = lines(
        tmp_path,
        {
            "badges/a.yml": badge("A", extra="skills: [Data modelling]\n"),
            "badges/b.yml": badge("B", extra="skills: [Data modelling]\n"),
            "case-studies/s.md": "---\ntitle: S\ndate: 2025-01-01\nbadges: [a]\nskills: [Data modeling]\n---\nText.\n",
        },
    )
    assert found == [
        'case-studies/s.md:5:10: warning: skills[0]: skill spelled "Data modeling" here and "Data modelling" in '
        'badges/a.yml (use one spelling, or add to skills: in badgesite.yml: - {name: "Data modelling", '
        'aliases: ["Data modeling"]})'
    ]


def test_spellings_that_differ_only_in_punctuation_meet_but_are_still_reported(tmp_path: Path) -> None:
    found = lines(
        tmp_path,
        {"badges/a.yml": badge("A", "Linux Foundation"), "badges/b.yml": badge("B", "Linux-Foundation")},
    )
    assert found == [
        'badges/b.yml:2:9: warning: issuer: issuer spelled "Linux-Foundation" here and "Linux Foundation" in '
        'badges/a.yml (use one spelling, or add to issuers: in badgesite.yml: - {name: "Linux Foundation", '
        'aliases: ["Linux-Foundation"]})'
    ]


def test_title_pattern_only_when_set(tmp_path: Path) -> None:
    files = {"badges/a.yml": badge("aws security"), "badges/b.yml": badge("AWS Networking")}
    assert lines(tmp_path / "unset", files) == []
    config = CONFIG + "check:\n  title_pattern: '^[A-Z]'\n"
    assert lines(tmp_path / "set", {"badgesite.yml": config, **files}) == [
        'badges/a.yml:1:7: warning: name: "aws security" does not match check.title_pattern "^[A-Z]" '
        "(rename the badge, or change check.title_pattern in badgesite.yml)"
    ]


def test_names_of_emoji_or_meaningful_symbols_are_not_one_name_spelled_two_ways(tmp_path: Path) -> None:
    """🏆 and 🎓 have no letters to compare, and `C++` is not `C#`: none of these is a spelling of another."""
    config = CONFIG + "skills:\n  - {name: 'C#', slug: c-sharp}\n"
    found = lines(
        tmp_path,
        {
            "badgesite.yml": config,
            "badges/a.yml": badge("A", "🏆", extra="skills: [🦀, C++]\n"),
            "badges/b.yml": badge("B", "🎓", extra="skills: [🐍, C#]\n"),
        },
    )
    assert found == []


def test_names_that_differ_in_a_number_are_never_one_name_spelled_two_ways(tmp_path: Path) -> None:
    """A number is a version, level, module or standard: `Module 10` and `Module 100` are two skills. A typo beside
    the same number, or in a name without one, is still a second spelling."""
    found = lines(
        tmp_path,
        {
            "badges/iso1.yml": badge(
                "Iso 1", extra="skills: [Module 10, Python 10, ISO 27001, Kubernetes 1.29, Terraform]\n"
            ),
            "badges/iso2.yml": badge(
                "Iso 2", extra="skills: [Module 100, Python 100, ISO 27017, Kubernetis 1.29, terraform]\n"
            ),
        },
    )
    assert found == [
        'badges/iso2.yml:6:45: warning: skills[3]: skill spelled "Kubernetis 1.29" here and "Kubernetes 1.29" in '
        'badges/iso1.yml (use one spelling, or add to skills: in badgesite.yml: - {name: "Kubernetes 1.29", '
        'aliases: ["Kubernetis 1.29"]})',
        'badges/iso2.yml:6:62: warning: skills[4]: skill spelled "terraform" here and "Terraform" in badges/iso1.yml '
        '(use one spelling, or add to skills: in badgesite.yml: - {name: "Terraform", aliases: ["terraform"]})',
    ]


def test_a_numbered_series_of_skills_is_not_reported(tmp_path: Path) -> None:
    skills = ", ".join(f"Skill {number}" for number in range(200))
    assert lines(tmp_path, {"badges/many.yml": badge("Many", extra=f"skills: [{skills}]\n")}) == []


def test_another_number_does_not_look_like_a_configured_name(tmp_path: Path) -> None:
    config = CONFIG + "skills:\n  - name: Module 10\n  - name: Kubernetes\n"
    found = lines(
        tmp_path, {"badgesite.yml": config, "badges/a.yml": badge("A", extra="skills: [Module 100, Kubernetis]\n")}
    )
    assert found == [
        'badges/a.yml:6:22: warning: skills[1]: skill "Kubernetis" is not in badgesite.yml but looks like "Kubernetes" '
        '(add it as an alias: in badgesite.yml under skills:, in the entry for "Kubernetes", write aliases: '
        '["Kubernetis"])'
    ]
