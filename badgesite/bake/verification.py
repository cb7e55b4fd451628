"""What the offline checks of each badge's assertion found, as warnings at the badge file's field.

A failed check is published on the badge page ("Recipient: failed"), and an `earned` date the assertion
contradicts is shown beside it; the person publishing should hear of both before a visitor does. Warnings,
not problems: the page tells the truth either way, and an old badge's assertion may well have expired.
"""

from __future__ import annotations

from collections.abc import Mapping

from badgesite.bake.credentials import BadgeCredential
from badgesite.model import Site
from badgesite.model.types import Badge
from badgesite.problems import Problem
from badgesite.validate import CheckedSite

# An issuedOn with a time of day is taken as its day in its own time zone, while `earned` is the day where you
# were: one day apart is the same moment seen from two places, not a disagreement.
EARNED_TOLERANCE_DAYS = 1

_HINTS = {
    "recipient": "add the address this badge was issued to under owner.emails in badgesite.yml, or check that "
    "the assertion is yours",
    "issued": "check that the assertion is this badge's, exactly as the issuer sent it",
    "expiry": "renew the badge, or give it the assertion's expiry date as expires:",
    "signature": "check that issuer_key is the issuer's public key and the assertion is exactly as the issuer sent it",
    "revocation": "the issuer has withdrawn this badge: remove it from the portfolio, or ask the issuer why",
}


def _hint(check: str, detail: str) -> str:
    """What to do; a malformed recipient hash matches no address, so adding one to owner.emails cannot help."""
    if check == "recipient" and ("malformed" in detail or "does not use" in detail):
        return "no address can match it: ask the issuer for a corrected assertion"
    return _HINTS.get(check, "check that the assertion is exactly as the issuer sent it")


def verification_warnings(
    checked: CheckedSite, site: Site, credentials: Mapping[str, BadgeCredential]
) -> list[Problem]:
    """A warning per failed check, at the `assertion` (or `image`) field the assertion was read from, and one
    at `earned` when the assertion gives another day. An expiry the badge file already states is not repeated:
    the page marks the badge expired, and `check` says so."""
    documents = {item.document.path: item.document for item in checked.badges}
    warnings: list[Problem] = []
    for badge in site.badges:
        credential = credentials.get(badge.id)
        document = documents.get(badge.source)
        if credential is None or document is None:
            continue
        field = "assertion" if badge.assertion_file else "image"
        for check in credential.failed:
            if check.name == "expiry" and badge.expired:
                continue
            warnings.append(
                document.problem(
                    (field,),
                    f"the assertion's {check.name} check failed: {check.detail}; the badge page says "
                    f'"{check.name.capitalize()}: failed"',
                    _hint(check.name, check.detail),
                    severity="warning",
                )
            )
        disagreement = _earned_disagreement(badge, credential, site)
        if disagreement:
            warnings.append(document.problem(("earned",), *disagreement, severity="warning"))
    return warnings


def _earned_disagreement(badge: Badge, credential: BadgeCredential, site: Site) -> tuple[str, str] | None:
    issued = credential.credential.issued_on
    if issued is None or abs((issued - badge.earned).days) <= EARNED_TOLERANCE_DAYS:
        return None
    message = f"earned is {badge.earned.isoformat()}, but the assertion was issued on {issued.isoformat()}"
    if issued > site.today:
        return message, "check that the assertion is this badge's, exactly as the issuer sent it"
    return (
        message,
        f"set earned: {issued.isoformat()} as the assertion has it, or check that the assertion is this badge's",
    )
