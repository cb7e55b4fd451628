"""case-studies/ and pages/ hold Markdown: `.md` and `.markdown` are read, anything else is named in a warning
instead of being skipped in silence (an `about.html` that never became a page)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import TODAY, run_cli, write_files

WARNING = (
    "{path}: warning: not read: {folder}/ holds Markdown files only (.md or .markdown) "
    "(rename it to .md if it is one; a file to publish as it is goes in assets/ or root/)"
)


def test_markdown_files_are_read_under_either_suffix_and_other_files_are_named(small_site: Path) -> None:
    write_files(
        small_site,
        {
            "case-studies/platform.markdown": "---\ntitle: The platform\ndate: 2025-04-01\nbadges: [aws-cloud]\n---\n"
            "Built it.\n",
            "pages/story.MARKDOWN": "---\ntitle: My story\n---\nOnce.\n",
            "pages/contact.html": "<p>Write to me.</p>\n",
            "case-studies/diagram.png": "not read",
            "case-studies/.notes": "hidden: not published, not warned",
            "pages/about.md~": "an editor's backup",
        },
    )
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    output = small_site / "_site"
    assert "Built it." in (output / "case-studies" / "platform" / "index.html").read_text(encoding="utf-8")
    assert "Once." in (output / "story" / "index.html").read_text(encoding="utf-8")
    assert not (output / "contact").exists()
    expected = [
        WARNING.format(path="case-studies/diagram.png", folder="case-studies"),
        WARNING.format(path="pages/contact.html", folder="pages"),
    ]
    assert result.stderr.splitlines() == expected
    checked = run_cli("check", small_site, "--today", TODAY)
    assert [line for line in checked.stdout.splitlines() if "not read" in line] == expected


def test_a_source_folder_linked_to_nowhere_is_named(small_site: Path, tmp_path: Path) -> None:
    (small_site / "templates").symlink_to(tmp_path / "moved-away", target_is_directory=True)
    (small_site / "assets").symlink_to(tmp_path / "gone", target_is_directory=True)
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    hint = "(point the link at the folder, or remove it)"
    assert result.stderr.splitlines() == [
        f"assets: warning: is a link that leads to no folder, so nothing in it is read {hint}",
        f"templates: warning: is a link that leads to no folder, so nothing in it is read {hint}",
    ]
