"""Text extracted from a Word document or a web page, written as Markdown with a map back.

Word and HTML input become Markdown (``#`` headings, ``-`` list items, ``>`` quotes, pipe tables),
so every part of reviewer that reads a Document, re-parses stored content (the web UI, the
store) or shows it (renderers, the critique prompt) treats them like any Markdown draft. The
extracted Markdown is the reviewed content: a finding's ``start``/``end`` index it, so
``content[start:end] == text`` holds as for every draft.

Each source paragraph's characters are copied one for one, so a ``ParagraphMap`` can turn a
span of the content back into (paragraph, character offset) in the source document: that is
how findings become Word comments anchored on their exact text. Only what would change the
Markdown block structure is escaped (a paragraph that starts like a heading, list, quote, fence
or HTML block; a ``|`` inside a table cell); line breaks and tabs inside a paragraph become
spaces of the same length.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

# A paragraph whose text starts like this would change the Markdown block structure.
_BLOCK_START = re.compile(
    r"#{1,6}(?=\s|$)|[-*+](?=\s|$)|>|```|~~~|<(?=[A-Za-z/!?])|(?<=\d)[.)](?=\s|$)"
)
_ORDERED = re.compile(r"\d{1,9}(?=[.)](?:\s|$))")
_THEMATIC_BREAK = re.compile(r"(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_CONTROL = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class Piece:
    """The text of one source paragraph (or part of one), and where it sits in that paragraph."""

    text: str
    paragraph: int
    offset: int = 0  # offset of text[0] in the paragraph's text


@dataclass(frozen=True, slots=True)
class Segment:
    """``content[start:end]`` is ``paragraph``'s text from ``offset`` on, character for character."""

    start: int
    end: int
    paragraph: int
    offset: int


@dataclass
class ParagraphMap:
    """Where the characters of the extracted content came from in the source document."""

    segments: list[Segment]
    _starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._starts = [segment.start for segment in self.segments]

    def locate(self, start: int, end: int) -> dict[str, int] | None:
        """The source position of ``content[start:end]``: its paragraph and character range,
        plus ``end_paragraph`` when the span runs into a later paragraph. None when the span
        covers no source character (a Markdown marker only)."""
        first = self._first_segment_from(start)
        last = self._last_segment_before(end)
        if first is None or last is None or first.start >= end or last.end <= start:
            return None
        where = {
            "paragraph": first.paragraph,
            "start": first.offset + max(start - first.start, 0),
            "end": last.offset + min(end, last.end) - last.start,
        }
        if last.paragraph != first.paragraph:
            where["end_paragraph"] = last.paragraph
        return where

    def _first_segment_from(self, offset: int) -> Segment | None:
        index = bisect_right(self._starts, offset) - 1
        if index >= 0 and self.segments[index].end > offset:
            return self.segments[index]
        following = index + 1
        return self.segments[following] if following < len(self.segments) else None

    def _last_segment_before(self, offset: int) -> Segment | None:
        index = bisect_right(self._starts, offset - 1) - 1
        return self.segments[index] if index >= 0 else None


@dataclass
class Extracted:
    """What a reader of a Word document or web page hands to ``parse_document``."""

    content: str
    paragraphs: ParagraphMap
    origin: str  # "docx" or "html"
    title: str | None = None
    keywords: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)


class MarkdownWriter:
    """Builds the Markdown text block by block and records where every character came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._segments: list[Segment] = []

    @property
    def empty(self) -> bool:
        return not self._parts

    def heading(self, level: int, pieces: Sequence[Piece]) -> None:
        self._block("#" * max(1, min(level, 6)) + " ", pieces, heading=True)

    def paragraph(self, pieces: Sequence[Piece]) -> None:
        self._block("", pieces)

    def list_item(self, pieces: Sequence[Piece]) -> None:
        self._block("- ", pieces)

    def quote(self, pieces: Sequence[Piece]) -> None:
        self._block("> ", pieces)

    def table(self, rows: Sequence[Sequence[Sequence[Piece]]]) -> None:
        """A pipe table; each cell is the pieces of its paragraphs, joined by spaces."""
        rows = [row for row in rows if any(_visible(cell) for cell in row)]
        if not rows:
            return
        width = max(len(row) for row in rows)
        self._separate()
        for number, row in enumerate(rows):
            if number == 1:
                self._emit("|" + " --- |" * width + "\n")
            self._emit("|")
            for column in range(width):
                self._emit(" ")
                cell = row[column] if column < len(row) else []
                first = True
                for piece in _trimmed(cell):
                    if not first:
                        self._emit(" ")
                    self._copy(piece, escape_pipes=True)
                    first = False
                self._emit(" |")
            self._emit("\n")
        if len(rows) == 1:
            self._emit("|" + " --- |" * width + "\n")
        self._parts[-1] = self._parts[-1].removesuffix("\n")
        self._length -= 1

    def build(self) -> tuple[str, ParagraphMap]:
        return "".join(self._parts) + "\n" if self._parts else "", ParagraphMap(self._segments)

    # --- internals -----------------------------------------------------------------------------
    def _block(self, marker: str, pieces: Sequence[Piece], *, heading: bool = False) -> None:
        pieces = _trimmed(pieces)
        if not pieces:
            return
        self._separate()
        self._emit(marker)
        for number, piece in enumerate(pieces):
            text = _CONTROL.sub(" ", piece.text)
            if number == 0:
                piece = self._escape_block_start(piece, text)
                text = _CONTROL.sub(" ", piece.text)
            if heading and number == len(pieces) - 1 and re.search(r"(^|\s)#+\s*$", text):
                cut = len(text.rstrip().rstrip("#"))
                self._copy(Piece(piece.text[:cut], piece.paragraph, piece.offset))
                self._emit("\\")
                self._copy(Piece(piece.text[cut:], piece.paragraph, piece.offset + cut))
            else:
                self._copy(piece)

    def _escape_block_start(self, piece: Piece, text: str) -> Piece:
        """Emit a backslash where the paragraph's first characters would read as Markdown
        structure, and return the rest of the piece."""
        if _THEMATIC_BREAK.match(text):
            self._copy(Piece(piece.text[:1], piece.paragraph, piece.offset))
            self._emit("\\")
            return Piece(piece.text[1:], piece.paragraph, piece.offset + 1)
        ordered = _ORDERED.match(text)
        cut = ordered.end() if ordered else 0
        if _BLOCK_START.match(text, cut):
            if cut:
                self._copy(Piece(piece.text[:cut], piece.paragraph, piece.offset))
            self._emit("\\")
            return Piece(piece.text[cut:], piece.paragraph, piece.offset + cut)
        return piece

    def _copy(self, piece: Piece, *, escape_pipes: bool = False) -> None:
        text = _CONTROL.sub(" ", piece.text)
        position = 0
        while position < len(text):
            pipe = text.find("|", position) if escape_pipes else -1
            stop = pipe if pipe != -1 else len(text)
            if stop > position:
                self._segments.append(
                    Segment(
                        self._length,
                        self._length + stop - position,
                        piece.paragraph,
                        piece.offset + position,
                    )
                )
                self._emit(text[position:stop])
            if pipe == -1:
                break
            self._emit("\\")
            self._segments.append(
                Segment(self._length, self._length + 1, piece.paragraph, piece.offset + pipe)
            )
            self._emit("|")
            position = pipe + 1

    def _separate(self) -> None:
        if self._parts:
            self._emit("\n\n")

    def _emit(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)


def _trimmed(pieces: Iterable[Piece]) -> list[Piece]:
    """The pieces without leading and trailing whitespace (offsets kept) and without empties."""
    result = []
    for piece in pieces:
        text = _CONTROL.sub(" ", piece.text)
        stripped = text.strip()
        if not stripped:
            continue
        lead = len(text) - len(text.lstrip())
        result.append(
            Piece(piece.text[lead : lead + len(stripped)], piece.paragraph, piece.offset + lead)
        )
    return result


def _visible(cell: Sequence[Piece]) -> bool:
    return any(piece.text.strip() for piece in cell)
