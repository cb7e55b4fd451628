"""Open Badges in PNG text chunks: bake and read at chunk level, never touching the pixels."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from typing import Literal

from .errors import OpenBadgesError
from .limits import MAX_IMAGE_BYTES, MAX_PAYLOAD_BYTES, describe_size

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

#: ``openbadges`` for OB 0.5-2.0, ``openbadgecredential`` for OB 3.0.
BADGE_KEYWORDS = ("openbadges", "openbadgecredential")

_MAX_CHUNK_LENGTH = 2**31 - 1  # the PNG specification's own bound

TextChunkType = Literal["tEXt", "iTXt", "zTXt"]
_TEXT_TYPE_NAMES: dict[bytes, TextChunkType] = {b"tEXt": "tEXt", b"iTXt": "iTXt", b"zTXt": "zTXt"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Chunk:
    """One PNG chunk: its type, its data, and its exact bytes (length, type, data, CRC) for copying."""

    type: bytes
    data: bytes
    raw: bytes
    offset: int


@dataclass(frozen=True, slots=True, kw_only=True)
class PngBadge:
    """The badge text found in a PNG and the chunk it came from (the chunk type tells legacy from current)."""

    chunk_type: TextChunkType
    keyword: str
    text: str
    compressed: bool


def split_chunks(png: bytes) -> tuple[list[Chunk], bytes]:
    """Check a PNG's structure (signature, lengths, CRCs, IHDR first, IEND last) and return its chunks.

    The second value is whatever follows IEND, kept so baking changes nothing it does not need to.
    """
    if len(png) > MAX_IMAGE_BYTES:
        raise OpenBadgesError(
            f"PNG is {describe_size(len(png))}, over the {describe_size(MAX_IMAGE_BYTES)} limit for badge images"
        )
    if not png.startswith(PNG_SIGNATURE):
        raise OpenBadgesError("not a PNG file: it does not start with the PNG signature")
    chunks: list[Chunk] = []
    position = len(PNG_SIGNATURE)
    while True:
        if position + 8 > len(png):
            if not chunks:
                raise OpenBadgesError("PNG is truncated: it ends right after the signature, with no IHDR chunk")
            if position == len(png):
                raise OpenBadgesError(f"PNG is truncated: it ends at byte {len(png)} without an IEND chunk")
            raise OpenBadgesError(f"PNG is truncated: the chunk header at byte {position} is cut short")
        (length,) = struct.unpack(">I", png[position : position + 4])
        chunk_type = png[position + 4 : position + 8]
        if not (chunk_type.isascii() and chunk_type.isalpha()):
            raise OpenBadgesError(f"PNG is corrupt: the chunk at byte {position} has an invalid type {chunk_type!r}")
        name = chunk_type.decode("ascii")
        if length > _MAX_CHUNK_LENGTH:
            raise OpenBadgesError(
                f"PNG is corrupt: the {name} chunk at byte {position} declares {length} bytes, "
                "over the PNG maximum of 2^31-1"
            )
        end = position + 12 + length
        if end > len(png):
            raise OpenBadgesError(
                f"PNG is truncated: the {name} chunk at byte {position} declares {length} bytes "
                f"but only {max(len(png) - position - 12, 0)} remain"
            )
        data = png[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", png[end - 4 : end])
        if zlib.crc32(chunk_type + data) != crc:
            raise OpenBadgesError(f"PNG is corrupt: the {name} chunk at byte {position} has a bad CRC")
        if not chunks and chunk_type != b"IHDR":
            raise OpenBadgesError(f"PNG is corrupt: the first chunk is {name}, not IHDR")
        chunks.append(Chunk(type=chunk_type, data=data, raw=png[position:end], offset=position))
        position = end
        if chunk_type == b"IEND":
            return chunks, png[position:]


def find_png_badge(png: bytes) -> PngBadge | None:
    """Find the badge text: the first iTXt or zTXt with a badge keyword, else the first legacy tEXt one.

    A chunk whose text is blank is skipped, as an empty hook is no badge.
    """
    chunks, _ = split_chunks(png)
    badge_chunks = [chunk for chunk in chunks if _badge_keyword(chunk) is not None]
    current = [chunk for chunk in badge_chunks if chunk.type != b"tEXt"]
    legacy = [chunk for chunk in badge_chunks if chunk.type == b"tEXt"]
    for chunk in current + legacy:
        badge = _decode_text_chunk(chunk)
        if badge.text.strip():
            return badge
    return None


def read_png_payload(png: bytes) -> tuple[str, str] | None:
    """Return ``(keyword, text)`` of the baked badge, or None when the PNG carries none."""
    badge = find_png_badge(png)
    return None if badge is None else (badge.keyword, badge.text)


def bake_png(png: bytes, payload: str, *, keyword: str, replace_all: bool = False) -> bytes:
    """Write one uncompressed iTXt chunk right after IHDR, dropping earlier chunks with that keyword; with
    ``replace_all``, badge chunks of the other keyword too (one credential per image, never an old OB 2.0
    assertion beside a new OB 3.0 credential)."""
    if keyword not in BADGE_KEYWORDS:
        raise OpenBadgesError(f"cannot bake under keyword {keyword!r}: expected one of {', '.join(BADGE_KEYWORDS)}")
    text = _encode_payload(payload)
    chunks, trailer = split_chunks(png)
    header = keyword.encode("latin-1") + b"\x00" + b"\x00\x00" + b"\x00" + b"\x00"
    badge_chunk = make_chunk(b"iTXt", header + text)
    dropped = set(BADGE_KEYWORDS) if replace_all else {keyword}
    kept = [chunk.raw for chunk in chunks[1:] if _badge_keyword(chunk) not in dropped]
    return b"".join([PNG_SIGNATURE, chunks[0].raw, badge_chunk, *kept, trailer])


def make_chunk(chunk_type: bytes, data: bytes) -> bytes:
    """Serialise one chunk with its length and CRC."""
    return struct.pack(">I", len(data)) + chunk_type + data + struct.pack(">I", zlib.crc32(chunk_type + data))


def _encode_payload(payload: str) -> bytes:
    if "\x00" in payload:
        raise OpenBadgesError("cannot bake the payload: it contains a NUL character, which PNG text cannot hold")
    try:
        text = payload.encode("utf-8")
    except UnicodeEncodeError as error:
        raise OpenBadgesError(f"cannot bake the payload: it is not valid Unicode ({error.reason})") from None
    if len(text) > MAX_PAYLOAD_BYTES:
        raise OpenBadgesError(
            f"cannot bake the payload: it is {describe_size(len(text))}, "
            f"over the {describe_size(MAX_PAYLOAD_BYTES)} limit for a badge payload"
        )
    return text


def _badge_keyword(chunk: Chunk) -> str | None:
    if chunk.type not in _TEXT_TYPE_NAMES:
        return None
    keyword, separator, _ = chunk.data.partition(b"\x00")
    if not separator:
        return None
    name = keyword.decode("latin-1")
    return name if name in BADGE_KEYWORDS else None


def _decode_text_chunk(chunk: Chunk) -> PngBadge:
    chunk_type = _TEXT_TYPE_NAMES[chunk.type]
    keyword, _, rest = chunk.data.partition(b"\x00")
    name = keyword.decode("latin-1")
    where = f"the {chunk_type} chunk {name!r} at byte {chunk.offset}"
    compressed = False
    if chunk.type == b"tEXt":
        text = _check_payload_size(rest, where).decode("latin-1")
    elif chunk.type == b"zTXt":
        if not rest or rest[0] != 0:
            raise OpenBadgesError(f"PNG is corrupt: {where} uses an unknown compression method")
        text = _inflate(rest[1:], where).decode("latin-1")
        compressed = True
    else:
        text, compressed = _decode_itxt(rest, where)
    return PngBadge(chunk_type=chunk_type, keyword=name, text=text, compressed=compressed)


def _decode_itxt(rest: bytes, where: str) -> tuple[str, bool]:
    if len(rest) < 2:
        raise OpenBadgesError(f"PNG is corrupt: {where} is cut short")
    flag, method, tail = rest[0], rest[1], rest[2:]
    _language, first, tail = tail.partition(b"\x00")
    _translated, second, body = tail.partition(b"\x00")
    if not (first and second):
        raise OpenBadgesError(f"PNG is corrupt: {where} lacks its language tag or translated keyword")
    if flag not in (0, 1):
        raise OpenBadgesError(f"PNG is corrupt: {where} has an invalid compression flag {flag}")
    if flag == 1:
        if method != 0:
            raise OpenBadgesError(f"PNG is corrupt: {where} uses an unknown compression method {method}")
        body = _inflate(body, where)
    else:
        body = _check_payload_size(body, where)
    try:
        return body.decode("utf-8"), flag == 1
    except UnicodeDecodeError:
        raise OpenBadgesError(f"PNG is corrupt: the text of {where} is not valid UTF-8") from None


def _check_payload_size(body: bytes, where: str) -> bytes:
    if len(body) > MAX_PAYLOAD_BYTES:
        raise OpenBadgesError(
            f"{where} holds {describe_size(len(body))}, over the "
            f"{describe_size(MAX_PAYLOAD_BYTES)} limit for a badge payload"
        )
    return body


def _inflate(data: bytes, where: str) -> bytes:
    """Decompress with a hard output cap, so a few KiB cannot expand into gigabytes."""
    inflater = zlib.decompressobj()
    try:
        body = inflater.decompress(data, MAX_PAYLOAD_BYTES + 1)
    except zlib.error as error:
        raise OpenBadgesError(f"PNG is corrupt: {where} does not decompress ({error})") from None
    if len(body) > MAX_PAYLOAD_BYTES or inflater.unconsumed_tail:
        raise OpenBadgesError(
            f"refused {where}: it decompresses to more than the {describe_size(MAX_PAYLOAD_BYTES)} "
            "limit for a badge payload (a decompression bomb?)"
        )
    if not inflater.eof:
        raise OpenBadgesError(f"PNG is corrupt: the compressed text of {where} is cut short")
    return body
