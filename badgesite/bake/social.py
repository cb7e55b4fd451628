"""Social cards (og:image) for the home page, each badge and each case study, cached by content."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from badgesite.bake.cards import card_key, social_card
from badgesite.bake.images import issuer_colour
from badgesite.bake.publish import PublishedImage
from badgesite.cache import ContentCache
from badgesite.model import Site, urls
from badgesite.workers import run_chunks
from badgesite.write import output_target, write_file

HOME_ACCENT = (11, 122, 117)


@dataclass(frozen=True, slots=True, kw_only=True)
class CardSpec:
    """Everything that decides one card's pixels; its content key names it in the cache."""

    path: str
    title: str
    subtitle: str
    footer: str
    picture: bytes | None
    accent: tuple[int, int, int]

    @property
    def key(self) -> str:
        return card_key(self.title, self.subtitle, self.footer, self.picture, self.accent)


def plan_cards(site: Site, images: Mapping[str, PublishedImage], root: Path) -> list[CardSpec]:
    """One card per badge, per case study, and one for the home page (used by every other page)."""
    footer = f"{site.owner.name} · {site.title}" if site.owner.name not in site.title else site.title
    avatar = None
    if site.owner.avatar and site.owner.avatar.lower().endswith(".png"):
        avatar = (root / site.owner.avatar).read_bytes()
    specs = [
        CardSpec(
            path=urls.social_card(""),
            title=site.owner.name,
            subtitle=site.owner.headline or site.title,
            footer=site.title,
            picture=avatar,
            accent=HOME_ACCENT,
        )
    ]
    for badge in site.badges:
        image = images.get(badge.id)
        picture = image.data if image and image.path.endswith(".png") else None
        details = " · ".join(part for part in (badge.issuer.name, badge.level, str(badge.earned.year)) if part)
        specs.append(
            CardSpec(
                path=urls.social_card(badge.page),
                title=badge.name,
                subtitle=details,
                footer=footer,
                picture=picture,
                accent=issuer_colour(badge.issuer.name),
            )
        )
    for study in site.case_studies:
        cited = site.index.badges_of(study.badge_ids)
        first = images.get(cited[0].id) if cited else None
        picture = first.data if first and first.path.endswith(".png") else None
        subtitle = f"Case study · {study.date.year}" + (f" · {len(cited)} badges" if len(cited) > 1 else "")
        specs.append(
            CardSpec(
                path=urls.social_card(study.page),
                title=study.title,
                subtitle=subtitle,
                footer=footer,
                picture=picture,
                accent=HOME_ACCENT,
            )
        )
    return specs


def draw_card(spec: CardSpec) -> bytes:
    return social_card(
        title=spec.title, subtitle=spec.subtitle, footer=spec.footer, badge_png=spec.picture, accent=spec.accent
    )


def make_cards(specs: list[CardSpec], cache: ContentCache, *, folder: Path | None = None) -> dict[str, bytes | Path]:
    """Every card, on all cores, drawing only those whose content is not cached yet.

    With `folder` (the build's staging folder) the workers write each card straight into it, cached or drawn,
    and the result is empty: a large site's cards never pass through this process. Without it (serve), cached
    cards come back as their cache files and drawn ones as bytes.
    """
    cards: dict[str, bytes | Path] = {}
    missing: list[CardSpec] = []
    for spec in specs:
        cached = cache.stored("cards", spec.key) if folder is None else None
        if cached is None:
            missing.append(spec)
        else:
            cache.hits += 1
            cards[spec.path] = cached
    by_path = {spec.path: spec for spec in missing}
    for drawn, hits, misses in run_chunks(
        _draw_chunk, missing, initializer=_start_drawing, initargs=(cache.folder, folder)
    ):
        cache.hits += hits
        cache.misses += misses
        for path, key, data in drawn:
            stored = cache.stored("cards", key) if data is None else None
            cards[path] = data if data is not None else stored or draw_card(by_path[path])
    return dict(sorted(cards.items()))


_drawing: tuple[ContentCache, Path | None] | None = None


def _start_drawing(cache_folder: Path | None, output_folder: Path | None) -> None:
    """Pool initializer: each worker reads and writes the shared cache folder, and the output folder if any."""
    global _drawing
    _drawing = (ContentCache(cache_folder), output_folder)


def _draw_chunk(specs: Sequence[CardSpec]) -> tuple[list[tuple[str, str, bytes | None]], int, int]:
    """(path, key, bytes or None when stored elsewhere) per card, and this chunk's cache hits and misses."""
    cache, output = _drawing or (ContentCache(None), None)
    hits, misses = cache.hits, cache.misses
    drawn: list[tuple[str, str, bytes | None]] = []
    for spec in specs:
        data = cache.get("cards", spec.key)
        kept = data is not None
        if data is None:
            data = draw_card(spec)
            kept = cache.put("cards", spec.key, data)
        if output is not None:
            write_file(output_target(output, spec.path), data)
        else:
            drawn.append((spec.path, spec.key, None if kept else data))
    return drawn, cache.hits - hits, cache.misses - misses
