"""Issuer and skill pages: different names never share one silently; spellings the rules call one name still do."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.conftest import TODAY, run_cli, write_files
from tests.html_tools import parse_page

CONFIG = "title: T\nbase_url: https://example.org/portfolio/\nowner: {name: Ada}\n"


def badge(name: str, issuer: str, skills: str = "[]") -> str:
    return f"name: {name}\nissuer: {issuer}\nearned: 2025-03-01\nskills: {skills}\n"


def skill_links(page: Path) -> list[str]:
    """The skills a badge page lists, as `text -> href`."""
    html = page.read_text(encoding="utf-8")
    section = html.split('class="badge-skills"', 1)[1].split("</section>", 1)[0]
    return [f"{text} -> {href}" for href, text in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', section)]


def test_the_hints_of_a_clash_give_each_name_its_own_page(tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": CONFIG,
            "badges/languages.yml": badge("Languages", "李大学", '["C", "C++", "C#"]'),
            "badges/physics.yml": badge("Physics", "理大学"),
        },
    )
    failed = run_cli("build", site, "--today", TODAY)
    assert failed.returncode == 1
    assert not (site / "_site").exists()
    hints = re.findall(r"if they are two, add to (\w+): in badgesite.yml - (\{[^}]*\})\)$", failed.stderr, re.M)
    assert [section for section, _ in hints] == ["skills", "skills", "issuers"]
    entries: dict[str, list[object]] = {}
    for section, entry in hints:
        entries.setdefault(section, []).append(yaml.safe_load(entry))
    assert entries == {
        "skills": [{"name": "C++", "slug": "c-plus-plus"}, {"name": "C#", "slug": "c-sharp"}],
        "issuers": [{"name": "理大学", "slug": "lidaxue-2"}],
    }
    (site / "badgesite.yml").write_text(CONFIG + yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")

    built = run_cli("build", site, "--today", TODAY)
    assert built.returncode == 0, built.stderr
    output = site / "_site"
    assert skill_links(output / "badges" / "languages" / "index.html") == [
        "C -> /portfolio/skills/c/",
        "C++ -> /portfolio/skills/c-plus-plus/",
        "C# -> /portfolio/skills/c-sharp/",
    ]
    physics = parse_page(output / "badges" / "physics" / "index.html")
    assert "Issued by 理大学" in physics.visible_text
    assert "/portfolio/issuers/lidaxue-2/" in physics.anchors
    assert "Issued by 李大学" in parse_page(output / "badges" / "languages" / "index.html").visible_text


def test_spellings_the_naming_rules_call_one_name_still_share_one_page(tmp_path: Path) -> None:
    """Case, spacing, punctuation (an en dash, `.NET`/`NET`) and Unicode forms (a combining accent) are one name."""
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": CONFIG,
            "badges/a.yml": badge("A", "Linux Foundation", '[".NET", "Café", "Data – Engineering"]'),
            "badges/b.yml": badge("B", "linux-foundation", '["NET", "Cafe\u0301", "data-engineering"]'),
            "badges/c.yml": badge("C", "LINUX  FOUNDATION."),
        },
    )
    built = run_cli("build", site, "--today", TODAY)
    assert built.returncode == 0, built.stderr
    output = site / "_site"
    assert sorted(p.name for p in (output / "issuers").iterdir() if p.is_dir()) == ["linux-foundation"]
    assert sorted(p.name for p in (output / "skills").iterdir() if p.is_dir()) == ["cafe", "data-engineering", "net"]
    assert skill_links(output / "badges" / "b" / "index.html") == [
        ".NET -> /portfolio/skills/net/",
        "Café -> /portfolio/skills/cafe/",
        "Data – Engineering -> /portfolio/skills/data-engineering/",
    ]
    assert "Issued by Linux Foundation" in parse_page(output / "badges" / "c" / "index.html").visible_text


def test_a_collection_of_one_skill_does_not_take_in_another_with_the_same_slug(tmp_path: Path) -> None:
    config = CONFIG + "collections:\n  - name: Dotnet\n    skills: ['C#']\n"
    site = write_files(
        tmp_path / "site",
        {"badgesite.yml": config, "badges/plain-c.yml": badge("Plain C", "Acme", "[C]")},
    )
    built = run_cli("build", site, "--today", TODAY)
    assert built.returncode == 0, built.stderr
    collection = parse_page(site / "_site" / "collections" / "dotnet" / "index.html")
    assert "/portfolio/badges/plain-c/" not in collection.anchors


def test_a_slug_of_ones_own_must_be_a_slug_and_free(tmp_path: Path) -> None:
    config = CONFIG + "skills:\n  - {name: C++, slug: C Plus}\n  - {name: C#, slug: c}\n  - {name: C}\n"
    site = write_files(tmp_path / "site", {"badgesite.yml": config})
    result = run_cli("build", site, "--today", TODAY)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        'badgesite.yml:5:23: skills[0].slug: expected a slug (lowercase a-z, 0-9 and hyphens), got "C Plus" '
        "(for example c-plus)",
        'badgesite.yml:7:12: skills[2].name: "C" and "C#" would share the page /skills/c/ (merge them, or make one '
        "an alias of the other; if they are two, give one its own `slug:`)",
        "2 problems in 1 file; nothing was written",
    ]
