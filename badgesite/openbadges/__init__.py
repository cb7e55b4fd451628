"""Open Badges 1.x/2.0/3.0: bake and read PNG and SVG badges, parse payloads, check recipients and signatures.

A standalone library: it imports nothing else of badgesite, only the standard library, defusedxml and joserfc.
"""

from typing import Any

from .baked import Baked, ImageFormat, bake, read_baked, sniff_image_format
from .checks import Check, Status, check_credential
from .errors import OpenBadgesError
from .model import Alignment, Credential, EvidenceItem, Format, Recipient, UnreadableDate, Version
from .payload import parse_payload
from .png import BADGE_KEYWORDS, PngBadge, bake_png, find_png_badge, read_png_payload
from .recipient import hash_identity, is_email_recipient, recipient_matches
from .svg import OB2_NAMESPACE, OB3_NAMESPACE, SvgBadge, find_svg_badge, read_svg_payload
from .svg_bake import bake_svg

__all__ = [
    "BADGE_KEYWORDS",
    "OB2_NAMESPACE",
    "OB3_NAMESPACE",
    "Alignment",
    "Baked",
    "Check",
    "Credential",
    "EvidenceItem",
    "Format",
    "ImageFormat",
    "OpenBadgesError",
    "PngBadge",
    "Recipient",
    "Status",
    "SvgBadge",
    "UnreadableDate",
    "Version",
    "bake",
    "bake_png",
    "bake_svg",
    "check_credential",
    "embedded_jwk",
    "find_png_badge",
    "find_svg_badge",
    "hash_identity",
    "is_email_recipient",
    "parse_payload",
    "read_baked",
    "read_png_payload",
    "read_svg_payload",
    "recipient_matches",
    "sniff_image_format",
    "verify_jws",
]


def __getattr__(name: str) -> Any:
    """Signature checks load joserfc and cryptography (~45 ms): only when a token is actually checked."""
    if name in ("embedded_jwk", "verify_jws"):
        from . import signature

        return getattr(signature, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
