"""Brief keywords: are they used, where, how often, and do they fit what the text is about?

AI drafts written "for SEO" get keywords wrong in three ways a reader notices: a keyword from the
brief never appears, one keyword is repeated until the text reads like a list of search terms, or
a keyword that has nothing to do with the topic is squeezed in once so the brief looks fulfilled.
Matching (inflection, compounds, hyphenation) lives in ``reviewer.checks.keywords.matching``, the topic
judgement in ``reviewer.checks.keywords.relevance``; this module turns their numbers into findings.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.checks.base import CheckContext, CheckOutput
from reviewer.checks.keywords.index import KeywordUses, TextIndex, Unit
from reviewer.checks.keywords.rules import (
    IRRELEVANT,
    LOW_DENSITY,
    MISSING,
    NOT_IN_INTRO,
    NOT_IN_TITLE,
    STUFFED,
)
from reviewer.checks.keywords.settings import KeywordsSettings
from reviewer.document import Document
from reviewer.models import Finding
from reviewer.parsing.blocks import Block


@dataclass
class KeywordStats:
    keyword: str
    uses: KeywordUses
    occurrences: int
    density: float  # % of body words
    in_title: bool
    in_intro: bool
    in_headings: int  # subheadings (not the title) that contain it

    def as_dict(self) -> dict:
        first = self.uses.uses[0].match if self.uses.uses else None
        return {
            "keyword": self.keyword,
            "occurrences": self.occurrences,
            "density": round(self.density, 2),
            "in_title": self.in_title,
            "in_intro": self.in_intro,
            "in_headings": self.in_headings,
            "compounds": sorted({t.text for t in self.uses.compounds}),
            "first_occurrence": None if first is None else {"start": first.start, "end": first.end},
        }


def run(ctx: CheckContext) -> CheckOutput:
    doc, settings = ctx.doc, ctx.config.keywords
    if doc.brief is None:
        return CheckOutput(status="skipped", summary="no brief: keywords were not checked")
    keywords = _unique(doc.brief.keywords)
    if not keywords:
        return CheckOutput(status="skipped", summary="the brief lists no keywords")
    ignored = [
        str(k)
        for k in doc.brief.keywords
        if not any(ch.isalnum() for ch in str(k)) and str(k).strip()
    ]

    index = TextIndex.build(doc)
    intro = intro_blocks(doc, settings.intro_words)
    stats = [_stats(doc, index, keyword, intro) for keyword in keywords]
    judged = _relevance(doc, index, stats, settings) if settings.relevance else {}

    findings: list[Finding] = []
    details: list[dict] = []
    for position, item in enumerate(stats):
        verdict = judged.get(item.keyword)
        unrelated = verdict is not None and not verdict[0].relevant
        findings += _presence_findings(
            doc,
            item,
            settings,
            intro,
            placement=position == 0 or settings.placement == "all",
            unrelated=unrelated,
        )
        entry = item.as_dict()
        if verdict is not None:
            relevance, alternatives = verdict
            entry.update(
                relevance=relevance.score,
                relevant=relevance.relevant,
                evidence=relevance.evidence,
                related_words=relevance.related_words,
                contrastive_uses=relevance.contrastive_uses,
            )
            if unrelated:
                findings.append(_unrelated(doc, item, relevance, alternatives))
                entry["alternatives"] = alternatives
        else:
            entry.update(relevance=None, relevant=None)
        details.append(entry)

    densities = [s.density for s in stats]
    counts = _counts(findings)
    metrics = {
        "keyword_density_max": round(max(densities), 2),
        "keyword_coverage": round(sum(1 for s in stats if s.occurrences) / len(stats), 2),
        "keywords_missing": counts["keywords.missing"],
        "keywords_stuffed": counts["keywords.stuffed"],
        "keywords_irrelevant": counts["keywords.irrelevant"],
    }
    output = CheckOutput(
        findings=findings, metrics=metrics, summary=_summary(len(stats), counts, settings.relevance)
    )
    output.details["keywords"] = details
    if ignored:
        output.details["ignored_keywords"] = ignored  # no letter or digit: nothing to match
    return output


def _unique(keywords: list[str]) -> list[str]:
    """The brief's keywords as written, without blanks and case- or space-insensitive repeats."""
    seen: set[str] = set()
    result = []
    for keyword in keywords:
        text = str(keyword)
        key = " ".join(text.split()).casefold()
        if key and key not in seen and any(ch.isalnum() for ch in key):
            seen.add(key)
            result.append(text)
    return result


def intro_blocks(doc: Document, words: int) -> list[Block]:
    """The introduction: the paragraphs after the title and before the first subheading, whole
    paragraphs up to about ``words`` words (a salutation alone is not an intro)."""
    blocks: list[Block] = []
    count = 0
    title = doc.title_heading
    started = title is None
    for block in doc.blocks:
        if not started:
            started = block is title
            continue
        if block.kind == "heading":
            if blocks:
                break
            continue
        if not block.is_prose:
            continue
        blocks.append(block)
        count += len(block.text.split())
        if count >= words:
            break
    return blocks


def _stats(doc: Document, index: TextIndex, keyword: str, intro: list[Block]) -> KeywordStats:
    uses = index.uses_of(keyword)
    count = len(uses.uses)
    words = doc.word_count
    title = doc.title_heading
    return KeywordStats(
        keyword=keyword,
        uses=uses,
        occurrences=count,
        density=100.0 * count / words if words else 0.0,
        in_title=title is not None
        and any(title.start <= u.match.start < title.end for u in uses.uses),
        in_intro=any(b.start <= u.match.start < b.end for u in uses.uses for b in intro),
        in_headings=len({u.unit.start for u in uses.uses if u.unit.kind == "heading"}),
    )


def _relevance(
    doc: Document, index: TextIndex, stats: list[KeywordStats], settings: KeywordsSettings
) -> dict:
    """Relevance and alternatives per used keyword (a keyword the text never uses is reported
    missing; whether it would fit is for the writer to decide)."""
    from reviewer.checks.keywords import relevance as rel
    from reviewer.checks.keywords.matching import tokenize

    used = [s for s in stats if s.occurrences]
    if not used:
        return {}
    skip: set[Unit] = set()
    for item in used:
        skip |= rel.contrastive_units(index, item.uses)
    topic = rel.topic_of(index, skip, settings.key_phrases)
    brief = doc.brief
    assert brief is not None
    audience = brief.audience or ""
    brief_tokens = tokenize(audience, 0, len(audience), doc.language)
    if brief.title:
        brief_tokens += tokenize(brief.title, 0, len(brief.title), doc.language)
    all_parts = [rel.keyword_parts(s.keyword, doc.language) for s in stats]
    result = {}
    for item in used:
        relevance = rel.judge(
            index,
            item.uses,
            topic,
            brief_tokens=brief_tokens,
            brief_title=brief.title or "",
            threshold=settings.relevance_threshold,
        )
        alternatives = (
            []
            if relevance.relevant
            else rel.suggestions(index, topic, all_parts, settings.suggestions)
        )
        result[item.keyword] = (relevance, alternatives)
    return result


def _presence_findings(
    doc: Document,
    item: KeywordStats,
    settings: KeywordsSettings,
    intro: list[Block],
    *,
    placement: bool,
    unrelated: bool,
) -> list[Finding]:
    keyword = item.keyword
    if item.occurrences == 0:
        message = f'Keyword "{keyword}" from the brief does not occur in the text.'
        if item.uses.compounds:
            examples = ", ".join(
                f'"{t}"' for t in sorted({t.text for t in item.uses.compounds})[:3]
            )
            message += f" It appears only inside longer words ({examples}), which readers and search engines do not match."
        return [
            doc.finding(
                MISSING,
                message=message,
                category=keyword,
                suggestion="Use the keyword where it fits naturally, ideally in the title or the first paragraph — or correct the brief if the text rightly covers something else.",
                occurrences=0,
                density=0.0,
            )
        ]
    findings = []
    if (
        item.density > settings.stuffing_density
        and item.occurrences >= settings.stuffing_min_occurrences
    ):
        first = item.uses.uses[0].match
        findings.append(
            doc.finding(
                STUFFED,
                message=(
                    f'Keyword "{keyword}" is used {item.occurrences} times in {doc.word_count} words '
                    f"({item.density:.1f} %, limit {settings.stuffing_density:g} %): the text reads as keyword stuffing."
                ),
                category=keyword,
                start=first.start,
                end=first.end,
                suggestion="Keep the keyword where it carries meaning (title, intro, a subheading) and replace the other repetitions with pronouns, synonyms or the concrete thing meant.",
                occurrences=item.occurrences,
                density=round(item.density, 2),
            )
        )
    if unrelated:
        return findings  # advice to use an off-topic keyword more would be wrong
    if item.density < settings.low_density:
        findings.append(
            doc.finding(
                LOW_DENSITY,
                message=(
                    f'Keyword "{keyword}" is used {item.occurrences} time{"s" if item.occurrences != 1 else ""} in '
                    f"{doc.word_count} words ({item.density:.2f} %, below {settings.low_density:g} %)."
                ),
                category=keyword,
                suggestion="Use it once or twice more where it fits, for example in a subheading.",
                occurrences=item.occurrences,
                density=round(item.density, 2),
            )
        )
    if placement:
        findings += _placement(doc, item, settings, intro)
    return findings


# Where a keyword belongs, why, and which setting asks for it.
_PLACES = {
    "title": (
        NOT_IN_TITLE,
        "check_title",
        "the title",
        "Readers and search engines weigh the title most; work the keyword in if it reads naturally.",
    ),
    "intro": (
        NOT_IN_INTRO,
        "check_intro",
        "the introduction",
        "Mention the keyword in the first paragraph, where readers decide whether the text is for them.",
    ),
}


def _placement(
    doc: Document, item: KeywordStats, settings: KeywordsSettings, intro: list[Block]
) -> list[Finding]:
    """Info findings for a keyword absent from the title heading or the intro, quoting the place."""
    places = {
        "title": (doc.title_heading, item.in_title),
        "intro": (intro[0] if intro else None, item.in_intro),
    }
    findings = []
    for place, (block, present) in places.items():
        rule, setting, name, advice = _PLACES[place]
        if block is None or present or not getattr(settings, setting):
            continue
        findings.append(
            doc.finding(
                rule,
                message=f'Keyword "{item.keyword}" is not in {name}.',
                category=item.keyword,
                start=block.start,
                end=block.end,
                suggestion=advice,
            )
        )
    return findings


def _unrelated(doc: Document, item: KeywordStats, relevance, alternatives: list[str]) -> Finding:
    suggestion = "Check the brief: replace the keyword with one the text is about, or drop it."
    if alternatives:
        suggestion += (
            " Key phrases of the text that no keyword covers yet: "
            + ", ".join(f'"{a}"' for a in alternatives)
            + "."
        )
    return doc.finding(
        IRRELEVANT,
        message=f'Keyword "{item.keyword}" seems unrelated to the topic of the text: {relevance.reason()}.',
        category=item.keyword,
        suggestion=suggestion,
        relevance=relevance.score,
        alternatives=alternatives,
    )


def _counts(findings: list[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(
        ("keywords.missing", "keywords.stuffed", "keywords.irrelevant", "keywords.low_density"), 0
    )
    for finding in findings:
        if finding.rule in counts:
            counts[finding.rule] += 1
    return counts


def _summary(total: int, counts: dict[str, int], judged: bool) -> str:
    problems = [
        f"{counts['keywords.missing']} missing" if counts["keywords.missing"] else "",
        f"{counts['keywords.stuffed']} stuffed" if counts["keywords.stuffed"] else "",
        f"{counts['keywords.irrelevant']} unrelated to the topic"
        if counts["keywords.irrelevant"]
        else "",
    ]
    problems = [p for p in problems if p]
    noun = "keyword" if total == 1 else "keywords"
    if not problems:
        return f"{total} {noun}: all used, none stuffed" + (", all fit the topic" if judged else "")
    return f"{total} {noun}: " + ", ".join(problems)
