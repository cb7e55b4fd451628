"""badgesite: a static site generator for badge portfolios."""

__version__ = "0.1.0"
