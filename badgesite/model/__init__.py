"""The model: frozen data with naming rules applied; no later stage reads YAML or guesses names."""

from badgesite.model.assemble import ModelOptions, assemble
from badgesite.model.site import Site, SiteIndex

__all__ = ["ModelOptions", "Site", "SiteIndex", "assemble"]
