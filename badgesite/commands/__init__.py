"""The commands: each a thin use of the stages, registering its own arguments."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def registry() -> list[Callable[[Any], Any]]:
    """Each command module's `register(commands)`, in the order --help lists them."""
    from badgesite.commands import (
        build_command,
        check_command,
        import_command,
        init_command,
        new_command,
        review_command,
        serve_command,
        verify_command,
    )

    return [
        init_command.register,
        new_command.register,
        build_command.register,
        serve_command.register,
        check_command.register,
        import_command.register,
        verify_command.register,
        review_command.register,
    ]
