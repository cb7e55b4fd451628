"""A published badge image carries the badge's own credential and nothing an earlier issuer baked into it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from badgesite import openbadges
from badgesite.build import BuildOptions, build
from badgesite.openbadges.png import split_chunks
from tests.conftest import FIXTURES, MINIMAL_CONFIG, write_files

OB2_PNG = FIXTURES / "1edtech-dcpv__ob20_simple-badge.png"
OB3_SVG = FIXTURES / "1edtech-dcpv__ob30_simple-json.svg"
OB3_JWT_PNG = FIXTURES / "1edtech-dcpv__ob30_simple-jwt.png"
LEGACY_PNG = FIXTURES / "concentricsky-bakery__baked_heart.png"

pytestmark = pytest.mark.skipif(not FIXTURES.is_dir(), reason="../shared/openbadges-fixtures is missing")


def badge_texts(png: bytes) -> list[bytes]:
    chunks, _ = split_chunks(png)
    return [chunk.data.partition(b"\0")[0] for chunk in chunks if chunk.type in (b"iTXt", b"tEXt", b"zTXt")]


def test_replace_all_drops_the_other_versions_badge_data_and_the_default_keeps_it() -> None:
    ob3 = openbadges.read_baked(OB3_JWT_PNG.read_bytes())
    assert ob3 is not None
    legacy = LEGACY_PNG.read_bytes()
    assert badge_texts(openbadges.bake(legacy, ob3.payload_text, version="3.0", replace_all=True)) == [
        b"openbadgecredential"
    ]
    assert sorted(badge_texts(openbadges.bake(legacy, ob3.payload_text, version="3.0"))) == [
        b"openbadgecredential",
        b"openbadges",
    ], "the library's default follows the baking spec: only chunks of the same keyword are replaced"


def test_a_published_svg_holds_only_the_badges_own_assertion(tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": MINIMAL_CONFIG,
            "badges/mixed.yml": "name: Mixed\nissuer: AWS\nearned: 2024-05-31\nimage: ob30.svg\nassertion: ob20.png\n",
            "badges/ob30.svg": OB3_SVG.read_bytes(),
            "badges/ob20.png": OB2_PNG.read_bytes(),
        },
    )
    build(BuildOptions(site_root=site, use_cache=False))
    published = (site / "_site" / "badges" / "mixed" / "mixed.svg").read_bytes()
    tags = [element.tag for element in ET.fromstring(published).iter()]
    assert "{http://openbadges.org}assertion" in tags
    assert "{https://purl.imsglobal.org/ob/v3p0}credential" not in tags, "the image's own OB 3.0 credential is gone"
    baked = openbadges.read_baked(published)
    assert baked is not None and baked.credential.version == "2.0"
