"""Forbidden phrases, matched the way people actually vary them.

A phrase is written as plain words. Matching ignores case and tolerates any run of whitespace,
hyphens and line breaks between words ("Game-Changer" = "game changer" = "Gamechanger"), both
apostrophes (' and ’), and "ß" written as "ss". Two small wildcards keep the pack short:

- ``word*``  a word that starts like this ("revolutionier*" → revolutioniert, revolutionieren)
- ``…`` or ``...`` as a word of its own: one to four words ("take your … to the next level")
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from reviewer.checks.guidelines.engines import (
    Hit,
    has_any,
    lowered_matching_text,
    make_hit,
    matching_text,
    text_regions,
)
from reviewer.parsing.regex_analysis import required_words

if TYPE_CHECKING:
    from reviewer.checks.guidelines.pack import PhrasesRule
    from reviewer.document import Document

# Matching runs on reviewer.checks.guidelines.engines.matching_text, where dashes, special spaces and apostrophes are
# already plain ASCII: keeping non-ASCII out of character classes makes compiling 4x faster.
_DASHES = "-\u2010\u2011\u2012\u2013\u00ad"  # accepted in phrases as written by authors
_GAP = r"[\s-]+"  # between two words of a phrase
_JOIN = r"[\s-]*"  # where the phrase has a hyphen: "Game-Changer" also matches "Gamechanger"
_WILDCARD = r"[^\s.,!?;:]+(?:\s+[^\s.,!?;:]+){0,3}?"


def phrase_regex(phrase: str) -> str:
    """Regular-expression source for one phrase (see the module docstring for the syntax)."""
    words = phrase.strip().split()
    if not words:
        raise ValueError("empty phrase")
    parts: list[str] = []
    for word in words:
        if word in ("…", "..."):
            parts.append(_WILDCARD)
            continue
        stem = word.endswith("*") and len(word) > 1
        core = word[:-1] if stem else word
        pieces = [_piece(chunk) for chunk in re.split(f"[{_DASHES}]", core)]
        parts.append(_JOIN.join(pieces) + (r"\w*" if stem else ""))
    body = _GAP.join(parts)
    # Word boundaries only where the phrase starts or ends with a word character.
    head = r"(?<!\w)" if re.match(r"\w", words[0]) else ""
    tail = r"(?!\w)" if re.search(r"\w$", words[-1]) else ""
    return head + body + tail


def _piece(chunk: str) -> str:
    out = []
    for char in chunk:
        if char in "'\u2019\u2018":
            out.append("'")
        elif char == "ß":
            out.append("(?:ß|ss)")
        else:
            out.append(re.escape(char))
    return "".join(out)


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive alternation for many phrases; the longest wins at a position.

    A lookahead on the possible first letters lets the engine skip most positions at once, which
    makes a list of a hundred phrases about five times faster to run over a text."""
    phrases = [p for p in phrases if p.strip()]
    sources = sorted({phrase_regex(p) for p in phrases}, key=len, reverse=True)
    if not sources:
        return None
    body = "|".join(f"(?:{s})" for s in sources)
    firsts = {_first_char(p) for p in phrases}
    if None not in firsts:
        letters = "".join(sorted({c for f in firsts for c in (f.lower(), f.upper())}))
        # Every phrase starts a word: positions inside a word fail at once, before any alternative.
        body = f"(?<!\\w)(?=[{re.escape(letters)}])(?:{body})"
    return re.compile(body, re.IGNORECASE)


def _first_char(phrase: str) -> str | None:
    """The first character every match must start with, or None when it cannot be known."""
    first = phrase.strip().split()[0]
    if first in ("…", "...") or not first[0].isalnum() or first[0] == "ß":
        return None  # wildcard, punctuation, or "ß" (also matched as "ss")
    return first[0]


def find_spans(
    doc: Document, pattern: re.Pattern[str] | None, scope: str = "text"
) -> list[tuple[int, int]]:
    """Non-overlapping matches of ``pattern`` inside the rule's regions, as ``(start, end)``."""
    if pattern is None:
        return []
    spans = []
    text = matching_text(doc)
    words = _words_in(doc, pattern)
    if words is not None and not words:
        return []  # none of the words a match needs is in the draft
    for start, end in text_regions(doc, scope):
        if words is not None and not has_any(lowered_matching_text(doc), words, start, end):  # type: ignore[arg-type]
            continue
        for match in pattern.finditer(text, start, end):
            if match.end() > match.start():
                spans.append((match.start(), match.end()))
    return spans


def _words_in(doc: Document, pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The required words of ``pattern`` (``required_words``) that the draft holds; None when
    they are unknown or the draft cannot be prefiltered. A region without one is not scanned."""
    lowered = lowered_matching_text(doc)
    words = None if lowered is None else _required_words(pattern)
    return None if words is None else frozenset(w for w in words if w in lowered)  # type: ignore[operator]


@lru_cache(maxsize=1024)
def _required_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    return required_words(pattern.pattern, pattern.flags)


def drop_exceptions(
    doc: Document, spans: list[tuple[int, int]], exceptions: re.Pattern[str] | None, scope: str
) -> list[tuple[int, int]]:
    """Remove matches that sit inside an allowed wording ("Mitarbeiterinnen und Mitarbeiter")."""
    if exceptions is None or not spans:
        return spans
    allowed = find_spans(doc, exceptions, scope)
    return [s for s in spans if not any(a <= s[0] and s[1] <= b for a, b in allowed)]


def find(doc: Document, rule: PhrasesRule, language: str) -> list[Hit]:
    pattern = rule.compiled(language)
    spans = drop_exceptions(
        doc, find_spans(doc, pattern, rule.scope), rule.compiled_exceptions(language), rule.scope
    )
    return [make_hit(doc, rule, start, end) for start, end in spans]
