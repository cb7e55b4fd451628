"""Badge images checked straight from the validated files, for a build that already has problems: the model
cannot be assembled then, but a bomb or a scripted SVG should still be reported in the same run."""

from __future__ import annotations

from badgesite.bake.images import ImageProblem, inspect
from badgesite.bake.svg_safety import refuse_active_svg
from badgesite.problems import Problem
from badgesite.validate import CheckedSite

IMAGE_HINT = "use a PNG, SVG, JPEG, WebP or GIF under 16 MiB"
MAX_SVG_BYTES = 2 * 1024 * 1024


def image_problems(checked: CheckedSite) -> list[Problem]:
    """A positioned problem for each badge image that could not be published."""
    problems: list[Problem] = []
    for item in checked.badges:
        relative = item.values.get("image")
        if not isinstance(relative, str):
            continue
        try:
            check_image((checked.root / relative).read_bytes(), svg=relative.lower().endswith(".svg"))
        except OSError:
            continue  # a missing or unreadable file is the schema's problem, already reported
        except ImageProblem as error:
            problems.append(item.document.problem(("image",), str(error), IMAGE_HINT))
    return problems


def check_image(data: bytes, *, svg: bool) -> None:
    """Raise ImageProblem for an image badgesite would refuse to publish."""
    if svg:
        if len(data) > MAX_SVG_BYTES:
            raise ImageProblem(f"SVG is larger than {MAX_SVG_BYTES // 1024 // 1024} MiB")
        refuse_active_svg(data)
    else:
        inspect(data)
