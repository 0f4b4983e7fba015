"""The Markdown written for Word and HTML input: its blocks are the source's blocks, whatever
the text says, and every character maps back to its source paragraph."""

from __future__ import annotations

import pytest

from reviewer.parsing.extracted import MarkdownWriter, Piece
from reviewer.parsing.markdown import parse_markdown

TRICKY_STARTS = [
    "# not a heading",
    "## neither",
    "- not a list",
    "* nor this",
    "+ nor this",
    "1. Quartal: alles gut",
    "2024) war ein gutes Jahr",
    "> not a quote",
    ">also not",
    "```not a fence",
    "~~~ nor this",
    "<div>not html</div>",
    "<!-- not a comment -->",
    "---",
    "***",
    "    indented text",
]


@pytest.mark.parametrize("text", TRICKY_STARTS)
def test_a_paragraph_stays_one_paragraph_whatever_it_starts_with(text):
    writer = MarkdownWriter()
    writer.paragraph([Piece("Before.", 0)])
    writer.paragraph([Piece(text, 1)])
    writer.paragraph([Piece("After.", 2)])
    content, mapping = writer.build()
    blocks = parse_markdown(content, 0)
    assert [b.kind for b in blocks] == ["paragraph"] * 3, content
    middle = blocks[1]
    where = mapping.locate(middle.start, middle.end)
    assert where["paragraph"] == 1
    # the source text, minus leading whitespace, is what the location covers
    assert text[where["start"] : where["end"]] == text.strip()


def test_headings_lists_quotes_and_tables():
    writer = MarkdownWriter()
    writer.heading(1, [Piece("Title #", 0)])
    writer.list_item([Piece("first item", 1)])
    writer.quote([Piece("a quote", 2)])
    writer.table(
        [
            [[Piece("Plan", 3)], [Piece("Price | net", 4)]],
            [[Piece("Starter", 5)], [Piece("49", 6), Piece("euros", 7)]],
        ]
    )
    content, mapping = writer.build()
    blocks = parse_markdown(content, 0)
    assert [(b.kind, b.level) for b in blocks] == [
        ("heading", 1),
        ("list_item", 0),
        ("quote", 0),
        ("table", 0),
    ]
    assert blocks[0].text.replace("\\", "") == "Title #"
    price = content.index("Price")
    assert mapping.locate(price, price + len("Price \\| net")) == {
        "paragraph": 4,
        "start": 0,
        "end": 11,
    }
    euros = content.index("euros")
    assert mapping.locate(euros, euros + 5) == {"paragraph": 7, "start": 0, "end": 5}


def test_line_breaks_and_tabs_keep_offsets():
    writer = MarkdownWriter()
    writer.paragraph([Piece("  one\ttwo\nthree  ", 0)])
    content, mapping = writer.build()
    assert content == "one two three\n"
    start = content.index("two")
    assert mapping.locate(start, start + 9) == {"paragraph": 0, "start": 6, "end": 15}
    assert "  one\ttwo\nthree  "[6:15] == "two\nthree"


def test_spans_over_several_paragraphs_name_both():
    writer = MarkdownWriter()
    writer.paragraph([Piece("first paragraph", 0)])
    writer.paragraph([Piece("second paragraph", 1)])
    content, mapping = writer.build()
    assert mapping.locate(6, content.index("second") + 6) == {
        "paragraph": 0,
        "start": 6,
        "end": 6,
        "end_paragraph": 1,
    }
    assert mapping.locate(len(content), len(content)) is None


def test_empty_pieces_write_nothing():
    writer = MarkdownWriter()
    writer.paragraph([Piece("   ", 0)])
    writer.heading(2, [Piece("", 1)])
    writer.table([[[Piece(" ", 2)]]])
    assert writer.build()[0] == ""
