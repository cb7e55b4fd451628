"""Round trips through ``bake`` and ``read_baked`` for every image format, version and payload format."""

from __future__ import annotations

import codecs

import pytest
from badge_samples import HOSTED_URL, OB2_ASSERTION, OB3_CREDENTIAL, PLAIN_SVG, as_json, sign, tiny_png, with_proof
from joserfc.jwk import RSAKey

from badgesite.openbadges import OpenBadgesError, bake, read_baked, sniff_image_format, verify_jws
from badgesite.openbadges.baked import Baked

IMAGES = {"png": tiny_png(), "svg": PLAIN_SVG}


def payloads(rsa_key: RSAKey) -> dict[str, tuple[str, str, str]]:
    """name -> (version to bake as, payload, expected credential format)"""
    return {
        "2.0 json": ("2.0", as_json(OB2_ASSERTION), "json"),
        "2.0 jws": ("2.0", sign(OB2_ASSERTION, rsa_key, "RS256"), "jws"),
        "3.0 json": ("3.0", as_json(with_proof(OB3_CREDENTIAL)), "json"),
        "3.0 vc-jwt": ("3.0", sign(OB3_CREDENTIAL, rsa_key, "RS256", typ="JWT"), "vc-jwt"),
        "2.0 url": ("2.0", HOSTED_URL, "url"),
        "3.0 url": ("3.0", HOSTED_URL, "url"),
    }


@pytest.mark.parametrize("image_format", ["png", "svg"])
@pytest.mark.parametrize("name", ["2.0 json", "2.0 jws", "3.0 json", "3.0 vc-jwt", "2.0 url", "3.0 url"])
def test_round_trip(image_format: str, name: str, rsa_key: RSAKey) -> None:
    version, payload, payload_format = payloads(rsa_key)[name]

    baked = read_baked(bake(IMAGES[image_format], payload, version=version))

    assert baked is not None
    names = {("png", "3.0"): "openbadgecredential", ("png", "2.0"): "openbadges"}
    names |= {("svg", "3.0"): "credential", ("svg", "2.0"): "assertion"}
    assert (baked.image_format, baked.keyword_or_element, baked.payload_text) == (
        image_format,
        names[(image_format, version)],
        payload,
    )
    credential = baked.credential
    assert credential.format == payload_format
    assert credential.raw == payload
    if payload_format != "url":
        assert credential.version == version
        assert credential.badge_name in ("Awesome Robotics Badge", "Cloud Practitioner")
    if payload_format in ("jws", "vc-jwt"):
        assert verify_jws(credential.raw, rsa_key.as_pem(private=False).decode())


def test_a_url_keeps_the_version_its_container_tells() -> None:
    assert read_baked(bake(tiny_png(), HOSTED_URL, version="3.0")).credential.version == "3.0"  # type: ignore[union-attr]
    assert read_baked(bake(PLAIN_SVG, HOSTED_URL, version="3.0")).credential.version == "3.0"  # type: ignore[union-attr]
    assert read_baked(bake(tiny_png(), HOSTED_URL, version="2.0")).credential.version is None  # type: ignore[union-attr]


def test_unbaked_images_read_as_none() -> None:
    assert read_baked(tiny_png()) is None
    assert read_baked(PLAIN_SVG) is None


def test_read_baked_returns_the_typed_result() -> None:
    baked = read_baked(bake(tiny_png(), HOSTED_URL, version="2.0"))
    assert isinstance(baked, Baked)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (tiny_png(), "png"),
        (PLAIN_SVG, "svg"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"/>', "svg"),
        (b"\n\n  <svg>", "svg"),
        (codecs.BOM_UTF8 + b"<svg/>", "svg"),
        ('<?xml version="1.0" encoding="UTF-16"?><svg/>'.encode("utf-16"), "svg"),
        (b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><s:svg xmlns:s="http://www.w3.org/2000/svg"/>', "svg"),
        (b'<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg [\n<!ATTLIST svg a CDATA "">\n]>\n<svg>', "svg"),
        (b"<html><body><svg/></body></html>", None),
        (b"GIF89a", None),
        (b"\x1f\x8b\x08\x00", None),
        (b"svg", None),
        (b"<svgfoo/>", None),
        (b"", None),
    ],
)
def test_sniff_image_format(data: bytes, expected: str | None) -> None:
    assert sniff_image_format(data) == expected


def test_read_baked_refuses_other_formats() -> None:
    with pytest.raises(OpenBadgesError, match=r"^not a badge image: expected a PNG or an SVG file$"):
        read_baked(b"GIF89a")


def test_bake_refuses_other_formats() -> None:
    with pytest.raises(OpenBadgesError, match=r"^cannot bake: the image is neither a PNG nor an SVG file$"):
        bake(b"GIF89a", HOSTED_URL, version="2.0")


def test_bake_refuses_an_unknown_version() -> None:
    with pytest.raises(OpenBadgesError, match=r"^cannot bake Open Badges version '2': expected 1\.0, 2\.0 or 3\.0$"):
        bake(tiny_png(), HOSTED_URL, version="2")


@pytest.mark.parametrize(
    ("payload", "version", "message"),
    [
        (as_json(OB3_CREDENTIAL), "2.0", r"^cannot bake an OB 3\.0 payload as version 2\.0: "),
        (as_json(OB2_ASSERTION), "3.0", r"^cannot bake an OB 2\.0 payload as version 3\.0: "),
    ],
)
def test_bake_refuses_a_payload_of_the_other_generation(payload: str, version: str, message: str) -> None:
    with pytest.raises(OpenBadgesError, match=message):
        bake(tiny_png(), payload, version=version)


def test_bake_refuses_a_payload_that_is_no_badge() -> None:
    with pytest.raises(OpenBadgesError, match=r"^payload is not an Open Badge"):
        bake(tiny_png(), "hello", version="2.0")
