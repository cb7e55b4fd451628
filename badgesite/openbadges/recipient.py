"""Match a badge's recipient, hashed or plain, against an email address the owner says is theirs."""

from __future__ import annotations

import hashlib
import hmac

from .model import Recipient

_EMAIL_TYPES = {"email", "emailaddress", "http://schema.org/email", "https://schema.org/email"}
_ALGORITHM_BY_HEX_LENGTH = {64: "sha256", 32: "md5"}
_DIGEST_NAMES = {"sha256": "a SHA-256", "md5": "an MD5"}
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_SHOWN_CHARACTERS = 24


def is_email_recipient(recipient: Recipient) -> bool:
    """True when the identity is an email address (OB 2.0 ``email``, OB 3.0 ``emailAddress``)."""
    return recipient.type.strip().lower() in _EMAIL_TYPES


def hash_identity(identity: str, salt: str | None, *, algorithm: str = "sha256") -> str:
    """The OB identity hash: ``algorithm$hexdigest(identity + salt)``."""
    data = (identity + (salt or "")).encode("utf-8")
    digest = hashlib.new(algorithm, data, usedforsecurity=False).hexdigest()
    return f"{algorithm}${digest}"


def hash_problem(recipient: Recipient) -> str | None:
    """Why a hashed identity cannot match any address (unknown algorithm, not hex, wrong length); None when
    it is well formed or not hashed. Told apart from a mismatch, which would blame the owner's address."""
    if not recipient.hashed:
        return None
    identity = recipient.identity.strip()
    algorithm, separator, digest = identity.partition("$")
    if not separator:  # some issuers drop the "sha256$" prefix; the digest length still tells
        if len(identity) in _ALGORITHM_BY_HEX_LENGTH and set(identity) <= _HEX_DIGITS:
            return None
        return (
            f"the recipient hash {_shown(identity)} is malformed: expected sha256$ and 64 hex digits (or md5$ and 32)"
        )
    algorithm = algorithm.lower()
    if algorithm not in _DIGEST_NAMES:
        return f"the recipient is hashed with {algorithm!r}, which Open Badges does not use (sha256 or md5)"
    if not digest or not set(digest) <= _HEX_DIGITS:
        return f"the recipient hash {_shown(identity)} is malformed: {algorithm}$ must be followed by hex digits"
    expected = next(length for length, name in _ALGORITHM_BY_HEX_LENGTH.items() if name == algorithm)
    if len(digest) != expected:
        return (
            f"the recipient hash is malformed: {algorithm}$ with {len(digest)} hex digits, but "
            f"{_DIGEST_NAMES[algorithm]} digest has {expected}, so no address can match it"
        )
    return None


def _shown(identity: str) -> str:
    return repr(identity if len(identity) <= _SHOWN_CHARACTERS else identity[: _SHOWN_CHARACTERS - 1] + "…")


def recipient_matches(recipient: Recipient, email: str) -> bool:
    """True when ``email`` is the recipient: ``sha256$``/``md5$`` hashes compared, plain text case-blind.

    The email is tried lower-cased (as the specification's examples hash it) and as typed.
    """
    candidate = email.strip()
    if not candidate:
        return False
    if not recipient.hashed:
        return recipient.identity.strip().casefold() == candidate.casefold()
    algorithm, separator, expected = recipient.identity.strip().partition("$")
    if not separator:  # some issuers drop the "sha256$" prefix; the digest length still tells
        expected = algorithm
        algorithm = _ALGORITHM_BY_HEX_LENGTH.get(len(expected), "")
    algorithm = algorithm.lower()
    if algorithm not in ("sha256", "md5") or not expected.isascii():
        return False
    for variant in dict.fromkeys((candidate.lower(), candidate)):
        actual = hash_identity(variant, recipient.salt, algorithm=algorithm).partition("$")[2]
        if hmac.compare_digest(actual, expected.lower()):
            return True
    return False
