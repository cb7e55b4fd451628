"""Reading built pages the way a browser or crawler would: links, loaded resources, text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

LOADING = {
    ("img", "src"),
    ("script", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("input", "src"),
}


class PageParser(HTMLParser):
    """Collects anchors, loaded resources (src, stylesheets, icons, preloads) and visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: list[str] = []
        self.loads: list[str] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in ("script", "style", "textarea"):
            self._skip += 1
        if tag == "a" and "href" in values:
            self.anchors.append(values["href"])
        for element, attribute in LOADING:
            if tag == element and attribute in values:
                self.loads.append(values[attribute])
        if (
            tag == "link"
            and values.get("rel", "").split()[0:1]
            and set(values.get("rel", "").split())
            & {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"}
        ):
            self.loads.append(values.get("href", ""))
        if "srcset" in values:
            self.loads += [part.strip().split()[0] for part in values["srcset"].split(",") if part.strip()]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "textarea") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)

    @property
    def visible_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def parse_page(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below folder by relative path, for byte-for-byte comparison."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
