"""Generate a deterministic synthetic portfolio: N badges, N case studies of ~600 words, N/4 badge images.

usage: python bench/generate.py N OUT_DIR [--hugo HUGO_DIR]
With --hugo, the same badges and case studies are also written as a Hugo content folder (for the side-by-side
benchmark): badges with their issuer and skills as taxonomies and the case studies that cite them.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

ISSUERS = [
    "Amazon Web Services",
    "Google Cloud",
    "Microsoft",
    "Linux Foundation",
    "HashiCorp",
    "Databricks",
    "Snowflake",
    "Cisco",
    "CompTIA",
    "ISC2",
    "PMI",
    "Scrum.org",
]
SKILLS = [
    "Kubernetes",
    "Terraform",
    "Python",
    "SQL",
    "Spark",
    "Security",
    "Networking",
    "Leadership",
    "AWS",
    "Azure",
    "GCP",
    "Observability",
    "CI/CD",
    "Data modelling",
    "Machine learning",
    "Go",
    "Rust",
    "Linux",
]
LEVELS = ["foundational", "intermediate", "advanced", "expert"]
WORDS = [
    "platform",
    "cost",
    "latency",
    "team",
    "migration",
    "cluster",
    "pipeline",
    "service",
    "data",
    "customer",
    "quality",
    "reliability",
    "deployment",
    "incident",
    "review",
    "architecture",
    "storage",
    "network",
    "security",
    "budget",
    "roadmap",
    "release",
    "outcome",
    "throughput",
    "baseline",
    "experiment",
    "dashboard",
    "contract",
    "schema",
    "warehouse",
    "stream",
    "batch",
    "query",
    "index",
    "cache",
    "failover",
    "region",
    "account",
    "policy",
    "audit",
    "training",
    "mentoring",
    "hiring",
    "planning",
    "delivery",
    "metric",
    "target",
]


def paragraph(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    sentences, current = [], []
    for word in chosen:
        current.append(word)
        if len(current) >= rng.randint(9, 16):
            sentences.append(" ".join(current).capitalize() + ".")
            current = []
    if current:
        sentences.append(" ".join(current).capitalize() + ".")
    return " ".join(sentences)


def body(rng: random.Random) -> str:
    """About 600 words in headed sections, with a list, a table and a link, like a real case study."""
    parts = []
    for heading in ("Context", "What I did", "Results"):
        parts.append(f"## {heading}\n\n{paragraph(rng, 90)}\n\n{paragraph(rng, 90)}\n")
    parts.append("- " + "\n- ".join(paragraph(rng, 8) for _ in range(4)) + "\n")
    parts.append("| Metric | Before | After |\n|---|---|---|\n| Cost | 100 | 62 |\n| Latency | 240 | 90 |\n")
    parts.append(
        f"See [the write-up](https://example.org/notes/{rng.randint(1, 9999)}) for details. {paragraph(rng, 60)}\n"
    )
    return "\n".join(parts)


def badge_png(rng: random.Random) -> bytes:
    image = Image.new("RGB", (256, 256), (rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255)))
    ImageDraw.Draw(image).ellipse((32, 32, 224, 224), fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def generate(count: int, out: Path, hugo: Path | None = None, case_studies: int | None = None) -> None:
    rng = random.Random(20261129)
    if out.exists():
        shutil.rmtree(out)
    (out / "badges").mkdir(parents=True)
    (out / "case-studies").mkdir()
    issuers = "\n".join(f"  - name: {name}" for name in ISSUERS)
    (out / "badgesite.yml").write_text(
        f"title: Synthetic portfolio ({count})\nbase_url: https://example.org/bench/\nowner:\n  name: Bench Owner\n"
        f"  headline: Generated for benchmarks\nissuers:\n{issuers}\n",
        encoding="utf-8",
    )
    hugo_badges: dict[str, dict[str, Any]] = {}  # Hugo front matter, with the case studies that cite each badge
    for index in range(count):
        badge_id = f"badge-{index:05d}"
        year, month, day = 2018 + index % 8, 1 + index % 12, 1 + index % 28
        skills = ", ".join(rng.sample(SKILLS, 3))
        lines = [
            f"name: Certified Practitioner {index}",
            f"issuer: {ISSUERS[index % len(ISSUERS)]}",
            f"earned: {year}-{month:02d}-{day:02d}",
            f"level: {LEVELS[index % 4]}",
            f"skills: [{skills}]",
            f"description: {paragraph(rng, 40)}",
            "evidence:",
            f"  - title: Project notes {index}",
            f"    url: https://example.org/evidence/{index}",
        ]
        if index % 4 == 0:
            (out / "badges" / f"{badge_id}.png").write_bytes(badge_png(rng))
            lines.append(f"image: {badge_id}.png")
        (out / "badges" / f"{badge_id}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        hugo_badges[badge_id] = {
            "title": f"Certified Practitioner {index}",
            "date": f"{year}-{month:02d}-{day:02d}",
            "issuers": [ISSUERS[index % len(ISSUERS)]],
            "skills": skills.split(", "),
            "level": LEVELS[index % 4],
            "description": lines[5].split(": ", 1)[1],
            "evidence": [{"title": f"Project notes {index}", "url": f"https://example.org/evidence/{index}"}],
            "case_studies": [],
        }
    for index in range(count if case_studies is None else case_studies):
        cited = ", ".join(f"badge-{rng.randrange(count):05d}" for _ in range(2))
        year, month, day = 2019 + index % 7, 1 + index % 12, 1 + index % 28
        front = (
            f"---\ntitle: Case study {index}\ndate: {year}-{month:02d}-{day:02d}\n"
            f"summary: {paragraph(rng, 20)}\nbadges: [{cited}]\nmetrics:\n"
            f"  - {{label: Cost, before: {100 + index % 50}, after: {60 + index % 30}, unit: k€}}\n---\n"
        )
        text = body(rng)
        (out / "case-studies" / f"case-{index:05d}.md").write_text(front + text, encoding="utf-8")
        for badge_id in cited.split(", "):
            hugo_badges[badge_id]["case_studies"].append(f"case-{index:05d}")
        if hugo is not None:
            write_hugo_page(hugo / "content" / "case-studies" / f"case-{index:05d}.md", front, text)
    if hugo is not None:
        for badge_id, front_matter in hugo_badges.items():
            text = f"{front_matter['description']}\n"
            write_hugo_page(hugo / "content" / "badges" / f"{badge_id}.md", json.dumps(front_matter), text)


def write_hugo_page(target: Path, front: str, text: str) -> None:
    """The same content for Hugo: YAML (or JSON, which YAML reads) front matter and the Markdown body."""
    target.parent.mkdir(parents=True, exist_ok=True)
    front = front.strip().removeprefix("---").removesuffix("---").strip()
    target.write_text(f"---\n{front}\n---\n{text}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--hugo", type=Path)
    parser.add_argument("--case-studies", type=int, help="how many case studies (default: N)")
    arguments = parser.parse_args()
    generate(arguments.count, arguments.out, arguments.hugo, arguments.case_studies)


if __name__ == "__main__":
    main()
