from __future__ import annotations

from badgesite.render.markdown import render_markdown


def test_tables_footnotes_and_heading_anchors() -> None:
    html = render_markdown("## Über uns\n\n|a|b|\n|-|-|\n|1|2|\n\nNote[^1]\n\n[^1]: Source.\n")
    assert '<h2 id="uber-uns">Über uns</h2>' in html
    assert "<table>" in html and "<td>1</td>" in html
    assert 'class="footnotes"' in html


def test_raw_html_and_unsafe_links_stay_inert() -> None:
    html = render_markdown("<script>alert(1)</script> [x](javascript:alert(1)) [y](data:text/html,z)\n")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript' not in html and 'href="data' not in html


def test_root_relative_links_are_placed_under_the_base_path() -> None:
    html = render_markdown("[b](/badges/x/) [c](//cdn.example/y) [d](../up/) ![i](/assets/p.png)\n", "/portfolio/")
    assert 'href="/portfolio/badges/x/"' in html
    assert 'src="/portfolio/assets/p.png"' in html
    assert 'href="//cdn.example/y"' in html
    assert 'href="../up/"' in html
    assert 'href="/badges/x/"' in render_markdown("[b](/badges/x/)\n", "/")
