"""Across sections: phrases that come back in several sections, and sections that share most of
their content words.

A repeated phrase is a run of ``phrase_words`` or more words with at least three content words,
starting and ending with one, matched on lemmas ("Herausforderungen"/"Herausforderung" match) and
not running across a sentence end, a colon, a line break or a link. Longer runs are found first;
a shorter run inside them is not reported again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from reviewer.checks.substance.details import TOKEN, word_key
from reviewer.checks.substance.markers import LINK
from reviewer.checks.substance.sections import SectionInfo

MIN_CONTENT_WORDS = 3
MAX_PHRASE_WORDS = 10
MAX_COMPARED = 120  # sections compared for overlap (7,140 pairs at most)
MAX_PAIRS = 20
# A phrase does not run across a sentence end, a colon, a line break, brackets, emphasis marks or
# a link: "Dauer:** 4 Monate" is a label and its value, not a phrase.
_BREAK = re.compile(LINK.pattern + r"|[.:;!?\n()\[\]*|]")

Occurrence = tuple[int, int, int]  # (section index, start, end)


@dataclass
class Run:
    """Words between two breaks: offsets, lemma keys, content-word flags and their prefix sums."""

    section: int
    starts: list[int]
    ends: list[int]
    keys: list[str]
    content: list[bool]
    content_sums: list[int]


@dataclass
class Phrase:
    text: str
    occurrences: list[Occurrence]

    @property
    def sections(self) -> list[int]:
        return sorted({o[0] for o in self.occurrences})


def word_runs(content: str, sections: list[SectionInfo], language: str) -> list[Run]:
    """Every section's runs of words (heading included), in order."""
    runs: list[Run] = []
    for index, section in enumerate(sections):
        blocks = ([section.heading] if section.heading else []) + section.blocks
        for block in blocks:
            cursor = block.start
            for stop in [*_BREAK.finditer(content, block.start, block.end), None]:
                end = stop.start() if stop else block.end
                run = _run(content, index, cursor, end, language)
                if run is not None:
                    runs.append(run)
                cursor = stop.end() if stop else block.end
    return runs


def _run(content: str, section: int, start: int, end: int, language: str) -> Run | None:
    matches = list(TOKEN.finditer(content, start, end))
    if len(matches) < 2:
        return None
    keyed = [word_key(m.group(0), language) for m in matches]
    flags = [c for _, c in keyed]
    return Run(
        section,
        [m.start() for m in matches],
        [m.end() for m in matches],
        [k for k, _ in keyed],
        flags,
        [0, *accumulate(flags)],
    )


def repeated_phrases(
    content: str, runs: list[Run], min_words: int, min_sections: int
) -> list[Phrase]:
    """Phrases in ``min_sections`` or more sections, longest first, each once.

    Only windows whose first ``min_words`` words recur in enough sections can start a repeated
    phrase of any length, so one pass over the short windows narrows the search."""
    starts = _recurring_starts(runs, min_words, min_sections)
    if not starts:
        return []
    found: list[Phrase] = []
    covered: set[tuple[int, int]] = set()  # (run, word) inside a phrase already found
    for size in range(MAX_PHRASE_WORDS, min_words - 1, -1):
        grams: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        for r, i in starts:
            run = runs[r]
            j = i + size
            if j > len(run.keys) or not (run.content[i] and run.content[j - 1]):
                continue
            if run.content_sums[j] - run.content_sums[i] < MIN_CONTENT_WORDS:
                continue
            grams.setdefault(tuple(run.keys[i:j]), []).append((r, i))
        for windows in grams.values():
            if len({runs[r].section for r, _ in windows}) < min_sections:
                continue
            if all((r, k) in covered for r, i in windows for k in range(i, i + size)):
                continue
            covered.update((r, k) for r, i in windows for k in range(i, i + size))
            occurrences = [
                (runs[r].section, runs[r].starts[i], runs[r].ends[i + size - 1]) for r, i in windows
            ]
            first = occurrences[0]
            found.append(Phrase(content[first[1] : first[2]], occurrences))
    found.sort(key=lambda p: (-len(p.sections), p.occurrences[0][1]))
    return found


def _recurring_starts(runs: list[Run], size: int, min_sections: int) -> list[tuple[int, int]]:
    """(run, position) of every window of ``size`` words whose words recur in enough sections."""
    sections: dict[tuple[str, ...], set[int]] = {}
    for run in runs:
        for i in range(len(run.keys) - size + 1):
            sections.setdefault(tuple(run.keys[i : i + size]), set()).add(run.section)
    return [
        (r, i)
        for r, run in enumerate(runs)
        for i in range(len(run.keys) - size + 1)
        if len(sections[tuple(run.keys[i : i + size])]) >= min_sections
    ]


def overlapping_sections(
    sections: list[SectionInfo], runs: list[Run], min_words: int, threshold: float
) -> list[dict[str, Any]]:
    """Pairs of sections whose content-word lemmas overlap by ``threshold`` or more (Jaccard),
    the closest first. Only the first ``MAX_COMPARED`` long sections are compared and at most
    ``MAX_PAIRS`` pairs kept, so a text of a thousand sections costs no more than a long one."""
    bags: list[set[str]] = [set() for _ in sections]
    for run in runs:
        bags[run.section].update(k for k, c in zip(run.keys, run.content, strict=True) if c)
    judged = [i for i, s in enumerate(sections) if s.words >= min_words and bags[i]]
    judged = judged[:MAX_COMPARED]
    pairs = []
    for n, i in enumerate(judged):
        for j in judged[n + 1 :]:
            share = len(bags[i] & bags[j]) / len(bags[i] | bags[j])
            if share >= threshold:
                pairs.append((share, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    return [
        {"sections": [sections[i].title, sections[j].title], "overlap": round(share, 2)}
        for share, i, j in pairs[:MAX_PAIRS]
    ]
