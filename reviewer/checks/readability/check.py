"""Readability: why a draft is hard to read, and where.

Document-level metrics (Flesch after Amstad and the Wiener Sachtextformel for German, Flesch
reading ease and Flesch–Kincaid grade for English, average sentence length, shares of long and
passive sentences) on the running text with Markdown stripped; findings with exact spans for
long sentences, long paragraphs, long sections without a subheading and passive sentences; and
one document-level finding per target the draft misses (Flesch band for its audience, share of
long sentences, share of passive sentences). Why each has the severity it has: see ``rules``.
"""

from __future__ import annotations

from reviewer.checks.base import CheckContext, CheckOutput, Rule
from reviewer.checks.readability.hints import break_before, long_sentence_hint, passive_hint
from reviewer.checks.readability.markup import plain_text
from reviewer.checks.readability.metrics import SentenceStats, TextStats, measure, visible_words
from reviewer.checks.readability.passive import Passive, find_passive
from reviewer.checks.readability.rules import (
    GOAL,
    LONG_PARAGRAPH,
    LONG_SECTION,
    LONG_SENTENCE,
    LONG_SENTENCE_SHARE,
    PASSIVE_SHARE,
    PASSIVE_VOICE,
    TARGET,
)
from reviewer.checks.readability.settings import ReadabilitySettings
from reviewer.checks.readability.targets import Target, choose_target
from reviewer.document import Document
from reviewer.models import Finding
from reviewer.parsing.blocks import Block
from reviewer.parsing.language import LANGUAGES

_FORMULA = {"de": "Flesch reading ease after Amstad", "en": "Flesch reading ease"}


def run(ctx: CheckContext) -> CheckOutput:
    doc, settings = ctx.doc, ctx.config.readability
    language = doc.language if doc.language in LANGUAGES else "en"
    stats = measure(doc.sentences, language)
    if not stats.sentences:
        return CheckOutput(status="pass", summary="no running text to measure")

    limit = settings.long_sentence_words.get(language, 20)
    long_sentences = [s for s in stats.sentences if s.word_count > limit]
    passives = [
        (s, p) for s in stats.sentences if (p := find_passive(s.plain, language)) is not None
    ]

    metrics: dict[str, float] = stats.metrics()
    metrics["long_sentence_share"] = round(len(long_sentences) / stats.sentence_count, 3)
    metrics["passive_share"] = round(len(passives) / stats.sentence_count, 3)

    target = choose_target(settings, doc.brief.audience if doc.brief else None, language)
    findings: list[Finding] = []
    findings += [_long_sentence(doc, s, limit, language) for s in long_sentences]
    findings += _long_paragraphs(doc, settings)
    findings += _long_sections(doc, settings)
    if settings.passive_sentences:
        findings += [_passive(doc, s, p, language) for s, p in passives]
    findings += _targets(doc, settings, target, stats, metrics, language)

    output = CheckOutput(findings=findings, metrics=metrics)
    output.summary = _summary(metrics, target, language)
    output.details = {
        "language": language,
        "sentences": stats.sentence_count,
        "words": stats.word_count,
        "band": target.band,
        "target": {
            "flesch_reading_ease_min": target.flesch_min,
            "flesch_reading_ease_max": target.flesch_max,
            "long_sentence_share_max": settings.long_sentence_share,
            "passive_share_max": settings.passive_share,
            "chosen_by": target.reason,
        },
    }
    return output


# --- spans ----------------------------------------------------------------------------------
def _finding(
    doc: Document,
    rule: Rule,
    message: str,
    category: str,
    suggestion: str,
    span=None,
    **extra,
) -> Finding:
    """A readability finding; ``span`` (anything with start/end) or None for the whole document."""
    return doc.finding(
        rule,
        message=message,
        category=category,
        start=span.start if span is not None else None,
        end=span.end if span is not None else None,
        suggestion=suggestion,
        **extra,
    )


def _long_sentence(doc: Document, sentence: SentenceStats, limit: int, language: str) -> Finding:
    count = sentence.word_count
    message = f"Long sentence: {count} words (limit {limit})."
    hint = long_sentence_hint(sentence.plain, language)
    return _finding(
        doc,
        LONG_SENTENCE,
        message,
        "sentence_length",
        hint,
        sentence,
        word_count=count,
        limit=limit,
    )


def _passive(doc: Document, sentence: SentenceStats, passive: Passive, language: str) -> Finding:
    hint = passive_hint(passive.auxiliary, passive.participle, passive.lemma, language)
    return _finding(
        doc,
        PASSIVE_VOICE,
        f'Passive voice: "{passive.phrase}".',
        "passive_voice",
        hint,
        sentence,
    )


def _visible_words(text: str) -> int:
    return len(visible_words(plain_text(text)))


def _sentence_starts(doc: Document, block: Block) -> tuple[list[tuple[int, str]], int]:
    """(words before each sentence after the first, its opening words) and the block's total."""
    starts: list[tuple[int, str]] = []
    total = 0
    for sentence in (s for s in doc.sentences if block.start <= s.start < block.end):
        plain = plain_text(sentence.text)
        if total and plain:
            starts.append((total, " ".join(plain.split()[:4])))
        total += len(visible_words(plain))
    return starts, total


def _long_paragraphs(doc: Document, settings: ReadabilitySettings) -> list[Finding]:
    limit = settings.paragraph_words
    findings = []
    for block in doc.prose_blocks:
        count = _visible_words(block.text)
        if count <= limit:
            continue
        where = break_before(*_sentence_starts(doc, block), "sentence")
        hint = (
            f"Split it into two paragraphs, {where}."
            if where
            else "Split it into shorter paragraphs, one idea each."
        )
        message = f"Long paragraph: {count} words (limit {limit})."
        findings.append(
            _finding(
                doc,
                LONG_PARAGRAPH,
                message,
                "paragraph_length",
                hint,
                block,
                word_count=count,
                limit=limit,
            )
        )
    return findings


def _runs_between_headings(doc: Document) -> list[tuple[Block | None, list[Block]]]:
    """Prose between subheadings: the text before the first heading, then each section."""
    first_heading = doc.headings[0].start if doc.headings else len(doc.content)
    runs: list[tuple[Block | None, list[Block]]] = []
    preamble = [b for b in doc.prose_blocks if b.start < first_heading]
    if preamble:
        runs.append((None, preamble))
    for section in doc.sections:
        runs.append((section.heading, [b for b in section.blocks if b.is_prose]))
    return runs


def _long_sections(doc: Document, settings: ReadabilitySettings) -> list[Finding]:
    limit = settings.section_words
    findings = []
    for heading, blocks in _runs_between_headings(doc):
        counts = [_visible_words(b.text) for b in blocks]
        total = sum(counts)
        if total <= limit:
            continue
        starts = []
        running = 0
        for block, count in zip(blocks, counts, strict=True):
            if running:
                starts.append((running, " ".join(plain_text(block.text).split()[:4])))
            running += count
        where = break_before(starts, total, "paragraph")
        hint = (
            f"Add a subheading {where}."
            if where
            else "Break the text up with a subheading and shorter paragraphs."
        )
        anchor = heading if heading is not None else blocks[0]
        title = (
            f'Section "{heading.text.strip()}"'
            if heading is not None
            else "The text before the first heading"
        )
        message = f"{title} has {total} words without a subheading (limit {limit})."
        findings.append(
            _finding(
                doc,
                LONG_SECTION,
                message,
                "section_length",
                hint,
                anchor,
                word_count=total,
                limit=limit,
            )
        )
    return findings


# --- document targets -----------------------------------------------------------------------
def _targets(
    doc: Document,
    settings: ReadabilitySettings,
    target: Target,
    stats: TextStats,
    metrics: dict[str, float],
    language: str,
) -> list[Finding]:
    """The Flesch band and the shares of long and passive sentences, each as one document-level
    finding with the value and the target."""
    findings = []
    fre = metrics["flesch_reading_ease"]
    who = f"the {target.band} band ({target.reason})" if target.band else target.reason
    misses = []
    if target.flesch_min is not None and fre < target.flesch_min:
        hint = (
            f"Shorten sentences (now {metrics['avg_sentence_length']:.1f} words on average) and prefer shorter words "
            f"(now {metrics['avg_syllables_per_word']:.2f} syllables per word); start with the long sentences marked in the text."
        )
        misses.append(("at least", target.flesch_min, {"target_min": target.flesch_min}, hint))
    if target.flesch_max is not None and fre > target.flesch_max:
        hint = "The text may read as simplistic for its audience: combine related short sentences and use the precise terms your readers use."
        misses.append(("at most", target.flesch_max, {"target_max": target.flesch_max}, hint))
    below_min = target.flesch_min is not None and fre < target.flesch_min
    if not below_min and target.flesch_goal is not None and fre < target.flesch_goal:
        hint = (
            f"Optional: shorten the longest sentences (now {metrics['avg_sentence_length']:.1f} words on "
            "average) and prefer shorter words where a plainer one exists."
        )
        misses.append(("at least", target.flesch_goal, {"target_goal": target.flesch_goal}, hint))
    for bound, number, extra, hint in misses:
        is_goal = "target_goal" in extra
        what = "goal" if is_goal else "target"
        message = f"{_FORMULA[language]} is {fre:.1f}; the {what} for {who} is {bound} {number:g}."
        findings.append(
            _finding(
                doc,
                GOAL if is_goal else TARGET,
                message,
                "flesch_reading_ease",
                hint,
                band=target.band,
                value=fre,
                **extra,
            )
        )
    limit = settings.long_sentence_words.get(language, 20)
    shares = (
        (LONG_SENTENCE_SHARE, "long_sentence_share", settings.long_sentence_share,
         f"have more than {limit} words",
         "Split the long sentences marked in the text; one statement per sentence."),
        (PASSIVE_SHARE, "passive_share", settings.passive_share, "are passive",
         "Rewrite the passive sentences marked in the text so that the actor is the subject."),
    )  # fmt: skip
    for rule, key, maximum, what, hint in shares:
        share = metrics[key]
        if share <= maximum:
            continue
        count = round(share * stats.sentence_count)
        message = f"{share:.0%} of the sentences {what} ({count} of {stats.sentence_count}); the target is at most {maximum:.0%}."
        findings.append(
            _finding(
                doc,
                rule,
                message,
                key,
                hint,
                value=share,
                target_max=maximum,
            )
        )
    return findings


def _summary(metrics: dict[str, float], target: Target, language: str) -> str:
    parts = [f"Flesch {metrics['flesch_reading_ease']:.1f}"]
    if target.flesch_min is not None:
        parts[0] += f" (target ≥ {target.flesch_min:g}{', ' + target.band if target.band else ''})"
    if language == "de":
        parts.append(f"WSTF {metrics['wiener_sachtextformel']:.1f}")
    else:
        parts.append(f"grade {metrics['flesch_kincaid_grade']:.1f}")
    parts.append(f"{metrics['avg_sentence_length']:.1f} words/sentence")
    parts.append(f"{metrics['long_sentence_share']:.0%} long")
    parts.append(f"{metrics['passive_share']:.0%} passive")
    return "; ".join(parts)
