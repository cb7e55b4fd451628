"""Which pages read the portfolio itself through `site`, so that `serve` knows what a badge edit touches.

The bundled themes' pages declare the source files they show (render/pages.py). A template of the site's
own, or of a theme from elsewhere, may read any badge or case study through `site` (a page listing
`site.badges`), which no declaration covers. Such pages are rendered with `site` behind a recorder, and
the ones that read more than the site's settings are re-rendered whenever a badge or case study changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import jinja2

from badgesite.model import Site
from badgesite.render.template_deps import EVERY_TEMPLATE
from badgesite.render.theme import bundled_themes_dir

# What `site` holds from badgesite.yml (and the pages/ and assets/ folders, whose edits re-render every page)
# rather than from the badge and case-study files. Anything else read counts as reading the portfolio.
SITE_SETTINGS = frozenset(
    {
        "title",
        "description",
        "base_url",
        "base_path",
        "absolute_base",
        "language",
        "theme",
        "domain",
        "owner",
        "levels",
        "pages",
        "assets",
        "today",
        "social_cards",
        "qr_codes",
    }
)


_BODY = re.compile(r"""\.body(?![\w-])|["']body["']""")  # `study.body`, `study["body"]`, `attr('body')`; not <body>


def _mentions_body(source: str) -> bool:
    return _BODY.search(source) is not None


class SiteReads:
    """The site as a template sees it, noting the names of what it reads."""

    __slots__ = ("_site", "names")

    def __init__(self, site: Site) -> None:
        self._site = site
        self.names: set[str] = set()

    def __getattr__(self, name: str) -> object:
        self.names.add(name)
        return getattr(self._site, name)

    # Printed, compared or asked for its class, it is the site (a template shows the same either way).
    @property  # type: ignore[misc]
    def __class__(self) -> type:
        return type(self._site)

    def __repr__(self) -> str:
        return repr(self._site)

    def __eq__(self, other: object) -> bool:
        return self._site == (other._site if isinstance(other, SiteReads) else other)

    def __hash__(self) -> int:
        return hash(self._site)

    @property
    def read_portfolio(self) -> bool:
        return not self.names <= SITE_SETTINGS


class OwnTemplates:
    """Whether a page is drawn with any template from outside badgesite's bundled themes (a site's
    templates/ or another theme); asked once per template name."""

    def __init__(self, environment: jinja2.Environment, closure: Callable[[str], frozenset[str]]) -> None:
        self._environment = environment
        self._closure = closure
        self._bundled = bundled_themes_dir().resolve()
        self._answers: dict[str, bool] = {}
        self._bodies: dict[str, bool] = {}
        self._files: dict[str, tuple[bool, str]] = {}  # template name -> (bundled, text)

    def __call__(self, template: str) -> bool:
        answer = self._answers.get(template)
        if answer is None:
            answer = self._answers[template] = not all(map(self._is_bundled, self._closure(template)))
        return answer

    def may_show_bodies(self, template: str) -> bool:
        """True when a template of one's own behind this one mentions a `body` (or is not known): it may
        print a case study's Markdown body, which the bundled templates show on that case study's page only.
        A reading of the text, since the recorder sees `site.case_studies` read, not what of them is shown."""
        answer = self._bodies.get(template)
        if answer is None:
            answer = self._bodies[template] = any(
                name == EVERY_TEMPLATE or (not self._is_bundled(name) and _mentions_body(self._read(name)[1]))
                for name in self._closure(template)
            )
        return answer

    def _is_bundled(self, name: str) -> bool:
        return name != EVERY_TEMPLATE and self._read(name)[0]

    def _read(self, name: str) -> tuple[bool, str]:
        """Whether the template's file is one of the bundled themes', and its text; read once. One that cannot
        be read counts as one's own that mentions a body: rendering reports it, with its line."""
        known = self._files.get(name)
        if known is None:
            loader = self._environment.loader
            assert loader is not None
            try:
                source, filename, _ = loader.get_source(self._environment, name)
            except jinja2.TemplateError:
                known = (False, "body")
            else:
                known = (filename is not None and Path(filename).resolve().is_relative_to(self._bundled), source)
            self._files[name] = known
        return known
