"""Word drafts built with python-docx for the .docx tests: headings, lists, tables, tracked
changes, German and English. The texts are our own; names and numbers are invented."""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

EN_PARAGRAPHS = (
    "Most maintenance teams still plan inspections on paper. That costs time and hides the "
    "patterns that announce a failure weeks before it happens.",
    "Sensors on pumps and conveyors report vibration and temperature every minute. The "
    "software compares each value with the machine's own history and warns the team early.",
    "Ask Oliver Hartwell from our pilot customer how the first month went, or call him on "
    "+44 7700 900123.",
    "Our platform is the best solution on the market and guarantees zero downtime.",
)

DE_PARAGRAPHS = (
    "Viele Instandhaltungsteams planen Inspektionen noch auf Papier. Das kostet Zeit und "
    "verdeckt die Muster, die einen Ausfall Wochen vorher ankündigen.",
    "Sensoren an Pumpen und Förderbändern melden jede Minute Schwingung und Temperatur. Die "
    "Software vergleicht jeden Wert mit der Geschichte der Maschine und warnt das Team früh.",
    "Fragen Sie Carla Neumeister vom Pilotkunden, wie der erste Monat lief, oder rufen Sie sie "
    "unter 0176 2291845 an.",
    "Unsere Plattform ist die beste Lösung am Markt und garantiert null Ausfallzeit.",
)


def english_draft(path: Path) -> Path:
    """Title, Heading 1/2, paragraphs with personal data and a claim, a list, a table."""
    document = docx.Document()
    document.add_heading("Predictive maintenance without the guesswork", 0)
    document.add_paragraph(EN_PARAGRAPHS[0])
    document.add_heading("How it works", 1)
    document.add_paragraph(EN_PARAGRAPHS[1])
    document.add_paragraph("Vibration and temperature sensors", style="List Bullet")
    document.add_paragraph("A dashboard for the whole plant", style="List Bullet")
    document.add_paragraph("Alerts by e-mail and text message", style="List Number")
    document.add_heading("What customers say", 2)
    mixed = document.add_paragraph()
    # one sentence in several runs with different formatting: anchors must split them
    for text, bold in zip(_split_runs(EN_PARAGRAPHS[2]), (False, True, False, True), strict=True):
        mixed.add_run(text).bold = bold
    document.add_paragraph(EN_PARAGRAPHS[3])
    table = document.add_table(rows=3, cols=2)
    for row, (left, right) in enumerate(
        (("Plan", "Price per month"), ("Starter", "490 euros"), ("Plant", "1,900 euros"))
    ):
        table.cell(row, 0).text = left
        table.cell(row, 1).text = right
    document.add_heading("Conclusion", 1)
    document.add_paragraph("Start with one line and measure the downtime before and after.")
    document.core_properties.title = "Predictive maintenance"
    document.core_properties.keywords = "predictive maintenance, sensors"
    document.save(path)
    return path


def german_draft(path: Path) -> Path:
    """German style names: 'Überschrift 1' by name, 'Zwischentitel' only by outline level."""
    document = docx.Document()
    document.styles["Heading 1"].name = "Überschrift 1"
    styles = document.styles
    level_two = styles.add_style("Überschrift 2", WD_STYLE_TYPE.PARAGRAPH)
    level_two.base_style = styles["Normal"]
    by_outline = styles.add_style("Zwischentitel", WD_STYLE_TYPE.PARAGRAPH)
    by_outline.base_style = styles["Normal"]
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "1")
    by_outline.element.get_or_add_pPr().append(outline)
    document.add_paragraph("Vorausschauende Wartung ohne Rätselraten", style="Überschrift 1")
    document.add_paragraph(DE_PARAGRAPHS[0])
    document.add_paragraph("So funktioniert es", style="Überschrift 2")
    document.add_paragraph(DE_PARAGRAPHS[1])
    document.add_paragraph("Sensoren für Schwingung und Temperatur", style="List Bullet")
    document.add_paragraph("Stimmen von Kunden", style="Zwischentitel")
    document.add_paragraph(DE_PARAGRAPHS[2])
    document.add_paragraph(DE_PARAGRAPHS[3])
    document.save(path)
    return path


def tracked_draft(path: Path) -> Path:
    """A paragraph with an unresolved insertion and deletion (as Word writes them)."""
    document = docx.Document()
    document.add_heading("Quarterly maintenance report", 1)
    paragraph = document.add_paragraph("The pilot plant ran ")
    insert_tracked(paragraph, "without a single unplanned stop ", deleted=False)
    insert_tracked(paragraph, "with three unplanned stops ", deleted=True)
    paragraph.add_run("for twelve weeks. Contact Oliver Hartwell for the figures.")
    document.save(path)
    return path


def insert_tracked(paragraph: Paragraph, text: str, *, deleted: bool) -> None:
    """Append ``text`` to the paragraph as a tracked insertion or deletion."""
    change = OxmlElement("w:del" if deleted else "w:ins")
    change.set(qn("w:id"), str(len(paragraph._p) + 100))
    change.set(qn("w:author"), "Editor")
    change.set(qn("w:date"), dt.datetime(2024, 5, 2, 9, 0).isoformat() + "Z")
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:delText" if deleted else "w:t")
    text_element.set(qn("xml:space"), "preserve")
    text_element.text = text
    run.append(text_element)
    change.append(run)
    paragraph._p.append(change)


def empty_draft(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("")
    document.add_paragraph("   ")
    document.save(path)
    return path


def picture_draft(path: Path, megabytes: int) -> Path:
    """A short draft carrying a picture of ``megabytes`` MB (noise: it does not compress)."""
    picture = path.with_suffix(".png")
    picture.write_bytes(noise_png(megabytes * 1024 * 1024))
    document = docx.Document()
    document.add_heading("A draft with a large picture", 1)
    document.add_paragraph("The text is short; the picture is what makes the file large.")
    document.add_picture(str(picture))
    document.save(path)
    picture.unlink()
    return path


def noise_png(size: int) -> bytes:
    """A valid PNG header with ``size`` bytes of incompressible image data."""
    import os

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", 2048, 2048, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", os.urandom(size))
        + chunk(b"IEND", b"")
    )


def _split_runs(sentence: str) -> list[str]:
    """Four pieces, cut inside words, so finding spans start and end within runs."""
    quarter = len(sentence) // 4
    cuts = [quarter + 3, 2 * quarter + 1, 3 * quarter + 2]
    pieces, previous = [], 0
    for cut in cuts:
        pieces.append(sentence[previous:cut])
        previous = cut
    pieces.append(sentence[previous:])
    return pieces
