"""Render: model + theme -> {output path: bytes}. Pure; templates get the model, never the file system."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

import jinja2

from badgesite.cache import ContentCache
from badgesite.model import Site
from badgesite.problems import Problem, SiteError
from badgesite.render.environment import make_environment
from badgesite.render.footnote_ids import unique_footnote_ids
from badgesite.render.fragments import Fragments
from badgesite.render.pages import PageSpec, plan_pages
from badgesite.render.site_reads import OwnTemplates, SiteReads
from badgesite.render.template_deps import named_in, templates_behind
from badgesite.render.theme import Theme, load_theme

__all__ = ["PageSpec", "Renderer", "Theme", "claim_outputs", "load_theme", "plan_pages", "render_pages", "render_site"]


def render_site(
    site: Site, theme: Theme, *, credentials: Mapping[str, Any], images: Mapping[str, Any]
) -> dict[str, bytes]:
    """Every HTML page of the site; credentials and images say what each badge page can claim."""
    return render_pages(site, theme, plan_pages(site, credentials=credentials, images=images))


def claim_outputs(specs: Iterable[PageSpec]) -> list[Problem]:
    """Two pages that would write the same file are a problem, never a silent overwrite."""
    problems: list[Problem] = []
    claimed: dict[str, str] = {}
    for spec in specs:
        # issuer and skill pages have no source file: their names tell the two spellings apart
        owner = spec.meta.source or (f'{spec.meta.kind} "{spec.meta.title}"' if spec.meta.url else "home page")
        if spec.output in claimed:
            problems.append(
                Problem(
                    path=spec.meta.source or _first_source(spec) or spec.output,
                    message=f"{owner} and {claimed[spec.output]} both make {spec.output}",
                    hint="rename one of them, or, if they are one thing, make one spelling an alias of the other",
                )
            )
        else:
            claimed[spec.output] = owner
    return problems


def _first_source(spec: PageSpec) -> str | None:
    """The first badge file that brings a taxonomy page's spelling in: where to go to change it."""
    for item in spec.values.get("badges") or spec.values.get("case_studies") or ():
        source = getattr(item, "source", None)
        if isinstance(source, str):
            return source
    return None


class Renderer:
    """One Jinja environment for many pages; template mistakes become Problems naming the template and line."""

    def __init__(
        self, site: Site, theme: Theme, *, markdown_cache: ContentCache | None = None, record_reads: bool = False
    ) -> None:
        """With `record_reads`, pages drawn with templates from outside the bundled themes note whether they
        read the portfolio through `site` (see render/site_reads.py), in `reads_portfolio`."""
        self.site = site
        self.theme = theme
        self.fragments = Fragments()
        self._closures: dict[str, frozenset[str]] = {}
        self.markdown_cache = markdown_cache if markdown_cache is not None else ContentCache(None)
        self.environment = make_environment(
            theme,
            base_path=site.base_path,
            absolute_base=site.absolute_base,
            markdown_cache=self.markdown_cache,
            fragments=self.fragments,
        )
        self.reads_portfolio: dict[str, bool] = {}  # output -> whether the page read badges or case studies
        self._own_templates = OwnTemplates(self.environment, self.templates_behind) if record_reads else None

    def uses_own_templates(self, template: str) -> bool:
        """True when a template behind this one comes from outside the bundled themes (or is not known)."""
        return self._own_templates is None or self._own_templates(template)

    def may_show_bodies(self, template: str) -> bool:
        """True when a template of one's own behind this one may print case-study bodies (see site_reads)."""
        return self._own_templates is None or self._own_templates.may_show_bodies(template)

    def may_read_portfolio(self, spec: PageSpec) -> bool:
        """True when the page may show any badge or case study beyond the sources its kind declares: drawn
        with a template from outside the bundled themes, and either seen reading them or not rendered yet."""
        return self.uses_own_templates(spec.template) and self.reads_portfolio.get(spec.output, True)

    def templates_behind(self, name: str) -> frozenset[str]:
        """The templates a page drawn with `name` is made of; read once per renderer (templates are fixed)."""
        found = self._closures.get(name)
        if found is None:
            found = self._closures[name] = templates_behind(self.environment, name)
        return found

    def compile_templates(self, names: Iterable[str]) -> None:
        """Compile these templates, and the ones they extend or import, now, so worker processes forked later
        inherit them compiled. A template with a mistake is left for `render` to report with its page."""
        pending, seen = sorted(set(names)), set()
        loader = self.environment.loader
        assert loader is not None
        while pending:
            name = pending.pop()
            if name in seen:
                continue
            seen.add(name)
            try:
                self.environment.get_template(name)
                source, _, _ = loader.get_source(self.environment, name)
            except jinja2.TemplateError:
                continue
            pending.extend(named_in(source) - seen)

    def render(self, spec: PageSpec) -> bytes | Problem:
        own = self._own_templates
        recorder = SiteReads(self.site) if own is not None and own(spec.template) else None
        try:
            template = self.environment.get_template(spec.template)
            html = template.render(site=recorder or self.site, page=spec.meta, **spec.values).encode("utf-8")
            html = unique_footnote_ids(html)
        except jinja2.TemplateError as error:
            return _template_problem(error, spec, self.theme)
        except Exception as error:  # `{{ none_value|url }}`, `{{ 1/0 }}`: a problem at the template's line
            return _template_problem(error, spec, self.theme)
        if recorder is not None:
            self.reads_portfolio[spec.output] = recorder.read_portfolio
        return html


def render_pages(site: Site, theme: Theme, specs: Iterable[PageSpec]) -> dict[str, bytes]:
    """Render pages in this process into a dict (small sites, tests); raises SiteError with every problem."""
    specs = list(specs)
    problems = claim_outputs(specs)
    renderer = Renderer(site, theme)
    output: dict[str, bytes] = {}
    for spec in specs:
        result = renderer.render(spec)
        if isinstance(result, Problem):
            problems.append(result)
        else:
            output[spec.output] = result
    if problems:
        raise SiteError(problems)
    return output


_RENDERING = re.compile(r"template error while rendering (\S+): ")


def once_per_line(problems: Iterable[Problem]) -> list[Problem]:
    """One problem per template line and message, however many pages met it: a typo in base.html is met by
    every page, and 6,000 copies of one line hide it. The page whose path sorts first is named (the same
    whichever process met it first), and how many others."""
    groups: dict[object, tuple[Problem, list[str]]] = {}
    for problem in problems:
        found = _RENDERING.match(problem.message)
        if found is None:
            groups[id(problem)] = (problem, [])
            continue
        key = (problem.path, problem.line, problem.column, problem.message[found.end() :])
        groups.setdefault(key, (problem, []))[1].append(found.group(1))
    result = []
    for problem, pages in groups.values():
        found = _RENDERING.match(problem.message)
        if found is not None:
            others = f" and {len(pages) - 1:,} other page{'s' if len(pages) > 2 else ''}" if len(pages) > 1 else ""
            start, end = found.span(1)
            problem = replace(problem, message=f"{problem.message[:start]}{min(pages)}{others}{problem.message[end:]}")
        result.append(problem)
    return result


def _template_problem(error: Exception, spec: PageSpec, theme: Theme) -> Problem:
    """Point at the template line: syntax errors carry it; runtime errors are found in the traceback."""
    if isinstance(error, jinja2.TemplateNotFound) and error.name == spec.template:
        return Problem(
            path=f"themes/{theme.name}",
            message=f"the theme has no template {spec.template} (needed for {spec.output})",
            hint="add it to the theme or to the site's templates/ folder",
        )
    filename, line = (error.filename, error.lineno) if isinstance(error, jinja2.TemplateSyntaxError) else (None, None)
    if filename is None:
        filename, line = _template_frame(error)
    if isinstance(error, jinja2.TemplateError):
        detail = error.message or str(error)
    else:  # an error raised by what the template called: say what kind, as Python would
        detail = f"{type(error).__name__}: {error}"
    if isinstance(error, jinja2.TemplateNotFound):  # jinja's message is the bare name
        detail = f"no template named {error.name!r} (a `!theme/` prefix names a theme this one extends)"
    return Problem(
        path=_shown(filename or spec.template, theme),
        line=line or 0,
        column=1 if line else 0,
        message=f"template error while rendering {spec.output}: {detail}",
        hint="check the template against the theme contract in themes/base/templates/",
    )


def _template_frame(error: BaseException) -> tuple[str | None, int | None]:
    """Jinja rewrites tracebacks so template frames carry the template's file and line; take the innermost."""
    traceback = error.__traceback__
    found: tuple[str | None, int | None] = (None, None)
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".txt", ".j2", ".svg")):
            found = (filename, traceback.tb_lineno)
        traceback = traceback.tb_next
    return found


def _shown(filename: str, theme: Theme) -> str:
    from pathlib import Path

    path = Path(filename)
    if theme.site_templates is not None and path.is_relative_to(theme.site_templates.parent):
        return path.relative_to(theme.site_templates.parent).as_posix()
    for folder in theme.folders:
        if path.is_relative_to(folder.parent):
            return "themes/" + path.relative_to(folder.parent).as_posix()
    return str(filename)
