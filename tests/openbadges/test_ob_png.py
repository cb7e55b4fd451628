"""PNG baking and reading at chunk level, including hostile and broken files."""

from __future__ import annotations

import struct
import zlib

import pytest
from badge_samples import (
    HOSTED_URL,
    OB2_ASSERTION,
    PNG_SIGNATURE,
    as_json,
    badge_text_chunks,
    chunk,
    png_chunks,
    text_chunk,
    tiny_png,
)

from badgesite.openbadges import OpenBadgesError, bake_png, find_png_badge, read_png_payload

PAYLOAD = as_json(OB2_ASSERTION)


def test_bake_writes_one_uncompressed_itxt_right_after_ihdr() -> None:
    baked = bake_png(tiny_png(), PAYLOAD, keyword="openbadges")

    types = [chunk_type for chunk_type, _ in png_chunks(baked)]
    assert types == [b"IHDR", b"iTXt", b"IDAT", b"IEND"]
    itxt = png_chunks(baked)[1][1]
    assert itxt[8:-4] == b"openbadges\x00\x00\x00\x00\x00" + PAYLOAD.encode("utf-8")
    assert read_png_payload(baked) == ("openbadges", PAYLOAD)


def test_bake_copies_every_other_chunk_byte_for_byte() -> None:
    extras = (
        chunk(b"gAMA", struct.pack(">I", 45455)),
        text_chunk(b"tEXt", "Software", "Adobe ImageReady"),
        chunk(b"pHYs", struct.pack(">IIB", 2835, 2835, 1)),
        text_chunk(b"iTXt", "Comment", "unrelated"),
    )
    original = tiny_png(*extras) + b"trailing bytes after IEND"

    baked = bake_png(original, PAYLOAD, keyword="openbadges")

    before = [raw for _, raw in png_chunks(original[: -len(b"trailing bytes after IEND")])]
    after = [raw for chunk_type, raw in png_chunks(baked[: -len(b"trailing bytes after IEND")])]
    assert [raw for raw in after if raw not in badge_text_chunks(baked)] == before
    assert baked.endswith(b"trailing bytes after IEND")


@pytest.mark.parametrize("keyword", ["openbadges", "openbadgecredential"])
def test_rebaking_replaces_never_duplicates(keyword: str) -> None:
    once = bake_png(tiny_png(), "https://example.org/first", keyword=keyword)
    twice = bake_png(once, "https://example.org/second", keyword=keyword)
    thrice = bake_png(twice, "https://example.org/second", keyword=keyword)

    assert len(badge_text_chunks(twice)) == 1
    assert read_png_payload(twice) == (keyword, "https://example.org/second")
    assert thrice == twice


def test_rebaking_removes_legacy_text_and_compressed_chunks_with_that_keyword() -> None:
    original = tiny_png(
        text_chunk(b"tEXt", "openbadges", HOSTED_URL),
        text_chunk(b"zTXt", "openbadges", "{}"),
        text_chunk(b"iTXt", "openbadges", "{}", compressed=True),
    )

    baked = bake_png(original, PAYLOAD, keyword="openbadges")

    assert len(badge_text_chunks(baked)) == 1
    assert read_png_payload(baked) == ("openbadges", PAYLOAD)


def test_baking_one_keyword_leaves_the_other_alone() -> None:
    ob2 = bake_png(tiny_png(), PAYLOAD, keyword="openbadges")
    both = bake_png(ob2, '{"type":["VerifiableCredential"]}', keyword="openbadgecredential")

    assert len(badge_text_chunks(both)) == 2
    assert read_png_payload(both) == ("openbadgecredential", '{"type":["VerifiableCredential"]}')


def test_bake_keeps_non_ascii_text_as_utf8() -> None:
    payload = '{"name":"Café ☕ 徽章"}'
    assert read_png_payload(bake_png(tiny_png(), payload, keyword="openbadges")) == ("openbadges", payload)


def test_reads_compressed_itxt_with_language_tag_and_translated_keyword() -> None:
    png = tiny_png(
        text_chunk(b"iTXt", "openbadges", PAYLOAD, compressed=True, language=b"en-GB", translated=b"Abzeichen")
    )

    badge = find_png_badge(png)

    assert badge is not None
    assert (badge.chunk_type, badge.keyword, badge.text, badge.compressed) == ("iTXt", "openbadges", PAYLOAD, True)


def test_reads_ztxt() -> None:
    assert read_png_payload(tiny_png(text_chunk(b"zTXt", "openbadges", HOSTED_URL))) == ("openbadges", HOSTED_URL)


def test_reads_legacy_text_url() -> None:
    badge = find_png_badge(tiny_png(text_chunk(b"tEXt", "openbadges", HOSTED_URL)))

    assert badge is not None
    assert (badge.chunk_type, badge.text) == ("tEXt", HOSTED_URL)


@pytest.mark.parametrize("text_first", [True, False])
def test_prefers_itxt_over_text_whatever_the_order(text_first: bool) -> None:
    legacy = text_chunk(b"tEXt", "openbadges", HOSTED_URL)
    current = text_chunk(b"iTXt", "openbadges", PAYLOAD)
    png = tiny_png(legacy, current) if text_first else tiny_png(current, legacy)

    assert read_png_payload(png) == ("openbadges", PAYLOAD)


def test_ignores_text_chunks_with_other_keywords() -> None:
    png = tiny_png(text_chunk(b"tEXt", "openbadgesx", "no"), text_chunk(b"iTXt", "Comment", "openbadges"))
    assert read_png_payload(png) is None


def test_unbaked_png_has_no_payload() -> None:
    assert read_png_payload(tiny_png()) is None


# Hostile and broken input: each refusal says what is wrong.


def test_rejects_a_file_that_is_not_a_png() -> None:
    with pytest.raises(OpenBadgesError, match=r"^not a PNG file: it does not start with the PNG signature$"):
        read_png_payload(b"GIF89a" + bytes(100))


def test_rejects_a_bad_crc() -> None:
    png = bytearray(tiny_png())
    png[-20] ^= 0xFF  # a byte inside the IDAT data
    with pytest.raises(OpenBadgesError, match=r"^PNG is corrupt: the IDAT chunk at byte 33 has a bad CRC$"):
        read_png_payload(bytes(png))


def test_rejects_a_png_cut_inside_a_chunk() -> None:
    png = tiny_png()
    with pytest.raises(
        OpenBadgesError, match=r"^PNG is truncated: the IDAT chunk at byte 33 declares 10 bytes but only 5 remain$"
    ):
        read_png_payload(png[:50])


def test_rejects_a_png_cut_inside_a_chunk_header() -> None:
    png = tiny_png()
    with pytest.raises(OpenBadgesError, match=r"^PNG is truncated: the chunk header at byte 33 is cut short$"):
        read_png_payload(png[:40])


def test_rejects_a_png_without_iend() -> None:
    png = tiny_png()
    with pytest.raises(OpenBadgesError, match=r"^PNG is truncated: it ends at byte 55 without an IEND chunk$"):
        read_png_payload(png[:-12])


def test_rejects_a_png_whose_first_chunk_is_not_ihdr() -> None:
    png = PNG_SIGNATURE + chunk(b"IEND", b"")
    with pytest.raises(OpenBadgesError, match=r"^PNG is corrupt: the first chunk is IEND, not IHDR$"):
        read_png_payload(png)


def test_rejects_a_bare_signature() -> None:
    with pytest.raises(OpenBadgesError, match="ends right after the signature, with no IHDR chunk"):
        read_png_payload(PNG_SIGNATURE)


def test_rejects_an_oversize_chunk_length() -> None:
    png = tiny_png()
    oversize = png[:33] + struct.pack(">I", 2**31) + png[37:]
    with pytest.raises(OpenBadgesError, match=r"declares 2147483648 bytes, over the PNG maximum of 2\^31-1$"):
        read_png_payload(oversize)


def test_rejects_an_invalid_chunk_type() -> None:
    png = tiny_png(chunk(b"a1b2", b""))
    with pytest.raises(OpenBadgesError, match=r"the chunk at byte 33 has an invalid type b'a1b2'"):
        read_png_payload(png)


def test_rejects_a_file_over_the_size_limit() -> None:
    huge = PNG_SIGNATURE + bytes(33 * 1024 * 1024)
    with pytest.raises(OpenBadgesError, match=r"^PNG is 33\.0 MiB, over the 32\.0 MiB limit for badge images$"):
        read_png_payload(huge)


def test_refuses_a_decompression_bomb() -> None:
    compressor = zlib.compressobj(9)
    zeros = bytes(1024 * 1024)
    bomb = b"".join(compressor.compress(zeros) for _ in range(100)) + compressor.flush()  # 100 MiB of zeros
    itxt = chunk(b"iTXt", b"openbadges\x00\x01\x00\x00\x00" + bomb)
    assert len(itxt) < 200_000

    with pytest.raises(
        OpenBadgesError,
        match=r"^refused the iTXt chunk 'openbadges' at byte 33: it decompresses to more than the 4\.0 MiB "
        r"limit for a badge payload \(a decompression bomb\?\)$",
    ):
        read_png_payload(tiny_png(itxt))


def test_rejects_an_uncompressed_payload_over_the_limit() -> None:
    png = tiny_png(text_chunk(b"iTXt", "openbadges", "x" * (5 * 1024 * 1024)))
    with pytest.raises(OpenBadgesError, match=r"holds 5\.0 MiB, over the 4\.0 MiB limit for a badge payload$"):
        read_png_payload(png)


def test_rejects_corrupt_compressed_text() -> None:
    png = tiny_png(chunk(b"iTXt", b"openbadges\x00\x01\x00\x00\x00not zlib at all"))
    with pytest.raises(OpenBadgesError, match=r"^PNG is corrupt: the iTXt chunk 'openbadges' .* does not decompress"):
        read_png_payload(png)


def test_rejects_itxt_that_is_not_utf8() -> None:
    png = tiny_png(chunk(b"iTXt", b"openbadges\x00\x00\x00\x00\x00\xff\xfe"))
    with pytest.raises(OpenBadgesError, match=r"is not valid UTF-8$"):
        read_png_payload(png)


def test_rejects_itxt_without_its_separators() -> None:
    png = tiny_png(chunk(b"iTXt", b"openbadges\x00\x00\x00no separators"))
    with pytest.raises(OpenBadgesError, match=r"lacks its language tag or translated keyword$"):
        read_png_payload(png)


def test_bake_refuses_an_unknown_keyword() -> None:
    with pytest.raises(OpenBadgesError, match=r"^cannot bake under keyword 'badge': expected one of openbadges"):
        bake_png(tiny_png(), PAYLOAD, keyword="badge")


def test_bake_refuses_a_payload_over_the_limit() -> None:
    with pytest.raises(OpenBadgesError, match=r"^cannot bake the payload: it is 5\.0 MiB, over the 4\.0 MiB"):
        bake_png(tiny_png(), "x" * (5 * 1024 * 1024), keyword="openbadges")


def test_bake_refuses_a_nul_in_the_payload() -> None:
    with pytest.raises(OpenBadgesError, match=r"contains a NUL character, which PNG text cannot hold$"):
        bake_png(tiny_png(), "a\x00b", keyword="openbadges")


def test_bake_refuses_a_corrupt_png() -> None:
    with pytest.raises(OpenBadgesError, match=r"^not a PNG file"):
        bake_png(b"<svg/>", PAYLOAD, keyword="openbadges")


def test_a_blank_badge_chunk_is_no_badge() -> None:
    assert read_png_payload(tiny_png(text_chunk(b"iTXt", "openbadges", "  "))) is None
    png = tiny_png(text_chunk(b"iTXt", "openbadges", ""), text_chunk(b"tEXt", "openbadges", HOSTED_URL))
    assert read_png_payload(png) == ("openbadges", HOSTED_URL)
