"""Substance: does each section tell the reader something concrete, or only that things matter?

The seed's complaint is depth: every section says that companies "should ensure" something or
that "it is important" that something, with no example, figure, named practice or step. Form
checks (readability, filler phrases) do not see this; this check measures it per section and
warns where a section is mostly generic and holds no concrete detail.
"""

from __future__ import annotations

from reviewer.checks.base import CheckContext, CheckOutput
from reviewer.checks.substance.details import KINDS
from reviewer.checks.substance.phrases import (
    Phrase,
    overlapping_sections,
    repeated_phrases,
    word_runs,
)
from reviewer.checks.substance.rules import REPEATED_PHRASE, SHALLOW_SECTION
from reviewer.checks.substance.sections import SectionInfo, analyse, split_sections, topic_words
from reviewer.checks.substance.settings import SubstanceSettings
from reviewer.document import Document
from reviewer.models import Finding

MAX_DETAILED_PHRASES = 20  # in the report's details; the metric counts them all

_KIND_NAMES = {
    "number": "figure",
    "name": "name",
    "standard": "standard",
    "example": "example",
    "quotation": "quotation",
    "link": "link",
    "step": "step",
}


def run(ctx: CheckContext) -> CheckOutput:
    doc, settings = ctx.doc, ctx.config.substance
    topic = topic_words(doc)
    sections = [analyse(doc, s, topic) for s in split_sections(doc)]
    shallow = [is_shallow(s, settings) for s in sections]
    findings = [_shallow(doc, s) for s, flag in zip(sections, shallow, strict=True) if flag]
    runs = word_runs(doc.content, sections, doc.language)
    phrases = repeated_phrases(doc.content, runs, settings.phrase_words, settings.phrase_sections)
    findings += [_repeated(doc, p, sections) for p in phrases[: settings.max_phrases]]

    sentences = [s for section in sections for s in section.sentences]
    words = sum(s.words for s in sections)
    details = sum(s.detail_count for s in sections)
    overlaps = overlapping_sections(sections, runs, settings.min_words, settings.overlap)
    metrics = {
        "substance_sections": len(sections),
        "substance_shallow_sections": sum(shallow),
        "substance_details_per_100_words": round(100 * details / words, 2) if words else 0.0,
        "substance_generic_share": round(sum(s.generic for s in sentences) / len(sentences), 2)
        if sentences
        else 0.0,
        "substance_repeated_phrases": len(phrases),
        "substance_overlapping_sections": len(overlaps),
    }
    output = CheckOutput(findings=findings, metrics=metrics)
    output.details["sections"] = [
        {**s.as_dict(), "shallow": flag} for s, flag in zip(sections, shallow, strict=True)
    ]
    output.details["repeated_phrases"] = [
        _phrase_dict(doc, p, sections) for p in phrases[:MAX_DETAILED_PHRASES]
    ]
    output.details["overlapping_sections"] = overlaps
    if not sections:
        output.summary = "no running text to measure"
    return output


def is_shallow(section: SectionInfo, settings: SubstanceSettings) -> bool:
    """Long enough to judge, short of detail, and mostly generic statements."""
    return (
        section.words >= settings.min_words
        and section.detail_density < settings.detail_density
        and section.generic_share >= settings.generic_share
        and len(section.generic) >= settings.min_generic
    )


def _shallow(doc: Document, section: SectionInfo) -> Finding:
    worst = section.most_generic()
    assert worst is not None  # a shallow section has generic sentences
    generic, total = len(section.generic), len(section.sentences)
    if section.detail_count:
        present = ", ".join(
            f"{n} {_KIND_NAMES[k]}{'s' if n > 1 else ''}"
            for k, n in sorted(section.details.items())
        )
        lack = f"only {present} in {section.words} words"
    else:
        lack = f"no example, figure, name, standard or step in {section.words} words"
    echo = "; its first sentence restates the heading" if section.heading_echo else ""
    return doc.finding(
        SHALLOW_SECTION,
        message=(
            f'Section "{section.title}" is generic: {lack}; {generic} of {total} sentences '
            f"recommend or evaluate without a concrete object{echo}."
        ),
        category="shallow",
        start=worst.span.start,
        end=worst.span.end,
        suggestion=(
            "Replace this sentence with something a reader can check or do: a figure with its "
            "source, a named tool, practice or standard, an example, or the concrete steps."
        ),
        section=section.title,
        words=section.words,
        detail_count=section.detail_count,
        generic_sentences=generic,
        sentences=total,
        missing=[_KIND_NAMES[k] for k in KINDS if not section.details.get(k)],
    )


def _repeated(doc: Document, phrase: Phrase, sections: list[SectionInfo]) -> Finding:
    first = phrase.occurrences[0]
    return doc.finding(
        REPEATED_PHRASE,
        message=(
            f'"{phrase.text}" comes back in {len(phrase.sections)} sections '
            f"({len(phrase.occurrences)} times): {_places(doc, phrase, sections)}."
        ),
        category="repeated_phrase",
        start=first[1],
        end=first[2],
        suggestion="Keep it where it matters most; elsewhere refer back briefly or cut it.",
        occurrences=[_occurrence(doc, sections, o) for o in phrase.occurrences],
    )


def _places(doc: Document, phrase: Phrase, sections: list[SectionInfo]) -> str:
    """Each occurrence by line and section ("line 12 in "Fazit""), its wording when it differs."""
    places = []
    for index, start, end in phrase.occurrences:
        text = doc.content[start:end]
        wording = f' as "{text}"' if text != phrase.text else ""
        places.append(
            f'line {doc.line_col(start)[0]} in "{_short(sections[index].title)}"{wording}'
        )
    return "; ".join(places)


def _occurrence(doc: Document, sections: list[SectionInfo], o: tuple[int, int, int]) -> dict:
    index, start, end = o
    line, column = doc.line_col(start)
    return {
        "section": sections[index].title,
        "text": doc.content[start:end],
        "start": start,
        "end": end,
        "line": line,
        "column": column,
    }


def _phrase_dict(doc: Document, phrase: Phrase, sections: list[SectionInfo]) -> dict:
    return {
        "phrase": phrase.text,
        "sections": len(phrase.sections),
        "occurrences": [_occurrence(doc, sections, o) for o in phrase.occurrences],
    }


def _short(title: str, limit: int = 40) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
