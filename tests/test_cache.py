"""The content cache: entries stored whole or not at all, found again, counted."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from badgesite.cache import ContentCache


def leftovers(folder: Path) -> list[Path]:
    return list(folder.rglob(".tmp-*"))


def test_an_entry_is_found_again_and_counted(tmp_path: Path) -> None:
    cache = ContentCache(tmp_path / "cache")
    assert cache.get("markdown", "ab12") is None
    assert cache.put("markdown", "ab12", b"<p>hi</p>")
    assert ContentCache(tmp_path / "cache").get("markdown", "ab12") == b"<p>hi</p>"
    assert (cache.hits, cache.misses) == (0, 1)
    assert (tmp_path / "cache" / "README.txt").is_file()
    assert leftovers(tmp_path) == []


def test_a_second_writer_of_the_same_entry_replaces_it_whole(tmp_path: Path) -> None:
    """Workers of one build may store the same card at once; each entry is one writer's bytes."""
    first, second = ContentCache(tmp_path), ContentCache(tmp_path)
    assert first.put("cards", "cd34", b"a" * 100_000)
    assert second.put("cards", "cd34", b"b" * 50_000)
    assert first.get("cards", "cd34") == b"b" * 50_000
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_cache_that_cannot_be_written_costs_only_time(tmp_path: Path) -> None:
    cache = ContentCache(tmp_path)
    assert cache.put("markdown", "ef56", b"x")
    (tmp_path / "markdown" / "ef").chmod(0o500)
    try:
        assert not cache.put("markdown", "ef78", b"y")
        assert leftovers(tmp_path) == []
    finally:
        (tmp_path / "markdown" / "ef").chmod(0o700)


def test_an_entry_that_cannot_be_renamed_into_place_leaves_no_temporary_file(tmp_path: Path) -> None:
    cache = ContentCache(tmp_path)
    (tmp_path / "markdown" / "gh").mkdir(parents=True)
    (tmp_path / "markdown" / "gh" / "gh90").mkdir()  # a folder where the entry should go: rename fails
    assert not cache.put("markdown", "gh90", b"z")
    assert leftovers(tmp_path) == []


def test_disabled_cache_stores_nothing(tmp_path: Path) -> None:
    cache = ContentCache(None)
    assert not cache.put("markdown", "ij12", b"x")
    assert cache.get("markdown", "ij12") is None and cache.misses == 1
