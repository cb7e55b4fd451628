"""Allow `python -m badgesite`."""

from badgesite.cli import main

raise SystemExit(main())
