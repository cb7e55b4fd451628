"""The commands: each a thin use of the stages, registering its own arguments."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def registry() -> list[Callable[[Any], Any]]:
    """Each command module's `register(commands)`, in the order --help lists them."""
    from badgesite.commands import build_command, serve_command

    return [build_command.register, serve_command.register]
