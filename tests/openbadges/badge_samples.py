"""Sample images, payloads and tokens for the Open Badges tests, built here so each test shows its input."""

from __future__ import annotations

import json
import os
import struct
import warnings
import zlib
from pathlib import Path
from typing import Any

import pytest
from joserfc import jws
from joserfc.errors import SecurityWarning
from joserfc.jwk import ECKey, OKPKey, RSAKey

FIXTURES = Path(
    os.environ.get("BADGESITE_OB_FIXTURES")
    or Path(__file__).resolve().parents[2].parent / "shared" / "openbadges-fixtures"
)

requires_fixtures = pytest.mark.skipif(not FIXTURES.is_dir(), reason="the shared Open Badges fixtures folder is absent")

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

OB2_ASSERTION: dict[str, Any] = {
    "@context": "https://w3id.org/openbadges/v2",
    "type": "Assertion",
    "id": "https://example.org/beths-robotics-badge.json",
    "recipient": {
        "type": "email",
        "hashed": True,
        "salt": "deadsea",
        "identity": "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942",
    },
    "issuedOn": "2016-12-31T23:59:59Z",
    "expires": "2030-06-30T23:59:59Z",
    "badge": {
        "id": "https://example.org/robotics-badge.json",
        "type": "BadgeClass",
        "name": "Awesome Robotics Badge",
        "description": "For doing awesome things with robots.",
        "image": "data:image/png;base64,iVBORw0KGgo=",
        "criteria": {"id": "https://example.org/robotics-badge.html", "narrative": "Build a robot."},
        "alignment": [
            {
                "targetName": "Robotics",
                "targetUrl": "https://example.org/frameworks/robotics",
                "targetCode": "RB-1",
                "targetFramework": "Example Framework",
                "targetDescription": "Builds robots.",
            }
        ],
        "issuer": {
            "id": "https://example.org/organization.json",
            "type": "Profile",
            "name": "An Example Badge Issuer",
            "url": "https://example.org",
        },
    },
    "evidence": [
        "https://example.org/beths-robot-work.html",
        {"id": "https://example.org/video", "name": "Demo video", "narrative": "The robot walks."},
    ],
    "verification": {"type": "hosted"},
}

OB3_CREDENTIAL: dict[str, Any] = {
    "@context": [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ],
    "id": "urn:uuid:a63a60be-f4af-491c-87fc-2c8fd3007a58",
    "type": ["VerifiableCredential", "OpenBadgeCredential"],
    "issuer": {"id": "https://example.edu/issuers/565049", "type": ["Profile"], "name": "Example University"},
    "validFrom": "2024-05-01T00:00:00Z",
    "validUntil": "2029-05-01T00:00:00Z",
    "name": "Cloud Practitioner Credential",
    "credentialSubject": {
        "type": ["AchievementSubject"],
        "identifier": [
            {
                "type": "IdentityObject",
                "identityHash": "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942",
                "identityType": "emailAddress",
                "hashed": True,
                "salt": "deadsea",
            }
        ],
        "achievement": {
            "id": "https://example.edu/achievements/cloud",
            "type": ["Achievement"],
            "name": "Cloud Practitioner",
            "description": "Understands cloud basics.",
            "criteria": {"id": "https://example.edu/criteria/cloud", "narrative": "Pass the exam."},
            "image": {"id": "https://example.edu/cloud.png", "type": "Image"},
            "alignment": [{"targetName": "Cloud", "targetUrl": "https://example.edu/cloud", "targetCode": "C1"}],
        },
    },
    "evidence": [{"id": "https://example.edu/evidence/1", "type": ["Evidence"], "narrative": "Exam passed."}],
}

HOSTED_URL = "https://example.org/assertions/robotics.json"


def as_json(value: dict[str, Any]) -> str:
    """Compact JSON, the way issuers usually bake it."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def with_proof(credential: dict[str, Any]) -> dict[str, Any]:
    """The credential with an (unverifiable here) embedded Data Integrity proof."""
    proof = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": "2024-05-01T00:00:00Z",
        "verificationMethod": "https://example.edu/issuers/565049#key-1",
        "proofPurpose": "assertionMethod",
        "proofValue": "z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKKiD3Qsp5SB6E3ax8Q",
    }
    return {**credential, "proof": [proof]}


def sign(claims: dict[str, Any], key: RSAKey | ECKey | OKPKey, alg: str, **header: Any) -> str:
    """A compact JWS over ``claims``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SecurityWarning)  # "EdDSA" is superseded by "Ed25519", still in use
        return jws.serialize_compact({"alg": alg, **header}, as_json(claims), key, algorithms=[alg])


def public_pem(key: RSAKey | ECKey | OKPKey) -> str:
    return key.as_pem(private=False).decode("ascii")


def public_jwk(key: RSAKey | ECKey | OKPKey) -> str:
    return json.dumps(key.as_dict(private=False))


def chunk(chunk_type: bytes, data: bytes) -> bytes:
    """One PNG chunk with its length and CRC, written independently of the code under test."""
    return struct.pack(">I", len(data)) + chunk_type + data + struct.pack(">I", zlib.crc32(chunk_type + data))


def text_chunk(
    chunk_type: bytes,
    keyword: str,
    text: str,
    *,
    compressed: bool = False,
    language: bytes = b"",
    translated: bytes = b"",
) -> bytes:
    """A tEXt, zTXt or iTXt chunk."""
    name = keyword.encode("latin-1") + b"\x00"
    if chunk_type == b"tEXt":
        return chunk(b"tEXt", name + text.encode("latin-1"))
    if chunk_type == b"zTXt":
        return chunk(b"zTXt", name + b"\x00" + zlib.compress(text.encode("latin-1")))
    body = zlib.compress(text.encode("utf-8")) if compressed else text.encode("utf-8")
    flags = bytes([1 if compressed else 0, 0])
    return chunk(b"iTXt", name + flags + language + b"\x00" + translated + b"\x00" + body)


def tiny_png(*extra: bytes) -> bytes:
    """A valid 1x1 grey PNG with ``extra`` chunks placed between IHDR and IDAT."""
    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    pixels = chunk(b"IDAT", zlib.compress(b"\x00\x80"))
    return PNG_SIGNATURE + header + b"".join(extra) + pixels + chunk(b"IEND", b"")


def png_chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    """``(type, raw chunk bytes)`` of every chunk, parsed independently of the code under test."""
    found = []
    position = len(PNG_SIGNATURE)
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        found.append((png[position + 4 : position + 8], png[position : position + 12 + length]))
        position += 12 + length
    return found


def badge_text_chunks(png: bytes) -> list[bytes]:
    """The raw text chunks whose keyword is an Open Badges keyword."""
    return [
        raw
        for chunk_type, raw in png_chunks(png)
        if chunk_type in (b"tEXt", b"iTXt", b"zTXt") and raw[8:].split(b"\x00")[0].startswith(b"openbadge")
    ]


PLAIN_SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b"<!-- a comment before the root -->\n"
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n'
    b"  <title>Badge &amp; more</title>\n"
    b'  <circle cx="5" cy="5" r="4" fill="#c00"/>\n'
    b"</svg>\n"
)
