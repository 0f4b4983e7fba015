"""Per section: its words, concrete details, generic statements and whether it opens by
restating its heading.

A section is a heading and the running text up to the next heading; text before the first
heading (or a text without headings) is a section of its own, named by its first words.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from reviewer.checks.substance.details import (
    content_words,
    generic_frames,
    is_step,
    sentence_details,
)
from reviewer.document import Document
from reviewer.language.lemmas import lemma
from reviewer.parsing.blocks import Block
from reviewer.parsing.sentences import Span

ECHO_MIN_HEADING_WORDS = 2
ECHO_SHARE = 0.6
# A list label ("Praxisnähe", "Clear ownership") is no statement: it counts as neither.
MIN_SENTENCE_WORDS = 4


@dataclass
class SentenceInfo:
    span: Span
    details: Counter[str]
    frames: int
    echo: bool = False

    @property
    def generic(self) -> bool:
        """A recommendation or evaluation (or a restated heading) with no concrete detail."""
        return (self.frames > 0 or self.echo) and not self.details


@dataclass
class SectionInfo:
    title: str
    heading: Block | None
    blocks: list[Block]
    words: int = 0
    sentences: list[SentenceInfo] = field(default_factory=list)
    details: Counter[str] = field(default_factory=Counter)

    @property
    def detail_count(self) -> int:
        return sum(self.details.values())

    @property
    def detail_density(self) -> float:
        return 100 * self.detail_count / self.words if self.words else 0.0

    @property
    def generic(self) -> list[SentenceInfo]:
        return [s for s in self.sentences if s.generic]

    @property
    def generic_share(self) -> float:
        return len(self.generic) / len(self.sentences) if self.sentences else 0.0

    @property
    def heading_echo(self) -> bool:
        return bool(self.sentences) and self.sentences[0].echo

    def most_generic(self) -> SentenceInfo | None:
        """The generic sentence with the most frames (the first one on a tie)."""
        generic = self.generic
        return (
            max(generic, key=lambda s: (2 * s.frames + s.echo, -s.span.start)) if generic else None
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "start": self.heading.start if self.heading else self.blocks[0].start,
            "words": self.words,
            "sentences": len(self.sentences),
            "details": self.detail_count,
            "detail_kinds": dict(sorted(self.details.items())),
            "details_per_100_words": round(self.detail_density, 2),
            "generic_sentences": len(self.generic),
            "generic_share": round(self.generic_share, 2),
            "heading_echo": self.heading_echo,
        }


def topic_words(doc: Document) -> frozenset[str]:
    """Case-folded words of the title (heading and brief): the subject, not a detail."""
    texts = [doc.title_heading.text if doc.title_heading else ""]
    if doc.brief is not None and doc.brief.title:
        texts.append(doc.brief.title)
    return frozenset(
        part.casefold()
        for text in texts
        for word in content_words(text, doc.language)
        for part in [word, *word.replace(".", "-").split("-")]
        if part
    )


def split_sections(doc: Document) -> list[SectionInfo]:
    """Sections with running text, in order; a heading without text of its own is left out."""
    units: list[SectionInfo] = []
    current = SectionInfo("", None, [])
    for block in doc.blocks:
        if block.kind == "heading":
            if current.blocks:
                units.append(current)
            current = SectionInfo(block.text.strip(), block, [])
        elif block.is_prose:
            current.blocks.append(block)
    if current.blocks:
        units.append(current)
    for unit in units:
        if unit.heading is None:
            unit.title = " ".join(unit.blocks[0].text.split()[:6]) + " …"
    return units


def analyse(doc: Document, section: SectionInfo, topic: frozenset[str]) -> SectionInfo:
    """Fill in a section's words, sentences and details."""
    language = doc.language
    steps = {b.start for b in section.blocks if b.kind == "list_item" and is_step(b.text)}
    for span in _sentences_in(doc.sentences, section.blocks[0].start, section.blocks[-1].end):
        if len(span.text.split()) < MIN_SENTENCE_WORDS:
            continue
        details = sentence_details(span.text, language, topic)
        if span.start in steps:
            details["step"] += 1
        section.sentences.append(SentenceInfo(span, details, generic_frames(span.text, language)))
        section.details.update(details)
    section.words = sum(len(b.text.split()) for b in section.blocks)
    if section.heading is not None and section.sentences:
        first = section.sentences[0]
        first.echo = restates(section.heading.text, first.span.text, language)
    return section


def _sentences_in(sentences: list[Span], start: int, end: int) -> list[Span]:
    """The sentences from ``start`` to ``end`` (all of them lie in prose blocks, and between a
    section's first and last prose block there is no other section's text)."""
    first = bisect_left(sentences, start, key=lambda s: s.start)
    last = bisect_left(sentences, end, key=lambda s: s.start)
    return sentences[first:last]


def restates(heading: str, sentence: str, language: str) -> bool:
    """The sentence repeats at least half of the heading's content words (as lemmas)."""
    wanted = {lemma(w, language) for w in content_words(heading, language)}
    if len(wanted) < ECHO_MIN_HEADING_WORDS:
        return False
    present = {lemma(w, language) for w in content_words(sentence, language)}
    return len(wanted & present) / len(wanted) >= ECHO_SHARE
