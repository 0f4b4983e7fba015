"""Drafts pasted from a chat or a document into a .md file or the web form: plain lines are
their headings, as in .txt files, so a line "Fazit" is the section the brief asks for."""

from __future__ import annotations

from reviewer.checks import run_check
from reviewer.config import Config
from reviewer.document import parse_document

PASTED = """\
---
language: de
required_sections: ["Fazit"]
---
Leitfaden für die Nachbereitung von Messekontakten

Nach der Messe zählt jeder Tag. Schreiben Sie jedem Kontakt innerhalb von zwei Tagen.

Die ersten Schritte

Legen Sie fest, wer welche Kontakte übernimmt. Halten Sie die Gespräche kurz fest.

Fazit

Wer schnell und persönlich antwortet, gewinnt mehr Aufträge aus der Messe.
"""


def test_pasted_markdown_reads_plain_line_headings():
    doc = parse_document(PASTED, "pasted.md")
    assert doc.format == "text"
    assert [(h.text, h.level) for h in doc.headings] == [
        ("Leitfaden für die Nachbereitung von Messekontakten", 1),
        ("Die ersten Schritte", 2),
        ("Fazit", 2),
    ]
    rules = {f.rule for f in run_check("structure", doc, Config()).findings}
    assert "structure.no_title" not in rules
    assert "structure.missing_required_section" not in rules


def test_markdown_with_other_blocks_or_a_letter_stays_markdown():
    code = "Titel des Textes\n\nEin Absatz mit Text.\n\n```\nbeispiel\n```\n"
    assert parse_document(code, "a.md").format == "markdown"
    letter = "Liebe Kundinnen und Kunden,\n\nwir haben neue Öffnungszeiten.\n\nIhr Team\n"
    assert parse_document(letter, "letter.md").headings == []
    marked = "# Titel\n\nText.\n\nFazit\n\nMehr Text.\n"
    assert [h.text for h in parse_document(marked, "a.md").headings] == ["Titel"]
