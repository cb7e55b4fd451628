from __future__ import annotations

import random

from badgesite.render.markdown import make_markdown, plain_line, render_markdown
from badgesite.render.plaintext import markdown_text


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


def _tricky_texts() -> list[str]:
    """Deterministic strings mixing words with everything that means something to Markdown or HTML."""
    pieces = [
        "word",
        "Kubernetes",
        "a b",
        "  ",
        " ",
        "\u00a0",
        "\t",
        "\n",
        "\n\n",
        '"',
        "'",
        "&",
        "&amp;",
        "<b>",
        ">",
        "*",
        "**",
        "_",
        "`",
        "[x](y)",
        "#",
        "- ",
        "+ ",
        "1. ",
        "2)",
        "===",
        "---",
        "|",
        "~~",
        "!",
        "\\",
        ":",
        "https://example.org",
        "é",
        "Übung",
        "\u2028",
        "\x00",
        "(c)",
        "--",
        "...",
        "0",
        "    code",
    ]
    generator = random.Random(20261129)
    texts = list(pieces)
    for _ in range(4000):
        texts.append("".join(generator.choice(pieces) for _ in range(generator.randint(1, 6))))
    return texts


def test_plain_lines_skip_the_parser_with_the_same_result() -> None:
    """The fast path for plain one-line text must agree with markdown-it on every input it accepts."""
    parser = make_markdown()
    accepted = 0
    for text in _tricky_texts():
        if plain_line(text) is None:
            continue
        accepted += 1
        assert render_markdown(text) == parser.render(text), repr(text)
        words = "".join(
            child.content for token in parser.parse(text) if token.type == "inline" for child in token.children or []
        )
        assert markdown_text(text) == " ".join(words.split()), repr(text)
    assert accepted > 100  # the generator does reach the fast path
    assert plain_line("Designs **secure** systems") is None
    assert plain_line("1. first") is None
    assert plain_line("two\nlines") is None
    assert plain_line('A "quoted", hands-on course: 3 days.') == 'A "quoted", hands-on course: 3 days.'
