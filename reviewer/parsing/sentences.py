"""Sentence and word spans for German and English (pySBD: rules that know "z. B.", "Dr.", "3.5")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

WORD = re.compile(r"\S+")
HAS_ALNUM = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


@lru_cache(maxsize=4)
def _segmenter(language: str):
    import pysbd

    return pysbd.Segmenter(
        language=language if language in ("de", "en") else "en", clean=False, char_span=True
    )


def split_sentences(text: str, start: int, end: int, language: str) -> list[Span]:
    """Sentences of ``text[start:end]``, trimmed, with offsets into ``text``."""
    chunk = text[start:end]
    if not chunk.strip():
        return []
    spans: list[Span] = []
    cursor = 0
    for piece in _segmenter(language).segment(chunk):
        # pySBD's offsets can drift on repeated sentences; locate each piece from the cursor.
        sentence = piece.sent
        found = chunk.find(sentence, cursor)
        if found == -1:
            found = piece.start
        s, e = found, found + len(sentence)
        cursor = e
        while s < e and chunk[s].isspace():
            s += 1
        while e > s and chunk[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append(Span(start + s, start + e, chunk[s:e]))
    return spans


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Whitespace-separated tokens of ``text[start:end]`` that contain a letter or digit
    (Markdown markers such as '#', '-', '–' do not count), with offsets into ``text``."""
    end = len(text) if end is None else end
    return [
        Span(m.start(), m.end(), m.group(0))
        for m in WORD.finditer(text, start, end)
        if HAS_ALNUM.search(m.group(0))
    ]
