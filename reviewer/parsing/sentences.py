"""Sentence and word spans for German and English (pySBD: rules that know "z. B.", "Dr.", "3.5")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# A whitespace-separated token that holds a letter or digit, in one scan (not a scan for tokens
# and a search for a letter in each): a match can only start at a token's first character (a token without a
# letter or digit matches nowhere in it) and runs to the token's end.
ALNUM_TOKEN = re.compile(r"[^\s\w]*\w\S*")

# pySBD's abbreviation rules take time superlinear in the length of what they are given: a 400 KB
# line took 25 s, 2 MB seven minutes. Real sentences are far shorter than this, so text is handed
# to it in windows of at most this many characters (see ``split_sentences``).
MAX_WINDOW = 3000
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


@lru_cache(maxsize=4)
def _segmenter(language: str):
    import pysbd

    from reviewer.parsing.sentence_abbreviations import faster_language
    from reviewer.parsing.sentence_regex import install

    install("pysbd")  # same sentences, fewer regex runs (see both modules)
    segmenter = pysbd.Segmenter(
        language=language if language in ("de", "en") else "en", clean=False, char_span=True
    )
    segmenter.language_module = faster_language(segmenter.language_module)
    return segmenter


def split_sentences(text: str, start: int, end: int, language: str) -> list[Span]:
    """Sentences of ``text[start:end]``, trimmed, with offsets into ``text``.

    Long text goes to pySBD in windows of at most ``MAX_WINDOW`` characters. The last sentence
    of a window may be cut off by the window's end, so it is not kept: the next window starts
    where it started. Only a window pySBD finds no boundary in is kept whole (an endless line).
    """
    if not text[start:end].strip():
        return []
    spans: list[Span] = []
    lo = start
    while lo < end:
        hi = window_end(text, lo, end)
        pieces = _segment(text, lo, hi, language)
        if hi < end and len(pieces) > 1:
            last_start = pieces.pop()[0]
            hi = last_start
        spans.extend(Span(s, e, text[s:e]) for _, s, e in pieces if s < e)
        lo = hi
    return spans


def window_end(text: str, lo: int, end: int, size: int = MAX_WINDOW) -> int:
    """Where a window starting at ``lo`` ends: ``end`` when near, else after the last
    whitespace in the window's second half, else (one endless word) ``size`` characters on."""
    if end - lo <= size:
        return end
    hi = lo + size
    cut = None
    for match in _SPACE.finditer(text, lo + size // 2, hi):
        cut = match.end()
    return cut if cut is not None and cut < hi else hi


def _segment(text: str, lo: int, hi: int, language: str) -> list[tuple[int, int, int]]:
    """pySBD on ``text[lo:hi]``: per sentence (where it starts, trimmed start, trimmed end)."""
    window = text[lo:hi]
    if not window.strip():
        return []
    pieces: list[tuple[int, int, int]] = []
    cursor = 0
    for piece in _segmenter(language).segment(window):
        # pySBD's offsets can drift on repeated sentences; locate each piece from the cursor.
        sentence = piece.sent
        found = window.find(sentence, cursor)
        if found == -1:
            found = piece.start
        s, e = found, found + len(sentence)
        cursor = e
        while s < e and window[s].isspace():
            s += 1
        while e > s and window[e - 1].isspace():
            e -= 1
        if s < e:
            pieces.append((lo + found, lo + s, lo + e))
    return pieces


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Whitespace-separated tokens of ``text[start:end]`` that contain a letter or digit
    (Markdown markers such as '#', '-', '–' do not count), with offsets into ``text``."""
    end = len(text) if end is None else end
    return [Span(m.start(), m.end(), m.group(0)) for m in ALNUM_TOKEN.finditer(text, start, end)]


def word_texts(text: str) -> list[str]:
    """The text of each of ``word_spans(text)``, without building spans (readability asks for
    the words of every sentence and block)."""
    return ALNUM_TOKEN.findall(text)
