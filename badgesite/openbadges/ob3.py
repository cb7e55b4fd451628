"""Read an Open Badges 3.0 credential (VC data model 1.1 or 2.0), with or without its JWT claims."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import fields
from .model import Credential, Format, Recipient

_CREDENTIAL_TYPES = {"VerifiableCredential", "OpenBadgeCredential", "AchievementCredential"}
_OPEN_BADGE_TYPES = {"OpenBadgeCredential", "AchievementCredential"}
_OPEN_BADGE_CONTEXT = "purl.imsglobal.org/spec/ob/v3p0"
_CREDENTIAL_CONTEXTS = (
    "www.w3.org/2018/credentials",
    "www.w3.org/ns/credentials",
    "purl.imsglobal.org/spec/ob/v3p0",
)


def is_verifiable_credential(value: Mapping[str, Any]) -> bool:
    """True for an OB 3.0 credential: by its type, or failing that by its VC or OB 3.0 context."""
    if fields.types_of(value) & _CREDENTIAL_TYPES:
        return True
    return any(marker in context for context in fields.contexts_of(value) for marker in _CREDENTIAL_CONTEXTS)


def open_badge_problem(credential: Mapping[str, Any]) -> str | None:
    """Why a Verifiable Credential is no Open Badge (say, a driving licence), or None when it is one."""
    if fields.types_of(credential) & _OPEN_BADGE_TYPES:
        return None
    if any(_OPEN_BADGE_CONTEXT in context for context in fields.contexts_of(credential)):
        return None
    subject = fields.mapping(credential.get("credentialSubject")) or {}
    if fields.mapping(subject.get("achievement")) is not None:
        return None
    return (
        "it is a Verifiable Credential but not an Open Badge: looked for an OpenBadgeCredential or "
        "AchievementCredential type, the Open Badges 3.0 @context, or a credentialSubject with an achievement"
    )


def credential_from_vc(
    credential: Mapping[str, Any],
    *,
    format: Format,
    raw: str,
    claims: Mapping[str, Any] | None = None,
    jws_header: Mapping[str, Any] | None = None,
) -> Credential:
    """Map a credential's fields onto a Credential; JWT claims fill in what the credential leaves out."""
    jwt = claims or {}
    subject = fields.mapping(credential.get("credentialSubject")) or {}
    achievement = fields.mapping(subject.get("achievement")) or {}
    criteria = achievement.get("criteria")
    issuer = credential.get("issuer", jwt.get("iss"))
    issuer_profile = issuer if isinstance(issuer, Mapping) else {}
    proofs = [proof for proof in fields.as_list(credential.get("proof")) if isinstance(proof, Mapping)]
    issued_on, unreadable_issued_on = fields.first_date(
        ("validFrom", credential.get("validFrom")),
        ("issuanceDate", credential.get("issuanceDate")),
        ("credentialSubject.awardedDate", subject.get("awardedDate")),
        ("awardedDate", credential.get("awardedDate")),
        ("nbf", jwt.get("nbf")),
        ("iat", jwt.get("iat")),
    )
    expires, unreadable_expires = fields.first_date(
        ("validUntil", credential.get("validUntil")),
        ("expirationDate", credential.get("expirationDate")),
        ("exp", jwt.get("exp")),
    )
    return Credential(
        version="3.0",
        format=format,
        raw=raw,
        id=fields.text(credential.get("id")) or fields.text(jwt.get("jti")),
        badge_id=fields.text(achievement.get("id")),
        badge_name=fields.text(achievement.get("name")) or fields.text(credential.get("name")),
        description=fields.text(achievement.get("description")) or fields.text(credential.get("description")),
        criteria_url=fields.http_url(fields.reference(criteria)),
        criteria_narrative=fields.text(criteria.get("narrative")) if isinstance(criteria, Mapping) else None,
        issuer_id=fields.reference(issuer),
        issuer_name=fields.text(issuer_profile.get("name")),
        issuer_url=fields.http_url(issuer_profile.get("url")),
        issued_on=issued_on,
        expires=expires,
        unreadable_issued_on=unreadable_issued_on,
        unreadable_expires=unreadable_expires,
        recipient=_recipient(subject, jwt),
        alignments=fields.alignments(achievement.get("alignment")),
        evidence=fields.evidence(credential.get("evidence")),
        image_url=fields.reference(achievement.get("image")) or fields.reference(credential.get("image")),
        jws_header=jws_header,
        has_embedded_proof=bool(proofs),
        proof_types=tuple(_proof_type(proof) for proof in proofs),
        revocation_list_url=_status_list(credential.get("credentialStatus")),
    )


def _status_list(value: object) -> str | None:
    """Where a credentialStatus points: a 1EdTech revocation list's id, or a status list credential's URL."""
    status = fields.mapping(value)
    if status is None:
        return None
    return fields.http_url(status.get("statusListCredential")) or fields.http_url(status.get("id"))


def _recipient(subject: Mapping[str, Any], claims: Mapping[str, Any]) -> Recipient | None:
    """An email IdentityObject if there is one, else the first identifier, else the subject's id (a DID)."""
    identifiers = [item for item in fields.as_list(subject.get("identifier")) if isinstance(item, Mapping)]
    identifiers.sort(key=lambda item: fields.text(item.get("identityType")) != "emailAddress")
    for item in identifiers:
        identity = fields.text(item.get("identityHash"))
        if identity is not None:
            salt = item.get("salt")
            return Recipient(
                identity=identity,
                type=fields.text(item.get("identityType")) or "emailAddress",
                hashed=fields.truthy(item.get("hashed")) or fields.looks_hashed(identity),
                salt=salt if isinstance(salt, str) else None,
            )
    subject_id = fields.text(subject.get("id")) or fields.text(claims.get("sub"))
    return None if subject_id is None else Recipient(identity=subject_id, type="id")


def _proof_type(proof: Mapping[str, Any]) -> str:
    kind = fields.text(proof.get("type")) or "unknown proof"
    suite = fields.text(proof.get("cryptosuite"))
    return f"{kind} ({suite})" if suite else kind
