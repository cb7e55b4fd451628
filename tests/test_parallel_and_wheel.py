"""Parallel builds equal serial ones; the wheel carries the themes and builds a site without the source tree."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLE_SITE, TODAY, run_cli
from tests.html_tools import tree


def test_parallel_build_equals_serial_build(tmp_path: Path) -> None:
    site = tmp_path / "big"
    subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"), "120", str(site)], check=True)
    serial = run_cli(
        "build", site, "-o", tmp_path / "serial", "--today", TODAY, "--no-cache", env={"BADGESITE_WORKERS": "1"}
    )
    parallel = run_cli("build", site, "-o", tmp_path / "parallel", "--today", TODAY, "--no-cache")
    assert serial.returncode == 0 and parallel.returncode == 0, serial.stderr + parallel.stderr
    assert tree(tmp_path / "serial") == tree(tmp_path / "parallel")


@pytest.mark.skipif(not (SAMPLE_SITE / "badgesite.yml").is_file(), reason="sample-site/ is missing")
def test_the_built_wheel_builds_the_sample_site(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)],
        check=True,
        capture_output=True,
    )
    [wheel] = list(wheels.glob("badgesite-*.whl"))
    target = tmp_path / "installed"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    assert (target / "badgesite" / "themes" / "default" / "theme.yml").is_file()
    assert (target / "badgesite" / "starter" / "badgesite.yml").is_file()
    environment = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run(
        [sys.executable, "-c", "import badgesite; print(badgesite.__file__)"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(target))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "badgesite",
            "build",
            str(SAMPLE_SITE),
            "-o",
            str(tmp_path / "out"),
            "--today",
            TODAY,
            "--no-cache",
        ],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "theme" / "style.css").is_file()


def test_parallel_build_counts_the_workers_cache_hits(tmp_path: Path) -> None:
    """Markdown parsed ahead and cards drawn by workers are counted: a forced rebuild is all hits."""
    site = tmp_path / "big"
    subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"), "120", str(site)], check=True)
    first = run_cli("build", site, "--today", TODAY)
    first_tree = tree(site / "_site")
    forced = run_cli("build", site, "--today", TODAY, "--force")
    assert first.returncode == 0 and forced.returncode == 0, first.stderr + forced.stderr
    misses = int(first.stdout.split("(cache: 0 hits, ")[1].split(" misses")[0])
    assert misses == 120 + 241 + 120  # case-study Markdown, cards (badges, case studies, home), QR codes
    assert f"(cache: {misses} hits, 0 misses)" in forced.stdout
    assert tree(site / "_site") == first_tree


def pages_only_site(site: Path) -> Path:
    """120 badges and case studies, enough for worker processes, without cards and QR codes to keep it quick."""
    subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"), "120", str(site)], check=True)
    config = site / "badgesite.yml"
    config.write_text(config.read_text() + "sharing:\n  social_cards: false\n  qr_codes: false\n")
    return site


def test_a_killed_markdown_worker_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The case studies' Markdown is parsed ahead in worker processes; if one dies, the pages parse it."""
    from badgesite.build import BuildOptions, build
    from badgesite.render import ahead

    site = pages_only_site(tmp_path / "big")
    today = dt.date.fromisoformat(TODAY)
    whole = build(BuildOptions(site_root=site, output=tmp_path / "whole", today=today, use_cache=False))
    monkeypatch.setattr(ahead, "_render", _die)
    killed = build(BuildOptions(site_root=site, output=tmp_path / "killed", today=today, use_cache=False))
    assert killed.pages == whole.pages > 240
    assert tree(tmp_path / "killed") == tree(tmp_path / "whole")


def _die(positions: object) -> None:
    os._exit(3)


def test_a_killed_render_worker_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """Pages are rendered in a worker and in the build's own process; if the worker dies (out of memory, a
    signal), the build's process renders its chunks too: same site, no traceback."""
    import badgesite.build as build_module
    from badgesite.build import BuildOptions, build

    site = pages_only_site(tmp_path / "big")
    today = dt.date.fromisoformat(TODAY)
    whole = build(BuildOptions(site_root=site, output=tmp_path / "whole", today=today, use_cache=False))
    global _BUILDING_PROCESS
    _BUILDING_PROCESS = os.getpid()
    monkeypatch.setattr(build_module, "render_chunk", _render_here_or_die)
    capfd.readouterr()
    killed = build(BuildOptions(site_root=site, output=tmp_path / "killed", today=today, use_cache=False))
    assert killed.pages == whole.pages > 240
    assert tree(tmp_path / "killed") == tree(tmp_path / "whole")
    assert capfd.readouterr().err == ""


_BUILDING_PROCESS = 0


def _render_here_or_die(indices: Sequence[int]) -> object:
    from badgesite.render.batch import render_chunk

    if os.getpid() != _BUILDING_PROCESS:
        os.kill(os.getpid(), signal.SIGKILL)
    return render_chunk(indices)


# Every worker writes the start of its first result and dies: the pool's reader then waited forever for the
# rest (Python 3.11's ProcessPoolExecutor does not notice a worker killed while sending).
HALF_SENT = """
import os, struct, sys
import concurrent.futures.process as process

builder = os.getpid()
real = process._sendback_result

def half_sent(result_queue, *arguments, **named):
    if os.getpid() != builder:
        os.write(result_queue._writer.fileno(), struct.pack("!i", 1 << 20) + b"the first bytes of a result")
        os._exit(9)
    return real(result_queue, *arguments, **named)

process._sendback_result = half_sent
from badgesite.cli import main
sys.exit(main(sys.argv[1:]))  # a normal exit, which waits for the pool's threads
"""


def test_workers_killed_while_sending_a_result_only_cost_time(tmp_path: Path) -> None:
    site = pages_only_site(tmp_path / "big")
    script = tmp_path / "half_sent.py"
    script.write_text(HALF_SENT)
    whole = run_cli("build", site, "-o", tmp_path / "whole", "--today", TODAY, "--no-cache")
    killed = subprocess.run(
        [sys.executable, str(script), "build", str(site), "-o", str(tmp_path / "killed"), "--today", TODAY],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert whole.returncode == killed.returncode == 0, whole.stderr + killed.stderr
    assert "Traceback" not in killed.stderr
    assert tree(tmp_path / "killed") == tree(tmp_path / "whole")


def test_a_build_that_stops_early_leaves_no_worker_behind(tmp_path: Path) -> None:
    """A site with a problem stops the build while its Markdown workers run: they are stopped with it, not
    left waiting for work that never comes."""
    site = pages_only_site(tmp_path / "stops-early")
    badge = sorted((site / "badges").glob("*.yml"))[0]
    badge.write_text(badge.read_text() + "bogus_field: 1\n")
    result = run_cli("build", site, "--today", TODAY, "--no-cache")
    assert result.returncode == 1 and "bogus_field: unknown field" in result.stderr
    time.sleep(0.5)
    assert _processes_naming(str(site)) == []


def _processes_naming(text: str) -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if entry.name.isdigit() and text in command:
            found.append(f"{entry.name}: {command}")
    return found


def test_a_worker_dying_while_chunks_are_handed_out_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker can die before the last chunk is submitted: submit() then raises BrokenProcessPool, which
    ended the build (seen once in CI); the pages parse the Markdown instead."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from badgesite.build import BuildOptions, build

    site = pages_only_site(tmp_path / "big")
    today = dt.date.fromisoformat(TODAY)
    whole = build(BuildOptions(site_root=site, output=tmp_path / "whole", today=today, use_cache=False))
    submitted = ProcessPoolExecutor.submit
    calls = []

    def breaks_on_the_second(self: ProcessPoolExecutor, *arguments: object, **named: object) -> object:
        calls.append(1)
        if len(calls) == 2:
            raise BrokenProcessPool("a child process terminated abruptly")
        return submitted(self, *arguments, **named)  # type: ignore[arg-type]

    monkeypatch.setattr(ProcessPoolExecutor, "submit", breaks_on_the_second)
    broken = build(BuildOptions(site_root=site, output=tmp_path / "broken", today=today, use_cache=False))
    monkeypatch.undo()
    assert len(calls) >= 2
    assert broken.pages == whole.pages
    assert tree(tmp_path / "broken") == tree(tmp_path / "whole")
