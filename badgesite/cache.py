"""A content-addressed cache of derived files in SITE/.badgesite-cache/: a key is a hash of everything that
affects the file, so a hit is always safe to reuse and nothing needs invalidating."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from badgesite.write import replace_file

CACHE_README = b"badgesite keeps derived files here (social cards, resized images) keyed by content. Safe to delete.\n"


@dataclass(slots=True)
class ContentCache:
    """get/put by (kind, key); counts hits and misses for the build summary. `folder=None` disables it."""

    folder: Path | None
    hits: int = 0
    misses: int = 0
    _ready: set[str] = field(default_factory=set)
    _seen: dict[str, Path] = field(default_factory=dict)  # kind/key -> file, for entries found or stored here

    def stored(self, kind: str, key: str) -> Path | None:
        """The entry's file when it exists, without counting a hit or a miss. An entry seen once is not looked
        for again: entries are never removed while badgesite runs, and `serve` asks for every social card after
        each edit (10,000 file checks at 5,000 + 5,000)."""
        if self.folder is None:
            return None
        name = f"{kind}/{key}"
        path = self._seen.get(name)
        if path is None:
            path = self.folder / kind / key[:2] / key
            if not path.is_file():
                return None
            self._seen[name] = path
        return path

    def forget(self) -> None:
        """Look entries up afresh: the folder was changed behind this process's back (deleted while serving)."""
        self._seen.clear()
        self._ready.clear()

    def path_for(self, kind: str, key: str) -> Path | None:
        """The entry's file when it exists (counted as a hit), else None (a miss)."""
        path = self.stored(kind, key)
        if path is None:
            self.misses += 1
        else:
            self.hits += 1
        return path

    def get(self, kind: str, key: str) -> bytes | None:
        if self.folder is None:
            self.misses += 1
            return None
        try:
            data = (self.folder / kind / key[:2] / key).read_bytes()
        except OSError:
            self.misses += 1
            return None
        self.hits += 1
        return data

    def put(self, kind: str, key: str, data: bytes) -> bool:
        """Write atomically (write.replace_file) so a crash never leaves a half-written entry; False if not
        stored. A cold build stores one for every case study and card."""
        if self.folder is None:
            return False
        target = f"{self.folder}/{kind}/{key[:2]}/{key}"
        try:
            if kind not in self._ready:
                self.folder.mkdir(parents=True, exist_ok=True)
                readme = self.folder / "README.txt"
                if not readme.exists():
                    readme.write_bytes(CACHE_README)
                self._ready.add(kind)
            replace_file(target, data)
        except OSError:
            return False  # a cache that cannot be written only costs time
        self._seen[f"{kind}/{key}"] = Path(target)
        return True
