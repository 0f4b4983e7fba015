"""Find a brief keyword in the text whatever its case, inflection or hyphenation.

Writers do not repeat a keyword verbatim: German inflects it ("des Datenschutzes"), hyphenates or
opens it ("KI-Tools", "KI Tools", "KI‑Tool" with a non-breaking hyphen, "Lead-Generierung" /
"Leadgenerierung"), English pluralises it ("CRM migrations"). Each word gets a small set of
comparison keys: its case-folded form; its lemma (``reviewer.language.lemmas``: simplemma's
dictionary data, shipped compact; unknown German compounds take the lemma of their head); the
English lemma of loanwords German does not know ("Leads" in German copy); a Snowball stem only for
words no dictionary knows ("webhooks", "uptimes"); and the singular of acronym plurals ("KPIs").
Two words match when their key sets meet.

An occurrence is counted the way Yoast SEO counts a keyphrase: a heading or sentence that contains
every content word of the keyword (function words such as "für", "the" ignored), in any order
and inflection, holds as many occurrences as its rarest content word ("The apple potato is an
apple and a potato" holds "apple potato" twice). A run of words that spells the keyword (part by
part, separated only by spaces or hyphens, or written closed: "Leadgenerierung") counts once
wherever it stands. Words that share only a Snowball stem with the keyword's words
("optimize costs" for "cost optimization") are a *close variant*, reported as such, not counted.

Decision on compounds: a keyword inside a *hyphenated* compound counts as an occurrence
("Marketing-Automation-Plattform" contains "Marketing-Automation"), because the reader sees the
keyword and search engines split at hyphens too. Inside a *closed* German compound
("Pflichtschulungen" for "Schulung") it is not an occurrence — it is not what a reader or search
engine sees as the keyword — but it is recorded as a compound mention, which the check quotes when
the keyword is otherwise missing and which counts as support for the keyword's relevance.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from reviewer.language import lemmas
from reviewer.language.stems import stem

# Letters and digits; hyphens, apostrophes, slashes and punctuation separate words.
_WORD = re.compile(r"[^\W_]+")
# What may stand between two parts of one keyword: spaces and hyphens of any kind
# (U+00AD soft hyphen, U+2010 hyphen, U+2011 non-breaking hyphen, U+2012 figure dash), no newline.
_JOIN = re.compile(r"[ \t\u00a0\u202f\-\u00ad\u2010\u2011\u2012]+")
_HYPHENS = re.compile(r"[\-\u00ad\u2010\u2011\u2012]+")
# Link targets, URLs and e-mail addresses are not prose: "cyber@versicherung.de" is no keyword use.
_NOT_PROSE_MARKERS = ("](", "http", "www.", "@")  # every match of _NOT_PROSE holds one
_NOT_PROSE = re.compile(r"\]\([^)\s]*\)|\bhttps?://\S+|\bwww\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

_ACRONYM_PLURAL = re.compile(r"[A-Z][A-Z0-9]+s")
# German copy borrows English words ("Leads", "Tools"); English copy rarely borrows German ones, and
# not consulting the German dictionary there saves loading it (seconds) for English-only runs.
_LOANWORDS_FROM: dict[str, str | None] = {"de": "en", "en": None}
_MIN_COMPOUND_CHARS = 4
_MIN_HEAD_CHARS = 5
_UNAMBIGUOUS_HEAD_CHARS = 7
_LINKS = ("es", "en", "s", "n")  # German linking elements: Betrieb|s|unterbrechung


@dataclass(slots=True, unsafe_hash=True)
class Token:
    """A word of the text with its offsets into ``Document.content`` and its comparison keys.

    Treated as immutable but not declared ``frozen``: a frozen dataclass's ``__init__`` sets each
    field through ``object.__setattr__`` and costs four times as much, and a draft has about a
    thousand tokens per review. Nothing assigns to a token's fields."""

    start: int
    end: int
    text: str
    keys: frozenset[str]


@dataclass(frozen=True, slots=True)
class KeywordForm:
    """A brief keyword prepared for matching: the keys of each part and of its closed form."""

    keyword: str
    parts: tuple[frozenset[str], ...]
    compact: str  # the parts written together, case-folded ("kitools")
    compact_keys: frozenset[str]
    head_lemma: str  # lemma of the closed form, for "ends with" compound mentions
    separators: tuple[str, ...] = ()  # the keyword's own text between its words ("." in "Node.js")
    content: tuple[int, ...] = ()  # indexes of the content words among ``parts``
    stems: tuple[str, ...] = ()  # Snowball stem of each content word

    @property
    def content_parts(self) -> tuple[frozenset[str], ...]:
        return tuple(self.parts[i] for i in self.content)


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence: character span and the tokens it covers (``first``..``last`` for a run;
    ``indexes`` lists them when the words stand apart in the sentence)."""

    start: int
    end: int
    first: int
    last: int  # exclusive
    indexes: tuple[int, ...] = ()

    @property
    def token_indexes(self) -> tuple[int, ...]:
        return self.indexes or tuple(range(self.first, self.last))


def stem_language(language: str) -> str:
    """The language whose stemmer and dictionaries a document's words are read with."""
    return _language(language)


def _language(language: str) -> str:
    return language if language in _LOANWORDS_FROM else "en"


@lru_cache(maxsize=131072)
def word_keys(word: str, language: str) -> frozenset[str]:
    """Comparison keys of one word (see the module docstring); cached, words repeat a lot."""
    language = _language(language)
    folded = word.casefold()
    keys = {folded}
    keys.add(lemmas.lemma(word, language))
    if not lemmas.is_known(word, language):
        loan = _LOANWORDS_FROM[language]
        if loan and lemmas.is_known(word, loan):
            keys.add(lemmas.lemma(folded, loan))
        else:
            keys.update(stem(folded, lang) for lang in ("de", "en"))
    if _ACRONYM_PLURAL.fullmatch(word):
        keys.add(folded[:-1])  # "KPIs", "CRMs": no dictionary knows them, no stemmer strips the s
    if language == "en":
        # English sentence-initial capitals: "Managed" and "managed" are the same word
        keys.add(lemmas.lemma(folded, "en"))
    return frozenset(keys)


@lru_cache(maxsize=131072)
def lemma(word: str, language: str) -> str:
    """The case-folded dictionary lemma of a word (greedy compound mode for German)."""
    return lemmas.lemma(word, _language(language))


@lru_cache(maxsize=4096)
def keyword_form(keyword: str, language: str) -> KeywordForm:
    """The keyword prepared for matching; cached: a brief's keywords come back with every draft
    (the form depends on the keyword and the language only, and is immutable)."""
    from reviewer.language.stopwords import is_function_word

    found = list(_WORD.finditer(keyword))
    words = [m.group(0) for m in found]
    compact_surface = "".join(words)
    content = tuple(i for i, w in enumerate(words) if not is_function_word(w, language))
    if not content:  # a keyphrase of function words only ("The Who") is matched as it stands
        content = tuple(range(len(words)))
    return KeywordForm(
        content=content,
        stems=tuple(stem(words[i], _language(language)) for i in content),
        keyword=keyword,
        parts=tuple(word_keys(w, language) for w in words),
        compact=compact_surface.casefold(),
        compact_keys=word_keys(compact_surface, language) if compact_surface else frozenset(),
        head_lemma=lemma(compact_surface, language) if compact_surface else "",
        separators=tuple(
            keyword[a.end() : b.start()] for a, b in zip(found, found[1:], strict=False)
        ),
    )


@lru_cache(maxsize=4096)
def holds_keyword(text: str, keyword: str, language: str) -> bool:
    """Whether a short text (the brief's title) holds the keyword: as a run or with all its
    content words. Cached: the brief's title and keywords come back with every draft."""
    if not text:
        return False
    form = keyword_form(keyword, language)
    tokens = tokenize(text, 0, len(text), language)
    if find_occurrences(text, tokens, form, language):
        return True
    return bool(sentence_occurrences(tokens, [range(len(tokens))], form, set()))


def masked_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of link targets, URLs and e-mail addresses inside ``text[start:end]``."""
    if not any(text.find(marker, start, end) >= 0 for marker in _NOT_PROSE_MARKERS):
        return []  # nothing that could be one: skip the costly search
    return [(m.start(), m.end()) for m in _NOT_PROSE.finditer(text, start, end)]


def tokenize(
    text: str, start: int, end: int, language: str, memo: dict[str, frozenset[str]] | None = None
) -> list[Token]:
    """Words of ``text[start:end]`` with keys, leaving out URLs, link targets and e-mail addresses.
    ``memo`` (spelling -> keys) is shared by the calls for one document: words repeat, and a dict
    lookup is cheaper than the keyed ``word_keys`` cache."""
    masks = masked_spans(text, start, end)
    if memo is None:
        memo = {}
    tokens: list[Token] = []
    append = tokens.append
    mask_index = 0
    for m in _WORD.finditer(text, start, end):
        where, until = m.span()
        if masks:
            while mask_index < len(masks) and masks[mask_index][1] <= where:
                mask_index += 1
            if mask_index < len(masks) and masks[mask_index][0] <= where < masks[mask_index][1]:
                continue
        word = m.group()
        keys = memo.get(word)
        if keys is None:
            keys = memo[word] = word_keys(word, language)
        append(Token(where, until, word, keys))
    return tokens


def joined_by_hyphen(text: str, left: Token, right: Token) -> bool:
    return _joined(text, left, right, hyphen_only=True)


def _joined(text: str, left: Token, right: Token, *, hyphen_only: bool = False) -> bool:
    gap = text[left.end : right.start]
    if gap == "-":  # the usual gaps, answered without the patterns
        return True
    if gap == " ":
        return not hyphen_only
    return bool(gap) and (_HYPHENS if hyphen_only else _JOIN).fullmatch(gap) is not None


def _match_at(text: str, tokens: list[Token], i: int, form: KeywordForm, language: str) -> int:
    """How many tokens from ``i`` on form one occurrence of the keyword (0: none)."""
    k = len(form.parts)
    if k and i + k <= len(tokens):
        run = tokens[i : i + k]
        if all(not form.parts[j].isdisjoint(run[j].keys) for j in range(k)) and all(
            _joined(text, run[j], run[j + 1])
            or text[run[j].end : run[j + 1].start] == form.separators[j]
            for j in range(k - 1)
        ):
            return k
    # The same word written closed or hyphenated differently: "Leadgenerierung" for
    # "Lead-Generierung", "Daten-Schutz" for "Datenschutz".
    if not form.compact_keys:
        return 0
    for m in (1, 2, 3):
        if m == k or i + m > len(tokens):
            continue
        run = tokens[i : i + m]
        if m > 1 and not all(
            _joined(text, run[j], run[j + 1], hyphen_only=True) for j in range(m - 1)
        ):
            continue
        keys = run[0].keys if m == 1 else word_keys("".join(t.text for t in run), language)
        if not keys.isdisjoint(form.compact_keys):
            return m
    return 0


def find_occurrences(
    text: str,
    tokens: list[Token],
    form: KeywordForm,
    language: str,
    starts: list[int] | None = None,
) -> list[Match]:
    """Non-overlapping occurrences of the keyword, left to right. ``starts`` (sorted token
    indexes) limits the positions tried to those where a run can begin (see ``TextIndex``)."""
    matches: list[Match] = []
    first = form.parts[0] if form.parts else frozenset()
    positions = starts if starts is not None else range(len(tokens))
    after = 0
    for i in positions:
        if i < after:
            continue
        keys = tokens[i].keys
        if not (
            not keys.isdisjoint(first)
            or not keys.isdisjoint(form.compact_keys)
            or (i + 1 < len(tokens) and _joined(text, tokens[i], tokens[i + 1], hyphen_only=True))
        ):
            continue  # no run of the keyword can start here: skip the costly checks
        taken = _match_at(text, tokens, i, form, language)
        if taken:
            matches.append(Match(tokens[i].start, tokens[i + taken - 1].end, i, i + taken))
            after = i + taken
    return matches


def sentence_occurrences(
    tokens: list[Token],
    units: list[range],
    form: KeywordForm,
    taken: set[int],
    part_hits: list[list[int]] | None = None,
) -> list[Match]:
    """Occurrences of a keyword whose content words stand apart within one unit (a heading or a
    sentence), leaving out the ``taken`` tokens that already form a run of the keyword. Each unit
    holds as many as its least frequent content word; each occurrence spans its own words.

    ``part_hits`` (per content word, the sorted indexes of the tokens whose keys meet it; see
    ``TextIndex.part_hits``) spares comparing every token of every unit with every word."""
    wanted = form.content_parts
    if len(wanted) < 2:
        return []  # one content word: every occurrence is a run
    found: list[Match] = []
    if part_hits is None:
        part_hits = [key_hits(tokens, keys) for keys in wanted]
    for unit in units:
        if any(not _within(h, unit) for h in part_hits):
            continue  # a word of the keyword is missing here (most units)
        hits = [[i for i in _within(h, unit) if i not in taken] for h in part_hits]
        for n in range(min(len(h) for h in hits)):
            chosen = tuple(sorted({h[n] for h in hits}))
            if len(chosen) < len(wanted):
                continue  # one word standing for two parts of the keyword is no occurrence
            found.append(
                Match(
                    tokens[chosen[0]].start,
                    tokens[chosen[-1]].end,
                    chosen[0],
                    chosen[-1] + 1,
                    chosen,
                )
            )
    return found


def key_hits(tokens: list[Token], keys: frozenset[str]) -> list[int]:
    """Indexes of the tokens whose comparison keys meet ``keys``, ascending."""
    return [i for i, token in enumerate(tokens) if not keys.isdisjoint(token.keys)]


def _within(indexes: list[int], unit: range) -> list[int]:
    """The sorted ``indexes`` that fall in ``unit``."""
    first = bisect_left(indexes, unit.start)
    return indexes[first : bisect_left(indexes, unit.stop, first)]


def variant_units(
    tokens: list[Token],
    units: list[range],
    form: KeywordForm,
    language: str,
    taken: set[int],
    hits: list[tuple[list[int], list[int]]] | None = None,
) -> list[list[int]]:
    """Per unit, the tokens of a close variant: every content word of the keyword is there by its
    key or by its Snowball stem, and at least one only by its stem ("optimize costs" for "cost
    optimization", "versichert" for "Versicherung").

    ``hits`` (per content word, the sorted indexes of the tokens that meet its keys and of those
    that share its stem; see ``TextIndex``) spares reading every token of every unit."""
    found: list[list[int]] = []
    if hits is None:
        stems = [stem(t.text, _language(language)) for t in tokens]
        hits = [
            (key_hits(tokens, keys), [i for i, s in enumerate(stems) if s == word_stem])
            for keys, word_stem in zip(form.content_parts, form.stems, strict=True)
        ]
    for unit in units:
        chosen: list[int] = []
        by_stem = False
        for exact_hits, stem_hits in hits:
            exact = [i for i in _within(exact_hits, unit) if i not in taken]
            if exact:
                chosen.append(exact[0])
                continue
            similar = [i for i in _within(stem_hits, unit) if i not in taken]
            if not similar:
                break
            chosen.append(similar[0])
            by_stem = True
        else:
            if by_stem:
                found.append(sorted(set(chosen)))
    return found


def compound_mentions(
    tokens: list[Token],
    form: KeywordForm,
    language: str,
    exclude: set[int],
    spellings: list[Spelling] | None = None,
) -> list[int]:
    """Indexes of German closed compounds that contain the keyword ("Pflichtschulungen" for
    "Schulung", "Verpackungsregister" for "Verpackung"); English writes compounds open.
    ``spellings`` (``TextIndex.spellings``) lets each spelling be judged once without reading
    every token."""
    if _language(language) != "de" or len(form.compact) < _MIN_COMPOUND_CHARS:
        return []
    if spellings is None:
        by_text: dict[str, list[int]] = {}
        for index, token in enumerate(tokens):
            by_text.setdefault(token.text, []).append(index)
        spellings = spelling_table(by_text, language)
    found = []
    compact, head = form.compact, form.head_lemma
    for _text, folded, word_lemma, where in spellings:
        if len(folded) > len(compact) and (folded.startswith(compact) or word_lemma.endswith(head)):
            found.extend(i for i in where if i not in exclude)
    return sorted(found)


Spelling = tuple[str, str, str, list[int]]  # text, case-folded, lemma, token indexes


def spelling_table(by_text: dict[str, list[int]], language: str) -> list[Spelling]:
    """Each distinct spelling (``by_text``: token indexes per spelling, in order of first use)
    with what the per-word judgements read: its case-folded form, its lemma and where it
    stands."""
    return [
        (text, text.casefold(), lemma(text, language), where) for text, where in by_text.items()
    ]


@lru_cache(maxsize=8192)
def compound_parts(word: str, language: str) -> frozenset[str]:
    """The lemma of a word and, for a German closed compound, its head and modifier lemmas
    ("Cyberversicherung" → cyberversicherung, versicherung, cyber; "Betriebsunterbrechung" →
    …, unterbrechung, betrieb).

    The head is the longest ending of at least five letters that the lemma dictionary knows;
    linking elements (-s-, -es-, -n-, -en-) are dropped from the modifier, which must be a known
    word or itself a compound of known words ("Erstlösungs|quote") unless the head is long enough
    to be unambiguous ("Cyber|versicherung"). Short
    endings are never heads, so "Marketing" does not become "Marke" + "ting"."""
    whole = lemma(word, language)
    parts = {whole}
    if _language(language) != "de":
        return frozenset(parts)
    rest = whole
    for _ in range(2):  # at most three parts: Betriebs|unterbrechungs|versicherung
        split = _split_once(rest)
        if split is None:
            break
        modifier, head = split
        parts.update((head, modifier, lemma(modifier.capitalize(), "de")))
        rest = modifier
    return frozenset(parts)


@lru_cache(maxsize=8192)
def compound_head(word: str, language: str) -> str | None:
    """The head lemma of a German closed compound ("Schichtbetrieb" → betrieb), the part that says
    what the thing is; None for other words and languages."""
    if _language(language) != "de":
        return None
    split = _split_once(lemma(word, language))
    return None if split is None else split[1]


def _split_once(word: str) -> tuple[str, str] | None:
    for cut in range(_MIN_COMPOUND_CHARS, len(word) - _MIN_HEAD_CHARS + 1):
        head = word[cut:]
        if not lemmas.is_known(head.capitalize(), "de"):
            continue
        modifier = word[:cut]
        candidates = [modifier] + [
            modifier[: -len(link)] for link in _LINKS if modifier.endswith(link)
        ]
        candidates = [c for c in candidates if len(c) >= _MIN_COMPOUND_CHARS]
        # A known word first; else a compound of known words ("Erstlösungs|quote").
        known = [c for c in candidates if lemmas.is_known(c.capitalize(), "de")]
        known = known or [c for c in reversed(candidates) if _split_once(c)]
        if known:
            return known[0], lemma(head.capitalize(), "de")
        if len(head) >= _UNAMBIGUOUS_HEAD_CHARS and len(modifier) >= _MIN_COMPOUND_CHARS:
            return modifier, lemma(head.capitalize(), "de")
        return None  # the longest known head decides; a shorter one would be a guess
    return None
