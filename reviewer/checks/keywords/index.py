"""The words of a draft, tokenised once per check run, with the unit (heading, sentence, table)
each word stands in — the keyword check asks "where is it used?" and "in what sentence?" a lot.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from reviewer.checks.keywords.matching import (
    KeywordForm,
    Match,
    Spelling,
    Token,
    compound_mentions,
    find_occurrences,
    joined_by_hyphen,
    keyword_form,
    sentence_occurrences,
    spelling_table,
    stem_language,
    tokenize,
    variant_units,
)
from reviewer.document import Document
from reviewer.language.stems import stem
from reviewer.language.stopwords import function_words
from reviewer.parsing.blocks import Block

# Code and raw HTML are not read as copy; horizontal rules have no words.
_SKIPPED_KINDS = frozenset({"code", "html", "rule"})
_HYPHEN_CHARS = frozenset("-\u00ad\u2010\u2011\u2012")


@dataclass(frozen=True, slots=True)
class Unit:
    """A heading, a sentence of running text, or a whole table: where a keyword is used."""

    start: int
    end: int
    kind: str  # "title", "heading", "sentence" or "table"
    block: Block


@dataclass
class Use:
    """One occurrence of a keyword with the unit it stands in."""

    match: Match
    unit: Unit


@dataclass
class KeywordUses:
    keyword: str
    form: KeywordForm
    uses: list[Use]  # runs of the keyword and sentences holding all its content words
    compounds: list[Token]  # closed German compounds containing the keyword (not occurrences)
    variants: list[str] = field(default_factory=list)  # close variants as written, not counted

    @property
    def own_tokens(self) -> set[int]:
        return {i for use in self.uses for i in use.match.token_indexes}


@dataclass
class TextIndex:
    doc: Document
    tokens: list[Token]
    units: list[Unit]
    _unit_starts: list[int] = field(repr=False, default_factory=list)

    @classmethod
    def build(cls, doc: Document) -> TextIndex:
        title = doc.title_heading
        units: list[Unit] = []
        tokens: list[Token] = []
        sentences = sorted(doc.sentences, key=lambda s: s.start)
        sentence_starts = [s.start for s in sentences]
        memo: dict[str, frozenset[str]] = {}  # keys per spelling, shared by the blocks
        for block in doc.blocks:
            if block.kind in _SKIPPED_KINDS:
                continue
            tokens.extend(tokenize(doc.content, block.start, block.end, doc.language, memo))
            if block.kind == "heading":
                units.append(
                    Unit(block.start, block.end, "title" if block is title else "heading", block)
                )
            elif block.is_prose:
                first = bisect_left(sentence_starts, block.start)
                inside = sentences[first : bisect_left(sentence_starts, block.end, first)]
                units.extend(Unit(s.start, s.end, "sentence", block) for s in inside)
                if not inside:
                    units.append(Unit(block.start, block.end, "sentence", block))
            else:
                units.append(Unit(block.start, block.end, "table", block))
        units.sort(key=lambda u: u.start)
        return cls(doc, tokens, units, [u.start for u in units])

    def unit_at(self, offset: int) -> Unit | None:
        position = bisect_right(self._unit_starts, offset) - 1
        if position < 0:
            return None
        unit = self.units[position]
        return unit if offset < unit.end else None

    def unit_tokens(self, unit: Unit) -> range:
        """Index range of the tokens inside a unit."""
        return self.token_span(unit.start, unit.end)

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @cached_property
    def positions(self) -> dict[str, list[int]]:
        """Token indexes per comparison key, to find where a keyword can start without a scan.
        Built per spelling (one spelling, one set of keys); the lists are read as sets, so their
        order does not matter."""
        found: dict[str, list[int]] = {}
        tokens = self.tokens
        for where in self.by_text.values():
            for key in tokens[where[0]].keys:
                found.setdefault(key, []).extend(where)
        return found

    @cached_property
    def hyphen_starts(self) -> list[int]:
        """Tokens joined to the next by a hyphen (a closed keyword may be written apart there)."""
        content = self.doc.content
        tokens = self.tokens
        return [
            i
            for i in range(len(tokens) - 1)
            if content[tokens[i].end : tokens[i].end + 1] in _HYPHEN_CHARS
            and joined_by_hyphen(content, tokens[i], tokens[i + 1])
        ]

    @cached_property
    def stem_positions(self) -> dict[str, list[int]]:
        """Token indexes per Snowball stem, for close variants."""
        language = stem_language(self.doc.language)
        found: dict[str, list[int]] = {}
        for text, where in self.by_text.items():
            found.setdefault(stem(text, language), []).extend(where)
        return found

    @cached_property
    def unit_of_token(self) -> list[int]:
        """Position (in ``units``) of each token's unit, -1 outside every unit."""
        found = [-1] * len(self.tokens)
        for position, token_range in enumerate(self.unit_ranges):
            for i in token_range:
                found[i] = position
        return found

    def part_hits(self, form: KeywordForm) -> list[list[int]]:
        """Per content word of the keyword, the sorted indexes of the tokens whose keys meet it
        (what ``matching.key_hits`` finds by reading every token)."""
        positions = self.positions
        return [
            sorted({i for key in keys for i in positions.get(key, ())})
            for keys in form.content_parts
        ]

    def variant_hits(self, form: KeywordForm) -> list[tuple[list[int], list[int]]]:
        """Per content word, the sorted indexes of the tokens that meet its keys and of those
        that share its Snowball stem."""
        return [
            (exact, sorted(self.stem_positions.get(word_stem, ())))
            for exact, word_stem in zip(self.part_hits(form), form.stems, strict=True)
        ]

    def variant_candidates(self, hits: list[tuple[list[int], list[int]]]) -> list[range]:
        """Token ranges of the units that hold every content word of the keyword by its keys or
        its stem (``hits`` from ``variant_hits``) — the only units where a close variant can be
        (``variant_units`` reads them)."""
        common: set[int] | None = None
        for exact, similar in hits:
            units = {self.unit_of_token[i] for i in (*exact, *similar)} - {-1}
            common = units if common is None else common & units
            if not common:
                return []
        return [self.unit_ranges[p] for p in sorted(common or ())]

    @cached_property
    def by_text(self) -> dict[str, list[int]]:
        """Token indexes per spelling: word-by-word judgements are made once per distinct word."""
        found: dict[str, list[int]] = {}
        for i, token in enumerate(self.tokens):
            found.setdefault(token.text, []).append(i)
        return found

    @cached_property
    def spellings(self) -> list[Spelling]:
        """``by_text`` with each spelling's case-folded form and lemma (``spelling_table``)."""
        return spelling_table(self.by_text, self.doc.language)

    @cached_property
    def content_texts(self) -> list[tuple[str, list[int]]]:
        """``by_text`` without the function words."""
        stop = function_words(self.doc.language)
        return [
            (text, where) for text, where in self.by_text.items() if text.casefold() not in stop
        ]

    def token_span(self, start: int, end: int) -> range:
        """Index range of the tokens starting within ``[start, end)``."""
        return range(bisect_left(self._token_starts, start), bisect_left(self._token_starts, end))

    def run_starts(self, form: KeywordForm) -> list[int]:
        """Where a run of the keyword can begin: its first word, its closed form, a hyphen."""
        keys = (form.parts[0] if form.parts else frozenset()) | form.compact_keys
        starts = set(self.hyphen_starts)
        for key in keys:
            starts.update(self.positions.get(key, ()))
        return sorted(starts)

    @cached_property
    def last_sentence(self) -> Unit | None:
        """The text's very last sentence (where inserts are tacked on)."""
        sentences = [u for u in self.units if u.kind == "sentence"]
        return sentences[-1] if sentences else None

    @cached_property
    def first_paragraph(self) -> Block | None:
        return next((b for b in self.doc.blocks if b.is_prose), None)

    @cached_property
    def _units_per_block(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for unit in self.units:
            counts[id(unit.block)] = counts.get(id(unit.block), 0) + 1
        return counts

    def alone_in_block(self, unit: Unit) -> bool:
        """Whether the unit is the only one of its block (a one-sentence paragraph)."""
        return self._units_per_block[id(unit.block)] == 1

    @cached_property
    def unit_ranges(self) -> list[range]:
        return [self.unit_tokens(unit) for unit in self.units]

    def uses_of(self, keyword: str) -> KeywordUses:
        """Where the keyword occurs (runs first, then sentences holding all its content words),
        its close variants and the compounds that contain it."""
        language = self.doc.language
        form = keyword_form(keyword, language)
        runs = find_occurrences(
            self.doc.content, self.tokens, form, language, self.run_starts(form)
        )
        taken = {i for m in runs for i in m.token_indexes}
        hits = self.variant_hits(form)
        scattered = sentence_occurrences(
            self.tokens, self.unit_ranges, form, taken, [exact for exact, _similar in hits]
        )
        matches = sorted(runs + scattered, key=lambda m: m.start)
        uses = []
        for match in matches:
            unit = self.unit_at(match.start)
            if unit is not None:
                uses.append(Use(match, unit))
        own = {i for m in matches for i in m.token_indexes}
        compounds = [
            self.tokens[i]
            for i in compound_mentions(self.tokens, form, language, own, self.spellings)
        ]
        variants = [
            " … ".join(self.tokens[i].text for i in group)
            for group in variant_units(
                self.tokens, self.variant_candidates(hits), form, language, own, hits
            )
        ]
        return KeywordUses(keyword, form, uses, compounds, variants)
