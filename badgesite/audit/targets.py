"""Learning targets: how far each one is, in words, and which deadlines passed unmet."""

from __future__ import annotations

from collections.abc import Iterator

from badgesite.audit.context import AuditContext
from badgesite.audit.findings import finding, plural, q
from badgesite.model.progress import TargetProgress, target_progress
from badgesite.model.types import Target
from badgesite.problems import Problem


def find(context: AuditContext) -> Iterator[Problem]:
    for index, target in enumerate(context.site.targets):
        if target.per_year or target.by is None or target.by >= context.today:
            continue
        progress = target_progress(context.site, target)
        if progress.met:
            continue
        yield finding(
            context.config,
            ("targets", index, "by"),
            f"target {q(target.name)} was due on {target.by} and is unmet: "
            f"{progress.done} of {progress.needed} {what(target, progress.needed)}",
            "set a new `by:` date, lower `count:`, or remove the target",
        )


def what(target: Target, count: int) -> str:
    """`security badges`, `expert badge`, `Kubernetes badges`: what the target counts, in words."""
    words = []
    if target.level:
        words.append(target.level)
    if target.collection:
        words.append(_lowered(target.collection))
    if target.skill:
        words.append(target.skill)
    words.append("badge" if count == 1 else "badges")
    return " ".join(words)


def _lowered(name: str) -> str:
    """`Security` -> `security`, but `AWS` stays `AWS`."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def describe(progress: TargetProgress) -> str:
    """`2/3 security badges by 2027-06-30 — 1 to go, 213 days left`."""
    target = progress.target
    text = f"{progress.done}/{progress.needed} {what(target, progress.needed)}"
    if target.per_year and progress.deadline:
        text += f" in {progress.deadline.year}"
    elif progress.deadline:
        text += f" by {progress.deadline}"
    if progress.met:
        return f"{text} — met"
    text += f" — {progress.needed - progress.done} to go"
    if progress.days_left is None:
        return text
    if progress.days_left < 0:
        return f"{text}, {plural(-progress.days_left, 'day')} overdue"
    if progress.days_left == 0:
        return f"{text}, due today"
    return f"{text}, {plural(progress.days_left, 'day')} left"
