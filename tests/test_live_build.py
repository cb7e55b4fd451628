"""Incremental rebuilds give exactly the tree a full build gives, after a series of edits."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from badgesite.build import BuildOptions, build
from badgesite.live_build import LiveBuild
from badgesite.problems import SiteError
from badgesite.serve.watch import ChangeKind, classify
from badgesite.write import MARKER_TEXT
from tests.conftest import SAMPLE_SITE
from tests.html_tools import tree

TODAY = dt.date(2026, 11, 29)


def full_tree(site: Path, output: Path) -> dict[str, bytes]:
    build(BuildOptions(site_root=site, output=output, today=TODAY, use_cache=False, force=True))
    return tree(output)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    if not (SAMPLE_SITE / "badgesite.yml").is_file():
        pytest.skip("sample-site/ is missing")
    target = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, target, ignore=shutil.ignore_patterns("_site", ".badgesite-cache"))
    return target


def edit(live: LiveBuild, site: Path, relative: str, old: str, new: str) -> int:
    path = site / relative
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return live.rebuild([path], classify(site, [path])).rendered


def test_incremental_rebuilds_equal_a_full_build_after_a_series_of_edits(copy: Path, tmp_path: Path) -> None:
    output = tmp_path / "live"
    live = LiveBuild(BuildOptions(site_root=copy, output=output, today=TODAY))
    first = live.rebuild()
    assert first.full
    study = "case-studies/2025-cutting-cloud-costs.md"
    rendered = edit(live, copy, study, "## ", "## Edited: ")
    assert 0 < rendered < first.pages / 2, "a body edit re-renders its page and the pages that list it"
    edit(live, copy, study, "title: ", "title: Renamed — ")
    edit(live, copy, "badges/hashicorp-terraform-associate.yml", "level: ", "level: expert\n#")
    edit(live, copy, "badges/microsoft-azure-fundamentals.yml", "skills: [", "skills: [Brand new skill, ")
    edit(live, copy, "pages/about.md", "title: ", "title: All about ")
    (copy / "badges" / "microsoft-azure-fundamentals.yml").unlink()
    live.rebuild([copy / "badges" / "microsoft-azure-fundamentals.yml"], ChangeKind.CONTENT)
    assert not (output / "badges" / "microsoft-azure-fundamentals" / "index.html").exists()
    live_tree, reference = tree(output), full_tree(copy, tmp_path / "full")
    assert live_tree.pop(".badgesite-output") == MARKER_TEXT, "a later `badgesite build` must not skip"
    reference.pop(".badgesite-output")
    assert sorted(live_tree) == sorted(reference)
    assert [path for path in live_tree if live_tree[path] != reference[path]] == []


def test_a_broken_edit_keeps_the_output_and_fixing_it_recovers(copy: Path, tmp_path: Path) -> None:
    output = tmp_path / "live"
    live = LiveBuild(BuildOptions(site_root=copy, output=output, today=TODAY))
    live.rebuild()
    before = tree(output)
    path = copy / "badges" / "aws-security-specialty.yml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("earned: ", "earned: not a date #"), encoding="utf-8")
    with pytest.raises(SiteError) as raised:
        live.rebuild([path], ChangeKind.CONTENT)
    assert raised.value.problems[0].path == "badges/aws-security-specialty.yml"
    assert tree(output) == before
    path.write_text(good, encoding="utf-8")
    live.rebuild([path], ChangeKind.CONTENT)
    after = tree(output)
    assert after.pop(".badgesite-output") == MARKER_TEXT
    before.pop(".badgesite-output")
    assert after == before
