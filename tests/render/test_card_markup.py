"""Badge and case-study cards as a reader gets them: the headline metric in each shape a case study can give it,
numbers grouped, levels and expiry marks, and the single-card macros drawing what the lists draw."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_CONFIG, TODAY, run_cli, write_files

STUDY = "---\ntitle: Study {name}\ndate: 2025-03-01\nbadges: [aws-cloud]\n{metrics}---\nBody.\n"


def case_study_card(html: str, name: str) -> str:
    card = r'<article class="case-study-card">(?:(?!</article>).)*Study ' + name + r".*?</article>"
    found = re.search(card, html, re.S)
    assert found, f"no card for study {name}"
    return found.group(0)


@pytest.fixture
def built(tmp_path: Path) -> Path:
    metrics = {
        "full": "metrics:\n  - {label: Cost, before: 118000, after: 59000, unit: EUR}\n",
        "after-only": "metrics:\n  - {label: Uptime, after: 99.9}\n",
        "negative": "metrics:\n  - {label: Drift, before: -25000, after: -9999, unit: '<ms>'}\n",
        "none": "",
    }
    files = {f"case-studies/{name}.md": STUDY.format(name=name, metrics=text) for name, text in metrics.items()}
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": MINIMAL_CONFIG,
            "badges/aws-cloud.yml": "name: Cloud <Practitioner>\nissuer: AWS\nearned: 2024-05-31\n"
            "level: foundational\nskills: [k8s]\nexpires: 2025-05-31\n",
            "badges/aws-plain.yml": "name: Plain\nissuer: AWS\nearned: 2025-02-01\nskills: [k8s]\n",
            **files,
        },
    )
    result = run_cli("build", site, "--today", TODAY, "-q", "--no-cache")
    assert result.returncode == 0, result.stderr
    return site / "_site"


def test_the_headline_metric_in_every_shape(built: Path) -> None:
    html = (built / "case-studies" / "index.html").read_text(encoding="utf-8")
    assert (
        '<p class="headline-metric"><span class="metric-label">Cost</span> <span class="metric-before">118\u202f000'
        '</span> <span class="metric-arrow">→</span> <span class="metric-after">59\u202f000</span> '
        '<span class="metric-unit">EUR</span> <span class="metric-change">-50%</span></p>\n\n</article>'
    ) in case_study_card(html, "full")
    assert (
        '<p class="headline-metric"><span class="metric-label">Uptime</span> '
        '<span class="metric-after">99.9</span> </p>'
    ) in case_study_card(html, "after-only")
    assert (
        '<span class="metric-before">-25\u202f000</span> <span class="metric-arrow">→</span> '
        '<span class="metric-after">-9999</span> <span class="metric-unit">&lt;ms&gt;</span> '
        '<span class="metric-change">+60%</span></p>'
    ) in case_study_card(html, "negative")
    assert case_study_card(html, "none").endswith("</time></p>\n  \n</article>")


def test_a_badge_card_shows_level_and_expiry_and_escapes_the_name(built: Path) -> None:
    html = (built / "skills" / "kubernetes" / "index.html").read_text(encoding="utf-8")
    cloud = re.search(r'<article class="badge-card is-expired".*?</article>', html, re.S)
    assert cloud, "the expired badge's card is marked"
    card = cloud.group(0)
    assert "Cloud &lt;Practitioner&gt;" in card and "<Practitioner>" not in card
    assert '      <span class="level-tag" data-level="foundational">foundational</span>\n' in card
    assert '      <strong class="expired-mark">Expired</strong>\n    </p>' in card
    plain = re.search(r'<article class="badge-card" data-level="".*?</article>', html, re.S)
    assert plain, "a badge without a level has an empty data-level"
    assert '<p class="badge-card-meta">\n      \n      <span class="badge-card-earned">' in plain.group(0)
    assert "Expired" not in plain.group(0)


def test_the_single_card_macros_draw_what_the_lists_draw(tmp_path: Path) -> None:
    """m.badge_card and m.case_study_card, as an override would call them, share the lists' cards."""
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": MINIMAL_CONFIG,
            "badges/aws-cloud.yml": "name: Cloud\nissuer: AWS\nearned: 2024-05-31\nlevel: foundational\n",
            "case-studies/one.md": STUDY.format(name="one", metrics="metrics:\n  - {label: Cost, after: 12000}\n"),
            "templates/home.html": '{% extends "!base/home.html" %}{% import "macros.html" as m %}'
            "{% block content %}<section id=single>{{ m.badge_card(site.badges[0]) }}"
            "{{ m.case_study_card(site.case_studies[0]) }}</section>"
            "<section id=lists>{{ m.badge_grid(site.badges) }}{{ m.case_study_list(site.case_studies) }}</section>"
            "{% endblock %}",
        },
    )
    result = run_cli("build", site, "--today", TODAY, "-q", "--no-cache")
    assert result.returncode == 0, result.stderr
    html = (site / "_site" / "index.html").read_text(encoding="utf-8")
    single = html.split("<section id=single>")[1].split("</section>")[0]
    lists = html.split("<section id=lists>")[1].split("</section>")[0]
    badge_card = re.search(r'<article class="badge-card".*?</article>', single, re.S)
    study_card = re.search(r'<article class="case-study-card">.*?</article>', single, re.S)
    assert badge_card and study_card
    assert single == badge_card.group(0) + study_card.group(0)
    grid = f'<div class="badge-grid">\n{badge_card.group(0)}\n</div>'
    assert lists == grid + f'<div class="case-study-list">\n{study_card.group(0)}\n</div>'
    assert "12\u202f000" in study_card.group(0)
