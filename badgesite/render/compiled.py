"""Compiling templates, here or ahead on another core.

A build compiles its theme's templates before it forks the render workers, so they inherit them compiled;
that takes ~0.1 s, with the other core idle. So the Markdown workers (render/ahead.py), which finish before
this process has baked the images, compile them too as soon as the model is built, and send the code back
marshalled, as Jinja's own bytecode cache stores it. Jinja then uses a template's code only when the
template's source has the checksum it was compiled from, and compiles any other itself.

Compiled code is not independent of the site: Jinja calls a filter on constant arguments while compiling
(`{{ "feed.xml"|url }}` becomes the link), so the code is made, and used, for one base URL only.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass

import jinja2

from badgesite.render.environment import make_environment
from badgesite.render.template_deps import named_in
from badgesite.render.theme import Theme


@dataclass(frozen=True, slots=True)
class Compiled:
    """A theme's templates compiled for one site address: Jinja's bucket key -> its bytecode and checksum."""

    base_path: str
    absolute_base: str | None
    code: dict[str, bytes]


def compile_closure(environment: jinja2.Environment, names: Iterable[str]) -> None:
    """Compile these templates, and the ones they extend, include or import. A template with a mistake is
    left for rendering to report with its page."""
    pending, seen = sorted(set(names)), set()
    loader = environment.loader
    assert loader is not None
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            environment.get_template(name)
            source, _, _ = loader.get_source(environment, name)
        except jinja2.TemplateError:
            continue
        pending.extend(named_in(source) - seen)


def compile_theme(theme: Theme, base_path: str, absolute_base: str | None) -> Compiled:
    """Every template of the theme and of the site's own templates folder, compiled (in a worker process)
    by an environment made as the build makes its own."""
    recorder = _Recorder()
    environment = make_environment(theme, base_path=base_path, absolute_base=absolute_base)
    environment.bytecode_cache = recorder
    with contextlib.suppress(Exception):  # whatever fails here, the build's own process compiles (and reports)
        compile_closure(environment, [name for name in environment.list_templates() if not name.startswith("!")])
    return Compiled(base_path, absolute_base, recorder.made)


class Precompiled(jinja2.BytecodeCache):
    """Code compiled elsewhere, offered to Jinja as a bytecode cache that is only read."""

    def __init__(self, made: dict[str, bytes]) -> None:
        self.made = made

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.made.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)  # Jinja drops it when the source's checksum differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        pass


class _Recorder(jinja2.BytecodeCache):
    """Keeps each template's code as Jinja would store it in a bytecode cache."""

    def __init__(self) -> None:
        self.made: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        pass

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.made[bucket.key] = bucket.bytecode_to_string()
