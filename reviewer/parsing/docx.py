"""Word documents (.docx) in: the text of paragraphs, lists and tables, headings from styles.

python-docx reads the package; this module only decides what a paragraph *is* and which of its
runs count. The reading order and the paragraph numbering live here and nowhere else: the Word
renderer (``reviewer.render.docx``) walks the same paragraphs to anchor its comments, so a
finding's ``location.paragraph`` means the same paragraph for both.

What counts as text: body paragraphs, paragraphs in table cells (nested tables included) and in
block-level content controls, each in document order. Headers, footers, footnotes, comments and
text boxes are not the draft and are left out. Tracked changes are read as accepted: inserted
text counts, deleted text does not; how many changes are still open is reported as a note.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from reviewer.errors import InputError
from reviewer.parsing.extracted import Extracted, MarkdownWriter, Piece

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

MAX_DOCX_BYTES = 20 * 1024 * 1024  # text is kilobytes; megabytes are pictures the review ignores
# the unpacked main part: more than any real draft needs, less than a zip bomb makes
MAX_XML_BYTES = 64 * 1024 * 1024
_PICTURES_HINT = " (the review reads only the text: save a copy without pictures, or compress them)"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, and .docx encrypted with a password

ParagraphKind = Literal["heading", "title", "list_item", "quote", "paragraph"]

# Runs that are part of the accepted text: inside insertions and moves-to, hyperlinks, smart
# tags, fields and inline content controls; not deleted or moved-away text, not text boxes
# (their runs sit inside a drawing inside a run of this paragraph).
_ACCEPTED_RUNS = (
    ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom)"
    " and not(ancestor::w:txbxContent) and not(ancestor::w:r)]"
)
_BLOCKS = "./w:p | ./w:tbl | ./w:sdt/w:sdtContent/w:p | ./w:sdt/w:sdtContent/w:tbl"
_CELLS = "./w:tc | ./w:sdt/w:sdtContent/w:tc"
_ROWS = "./w:tr | ./w:sdt/w:sdtContent/w:tr"
_INSERTIONS = ".//w:ins | .//w:moveTo"
_DELETIONS = ".//w:del | .//w:moveFrom"
_OUTLINE_LEVEL = "./w:pPr/w:outlineLvl/@w:val"
_NUMBERING = "./w:pPr/w:numPr/w:numId/@w:val"

# Built-in style names as python-docx reports them, plus the names localised Word and
# LibreOffice write into styles.xml ("Überschrift 1", "Titre 2", "Kop 3", ...).
_HEADING_NAME = re.compile(
    r"^(?:heading|überschrift|uberschrift|titre|título|titulo|titolo|kop|rubrik|nagłówek|otsikko)"
    r"\s*(\d)$",
    re.IGNORECASE,
)
_TITLE_NAMES = frozenset({"title", "titel", "titre", "título", "titolo", "tytuł"})
_QUOTE_NAME = re.compile(r"quote|zitat|citation|cita", re.IGNORECASE)
_LIST_NAME = re.compile(
    r"^(?:list|liste|listenabsatz|aufzählung|aufzaehlung|paragraphe de liste)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class WordParagraph:
    """One paragraph of the document in reading order; ``index`` is its place in that order."""

    index: int
    paragraph: Paragraph
    in_table: bool


@dataclass
class TableRows:
    """A table: rows of cells, each cell the paragraphs it holds (nested tables flattened)."""

    rows: list[list[list[WordParagraph]]] = field(default_factory=list)


def open_docx(data: bytes, name: str) -> WordDocument:
    """Open a .docx with python-docx, or raise one clear InputError for everything else."""
    import io

    if not data:
        raise InputError(f"{name}: file is empty")
    if len(data) > MAX_DOCX_BYTES:
        raise InputError(
            f"{name}: file is {len(data) / 1024 / 1024:.1f} MiB; drafts over "
            f"{MAX_DOCX_BYTES // 1024 // 1024} MiB are refused{_PICTURES_HINT}"
        )
    if data.startswith(OLE_SIGNATURE):
        raise InputError(_ole_reason(data, name))
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(f"{name}: not a Word document (.docx is a zip package; this is not one)")
    _check_package(data, name)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError(f"{name}: damaged or not a Word document ({_short(exc)})") from None
    except Exception as exc:  # noqa: BLE001 - lxml's XMLSyntaxError and friends: a broken part
        raise InputError(f"{name}: damaged Word document ({_short(exc)})") from None


def read_docx(path: str | Path) -> Extracted:
    """Read a .docx from disk; see ``extract_docx``."""
    from reviewer.reading import read_bytes

    name, data = read_bytes(str(path), MAX_DOCX_BYTES, too_large_hint=_PICTURES_HINT)
    return extract_docx(data, name)


def extract_docx(data: bytes, name: str) -> Extracted:
    """The draft's text as Markdown with a paragraph map, its title and keywords, and notes."""
    return extract_document(open_docx(data, name), name)


def extract_document(document: WordDocument, name: str) -> Extracted:
    """``extract_docx`` for a document python-docx has opened already."""
    items = list(iter_body(document))
    kinds = {
        p.index: classify(p.paragraph)
        for p in _flat(items)
        if not p.in_table  # a "heading" inside a table cell is table text
    }
    shift = 1 if any(kind == ("title", 1) for kind in kinds.values()) else 0
    writer = MarkdownWriter()
    for item in items:
        if isinstance(item, TableRows):
            writer.table(
                [
                    [[Piece(accepted_text(p.paragraph), p.index) for p in cell] for cell in row]
                    for row in item.rows
                ]
            )
            continue
        kind, level = kinds[item.index]
        pieces = [Piece(accepted_text(item.paragraph), item.index)]
        if kind == "title":
            writer.heading(1, pieces)
        elif kind == "heading":
            writer.heading(level + shift, pieces)
        elif kind == "list_item":
            writer.list_item(pieces)
        elif kind == "quote":
            writer.quote(pieces)
        else:
            writer.paragraph(pieces)
    content, paragraphs = writer.build()
    if not content.strip():
        raise InputError(f"{name}: the Word document contains no text")
    props = document.core_properties
    keywords = [k.strip() for k in re.split(r"[;,]", props.keywords or "") if k.strip()]
    return Extracted(
        content=content,
        paragraphs=paragraphs,
        origin="docx",
        title=(props.title or "").strip() or None,
        keywords=keywords,
        notes=_tracked_change_notes(document, name),
    )


# --- reading order ---------------------------------------------------------------------------
def iter_body(document: WordDocument) -> Iterator[WordParagraph | TableRows]:
    """Body paragraphs and tables in document order, paragraphs numbered in reading order."""
    counter = iter(range(1 << 62))
    yield from _blocks(document.element.body, document._body, counter)


def word_paragraphs(document: WordDocument) -> list[WordParagraph]:
    """Every paragraph in reading order: ``result[i].index == i``."""
    return list(_flat(iter_body(document)))


def _blocks(element, parent, counter: Iterator[int]) -> Iterator[WordParagraph | TableRows]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element.xpath(_BLOCKS):
        if child.tag.endswith("}p"):
            yield WordParagraph(next(counter), Paragraph(child, parent), in_table=False)
        else:
            yield _table(Table(child, parent), counter)


def _table(table: Table, counter: Iterator[int]) -> TableRows:
    from docx.table import _Cell

    result = TableRows()
    for tr in table._tbl.xpath(_ROWS):
        row: list[list[WordParagraph]] = []
        for tc in tr.xpath(_CELLS):
            cell = _Cell(tc, table)
            paragraphs: list[WordParagraph] = []
            for item in _blocks(tc, cell, counter):
                if isinstance(item, TableRows):  # a nested table: its text belongs to the cell
                    paragraphs += [p for r in item.rows for c in r for p in c]
                else:
                    paragraphs.append(WordParagraph(item.index, item.paragraph, in_table=True))
            row.append(paragraphs)
        result.rows.append(row)
    return result


def _flat(items) -> Iterator[WordParagraph]:
    for item in items:
        if isinstance(item, TableRows):
            yield from (p for row in item.rows for cell in row for p in cell)
        else:
            yield item


# --- what a paragraph says and is ------------------------------------------------------------
def accepted_runs(paragraph: Paragraph) -> list[Run]:
    """The runs whose text a reader sees once every tracked change is accepted."""
    from docx.text.run import Run

    return [Run(r, paragraph) for r in paragraph._p.xpath(_ACCEPTED_RUNS)]


def accepted_text(paragraph: Paragraph) -> str:
    return "".join(run.text for run in accepted_runs(paragraph))


def classify(paragraph: Paragraph) -> tuple[ParagraphKind, int]:
    """What the paragraph's style makes it: title, heading (with level), list item, quote.

    The style's name decides first (python-docx reports built-in styles by their English UI
    name; localised documents name them "Überschrift 1" and so on), then the outline level a
    style or the paragraph itself sets, which every language's heading styles carry."""
    own_level = _outline_level(paragraph._p)
    if own_level is not None:
        return "heading", own_level
    style = paragraph.style
    is_list = bool(_numbered(paragraph._p))
    depth = 0
    while style is not None and depth < 10:
        name = (style.name or "").strip()
        match = _HEADING_NAME.match(name)
        if name.lower() in _TITLE_NAMES:
            return "title", 1
        if match and match.group(1) != "0":
            return "heading", int(match.group(1))
        level = _outline_level(style.element)
        if level is not None:
            return "heading", level
        if _QUOTE_NAME.search(name):
            return "quote", 0
        if is_list or _LIST_NAME.match(name) or _numbered(style.element):
            return "list_item", 0
        style = style.base_style
        depth += 1
    return ("list_item", 0) if is_list else ("paragraph", 0)


def _outline_level(element) -> int | None:
    """Outline levels 0-8 are heading levels 1-9 (9 means body text)."""
    values = element.xpath(_OUTLINE_LEVEL)
    if not values or not values[0].isdigit() or int(values[0]) > 8:
        return None
    return int(values[0]) + 1


def _numbered(element) -> bool:
    values = element.xpath(_NUMBERING)
    return bool(values) and values[0] != "0"


def _tracked_change_notes(document: WordDocument, name: str) -> list[str]:
    body = document.element.body
    insertions = len(body.xpath(_INSERTIONS))
    deletions = len(body.xpath(_DELETIONS))
    if not insertions and not deletions:
        return []
    return [
        f"{Path(name).name} has {insertions + deletions} unresolved tracked change(s) "
        f"({insertions} insertion(s), {deletions} deletion(s)); they were reviewed as accepted. "
        "Accept or reject them in Word before publishing."
    ]


# --- refusing what is not a readable .docx --------------------------------------------------
def _check_package(data: bytes, name: str) -> None:
    """Refuse a package whose main part is missing or would unpack to an absurd size."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            info = package.getinfo("word/document.xml")
    except KeyError:
        raise InputError(
            f"{name}: not a Word document (no word/document.xml in the package)"
        ) from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"{name}: damaged Word document ({_short(exc)})") from None
    if info.file_size > MAX_XML_BYTES:
        raise InputError(
            f"{name}: the document's text part unpacks to {info.file_size // 1024 // 1024} MiB; refused"
        )


def _ole_reason(data: bytes, name: str) -> str:
    """An OLE compound file is either an encrypted .docx or an old binary .doc."""
    import olefile

    try:
        with olefile.OleFileIO(data) as ole:
            if ole.exists("EncryptedPackage"):
                return (
                    f"{name}: the Word document is password-protected; remove the password "
                    "(File > Info > Protect Document) and save a copy to review"
                )
            if ole.exists("WordDocument"):
                return (
                    f"{name}: old binary Word format (.doc, Word 97-2003) is not supported; "
                    "save it as .docx (Word or LibreOffice: Save As > Word Document)"
                )
    except OSError as exc:
        return f"{name}: damaged Office file ({_short(exc)})"
    return f"{name}: an Office file, but not a Word document"


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]
