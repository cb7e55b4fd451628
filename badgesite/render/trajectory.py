"""The learning trajectory as a static SVG: one row per stage, one dot per badge at the date it was earned."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from badgesite.model import Site
from badgesite.model.progress import is_earned, stage_of, stages
from badgesite.model.types import Badge, Stage

WIDTH, LABEL_WIDTH, ROW_HEIGHT, TOP, BOTTOM = 1000, 230, 80, 20, 40
STAGE_COLOURS = ("#2a7ab0", "#7a4bb0", "#b0572a", "#2a9d6a", "#b02a60")


@dataclass(frozen=True, slots=True, kw_only=True)
class StageBadges:
    stage: Stage
    badges: tuple[Badge, ...]


def stage_rows(site: Site) -> tuple[StageBadges, ...]:
    """Badges per stage, oldest first; badges in no stage, or not earned yet, are left out of the drawing."""
    path = stages(site)
    grouped: dict[str, list[Badge]] = {stage.name: [] for stage in path}
    earned = (badge for badge in site.badges if is_earned(badge, site.today))
    for badge in sorted(earned, key=lambda b: (b.earned, b.id)):
        stage = stage_of(site, badge, path)
        if stage is not None:
            grouped[stage.name].append(badge)
    return tuple(StageBadges(stage=stage, badges=tuple(grouped[stage.name])) for stage in path)


def _x(day: dt.date, start: dt.date, end: dt.date) -> float:
    span = max((end - start).days, 1)
    return LABEL_WIDTH + (WIDTH - LABEL_WIDTH - 30) * (day - start).days / span


def trajectory_svg(site: Site, rows: tuple[StageBadges, ...], url: Callable[[Badge], str]) -> Markup:
    """The drawing; each dot links to its badge and carries a <title> for hover and screen readers."""
    dated = [badge.earned for row in rows for badge in row.badges]
    first_year = min(dated).year if dated else site.today.year
    start, end = dt.date(first_year, 1, 1), dt.date(max(site.today.year, *(d.year for d in dated)) + 1, 1, 1)
    height = TOP + ROW_HEIGHT * len(rows) + BOTTOM
    total = sum(len(row.badges) for row in rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" class="trajectory" role="img" '
        f'aria-labelledby="trajectory-title trajectory-desc">',
        f'<title id="trajectory-title">Learning trajectory of {escape(site.owner.name)}</title>',
        f'<desc id="trajectory-desc">{total} {"badge" if total == 1 else "badges"} from {first_year} to '
        f"{end.year - 1} in {len(rows)} {'stage' if len(rows) == 1 else 'stages'}; "
        "the table below lists the same badges.</desc>",
    ]
    for year in range(start.year, end.year + 1):
        x = _x(dt.date(year, 1, 1), start, end)
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{height - BOTTOM}" class="grid" '
            'stroke="currentColor" stroke-opacity="0.15"/>'
        )
        if year < end.year:
            parts.append(
                f'<text x="{x + 4:.1f}" y="{height - BOTTOM + 18}" font-size="13" fill="currentColor">{year}</text>'
            )
    for index, row in enumerate(rows):
        middle = TOP + ROW_HEIGHT * index + ROW_HEIGHT / 2
        colour = STAGE_COLOURS[index % len(STAGE_COLOURS)]
        parts.append(
            f'<text x="8" y="{middle + 5:.1f}" font-size="15" font-weight="600" fill="currentColor">'
            f"{escape(row.stage.name)}</text>"
        )
        parts.append(
            f'<line x1="{LABEL_WIDTH}" y1="{middle:.1f}" x2="{WIDTH - 20}" y2="{middle:.1f}" '
            f'stroke="{colour}" stroke-opacity="0.35" stroke-width="2"/>'
        )
        last_x, lane = -100.0, 0
        for badge in row.badges:
            x = _x(badge.earned, start, end)
            lane = (lane + 1) % 3 if x - last_x < 22 else 0
            last_x = x
            y = middle + (0, -20, 20)[lane]
            label = f"{badge.name} — {badge.issuer.name}, {badge.earned.isoformat()}"
            parts.append(
                f'<a href="{escape(url(badge))}"><circle cx="{x:.1f}" cy="{y:.1f}" r="9" fill="{colour}" '
                f'stroke="white" stroke-width="2"><title>{escape(label)}</title></circle></a>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))
