"""`badgesite init DIR`: a new site folder with a starter portfolio that builds and publishes as it is."""

from __future__ import annotations

import argparse
import shlex
import sys
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from badgesite.cli import EXIT_OK, EXIT_PROBLEMS, add_command
from badgesite.commands.new_command import yaml_scalar

CONFIG_TEMPLATE = "badgesite.yml"
TITLE_TOKEN, NAME_TOKEN = "__TITLE__", "__OWNER_NAME__"
DEFAULT_NAME = "Your Name"
SKIPPED_NAMES = {"__pycache__", ".DS_Store"}


def register(commands: argparse._SubParsersAction) -> None:
    command = add_command(
        commands,
        "init",
        help="create a new site folder with a starter portfolio",
        description="Create a site folder with a starter portfolio: badgesite.yml, two example badges, a case "
        "study, an about page, assets/custom.css for your colours, .gitignore, and a GitHub Actions "
        "workflow that publishes the site to GitHub Pages. DIR must be new or empty (a .git folder is "
        "allowed); with --force the starter files are added to a folder that has files, but an existing "
        "file is never overwritten.",
        example='badgesite init my-portfolio --name "Ada Lovelace"',
        handler=run,
    )
    command.add_argument("folder", type=Path, metavar="DIR", help="the folder to create")
    command.add_argument("--title", help='the site\'s title (default: "NAME — badges", or "My badge portfolio")')
    command.add_argument("--name", help=f'your name as shown on the site (default: "{DEFAULT_NAME}")')
    command.add_argument(
        "--force",
        action="store_true",
        help="add the starter files to a folder that is not empty; existing files are kept, never overwritten",
    )


def run(arguments: argparse.Namespace) -> int:
    folder: Path = arguments.folder
    if folder.exists() and not folder.is_dir():
        return _refuse(f"{folder}: exists and is not a folder; nothing was written (choose another name)")
    if folder.is_dir() and _has_files(folder) and not arguments.force:
        return _refuse(
            f"{folder}: the folder is not empty; nothing was written "
            "(choose a new folder, or pass --force to add only the starter files that are missing)"
        )
    name = (arguments.name or "").strip() or DEFAULT_NAME
    title = (arguments.title or "").strip() or (f"{name} — badges" if arguments.name else "My badge portfolio")
    created: list[str] = []
    skipped: list[str] = []
    for relative, content in starter_files(title=title, name=name).items():
        path = folder / relative
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("xb") as output:
                output.write(content)
        except FileExistsError:
            skipped.append(relative)
            continue
        except OSError as error:  # a read-only folder, a full disk: say so; what was written stays
            written = f" ({len(created)} starter files were written before it)" if created else ""
            return _refuse(f"{path}: cannot write it: {error.strerror or error}{written}")
        created.append(relative)
    for relative in skipped:
        print(f"skipped {folder / relative}: already exists, left as it was")
    skipped_note = f" ({len(skipped)} skipped)" if skipped else ""
    print(f"created {len(created)} files in {folder}{skipped_note}")
    print(next_steps(folder))
    return EXIT_OK


def _refuse(message: str) -> int:
    print(f"badgesite init: {message}", file=sys.stderr)
    return EXIT_PROBLEMS


def _has_files(folder: Path) -> bool:
    """True when the folder holds anything besides a .git folder (a fresh clone of an empty repository)."""
    return any(entry.name != ".git" for entry in folder.iterdir())


def starter_files(*, title: str, name: str) -> dict[str, bytes]:
    """The starter portfolio shipped in badgesite/starter/, with the title and owner's name filled in."""
    found: dict[str, bytes] = {}
    _collect(files("badgesite") / "starter", "", found)
    config = found[CONFIG_TEMPLATE].decode("utf-8")
    config = config.replace(TITLE_TOKEN, yaml_scalar(title)).replace(NAME_TOKEN, yaml_scalar(name))
    found[CONFIG_TEMPLATE] = config.encode("utf-8")
    return dict(sorted(found.items()))


def _collect(folder: Traversable, prefix: str, found: dict[str, bytes]) -> None:
    for entry in folder.iterdir():
        if entry.name in SKIPPED_NAMES:
            continue
        if entry.is_dir():
            _collect(entry, f"{prefix}{entry.name}/", found)
        else:
            found[f"{prefix}{entry.name}"] = entry.read_bytes()


def next_steps(folder: Path) -> str:
    """What to do after init, from the first preview to the live site."""
    where = shlex.quote(str(folder))
    return f"""
Next steps:
  1. Make it yours: edit {folder / CONFIG_TEMPLATE} (your name, links, base_url) and replace the
     example badges and case study (`badgesite new badge NAME --issuer ISSUER` writes a new one).
  2. Build it:  cd {where} && badgesite build
     Look at it: badgesite serve --open   (rebuilds and reloads as you edit)
  3. Publish: create a GitHub repository, then
       git init -b main && git add . && git commit -m "Start my badge portfolio"
       git remote add origin https://github.com/USERNAME/REPO.git && git push -u origin main
  4. On GitHub: Settings → Pages → Source: GitHub Actions.
     .github/workflows/publish.yml then builds and deploys the site on every push to main."""
