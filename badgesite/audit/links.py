"""Internal links in Markdown that lead nowhere on the built site: pages that do not exist, files never published."""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from badgesite.audit.context import AuditContext
from badgesite.audit.findings import ERROR, q
from badgesite.load.documents import Document, KeyPath
from badgesite.load.yaml_source import dotted
from badgesite.model import Site, urls
from badgesite.model.types import Badge, CaseStudy, Collection, Framework, Issuer, Page, Skill
from badgesite.problems import Problem
from badgesite.root_files import published_path

_parser = MarkdownIt("commonmark", {"html": False}).enable("table").use(footnote_plugin)
_HOST = "https://site.invalid/"  # a stand-in origin so urljoin resolves paths exactly as a browser would
GENERATED_FILES = ("404.html", "feed.xml", "sitemap.xml", "robots.txt", "resume.json")
GENERATED_PREFIXES = ("theme/",)  # the theme's static files, copied as a folder


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteUrls:
    """Everything the built site serves, as site-relative paths (`badges/aws/`, `assets/me.png`)."""

    pages: frozenset[str]
    files: frozenset[str]
    page_of_source: dict[str, str]  # a source file (badges/aws.yml, assets/x.pdf) -> where it is published

    def serves(self, path: str) -> bool:
        if path in self.pages or path in self.files or path.startswith(GENERATED_PREFIXES):
            return True
        if path + "/" in self.pages:  # GitHub Pages redirects badges/aws to badges/aws/
            return True
        return path.endswith("index.html") and path[: -len("index.html")] in self.pages


def site_urls(site: Site) -> SiteUrls:
    """The URL space of the built site, from the model alone (the URL contract of DESIGN.md)."""
    pages = {"", "badges/", "case-studies/", "skills/", "issuers/", "trajectory/"}
    if site.frameworks:
        pages.add("frameworks/")
    if site.collections:
        pages.add("collections/")
    owners: tuple[Badge | CaseStudy | Page | Skill | Issuer | Framework | Collection, ...] = (
        *site.badges,
        *site.case_studies,
        *site.pages,
        *site.skills,
        *site.issuers,
        *site.frameworks,
        *site.collections,
    )
    pages.update(item.page for item in owners)
    files = set(GENERATED_FILES) | set(site.assets)
    sources = {asset: asset for asset in site.assets}
    for source in site.root_files:
        at = published_path(source)
        files.add(at)
        sources[source] = at
        if at == "index.html" or at.endswith("/index.html"):  # served at its folder's URL too
            pages.add(at.removesuffix("index.html"))
    for badge in site.badges:
        files.update({badge.image_url, urls.social_card(badge.page), urls.qr_code(badge.page)})
        if badge.assertion_file:
            files.update({f"{badge.page}assertion.json", f"{badge.page}assertion.jws"})
        for evidence in badge.evidence:
            if evidence.path and evidence.source:
                files.add(evidence.path)
                sources[evidence.source] = evidence.url
    files.update(urls.social_card(study.page) for study in site.case_studies)
    published: tuple[Badge | CaseStudy | Page, ...] = (*site.badges, *site.case_studies, *site.pages)
    for item in published:
        sources[item.source] = item.page
    return SiteUrls(pages=frozenset(pages), files=frozenset(files), page_of_source=sources)


def links_in(text: str) -> Iterator[tuple[str, int]]:
    """(href, 0-based line in text) of every link and image, in order."""
    for token in _parser.parse(text):
        if token.type != "inline" or not token.children:
            continue
        line = token.map[0] if token.map else 0
        for child in token.children:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.type == "link_open":
                yield str(child.attrs.get("href", "")), line
            elif child.type == "image":
                yield str(child.attrs.get("src", "")), line


def resolve(href: str, page_url: str, site: Site) -> str | None:
    """The site-relative path a link leads to on the built site, or None when it leaves the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        base = site.absolute_base
        if not base or not href.startswith(base):
            return None
        return _clean(urljoin(_HOST, urlsplit(href[len(base) :]).path))
    if not parts.path:
        return None  # `#section` or `?query`: the same page
    if parts.path.startswith("/"):
        path, base_path = parts.path, site.base_path
        under_base = base_path != "/" and (path + "/").startswith(base_path)  # `/portfolio/badges/x/`
        return _clean(urljoin(_HOST, path[len(base_path) :] if under_base else path[1:]))
    return _clean(urljoin(_HOST + page_url, parts.path))


def _clean(joined: str) -> str:
    return unquote(urlsplit(joined).path).lstrip("/")


def relative_href(from_page: str, to: str) -> str:
    """The relative link from one page URL to another path: `../../badges/aws/` from `case-studies/x/`."""
    relative = posixpath.relpath("/" + to, "/" + from_page.rstrip("/"))
    if to == "" or to.endswith("/"):
        relative = relative.rstrip("/") + "/" if relative != "." else "./"
    return relative


@dataclass(frozen=True, slots=True, kw_only=True)
class _Text:
    """A Markdown text, where it is published, and how its lines map to the source file."""

    document: Document
    key_path: KeyPath
    page_url: str
    text: str
    first_line: int  # file line of the text's first line; 0 = unknown (YAML scalars)


def find(context: AuditContext) -> Iterator[Problem]:
    site = context.site
    served = site_urls(site)
    drafts = _draft_pages(context)
    for text in _texts(context):
        for href, line in links_in(text.text):
            target = resolve(href, text.page_url, site)
            if target is None or served.serves(target):
                continue
            yield _broken(context, text, href, line, target, served, drafts)


def _texts(context: AuditContext) -> Iterator[_Text]:
    site = context.site
    for study in site.case_studies:
        document = context.document(study.source)
        yield _Text(document=document, key_path=(), page_url=study.page, text=study.body, first_line=document.body_line)
    for page in site.pages:
        document = context.document(page.source)
        yield _Text(document=document, key_path=(), page_url=page.page, text=page.body, first_line=document.body_line)
    for badge in site.badges:
        document = context.document(badge.source)
        fields: list[tuple[KeyPath, str | None]] = [(("description",), badge.description)]
        fields += [(("evidence", n, "narrative"), e.narrative) for n, e in enumerate(badge.evidence)]
        for key_path, value in fields:
            if value:
                yield _Text(document=document, key_path=key_path, page_url=badge.page, text=value, first_line=0)


def _draft_pages(context: AuditContext) -> dict[str, str]:
    """Page URL -> source of each draft left out of this build: a link to one breaks on the published site."""
    kinds = (
        (context.checked.badges, "badges/{}/"),
        (context.checked.case_studies, "case-studies/{}/"),
        (context.checked.pages, "{}/"),
    )
    built = context.site_sources
    return {
        pattern.format(item.document.stem): item.document.path
        for items, pattern in kinds
        for item in items
        if item.values.get("draft") and item.document.path not in built
    }


def _broken(
    context: AuditContext,
    text: _Text,
    href: str,
    line: int,
    target: str,
    urls: SiteUrls,
    drafts: dict[str, str],
) -> Problem:
    line_number, column = _locate(context, text, href, line)
    is_file = "." in target.rsplit("/", 1)[-1] and not target.endswith(".html")
    kind = "file" if is_file else "page"
    return Problem(
        path=text.document.path,
        line=line_number,
        column=column,
        field=dotted(text.key_path),
        message=f"broken link {q(href)}: there is no {kind} {target or '/'} on the site",
        hint=_fix(text, href, target, is_file, urls, drafts),
        severity=ERROR,
    )


def _fix(text: _Text, href: str, target: str, is_file: bool, urls: SiteUrls, drafts: dict[str, str]) -> str:
    draft = drafts.get(target if target.endswith("/") else target + "/")
    if draft:
        return f"{draft} is a draft, built only with --drafts: publish it (remove draft: true) or remove the link"
    path = urlsplit(href).path
    if path and not path.startswith("/") and not urlsplit(href).scheme:
        written = posixpath.normpath(posixpath.join(posixpath.dirname(text.document.path), unquote(path)))
        published = urls.page_of_source.get(written)
        if published is not None:
            return (
                f"links resolve against the page URL {text.page_url}, not the source folder: "
                f"write {relative_href(text.page_url, published)}"
            )
    match = _closest(target, urls.files if is_file else urls.pages)
    if match:
        return f"did you mean {relative_href(text.page_url, match)}?"
    if is_file and target.startswith("assets/"):
        return f"add the file {target} to the site folder, or correct the link"
    if is_file:
        moved = relative_href(text.page_url, "assets/" + posixpath.basename(target))
        return f"put the file in assets/, which is published as is, and link to it as {moved}"
    return "link to an existing page: badges/<id>/, case-studies/<slug>/, skills/<slug>/, issuers/<slug>/ or <page>/"


def _closest(target: str, known: frozenset[str]) -> str | None:
    """The address a broken link most likely meant. Within the same section (`badges/`) only the rest of the
    address is compared: the shared prefix alone made `badges/nope/` look like `badges/bom/`."""
    section, _, rest = target.partition("/")
    same_section = {address.partition("/")[2]: address for address in known if address.partition("/")[0] == section}
    if rest and same_section:
        found = difflib.get_close_matches(rest, sorted(same_section), n=1, cutoff=0.75)
        if found:
            return same_section[found[0]]
    found = difflib.get_close_matches(target, sorted(known), n=1, cutoff=0.75)
    return found[0] if found and found[0].partition("/")[0] != section else None


def _locate(context: AuditContext, text: _Text, href: str, line: int) -> tuple[int, int]:
    """File line and column of the link: exact in Markdown bodies, searched for in YAML block scalars."""
    if text.first_line:
        lines = text.text.splitlines()
        source_line = lines[line] if line < len(lines) else ""
        return text.first_line + line, _column(source_line, href)
    position = text.document.value_at(text.key_path)
    try:
        raw = (context.checked.root / text.document.path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return position.line, position.column
    key_path, depth = text.key_path, len(text.key_path)
    later = [
        line
        for path, (line, _) in text.document.value_positions.items()
        if line > position.line and path[:depth] != key_path
    ]
    for number in range(position.line, min(later, default=len(raw) + 1)):
        column = _column(raw[number - 1], href, default=0)
        if column:
            return number, column
    return position.line, position.column


def _column(line: str, href: str, *, default: int = 1) -> int:
    for written in (href, unquote(href)):
        found = line.find(written)
        if found >= 0:
            return found + 1
    return default
