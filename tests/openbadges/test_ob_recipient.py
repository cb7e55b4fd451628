"""Recipient matching against hashed and plain identities, with the specifications' own vectors."""

from __future__ import annotations

import pytest

from badgesite.openbadges import Recipient, hash_identity, is_email_recipient, recipient_matches

# The 1EdTech OB 2.0 validator's test assertion "awarded to nobody@example.org", salt "deadsea"
# (also baked in the 1EdTech simple-badge.png fixture).
SPEC_HASH = "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942"


def test_spec_vector_matches() -> None:
    recipient = Recipient(identity=SPEC_HASH, hashed=True, salt="deadsea")
    assert recipient_matches(recipient, "nobody@example.org")


@pytest.mark.parametrize("email", ["Nobody@Example.org", "  nobody@example.org  "])
def test_email_is_lower_cased_and_trimmed_before_hashing(email: str) -> None:
    assert recipient_matches(Recipient(identity=SPEC_HASH, hashed=True, salt="deadsea"), email)


@pytest.mark.parametrize("email", ["somebody@example.org", "nobody@example.com", ""])
def test_other_emails_do_not_match(email: str) -> None:
    assert not recipient_matches(Recipient(identity=SPEC_HASH, hashed=True, salt="deadsea"), email)


def test_the_salt_matters() -> None:
    assert not recipient_matches(Recipient(identity=SPEC_HASH, hashed=True, salt="deadsee"), "nobody@example.org")
    assert not recipient_matches(Recipient(identity=SPEC_HASH, hashed=True), "nobody@example.org")


def test_unsalted_sha256() -> None:
    # sha256("nobody@example.org"), computed independently with `printf %s nobody@example.org | sha256sum`
    digest = "562b23229c385803090e3a1e8ec8e846ed154fbf0a9027c8065e43f19ea02264"
    assert recipient_matches(Recipient(identity=f"sha256${digest}", hashed=True), "nobody@example.org")


def test_md5_with_salt() -> None:
    # md5("nobody@example.orgdeadsea"), computed with `printf %s nobody@example.orgdeadsea | md5sum`
    recipient = Recipient(identity="md5$df7f6ab472edfcaf9040a8bbdee36400", hashed=True, salt="deadsea")
    assert recipient_matches(recipient, "nobody@example.org")
    assert not recipient_matches(recipient, "other@example.org")


def test_upper_case_hex_and_a_missing_algorithm_prefix_are_tolerated() -> None:
    digest = SPEC_HASH.partition("$")[2]
    assert recipient_matches(
        Recipient(identity=f"SHA256${digest.upper()}", hashed=True, salt="deadsea"), "nobody@example.org"
    )
    assert recipient_matches(Recipient(identity=digest, hashed=True, salt="deadsea"), "nobody@example.org")


def test_unknown_algorithms_never_match() -> None:
    assert not recipient_matches(Recipient(identity="sha1$abc", hashed=True), "nobody@example.org")
    assert not recipient_matches(Recipient(identity="sha256$ünïcode", hashed=True), "nobody@example.org")


def test_plain_identity_compares_case_insensitively() -> None:
    recipient = Recipient(identity="Test@Example.com")
    assert recipient_matches(recipient, "test@example.COM")
    assert not recipient_matches(recipient, "test@example.org")


def test_hash_identity_builds_the_spec_form() -> None:
    assert hash_identity("nobody@example.org", "deadsea") == SPEC_HASH


@pytest.mark.parametrize(("kind", "expected"), [("email", True), ("emailAddress", True), ("url", False), ("id", False)])
def test_email_recipient_types(kind: str, expected: bool) -> None:
    assert is_email_recipient(Recipient(identity="x", type=kind)) is expected
