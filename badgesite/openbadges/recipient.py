"""Match a badge's recipient, hashed or plain, against an email address the owner says is theirs."""

from __future__ import annotations

import hashlib
import hmac

from .model import Recipient

_EMAIL_TYPES = {"email", "emailaddress", "http://schema.org/email", "https://schema.org/email"}
_ALGORITHM_BY_HEX_LENGTH = {64: "sha256", 32: "md5"}


def is_email_recipient(recipient: Recipient) -> bool:
    """True when the identity is an email address (OB 2.0 ``email``, OB 3.0 ``emailAddress``)."""
    return recipient.type.strip().lower() in _EMAIL_TYPES


def hash_identity(identity: str, salt: str | None, *, algorithm: str = "sha256") -> str:
    """The OB identity hash: ``algorithm$hexdigest(identity + salt)``."""
    data = (identity + (salt or "")).encode("utf-8")
    digest = hashlib.new(algorithm, data, usedforsecurity=False).hexdigest()
    return f"{algorithm}${digest}"


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
