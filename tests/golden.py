"""The golden test's expected tree: the sample site built with fixed options, kept in tests/golden/.

Text files are stored as they are, so a change to the output is reviewed as a diff like code; binary
files (images, cards) are stored as sha256 digests in binary.sha256. Regenerate after an intended change:

    python tests/golden.py --update
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXPECTED = REPO / "tests" / "golden" / "sample-site"
OPTIONS = ("--today", "2026-11-29", "--base-url", "https://example.github.io/portfolio/", "--no-cache")
TEXT_SUFFIXES = {".html", ".xml", ".json", ".css", ".txt", ".svg", ".md", ".csv", ".jws", ".yml", ""}
DIGESTS = "binary.sha256"


def build_sample(output: Path) -> None:
    command = [sys.executable, "-m", "badgesite", "build", str(REPO / "sample-site"), "-o", str(output), "-q", *OPTIONS]
    subprocess.run(command, check=True, cwd=REPO)


def snapshot(output: Path) -> dict[str, bytes]:
    """What is compared: text files' bytes, and one line per binary file with its digest."""
    files: dict[str, bytes] = {}
    digests: list[str] = []
    for path in sorted(output.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(output).as_posix()
        if relative == ".badgesite-output":
            continue  # a hash of the inputs: it changes with every theme edit and says nothing about the output
        if path.suffix in TEXT_SUFFIXES:
            files[relative] = path.read_bytes()
        else:
            digests.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {relative}\n")
    files[DIGESTS] = "".join(digests).encode()
    return files


def stored() -> dict[str, bytes]:
    return {p.relative_to(EXPECTED).as_posix(): p.read_bytes() for p in sorted(EXPECTED.rglob("*")) if p.is_file()}


def update() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "out"
        build_sample(output)
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for relative, data in snapshot(output).items():
            target = EXPECTED / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(__doc__)
    update()
    print(f"updated {EXPECTED.relative_to(REPO)}; review the diff with git diff")
