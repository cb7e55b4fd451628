"""The commands: each a thin use of the stages, registering its own arguments."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any

# In the order --help lists them; each lives in badgesite/commands/NAME_command.py.
COMMANDS = ("init", "new", "build", "serve", "check", "import", "verify", "review")


def registry(argv: Sequence[str] = ()) -> list[Callable[[Any], Any]]:
    """Each command module's `register(commands)`. When argv names a command, only that one: a command's
    module imports what it runs on, and `build` should not wait for the server's and the audit's imports
    (40 ms of every run). Without one, or with --help or --version before it, every command is there to be
    listed (or suggested for a typo)."""
    named = None
    for argument in argv:
        if argument in ("-h", "--help", "--version"):
            break
        if not argument.startswith("-"):
            named = argument
            break
    names = (named,) if named in COMMANDS else COMMANDS
    return [importlib.import_module(f"badgesite.commands.{name}_command").register for name in names]
