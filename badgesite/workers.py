"""Run a stage's pure work on all cores. Workers are forked after the parent has built the model, so they
inherit it instead of unpickling it; results come back in input order, so output equals a serial run's."""

from __future__ import annotations

import collections
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS_PER_WORKER = 48


def worker_count(items: int) -> int:
    """How many processes pay off: one per core, none when the work is too small to amortise a fork."""
    if "fork" not in multiprocessing.get_all_start_methods() or os.environ.get("BADGESITE_WORKERS") == "1":
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, items // MIN_ITEMS_PER_WORKER))


CHUNKS_PER_WORKER = 16


def chunks(items: Sequence[T], count: int) -> list[Sequence[T]]:
    """Many chunks per worker, so the processes finish close together: at the end one may wait for the
    chunks a worker has already taken (the one it runs and the next, queued), so a chunk should be a small
    part of the work. Dealt out like cards (item i to chunk i mod n), so the few heavy items that sit
    together (a site's listing pages) land in different chunks instead of making one chunk the straggler."""
    number = min(len(items), count * CHUNKS_PER_WORKER)
    return [items[start::number] for start in range(number)]


Progress = Callable[[int, int], None]


def run_chunks(
    task: Callable[[Sequence[T]], R],
    items: Sequence[T],
    *,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
    progress: Progress | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> list[R]:
    """task(chunk) for each chunk, in order: in forked workers and in this process, which would otherwise sit
    waiting (one fork and its copied memory fewer); all in this process when one worker is enough. A worker
    that dies (out of memory, a signal) only costs time: this process does its chunks. The task must be
    safe to run again on a chunk a dead worker had begun (the render tasks overwrite what they write).

    progress(done, total) is called as chunks finish, for the terminal's progress bar. meanwhile() is other
    work of this process, done once the workers have their first chunks (they are forked without its
    results) and before it takes chunks of its own, so the workers' cores are busy while it runs.
    """
    workers = worker_count(len(items))
    if workers == 1:
        if meanwhile is not None:
            meanwhile()
        initializer(*initargs)
        results = [task(items)] if items else []
        if progress:
            progress(len(items), len(items))
        return results
    parts = chunks(items, workers)
    waiting = collections.deque(range(len(parts)))  # started nowhere: the pool takes from the left, we from the right
    sent: dict[int, Future[R]] = {}
    made: dict[int, R] = {}
    done = 0

    def finished(index: int, result: R) -> None:
        nonlocal done
        made[index], done = result, done + len(parts[index])
        if progress:
            progress(done, len(items))

    pool = _Workers(workers - 1, initializer, initargs)
    broken = False
    try:
        initializer(*initargs)
        while waiting or sent:
            for index in [index for index, future in sent.items() if future.done()]:
                try:
                    finished(index, sent.pop(index).result())
                except BrokenProcessPool:
                    waiting.append(index)
                    broken = True
            if broken and sent:  # a worker died: the others stop, and their chunks are done here
                pool.close(broken=True)
                waiting.extend(sent)
                sent.clear()
            while not broken and waiting and len(sent) < 2 * (workers - 1):  # each worker one chunk ahead
                index = waiting.popleft()
                try:
                    sent[index] = pool.submit(task, parts[index])
                except BrokenProcessPool:
                    waiting.appendleft(index)
                    broken = True
            if meanwhile is not None:
                work, meanwhile = meanwhile, None
                work()
                continue  # chunks finished meanwhile: collect them, hand the workers more
            if waiting:
                index = waiting.pop()
                finished(index, task(parts[index]))
            elif sent:
                try:
                    pool.wait(sent.values(), first=True)
                except BrokenProcessPool:
                    broken = True
    finally:
        pool.close(broken=broken)
    return [made[index] for index in range(len(parts))]


class _Workers:
    """A pool of forked workers that also notices a worker that died where the pool does not: Python 3.11's
    ProcessPoolExecutor waits forever for the rest of a result whose sender was killed while writing it (a
    case study chunk's HTML is hundreds of kilobytes), so waits here look at the workers every 0.2 s."""

    def __init__(self, workers: int, initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
        self.executor = _forked_pool(workers, initializer, initargs)
        self.processes: list[multiprocessing.process.BaseProcess] = []

    def submit(self, task: Callable[..., R], *arguments: Any) -> Future[R]:
        """The workers start at the first submit (with fork, all at once): note them then."""
        before = None if self.processes else set(multiprocessing.active_children())
        future = self.executor.submit(task, *arguments)
        if before is not None:
            self.processes = [process for process in multiprocessing.active_children() if process not in before]
        return future

    def wait(self, futures: Iterable[Future[Any]], *, first: bool = False) -> None:
        """Until one (first) or all the futures are done; BrokenProcessPool when a worker died meanwhile."""
        pending = set(futures)
        while pending:
            done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED if first else ALL_COMPLETED)
            if done and first:
                return
            if pending and any(process.exitcode is not None for process in self.processes):
                raise BrokenProcessPool("a worker process died")

    def close(self, *, broken: bool = False) -> None:
        """Let the workers go; after a death, without waiting on the pool, and with the pool's results pipe
        closed on this side (it is CPython's own, hence the guarded look inside): its reader, possibly
        blocked on a half-sent result, then ends instead of holding the interpreter's exit forever."""
        if not broken:
            self.executor.shutdown()
            return
        for process in self.processes:
            process.kill()
        writer = getattr(getattr(self.executor, "_result_queue", None), "_writer", None)
        self.executor.shutdown(wait=False, cancel_futures=True)
        if writer is not None:
            writer.close()


def _forked_pool(workers: int, initializer: Callable[..., None], initargs: tuple[Any, ...]) -> ProcessPoolExecutor:
    """Workers forked from this process (they inherit its state instead of unpickling it), deaf to Ctrl-C."""
    context = multiprocessing.get_context("fork")
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(initializer, *initargs)
    )


def _start_worker(initializer: Callable[..., None], *initargs: Any) -> None:
    """Ctrl-C is the parent's to handle (it stops the pool); a worker that also took it would print a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    initializer(*initargs)


class Pending(Generic[R]):
    """Chunks running in worker processes while this process goes on with other work."""

    def __init__(self, pool: _Workers, futures: list[Future[R]]) -> None:
        self._pool, self._futures = pool, futures

    def results(self) -> list[R]:
        """Wait for every chunk; results in input order; BrokenProcessPool when a worker died. The workers
        are gone afterwards."""
        broken = True
        try:
            self._pool.wait(self._futures)
            results = [future.result() for future in self._futures]
            broken = False
            return results
        finally:
            self._pool.close(broken=broken)

    def cancel(self) -> None:
        """Drop the work (the build stopped early): the workers are stopped, not waited for, and none
        outlives this process."""
        self._pool.close(broken=True)


def start_chunks(
    task: Callable[[Sequence[T]], R],
    items: Sequence[T],
    *,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
) -> Pending[R] | None:
    """Start task(chunk) for each chunk in forked workers and return at once, so this process can work
    meanwhile; None when the items are too few to pay for worker processes, or a worker died before every
    chunk was handed out (the caller does them later)."""
    workers = worker_count(len(items))
    if workers == 1:
        return None
    pool = _Workers(workers, initializer, initargs)
    try:
        futures = [pool.submit(task, part) for part in chunks(items, workers)]
    except BrokenProcessPool:  # killed (out of memory, a signal) while the chunks were still being submitted
        pool.close(broken=True)
        return None
    return Pending(pool, futures)
