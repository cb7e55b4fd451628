"""Control characters from someone else's file: an issuer's assertion may carry a NUL or a terminal escape
sequence. verify prints them as escapes; a site that takes one into a name gets a problem at its line."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from tests.conftest import MINIMAL_CONFIG, TODAY, run_cli, write_files
from tests.openbadges.badge_samples import OB2_ASSERTION


def test_verify_prints_an_assertions_control_characters_as_escapes(tmp_path: Path) -> None:
    assertion = copy.deepcopy(OB2_ASSERTION)
    assertion["badge"]["name"] = "Robotics\x1b[2J\x00 Badge"
    assertion["badge"]["issuer"]["name"] = "Issuer\x07"
    path = tmp_path / "assertion.json"
    path.write_text(json.dumps(assertion), encoding="utf-8")
    result = run_cli("verify", path, "--today", TODAY)
    assert "\x1b" not in result.stdout and "\x00" not in result.stdout and "\x07" not in result.stdout
    assert "  badge        Robotics\\x1b[2J\\x00 Badge\n" in result.stdout
    assert "Issuer\\x07" in result.stdout


def test_a_control_character_in_a_name_is_a_problem_at_its_line(tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": MINIMAL_CONFIG,
            "badges/a.yml": 'name: "Robotics\\0 Badge"\nissuer: AWS\nearned: 2024-05-31\n',
        },
    )
    result = run_cli("build", site, "--today", TODAY)
    assert result.returncode == 1
    assert result.stderr.startswith(
        "badges/a.yml:1:7: name: contains a control character (U+0000) "
        "(remove it; YAML's \\0 and \\x escapes make them)"
    )
