"""Structure and brief compliance: title, heading levels, empty and missing sections, length.

These are the failures readers notice first in AI drafts: a requested length ignored, headings
stacked on headings with nothing under them, the section the brief asked for left out.
"""

from __future__ import annotations

import re
import unicodedata

from reviewer.checks.base import CheckContext, CheckOutput
from reviewer.checks.structure.rules import (
    EMPTY_SECTION,
    MISSING_REQUIRED_SECTION,
    NO_TITLE,
    SKIPPED_HEADING_LEVEL,
    WORD_COUNT,
)
from reviewer.document import Document
from reviewer.models import Finding


def run(ctx: CheckContext) -> CheckOutput:
    doc, settings = ctx.doc, ctx.config.structure
    findings: list[Finding] = []
    findings += _title(doc, settings.require_title)
    if settings.flag_skipped_levels and doc.format == "markdown":
        findings += _skipped_levels(doc)
    findings += _empty_sections(doc)
    notes: list[str] = []
    if doc.brief is None:
        notes.append("no brief: length and required sections were not checked")
    else:
        findings += _missing_sections(doc)
        findings += _word_count(doc)
    metrics = {
        "headings": len(doc.headings),
        "sections": len(doc.sections),
        "paragraphs": sum(1 for b in doc.blocks if b.kind == "paragraph"),
    }
    output = CheckOutput(findings=findings, metrics=metrics)
    if notes:
        output.details["notes"] = notes
        if not findings:
            output.summary = "structure fine; " + notes[0]
    return output


def _title(doc: Document, required: bool) -> list[Finding]:
    """A title heading, or a ``title`` in the brief: the CMS renders the brief's title above the
    body, so a body without a level-1 heading is normal there."""
    if not required or doc.title_heading is not None:
        return []
    if doc.brief is not None and doc.brief.title and doc.brief.title.strip():
        return []
    hint = "Start the text with a level-1 heading ('# Title')."
    if doc.format == "text":
        hint = "Start the text with the title on a line of its own."
    return [
        doc.finding(
            NO_TITLE,
            message="The draft has no title heading.",
            category="title",
            suggestion=hint + " Or give the title in the brief (`title:` in the front matter).",
        )
    ]


def _skipped_levels(doc: Document) -> list[Finding]:
    findings = []
    previous = 0
    for heading in doc.headings:
        if previous and heading.level > previous + 1:
            findings.append(
                doc.finding(
                    SKIPPED_HEADING_LEVEL,
                    message=f"Heading level jumps from {previous} to {heading.level}.",
                    category="headings",
                    start=heading.start,
                    end=heading.end,
                    suggestion=f"Use a level-{previous + 1} heading here, or add the missing level above it.",
                )
            )
        previous = heading.level
    return findings


def _empty_sections(doc: Document) -> list[Finding]:
    findings = []
    for index, section in enumerate(doc.sections):
        if section.has_text or _title_over_subheading(doc, index):
            continue
        followed_by = "the end of the text"
        if index + 1 < len(doc.sections):
            followed_by = f'the heading "{doc.sections[index + 1].title}"'
        findings.append(
            doc.finding(
                EMPTY_SECTION,
                message=f'Section "{section.title}" has no text of its own: it is followed directly by {followed_by}.',
                category="empty_section",
                start=section.heading.start,
                end=section.heading.end,
                suggestion="Write the section's content, or remove or merge the heading.",
            )
        )
    return findings


def _title_over_subheading(doc: Document, index: int) -> bool:
    """The title heading followed directly by a subheading: the whole text is its section, as
    on most published pages, so it is not empty."""
    section, title = doc.sections[index], doc.title_heading
    if title is None or section.heading.start != title.start or index + 1 >= len(doc.sections):
        return False
    return doc.sections[index + 1].heading.level > section.heading.level


def normalise_heading(text: str) -> str:
    """Case-, accent-width- and punctuation-tolerant form for matching required section names."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"^[\d.)\s]+", "", text)  # "3. Fazit" matches "Fazit"
    return re.sub(r"[\W_]+", " ", text).strip()


def _missing_sections(doc: Document) -> list[Finding]:
    assert doc.brief is not None
    present = [normalise_heading(h.text) for h in doc.headings]
    findings = []
    for required in doc.brief.required_sections:
        wanted = normalise_heading(required)
        if any(title == wanted or title.startswith(wanted + " ") for title in present):
            continue
        findings.append(
            doc.finding(
                MISSING_REQUIRED_SECTION,
                message=f'The brief requires a section "{required}", but no heading matches it.',
                category=required,
                suggestion=f'Add a section headed "{required}".',
            )
        )
    return findings


def _word_count(doc: Document) -> list[Finding]:
    assert doc.brief is not None
    words = doc.brief.words
    if words is None:
        return []
    count = doc.word_count
    if words.min is not None and count < words.min:
        missing = words.min - count
        direction = "below"
        message = f"the brief asks for at least {words.min} ({missing} words or {missing / words.min:.0%} short)."
        suggestion = "Deepen the content where the audience needs it: examples, figures with sources, concrete steps."
    elif words.max is not None and count > words.max:
        extra = count - words.max
        direction = "above"
        message = f"the brief allows at most {words.max} ({extra} words or {extra / words.max:.0%} too long)."
        suggestion = "Cut filler, repetitions and generic introductions first."
    else:
        return []
    return [
        doc.finding(
            WORD_COUNT,
            message=f"The body has {count} words; {message}",
            category=direction,
            suggestion=suggestion,
            word_count=count,
            word_min=words.min,
            word_max=words.max,
        )
    ]
