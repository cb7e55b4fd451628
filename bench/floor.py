"""The floor: the same badge and case-study pages rendered by a bare markdown-it-py + Jinja2 loop, nothing else.

usage: python bench/floor.py SITE OUT [--processes N]
"""

from __future__ import annotations

import argparse
import multiprocessing
from pathlib import Path

import jinja2
import yaml
from markdown_it import MarkdownIt

TEMPLATE = jinja2.Template(
    "<!doctype html><html><head><title>{{ title }}</title></head><body><main><h1>{{ title }}</h1>"
    "{{ body }}</main></body></html>",
    autoescape=True,
)


def render(paths: list[Path], out: Path) -> None:
    md = MarkdownIt("commonmark").enable("table")
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".yml":
            data = yaml.load(text, Loader=yaml.CSafeLoader)
            title, body = data["name"], data.get("description", "")
        else:
            _, front, body = text.split("---", 2)
            title = front.split("title:", 1)[1].split("\n", 1)[0].strip()
        html = TEMPLATE.render(title=title, body=jinja2.utils.markupsafe.Markup(md.render(body)))
        target = out / path.parent.name / path.stem / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--processes", type=int, default=1)
    arguments = parser.parse_args()
    paths = sorted((arguments.site / "case-studies").glob("*.md")) + sorted((arguments.site / "badges").glob("*.yml"))
    if arguments.processes == 1:
        render(paths, arguments.out)
        return
    slices = [paths[index :: arguments.processes] for index in range(arguments.processes)]
    with multiprocessing.get_context("fork").Pool(arguments.processes) as pool:
        pool.starmap(render, [(part, arguments.out) for part in slices])


if __name__ == "__main__":
    main()
