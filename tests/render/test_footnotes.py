"""Footnotes in several Markdown texts on one page (a badge's description and its evidence narratives, the
descriptions on a listing) each lead to their own note: ids are named after their text."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from tests.conftest import TODAY, run_cli, write_files

BADGE = """\
name: Footnoted
issuer: AWS
earned: 2024-05-31
description: |
  Described[^1] here.

  [^1]: The description's note.
evidence:
  - title: Report
    url: https://example.org/report
    narrative: |
      Narrated[^1] there.

      [^1]: The narrative's note.
"""


def built_badge_page(site: Path, badge: str) -> str:
    """The badge page built from this badge file, checked to hold each id once."""
    write_files(site, {"badges/footnoted.yml": badge})
    result = run_cli("build", site, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    page = (site / "_site" / "badges" / "footnoted" / "index.html").read_text(encoding="utf-8")
    ids = Counter(re.findall(r'\bid="([^"]+)"', page))
    assert [name for name, count in ids.items() if count > 1] == []
    return page


def test_each_footnote_link_leads_to_the_note_of_its_own_text(small_site: Path) -> None:
    page = built_badge_page(small_site, BADGE)
    notes = dict(re.findall(r'<li id="([^"]+)" class="footnote-item"><p>([^<]+?) <a', page))
    refs = re.findall(r'<sup class="footnote-ref"><a href="#([^"]+)"', page)
    assert [notes[ref] for ref in refs] == ["The description's note.", "The narrative's note."]


def test_the_same_footnoted_text_twice_on_a_page_has_its_own_ids_each_time(small_site: Path) -> None:
    narrative = "    narrative: |\n      Narrated[^1] there.\n\n      [^1]: The same note.\n"
    badge = (
        BADGE.split("evidence:")[0]
        + "evidence:\n"
        + "".join(f"  - title: Report {n}\n    url: https://example.org/{n}\n{narrative}" for n in (1, 2))
    )
    page = built_badge_page(small_site, badge)
    refs = re.findall(r'<sup class="footnote-ref"><a href="#([^"]+)" id="([^"]+)"', page)
    backs = re.findall(r'<li id="([^"]+)" class="footnote-item"><p>[^<]+ <a href="#([^"]+)"', page)
    assert len(refs) == 3 and len(backs) == 3
    assert [note for note, _ in backs] == [target for target, _ in refs], "each reference leads to its own note"
    assert [back for _, back in backs] == [own for _, own in refs], "and each note leads back to its reference"
