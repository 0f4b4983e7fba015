"""Does a brief keyword fit what the text is about?

No topic word lists and no model download: the judgement adds up evidence that the *text itself*
gives for the keyword, each piece something a human reviewer would point to:

- ``title``: the keyword is in the title heading or in the brief's title — where the topic is named.
- ``key_phrase``: it shares a word with the text's top key phrases, extracted by YAKE (statistical,
  multilingual, ships with the package) from the text *without* the sentences that only set a
  keyword aside.
- ``uses``: every heading or sentence that uses it in earnest (not as a contrast, see
  ``reviewer.checks.keywords.contrast``) counts a little; a keyword the text keeps coming back to fits.
- ``related_words``: other words of the text or of the brief's title and audience share its lemma or
  a part of it ("Cyberkriminelle", "CyberSchutz" for "Cyberversicherung"; "Papierlagen" for
  "Recyclingpapier") — lexical cohesion, the classic sign that a text is about something.
- ``section``: it heads a section that has text of its own.
- ``in_paragraph``: a use stands in a paragraph, list or table with more to say — not in a
  one-sentence insert, the form a keyword squeezed in afterwards typically takes.
- ``phrase``: it forms a phrase with a word the text repeats elsewhere ("SEPA transfers" in a text
  about transfers, "portal uptime" in one about the portal) — it is woven into the topic.

A keyword whose evidence stays below ``relevance_threshold`` is "unrelated to the topic". A
shoehorned keyword typically has none: named once, in isolation or only as a contrast ("Unlike NFT
marketplaces, …"), with nothing else in the text relating to it. A relevant keyword used once
still has something: a related word, a paragraph around it, a phrase with the topic, a place in
the title. Without world knowledge the judgement can be fooled both ways: an off-topic word
dropped without contrast into the middle of a paragraph passes, and a relevant one standing alone
with nothing related anywhere is reported — as a warning a reviewer can waive.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from reviewer.checks.keywords.contrast import is_contrastive
from reviewer.checks.keywords.index import KeywordUses, TextIndex, Unit, Use
from reviewer.checks.keywords.matching import (
    Token,
    compound_parts,
    find_occurrences,
    keyword_form,
    lemma,
    tokenize,
    word_keys,
)
from reviewer.document import Document

# How much each piece of evidence weighs (the threshold is in the configuration).
WEIGHTS = {
    "title": 1.0,
    "key_phrase": 0.4,
    "use": 0.25,  # per unit that uses the keyword in earnest
    "uses_cap": 0.75,
    "related_word": 0.3,  # per distinct related word
    "related_cap": 0.6,
    "section": 0.3,
    "phrase": 0.3,
    "in_paragraph": 0.25,
}
_MIN_PART_CHARS = 4
_PHRASE_REACH = 2  # words on each side of a keyword that can form a phrase with it
_PHRASE_REPEATS = 2  # how often the phrase partner must occur elsewhere to count as a topic word
_PHRASE_GAP = re.compile(r"[ \t\u00a0\u202f\-\u00ad\u2010\u2011\u2012]+")
_SUGGESTION_REPEATS = 2
_KEY_PHRASE_REPEATS = 2
_SUGGESTION_POOL = 50  # YAKE phrases searched for alternatives
_HAS_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class Relevance:
    keyword: str
    score: float
    relevant: bool
    evidence: dict[str, float] = field(default_factory=dict)
    related_words: list[str] = field(default_factory=list)
    contrastive_uses: int = 0
    earnest_uses: int = 0

    def reason(self) -> str:
        """Why the keyword looks unrelated, in one sentence."""
        parts = []
        if self.earnest_uses == 0:
            parts.append(
                f"the text names it only to contrast it with its topic ({self.contrastive_uses}×)"
            )
        elif self.earnest_uses == 1:
            parts.append("the text uses it once, in isolation")
        else:
            parts.append(f"the text uses it {self.earnest_uses}× without building on it")
        if not self.related_words:
            parts.append("no other word of the text relates to it")
        if "key_phrase" not in self.evidence:
            parts.append("it is not among the text's key phrases")
        return "; ".join(parts)


@dataclass
class Topic:
    """What the text is about, as YAKE key phrases of its earnest sentences, best first."""

    phrases: list[str]
    tokens: list[list[Token]]  # the words of each phrase, with comparison keys
    top: int  # how many of the phrases describe the topic; the rest only feed suggestions


@lru_cache(maxsize=4)
def _extractor(language: str, top: int):
    import yake

    return yake.KeywordExtractor(lan=language, n=2, dedup_lim=0.7, top=top)


@lru_cache(maxsize=4)
def stopwords(language: str) -> frozenset[str]:
    """YAKE's stop-word list for the language (shipped with yake)."""
    return frozenset(_extractor(language, 1).stopword_set)


def topic_of(index: TextIndex, skip: set[Unit], top: int) -> Topic:
    """Top ``top`` YAKE key phrases of the text's headings, sentences and tables, leaving out
    ``skip`` (units that only set a keyword aside, which would otherwise lend it weight)."""
    doc = index.doc
    pieces = []
    for unit in index.units:
        if unit in skip:
            continue
        text = _clean_unit(doc.content[unit.start : unit.end])
        if _HAS_LETTER.search(text):
            pieces.append(text if text.endswith((".", "!", "?", ":")) else text + ".")
    if not pieces:
        return Topic([], [], top)
    pool = max(top, _SUGGESTION_POOL)
    phrases = [
        phrase
        for phrase, _score in _extractor(doc.language, pool).extract_keywords("\n".join(pieces))
    ]
    phrase_tokens = [tokenize(p, 0, len(p), doc.language) for p in phrases]
    return Topic(phrases, phrase_tokens, top)


_MARKUP = re.compile(r"\]\([^)]*\)|[*_`#>|\[\]]")
_NOT_WORDS = re.compile(r"\bhttps?://\S+|\bwww\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _clean_unit(text: str) -> str:
    return " ".join(_MARKUP.sub(" ", _NOT_WORDS.sub(" ", text)).split())


def keyword_parts(keyword: str, language: str) -> frozenset[str]:
    """The lemmas and compound parts of a keyword's words, minus stop words and scraps."""
    stop = stopwords(language)
    parts: set[str] = set()
    for word in re.findall(r"[^\W_]+", keyword):
        folded = word.casefold()
        parts.add(folded)
        parts |= {p for p in compound_parts(word, language) if len(p) >= _MIN_PART_CHARS}
        parts |= word_keys(word, language)
    return frozenset(p for p in parts if p not in stop and _HAS_LETTER.search(p))


def is_related(token: Token, parts: frozenset[str], language: str) -> bool:
    """A word shares a lemma with the keyword, or (German) contains one of its compound parts."""
    if token.keys & parts:
        return True
    if language != "de":
        return False
    forms = {token.text.casefold(), lemma(token.text, language)}
    return any(
        len(part) >= _MIN_PART_CHARS
        and form != part
        and (form.startswith(part) or form.endswith(part))
        for part in parts
        for form in forms
    )


def contrastive_units(index: TextIndex, uses: KeywordUses) -> set[Unit]:
    """Units where this keyword is only named to be set aside."""
    found = set()
    for use in uses.uses:
        unit = use.unit
        text = index.doc.content[unit.start : unit.end]
        if is_contrastive(
            text,
            use.match.start - unit.start,
            use.match.end - unit.start,
            index.doc.language,
            heading=unit.kind in ("heading", "title"),
        ):
            found.add(unit)
    return found


def judge(
    index: TextIndex,
    uses: KeywordUses,
    topic: Topic,
    *,
    brief_tokens: list[Token],
    brief_title: str,
    threshold: float,
) -> Relevance:
    """Add up the evidence for one used keyword (``brief_tokens``: words of the brief's title and
    audience, which count as related words)."""
    doc = index.doc
    language = doc.language
    parts = keyword_parts(uses.keyword, language)
    contrast = contrastive_units(index, uses)
    earnest = [use for use in uses.uses if use.unit not in contrast]
    earnest_units = {use.unit for use in earnest}
    evidence: dict[str, float] = {}

    title_tokens = tokenize(brief_title, 0, len(brief_title), language)
    in_brief_title = bool(find_occurrences(brief_title, title_tokens, uses.form, language))
    if in_brief_title or any(use.unit.kind == "title" for use in earnest):
        evidence["title"] = WEIGHTS["title"]
    if _in_topic(index, topic, parts, contrast):
        evidence["key_phrase"] = WEIGHTS["key_phrase"]
    if earnest_units:
        evidence["uses"] = min(WEIGHTS["use"] * len(earnest_units), WEIGHTS["uses_cap"])
    own = uses.own_tokens
    related = _related_words(index, parts, own, language) + [
        t.text for t in brief_tokens if is_related(t, parts, language)
    ]
    distinct = sorted({w.casefold() for w in related})
    if distinct:
        evidence["related_words"] = min(
            WEIGHTS["related_word"] * len(distinct), WEIGHTS["related_cap"]
        )
    if any(_heads_section(doc, use) for use in earnest if use.unit.kind == "heading"):
        evidence["section"] = WEIGHTS["section"]
    if any(_in_paragraph(index, use) for use in earnest):
        evidence["in_paragraph"] = WEIGHTS["in_paragraph"]
    if any(_in_topic_phrase(index, use, own) for use in earnest):
        evidence["phrase"] = WEIGHTS["phrase"]
    score = round(min(float(sum(evidence.values())), 1.0), 2)
    return Relevance(
        keyword=uses.keyword,
        score=score,
        relevant=score >= threshold,
        evidence={k: round(v, 2) for k, v in evidence.items()},
        related_words=distinct[:10],
        contrastive_uses=sum(1 for use in uses.uses if use.unit in contrast),
        earnest_uses=len(earnest_units),
    )


def _in_topic(index: TextIndex, topic: Topic, parts: frozenset[str], skip: set[Unit]) -> bool:
    """A top key phrase contains the keyword or a related word that the text uses at least twice
    (YAKE's position feature ranks a one-off word of the first sentence high; a word the text never
    returns to does not describe its topic)."""
    language = index.doc.language
    words = [
        t for tokens in topic.tokens[: topic.top] for t in tokens if is_related(t, parts, language)
    ]
    if not words:
        return False
    keys = frozenset().union(*(t.keys for t in words))
    skipped = {i for unit in skip for i in index.unit_tokens(unit)}
    repeats = sum(1 for i, t in enumerate(index.tokens) if i not in skipped and t.keys & keys)
    return repeats >= _KEY_PHRASE_REPEATS


def _related_words(
    index: TextIndex, parts: frozenset[str], own: set[int], language: str
) -> list[str]:
    stop = stopwords(language)
    return [
        t.text
        for i, t in enumerate(index.tokens)
        if i not in own and t.text.casefold() not in stop and is_related(t, parts, language)
    ]


def _heads_section(doc: Document, use: Use) -> bool:
    return any(
        section.heading.start == use.unit.start and section.has_text for section in doc.sections
    )


def _in_paragraph(index: TextIndex, use: Use) -> bool:
    """The use stands in a paragraph (or list, or table) with more to say, not in a one-sentence
    insert — the form a keyword squeezed in afterwards typically takes."""
    unit = use.unit
    if unit.kind == "table":
        return True
    if unit.kind != "sentence":
        return False
    block = unit.block
    if block.kind == "list_item":
        blocks = index.doc.blocks
        at = blocks.index(block)
        neighbours = blocks[max(at - 1, 0) : at] + blocks[at + 1 : at + 2]
        return any(b.kind == "list_item" for b in neighbours)
    return sum(1 for u in index.units if u.block is block) > 1


def _in_topic_phrase(index: TextIndex, use: Use, own: set[int]) -> bool:
    """The keyword forms a phrase (no stop word or punctuation between) with a word that the text
    repeats outside this sentence."""
    doc = index.doc
    stop = stopwords(doc.language)
    tokens = index.tokens
    inside = index.unit_tokens(use.unit)
    partners: list[Token] = []
    for step in (-1, 1):
        j = use.match.first - 1 if step < 0 else use.match.last
        for _ in range(_PHRASE_REACH):
            if j not in inside or j in own:
                break
            left, right = (tokens[j], tokens[j + 1]) if step < 0 else (tokens[j - 1], tokens[j])
            if not _PHRASE_GAP.fullmatch(doc.content[left.end : right.start]):
                break
            if tokens[j].text.casefold() in stop or not _HAS_LETTER.search(tokens[j].text):
                break
            partners.append(tokens[j])
            j += step
    if not partners:
        return False
    counts: Counter[int] = Counter()
    for i, t in enumerate(tokens):
        if i in inside or i in own:
            continue
        for n, partner in enumerate(partners):
            if t.keys & partner.keys:
                counts[n] += 1
    return any(c >= _PHRASE_REPEATS for c in counts.values())


def suggestions(
    index: TextIndex, topic: Topic, keyword_part_sets: list[frozenset[str]], limit: int
) -> list[str]:
    """Key phrases of the text that no brief keyword covers yet and that the text uses at least
    twice (YAKE also ranks one-off phrases of the first sentence high): candidates to replace an
    unrelated keyword."""
    language = index.doc.language
    chosen: list[str] = []
    seen: set[str] = set()
    for phrase, tokens in zip(topic.phrases, topic.tokens, strict=True):
        if not tokens or any(ch.isdigit() for ch in phrase) or _looks_like_a_name(tokens, language):
            continue
        if language == "de" and not any(t.text[:1].isupper() for t in tokens):
            continue  # German keywords are nouns, and German nouns are capitalised
        if any(is_related(t, parts, language) for t in tokens for parts in keyword_part_sets):
            continue
        keys = {min(t.keys) for t in tokens}
        if keys & seen:
            continue
        form = keyword_form(phrase, language)
        if (
            len(find_occurrences(index.doc.content, index.tokens, form, language))
            < _SUGGESTION_REPEATS
        ):
            continue
        seen |= keys
        chosen.append(phrase)
        if len(chosen) >= limit:
            break
    return chosen


def _looks_like_a_name(tokens: list[Token], language: str) -> bool:
    """Brand, company and person names make poor keywords: a capitalised word the dictionaries do
    not know ("Larkfield", "CourseDeck"), or in English a phrase capitalised throughout ("Daniel
    Whitmore", "April")."""
    if any(t.text[:1].isupper() and not known_word(t.text, language) for t in tokens):
        return True
    return language == "en" and all(t.text[:1].isupper() for t in tokens)


@lru_cache(maxsize=8192)
def known_word(word: str, language: str) -> bool:
    from reviewer.language.lemmas import is_known

    languages = ("de", "en") if language == "de" else ("en",)
    return any(is_known(word, lang) for lang in languages)
