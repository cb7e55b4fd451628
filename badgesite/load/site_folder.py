"""Walk a site folder and read every source file into Documents; never stops at the first problem."""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from badgesite.load.documents import Document
from badgesite.load.front_matter import split_front_matter
from badgesite.load.yaml_source import parse_yaml
from badgesite.problems import Problem

CONFIG_NAME = "badgesite.yml"
OUTPUT_DEFAULT = "_site"
CACHE_DIR = ".badgesite-cache"
ROOT_FILES = "root"  # published at the site root: favicon.ico, a search engine's verification file, .well-known/
PUBLISHED_HIDDEN = frozenset({".well-known"})  # the one hidden folder a site publishes (RFC 8615)
MAX_SOURCE_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteSources:
    """Everything read from disk, before any meaning is given to it."""

    root: Path
    config: Document | None
    badges: tuple[Document, ...]
    case_studies: tuple[Document, ...]
    pages: tuple[Document, ...]
    assets: tuple[str, ...]
    root_files: tuple[str, ...]  # under root/, published without that prefix
    templates_dir: Path | None
    problems: tuple[Problem, ...]
    unread: tuple[str, ...] = ()  # files in case-studies/ and pages/ that are not Markdown: never read
    dead_links: tuple[str, ...] = ()  # source folders that are links leading to no folder: nothing read there


class DocumentCache:
    """Documents kept between rebuilds in one process (the dev server): a file whose size and modification
    time are unchanged is not read or parsed again."""

    def __init__(self) -> None:
        self.entries: dict[Path, tuple[tuple[int, int], Document, tuple[Problem, ...]]] = {}

    def read(self, root: Path, path: Path, problems: list[Problem], reader: Callable[..., Document]) -> Document:
        try:
            status = path.stat()
            signature = (status.st_mtime_ns, status.st_size)
        except OSError:
            return reader(root, path, problems)
        known = self.entries.get(path)
        if known is not None and known[0] == signature:
            problems.extend(known[2])
            return known[1]
        own: list[Problem] = []
        document = reader(root, path, own)
        self.entries[path] = (signature, document, tuple(own))
        problems.extend(own)
        return document


MARKDOWN_SUFFIXES = (".md", ".markdown")
SOURCE_SUFFIXES = {"badges": (".yml", ".yaml"), "case-studies": MARKDOWN_SUFFIXES, "pages": MARKDOWN_SUFFIXES}
MARKDOWN_FOLDERS = ("case-studies", "pages")  # hold nothing but Markdown: another file there is a mistake


def is_source_file(relative: str) -> bool:
    """A file read_site parses: the config, badge YAML, case-study and page Markdown."""
    folder, _, name = relative.partition("/")
    if not name:
        return relative == CONFIG_NAME
    return os.path.splitext(name)[1].lower() in SOURCE_SUFFIXES.get(folder, ())


def read_site(
    root: Path,
    *,
    skip: tuple[Path, ...] = (),
    cache: DocumentCache | None = None,
    contents: Mapping[str, bytes] | None = None,
) -> SiteSources:
    """Read the whole site folder; `skip` holds folders to ignore (the output, when it lies inside).
    `contents` holds files already read this build (by the input fingerprint), by site-relative path."""
    problems: list[Problem] = []

    def read(path: Path, reader: Callable[..., Document]) -> Document:
        raw = contents.get(_relative(root, path)) if contents else None
        if raw is not None:
            reader = functools.partial(reader, raw=raw)
        return cache.read(root, path, problems, reader) if cache is not None else reader(root, path, problems)

    if not (root / CONFIG_NAME).is_file():
        problems.append(
            Problem(
                path=CONFIG_NAME,
                message=f"no {CONFIG_NAME} in {root}",
                hint="run `badgesite init DIR` to start a site, or pass the site folder to the command",
            )
        )
        config = None
    else:
        config = read(root / CONFIG_NAME, read_yaml_file)
    skipped = _skipped(root, skip)
    unread: list[Path] = []

    def read_all(folder: str, reader: Callable[..., Document]) -> tuple[Document, ...]:
        others = unread if folder in MARKDOWN_FOLDERS else None
        found = _files(root / folder, SOURCE_SUFFIXES[folder], skipped, problems, others=others)
        return tuple(read(path, reader) for path in found)

    badges = read_all("badges", read_yaml_file)
    case_studies = read_all("case-studies", read_markdown_file)
    pages = read_all("pages", read_markdown_file)
    assets = tuple(path.relative_to(root).as_posix() for path in _files(root / "assets", None, skipped, problems))
    root_files = tuple(
        path.relative_to(root).as_posix()
        for path in _files(root / ROOT_FILES, None, skipped, problems, hidden=PUBLISHED_HIDDEN)
    )
    templates = root / "templates"
    return SiteSources(
        root=root,
        config=config,
        badges=badges,
        case_studies=case_studies,
        pages=pages,
        assets=assets,
        root_files=root_files,
        templates_dir=templates if templates.is_dir() else None,
        problems=tuple(problems),
        unread=tuple(sorted(_relative(root, path) for path in unread)),
        dead_links=tuple(
            name for name in LINKABLE_FOLDERS if (root / name).is_symlink() and not (root / name).is_dir()
        ),
    )


LINKABLE_FOLDERS = ("assets", "badges", "case-studies", "pages", "root", "templates", "themes")


def source_files(root: Path, folder: str, *, skip: tuple[Path, ...] = ()) -> list[Path]:
    """The files read_site parses in this folder of the site, in its order. Problems met on the way (a link
    out of the site folder, never followed) are read_site's to report."""
    return _files(root / folder, SOURCE_SUFFIXES[folder], _skipped(root, skip), [])


def _skipped(root: Path, skip: tuple[Path, ...]) -> set[Path]:
    """Folders the site's files are never read from: those given, and the default output and the cache."""
    return {p.resolve() for p in skip} | {(root / OUTPUT_DEFAULT).resolve(), (root / CACHE_DIR).resolve()}


def _files(
    folder: Path,
    suffixes: tuple[str, ...] | None,
    skipped: set[Path],
    problems: list[Problem],
    *,
    hidden: frozenset[str] = frozenset(),
    others: list[Path] | None = None,
) -> list[Path]:
    """Files below folder in a stable order, leaving out hidden files and folders (but the `hidden` folder
    names), editor backups and skipped trees. A symbolic link, to a file or a folder, is followed when it
    stays inside the site folder; one that leaves it is never followed, and is a problem rather than a
    silent gap. Read with scandir, whose entries know their type: no system call per file to ask. Files of
    another kind (not hidden, not backups) are added to `others` when it is given."""
    if not folder.is_dir():
        return []
    root = folder.resolve().parent
    found: list[Path] = []
    walked: set[Path] = set()

    def leaves(path: Path, kind: str) -> bool:
        if path.resolve().is_relative_to(root):
            return False
        problems.append(
            Problem(
                path=_relative(folder.parent, path),
                message=f"is a symbolic link to a {kind} outside the site folder, which is never followed",
                hint=f"copy the {kind} into the site folder",
            )
        )
        return True

    def walk(here: Path) -> None:
        real = here.resolve()
        if real in walked or real in skipped:  # a link back to a folder already read, the output, the cache
            return
        walked.add(real)
        with os.scandir(here) as entries:
            for entry in entries:
                name, path = entry.name, here / entry.name
                if entry.is_dir():
                    shown = not name.startswith(".") or name in hidden
                    if shown and not (entry.is_symlink() and leaves(path, "folder")):
                        walk(path)
                elif not entry.is_file():
                    continue  # a named pipe or a device: opening one blocks, or reads without end
                elif _read_as_source(name, suffixes):
                    if not (entry.is_symlink() and leaves(path, "file")):
                        found.append(path)
                elif others is not None and _read_as_source(name, None):
                    others.append(path)

    walk(folder)
    return sorted(found, key=lambda p: p.as_posix())


def hidden_or_backup(relative: str) -> bool:
    """In a hidden folder (but `.well-known/`), hidden, or an editor's backup (`notes~`): a file no folder of
    the site publishes, and the up-to-date check leaves out."""
    parts = relative.split("/")
    return any(part.startswith(".") and part not in PUBLISHED_HIDDEN for part in parts) or parts[-1].endswith("~")


def _read_as_source(name: str, suffixes: tuple[str, ...] | None) -> bool:
    """Not hidden, not an editor's backup, and of a kind the folder holds (any, for assets/ and root/)."""
    if name.startswith(".") or name.endswith("~"):
        return False
    return suffixes is None or os.path.splitext(name)[1].lower() in suffixes


def _read_text(
    root: Path, path: Path, problems: list[Problem], raw: bytes | None = None, *, shown: str | None = None
) -> tuple[str, str] | None:
    relative = shown or _relative(root, path)
    if raw is None:
        try:
            raw = path.read_bytes()
        except OSError as error:
            problems.append(Problem(path=relative, message=f"cannot read the file: {error.strerror}"))
            return None
    if len(raw) > MAX_SOURCE_BYTES:
        problems.append(
            Problem(
                path=relative,
                message=f"file is larger than {MAX_SOURCE_BYTES // 1024 // 1024} MiB",
                hint="split it, or move large content to assets/",
            )
        )
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(
            Problem(path=relative, line=line, column=1, message="is not UTF-8 text", hint="save the file as UTF-8")
        )
        return None
    return relative, text


def read_yaml_file(
    root: Path, path: Path, problems: list[Problem], raw: bytes | None = None, *, shown: str | None = None
) -> Document:
    """Read one YAML file (or parse `raw`, its bytes already read); problems are appended, and the Document
    is still returned (data may be None). `shown` names a file outside root (a bundled theme's settings)."""
    read = _read_text(root, path, problems, raw, shown=shown)
    relative = shown or _relative(root, path)
    if read is None:
        return Document(path=relative, data=None)
    _, text = read
    parsed = parse_yaml(text, path=relative)
    problems.extend(parsed.problems)
    return Document(
        path=relative,
        data=parsed.data,
        value_positions=parsed.value_positions,
        key_positions=parsed.key_positions,
        digest=hashlib.sha256(text.encode()).hexdigest(),
    )


def read_markdown_file(root: Path, path: Path, problems: list[Problem], raw: bytes | None = None) -> Document:
    """Read a Markdown file with YAML front matter (or parse `raw`, its bytes already read)."""
    read = _read_text(root, path, problems, raw)
    relative = _relative(root, path)
    if read is None:
        return Document(path=relative, data=None)
    _, text = read
    split = split_front_matter(text)
    digest = hashlib.sha256(text.encode()).hexdigest()
    if split.front_matter is None:
        return Document(path=relative, data={}, body=split.body, body_line=split.body_line, digest=digest)
    if not split.closed:
        problems.append(
            Problem(
                path=relative,
                line=1,
                column=1,
                message="front matter is not closed",
                hint="end the YAML block with a line containing only ---",
            )
        )
    parsed = parse_yaml(split.front_matter, path=relative, line_offset=split.front_matter_line - 1)
    problems.extend(parsed.problems)
    return Document(
        path=relative,
        data=parsed.data if parsed.data is not None else ({} if not parsed.problems else None),
        value_positions=parsed.value_positions,
        key_positions=parsed.key_positions,
        body=split.body,
        body_line=split.body_line,
        digest=digest,
    )


def _relative(root: Path, path: Path) -> str:
    """`badges/aws.yml`: paths found by walking root start with it, so slicing is enough."""
    root_text, path_text = str(root), str(path)
    if path_text.startswith(root_text + os.sep):
        return path_text[len(root_text) + 1 :].replace(os.sep, "/")
    return path.relative_to(root).as_posix()


def unread_warnings(unread: Iterable[str], dead_links: Iterable[str] = ()) -> list[Problem]:
    """A file in case-studies/ or pages/ that is no Markdown is never read, and a build that says nothing
    leaves its writer looking for a page that was never made (`about.html`, `story.markdown.txt`); nor is
    anything in a source folder that is a link leading nowhere (a shared `templates/` moved away)."""
    return [
        Problem(
            path=name,
            severity="warning",
            message="is a link that leads to no folder, so nothing in it is read",
            hint="point the link at the folder, or remove it",
        )
        for name in dead_links
    ] + [
        Problem(
            path=path,
            severity="warning",
            message=f"not read: {path.partition('/')[0]}/ holds Markdown files only (.md or .markdown)",
            hint="rename it to .md if it is one; a file to publish as it is goes in assets/ or root/",
        )
        for path in unread
    ]
