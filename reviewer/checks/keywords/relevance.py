"""Does a brief keyword fit what the text is about?

No topic word lists, no cue words and no model: the judgement adds up evidence that the *text
itself* gives for the keyword, each piece something a human reviewer would point to, and each
independent of how the keyword is introduced:

- ``title``: the keyword is in the brief's title or the title heading — where the topic is named.
- ``section``: it heads a section whose text builds on it (uses its words or related words).
- ``related_words``: other words of the text (or of the brief's title and audience) share its
  lemma, its Snowball stem, a compound part or a long common beginning ("Gefährdungen" for
  "Gefährdungsbeurteilung", "Lieferanten" for "Liefertreue", "costs" for "cost allocation") —
  lexical cohesion, the classic sign that a text is about something.
- ``context``: the words around it belong to the text's topic. For each use, the content words of
  its clause (or of its parentheses; two main clauses joined by ", and" count as one; of the
  whole sentence when the clause is too short to say)
  are compared with the text's *topic terms*, the lemmas that other headings or sentences use
  too (``reviewer.checks.keywords.topic``). A sentence about the subject shares many; an aside
  ("Viele Betriebe beschäftigen sich auch mit Kryptowährung als Geldanlage") shares few. A use in
  the form inserts take — in parentheses, a paragraph of one sentence, a list item, the text's
  last sentence — counts half (nothing for a keyword without a tie of its own, see below).
- ``phrase``: it forms a phrase with a word the text repeats elsewhere ("SEPA transfers" in a text
  about transfers) — it is woven into the topic.
- ``cohesion``: a sentence that uses it shares a content word (in German also a compound's head)
  with the sentence before or after it in the same paragraph — it carries the paragraph's thread
  (lexical cohesion between neighbours, as in TextTiling), where an inserted remark shares nothing
  with its neighbours. Asides (see below) do not count.
- ``opening``: it stands in the first sentence of a paragraph of several directly under a heading
  — the topic sentence, which the sentences after it elaborate; inserts are tacked on after the
  point (at a paragraph's end, in a paragraph of their own, in parentheses or a list), not put
  first. Like ``focus`` it weighs a quarter of the threshold: it tips a thinly used keyword whose
  sentence also speaks for it, never one the text gives nothing.
- ``focus``: it is the brief's focus keyphrase, the brief's own statement of the subject (a
  quarter of the threshold's worth: it tips a thinly used keyword whose text also speaks for it,
  never one the text gives nothing).

``context`` measures the sentence, not the keyword: an off-topic keyword slipped into a list item
about the subject ("Drone delivery of the welcome pack" among onboarding steps) borrows its
topicality. So a keyword that has no tie of its own (no title, section, related word, phrase or
cohesion) and stands in one unit only gets no credit for its context when that use is an aside.
(Withdrawing the credit also for uses after a preposition — "beim Influencer-Marketing" — found
one more off-topic keyword of the dev set but cost precision on every batch of unseen cases: "a
questionnaire on performance appraisal", "against the SLA". It was dropped.)

A keyword whose evidence stays below ``relevance_threshold`` is "unrelated to the topic". A
keyword squeezed in typically has none: named in an aside, a lone list item or a heading whose
section is about something else, with nothing else in the text relating to it. A relevant keyword
used once still has something: a related word, a topical sentence, a place in the title. Without
world knowledge the judgement can be fooled both ways — an off-topic word dropped into a sentence
full of the text's own terms, a relevant one used once in an aside — and it is reported as a
warning a reviewer can waive; the LLM critique gives its own verdict beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from os.path import commonprefix

from reviewer.checks.keywords.index import KeywordUses, TextIndex, Unit, Use
from reviewer.checks.keywords.matching import (
    Token,
    compound_head,
    compound_parts,
    find_occurrences,
    holds_keyword,
    keyword_form,
    lemma,
    word_keys,
)
from reviewer.checks.keywords.topic import Topic
from reviewer.document import Document
from reviewer.language.stems import stem
from reviewer.language.stopwords import function_words

# How much each piece of evidence weighs (the threshold is in the configuration).
WEIGHTS = {
    "title": 1.0,
    "section": 0.5,
    "related_word": 0.5,  # per distinct related word
    "related_cap": 0.75,
    "context": 2.5,  # times the share of topic terms around the keyword: a fifth is enough
    "context_cap": 0.75,
    "phrase": 0.5,
    "focus": 0.25,
    "cohesion": 0.5,
    "opening": 0.25,
    "definition": 0.5,
}
# Evidence that ties the keyword's own words to the text (``context`` is about the words around it,
# ``focus`` about the brief): a keyword without any is *unanchored*.
_ANCHORS = ("title", "section", "related_words", "phrase", "cohesion", "definition")
_MIN_COHESION_CHARS = 4  # shorter shared words ("one", "app") are too generic to tie sentences
_UNANCHORED_FACTOR = 0.0  # context of an unanchored single use that is an aside
_MIN_PART_CHARS = 4
_MIN_PREFIX = 5  # a shared beginning relates two words from this many letters …
_PREFIX_SHARE = 0.6  # … covering this share of the shorter word
_MIN_CONTEXT_WORDS = 2  # a clause with fewer content words says too little: read the sentence
_PHRASE_REACH = 2  # words on each side of a keyword that can form a phrase with it
_PHRASE_REPEATS = 2  # how often the phrase partner must occur elsewhere to count as a topic word
_PHRASE_GAP = re.compile(r"[ \t\u00a0\u202f\-\u00ad\u2010\u2011\u2012]+")
_ASIDE_FACTOR = 0.5  # the context of a use in the form of an aside counts half
# ", and" / ", und" joins two main clauses into one statement: the comma does not set an insert
# apart there.
_COORDINATORS = frozenset({"and", "und"})
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]–—]|\s-\s")
_SUGGESTION_REPEATS = 2
_SUGGESTION_POOL = 50
_HAS_LETTER = re.compile(r"[^\W\d_]")
_QUOTE_CHARS = 90


@dataclass
class Relevance:
    keyword: str
    score: float
    relevant: bool
    evidence: dict[str, float] = field(default_factory=dict)
    related_words: list[str] = field(default_factory=list)
    context: float = 0.0  # mean share of topic terms around the uses
    places: list[str] = field(default_factory=list)  # where each use stands, in words
    quote: str = ""  # the first use's sentence or heading

    def reason(self) -> str:
        """Why the keyword looks unrelated, in one sentence."""
        uses = len(self.places)
        where = "; ".join(dict.fromkeys(self.places))
        parts = [f"it occurs {'once' if uses == 1 else f'{uses} times'}, {where}"]
        if self.quote:
            parts[0] += f' ("{self.quote}")'
        if not self.related_words:
            parts.append("no other word of the text relates to it")
        if self.context < 0.25:
            parts.append("the words around it are not among the terms the text keeps returning to")
        return "; ".join(parts)


@lru_cache(maxsize=4096)
def keyword_parts(keyword: str, language: str) -> frozenset[str]:
    """The lemmas and compound parts of a keyword's content words (cached like
    ``keyword_form``: a brief's keywords come back with every draft)."""
    stop = function_words(language)
    parts: set[str] = set()
    for word in re.findall(r"[^\W_]+", keyword):
        folded = word.casefold()
        if folded in stop:
            continue
        parts.add(folded)
        parts |= {p for p in compound_parts(word, language) if len(p) >= _MIN_PART_CHARS}
        parts |= word_keys(word, language)
        parts.add(stem(word, language))
    return frozenset(p for p in parts if p not in stop and len(p) > 1 and _HAS_LETTER.search(p))


def is_related(token: Token, parts: frozenset[str], language: str) -> bool:
    """A word shares a lemma or stem with the keyword, contains one of its compound parts, is the
    head of one of them, or shares a long beginning with it."""
    return not token.keys.isdisjoint(parts) or _related_word(token.text, parts, language)


@lru_cache(maxsize=65536)
def _related_word(word: str, parts: frozenset[str], language: str) -> bool:
    if stem(word, language) in parts:
        return True
    forms = {word.casefold(), lemma(word, language)}
    for part in parts:
        if len(part) < _MIN_PART_CHARS:
            continue
        for form in forms:
            if form == part or len(form) < _MIN_PART_CHARS:
                continue
            if language == "de" and (
                form.startswith(part) or form.endswith(part) or part.endswith(form)
            ):
                return True
            if _shared_beginning(form, part):
                return True
    return False


def _shared_beginning(a: str, b: str) -> bool:
    if a[:_MIN_PREFIX] != b[:_MIN_PREFIX]:
        return False  # fewer than _MIN_PREFIX letters in common: most pairs, decided at once
    common = len(commonprefix((a, b)))
    return common >= _MIN_PREFIX and common >= _PREFIX_SHARE * min(len(a), len(b))


def judge(
    index: TextIndex,
    topic: Topic,
    uses: KeywordUses,
    *,
    brief_tokens: list[Token],
    brief_title: str,
    threshold: float,
    focus: bool = False,
) -> Relevance:
    """Add up the evidence for one used keyword (``brief_tokens``: words of the brief's title and
    audience, which count as related words)."""
    doc = index.doc
    language = doc.language
    parts = keyword_parts(uses.keyword, language)
    evidence: dict[str, float] = {}
    own = uses.own_tokens

    if _in_title(index, uses, brief_title):
        evidence["title"] = WEIGHTS["title"]
    if any(_heads_supported_section(index, use, parts, own) for use in uses.uses):
        evidence["section"] = WEIGHTS["section"]
    related = _related_words(index, parts, own) + [
        t.text for t in brief_tokens if is_related(t, parts, language)
    ]
    distinct = sorted({w.casefold() for w in related})
    if distinct:
        evidence["related_words"] = min(
            WEIGHTS["related_word"] * len(distinct), WEIGHTS["related_cap"]
        )
    if any(_in_topic_phrase(index, use, own) for use in uses.uses):
        evidence["phrase"] = WEIGHTS["phrase"]
    if any(_coheres(index, topic, use, own) for use in uses.uses):
        evidence["cohesion"] = WEIGHTS["cohesion"]
    if sum(evidence.values()) < threshold and _defined_by_subject(
        index, topic, uses, brief_tokens, parts
    ):
        evidence["definition"] = WEIGHTS["definition"]
    by_unit = {use.unit: use for use in uses.uses}
    unanchored = len(by_unit) == 1 and not any(k in evidence for k in _ANCHORS)
    shares = []
    for use in by_unit.values():
        aside = _is_aside(index, use)
        share = _context_share(index, topic, use, own) * (_ASIDE_FACTOR if aside else 1.0)
        if unanchored and aside:
            share *= _UNANCHORED_FACTOR
        shares.append(share)
    context = sum(shares) / len(shares) if shares else 0.0
    if context:
        evidence["context"] = min(WEIGHTS["context"] * context, WEIGHTS["context_cap"])
    if focus:
        evidence["focus"] = WEIGHTS["focus"]
    if any(_opens_section(index, use) for use in uses.uses):
        evidence["opening"] = WEIGHTS["opening"]
    score = round(min(float(sum(evidence.values())), 1.0), 2)
    first = uses.uses[0] if uses.uses else None
    return Relevance(
        keyword=uses.keyword,
        score=score,
        relevant=score >= threshold,
        evidence={k: round(v, 2) for k, v in evidence.items()},
        related_words=distinct[:10],
        context=round(context, 2),
        places=[_place(index, use) for use in by_unit.values()],
        quote="" if first is None else _quote(doc, first.unit),
    )


def _defined_by_subject(
    index: TextIndex,
    topic: Topic,
    uses: KeywordUses,
    brief_tokens: list[Token],
    parts: frozenset[str],
) -> bool:
    """The keyword's dictionary definition names a word of the text's title or subheadings (or
    the brief's title and audience): "per diem" (a daily allowance for living expenses) under the
    title "Expense reports …". Consulted only when the text's own words fall short (it costs a
    lookup), and only for English (``reviewer.checks.keywords.definitions``)."""
    from reviewer.checks.keywords.definitions import definition_words

    language = index.doc.language
    meaning = definition_words(uses.keyword, language)
    if not meaning:
        return False
    own = uses.own_tokens
    subject = {
        topic.lemmas[i]
        for position, unit in enumerate(index.units)
        if unit.kind in ("title", "heading")
        for i in index.unit_ranges[position]
        if i not in own and topic.lemmas[i]
    }
    subject |= {lemma(t.text, language) for t in brief_tokens}
    return bool((meaning & subject) - parts)


def _in_title(index: TextIndex, uses: KeywordUses, brief_title: str) -> bool:
    if any(use.unit.kind == "title" for use in uses.uses):
        return True
    return holds_keyword(brief_title, uses.keyword, index.doc.language)


def _heads_supported_section(
    index: TextIndex, use: Use, parts: frozenset[str], own: set[int]
) -> bool:
    """The use is a subheading whose section text uses a word related to the keyword (repeating
    the keyword itself in an aside below its heading does not make a section about it)."""
    if use.unit.kind != "heading":
        return False
    language = index.doc.language
    for section in index.doc.sections:
        if section.heading.start != use.unit.start:
            continue
        body = index.token_span(section.heading.end, section.end)
        return any(i not in own and is_related(index.tokens[i], parts, language) for i in body)
    return False


def _related_words(index: TextIndex, parts: frozenset[str], own: set[int]) -> list[str]:
    language = index.doc.language
    tokens = index.tokens
    return [  # ``is_related`` inlined: this reads every distinct word of the text per keyword
        text
        for text, where in index.content_texts
        if (not tokens[where[0]].keys.isdisjoint(parts) or _related_word(text, parts, language))
        and any(i not in own for i in where)
    ]


def _clauses(index: TextIndex, unit: Unit, token_range: range) -> list[tuple[list[int], bool]]:
    """The unit's tokens split at commas, colons, dashes and brackets; each clause with whether it
    stands in parentheses."""
    content = index.doc.content
    tokens = index.tokens
    clauses: list[tuple[list[int], bool]] = []
    current: list[int] = []
    cursor = unit.start
    depth = 0
    for i in token_range:
        gap = content[cursor : tokens[i].start]
        if gap == " ":  # most gaps: no break, no bracket
            current.append(i)
            cursor = tokens[i].end
            continue
        if (
            current
            and _CLAUSE_BREAK.search(gap)
            and not (gap.strip() == "," and tokens[i].text.casefold() in _COORDINATORS)
        ):
            clauses.append((current, depth > 0))
            current = []
        depth = max(depth + gap.count("(") - gap.count(")"), 0)
        current.append(i)
        cursor = tokens[i].end
    if current:
        clauses.append((current, depth > 0))
    return clauses


def _context_share(index: TextIndex, topic: Topic, use: Use, own: set[int]) -> float:
    """Share of topic terms among the content words around one use (see the module docstring)."""
    position = topic.unit_of_token[use.match.first]
    token_range = index.unit_ranges[position]
    mine = set(use.match.token_indexes)
    outside = {position}
    clauses = _clauses(index, use.unit, token_range)
    for words, bracketed in clauses:
        if not mine & set(words):
            continue
        around = [i for i in words if i not in own]
        share, count = topic.context_share(around, outside)
        if bracketed or count >= _MIN_CONTEXT_WORDS:
            return share
        break
    plain = [i for words, bracketed in clauses if not bracketed for i in words if i not in own]
    return topic.context_share(plain, outside)[0]


def _is_aside(index: TextIndex, use: Use) -> bool:
    """The use stands where inserts typically go: in parentheses, in a paragraph of one sentence
    (other than the first paragraph), in a list item, or in the text's very last sentence."""
    unit = use.unit
    if unit.kind != "sentence":
        return False
    if unit.block.kind == "list_item" or _in_parentheses(index.doc, use):
        return True
    if unit is index.last_sentence:
        return True
    return index.alone_in_block(unit) and unit.block is not index.first_paragraph


def _opens_section(index: TextIndex, use: Use) -> bool:
    """The use stands in the first sentence of a paragraph of several directly under a heading
    (or the title): the topic sentence, where a writer states what the section is about and the
    sentences after it elaborate. Inserts are tacked on after the point, not put first; a use in
    parentheses there is still an insert."""
    unit = use.unit
    if unit.kind != "sentence" or unit.block.kind != "paragraph" or _in_parentheses(index.doc, use):
        return False
    position = index.unit_of_token[use.match.first]
    if position <= 0 or index.units[position - 1].kind not in ("title", "heading"):
        return False
    following = index.units[position + 1] if position + 1 < len(index.units) else None
    return following is not None and following.block is unit.block


def _coheres(index: TextIndex, topic: Topic, use: Use, own: set[int]) -> bool:
    """The use's sentence (not an aside) shares a content lemma with the sentence before or after
    it in the same paragraph — in German also the head of a closed compound, the way German
    repeats a word ("Betrieb" … "Schichtbetrieb"; a "Videokonferenz" is no "Video")."""
    if use.unit.kind != "sentence" or _is_aside(index, use):
        return False
    position = topic.unit_of_token[use.match.first]
    language = index.doc.language
    tokens = index.tokens

    def terms(p: int, skip: set[int]) -> set[str]:
        found: set[str] = set()
        for i in index.unit_ranges[p]:
            term = topic.lemmas[i]
            if i in skip or not term:
                continue
            found.add(term)
            head = compound_head(tokens[i].text, language)
            if head:
                found.add(head)
        return {term for term in found if len(term) >= _MIN_COHESION_CHARS}

    mine = terms(position, own)
    neighbours = [
        p
        for p in (position - 1, position + 1)
        if 0 <= p < len(index.units) and index.units[p].block is use.unit.block
    ]
    return any(mine & terms(p, own) for p in neighbours)


def _in_topic_phrase(index: TextIndex, use: Use, own: set[int]) -> bool:
    """The keyword forms a phrase (no function word or punctuation between) with a word that the
    text repeats outside this sentence."""
    if use.match.indexes:
        return False  # words standing apart form no phrase
    doc = index.doc
    stop = function_words(doc.language)
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
    for partner in partners:
        elsewhere = {
            i
            for key in partner.keys
            for i in index.positions.get(key, ())
            if i not in inside and i not in own
        }
        if len(elsewhere) >= _PHRASE_REPEATS:
            return True
    return False


def _place(index: TextIndex, use: Use) -> str:
    """Where a use stands, for the message: "in a subheading", "in a list item", "in
    parentheses", "in a one-sentence paragraph", "in a sentence" — and in which section."""
    doc = index.doc
    unit = use.unit
    if unit.kind == "title":
        return "in the title"
    if unit.kind == "heading":
        kind = "in a subheading"
    elif unit.kind == "table":
        kind = "in a table"
    elif unit.block.kind == "list_item":
        kind = "in a list item"
    elif _in_parentheses(doc, use):
        kind = "in parentheses"
    elif index.alone_in_block(unit):
        kind = "in a one-sentence paragraph"
    else:
        kind = "in a sentence"
    section = _section_name(doc, unit)
    return f"{kind} {section}" if section else kind


def _in_parentheses(doc: Document, use: Use) -> bool:
    before = doc.content[use.unit.start : use.match.start]
    return before.count("(") > before.count(")")


def _section_name(doc: Document, unit: Unit) -> str:
    sections = [s for s in doc.sections if s.heading.start <= unit.start < s.end]
    if unit.kind == "heading" or not sections:
        first_heading = next((s for s in doc.sections if s.level > 1), None)
        if not sections and first_heading is None:
            return ""
        return "" if unit.kind == "heading" else "in the introduction"
    section = sections[-1]
    if section.heading is doc.title_heading:
        return "in the introduction"
    last = section is doc.sections[-1]
    name = f'in the section "{section.title}"'
    return name + " (the last)" if last else name


def _quote(doc: Document, unit: Unit) -> str:
    text = " ".join(doc.content[unit.start : unit.end].split()).lstrip("#-* ")
    return text if len(text) <= _QUOTE_CHARS else text[: _QUOTE_CHARS - 1].rstrip() + "…"


def suggestions(
    index: TextIndex,
    topic: Topic,
    keyword_part_sets: list[frozenset[str]],
    limit: int,
    pool: int = _SUGGESTION_POOL,
) -> list[str]:
    """Key phrases of the text that no brief keyword covers yet and that the text uses at least
    twice: candidates to replace an unrelated keyword."""
    language = index.doc.language
    chosen: list[str] = []
    seen: set[str] = set()
    for phrase, tokens in topic.key_phrases(pool):
        if not tokens or any(ch.isdigit() for ch in phrase) or _looks_like_a_name(tokens, language):
            continue
        if language == "de" and not any(t.text[:1].isupper() for t in tokens):
            continue  # German keywords are nouns, and German nouns are capitalised
        if any(is_related(t, parts, language) for t in tokens for parts in keyword_part_sets):
            continue
        keys = {lemma(t.text, language) for t in tokens}
        if keys & seen:
            continue
        form = keyword_form(phrase, language)
        runs = find_occurrences(
            index.doc.content, index.tokens, form, language, index.run_starts(form)
        )
        if len(runs) < _SUGGESTION_REPEATS:
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
