"""Theme lookup: site templates/ -> theme -> the themes it extends -> base; `!name/` reaches one theme directly."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml

from badgesite.problems import Problem, SiteError

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

    def loader(self) -> jinja2.BaseLoader:
        """Site overrides first, then each theme; `!default/page.html` names one theme's own template."""
        search = [jinja2.FileSystemLoader(str(folder / "templates")) for folder in self.folders]
        if self.site_templates is not None:
            search.insert(0, jinja2.FileSystemLoader(str(self.site_templates)))
        prefixed = {
            f"!{name}": jinja2.FileSystemLoader(str(folder / "templates"))
            for name, folder in zip(self.names, self.folders, strict=True)
        }
        return jinja2.ChoiceLoader([jinja2.PrefixLoader(prefixed, delimiter="/"), *search])

    def static_files(self) -> dict[str, Path]:
        """Published path (`theme/style.css`) -> file; a child theme's file wins over its parent's."""
        files: dict[str, Path] = {}
        for folder in reversed(self.folders):
            static = folder / "static"
            if static.is_dir():
                for path in sorted(static.rglob("*")):
                    if path.is_file() and not path.name.startswith("."):
                        files["theme/" + path.relative_to(static).as_posix()] = path
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

    def template_files(self) -> list[Path]:
        """Every template file that can take part in rendering (for change tracking)."""
        folders = [folder / "templates" for folder in self.folders]
        if self.site_templates is not None:
            folders.insert(0, self.site_templates)
        return sorted(p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file())


def load_theme(name: str, *, site_root: Path, site_templates: Path | None) -> Theme:
    """Resolve `name` (a folder under the site's themes/ or a bundled theme) and everything it extends."""
    folders: list[Path] = []
    names: list[str] = []
    settings: dict[str, object] = {}
    current: str | None = name
    while current is not None:
        named_in = ("badgesite.yml", "theme") if not folders else (_shown_settings(folders[-1], site_root), "extends")
        if len(folders) > MAX_EXTENDS_DEPTH or current in names:
            raise SiteError(
                [
                    Problem(
                        path=named_in[0],
                        field=named_in[1],
                        message=f'theme "{name}" extends itself in a loop ({" -> ".join([*names, current])})',
                    )
                ]
            )
        folder = _find(current, site_root, named_in)
        folders.append(folder)
        names.append(current)
        own = _read_settings(folder, site_root)
        for key, value in own.items():
            settings.setdefault(key, value)
        parent = own.get("extends")
        if parent is not None and not isinstance(parent, str):
            raise SiteError(
                [
                    Problem(
                        path=_shown_settings(folder, site_root),
                        field="extends",
                        message=f"expected the name of a theme, got {type(parent).__name__} {parent!r}",
                        hint="extends: default",
                    )
                ]
            )
        current = parent if parent else ("base" if current != "base" else None)
    settings.pop("extends", None)
    return Theme(
        name=name,
        folders=tuple(folders),
        names=tuple(names),
        settings=settings,
        site_templates=site_templates,
    )


def _find(name: str, site_root: Path, named_in: tuple[str, str]) -> Path:
    """The theme's folder: the site's themes/NAME, else the bundled one. A name is one folder name, never a
    path: a theme read from outside the site folder would escape it, and its edits its input fingerprint."""
    path, field = named_in
    if not name or name in (".", "..") or "/" in name or "\\" in name or Path(name).is_absolute():
        raise SiteError(
            [
                Problem(
                    path=path,
                    field=field,
                    message=f'expected the name of a theme, got "{name}"',
                    hint="a folder name in themes/ (themes/NAME/theme.yml) or a bundled theme, not a path",
                )
            ]
        )
    local = site_root / "themes" / name
    if (local / "theme.yml").is_file():
        return local
    bundled = bundled_themes_dir()
    if (bundled / name / "theme.yml").is_file():
        return bundled / name
    available = sorted(p.name for p in bundled.iterdir() if (p / "theme.yml").is_file())
    raise SiteError(
        [
            Problem(
                path=path,
                field=field,
                message=f'no theme named "{name}"',
                hint=f"bundled themes: {', '.join(available)}; or put one in themes/{name}/",
            )
        ]
    )


def _shown_settings(folder: Path, site_root: Path) -> str:
    """A theme's theme.yml as problems name it: site-relative, or under the bundled themes."""
    path = folder / "theme.yml"
    if path.is_relative_to(site_root):
        return path.relative_to(site_root).as_posix()
    return f"themes/{folder.name}/theme.yml"


def _read_settings(folder: Path, site_root: Path) -> dict[str, object]:
    path = folder / "theme.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        shown = path.relative_to(site_root).as_posix() if path.is_relative_to(site_root) else str(path)
        raise SiteError([Problem(path=shown, message=f"cannot read the theme settings: {error}")]) from None
    if not isinstance(data, dict):
        raise SiteError([Problem(path=str(path), message="theme.yml must be a mapping")])
    shown = path.relative_to(site_root).as_posix() if path.is_relative_to(site_root) else str(path)
    problems = [
        Problem(
            path=shown,
            field=key,
            message=f"expected a whole number of pixels from {low} to {high}, got {data[key]!r}",
            hint="badge images and cards are drawn at this size",
        )
        for key, (low, high) in PIXEL_SETTINGS.items()
        if key in data and not _whole_number_within(data[key], low, high)
    ]
    if problems:
        raise SiteError(problems)
    return data


def _whole_number_within(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
