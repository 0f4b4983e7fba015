"""What a text is about, from its own words: the content words it keeps coming back to and the
phrases it repeats.

A text's topic shows in repetition across its parts: the terms of a text about warehouse barcode
scanning (scan, pick, stock, location, label) turn up in heading after heading and sentence after
sentence, while a remark about something else uses words found nowhere else. So the topic here is
the set of content lemmas (function words left out) with the units (headings, sentences, tables)
each occurs in; a *topic term* of a unit is a lemma that another unit uses too.
Headings and the title count double when ranking the key phrases offered as keyword suggestions.

This replaces YAKE, the statistical key-phrase extractor the check used before: YAKE cost most of
the check's time (co-occurrence graphs and medians per word), and counting lemmas per unit gives
the relevance judgement what it needs directly.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from reviewer.checks.keywords.index import TextIndex
from reviewer.checks.keywords.matching import Token
from reviewer.language.stopwords import function_words

TOPIC_UNITS = 1  # a term is part of the topic when this many other units use it
_HAS_LETTER = re.compile(r"[^\W\d_]")
_PHRASE_GAP = re.compile(r"[ \t\u00a0\u202f\-\u00ad\u2010\u2011\u2012]+")
_HEADING_WEIGHT = 2.0


@dataclass
class Topic:
    index: TextIndex
    lemmas: list[str | None]  # per token: its content lemma, or None for function words
    units_of: dict[str, set[int]] = field(default_factory=dict)  # lemma -> unit positions
    unit_of_token: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, index: TextIndex) -> Topic:
        language = index.doc.language
        stop = function_words(language)
        lemmas: list[str | None] = [None] * len(index.tokens)
        unit_of_token = index.unit_of_token
        units_of: dict[str, set[int]] = {}
        for _text, folded, term, where in index.spellings:  # each spelling once
            if len(folded) > 1 and folded not in stop and _HAS_LETTER.search(folded):
                units = units_of.get(term)
                if units is None:
                    units = units_of[term] = set()
                for i in where:
                    lemmas[i] = term
                    units.add(unit_of_token[i])
        for units in units_of.values():
            units.discard(-1)  # tokens outside every unit
        return cls(index, lemmas, units_of, unit_of_token)

    def is_topic_term(self, term: str, outside: set[int]) -> bool:
        """Whether ``TOPIC_UNITS`` units other than ``outside`` use the lemma."""
        return len(self.units_of.get(term, set()) - outside) >= TOPIC_UNITS

    def context_share(self, tokens: list[int], outside: set[int]) -> tuple[float, int]:
        """Share of the content words among ``tokens`` that are topic terms of the text (used in
        at least ``TOPIC_UNITS`` units not in ``outside``), and how many content words there
        were."""
        terms = {self.lemmas[i] for i in tokens if self.lemmas[i] is not None}
        if not terms:
            return 0.0, 0
        topical = sum(1 for term in terms if self.is_topic_term(term, outside))
        return topical / len(terms), len(terms)

    @cached_property
    def weights(self) -> Counter[str]:
        """Each lemma's weight: its uses, headings and title counting double."""
        heading = {"title", "heading"}
        unit_weight = [_HEADING_WEIGHT if u.kind in heading else 1.0 for u in self.index.units]
        found: dict[str, float] = {}  # a plain dict is cheaper to add to; same order, same sums
        for term, unit in zip(self.lemmas, self.unit_of_token, strict=True):
            if term is not None and unit >= 0:
                found[term] = found.get(term, 0.0) + unit_weight[unit]
        return Counter(found)

    def key_phrases(self, limit: int) -> list[tuple[str, list[Token]]]:
        """Phrases of one to three adjacent content words that the text uses at least twice,
        best first: weight of their words times how often the phrase recurs, two-word phrases
        preferred over single words (they name a thing more precisely)."""
        tokens = self.index.tokens
        content = self.index.doc.content
        lemmas = self.lemmas
        # linked[k]: tokens k and k + 1 are content words with only spaces or hyphens between
        linked = [
            lemmas[k] is not None
            and lemmas[k + 1] is not None
            and _PHRASE_GAP.fullmatch(content[tokens[k].end : tokens[k + 1].start]) is not None
            for k in range(len(tokens) - 1)
        ]
        counts: dict[tuple[str, ...], int] = {}
        first_seen: dict[tuple[str, ...], int] = {}  # phrase -> its first token
        for token_range in self.index.unit_ranges:
            stop = token_range.stop
            for i in token_range:
                term = lemmas[i]
                if term is None:
                    continue
                key: tuple[str, ...] = ()
                for last in (i, i + 1, i + 2):
                    if last > i and (last >= stop or not linked[last - 1]):
                        break
                    key += (lemmas[last],)
                    counts[key] = counts.get(key, 0) + 1
                    first_seen.setdefault(key, i)
        scored = []
        for key, count in counts.items():
            if count < 2:
                continue
            weight = sum(self.weights[term] for term in key) / len(key)
            length_bonus = 1.5 if len(key) == 2 else 1.0
            scored.append((weight * count * length_bonus, key))
        scored.sort(key=lambda item: (-item[0], item[1]))
        result = []
        for _score, key in scored[:limit]:
            first = first_seen[key]
            run = tokens[first : first + len(key)]
            result.append((content[run[0].start : run[-1].end], run))
        return result
