"""Brief keywords: are they used, where, how often, and do they fit what the text is about?

AI drafts written "for SEO" get keywords wrong in three ways a reader notices: a keyword from the
brief never appears, one keyword is repeated until the text reads like a list of search terms, or
a keyword that has nothing to do with the topic is squeezed in so the brief looks fulfilled.
Matching (inflection, word order, compounds, hyphenation) lives in ``matching`` and ``index``, the
topic in ``topic``, the fit judgement in ``relevance``; this module turns their numbers into
findings.

The first brief keyword is the *focus keyphrase*: the placement checks (title, introduction,
subheadings) and the low-density hint apply to it, as in Yoast SEO. Presence, stuffing and fit
apply to every keyword. Synonyms from the brief count for placement, not for the keyphrase count.

Per keyword, ``checks.keywords.keywords[i]`` in the report holds the numbers and the deterministic
fit (``fit``: verdict ``fits`` / ``off-topic``, score, evidence, reason); the LLM critique adds its
own judgement of the same keyword beside it under ``model_fit`` (same verdict words plus ``weak``),
so a reader sees both side by side. The verdict of the review stays rule-based.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reviewer.checks.base import CheckContext, CheckOutput
from reviewer.checks.keywords.index import KeywordUses, TextIndex
from reviewer.checks.keywords.matching import holds_keyword, tokenize
from reviewer.checks.keywords.rules import (
    IRRELEVANT,
    LOW_DENSITY,
    MISSING,
    NOT_IN_INTRO,
    NOT_IN_SUBHEADINGS,
    NOT_IN_TITLE,
    ONLY_IN_TITLE,
    ONLY_VARIANTS,
    STUFFED,
)
from reviewer.checks.keywords.settings import KeywordsSettings
from reviewer.document import Document
from reviewer.models import Finding
from reviewer.parsing.blocks import Block

_NAME_SHAPE = re.compile(r".*(?:\d|[a-zäöü][A-ZÄÖÜ]).*")  # "VibraNode", "Node.js 20", "iPhone"


@dataclass
class KeywordStats:
    keyword: str
    uses: KeywordUses
    focus: bool
    density: float  # % of body words
    in_title: bool  # the brief's title or the title heading
    in_intro: bool  # the keyword or a synonym
    subheadings: int  # subheadings (not the title) that hold the keyword or a synonym
    synonyms: list[str] = field(default_factory=list)
    synonym_uses: int = 0
    subject: str = ""  # "name" or "topic" when the keyword is what the text is about

    @property
    def occurrences(self) -> int:
        return len(self.uses.uses)

    def as_dict(self) -> dict:
        first = self.uses.uses[0].match if self.uses.uses else None
        return {
            "keyword": self.keyword,
            "focus": self.focus,
            "occurrences": self.occurrences,
            "density": round(self.density, 2),
            "in_title": self.in_title,
            "in_intro": self.in_intro,
            "in_headings": self.subheadings,
            "synonyms": self.synonyms,
            "synonym_occurrences": self.synonym_uses,
            "variants": sorted(set(self.uses.variants))[:5],
            "compounds": sorted({t.text for t in self.uses.compounds}),
            "subject": self.subject or None,
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
    brief_title = doc.brief.title or ""
    stats = [
        _stats(doc, index, keyword, doc.brief.synonyms.get(keyword, []), intro, brief_title)
        for keyword in keywords
    ]
    stats[0].focus = True
    topic = None
    if any(s.occurrences for s in stats):
        from reviewer.checks.keywords.topic import Topic

        topic = Topic.build(index)
        for item in stats:
            item.subject = _subject(item, topic, doc)
    judged = _relevance(doc, index, topic, stats, settings) if settings.relevance else {}

    findings: list[Finding] = []
    details: list[dict] = []
    for item in stats:
        verdict = judged.get(item.keyword)
        unrelated = verdict is not None and not verdict[0].relevant
        findings += _presence_findings(doc, item, settings, brief_title)
        if item.occurrences:
            findings += _dose_findings(doc, item, settings, unrelated=unrelated)
        if not unrelated and (item.focus or settings.placement == "all"):
            findings += _placement(doc, index, item, settings, intro)
        entry = item.as_dict()
        entry["fit"] = _fit(verdict)
        if verdict is not None:
            relevance, alternatives = verdict
            entry.update(relevance=relevance.score, relevant=relevance.relevant)
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
    output.details["focus_keyphrase"] = stats[0].keyword
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


def _stats(
    doc: Document,
    index: TextIndex,
    keyword: str,
    synonyms: list[str],
    intro: list[Block],
    brief_title: str,
) -> KeywordStats:
    uses = index.uses_of(keyword)
    synonym_uses = [index.uses_of(s) for s in synonyms if any(ch.isalnum() for ch in s)]
    everything = [u for group in [uses, *synonym_uses] for u in group.uses]
    words = doc.word_count
    title = doc.title_heading
    in_title = holds_keyword(brief_title, keyword, doc.language) or (
        title is not None and any(title.start <= u.match.start < title.end for u in uses.uses)
    )
    return KeywordStats(
        keyword=keyword,
        uses=uses,
        focus=False,
        density=100.0 * len(uses.uses) / words if words else 0.0,
        in_title=in_title,
        in_intro=any(b.start <= u.match.start < b.end for u in everything for b in intro),
        subheadings=len({u.unit.start for u in everything if u.unit.kind == "heading"}),
        synonyms=list(synonyms),
        synonym_uses=sum(len(group.uses) for group in synonym_uses),
    )


def _subject(item: KeywordStats, topic, doc: Document) -> str:
    """Whether the keyword is what the text is about, and so repeats naturally (Yoast's density
    limits are meant for a focus keyphrase worked into a text about something broader).

    The subject shows where a reader looks for it: in the title (the brief's or the title
    heading) or in a subheading. "name" when the keyword is a name there — a brand, product or
    standard ("VibraNode", "GitLab", "KassenSichV"); "topic" when it is one word there and the
    text's weightiest term ("Zeiterfassung" in a text on time tracking)."""
    if not item.occurrences or not (item.in_title or item.subheadings):
        return ""
    words = re.findall(r"[^\W_]+", item.keyword)
    content = [words[i] for i in item.uses.form.content]
    if content and all(_looks_like_a_name(w, doc.language) for w in content):
        return "name"
    if len(content) == 1 and topic.weights:
        top = topic.weights.most_common(1)[0][0]
        if top in set(item.uses.form.content_parts[0]):
            return "topic"
    return ""


def _looks_like_a_name(word: str, language: str) -> bool:
    """Digits or inner capitals ("KassenSichV", "Node.js 20"), or a capitalised word that no
    dictionary knows — in German only if it is no compound of known words either, since German
    capitalises every noun ("Prozesstechnologie" is a common noun, "Thinkport" a name). Acronyms
    in capitals ("DSGVO", "AWS") are left out: many are a topic, not a name, and get the topic
    limit when they are the text's weightiest term."""
    from reviewer.checks.keywords.matching import compound_parts
    from reviewer.checks.keywords.relevance import known_word

    if word.isupper():
        return False
    if _NAME_SHAPE.fullmatch(word):
        return True
    if not word[:1].isupper() or known_word(word, language):
        return False
    return language != "de" or len(compound_parts(word, language)) == 1


def _relevance(
    doc: Document, index: TextIndex, topic, stats: list[KeywordStats], settings: KeywordsSettings
) -> dict:
    """Relevance and alternatives per used keyword (a keyword the text never uses is reported
    missing; whether it would fit is for the writer to decide)."""
    from reviewer.checks.keywords import relevance as rel

    used = [s for s in stats if s.occurrences]
    if not used or topic is None:
        return {}
    brief = doc.brief
    assert brief is not None
    audience = brief.audience or ""
    brief_tokens = tokenize(audience, 0, len(audience), doc.language)
    if brief.title:
        brief_tokens += tokenize(brief.title, 0, len(brief.title), doc.language)
    result = {}
    for item in used:
        relevance = rel.judge(
            index,
            topic,
            item.uses,
            brief_tokens=brief_tokens,
            brief_title=brief.title or "",
            threshold=settings.relevance_threshold,
            focus=item.focus,
        )
        alternatives = (
            []
            if relevance.relevant
            else rel.suggestions(
                index,
                topic,
                [rel.keyword_parts(s.keyword, doc.language) for s in stats],
                settings.suggestions,
                settings.key_phrases,
            )
        )
        result[item.keyword] = (relevance, alternatives)
    return result


def _fit(verdict) -> dict:
    """The deterministic fit in the vocabulary the critique's keyword judgement uses."""
    if verdict is None:
        return {"verdict": None, "score": None, "reason": "not judged (keyword not used)"}
    relevance, _alternatives = verdict
    return {
        "verdict": "fits" if relevance.relevant else "off-topic",
        "score": relevance.score,
        "evidence": relevance.evidence,
        "related_words": relevance.related_words,
        "context": relevance.context,
        "places": relevance.places,
        "reason": None if relevance.relevant else relevance.reason(),
    }


def _presence_findings(
    doc: Document, item: KeywordStats, settings: KeywordsSettings, brief_title: str
) -> list[Finding]:
    """Missing, only in the title, or only as a close variant or synonym."""
    keyword = item.keyword
    if item.occurrences:
        return []
    advice = "Use the keyword where it fits naturally, ideally in the first paragraph — or correct the brief if the text rightly covers something else."
    alternatives = [f'"{v}"' for v in sorted(set(item.uses.variants))[:3]]
    if item.synonym_uses:
        alternatives.insert(0, f"the brief's synonyms ({item.synonym_uses}×)")
    if alternatives:
        return [
            doc.finding(
                ONLY_VARIANTS,
                message=(
                    f'Keyword "{keyword}" does not occur as such; the text uses only '
                    + ", ".join(alternatives)
                    + "."
                ),
                category=keyword,
                suggestion="Use the keyphrase itself once or twice (title, first paragraph, a subheading); search engines match variants only loosely.",
                occurrences=0,
                density=0.0,
            )
        ]
    if item.in_title:
        return [
            doc.finding(
                ONLY_IN_TITLE,
                message=f'Keyword "{keyword}" is in the title but nowhere in the text.',
                category=keyword,
                suggestion="Use it in the first paragraph and where the text explains it.",
                occurrences=0,
                density=0.0,
            )
        ]
    message = f'Keyword "{keyword}" from the brief does not occur in the text.'
    if item.uses.compounds:
        examples = ", ".join(f'"{t}"' for t in sorted({t.text for t in item.uses.compounds})[:3])
        message += f" It appears only inside longer words ({examples}), which readers and search engines do not match."
    return [
        doc.finding(
            MISSING,
            message=message,
            category=keyword,
            suggestion=advice,
            occurrences=0,
            density=0.0,
        )
    ]


def _dose_findings(
    doc: Document, item: KeywordStats, settings: KeywordsSettings, *, unrelated: bool
) -> list[Finding]:
    """Stuffing for every keyword (a name the text is about is exempt, a one-word topic gets a
    higher limit); too rare for the focus keyphrase."""
    keyword = item.keyword
    findings = []
    limit = settings.subject_density if item.subject == "topic" else settings.stuffing_density
    if (
        item.subject != "name"
        and item.density > limit
        and item.occurrences >= settings.stuffing_min_occurrences
    ):
        first = item.uses.uses[0].match
        findings.append(
            doc.finding(
                STUFFED,
                message=(
                    f'Keyword "{keyword}" is used {item.occurrences} times in {doc.word_count} words '
                    f"({item.density:.1f} %, limit {limit:g} %): the text reads as keyword stuffing."
                ),
                category=keyword,
                start=first.start,
                end=first.end,
                suggestion="Keep the keyword where it carries meaning (title, intro, a subheading) and replace the other repetitions with pronouns, synonyms or the concrete thing meant.",
                occurrences=item.occurrences,
                density=round(item.density, 2),
            )
        )
    if unrelated or not item.focus:
        return findings  # advice to use an off-topic keyword more would be wrong
    if item.density < settings.low_density:
        findings.append(
            doc.finding(
                LOW_DENSITY,
                message=(
                    f'Focus keyphrase "{keyword}" is used {item.occurrences} time{"s" if item.occurrences != 1 else ""} in '
                    f"{doc.word_count} words ({item.density:.2f} %, below {settings.low_density:g} %)."
                ),
                category=keyword,
                suggestion="Use it once or twice more where it fits, for example in a subheading.",
                occurrences=item.occurrences,
                density=round(item.density, 2),
            )
        )
    return findings


def _placement(
    doc: Document,
    index: TextIndex,
    item: KeywordStats,
    settings: KeywordsSettings,
    intro: list[Block],
) -> list[Finding]:
    """Info findings for a keyphrase absent from the title, the intro or every subheading."""
    findings = []
    title = doc.title_heading
    if settings.check_title and not item.in_title and (title is not None or doc.brief.title):
        findings.append(
            doc.finding(
                NOT_IN_TITLE,
                message=f'Keyword "{item.keyword}" is not in the title.',
                category=item.keyword,
                start=title.start if title is not None else None,
                end=title.end if title is not None else None,
                suggestion="Readers and search engines weigh the title most; work the keyword in if it reads naturally.",
            )
        )
    if settings.check_intro and intro and not item.in_intro and item.occurrences:
        findings.append(
            doc.finding(
                NOT_IN_INTRO,
                message=f'Keyword "{item.keyword}" is not in the introduction.',
                category=item.keyword,
                start=intro[0].start,
                end=intro[0].end,
                suggestion="Mention the keyword in the first paragraph, where readers decide whether the text is for them.",
            )
        )
    subheadings = [u for u in index.units if u.kind == "heading"]
    if (
        settings.check_subheadings
        and len(subheadings) >= 2
        and not item.subheadings
        and item.occurrences
    ):
        findings.append(
            doc.finding(
                NOT_IN_SUBHEADINGS,
                message=f'Focus keyphrase "{item.keyword}" (or a synonym) is in none of the {len(subheadings)} subheadings.',
                category=item.keyword,
                suggestion="Work the keyphrase or a synonym into one or two subheadings where it describes the section.",
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
    first = item.uses.uses[0].match
    return doc.finding(
        IRRELEVANT,
        message=f'Keyword "{item.keyword}" seems unrelated to the topic of the text: {relevance.reason()}.',
        category=item.keyword,
        start=first.start,
        end=first.end,
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
