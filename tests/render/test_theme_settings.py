"""A theme's settings file is read like every source: its mistakes are problems at their line and column in
theme.yml, reported with the rest of the site's, never an internal error."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TODAY, run_cli, write_files


def _use_theme(site: Path, settings: dict[str, str]) -> None:
    write_files(site, settings)
    config = site / "badgesite.yml"
    config.write_text(config.read_text(encoding="utf-8") + "theme: mine\n", encoding="utf-8")


@pytest.mark.parametrize("value", ["huge", "-5", "0", "true", "100000"])
def test_a_bad_badge_image_size_is_a_problem_at_its_value(small_site: Path, value: str) -> None:
    _use_theme(small_site, {"themes/mine/theme.yml": f"extends: default\nbadge_image_size: {value}\n"})
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 1
    assert (
        "themes/mine/theme.yml:2:19: badge_image_size: expected a whole number of pixels from 16 to 4096"
        in result.stderr
    )
    assert "internal error" not in result.stderr


def test_theme_problems_come_with_the_sites_other_problems(small_site: Path) -> None:
    _use_theme(
        small_site,
        {
            "themes/mine/theme.yml": "extends: other\ncard_image_size: 3\n",
            "themes/other/theme.yml": "# the parent\nbadge_image_size: wide\nextends: nosuch\n",
        },
    )
    badge = small_site / "badges" / "aws-cloud.yml"
    badge.write_text(badge.read_text(encoding="utf-8").replace("earned: 2024-05-31", "earned: soon"))
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        'badges/aws-cloud.yml:3:9: earned: expected a date like 2024-05-31, got "soon"',
        "themes/mine/theme.yml:2:18: card_image_size: expected a whole number of pixels from 16 to 4096, got 3"
        " (badge images and cards are drawn at this size)",
        "themes/other/theme.yml:2:19: badge_image_size: expected a whole number of pixels from 16 to 4096,"
        ' got "wide" (badge images and cards are drawn at this size)',
        'themes/other/theme.yml:3:10: extends: no theme named "nosuch"'
        " (bundled themes: base, default; or put one in themes/nosuch/)",
        "4 problems in 3 files; nothing was written",
    ]


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ("extends: [\n", "themes/mine/theme.yml:2:1: YAML syntax error: "),
        ("- extends\n", "themes/mine/theme.yml:1:1: expected a mapping of theme settings, got list"),
        ('# named\nextends: ""\n', 'themes/mine/theme.yml:2:10: extends: expected the name of a theme, got ""'),
        ("extends: ../../x\n", 'themes/mine/theme.yml:1:10: extends: expected the name of a theme, got "../../x"'),
        ("a: &a [x]\nb: *a\n\xff", "themes/mine/theme.yml:3:1: is not UTF-8 text"),
    ],
)
def test_a_broken_theme_yml_is_a_problem_at_its_line(small_site: Path, settings: str, expected: str) -> None:
    path = small_site / "themes" / "mine" / "theme.yml"
    _use_theme(small_site, {})
    path.parent.mkdir(parents=True)
    path.write_bytes(settings.encode("utf-8").replace(b"\xc3\xbf", b"\xff"))
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_a_theme_yml_of_many_aliases_is_refused_not_expanded(small_site: Path) -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + level)}: &{chr(98 + level)} [{', '.join(['*' + chr(97 + level)] * 10)}]\n" for level in range(8)
    )
    _use_theme(small_site, {"themes/mine/theme.yml": laughs})
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 1
    assert "themes/mine/theme.yml:" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_empty_theme_yml_extends_base(small_site: Path) -> None:
    _use_theme(small_site, {"themes/mine/theme.yml": ""})
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert (small_site / "_site" / "index.html").is_file()


def test_a_misspelt_setting_is_named_and_a_new_one_is_not(small_site: Path) -> None:
    _use_theme(
        small_site,
        {"themes/mine/theme.yml": "extends: default\ncard_image_sise: 100\naccent_mode: dark\nbadge_image_size: 256\n"},
    )
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "themes/mine/theme.yml:2:1: warning: card_image_sise: is no setting of the themes it extends "
        '(did you mean "card_image_size"?)'
    ]
