"""The typed view of a badge payload: one small shape whatever the Open Badges version or format."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

#: "1.0" stands for OB 1.x and the pre-1.0 legacy forms; "2.0" for OB 2.0; "3.0" for OB 3.0 credentials.
Version = Literal["1.0", "2.0", "3.0"]

#: How the payload was baked: assertion/credential JSON, an OB 2.0 signed JWS, a hosted URL, or a VC-JWT.
Format = Literal["json", "jws", "url", "vc-jwt"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Recipient:
    """Who the badge was issued to; ``identity`` is a ``sha256$…`` or ``md5$…`` hash when ``hashed``."""

    identity: str
    type: str = "email"
    hashed: bool = False
    salt: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Alignment:
    """A competency framework entry the badge aligns to."""

    name: str | None = None
    url: str | None = None
    code: str | None = None
    framework: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EvidenceItem:
    """Work that backs the badge: a link, a narrative, or both."""

    name: str | None = None
    url: str | None = None
    narrative: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UnreadableDate:
    """A date field that is there but holds no date: kept as written, so a check can fail it rather than
    report the date as missing."""

    field: str
    written: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Credential:
    """What a baked payload says, read leniently: anything absent or of an unknown shape is None."""

    version: Version | None
    format: Format
    raw: str
    id: str | None = None
    verify_url: str | None = None
    badge_id: str | None = None
    badge_name: str | None = None
    description: str | None = None
    criteria_url: str | None = None
    criteria_narrative: str | None = None
    issuer_id: str | None = None
    issuer_name: str | None = None
    issuer_url: str | None = None
    issued_on: date | None = None
    expires: date | None = None
    unreadable_issued_on: UnreadableDate | None = None
    unreadable_expires: UnreadableDate | None = None
    recipient: Recipient | None = None
    alignments: tuple[Alignment, ...] = ()
    evidence: tuple[EvidenceItem, ...] = ()
    image_url: str | None = None
    jws_header: Mapping[str, Any] | None = field(default=None, hash=False)
    has_embedded_proof: bool = False
    proof_types: tuple[str, ...] = ()
    revoked: bool = False
    revocation_reason: str | None = None
    #: Where the issuer publishes revocations: an OB 2.0 issuer's revocationList, an OB 3.0 credentialStatus.
    revocation_list_url: str | None = None
