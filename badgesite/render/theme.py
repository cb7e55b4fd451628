"""Theme lookup: site templates/ -> theme -> the themes it extends -> base; `!name/` reaches one theme directly."""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from badgesite.load.documents import Document
from badgesite.load.site_folder import hidden_or_backup, read_yaml_file
from badgesite.problems import Problem, SiteError
from badgesite.render.template_deps import names_referenced
from badgesite.validate.kinds import shown

MAX_EXTENDS_DEPTH = 8
PIXEL_SETTINGS = {"badge_image_size": (16, 4096), "card_image_size": (16, 4096)}  # settings Python reads too


def bundled_themes_dir() -> Path:
    """Themes ship inside the wheel as badgesite/themes; in a source checkout they sit at the repository root."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "themes", package.parent / "themes"):
        if (candidate / "base" / "theme.yml").is_file():
            return candidate
    raise SiteError(
        [
            Problem(
                path="badgesite",
                message="the bundled themes are missing from this installation",
                hint="reinstall badgesite",
            )
        ]
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Theme:
    """A resolved theme: its folders from most to least specific, and its settings merged the same way."""

    name: str
    folders: tuple[Path, ...]  # the theme itself first, base last
    names: tuple[str, ...]
    settings: dict[str, object]
    site_templates: Path | None
    warnings: tuple[Problem, ...] = ()  # settings whose names look misspelt

    def loader(self) -> jinja2.BaseLoader:
        """Site overrides first, then each theme; `!default/page.html` names one theme's own template."""
        search = [_TemplateFolder(str(folder / "templates")) for folder in self.folders]
        if self.site_templates is not None:
            search.insert(0, _TemplateFolder(str(self.site_templates)))
        prefixed = {
            f"!{name}": _TemplateFolder(str(folder / "templates"))
            for name, folder in zip(self.names, self.folders, strict=True)
        }
        return jinja2.ChoiceLoader([jinja2.PrefixLoader(prefixed, delimiter="/"), *search])

    def static_files(self) -> dict[str, Path]:
        """Published path (`theme/style.css`) -> file; a child theme's file wins over its parent's. Hidden
        files and folders and editor backups are left out, as from assets/ (and from the input fingerprint)."""
        files: dict[str, Path] = {}
        for folder in reversed(self.folders):
            static = folder / "static"
            if static.is_dir():
                for path in sorted(static.rglob("*")):
                    relative = path.relative_to(static).as_posix()
                    if not hidden_or_backup(relative) and path.is_file():
                        files["theme/" + relative] = path
        return dict(sorted(files.items()))

    def template_names(self, path: Path) -> set[str] | None:
        """The names an edited file answers to as a template (`badge.html`, and `!default/badge.html` in a
        theme), or None when it is no template (theme.yml, static files, anything else)."""
        resolved = path.resolve()
        site_templates = self.site_templates.resolve() if self.site_templates is not None else None
        if site_templates is not None and resolved.is_relative_to(site_templates):
            return {resolved.relative_to(site_templates).as_posix()}
        for name, folder in zip(self.names, self.folders, strict=True):
            templates = (folder / "templates").resolve()
            if resolved.is_relative_to(templates):
                relative = resolved.relative_to(templates).as_posix()
                return {relative, f"!{name}/{relative}"}
        return None

    def is_static(self, path: Path) -> bool:
        """True for a file under a theme's static/ folder: published as it is, never rendered."""
        resolved = path.resolve()
        return any(resolved.is_relative_to((folder / "static").resolve()) for folder in self.folders)

    def unusable_overrides(self) -> list[tuple[str, str]]:
        """(site template, what is wrong) for what Jinja passes over in silence, drawing the theme's template
        instead: a templates/ folder it cannot read, a link that leads nowhere, a folder named as a template, a
        named pipe or a device."""
        folder = self.site_templates
        if folder is None or not folder.is_dir():
            return []
        if not os.access(folder, os.R_OK | os.X_OK):
            return [("", "cannot be read, so the theme's templates are used instead")]
        found = []
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder).as_posix()
            if hidden_or_backup(name):
                continue
            if path.is_symlink() and not path.exists():
                found.append((name, "is a link that leads to no file, so the theme's template is used instead"))
            elif path.is_dir() and path.suffix == ".html":
                found.append((name, "is a folder, not a template, so the theme's template is used instead"))
            elif path.exists() and not path.is_dir() and not path.is_file():
                found.append((name, "is a named pipe or a device, not a file, so the theme's template is used"))
        return found

    def misnamed_overrides(self) -> list[tuple[str, str]]:
        """(site template, the theme's template it was likely meant to be): a file in the site's templates/
        that overrides nothing and no template names, but whose name is a near miss of one the theme has
        (`bagde.html` for `badge.html`). Without this the override is skipped in silence."""
        if self.site_templates is None or not self.site_templates.is_dir():
            return []
        theme_files = [
            (path.relative_to(folder / "templates").as_posix(), path)
            for folder in self.folders
            if (folder / "templates").is_dir()
            for path in (folder / "templates").rglob("*")
            if path.is_file()
        ]
        themed = {name for name, _ in theme_files}
        own = {
            path.relative_to(self.site_templates).as_posix(): path
            for path in self.site_templates.rglob("*")
            if path.is_file() and not path.name.startswith(".")
        }
        suspects = {}
        for name in sorted(own.keys() - themed):
            likely = difflib.get_close_matches(name, sorted(themed), n=1, cutoff=0.8)
            if likely:
                suspects[name] = likely[0]
        if not suspects:
            return []  # most sites: nothing to read further
        named = names_referenced([*own.values(), *(path for _, path in theme_files)])
        if named is None:
            return []  # a name computed at render time may be any of them
        return [(name, likely) for name, likely in suspects.items() if name not in named]

    def template_files(self) -> list[Path]:
        """Every template file that can take part in rendering (for change tracking)."""
        folders = [folder / "templates" for folder in self.folders]
        if self.site_templates is not None:
            folders.insert(0, self.site_templates)
        return sorted(p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file())


class _TemplateFolder(jinja2.FileSystemLoader):
    """A template that is not UTF-8 text is a mistake at its line, reported like a syntax error; a leading
    byte-order mark (some Windows editors write one) is dropped, not published before `<!doctype html>`."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        try:
            source, filename, uptodate = super().get_source(environment, template)
            return source.removeprefix("\ufeff"), filename, uptodate  # a byte-order mark is no text of the page
        except UnicodeDecodeError as error:
            for folder in self.searchpath:
                path = Path(folder, *jinja2.loaders.split_template_path(template))
                try:
                    path.read_bytes().decode("utf-8")
                except UnicodeDecodeError as found:
                    line = found.object[: found.start].count(b"\n") + 1
                    message = f"the file is not UTF-8 text ({found.reason} at byte {found.start})"
                    raise jinja2.TemplateSyntaxError(message, line, template, str(path)) from None
                except OSError:
                    continue
            raise error


def load_theme(name: str, *, site_root: Path, site_templates: Path | None) -> Theme:
    """Resolve `name` (a folder under the site's themes/ or a bundled theme) and everything it extends."""
    folders: list[Path] = []
    names: list[str] = []
    settings: dict[str, object] = {}
    current: str | None = name
    named_by: Document | None = None  # the theme.yml whose `extends:` names `current`; None: badgesite.yml
    size_problems: list[Problem] = []  # reported with whatever stops the chain, or at its end
    documents: list[Document] = []
    try:
        while current is not None:
            if len(folders) > MAX_EXTENDS_DEPTH or current in names:
                loop = " -> ".join([*names, current])
                raise SiteError([_at_the_name(named_by, f'theme "{name}" extends itself in a loop ({loop})')])
            folder = _find(current, site_root, named_by)
            own, wrong_sizes = _read_settings(folder, site_root)
            size_problems += wrong_sizes
            folders.append(folder)
            names.append(current)
            documents.append(own)
            for key, value in own.data.items():
                settings.setdefault(key, value)
            parent = own.data.get("extends")
            if parent is not None and not isinstance(parent, str):
                message = f"expected the name of a theme, got {shown(parent)}"
                raise SiteError([own.problem(("extends",), message, "extends: default")])
            named_by = own
            current = parent if parent is not None else ("base" if current != "base" else None)
    except SiteError as error:  # what stopped the chain, with the sizes found wrong before it
        raise SiteError([*size_problems, *error.problems]) from None
    if size_problems:
        raise SiteError(size_problems)
    settings.pop("extends", None)
    return Theme(
        name=name,
        folders=tuple(folders),
        names=tuple(names),
        settings=settings,
        site_templates=site_templates,
        warnings=tuple(_misspelt_settings(documents)),
    )


def _misspelt_settings(chain: list[Document]) -> list[Problem]:
    """A setting a theme writes that none of the themes it extends knows, but close to one they do
    (`card_image_sise`), sets nothing the templates read: a warning at its key. A new name is a theme's own
    setting and is left alone."""
    found = []
    for index, document in enumerate(chain):
        known = {"name", "description", "extends", *PIXEL_SETTINGS}
        for parent in chain[index + 1 :]:
            known.update(str(key) for key in parent.data)
        for key in document.data:
            likely = difflib.get_close_matches(str(key), sorted(known), n=1, cutoff=0.85)
            if str(key) not in known and likely:
                found.append(
                    document.problem(
                        (key,),
                        "is no setting of the themes it extends",
                        f'did you mean "{likely[0]}"?',
                        at_key=True,
                        severity="warning",
                    )
                )
    return found


def _at_the_name(named_by: Document | None, message: str, hint: str = "") -> Problem:
    """A problem with a theme's name, placed where it is written: at `extends:` in the theme.yml that names
    it, or at badgesite.yml's `theme:` (which the build places at its line)."""
    if named_by is None:
        return Problem(path="badgesite.yml", field="theme", message=message, hint=hint)
    return named_by.problem(("extends",), message, hint)


def _find(name: str, site_root: Path, named_by: Document | None) -> Path:
    """The theme's folder: the site's themes/NAME, else the bundled one. A name is one folder name, never a
    path: a theme read from outside the site folder would escape it, and its edits its input fingerprint."""
    if not name or name in (".", "..") or "/" in name or "\\" in name or Path(name).is_absolute():
        message = f'expected the name of a theme, got "{name}"'
        hint = "a folder name in themes/ (themes/NAME/theme.yml) or a bundled theme, not a path"
        raise SiteError([_at_the_name(named_by, message, hint)])
    local = site_root / "themes" / name
    if (local / "theme.yml").is_file():
        return local
    bundled = bundled_themes_dir()
    if (bundled / name / "theme.yml").is_file():
        return bundled / name
    available = sorted(p.name for p in bundled.iterdir() if (p / "theme.yml").is_file())
    hint = f"bundled themes: {', '.join(available)}; or put one in themes/{name}/"
    raise SiteError([_at_the_name(named_by, f'no theme named "{name}"', hint)])


def _shown_settings(folder: Path, site_root: Path) -> str:
    """A theme's theme.yml as problems name it: site-relative, or under the bundled themes."""
    path = folder / "theme.yml"
    if path.is_relative_to(site_root):
        return path.relative_to(site_root).as_posix()
    return f"themes/{folder.name}/theme.yml"


def _read_settings(folder: Path, site_root: Path) -> tuple[Document, list[Problem]]:
    """A theme.yml read like every source file: bounded, UTF-8, with positions for its problems. Wrong pixel
    sizes are returned (the chain goes on, to report the others' too); anything else stops it."""
    problems: list[Problem] = []
    document = read_yaml_file(site_root, folder / "theme.yml", problems, shown=_shown_settings(folder, site_root))
    if problems:
        raise SiteError(problems)
    data = {} if document.data is None else document.data
    if not isinstance(data, dict):
        raise SiteError(
            [
                document.problem(
                    (),
                    f"expected a mapping of theme settings, got {type(data).__name__}",
                    "extends: default, and one `name: value` per line",
                ),
            ]
        )
    wrong_sizes = [
        document.problem(
            (key,),
            f"expected a whole number of pixels from {low} to {high}, got {shown(data[key])}",
            "badge images and cards are drawn at this size",
        )
        for key, (low, high) in PIXEL_SETTINGS.items()
        if key in data and not _whole_number_within(data[key], low, high)
    ]
    return replace(document, data=data), wrong_sizes


def _whole_number_within(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def theme_warnings(theme: Theme) -> list[Problem]:
    """A warning for each site template whose name looks like a misspelt theme template, or that Jinja would
    pass over (a link to nothing, a folder), and for each theme setting whose name looks like a misspelt one."""
    return (
        [
            Problem(
                path=f"templates/{name}",
                severity="warning",
                message="overrides no template of the theme, and no template uses it",
                hint=f"did you mean templates/{likely}? that name replaces the theme's {likely}",
            )
            for name, likely in theme.misnamed_overrides()
        ]
        + [
            Problem(
                path=f"templates/{name}".rstrip("/"),
                severity="warning",
                message=message,
                hint="make it a template file, or remove it",
            )
            for name, message in theme.unusable_overrides()
        ]
        + list(theme.warnings)
    )
