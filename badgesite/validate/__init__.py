"""Validation: every problem in the whole site, collected in one pass, each pointing at file:line:col."""

from badgesite.validate.site import Checked, CheckedSite, ValidationMemo, validate_site, validate_site_collecting

__all__ = ["Checked", "CheckedSite", "ValidationMemo", "validate_site", "validate_site_collecting"]
