"""Allow `python -m badgesite`."""

from badgesite.cli import run_and_exit

run_and_exit()
