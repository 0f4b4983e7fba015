"""Parsing: front matter, Markdown and plain-text structure, sentences, words, offsets."""

from __future__ import annotations

import pytest

from reviewer.errors import InputError

DRAFT = """---
title: "Test"
language: de
words: {min: 10, max: 500}
keywords: ["KI-Tools"]
required_sections: ["Fazit"]
---

# Titel des Beitrags

Erster Absatz mit z. B. einer Abkürzung. Dr. Müller sagt, die Kosten sinken um ca. 3.5 % auf 1.000 €. Zweiter Satz!

Setext-Überschrift
------------------

- Ein Punkt mit **Fettdruck** und Text.
- Noch ein Punkt.

## Leer

### Unterpunkt ###

Text unter dem Unterpunkt.

> Ein Zitat steht hier.

```
code block ignored.
```
"""


def test_front_matter_becomes_brief(parse):
    doc = parse(DRAFT)
    assert doc.brief is not None
    assert doc.brief.words.min == 10 and doc.brief.words.max == 500
    assert doc.brief.keywords == ["KI-Tools"]
    assert doc.language == "de" and doc.language_source == "brief"
    assert doc.content[doc.body_start :].startswith("\n# Titel") or doc.content[
        doc.body_start :
    ].startswith("# Titel")


def test_blocks_carry_exact_offsets(parse):
    doc = parse(DRAFT)
    for block in doc.blocks:
        assert doc.content[block.start : block.end] == block.text
    headings = [(h.text, h.level) for h in doc.headings]
    assert headings == [
        ("Titel des Beitrags", 1),
        ("Setext-Überschrift", 2),
        ("Leer", 2),
        ("Unterpunkt", 3),
    ]
    kinds = [b.kind for b in doc.blocks]
    assert kinds.count("list_item") == 2
    assert "quote" in kinds and "code" in kinds
    list_item = next(b for b in doc.blocks if b.kind == "list_item")
    assert list_item.text.startswith("Ein Punkt")  # the "- " marker is not part of the text


def test_sentences_respect_abbreviations_and_numbers(parse):
    doc = parse(DRAFT)
    texts = [s.text for s in doc.sentences]
    assert "Erster Absatz mit z. B. einer Abkürzung." in texts
    assert "Dr. Müller sagt, die Kosten sinken um ca. 3.5 % auf 1.000 €." in texts
    assert "Zweiter Satz!" in texts
    for sentence in doc.sentences:
        assert doc.content[sentence.start : sentence.end] == sentence.text
    assert not any("code block" in t for t in texts)


def test_english_abbreviations(parse):
    doc = parse(
        "# T\n\nWe work with Acme Inc. in the U.S. market, e.g. with banks. Revenue grew 3.5 percent. Done.\n",
        language="en",
    )
    assert [s.text for s in doc.sentences] == [
        "We work with Acme Inc. in the U.S. market, e.g. with banks.",
        "Revenue grew 3.5 percent.",
        "Done.",
    ]


def test_word_count_follows_eval_convention(parse):
    doc = parse(
        "---\ntitle: x\n---\n# Ein Titel\n\n- Punkt eins – und zwei\n\n<!-- reviewer-disable -->\nText 3.5\n"
    )
    # words: Ein Titel Punkt eins und zwei Text 3.5 ; '#', '-', '–' and the comment do not count
    assert doc.word_count == 8


def test_line_and_column_are_one_based(parse):
    doc = parse("# A\n\nabc def\n")
    offset = doc.content.index("def")
    assert doc.line_col(offset) == (3, 5)
    assert doc.line_col(0) == (1, 1)


def test_sections_end_at_next_heading_of_any_level(parse):
    doc = parse(DRAFT)
    titles = {s.title: s for s in doc.sections}
    assert not titles["Leer"].has_text
    assert titles["Unterpunkt"].has_text
    assert titles["Setext-Überschrift"].has_text


def test_language_detected_without_brief(parse):
    de = parse(
        "# Titel\n\nDies ist ein deutscher Text über Marketing und Datenschutz im Mittelstand.\n"
    )
    en = parse(
        "# Title\n\nThis is an English text about marketing and data protection for small companies.\n"
    )
    assert (de.language, de.language_source) == ("de", "detected")
    assert (en.language, en.language_source) == ("en", "detected")


def test_plain_text_headings_are_recognised(parse):
    text = (
        "Ein langer Titel für einen Artikel über Datenschutz\n"
        "Der erste Absatz erklärt das Thema ausführlich. Er hat zwei Sätze.\n"
        "Erste Überschrift\n"
        "Zweite Überschrift direkt danach\n"
        "Noch ein Absatz mit Text, der mit einem Punkt endet.\n"
        "Autorin · 13. April 2024 um 9:25\n"
    )
    doc = parse(text, source="article.txt")
    assert doc.format == "text"
    assert [(h.text, h.level) for h in doc.headings] == [
        ("Ein langer Titel für einen Artikel über Datenschutz", 1),
        ("Erste Überschrift", 2),
        ("Zweite Überschrift direkt danach", 2),
    ]
    assert [s.title for s in doc.sections if not s.has_text] == ["Erste Überschrift"]


def test_markdown_without_heading_marks_uses_plain_text_rules(parse):
    text = "Titel ohne Zeichen\nErster Absatz hat Text.\nZwischentitel\nZweiter Absatz hat auch Text.\n"
    doc = parse(text, source="pasted.md")
    assert [h.text for h in doc.headings] == ["Titel ohne Zeichen", "Zwischentitel"]


@pytest.mark.parametrize(
    "text, message",
    [
        ("---\nlanguage: de\ntitle: a: b\n---\nbody\n", "line 3"),
        ("---\ntitle: x\nbody without end\n", "never closed"),
        ("---\n- a\n- b\n---\nbody\n", "mapping"),
        (
            "---\nwords: {min: 900, max: 600}\n---\nbody\n",
            "words.min (900) is greater than words.max (600)",
        ),
        ("---\nlanguage: fr\n---\nbody\n", "language must be 'de' or 'en'"),
    ],
)
def test_broken_front_matter_is_one_clear_error(parse, text, message):
    with pytest.raises(InputError) as excinfo:
        parse(text)
    assert message in str(excinfo.value)


def test_markdown_letter_without_headings_stays_markdown(parse):
    text = "Liebe Kundinnen und Kunden,\n\nwir haben neue Öffnungszeiten ab März.\n\nViele Grüße\n\nIhr Team\n"
    doc = parse(text, source="letter.md")
    assert doc.format == "markdown"
    assert doc.headings == []
