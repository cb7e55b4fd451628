"""Interoperability with the reference baker, openbadges-bakery 2.0.0: each side reads what the other bakes."""

from __future__ import annotations

import io
import warnings

import pytest
from badge_samples import HOSTED_URL, OB2_ASSERTION, PLAIN_SVG, as_json, text_chunk, tiny_png

from badgesite.openbadges import bake, read_baked, read_png_payload, read_svg_payload

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import openbadges_bakery

#: A signed OB 2.0 assertion, cut down: {"@context": ".../openbadges/v2", "type": "Assertion", "iss": …}.
JWS = (
    "eyJhbGciOiJSUzI1NiJ9."
    "eyJAY29udGV4dCI6Imh0dHBzOi8vdzNpZC5vcmcvb3BlbmJhZGdlcy92MiIsInR5cGUiOiJBc3NlcnRpb24iLCJpc3MiOiJodHRwczovL2V4YW1wbGUub3JnIn0"
    ".c2lnbmF0dXJl"
)
HOSTED_JSON = as_json(OB2_ASSERTION)
UNHOSTED_JSON = as_json({**OB2_ASSERTION, "id": "urn:uuid:7a7e5b1c-0000-4000-8000-000000000000"})
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rfc3986, used by the reference

PAYLOADS = {"hosted json": HOSTED_JSON, "unhosted json": UNHOSTED_JSON, "jws": JWS, "url": HOSTED_URL}


def reference_unbake(image: bytes) -> str | None:
    return openbadges_bakery.unbake(io.BytesIO(image))  # type: ignore[no-any-return]


def reference_bake(image: bytes, payload: str) -> bytes:
    baked = openbadges_bakery.bake(io.BytesIO(image), payload)
    try:
        return baked.read()  # type: ignore[no-any-return]
    finally:
        baked.close()


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_reference_reads_our_png(payload: str) -> None:
    assert reference_unbake(bake(tiny_png(), payload, version="2.0")) == payload


@pytest.mark.parametrize("payload", [UNHOSTED_JSON, JWS, HOSTED_URL], ids=["unhosted json", "jws", "url"])
def test_reference_reads_our_svg(payload: str) -> None:
    assert reference_unbake(bake(PLAIN_SVG, payload, version="2.0")) == payload


def test_reference_reads_our_hosted_svg_as_its_verify_url() -> None:
    """The reference returns ``verify`` before the CDATA; ours sets it to the assertion's id, as the spec asks."""
    assert reference_unbake(bake(PLAIN_SVG, HOSTED_JSON, version="2.0")) == OB2_ASSERTION["id"]


def test_reference_reads_our_rebaked_svg_once() -> None:
    first = bake(PLAIN_SVG, "https://example.org/first", version="2.0")
    assert reference_unbake(bake(first, JWS, version="2.0")) == JWS


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_we_read_the_reference_png(payload: str) -> None:
    baked = reference_bake(tiny_png(), payload)

    assert read_png_payload(baked) == ("openbadges", payload)
    assert read_baked(baked).credential.raw == payload  # type: ignore[union-attr]


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_we_read_the_reference_svg(payload: str) -> None:
    baked = reference_bake(PLAIN_SVG, payload)

    assert read_svg_payload(baked) == (None, payload)


def test_we_rebake_the_reference_svg_into_one_element() -> None:
    theirs = reference_bake(PLAIN_SVG, HOSTED_JSON)

    ours = bake(theirs, JWS, version="2.0")

    assert ours.count(b"<openbadges:assertion") == 1
    assert read_svg_payload(ours) == (None, JWS)


def test_where_the_reference_errs_we_do_not() -> None:
    """tEXt before iTXt, a compressed iTXt, and re-baked SVGs: the README's list of reference misbehaviour."""
    legacy_first = tiny_png(text_chunk(b"tEXt", "openbadges", HOSTED_URL), text_chunk(b"iTXt", "openbadges", JWS))
    assert reference_unbake(legacy_first) == HOSTED_URL
    assert read_png_payload(legacy_first) == ("openbadges", JWS)

    compressed = tiny_png(text_chunk(b"iTXt", "openbadges", HOSTED_JSON, compressed=True))
    with pytest.raises(UnicodeDecodeError):  # it decodes the zlib stream as if it were text
        reference_unbake(compressed)
    assert read_png_payload(compressed) == ("openbadges", HOSTED_JSON)

    rebaked_by_reference = reference_bake(reference_bake(PLAIN_SVG, HOSTED_URL), JWS)
    assert rebaked_by_reference.count(b"<openbadges:assertion") == 2
    assert bake(rebaked_by_reference, JWS, version="2.0").count(b"<openbadges:assertion") == 1
