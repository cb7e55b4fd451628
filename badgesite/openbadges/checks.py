"""Offline checks of a credential, each saying exactly what it did and did not establish."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from .errors import OpenBadgesError
from .model import Credential, UnreadableDate
from .recipient import hash_problem, is_email_recipient, recipient_matches

Status = Literal["passed", "failed", "not checked"]

ISO_8601_HINT = "expected ISO 8601, such as 2024-05-31 or 2024-05-31T09:30:00Z"


@dataclass(frozen=True, slots=True, kw_only=True)
class Check:
    """One check's outcome; ``detail`` is a sentence for a person, and never names the owner's emails."""

    name: str
    status: Status
    detail: str


def check_credential(
    cred: Credential, *, emails: Sequence[str], today: date, public_key: str | None
) -> tuple[Check, ...]:
    """Run the recipient, issue date, expiry, signature and revocation checks, in that order."""
    if cred.format == "url":
        unknown = f"only the URL of a hosted assertion is baked, and {cred.raw} was not fetched"
        return (
            Check(name="recipient", status="not checked", detail=unknown),
            Check(name="issued", status="not checked", detail=unknown),
            Check(name="expiry", status="not checked", detail=unknown),
            _signature(cred, public_key),
            Check(name="revocation", status="not checked", detail=unknown),
        )
    return (
        _recipient(cred, emails),
        _issued(cred, today),
        _expiry(cred, today),
        _signature(cred, public_key),
        _revocation(cred),
    )


def _recipient(cred: Credential, emails: Sequence[str]) -> Check:
    recipient = cred.recipient
    if recipient is None:
        return Check(name="recipient", status="not checked", detail="the credential names no recipient")
    if not is_email_recipient(recipient):
        detail = f"the recipient is identified by {recipient.type!r}, not by an email address"
        return Check(name="recipient", status="not checked", detail=detail)
    malformed = hash_problem(recipient)
    if malformed is not None:  # no address could ever match: a fault of the credential, with or without emails
        return Check(name="recipient", status="failed", detail=malformed)
    if not emails:
        detail = "no owner emails were given to compare with"
        return Check(name="recipient", status="not checked", detail=detail)
    algorithm, separator, _ = recipient.identity.partition("$")
    form = "plain-text" if not recipient.hashed else f"hashed ({algorithm})" if separator else "hashed"
    if any(recipient_matches(recipient, email) for email in emails):
        detail = f"the {form} recipient matches an owner email"
        return Check(name="recipient", status="passed", detail=detail)
    if len(emails) == 1:
        detail = f"the {form} recipient does not match the owner email"
    else:
        detail = f"the {form} recipient matches none of the {len(emails)} owner emails"
    return Check(name="recipient", status="failed", detail=detail)


def not_a_date(unreadable: UnreadableDate) -> str:
    """`issuedOn '2024-13-45' is not a date (expected ISO 8601, …)`: what was written, where, and what was wanted."""
    return f"{unreadable.field} '{unreadable.written}' is not a date ({ISO_8601_HINT})"


def _issued(cred: Credential, today: date) -> Check:
    if cred.unreadable_issued_on is not None:  # the issue date is required: one that cannot be read is a fault
        return Check(name="issued", status="failed", detail=not_a_date(cred.unreadable_issued_on))
    if cred.issued_on is None:
        return Check(name="issued", status="not checked", detail="the credential gives no issue date")
    issued = cred.issued_on.isoformat()
    if cred.issued_on > today:
        detail = f"issued on {issued}, which is after today ({today.isoformat()})"
        return Check(name="issued", status="failed", detail=detail)
    return Check(name="issued", status="passed", detail=f"issued on {issued}")


def _expiry(cred: Credential, today: date) -> Check:
    if cred.unreadable_expires is not None:
        detail = f"{not_a_date(cred.unreadable_expires)}, so whether it has expired is unknown"
        return Check(name="expiry", status="failed", detail=detail)
    if cred.expires is None:
        return Check(name="expiry", status="passed", detail="the credential has no expiry date")
    if cred.expires < today:
        return Check(name="expiry", status="failed", detail=f"expired on {cred.expires.isoformat()}")
    return Check(name="expiry", status="passed", detail=f"valid until {cred.expires.isoformat()}")


def _revocation(cred: Credential) -> Check:
    """Failed when the credential itself says it is revoked; otherwise the answer lies with the issuer, online."""
    if cred.revoked:
        reason = f'reason given: "{cred.revocation_reason}"' if cred.revocation_reason else "no reason given"
        return Check(name="revocation", status="failed", detail=f"the issuer has revoked it ({reason})")
    own_word = "the credential does not say it is revoked"
    if cred.verify_url is not None:
        detail = (
            f"{own_word}; whether the issuer has revoked it since shows at {cred.verify_url}, "
            "which is not fetched offline"
        )
    elif cred.revocation_list_url is not None:
        detail = f"{own_word}; the issuer's revocation list at {cred.revocation_list_url} is not fetched offline"
    else:
        detail = f"{own_word}, and names no hosted copy or revocation list that would tell whether it was revoked since"
    return Check(name="revocation", status="not checked", detail=detail)


def _signature(cred: Credential, public_key: str | None) -> Check:
    if cred.format in ("jws", "vc-jwt"):
        return _jws_signature(cred, public_key)
    if cred.has_embedded_proof:
        detail = (
            f"embedded proof ({', '.join(cred.proof_types)}) present; Data Integrity (linked-data) "
            "proofs are not verified offline"
        )
    elif cred.verify_url is not None:
        detail = (
            f"hosted {'URL' if cred.format == 'url' else 'assertion'}: verifying it means fetching "
            f"{cred.verify_url} from the issuer, which is not done offline"
        )
    else:
        detail = "the credential carries no signature or proof"
    return Check(name="signature", status="not checked", detail=detail)


def _jws_signature(cred: Credential, public_key: str | None) -> Check:
    from .signature import embedded_jwk, verify_jws  # joserfc loads only when a token is checked

    alg = (cred.jws_header or {}).get("alg", "?")
    if public_key is not None:
        try:
            verified = verify_jws(cred.raw, public_key)
        except OpenBadgesError as error:
            return Check(name="signature", status="not checked", detail=f"the public key is unusable: {error}")
        if verified:
            detail = f"{alg} signature verified with the given public key"
            return Check(name="signature", status="passed", detail=detail)
        detail = f"{alg} signature does not verify with the given public key"
        return Check(name="signature", status="failed", detail=detail)
    own_key = embedded_jwk(cred.raw)
    if own_key is None:
        return Check(name="signature", status="not checked", detail="no issuer public key was given")
    try:
        self_consistent = verify_jws(cred.raw, own_key)
    except OpenBadgesError as error:
        detail = f"no issuer public key was given, and the token's embedded key is unusable: {error}"
        return Check(name="signature", status="not checked", detail=detail)
    if not self_consistent:
        detail = f"{alg} signature does not verify even with the key embedded in the token's own header"
        return Check(name="signature", status="failed", detail=detail)
    detail = (
        "no issuer public key was given; the signature matches the key embedded in the token's own "
        "header, but a key taken from the token proves nothing about who issued it"
    )
    return Check(name="signature", status="not checked", detail=detail)
