"""Hostile JSON (nested thousands of levels deep, numbers thousands of digits long) is a reason, never a crash."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from badge_samples import OB2_ASSERTION, as_json, text_chunk, tiny_png

from badgesite.openbadges import OpenBadgesError, parse_payload
from badgesite.openbadges.signature import load_public_keys
from tests.conftest import MINIMAL_CONFIG, TODAY, run_cli, write_files

TOO_DEEP = "JSON nested more than 64 levels deep"
TOO_LONG = "JSON holding a number with more than 4300 digits"
INTERNAL = "internal error"


def nested(depth: int) -> str:
    """An object ``depth`` levels deep: 1000 made Python's parser raise RecursionError."""
    return '{"a":' * depth + "1" + "}" * depth


def long_number(digits: int) -> str:
    return '{"a":' + "7" * digits + "}"


def unsigned_jws(payload: str) -> str:
    def encode(text: str) -> str:
        return base64.urlsafe_b64encode(text.encode()).rstrip(b"=").decode()

    return f"{encode(json.dumps({'alg': 'RS256'}))}.{encode(payload)}.c2lnbmF0dXJl"


def baked_svg(payload: str) -> bytes:
    """An SVG with ``payload`` in its OB 2.0 element, written by hand: bake_svg would refuse it."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">'
        f'<openbadges:assertion verify="https://example.org/a"><![CDATA[{payload}]]></openbadges:assertion></svg>'
    ).encode()


@pytest.mark.parametrize("depth", [65, 1000, 100_000])
def test_json_nested_too_deep_is_refused_with_the_limit(depth: int) -> None:
    with pytest.raises(OpenBadgesError) as raised:
        parse_payload(nested(depth))
    assert raised.value.message == f"payload cannot be read: it is {TOO_DEEP}"


def test_jws_claims_nested_too_deep_are_refused_with_the_limit() -> None:
    with pytest.raises(OpenBadgesError) as raised:
        parse_payload(unsigned_jws(nested(1000)))
    assert raised.value.message == f"the JWS payload cannot be read: it is {TOO_DEEP}"


def test_an_assertion_nested_64_levels_deep_is_still_read() -> None:
    deepest = json.loads(nested(62))  # 62 objects around the 1, inside the assertion: 64 levels in all
    credential = parse_payload(as_json({**OB2_ASSERTION, "extension": {"x": deepest}}))
    assert credential.badge_name == "Awesome Robotics Badge"


def test_a_5000_digit_number_is_refused_in_our_words_not_pythons() -> None:
    with pytest.raises(OpenBadgesError) as raised:
        parse_payload(long_number(5000))
    assert raised.value.message == f"payload cannot be read: it is {TOO_LONG}"
    assert "set_int_max_str_digits" not in raised.value.message


def test_a_4300_digit_number_is_still_read() -> None:
    credential = parse_payload(as_json(OB2_ASSERTION)[:-1] + ',"n":' + "7" * 4300 + "}")
    assert credential.badge_name == "Awesome Robotics Badge"


def test_a_jwk_nested_too_deep_is_no_key() -> None:
    with pytest.raises(OpenBadgesError) as raised:
        load_public_keys('{"keys":' + "[" * 1000 + "]" * 1000 + "}")
    assert raised.value.message == f"the public key cannot be read: it is {TOO_DEEP}"


@pytest.mark.parametrize(("content", "reason"), [(nested(1000), TOO_DEEP), (long_number(5000), TOO_LONG)])
def test_verify_says_the_file_could_not_be_read_and_why(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(content, encoding="utf-8")

    result = run_cli("verify", path)

    assert result.returncode == 1, result.stderr
    assert INTERNAL not in result.stderr
    assert (
        f"  cannot read it: is not a badge image (PNG or SVG), and as text: payload cannot be read: it is {reason}\n"
    ) in result.stdout
    assert result.stdout.endswith("1 file: 0 checks passed, 0 failed, 0 not checked; 1 could not be read\n")


def test_import_refuses_deeply_nested_json_and_writes_nothing(tmp_path: Path) -> None:
    site = write_files(tmp_path / "site", {"badgesite.yml": MINIMAL_CONFIG})
    path = tmp_path / "deep.json"
    path.write_text(nested(1000), encoding="utf-8")

    result = run_cli("import", path, "--site", site)

    assert result.returncode == 1
    assert INTERNAL not in result.stderr
    assert f"payload cannot be read: it is {TOO_DEEP}\n" in result.stderr
    assert not (site / "badges").exists()


def test_build_reports_each_hostile_payload_at_its_badge_field(tmp_path: Path) -> None:
    badge = "name: {name}\nissuer: Acme\nearned: 2025-03-01\n{field}: {file}\n"
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": MINIMAL_CONFIG,
            "badges/deep-png.png": tiny_png(text_chunk(b"iTXt", "openbadges", nested(1000))),
            "badges/deep-png.yml": badge.format(name="Deep PNG", field="image", file="deep-png.png"),
            "badges/deep-svg.svg": baked_svg(nested(1000)),
            "badges/deep-svg.yml": badge.format(name="Deep SVG", field="image", file="deep-svg.svg"),
            "badges/deep-json.json": nested(1000),
            "badges/deep-json.yml": badge.format(name="Deep JSON", field="assertion", file="deep-json.json"),
            "badges/long.png": tiny_png(text_chunk(b"iTXt", "openbadges", long_number(5000))),
            "badges/long.yml": badge.format(name="Long", field="image", file="long.png"),
        },
    )

    result = run_cli("build", site, "--today", TODAY)

    assert result.returncode == 1
    assert INTERNAL not in result.stderr
    hint = " (use the file exactly as the issuer sent it)"
    assert result.stderr.splitlines() == [
        f"badges/deep-json.yml:4:12: assertion: badges/deep-json.json: payload cannot be read: it is {TOO_DEEP}{hint}",
        f"badges/deep-png.yml:4:8: image: badges/deep-png.png: payload cannot be read: it is {TOO_DEEP}{hint}",
        f"badges/deep-svg.yml:4:8: image: badges/deep-svg.svg: payload cannot be read: it is {TOO_DEEP}{hint}",
        f"badges/long.yml:4:8: image: badges/long.png: payload cannot be read: it is {TOO_LONG}{hint}",
        "4 problems in 4 files; nothing was written",
    ]
    assert not (site / "_site").exists()
