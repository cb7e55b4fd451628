"""Evidence and citations; targets: unmet past deadlines, and how progress reads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from badgesite.audit.targets import describe
from badgesite.model.progress import TargetProgress
from badgesite.model.types import Target
from tests.audit.helpers import CONFIG, lines

BARE = "name: {name}\nissuer: I\nearned: 2025-01-01\nreviewed: 2026-11-01\n"


def test_a_citing_case_study_counts_as_evidence(tmp_path: Path) -> None:
    found = lines(
        tmp_path,
        {
            "badges/cited.yml": BARE.format(name="Cited"),
            "badges/alone.yml": BARE.format(name="Alone"),
            "case-studies/work.md": "---\ntitle: Work\ndate: 2025-02-01\nbadges: [cited]\n---\nText.\n",
            "case-studies/draft.md": "---\ntitle: Draft\ndate: 2025-02-01\nbadges: [alone]\ndraft: true\n---\n",
        },
    )
    assert found == [
        "badges/alone.yml:1:1: warning: evidence: no evidence yet (add `evidence:` or cite it from a case study)"
    ], "a draft case study is not on the site, so it proves nothing there"


def test_case_study_with_an_empty_badge_list(tmp_path: Path) -> None:
    found = lines(tmp_path, {"case-studies/work.md": "---\ntitle: Work\ndate: 2025-02-01\nbadges: []\n---\n"})
    assert found == [
        "case-studies/work.md:4:9: warning: badges: cites no badge "
        "(list the badges this work proves under `badges:` in the front matter)"
    ]


def test_a_draft_badge_named_by_a_case_study_or_a_collection_is_a_warning_there(tmp_path: Path) -> None:
    """The build leaves the draft out, and with it the card and the link: nothing else says so."""
    draft = BARE.format(name="Pending") + "evidence: [{title: E, url: 'https://example.org/'}]\ndraft: true\n"
    files = {
        "badgesite.yml": CONFIG + "collections:\n  - {name: Cloud, badges: [cited, pending]}\n",
        "badges/cited.yml": BARE.format(name="Cited"),
        "badges/pending.yml": draft,
        "case-studies/work.md": "---\ntitle: Work\ndate: 2025-02-01\nbadges:\n  - cited\n  - pending\n---\nText.\n",
    }
    found = lines(tmp_path, files)
    hint = "(remove `draft: true` from the badge, or name it here once it is published)"
    message = '"pending" is a draft: the published site leaves it out until the badge is published'
    assert found == [
        f"badgesite.yml:5:35: warning: collections[0].badges[1]: {message} {hint}",
        f"case-studies/work.md:6:5: warning: badges[1]: {message} {hint}",
    ]
    assert lines(tmp_path, files, drafts=True) == [], "with --drafts the draft is built, and shown"


def test_only_past_unmet_targets_are_reported(tmp_path: Path) -> None:
    config = CONFIG + (
        "targets:\n"
        "  - {name: Past and met, count: 1, by: 2026-01-01}\n"
        "  - {name: Past and unmet, count: 2, level: expert, by: 2026-01-01}\n"
        "  - {name: Future, count: 5, by: 2027-01-01}\n"
        "  - {name: Yearly, count: 3, per_year: true}\n"
    )
    badge = BARE.format(name="A") + "evidence: [{title: E, url: 'https://example.org/'}]\n"
    found = lines(tmp_path, {"badgesite.yml": config, "badges/a.yml": badge})
    assert found == [
        'badgesite.yml:6:57: warning: targets[1].by: target "Past and unmet" was due on 2026-01-01 and is unmet: '
        "0 of 2 expert badges (set a new `by:` date, lower `count:`, or remove the target)"
    ]


def progress(done: int, needed: int, days_left: int | None, **target: object) -> TargetProgress:
    values: dict[str, object] = {"collection": None, "skill": None, "level": None, "by": None, "per_year": False}
    values.update(target)
    deadline = values["by"] if not values["per_year"] else dt.date(2026, 12, 31)
    return TargetProgress(
        target=Target(name="T", count=needed, show=False, **values),  # type: ignore[arg-type]
        counted=(),
        done=done,
        needed=needed,
        period_start=None,
        deadline=deadline,  # type: ignore[arg-type]
        days_left=days_left,
    )


SECURITY = progress(2, 3, 213, collection="Security", by=dt.date(2027, 6, 30))
MET = progress(3, 3, 10, collection="AWS", by=dt.date(2026, 12, 9))
YEARLY = progress(0, 1, 32, collection="Leadership", per_year=True)
OVERDUE = progress(1, 2, -1, skill="Kubernetes", level="advanced", by=dt.date(2026, 11, 28))
DUE_TODAY = progress(0, 1, 0, by=dt.date(2026, 11, 29))
OPEN_ENDED = progress(1, 4, None)


@pytest.mark.parametrize(
    ("case", "text"),
    [
        (SECURITY, "2/3 security badges by 2027-06-30 — 1 to go, 213 days left"),
        (MET, "3/3 AWS badges by 2026-12-09 — met"),
        (YEARLY, "0/1 leadership badge in 2026 — 1 to go, 32 days left"),
        (OVERDUE, "1/2 advanced Kubernetes badges by 2026-11-28 — 1 to go, 1 day overdue"),
        (DUE_TODAY, "0/1 badge by 2026-11-29 — 1 to go, due today"),
        (OPEN_ENDED, "1/4 badges — 3 to go"),
    ],
)
def test_progress_in_words(case: TargetProgress, text: str) -> None:
    assert describe(case) == text


def test_a_target_or_collection_skill_that_is_a_near_miss_is_reported(tmp_path: Path) -> None:
    config = CONFIG + (
        "skills:\n  - {name: Kubernetes, aliases: [k8s]}\n"
        "collections:\n  - {name: Cloud, skills: [Gogle Cloud, K8S, Quantum computing]}\n"
        "targets:\n"
        "  - {name: Two, count: 2, skill: Kubernetis, by: 2027-01-01}\n"
        "  - {name: Alias, count: 1, skill: k8s, by: 2027-01-01}\n"
        "  - {name: New ground, count: 1, skill: Rust, by: 2027-01-01}\n"
    )
    evidence = "evidence: [{title: E, url: 'https://example.org/'}]\n"
    found = lines(
        tmp_path,
        {
            "badgesite.yml": config,
            "badges/a.yml": BARE.format(name="A") + "skills: [Kubernetes, Google Cloud]\n" + evidence,
        },
    )
    assert found == [
        'badgesite.yml:7:28: warning: collections[0].skills[0]: no badge has the skill "Gogle Cloud": '
        'no badge joins the collection through it (did you mean "Google Cloud"?)',
        'badgesite.yml:9:34: warning: targets[0].skill: no badge has the skill "Kubernetis": '
        'the target counts no badge of it (did you mean "Kubernetes"?)',
    ], "an alias in any case is the skill; a skill with no near match is one still to learn"


def test_a_target_skill_near_only_by_its_number_or_symbol_is_another_skill(tmp_path: Path) -> None:
    config = CONFIG + (
        "targets:\n"
        "  - {name: A, count: 1, skill: Module 11, by: 2027-01-01}\n"
        "  - {name: B, count: 1, skill: C, by: 2027-01-01}\n"
        "  - {name: C, count: 1, skill: Python 3.12, by: 2027-01-01}\n"
        "  - {name: D, count: 1, skill: Kubernetis, by: 2027-01-01}\n"
    )
    evidence = "evidence: [{title: E, url: 'https://example.org/'}]\n"
    skills = "skills: [Module 10, 'C#', Python 3.11, Kubernetes]\n"
    found = lines(
        tmp_path,
        {
            "badgesite.yml": config,
            "badges/a.yml": BARE.format(name="A") + skills + evidence,
            "badges/b.yml": BARE.format(name="B") + "skills: [Kubernetes]\n" + evidence,
            "badges/c.yml": BARE.format(name="C") + "skills: [Kubernets]\n" + evidence,
        },
    )
    assert [line for line in found if "targets" in line] == [
        'badgesite.yml:8:32: warning: targets[3].skill: no badge has the skill "Kubernetis": '
        'the target counts no badge of it (did you mean "Kubernetes"?)'
    ], "the suggestion is the skill most badges have, not another near miss"
