"""Apply the schemas to every loaded document, then the rules that span files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from badgesite.load.documents import Document
from badgesite.load.site_folder import SiteSources
from badgesite.problems import Problem, SiteError
from badgesite.validate import site_rules
from badgesite.validate.kinds import CheckContext, Invalid
from badgesite.validate.records import Record
from badgesite.validate.schemas import BADGE, CASE_STUDY, CONFIG, PAGE


@dataclass(frozen=True, slots=True, kw_only=True)
class Checked:
    """A document whose values passed its schema: clean, typed, defaults filled in."""

    document: Document
    values: dict[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckedSite:
    """The whole site, validated; the model is assembled from this alone."""

    root: Path
    config: Checked
    badges: tuple[Checked, ...]
    case_studies: tuple[Checked, ...]
    pages: tuple[Checked, ...]
    assets: tuple[str, ...]
    root_files: tuple[str, ...]
    templates_dir: Path | None
    warnings: tuple[Problem, ...] = ()
    broken_badge_ids: frozenset[str] = frozenset()  # badge files with problems of their own: still ids


class ValidationMemo:
    """Per-document schema results kept between rebuilds in one process; keyed by the Document object, which
    the loader's cache keeps identical while its file is unchanged. Clear it when files that paths point at
    (images, evidence) change."""

    def __init__(self) -> None:
        self.entries: dict[int, tuple[Document, Checked | None, tuple[Problem, ...]]] = {}

    def check(self, root: Path, document: Document, schema: Record, problems: list[Problem]) -> Checked | None:
        known = self.entries.get(id(document))
        if known is not None and known[0] is document:
            problems.extend(known[2])
            return known[1]
        if _unreadable(document, problems):
            return None  # its parse problem is already listed; "missing field" on top of it would be noise
        own: list[Problem] = []
        checked = _check(root, document, schema, own)
        self.entries[id(document)] = (document, checked, tuple(own))
        problems.extend(own)
        return checked

    def clear(self) -> None:
        self.entries.clear()


def validate_site(sources: SiteSources, memo: ValidationMemo | None = None) -> CheckedSite:
    """Check every file and every cross-file rule; raise SiteError holding all problems, or return clean data."""
    checked, problems = validate_site_collecting(sources, memo)
    if problems or checked is None:
        raise SiteError(problems)
    return checked


def validate_site_collecting(
    sources: SiteSources, memo: ValidationMemo | None = None
) -> tuple[CheckedSite | None, list[Problem]]:
    """Every problem, and the documents that passed their own schema (None without a usable config), so later
    stages can still check those (their images, say) and a build reports everything in one run."""
    problems: list[Problem] = list(sources.problems)
    check = memo.check if memo is not None else _check
    config = check(sources.root, sources.config, CONFIG, problems) if sources.config else None
    badges = tuple(check(sources.root, doc, BADGE, problems) for doc in sources.badges)
    case_studies = tuple(check(sources.root, doc, CASE_STUDY, problems) for doc in sources.case_studies)
    pages = tuple(check(sources.root, doc, PAGE, problems) for doc in sources.pages)
    if config is None:
        return None, problems
    present = lambda items: tuple(item for item in items if item is not None)  # noqa: E731
    checked = CheckedSite(
        root=sources.root,
        config=config,
        badges=present(badges),
        case_studies=present(case_studies),
        pages=present(pages),
        assets=sources.assets,
        root_files=sources.root_files,
        templates_dir=sources.templates_dir,
        broken_badge_ids=frozenset(doc.stem for doc, item in zip(sources.badges, badges, strict=True) if item is None),
    )
    problems.extend(site_rules.check_all(checked))
    return checked, problems


def _check(root: Path, document: Document, schema: Record, problems: list[Problem]) -> Checked | None:
    """Validate one document; None when it could not be read at all (its problems are already listed)."""
    if _unreadable(document, problems):
        return None
    context = CheckContext(root=root, document=document, problems=problems)
    data = document.data if document.data is not None else {}
    try:
        values = schema.check(data, (), context)
    except Invalid as error:
        context.report((), error.message, error.hint)
        return None
    return Checked(document=document, values=values)


def _unreadable(document: Document, problems: list[Problem]) -> bool:
    """The document could not be parsed at all, and the loader has said why."""
    return document.data is None and any(problem.path == document.path for problem in problems)
