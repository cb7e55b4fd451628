"""Incremental rebuilds give exactly the tree a full build gives, after a series of edits."""

from __future__ import annotations

import datetime as dt
import shutil
import stat
from pathlib import Path

import pytest

from badgesite.build import BuildOptions, build
from badgesite.live_build import LiveBuild
from badgesite.problems import SiteError
from badgesite.serve.watch import ChangeKind, classify
from badgesite.write import MARKER_TEXT
from tests.conftest import REPO, SAMPLE_SITE
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
    stylesheet = copy / "assets" / "custom.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n/* edited while serving */\n", encoding="utf-8")
    assert live.rebuild([stylesheet], classify(copy, [stylesheet])).written == 1
    assert (output / "assets" / "custom.css").read_text(encoding="utf-8").endswith("/* edited while serving */\n")
    (copy / "badges" / "microsoft-azure-fundamentals.yml").unlink()
    live.rebuild([copy / "badges" / "microsoft-azure-fundamentals.yml"], ChangeKind.CONTENT)
    assert not (output / "badges" / "microsoft-azure-fundamentals").exists(), "no empty folder left behind"
    live_tree, reference = tree(output), full_tree(copy, tmp_path / "full")
    assert live_tree.pop(".badgesite-output") == MARKER_TEXT, "a later `badgesite build` must not skip"
    reference.pop(".badgesite-output")
    assert sorted(live_tree) == sorted(reference)
    assert [path for path in live_tree if live_tree[path] != reference[path]] == []
    modes = {stat.S_IMODE((tmp_path / "full" / path).stat().st_mode) for path in reference}
    assert {stat.S_IMODE((output / path).stat().st_mode) for path in live_tree} == modes, "same permissions"


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


def pages_under(output: Path, section: str) -> set[str]:
    return {path.relative_to(output).as_posix() for path in (output / section).glob("*/index.html")}


def changed_files(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {path for path in after if before.get(path) != after[path]} - {".badgesite-output"}


def test_a_template_edit_re_renders_only_the_pages_made_with_it(copy: Path, tmp_path: Path) -> None:
    """An override of case_study.html touches case-study pages; a site theme's macros touch every listing."""
    (copy / "themes" / "mine" / "templates").mkdir(parents=True)
    (copy / "themes" / "mine" / "theme.yml").write_text("extends: default\n", encoding="utf-8")
    macros = copy / "themes" / "mine" / "templates" / "macros.html"
    macros.write_text((REPO / "themes" / "base" / "templates" / "macros.html").read_text(encoding="utf-8"))
    stylesheet = copy / "themes" / "mine" / "static" / "extra.css"
    stylesheet.parent.mkdir()
    stylesheet.write_text("p{}\n", encoding="utf-8")
    config = copy / "badgesite.yml"
    config.write_text(config.read_text(encoding="utf-8") + "theme: mine\n", encoding="utf-8")
    override = copy / "templates" / "case_study.html"
    override.parent.mkdir(exist_ok=True)
    override.write_text('{% extends "!base/case_study.html" %}\n', encoding="utf-8")
    output = tmp_path / "live"
    live = LiveBuild(BuildOptions(site_root=copy, output=output, today=TODAY))
    first = live.rebuild()
    before = tree(output)

    override.write_text(
        '{% extends "!base/case_study.html" %}\n'
        '{% block content %}<p class="told">Told with care</p>{{ super() }}{% endblock %}\n',
        encoding="utf-8",
    )
    result = live.rebuild([override], classify(copy, [override]))
    studies = pages_under(output, "case-studies")
    assert not result.full and result.rendered == len(studies)
    after = tree(output)
    assert changed_files(before, after) == studies
    assert all(b'<p class="told">Told with care</p>' in after[page] for page in studies)

    before = after
    macros.write_text(macros.read_text(encoding="utf-8").replace('class="level-tag"', 'class="level-tag lvl"'))
    result = live.rebuild([macros], classify(copy, [macros]))
    assert not result.full and result.rendered < first.pages, "pages that import no macros stay as they were"
    after = tree(output)
    assert b'class="level-tag lvl"' in after["badges/index.html"]
    assert "badges/index.html" in changed_files(before, after)
    assert "404.html" not in changed_files(before, after)

    stylesheet.write_text("p{color:teal}\n", encoding="utf-8")
    result = live.rebuild([stylesheet], classify(copy, [stylesheet]))
    assert not result.full and result.rendered == 0
    assert changed_files(after, tree(output)) == {"theme/extra.css"}

    live_tree, reference = tree(output), full_tree(copy, tmp_path / "full")
    live_tree.pop(".badgesite-output"), reference.pop(".badgesite-output")
    assert [path for path in reference if live_tree.get(path) != reference[path]] == []


def test_a_broken_template_keeps_the_output_and_fixing_it_recovers(copy: Path, tmp_path: Path) -> None:
    override = copy / "templates" / "badge.html"
    override.parent.mkdir(exist_ok=True)
    good = '{% extends "!base/badge.html" %}\n'
    override.write_text(good, encoding="utf-8")
    output = tmp_path / "live"
    live = LiveBuild(BuildOptions(site_root=copy, output=output, today=TODAY))
    live.rebuild()
    before = tree(output)
    override.write_text(good + "{% block content %}{{ badge.no_such_field }}{% endblock %}\n", encoding="utf-8")
    with pytest.raises(SiteError) as raised:
        live.rebuild([override], classify(copy, [override]))
    assert raised.value.problems[0].path == "templates/badge.html"
    assert tree(output) == before
    override.write_text(good, encoding="utf-8")
    live.rebuild([override], classify(copy, [override]))
    after = tree(output)
    after.pop(".badgesite-output"), before.pop(".badgesite-output")
    assert after == before


def test_a_yaml_syntax_error_while_serving_is_reported_alone(copy: Path, tmp_path: Path) -> None:
    """Only the YAML error, as `badgesite build` reports it: no "missing required field" for the same file."""
    live = LiveBuild(BuildOptions(site_root=copy, output=tmp_path / "live", today=TODAY))
    live.rebuild()
    path = copy / "badges" / "aws-security-specialty.yml"
    path.write_text(path.read_text(encoding="utf-8") + "bad: [\n", encoding="utf-8")
    with pytest.raises(SiteError) as raised:
        live.rebuild([path], ChangeKind.CONTENT)
    own = [problem for problem in raised.value.problems if problem.path == "badges/aws-security-specialty.yml"]
    assert len(own) == 1 and "missing required field" not in own[0].message


def test_a_number_written_differently_is_an_edit_everywhere_it_shows(copy: Path, tmp_path: Path) -> None:
    """`after: 97` -> `after: 97.0` compares equal in Python but prints differently: the case study's page and
    the cards that show its headline metric on listing pages must change, as a full build gives."""
    output = tmp_path / "live"
    live = LiveBuild(BuildOptions(site_root=copy, output=output, today=TODAY))
    live.rebuild()
    study = "case-studies/2025-cutting-cloud-costs.md"
    assert edit(live, copy, study, "after: 73000", "after: 73000.0") > 1, "front matter changed: not a body edit"
    other = copy / "case-studies" / "2025-zero-trust-hardening.md"
    other.write_text(other.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    path = copy / study
    path.write_text(path.read_text(encoding="utf-8").replace("after: 73000.0", "after: 73000"), encoding="utf-8")
    live.rebuild([path, other], ChangeKind.CONTENT)  # two files at once: the model is rebuilt, cards reused
    live_tree, reference = tree(output), full_tree(copy, tmp_path / "full")
    live_tree.pop(".badgesite-output"), reference.pop(".badgesite-output")
    assert [path for path in live_tree if live_tree[path] != reference[path]] == []
    assert b"73\xe2\x80\xaf000.0" not in live_tree["case-studies/index.html"]


def test_a_cache_folder_deleted_while_serving_is_rebuilt_not_a_crash(copy: Path, tmp_path: Path) -> None:
    """serve remembers which cache entries exist; if the user deletes .badgesite-cache/ meanwhile, an edit
    that brings back an earlier card must still produce it (by a full rebuild), not fail reading it."""
    output = tmp_path / "live"
    live = LiveBuild(BuildOptions(site_root=copy, output=output, today=TODAY))
    live.rebuild()
    badge = "badges/hashicorp-terraform-associate.yml"
    edit(live, copy, badge, 'name: "', 'name: "Renamed ')
    shutil.rmtree(copy / ".badgesite-cache")
    edit(live, copy, badge, 'name: "Renamed ', 'name: "')
    live_tree, reference = tree(output), full_tree(copy, tmp_path / "full")
    live_tree.pop(".badgesite-output"), reference.pop(".badgesite-output")
    assert [path for path in live_tree if live_tree[path] != reference[path]] == []


def saved(live: LiveBuild, site: Path, path: Path) -> None:
    """What serve does after a file was written or deleted."""
    live.rebuild([path], classify(site, [path]))


def assert_same_as_full_build(site: Path, output: Path, tmp_path: Path) -> None:
    live_tree, reference = tree(output), full_tree(site, tmp_path / "full")
    live_tree.pop(".badgesite-output")
    reference.pop(".badgesite-output")
    assert sorted(live_tree) == sorted(reference)
    assert [path for path in live_tree if live_tree[path] != reference[path]] == []


def test_a_page_of_the_sites_own_template_listing_every_badge_follows_badges_coming_and_going(
    copy: Path, tmp_path: Path
) -> None:
    """The bundled pages declare which files they show; a site's own template may read `site.badges`."""
    (copy / "templates").mkdir(exist_ok=True)
    (copy / "templates" / "page.html").write_text(
        '{% extends "!base/page.html" %}{% block content %}{{ super() }}'
        '<ul id="all">{% for badge in site.badges %}<li>{{ badge.name }}</li>{% endfor %}</ul>{% endblock %}',
        encoding="utf-8",
    )
    output = tmp_path / "live"
    live = LiveBuild(BuildOptions(site_root=copy, output=output, today=TODAY))
    live.rebuild()
    added = copy / "badges" / "hashicorp-newly-added.yml"
    added.write_text("name: Newly added\nissuer: HashiCorp\nearned: 2026-01-05\n", encoding="utf-8")
    saved(live, copy, added)
    assert "Newly added" in (output / "about" / "index.html").read_text(encoding="utf-8")
    assert_same_as_full_build(copy, output, tmp_path)
    edit(live, copy, "badges/hashicorp-newly-added.yml", "name: Newly added", "name: Newly renamed")
    assert "Newly renamed" in (output / "about" / "index.html").read_text(encoding="utf-8")
    assert_same_as_full_build(copy, output, tmp_path)
    added.unlink()
    saved(live, copy, added)
    assert "Newly" not in (output / "about" / "index.html").read_text(encoding="utf-8")
    assert_same_as_full_build(copy, output, tmp_path)


def test_an_own_template_that_reads_no_badge_keeps_body_edits_to_one_page(copy: Path, tmp_path: Path) -> None:
    """Overriding base.html is common (analytics, a banner): it must not make every edit re-render the site."""
    (copy / "templates").mkdir(exist_ok=True)
    (copy / "templates" / "base.html").write_text(
        '{% extends "!default/base.html" %}{% block footer %}{{ super() }}<p>{{ site.title }}</p>{% endblock %}',
        encoding="utf-8",
    )
    output = tmp_path / "live"
    live = LiveBuild(BuildOptions(site_root=copy, output=output, today=TODAY))
    live.rebuild()
    assert edit(live, copy, "case-studies/2025-cutting-cloud-costs.md", "## ", "## Edited: ") == 1
    assert_same_as_full_build(copy, output, tmp_path)


def test_a_body_edit_keeps_the_feed_current_when_the_case_study_has_no_summary(copy: Path, tmp_path: Path) -> None:
    """The feed summarises such a case study by the first words of its body."""
    study = copy / "case-studies" / "2026-11-01-no-summary.md"
    study.write_text(
        "---\ntitle: No summary\ndate: 2026-11-01\n---\nFirst words.\n\n## More\n\nText.\n", encoding="utf-8"
    )
    output = tmp_path / "live"
    live = LiveBuild(BuildOptions(site_root=copy, output=output, today=TODAY))
    live.rebuild()
    assert "First words." in (output / "feed.xml").read_text(encoding="utf-8")
    assert edit(live, copy, "case-studies/2026-11-01-no-summary.md", "First words.", "Other words.") == 1
    assert "Other words." in (output / "feed.xml").read_text(encoding="utf-8")
    assert_same_as_full_build(copy, output, tmp_path)


def test_edits_saved_while_the_site_is_broken_are_taken_in_once_it_is_fixed(copy: Path, tmp_path: Path) -> None:
    output = tmp_path / "live"
    live = LiveBuild(BuildOptions(site_root=copy, output=output, today=TODAY))
    live.rebuild()
    with pytest.raises(SiteError):
        edit(live, copy, "case-studies/2025-cutting-cloud-costs.md", "date: 2025-01-31", "date: 2025-13-45")
    with pytest.raises(SiteError):  # the site is still broken: this edit waits too
        edit(live, copy, "badges/hashicorp-terraform-associate.yml", "level: ", "level: expert\n#")
    edit(live, copy, "case-studies/2025-cutting-cloud-costs.md", "date: 2025-13-45", "date: 2025-01-31")
    assert_same_as_full_build(copy, output, tmp_path)


def test_a_stylesheet_added_or_removed_while_serving_is_linked_or_unlinked_on_every_page(
    copy: Path, tmp_path: Path
) -> None:
    stylesheet = copy / "assets" / "custom.css"
    stylesheet.unlink()
    output = tmp_path / "live"
    live = LiveBuild(BuildOptions(site_root=copy, output=output, today=TODAY))
    live.rebuild()
    stylesheet.write_text("body { color: navy; }\n", encoding="utf-8")
    saved(live, copy, stylesheet)
    assert "assets/custom.css" in (output / "index.html").read_text(encoding="utf-8")
    assert_same_as_full_build(copy, output, tmp_path)
    stylesheet.unlink()
    saved(live, copy, stylesheet)
    assert "assets/custom.css" not in (output / "badges" / "index.html").read_text(encoding="utf-8")
    assert_same_as_full_build(copy, output, tmp_path)


def test_a_root_file_added_changed_or_removed_while_serving_follows_at_the_site_root(
    copy: Path, tmp_path: Path
) -> None:
    output = tmp_path / "live"
    live = LiveBuild(BuildOptions(site_root=copy, output=output, today=TODAY))
    live.rebuild()
    icon = copy / "root" / "favicon.ico"
    icon.parent.mkdir()
    icon.write_bytes(b"\x00\x01icon")
    saved(live, copy, icon)
    assert (output / "favicon.ico").read_bytes() == b"\x00\x01icon"
    icon.write_bytes(b"\x00\x02icon")
    saved(live, copy, icon)
    assert (output / "favicon.ico").read_bytes() == b"\x00\x02icon"
    assert_same_as_full_build(copy, output, tmp_path)
    icon.unlink()
    saved(live, copy, icon)
    assert not (output / "favicon.ico").exists()
    assert_same_as_full_build(copy, output, tmp_path)


def test_an_output_deleted_while_serving_is_made_whole_by_the_next_edit(copy: Path, tmp_path: Path) -> None:
    output = tmp_path / "live"
    live = LiveBuild(BuildOptions(site_root=copy, output=output, today=TODAY))
    live.rebuild()
    shutil.rmtree(output)
    assert not live.output_is_ours()
    edit(live, copy, "pages/about.md", "This site is built", "Edited after the output was deleted. This site is built")
    assert (output / "theme" / "style.css").is_file() and (output / "feed.xml").is_file()
    assert_same_as_full_build(copy, output, tmp_path)
    assert live.output_is_ours()


def test_an_output_replaced_by_another_build_while_serving_is_rebuilt_whole(copy: Path, tmp_path: Path) -> None:
    """`badgesite build --base-url …` into serve's output, then an edit: no page keeps the other base URL."""
    output = tmp_path / "live"
    live = LiveBuild(BuildOptions(site_root=copy, output=output, today=TODAY))
    live.rebuild()
    build(BuildOptions(site_root=copy, output=output, today=TODAY, base_url="https://other.example/", force=True))
    assert not live.output_is_ours()
    edit(live, copy, "pages/about.md", "This site is built", "Edited after another build. This site is built")
    assert "other.example" not in (output / "feed.xml").read_text(encoding="utf-8")
    assert_same_as_full_build(copy, output, tmp_path)


def test_an_own_template_sees_the_same_site_under_serve(copy: Path, tmp_path: Path) -> None:
    """serve hands own templates a recorder in place of the site; printed or asked, it is the site."""
    (copy / "templates").mkdir(exist_ok=True)
    (copy / "templates" / "page.html").write_text(
        '{% extends "!base/page.html" %}{% block content %}{{ super() }}'
        "<p id=probe>{{ site.__class__.__name__ }} {{ site == site }} {{ site.title }}</p>{% endblock %}",
        encoding="utf-8",
    )
    output = tmp_path / "live"
    live = LiveBuild(BuildOptions(site_root=copy, output=output, today=TODAY))
    live.rebuild()
    edit(live, copy, "pages/about.md", "title: ", "title: All about ")
    assert "<p id=probe>Site True " in (output / "about" / "index.html").read_text(encoding="utf-8")
    assert_same_as_full_build(copy, output, tmp_path)


def test_a_template_mistake_met_by_every_page_is_one_problem_under_serve(copy: Path, tmp_path: Path) -> None:
    template = copy / "templates" / "base.html"
    template.parent.mkdir(exist_ok=True)
    template.write_text('{% extends "!default/base.html" %}{% block footer %}{{ 1 }}{% endblock %}\n')
    live = LiveBuild(BuildOptions(site_root=copy, output=tmp_path / "live", today=TODAY))
    live.rebuild()
    template.write_text('{% extends "!default/base.html" %}{% block footer %}{{ 1/0 }}{% endblock %}\n')
    with pytest.raises(SiteError) as raised:
        live.rebuild([template], ChangeKind.TEMPLATE)
    [problem] = raised.value.problems
    assert problem.path == "templates/base.html"
    assert " other pages: ZeroDivisionError: division by zero" in problem.message


def test_serve_watches_the_folders_of_badge_images_and_assertions(copy: Path, tmp_path: Path) -> None:
    """The sample site keeps assertions in assertions/, beside badges/: a revoked assertion there must reach
    its badge page while serving."""
    live = LiveBuild(BuildOptions(site_root=copy, output=tmp_path / "live", today=TODAY))
    live.rebuild()
    assert "assertions" in live.badge_file_folders


def test_a_markdown_case_study_of_any_suffix_is_a_body_edit(copy: Path, tmp_path: Path) -> None:
    """`.markdown` and `.MD` are read as case studies, so serve treats their edits as such: one page."""
    for old, new in (("2025-cutting-cloud-costs.md", "costs.markdown"), ("2025-zero-trust-hardening.md", "zt.MD")):
        (copy / "case-studies" / old).rename(copy / "case-studies" / new)
    output = tmp_path / "live"
    live = LiveBuild(BuildOptions(site_root=copy, output=output, today=TODAY))
    live.rebuild()
    for name in ("costs.markdown", "zt.MD"):
        path = copy / "case-studies" / name
        assert classify(copy, [path]) == ChangeKind.CONTENT
        assert edit(live, copy, f"case-studies/{name}", "## ", "## Edited: ") == 1
    live_tree, reference = tree(output), full_tree(copy, tmp_path / "full")
    live_tree.pop(".badgesite-output"), reference.pop(".badgesite-output")
    assert live_tree == reference
