"""Whether badgesite will publish an image at all: a bounded raster header, or an SVG without active content."""

from __future__ import annotations

from badgesite.bake.images import ImageProblem, inspect
from badgesite.bake.svg_safety import refuse_active_svg

IMAGE_HINT = "use a PNG, SVG, JPEG, WebP or GIF under 16 MiB"
MAX_SVG_BYTES = 2 * 1024 * 1024


def check_image(data: bytes, *, svg: bool) -> None:
    """Raise ImageProblem for an image badgesite would refuse to publish."""
    if svg:
        if len(data) > MAX_SVG_BYTES:
            raise ImageProblem(f"SVG is larger than {MAX_SVG_BYTES // 1024 // 1024} MiB")
        refuse_active_svg(data)
    else:
        inspect(data)
