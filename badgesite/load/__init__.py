"""Reading the site folder: files become Documents that remember where every value came from."""

from badgesite.load.documents import Document, Position
from badgesite.load.site_folder import DocumentCache, SiteSources, read_site

__all__ = ["Document", "DocumentCache", "Position", "SiteSources", "read_site"]
