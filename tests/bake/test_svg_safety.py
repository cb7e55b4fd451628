"""SVG badge images with scripts are refused: served from the portfolio's address, they would run there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from badgesite.bake.images import ImageProblem
from badgesite.bake.svg_safety import refuse_active_svg
from tests.conftest import FIXTURES, MINIMAL_CONFIG, TODAY, run_cli, write_files

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">{}</svg>'
)


@pytest.mark.parametrize(
    ("inner", "named"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ('<circle r="4" onload="alert(1)"/>', "onload"),
        ('<a xlink:href=" JavaScript:alert(1)"><circle r="4"/></a>', "links to a script"),
        ('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>', "<foreignObject>"),
    ],
)
def test_active_content_is_refused(inner: str, named: str) -> None:
    with pytest.raises(ImageProblem, match=named):
        refuse_active_svg(SVG.format(inner).encode())


#: Each of these ran JavaScript in headless Chromium yet passed the filter before.
BYPASSES = {
    "set href": '<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>',
    "animate href": '<a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a>',
    "set xlink:href": '<a><set attributeName="xlink:href" to="javascript:alert(1)"/><text>x</text></a>',
    "xhtml iframe": '<iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(1)"/>',
}


@pytest.mark.parametrize(
    ("inner", "message"),
    [
        (BYPASSES["set href"], "an animation (<set>) that changes the href attribute"),
        (BYPASSES["animate href"], "an animation (<animate>) that changes the href attribute"),
        (BYPASSES["set xlink:href"], "an animation (<set>) that changes the xlink:href attribute"),
        ('<a><set attributeName="href" to="https://example.org/"/><text>x</text></a>', "changes the href attribute"),
        (
            '<a><animate attributeName=" XLINK:HREF " from="#a" to="#b"/><text>x</text></a>',
            "changes the XLINK:HREF attribute",
        ),
        ('<circle r="4"><set attributeName="onclick" to="alert(1)"/></circle>', "changes the onclick attribute"),
        (
            '<circle r="4"><animate attributeName="fill" values="red; JaVa&#x0A;Script&#58;alert(1)"/></circle>',
            "an animation (<animate>) that sets a javascript: URL (in values)",
        ),
        ('<circle r="4"><set attributeName="fill" to="data:text/html,x"/></circle>', "sets a data: URL (in to)"),
        ('<circle r="4"><animateColor attributeName="fill" by="vbscript:x"/></circle>', "vbscript: URL (in by)"),
        (BYPASSES["xhtml iframe"], "the XHTML element <iframe> (namespace http://www.w3.org/1999/xhtml)"),
        ('<g><script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script></g>', "the XHTML element <script>"),
        ('<math xmlns="http://www.w3.org/1998/Math/MathML"><mi href="javascript:x">x</mi></math>', "MathML element"),
        ('<embed xmlns="http://www.w3.org/1999/xhtml" src="x.swf"/>', "the XHTML element <embed>"),
        ('<handler type="application/ecmascript">alert(1)</handler>', "<handler>, which is not an SVG element known"),
        (
            '<a href="data:text/html,&lt;script>alert(1)&lt;/script>"><text>x</text></a>',
            "not a raster image (data:text/html)",
        ),
        (
            '<use href="data:image/svg+xml,&lt;svg xmlns=%22http://www.w3.org/2000/svg%22 onload=%22alert(1)%22/>"/>',
            "not a raster image (data:image/svg+xml)",
        ),
        ('<rect style="fill: url(data:image/svg+xml;base64,PHN2Zy8+)"/>', "not a raster image (data:image/svg+xml"),
        ("<rect style=\"background:url('javascript:alert(1)')\"/>", "javascript: URL in the style attribute"),
        ('<style>@import "data:text/css,x";</style>', "not a raster image (data:text/css) in the stylesheet"),
        ('<rect style="fill: url(java\\73 cript:alert(1))"/>', "javascript: URL in the style attribute"),
        ("<style>rect { fill: url(d\\61ta:image/svg+xml;base64,PHN2Zy8+) }</style>", "(data:image/svg+xml"),
        ('<rect fill="url(javascript:alert(1))"/>', "javascript: URL in the fill attribute"),
        ('<rect filter="url(data:image/svg+xml;base64,PHN2Zy8+)"/>', "in the filter attribute"),
        ('<g xml:base="javascript:alert(1)//"><a href="x"><text>x</text></a></g>', "javascript: URL in the base"),
    ],
)
def test_scripts_by_animation_and_foreign_elements_are_refused(inner: str, message: str) -> None:
    with pytest.raises(ImageProblem, match=re.escape(message)):
        refuse_active_svg(SVG.format(inner).encode())


#: Published unrefused before: CSS allows a comment, or nothing, between @import and its string.
REPORTED_IMPORTS = [
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><style>@import/**/"data:text/css,x";</style>'
    '<rect width="5" height="5"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><style>@import"data:text/css,x";</style>'
    '<rect width="5" height="5"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><style>@import/**/"javascript:alert(1)";</style>'
    '<rect width="5" height="5"/></svg>',
]


@pytest.mark.parametrize("svg", REPORTED_IMPORTS)
def test_an_import_without_space_before_its_string_is_refused(svg: str) -> None:
    with pytest.raises(ImageProblem, match=r"(a data: URL that is not a raster|a javascript: URL) .*in the stylesheet"):
        refuse_active_svg(svg.encode())


@pytest.mark.parametrize(
    ("inner", "message"),
    [
        ("<style>@import/* a\n comment */url(javascript:alert(1));</style>", "javascript: URL in the stylesheet"),
        ("<style>@import url( /**/ 'data:text/css,x' );</style>", "(data:text/css) in the stylesheet"),
        ('<style>@import url("javascript:alert(1)"/**/);</style>', "javascript: URL in the stylesheet"),
        ("<style>@\\69mport'javascript:alert(1)'</style>", "javascript: URL in the stylesheet"),
        ("<style>rect{fill:url(java/**/script:alert(1))}</style>", "javascript: URL in the stylesheet"),
        ('<rect style="fill:u\\72l(/**/javascript:alert(1))"/>', "javascript: URL in the style attribute"),
        ("<rect style=\"fill:url(/**/'data:image/svg+xml,x')\"/>", "(data:image/svg+xml) in the style attribute"),
        ('<style>rect{fill:image-set("data:text/html,x" 1x)}</style>', "(data:text/html) in the stylesheet"),
        # a string holding `/*` starts no comment: the @import between the two strings is read
        ('<style>a{content:"/*"} @import "javascript:alert(1)"; b{content:"*/"}</style>', "javascript: URL"),
        # the sheet is all the <style>'s text, the part after a child element too
        ('<style>rect{}<x:y xmlns:x="urn:x"/>@import "data:text/css,x";</style>', "(data:text/css) in the stylesheet"),
    ],
)
def test_css_is_read_as_a_browser_tokenizes_it(inner: str, message: str) -> None:
    with pytest.raises(ImageProblem, match=re.escape(message)):
        refuse_active_svg(SVG.format(inner).encode())


def test_addresses_in_css_comments_or_plain_strings_load_nothing_and_pass() -> None:
    sheet = (
        '<style>/* @import "javascript:alert(1)"; */ rect { fill: url( "#shine" ) } '
        "text { font-family: 'Data Sans', sans-serif } /* unclosed @import 'data:text/css,x'</style>"
    )
    refuse_active_svg(SVG.format(sheet + '<rect style="fill:url(/**/#shine)" width="5" height="5"/>').encode())
    refuse_active_svg(SVG.format("<style>@import url(data:image/png;base64,iVBORw0KGgo=);</style>").encode())


def test_the_build_refuses_a_badge_whose_import_has_a_comment_before_its_string(tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": MINIMAL_CONFIG,
            "badges/styled.yml": "name: Styled\nissuer: AWS\nearned: 2024-05-31\nimage: styled.svg\n",
            "badges/styled.svg": REPORTED_IMPORTS[2],
        },
    )
    result = run_cli("build", site, "--today", TODAY)
    assert result.returncode == 1
    assert "badges/styled.yml" in result.stderr
    assert "javascript: URL in the stylesheet of <style>" in result.stderr
    assert not (site / "_site").exists()


def test_a_default_attribute_from_the_doctype_is_checked_too() -> None:
    svg = (
        '<!DOCTYPE svg [<!ATTLIST a href CDATA "javascript:alert(1)">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><a><text>x</text></a></svg>'
    )
    with pytest.raises(ImageProblem, match="links to a script on <a>"):
        refuse_active_svg(svg.encode())


def test_an_xslt_stylesheet_instruction_is_refused() -> None:
    svg = '<?xml-stylesheet type="text/xsl" href="#sheet"?>' + SVG.format('<circle r="4"/>')
    with pytest.raises(ImageProblem, match=re.escape("names a stylesheet in <?xml-stylesheet?>")):
        refuse_active_svg(svg.encode())


INKSCAPE_AND_ILLUSTRATOR = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cc="http://creativecommons.org/ns#"
     xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
     xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
     xmlns:i="http://ns.adobe.com/AdobeIllustrator/10.0/" xmlns:x="http://ns.adobe.com/Extensibility/1.0/"
     xmlns:openbadges="http://openbadges.org" width="120" height="120" inkscape:version="1.3">
  <openbadges:assertion verify="https://example.org/assertions/1"/>
  <sodipodi:namedview id="base" pagecolor="#ffffff" inkscape:zoom="1"/>
  <metadata><rdf:RDF><cc:Work rdf:about=""><dc:format>image/svg+xml</dc:format>
    <dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage"/><dc:title>Badge</dc:title></cc:Work></rdf:RDF>
  </metadata>
  <defs><linearGradient id="shine"><stop offset="0" stop-color="#fc0"/><stop offset="1" stop-color="#f60"/>
    </linearGradient><filter id="blur"><feGaussianBlur stdDeviation="2"/></filter></defs>
  <g i:extraneous="self" inkscape:label="Layer 1" inkscape:groupmode="layer">
    <circle id="disc" cx="60" cy="60" r="50" fill="url(#shine)" filter="url(#blur)">
      <animate attributeName="opacity" values="0;1" dur="1s"/>
      <animateTransform attributeName="transform" type="rotate" from="0 60 60" to="360 60 60" dur="4s"/>
    </circle>
    <use xlink:href="#disc" href="#disc" x="2"/>
    <image width="10" height="10" xlink:href="data:image/png;base64,iVBORw0KGgo="/>
    <a href="https://example.org/criteria"><text x="60" y="64"><tspan>Badge</tspan></text></a>
    <flowRoot><flowRegion><rect width="10" height="10"/></flowRegion><flowPara>Kept</flowPara></flowRoot>
  </g>
</svg>
"""


def test_plain_drawings_editor_metadata_and_the_public_fixtures_pass() -> None:
    refuse_active_svg(SVG.format('<a xlink:href="https://example.org/"><circle r="4" fill="red"/></a>').encode())
    refuse_active_svg(INKSCAPE_AND_ILLUSTRATOR.encode())
    fixtures = sorted(FIXTURES.glob("*.svg")) if FIXTURES.is_dir() else []
    for path in fixtures:
        refuse_active_svg(path.read_bytes())


def test_the_build_reports_the_badge_and_publishes_nothing(tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": MINIMAL_CONFIG,
            "badges/scripted.yml": "name: Scripted\nissuer: AWS\nearned: 2024-05-31\nimage: scripted.svg\n",
            "badges/scripted.svg": SVG.format("<script>alert(document.cookie)</script>"),
        },
    )
    result = run_cli("build", site, "--today", TODAY)
    assert result.returncode == 1
    assert "badges/scripted.yml" in result.stderr and "<script>" in result.stderr
    assert not (site / "_site").exists()


@pytest.mark.parametrize("bypass", sorted(BYPASSES))
def test_the_build_refuses_each_scripted_badge_that_ran_in_chromium(tmp_path: Path, bypass: str) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": MINIMAL_CONFIG,
            "badges/scripted.yml": "name: Scripted\nissuer: AWS\nearned: 2024-05-31\nimage: scripted.svg\n",
            "badges/scripted.svg": SVG.format(BYPASSES[bypass]),
        },
    )
    result = run_cli("build", site, "--today", TODAY)
    assert result.returncode == 1
    assert "badges/scripted.yml" in result.stderr
    assert "badgesite publishes no active content" in result.stderr
    assert not (site / "_site").exists()
