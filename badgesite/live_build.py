"""Incremental rebuilds for `badgesite serve`: the edited page first, then only the pages that show it.

The first build, and any config or theme settings change, is a full atomic build. After a content edit,
documents and schema results whose files did not change are reused, the model is assembled again, and
only pages whose sources (or previous sources) include a changed file are rendered; after a template edit,
only pages whose template extends, includes or imports it. Every output file is written only when its
bytes changed, each through a temporary file and a rename. The result is the same
tree a full build makes (tests compare them after a series of edits).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from badgesite.build import BuildOptions, Prepared, build, prepare
from badgesite.cache import ContentCache
from badgesite.load import Document, DocumentCache
from badgesite.load.site_folder import is_source_file, read_markdown_file
from badgesite.model import urls
from badgesite.model.types import CaseStudy
from badgesite.outputs import other_files
from badgesite.problems import Problem, SiteError
from badgesite.render import Renderer, once_per_line
from badgesite.render.feeds import FEED_PATH, atom_feed
from badgesite.render.pages import PageSpec
from badgesite.render.plaintext import markdown_text
from badgesite.render.template_deps import EVERY_TEMPLATE, uses_any
from badgesite.same import same
from badgesite.serve.watch import ChangeKind
from badgesite.validate import ValidationMemo
from badgesite.write import MARKER, MARKER_TEXT, SOURCE_FOLDERS, OutputFile, output_target, replace_file


@dataclass(frozen=True, slots=True, kw_only=True)
class LiveResult:
    """What one rebuild did, for the terminal line and for tests."""

    full: bool
    pages: int
    rendered: int
    written: int
    removed: int
    seconds: float
    base_path: str
    warnings: tuple[Problem, ...] | None = None  # what the site publishes but should not; None: not looked at


class LiveBuild:
    """The state `serve` keeps between rebuilds of one site."""

    def __init__(self, options: BuildOptions) -> None:
        self.options = replace(options, force=True)
        self.documents = DocumentCache()
        self.memo = ValidationMemo()
        self.cache = ContentCache(options.cache_folder)
        self.renderer: Renderer | None = None
        self.sources: dict[str, tuple[str, ...]] = {}
        self.closures: dict[str, frozenset[str]] = {}  # template -> the templates it is made of
        self.own_pages: dict[str, PageSpec] = {}
        self.own_templates: set[str] = set()  # page templates with a template from outside the bundled themes
        self.unfinished: set[str] = set()  # files edited since the last rebuild that succeeded
        self.badge_file_folders: frozenset[str] = frozenset()  # images, assertions, evidence: serve watches them
        self.front_matter: dict[str, object] = {}
        self.outputs: set[str] = set()
        self.others: dict[str, object] = {}  # output path -> what tells a change (see _identities)
        self.marker: bytes | None = None  # the output's marker as last written here (see output_is_ours)

    def rebuild(self, changed: Iterable[Path] = (), kind: ChangeKind = ChangeKind.CONFIG) -> LiveResult:
        """Bring the output up to date with the site; raises SiteError and leaves the output as it was."""
        if self.renderer is None or kind == ChangeKind.CONFIG or not self.output_is_ours():
            return self._full()
        if kind == ChangeKind.TEMPLATE:
            templates = self._template_names(changed)  # empty when only theme static files changed
            if templates is None or self.unfinished:
                return self._full()
            return self._update(set(), templates=templates)
        if kind == ChangeKind.ASSET:
            self.memo.clear()  # paths in badge files may now point at files that appeared or vanished
        relative = {self._relative(path) for path in changed} | self.unfinished
        try:
            result = self._body_only(relative) or self._update(relative)
        except SiteError:
            self.unfinished = relative  # the next rebuild, once the site builds again, must take these in too
            raise
        self.unfinished = set()
        return result

    def output_is_ours(self) -> bool:
        """False once the output folder was deleted, or replaced by a `badgesite build` (whose marker records
        its inputs, and whose base URL may differ) since this serve wrote it: updating only the pages an edit
        touches would then leave the rest missing or mixed. Checked before each rebuild and while idle."""
        return self.marker is not None and self._marker_on_disk() == self.marker

    def output_lost(self) -> bool:
        """While idle: the output folder is gone, or holds another build's complete output. A folder still
        there without its marker is being deleted (`rm -rf` takes a while on a large site): building into
        it meanwhile would race the deletion, so that waits until it is gone."""
        marker = self._marker_on_disk()
        if marker is not None:
            return marker != self.marker
        return not self.options.output_folder.exists()

    def _marker_on_disk(self) -> bytes | None:
        try:
            return (self.options.output_folder / MARKER).read_bytes()
        except OSError:
            return None

    def _mark(self) -> None:
        """After an update: the marker without an input fingerprint, so the next `badgesite build` builds."""
        self._write(MARKER, MARKER_TEXT)
        self.marker = MARKER_TEXT

    def _body_only(self, changed: set[str]) -> LiveResult | None:
        """A writer's usual edit: one case study's Markdown body, front matter untouched. Only its own page can
        change (lists show titles, summaries and metrics), so it is rendered alone, without re-reading the site."""
        if len(changed) != 1:
            return None
        [path] = changed
        spec = self.own_pages.get(path)
        if spec is None or not path.startswith("case-studies/") or not is_source_file(path):
            return None
        started = time.perf_counter()
        source = self.options.site_root / path
        problems: list[Problem] = []
        document = self.documents.read(self.options.site_root, source, problems, read_markdown_file)
        study = spec.values["case_study"]
        previous = self.front_matter.get(path)
        if problems or previous is None or not same(document.data, previous):  # 65 -> 65.0 is an edit
            return None
        assert self.renderer is not None
        if any(self.renderer.may_show_bodies(template) for template in self.own_templates):
            return None  # a page of the site's own templates may show this body too: re-render what it touches
        edited = replace(study, body=document.body)
        new = replace(spec, values={**spec.values, "case_study": edited})
        rendered, problems, early = self._render([new])
        if problems:
            raise SiteError(once_per_line(problems))
        written = early + sum(self._write(output, data) for output, data in rendered.items())
        written += self._refresh_feed(study, edited)
        self._mark()
        self.own_pages[path] = new
        return LiveResult(
            full=False,
            pages=len(self.sources),
            rendered=1,
            written=written,
            removed=0,
            seconds=time.perf_counter() - started,
            base_path=self.renderer.site.base_path if self.renderer else "/",
        )

    def _refresh_feed(self, old: CaseStudy, edited: CaseStudy) -> int:
        """Swap the edited case study into the model; the feed shows the first words of its body when it has
        no summary, so then the feed is made again. 1 if it was written."""
        assert self.renderer is not None
        site = self.renderer.site
        self.renderer.site = site = replace(
            site, case_studies=tuple(edited if study is old else study for study in site.case_studies)
        )
        if markdown_text(edited.summary):
            return 0
        feed = atom_feed(site)
        if feed is None or self.others.get(FEED_PATH) == feed:
            return 0
        self.others[FEED_PATH] = feed
        return self._write(FEED_PATH, feed)

    def _template_names(self, changed: Iterable[Path]) -> set[str] | None:
        """The template names behind the edited files; None unless each is a template or a static file."""
        assert self.renderer is not None
        theme = self.renderer.theme
        names: set[str] = set()
        for path in changed:
            found = set() if theme.is_static(path) else theme.template_names(path)
            if found is None:
                return None
            names |= found
        return names

    def _remember(self, prepared: Prepared) -> None:
        """What the next update compares against: each page's sources and templates, case studies' front matter."""
        assert self.renderer is not None
        self.sources = {spec.output: spec.meta.sources for spec in prepared.specs}
        self.closures = {
            name: self.renderer.templates_behind(name) for name in {spec.template for spec in prepared.specs}
        }
        self.own_pages = {
            spec.meta.source: spec for spec in prepared.specs if spec.meta.source and spec.meta.kind == "case_study"
        }
        self.own_templates = {
            spec.template for spec in prepared.specs if self.renderer.uses_own_templates(spec.template)
        }
        self.front_matter = {doc.path: doc.data for doc in self._case_study_documents()}
        self.badge_file_folders = self._folders_of_badge_files(prepared)

    def _folders_of_badge_files(self, prepared: Prepared) -> frozenset[str]:
        """The site's top-level folders, other than the source folders, that hold the badges' images,
        assertions and evidence files and the owner's avatar (`evidence/`, `assertions/`): serve watches them
        too. A file at the top level is not followed (watching the site folder itself would watch the output)."""
        root = self.options.site_root.resolve()
        skipped = {self.options.output_folder.resolve()}
        if self.options.cache_folder is not None:
            skipped.add(self.options.cache_folder.resolve())
        files = [
            path
            for badge in prepared.site.badges
            for path in (
                badge.image_file,
                badge.assertion_file,
                *(evidence.source for evidence in badge.evidence if evidence.is_file),
            )
            if path
        ]
        if prepared.site.owner.avatar:
            files.append(prepared.site.owner.avatar)
        found = {path.split("/", 1)[0] for path in files if "/" in path}
        return frozenset(name for name in found - SOURCE_FOLDERS if root / name not in skipped)

    def _case_study_documents(self) -> list[Document]:
        folder = f"{self.options.site_root / 'case-studies'}{os.sep}"  # compared as text: 10,000 paths per edit
        return [entry[1] for path, entry in self.documents.entries.items() if str(path).startswith(folder)]

    def _full(self) -> LiveResult:
        started = time.perf_counter()
        self.renderer = None
        self.marker = None
        result = build(self.options, documents=self.documents, memo=self.memo, record_reads=True)
        prepared = result.prepared
        assert prepared is not None
        self.renderer = Renderer(prepared.site, prepared.theme, markdown_cache=self.cache, record_reads=True)
        self.renderer.reads_portfolio = result.reads_portfolio
        self._remember(prepared)
        self.outputs = set(result.files) | {MARKER}
        self.marker = self._marker_on_disk()  # the build's own, with its input fingerprint
        self.others = self._identities(other_files(prepared, self.options.site_root, self.cache))
        self.unfinished = set()
        return LiveResult(
            full=True,
            pages=result.pages,
            rendered=result.pages,
            written=len(result.files),
            removed=0,
            seconds=time.perf_counter() - started,
            base_path=prepared.site.base_path,
            warnings=prepared.warnings,
        )

    def _update(self, changed: set[str], templates: set[str] | None = None) -> LiveResult:
        """Re-render the pages whose sources changed, or (after a template edit) whose templates did."""
        started = time.perf_counter()
        assert self.renderer is not None
        prepared = prepare(self.options, documents=self.documents, memo=self.memo)
        if templates:
            before, reads = self.closures, self.renderer.reads_portfolio
            self.renderer = Renderer(prepared.site, prepared.theme, markdown_cache=self.cache, record_reads=True)
            renderer = self.renderer  # reads the templates afresh; what pages read is known until they render again
            renderer.reads_portfolio = reads
            dirty = [
                spec
                for spec in prepared.specs
                if spec.output not in self.sources
                or uses_any(before.get(spec.template, ANY) | renderer.templates_behind(spec.template), templates)
            ]
        else:
            assets_changed = prepared.site.assets != self.renderer.site.assets  # base.html links custom.css
            self.renderer.site = prepared.site
            # The menu lists pages everywhere; a stylesheet added or removed is linked or unlinked everywhere.
            every_page = assets_changed or any(path.startswith("pages/") for path in changed)
            portfolio = any(path.startswith(PORTFOLIO_FOLDERS) for path in changed)
            dirty = [
                spec
                for spec in prepared.specs
                if every_page
                or spec.output not in self.sources
                or _touches(spec.meta.sources, changed)
                or _touches(self.sources[spec.output], changed)
                or (portfolio and self.renderer.may_read_portfolio(spec))
            ]
            dirty.sort(key=lambda spec: spec.meta.source not in changed)  # the edited page reaches the disk first
        rendered, problems, early = self._render(dirty)
        if problems:
            if templates:
                self.renderer = None  # which pages the next fix touches is unclear: that will be a full build
            raise SiteError(once_per_line(problems))
        others = other_files(prepared, self.options.site_root, self.cache)
        written = early + sum(self._write(path, data) for path, data in rendered.items())
        identities = self._identities(others)
        try:
            written += sum(
                self._write(path, data) for path, data in others.items() if self.others.get(path) != identities[path]
            )
        except FileNotFoundError as error:
            if self.cache.folder is None or not Path(str(error.filename)).is_relative_to(self.cache.folder):
                raise
            self.cache.forget()  # the cache folder was deleted while serving: make everything afresh
            return self._full()
        expected = self._expected(prepared, others)
        removed = self._remove(self.outputs - expected)
        self._mark()
        self.outputs, self.others = expected, identities
        self._remember(prepared)
        return LiveResult(
            full=False,
            pages=len(prepared.specs),
            rendered=len(dirty),
            written=written,
            removed=removed,
            seconds=time.perf_counter() - started,
            base_path=prepared.site.base_path,
            warnings=prepared.warnings,
        )

    def _render(self, specs: list[PageSpec]) -> tuple[dict[str, bytes], list[Problem], int]:
        """The pages' bytes and problems; the first page is written at once (the one being edited), and the
        last number says whether that write changed the file, for the summary line."""
        assert self.renderer is not None
        rendered: dict[str, bytes] = {}
        problems: list[Problem] = []
        early = 0
        for spec in specs:
            html = self.renderer.render(spec)
            if isinstance(html, Problem):
                problems.append(html)
                continue
            rendered[spec.output] = html
            if spec.extras:
                rendered.update(spec.extras(self.cache))
            if not problems and spec is specs[0]:
                early = self._write(spec.output, html)  # the page being edited, before everything else
        return rendered, problems, early

    def _identities(self, files: dict[str, OutputFile]) -> dict[str, object]:
        """How to tell that an output file changed without reading it: made bytes by value, cached files by
        name (the cache is content-addressed), a site's own files (assets, evidence, theme static files) by
        path, size and modification time."""
        identities: dict[str, object] = {}
        cache = self.cache.folder
        for path, data in files.items():
            if not isinstance(data, Path) or (cache is not None and data.is_relative_to(cache)):
                identities[path] = data
                continue
            try:
                status = data.stat()
            except OSError:
                identities[path] = (data, None)
            else:
                identities[path] = (data, status.st_size, status.st_mtime_ns)
        return identities

    def _expected(self, prepared: Prepared, others: dict[str, OutputFile]) -> set[str]:
        """Every file the output should hold now: pages, the files made beside them, everything else."""
        beside = {urls.qr_code(spec.meta.url) for spec in prepared.specs if spec.extras}
        return {spec.output for spec in prepared.specs} | beside | set(others) | {MARKER}

    def _write(self, relative: str, data: OutputFile) -> int:
        """Replace one output file atomically when its bytes changed; 1 if written."""
        target = output_target(self.options.output_folder, relative)
        content = data.read_bytes() if isinstance(data, Path) else data
        try:
            if target.read_bytes() == content:
                return 0
        except OSError:
            pass  # not there yet
        replace_file(target, content)
        return 1

    def _remove(self, gone: set[str]) -> int:
        """Delete outputs no longer made, and the folders they leave empty (a deleted badge's page folder)."""
        root = self.options.output_folder
        for relative in gone:
            target = output_target(root, relative)
            target.unlink(missing_ok=True)
            for folder in target.parents:
                if folder == root or not folder.is_relative_to(root):
                    break
                try:
                    folder.rmdir()  # only succeeds when empty
                except OSError:
                    break
        return len(gone)

    def _relative(self, path: Path) -> str:
        root = self.options.site_root.resolve()
        resolved = path.resolve()
        return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else str(path)


ANY = frozenset({EVERY_TEMPLATE})
PORTFOLIO_FOLDERS = ("badges/", "case-studies/")


def _touches(sources: tuple[str, ...], changed: set[str]) -> bool:
    """True when a changed file is one of the sources, or falls under a `badges/*`-style wildcard."""
    return any(path in sources or f"{path.split('/', 1)[0]}/*" in sources for path in changed)
