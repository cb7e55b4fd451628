"""Problems of each badge's files (its image and its assertion), positioned at the field that names the file.

A build with problems cannot assemble the model, but it still reads every badge's files from the validated
values, the way the build would, so one run reports everything: a bomb, a scripted SVG, a truncated PNG or an
assertion that is not one. A build without problems reads them once, as it publishes, and `positioned` gives
those problems the line and column of the field.
"""

from __future__ import annotations

from collections.abc import Iterable

from badgesite.bake.credentials import AssertionUnreadable, read_assertion
from badgesite.bake.image_check import IMAGE_HINT, check_image
from badgesite.bake.images import ImageProblem
from badgesite.load.documents import Document, KeyPath
from badgesite.load.site_folder import hidden_or_backup
from badgesite.model import Site
from badgesite.model.assemble import badge_files
from badgesite.problems import Problem
from badgesite.validate import CheckedSite

FILE_FIELDS = ("image", "assertion")


def badge_file_problems(checked: CheckedSite, *, drafts: bool) -> list[Problem]:
    """Every badge's assertion and image problems, as the build would find them; drafts only when built."""
    problems: list[Problem] = []
    for item in checked.badges:
        if item.values.get("draft") and not drafts:
            continue
        image_file, assertion_file = badge_files(item.values)
        try:
            read_assertion(checked.root, assertion_file=assertion_file, image_file=image_file)
        except AssertionUnreadable as error:
            problems.append(Problem(path=item.document.path, field=error.field, message=error.message, hint=error.hint))
        if image_file is None:
            continue
        try:
            check_image((checked.root / image_file).read_bytes(), svg=image_file.lower().endswith(".svg"))
        except OSError:
            continue  # a missing or unreadable file is the schema's problem, already reported
        except ImageProblem as error:
            problems.append(Problem(path=item.document.path, field="image", message=str(error), hint=IMAGE_HINT))
    return positioned(problems, checked)


def positioned(problems: Iterable[Problem], checked: CheckedSite) -> list[Problem]:
    """Image and assertion problems at the line and column of their field; one per field, the first found (an
    image that cannot be read as a baked badge is not also reported as an image that cannot be published).
    An image that is only named as `assertion` is reported there."""
    badges = {item.document.path: item for item in checked.badges}
    placed: list[Problem] = []
    said: set[tuple[str, str]] = set()
    for problem in problems:
        item = badges.get(problem.path)
        if item is None or problem.field not in FILE_FIELDS:
            placed.append(problem)
            continue
        if not problem.line:
            field = problem.field if item.values.get(problem.field) is not None else "assertion"
            problem = item.document.problem((field,), problem.message, problem.hint)
        if (problem.path, problem.field) not in said:
            said.add((problem.path, problem.field))
            placed.append(problem)
    return placed


def unwatched_file_warnings(checked: CheckedSite, site: Site) -> list[Problem]:
    """A file a badge or the config names (image, assertion, issuer key, evidence, avatar) in a hidden folder,
    or named as a backup (`notes~`): the build reads it, but the up-to-date check skips such files everywhere
    (`.git/`, `.DS_Store`, editors' backups), so an edit to it alone is not noticed. A warning at its field."""
    documents = {item.document.path: item.document for item in checked.badges}
    named: list[tuple[Document | None, KeyPath, str | None]] = [
        (checked.config.document, ("owner", "avatar"), site.owner.avatar)
    ]
    for badge in site.badges:
        document = documents.get(badge.source)
        named += [(document, ("image",), badge.image_file), (document, ("assertion",), badge.assertion_file)]
        named += [(document, ("issuer_key",), badge.issuer_key)]
        named += [(document, ("evidence", index, "file"), item.source) for index, item in enumerate(badge.evidence)]
    return [
        document.problem(
            key_path,
            "is in a hidden folder or named as a backup, which `badgesite build` does not watch: an edit to it "
            "alone leaves the site as it was",
            "move the file to a folder whose name has no leading dot, or rename it, and name it here",
            severity="warning",
        )
        for document, key_path, path in named
        if document is not None and path and hidden_or_backup(path)
    ]
