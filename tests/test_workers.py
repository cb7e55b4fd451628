"""run_chunks: chunks run in forked workers and in the calling process, results come back in input order."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence

import pytest

from badgesite import workers

_offset = 0


def _begin(offset: int) -> None:
    global _offset
    _offset = offset


def _task(chunk: Sequence[int]) -> tuple[int, list[int]]:
    time.sleep(0.01)  # long enough for the pool to have taken its first chunks when this process takes its own
    return os.getpid(), [item + _offset for item in chunk]


@pytest.mark.skipif(workers.worker_count(10_000) < 2, reason="one core: every chunk runs in this process")
def test_chunks_run_in_workers_and_here_and_come_back_in_order() -> None:
    items = list(range(2_000))
    seen: list[tuple[int, int]] = []
    results = workers.run_chunks(
        _task, items, initializer=_begin, initargs=(1000,), progress=lambda done, total: seen.append((done, total))
    )
    parts = workers.chunks(items, workers.worker_count(len(items)))
    assert [values for _, values in results] == [[item + 1000 for item in part] for part in parts]
    processes = {pid for pid, _ in results}
    assert os.getpid() in processes and len(processes) >= 2
    assert [done for done, _ in seen] == sorted(done for done, _ in seen) and seen[-1] == (2_000, 2_000)


def test_one_worker_runs_everything_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BADGESITE_WORKERS", "1")
    results = workers.run_chunks(_task, list(range(500)), initializer=_begin, initargs=(7,))
    assert results == [(os.getpid(), [item + 7 for item in range(500)])]


@pytest.mark.parametrize("one_process", [False, True])
def test_meanwhile_runs_once_here_results_in_order(monkeypatch: pytest.MonkeyPatch, one_process: bool) -> None:
    if one_process:
        monkeypatch.setenv("BADGESITE_WORKERS", "1")
    items = list(range(2_000))
    calls: list[int] = []
    results = workers.run_chunks(
        _task, items, initializer=_begin, initargs=(0,), meanwhile=lambda: calls.append(os.getpid())
    )
    assert calls == [os.getpid()]
    count = workers.worker_count(len(items))
    parts = [items] if count == 1 else workers.chunks(items, count)
    assert [values for _, values in results] == [list(part) for part in parts]
