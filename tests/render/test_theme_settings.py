"""A theme's pixel settings are checked: a wrong value is a problem naming theme.yml, not an internal error."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TODAY, run_cli


@pytest.mark.parametrize("value", ["huge", "-5", "0", "true", "100000"])
def test_a_bad_badge_image_size_is_a_problem(small_site: Path, value: str) -> None:
    theme = small_site / "themes" / "mine"
    theme.mkdir(parents=True)
    (theme / "theme.yml").write_text(f"extends: default\nbadge_image_size: {value}\n", encoding="utf-8")
    config = small_site / "badgesite.yml"
    config.write_text(config.read_text(encoding="utf-8") + "theme: mine\n", encoding="utf-8")
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 1
    assert "themes/mine/theme.yml: badge_image_size: expected a whole number of pixels from 16 to 4096" in result.stderr
    assert "internal error" not in result.stderr
