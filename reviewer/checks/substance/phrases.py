"""Across sections: phrases that come back in several sections, and sections that share most of
their content words.

A repeated phrase is a run of ``phrase_words`` or more words with at least three content words,
starting and ending with one, matched on lemmas ("im Zusammenhang mit KI im B2B Marketing" and
"im Zusammenhang mit KI im B2B-Marketing" differ; "Herausforderungen"/"Herausforderung" do not).
Longer runs are found first; a shorter run inside them is not reported again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reviewer.checks.substance.details import TOKEN
from reviewer.checks.substance.markers import LINK
from reviewer.checks.substance.sections import SectionInfo
from reviewer.language.lemmas import lemma
from reviewer.language.stopwords import is_function_word

MIN_CONTENT_WORDS = 3
MAX_PHRASE_WORDS = 10
# A phrase does not run across a sentence end, a colon, a line break, brackets or emphasis marks:
# "Dauer:** 4 Monate" is a label and its value, not a phrase.
_BREAK = re.compile(r"[.:;!?\n()\[\]*|]")


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    key: str
    content: bool


@dataclass
class Phrase:
    text: str
    occurrences: list[tuple[int, int, int]]  # (section index, start, end)

    @property
    def sections(self) -> list[int]:
        return sorted({o[0] for o in self.occurrences})


def _tokens(content: str, section: SectionInfo, language: str) -> list[list[_Token]]:
    """Runs of words between breaks (headings included), with lemma keys and offsets; links
    are left out."""
    blocks = ([section.heading] if section.heading else []) + section.blocks
    runs: list[list[_Token]] = []
    for block in blocks:
        links = [m.span() for m in LINK.finditer(content, block.start, block.end)]
        run: list[_Token] = []
        previous = block.start
        for match in TOKEN.finditer(content, block.start, block.end):
            if any(a <= match.start() < b for a, b in links) or _BREAK.search(
                content, previous, match.start()
            ):
                runs.append(run)
                run = []
            previous = match.end()
            if any(a <= match.start() < b for a, b in links):
                continue
            word = match.group(0)
            function = is_function_word(word, language)
            key = word.casefold() if function else lemma(word, language)
            content_word = not function and not word[:1].isdigit()
            run.append(_Token(match.start(), match.end(), key, content_word))
        runs.append(run)
    return [run for run in runs if len(run) >= 2]


def repeated_phrases(
    content: str, sections: list[SectionInfo], language: str, min_words: int, min_sections: int
) -> list[Phrase]:
    """Phrases in ``min_sections`` or more sections, longest first, each once."""
    tokens = [_tokens(content, s, language) for s in sections]
    found: list[Phrase] = []
    covered: list[tuple[int, int]] = []
    for size in range(MAX_PHRASE_WORDS, min_words - 1, -1):
        grams: dict[tuple[str, ...], list[tuple[int, int, int]]] = {}
        for index, runs in enumerate(tokens):
            for run in runs:
                for i in range(len(run) - size + 1):
                    window = run[i : i + size]
                    if not (window[0].content and window[-1].content):
                        continue
                    if sum(t.content for t in window) < MIN_CONTENT_WORDS:
                        continue
                    key = tuple(t.key for t in window)
                    grams.setdefault(key, []).append((index, window[0].start, window[-1].end))
        for occurrences in grams.values():
            if len({o[0] for o in occurrences}) < min_sections:
                continue
            if all(any(a <= s and e <= b for a, b in covered) for _, s, e in occurrences):
                continue
            first = occurrences[0]
            found.append(Phrase(content[first[1] : first[2]], occurrences))
            covered.extend((s, e) for _, s, e in occurrences)
    found.sort(key=lambda p: (-len(p.sections), p.occurrences[0][1]))
    return found


def overlapping_sections(
    sections: list[SectionInfo], language: str, min_words: int, threshold: float
) -> list[dict[str, Any]]:
    """Pairs of sections whose content-word lemmas overlap by ``threshold`` or more (Jaccard)."""
    bags = []
    for section in sections:
        if section.words < min_words:
            bags.append(None)
            continue
        words = set()
        for block in section.blocks:
            for match in TOKEN.finditer(block.text):
                if not is_function_word(match.group(0), language):
                    words.add(lemma(match.group(0), language))
        bags.append(words)
    pairs = []
    for i, a in enumerate(bags):
        for j in range(i + 1, len(bags)):
            b = bags[j]
            if a and b:
                share = len(a & b) / len(a | b)
                if share >= threshold:
                    pairs.append(
                        {
                            "sections": [sections[i].title, sections[j].title],
                            "overlap": round(share, 2),
                        }
                    )
    return pairs
