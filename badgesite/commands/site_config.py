"""badgesite.yml on its own, through the real load and validate stages, for commands that need only the config."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from badgesite.load.site_folder import CONFIG_NAME, read_yaml_file
from badgesite.problems import Problem, SiteError
from badgesite.validate.kinds import CheckContext, Invalid
from badgesite.validate.schemas import CONFIG


def missing_config_message(site: Path) -> str | None:
    """The message for a folder that is not a site folder, or None when it has a badgesite.yml."""
    if (site / CONFIG_NAME).is_file():
        return None
    return (
        f"{site / CONFIG_NAME}: no such file; {site} is not a site folder "
        "(run `badgesite init DIR` to start one, or pass --site DIR)"
    )


def read_config(site: Path) -> dict[str, Any]:
    """The checked values of SITE/badgesite.yml, defaults filled in; raise SiteError listing its problems."""
    problems: list[Problem] = []
    document = read_yaml_file(site, site / CONFIG_NAME, problems)
    if document.data is None and problems:
        raise SiteError(problems)
    context = CheckContext(root=site, document=document, problems=problems)
    try:
        values = CONFIG.check(document.data if document.data is not None else {}, (), context)
    except Invalid as error:
        context.report((), error.message, error.hint)
        raise SiteError(problems) from None
    if problems:
        raise SiteError(problems)
    return values
