"""The published badge image of every badge: the issuer's bytes where possible, re-baked where pixels changed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from badgesite.bake.image_check import IMAGE_HINT, check_image
from badgesite.bake.images import ImageProblem, inspect, placeholder_png, to_png
from badgesite.model import Site
from badgesite.model.types import Badge
from badgesite.problems import Problem


@dataclass(frozen=True, slots=True, kw_only=True)
class PublishedImage:
    """What the badge page needs to know about the picture it shows."""

    path: str
    generated: bool
    baked: bool
    data: bytes


class Baker(Protocol):
    """Embeds a badge's assertion into image bytes (the Open Badges integration implements it)."""

    def payload_for(self, badge: Badge) -> tuple[str, str] | None:
        """The (payload, version) to bake into this badge's image, or None."""

    def bake(self, image: bytes, payload: str, version: str) -> bytes:
        """The image with the payload baked in (replacing any earlier one)."""

    def is_baked_with(self, image: bytes, payload: str) -> bool:
        """True when the image already carries exactly this payload, so it can be published byte for byte."""


def publish_images(
    site: Site,
    root: Path,
    *,
    size: int,
    baker: Baker,
    sources: Mapping[str, bytes] | None = None,
) -> tuple[dict[str, PublishedImage], list[Problem]]:
    """One image per badge, keyed by badge id; problems name the badge file and its `image` field."""
    images: dict[str, PublishedImage] = {}
    problems: list[Problem] = []
    for badge in site.badges:
        try:
            images[badge.id] = _publish_one(badge, root, size, baker, sources or {})
        except ImageProblem as error:
            problems.append(
                Problem(
                    path=badge.source,
                    field="image",
                    message=str(error),
                    hint=IMAGE_HINT,
                )
            )
    return images, problems


def _publish_one(badge: Badge, root: Path, size: int, baker: Baker, sources: Mapping[str, bytes]) -> PublishedImage:
    payload = baker.payload_for(badge)
    if badge.image_file is None:
        return PublishedImage(
            path=badge.image_url,
            generated=True,
            baked=False,
            data=placeholder_png(badge.issuer.name, size=size),
        )
    data = sources.get(badge.image_file) or (root / badge.image_file).read_bytes()
    if badge.image_url.endswith(".svg"):
        check_image(data, svg=True)
        if payload and not baker.is_baked_with(data, payload[0]):
            data = baker.bake(data, *payload)
        return PublishedImage(path=badge.image_url, generated=False, baked=bool(payload), data=data)
    info = inspect(data)
    if info.format != "PNG" or max(info.width, info.height) > size:
        data = to_png(data, max_size=size)
        if payload:
            data = baker.bake(data, *payload)
    elif payload and not baker.is_baked_with(data, payload[0]):
        data = baker.bake(data, *payload)
    return PublishedImage(path=badge.image_url, generated=False, baked=bool(payload), data=data)
