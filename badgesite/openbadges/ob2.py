"""Read an Open Badges 0.5/1.x/2.0 assertion, whose badge and issuer may be embedded or mere URLs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import fields
from .model import Credential, Format, Recipient, Version

_SIGNED_VERIFICATION = ("signed", "signedbadge")

#: Open Badges objects that are not an assertion, and what each one is, for the message that refuses them.
_OTHER_OBJECTS = {
    "BadgeClass": "a badge class (what the badge is, not its award to someone)",
    "Profile": "an issuer profile",
    "Issuer": "an issuer profile",
    "Endorsement": "an endorsement",
    "RevocationList": "an issuer's revocation list",
    "CryptographicKey": "an issuer's public key",
}


def assertion_problem(value: Mapping[str, Any]) -> str | None:
    """Why a JSON object is no OB 0.5/1.x/2.0 assertion, or None when it is one.

    An assertion says so by its type or Open Badges context, or has the shape of one: a ``verify`` or
    ``verification`` object (OB 1.0/2.0), or a recipient together with a badge (OB 0.5 and 1.0).
    """
    types = fields.types_of(value)
    other = sorted(types & _OTHER_OBJECTS.keys())
    if other and "Assertion" not in types:
        return f"it is {_OTHER_OBJECTS[other[0]]} (type {other[0]}), not an assertion"
    if "Assertion" in types or any("openbadges" in context for context in fields.contexts_of(value)):
        return None
    if isinstance(value.get("verify", value.get("verification")), Mapping):
        return None
    has_recipient = value.get("recipient") is not None or isinstance(value.get("identity"), Mapping)
    if has_recipient and value.get("badge") is not None:
        return None
    keys = ", ".join(sorted(value)[:8]) + (", …" if len(value) > 8 else "")
    return (
        "looked for an Open Badges @context or a type of Assertion, a verify or verification object, or a "
        f"recipient with a badge, and found none of them (its keys: {keys or 'none'})"
    )


def assertion_version(assertion: Mapping[str, Any]) -> Version:
    """OB 2.0 by its context (or its 2.0-only ``verification`` key); anything older counts as 1.0."""
    contexts = fields.contexts_of(assertion)
    if any("openbadges/v2" in context for context in contexts):
        return "2.0"
    if any("openbadges/v1" in context for context in contexts):
        return "1.0"
    return "2.0" if isinstance(assertion.get("verification"), Mapping) else "1.0"


def credential_from_assertion(
    assertion: Mapping[str, Any], *, format: Format, raw: str, jws_header: Mapping[str, Any] | None = None
) -> Credential:
    """Map an assertion's fields onto a Credential."""
    badge = assertion.get("badge")
    badge_class = badge if isinstance(badge, Mapping) else {}
    issuer = badge_class.get("issuer")
    issuer_profile = issuer if isinstance(issuer, Mapping) else {}
    criteria = badge_class.get("criteria")
    verify_url = _verify_url(assertion)
    issued_on, unreadable_issued_on = fields.first_date(
        ("issuedOn", assertion.get("issuedOn")), ("issued_on", assertion.get("issued_on"))
    )
    expires, unreadable_expires = fields.first_date(("expires", assertion.get("expires")))
    return Credential(
        version=assertion_version(assertion),
        format=format,
        raw=raw,
        id=fields.text(assertion.get("id")) or verify_url,
        verify_url=verify_url,
        badge_id=fields.reference(badge),
        badge_name=fields.text(badge_class.get("name")),
        description=fields.text(badge_class.get("description")),
        criteria_url=fields.http_url(fields.reference(criteria)),
        criteria_narrative=fields.text(criteria.get("narrative")) if isinstance(criteria, Mapping) else None,
        issuer_id=fields.reference(issuer),
        issuer_name=fields.text(issuer_profile.get("name")) or fields.text(issuer_profile.get("org")),
        issuer_url=fields.http_url(issuer_profile.get("url")) or fields.http_url(issuer_profile.get("origin")),
        issued_on=issued_on,
        expires=expires,
        unreadable_issued_on=unreadable_issued_on,
        unreadable_expires=unreadable_expires,
        recipient=_recipient(assertion),
        alignments=fields.alignments(badge_class.get("alignment")),
        evidence=fields.evidence(assertion.get("evidence")),
        image_url=fields.reference(assertion.get("image")) or fields.reference(badge_class.get("image")),
        jws_header=jws_header,
        revoked=fields.truthy(assertion.get("revoked")),
        revocation_reason=fields.text(assertion.get("revocationReason")),
        revocation_list_url=fields.http_url(fields.reference(issuer_profile.get("revocationList"))),
    )


def _verify_url(assertion: Mapping[str, Any]) -> str | None:
    """Where a hosted assertion lives: OB 1.0 ``verify.url``, or the OB 2.0 ``id`` of a hosted badge."""
    verification = assertion.get("verification", assertion.get("verify"))
    if isinstance(verification, Mapping):
        kind = (fields.text(verification.get("type")) or "").lower()
        if kind in _SIGNED_VERIFICATION:
            return None
        return fields.http_url(verification.get("url")) or fields.http_url(assertion.get("id"))
    return fields.http_url(assertion.get("id"))


def _recipient(assertion: Mapping[str, Any]) -> Recipient | None:
    """The IdentityObject, the OB 0.5 bare string (salt beside it), or the old examples' ``identity``."""
    value = assertion.get("recipient")
    if isinstance(value, str):
        return _identity(value, hashed=None, kind=None, salt=assertion.get("salt"))
    if isinstance(value, Mapping):
        return _identity(value.get("identity"), value.get("hashed"), value.get("type"), value.get("salt"))
    legacy = assertion.get("identity")
    if isinstance(legacy, Mapping):
        identity = legacy.get("identity", legacy.get("recipient"))
        return _identity(identity, legacy.get("hashed"), legacy.get("type"), legacy.get("salt"))
    return None


def _identity(identity: object, hashed: object, kind: object, salt: object) -> Recipient | None:
    value = fields.text(identity)
    if value is None:
        return None
    return Recipient(
        identity=value,
        type=fields.text(kind) or "email",
        hashed=fields.truthy(hashed) or fields.looks_hashed(value),
        salt=salt if isinstance(salt, str) else None,
    )
