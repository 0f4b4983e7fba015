"""The trained name model: a linear-chain CRF (python-crfsuite) per language, shipped in
``reviewer/checks/pii/models/`` (model card: ``training/ner/MODEL_CARD.md``).

Why a CRF: it trains in a minute on two CPU cores, its weights are a few MB, and tagging a
650-word draft takes a few milliseconds. Its features are word shape, affixes, the given-name list
of ``reviewer.checks.pii.names`` and the words around a token, so it finds names the list lacks
("Zofia Wrzesińska", "says Okafor") and tells companies (ORG) and places (LOC) from persons.

The same ``tokenize`` and ``features`` serve training (``training/ner/train.py``) and detection,
so the two can never drift apart.
"""

from __future__ import annotations

import logging
import re
import struct
import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from reviewer.checks.pii import names

MODEL_DIR = Path(__file__).with_name("models")
LABELS = ("PER", "ORG", "LOC")

# Words (with inner hyphens, apostrophes, dots of abbreviations), numbers, single other characters.
_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*\.?|\S")
# Sentence ends inside a line: . ! ? followed by a space (long lines are tagged sentence by sentence).
_MAX_TOKENS = 80


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    label: str  # PER, ORG or LOC
    confidence: float  # the model's marginal probability of the entity's first token


def tokenize(text: str) -> list[tuple[int, int]]:
    """Token spans; a trailing dot is split off unless the word is an initial or a title ("Dr.")."""
    spans = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if end - start > 2 and text[end - 1] == "." and not names.is_title(text[start:end]):
            spans.append((start, end - 1))
            spans.append((end - 1, end))
        else:
            spans.append((start, end))
    return spans


def _shape(word: str) -> str:
    shape = re.sub(r"[A-ZÄÖÜÀ-ÞĀ-Ž]", "X", word)
    shape = re.sub(r"[a-zäöüßà-ÿā-ž]", "x", shape)
    shape = re.sub(r"\d", "d", shape)
    return re.sub(r"(.)\1+", r"\1", shape)  # "Xxxxx" -> "Xx"


@cache
def gazetteer(kind: str) -> frozenset[str]:
    """``surnames``, ``given`` (Faker's name lists, MIT) or ``places`` (GeoNames, CC BY 4.0), shipped
    next to the models (``training/ner/gazetteer.py``); ``census`` (the 1990 US Census surnames,
    public domain) only when the recipe's ``census_surnames`` switch built it (off: not shipped)."""
    path = MODEL_DIR / f"{kind}.txt"
    return frozenset(path.read_text(encoding="utf-8").split()) if path.is_file() else frozenset()


def _census(word: str, language: str) -> list[str]:
    """``surname-census`` for a word of the US Census surname list that the dictionary does not
    know ("Spranger", "Makarewicz"; not "Haus"): tried for lone German surnames, not shipped (see
    the model card), so without ``models/census.txt`` this adds nothing."""
    census = gazetteer("census")
    if not census or (word if word[:1].isupper() else word.capitalize()) not in census:
        return []
    from reviewer.language import lemmas

    return [] if lemmas.is_known(word, language) else ["surname-census"]


# The context word lists of the rules, as features: (feature, words), in feature order.
_WORD_LISTS: tuple[tuple[str, frozenset[str]], ...] = (
    ("title", names.TITLES),
    ("attr", names.ATTRIBUTION_WORDS),
    ("job", names.JOB_WORDS),
    ("company", names.COMPANY_DESIGNATORS),
    ("nonsurname", names.NON_SURNAMES),
    ("calendar", names.CALENDAR_WORDS),
)


@lru_cache(maxsize=262_144)  # bounded: a server sees an open-ended vocabulary
def _word_class(word: str, language: str) -> tuple[str, ...]:
    """Cached per word: the lexical features that do not depend on the neighbours."""
    from reviewer.language import lemmas

    lower = word.lower()
    feats = [f"w={lower}", f"s2={lower[-2:]}", f"s3={lower[-3:]}", f"s4={lower[-4:]}",
             f"p3={lower[:3]}", f"sh={_shape(word)}"]  # fmt: skip
    if word[:1].isupper():
        feats.append("cap")
    if word.isupper() and len(word) > 1:
        feats.append("upper")
    if any(ch.isdigit() for ch in word):
        feats.append("digit")
    if names.is_first_name(word) or (word.islower() and names.is_first_name(word.capitalize())):
        feats.append("given")
    if word in gazetteer("given") or word.capitalize() in gazetteer("given"):
        feats.append("given2")
    if language == "de" and (
        word in gazetteer("places") or word.capitalize() in gazetteer("places")
    ):
        feats.append("place")
    surnames = gazetteer("surnames")
    if word in surnames or word.capitalize() in surnames:
        feats.append("surname")
    elif word.endswith("s") and word[:-1] in surnames:
        feats.append("surname-s")
    feats += _census(word, language)
    if word.isalpha() and len(word) > 1:
        if lemmas.is_known(word, language):
            feats.append("known")
            if lemmas.lemma(word, language) != lower:
                feats.append("inflected")
        if word[:1].isupper() and lemmas.lookup(lower, language) is not None:
            feats.append("known-lower")  # "Start", "Open": a lower-case word capitalised
    if lower in names.stop_words():
        feats.append("stop")
    feats += [label for label, words in _WORD_LISTS if lower in words]
    if not word.isascii() and word.isalpha():
        feats.append("nonascii")
    if language == "de" and word[:1].isupper() and word.isalpha() and len(word) > 1:
        feats += _german_capital(word)
    if language == "de":
        feats.append(f"pos={_pos_lexicon().get(lower, '?')}")
    return tuple(feats)


def _german_capital(word: str) -> list[str]:
    """Where every noun is capitalised, a capital says little; what the dictionary knows of the
    word says more: a capitalised form it lists is a noun ("Kirche"), a compound with a known head
    is one too ("Vorstandschef"), a capitalised word it does not know at all is likely a name,
    and so is the genitive of one ("Okafors", "Wrzesińskas")."""
    from reviewer.language import lemmas

    feats = [f"s5={word[-5:].lower()}"]
    if lemmas.lookup(word, "de") is not None:
        feats.append("noun")
    elif lemmas.is_known(word, "de"):
        feats.append("cap-not-noun")
    elif lemmas.lemma(word, "de") != word.lower():
        feats.append("compound")
    else:
        feats.append("unknown-cap")
        if word.endswith("s") and not lemmas.is_known(word[:-1], "de"):
            feats.append("unknown-gen")
    return feats


@cache
def _pos_lexicon() -> dict[str, str]:
    """German words and the part-of-speech tag HanTa's lexicon gives each most often (STTS, e.g.
    ``VV(FIN)`` for "sagte", ``NE`` for "kohl", ``NN`` for "kirche"; keys lower-case).

    Why: German capitalises every noun, so a lone surname ("wurde Spranger", "sagte Paschen")
    differs from a noun mostly by its neighbours' word classes: a finite verb before it and no
    article. Only HanTa's cached lexicon (23,000 frequent forms) is read, a dict lookup per word;
    its tagger (a Viterbi pass with a morphological analysis of every unknown word) costs about
    as much as the whole PII check. Read from the installed HanTa package (a dependency of the
    readability check), not copied, through ``reviewer.language.hanta.read_model``, which reads
    the file once for both checks and without numpy; empty when HanTa is missing."""
    import pickle

    from reviewer.language.hanta import read_model

    try:
        data = read_model("morphmodel_ger.pgz")  # shared with the readability check's tagger
        int2tag, lexicon = data[1], data[15]
    except (
        OSError,
        pickle.UnpicklingError,
        IndexError,
        EOFError,
        AttributeError,
        ValueError,
    ) as exc:
        log.warning("HanTa lexicon not readable (%s): name model without word classes", exc)
        return {}
    return {w: int2tag[max(tags, key=lambda t: t[1])[0]] for w, tags in lexicon.items() if tags}


_CONTEXT_KEEP = ("w=", "sh=", "pos=", "cap", "given", "surname", "title", "attr", "job", "company", "stop",
                 "nonsurname", "place", "known", "noun", "compound", "unknown-cap")  # fmt: skip


@lru_cache(maxsize=262_144)
def _context_class(word: str, language: str, offset: int) -> tuple[str, ...]:
    """The part of a neighbour's word class that its neighbour at ``-offset`` sees, prefixed."""
    return tuple(
        f"{offset}:{f}" for f in _word_class(word, language) if f.startswith(_CONTEXT_KEEP)
    )


@lru_cache(maxsize=65_536)
def _cached_shape(word: str) -> str:
    return _shape(word)


@lru_cache(maxsize=262_144)
def _own_class(word: str, language: str) -> tuple[str, ...]:
    """A token's features that depend on its word alone: the bias and its word class."""
    return ("bias", *_word_class(word, language))


@lru_cache(maxsize=262_144)
def _own_known(word: str, language: str) -> tuple[bytes, ...]:
    known = model_attributes(language)
    return tuple(f.encode() for f in _own_class(word, language) if f in known)


@lru_cache(maxsize=262_144)
def _context_known(word: str, language: str, offset: int) -> tuple[bytes, ...]:
    known = model_attributes(language)
    return tuple(f.encode() for f in _context_class(word, language, offset) if f in known)


def features(words: list[str], language: str) -> list[list[str]]:
    """crfsuite features of every token: its own word class, and a part of its neighbours'."""
    return _sequence(words, language, _own_class, _context_class, lambda marks: marks)


def tagger_features(words: list[str], language: str) -> list[list[bytes]]:
    """``features`` as the shipped model of ``language`` reads them: only the attributes it has
    weights for, in the same order, UTF-8 encoded (per word, cached).

    crfsuite drops every other attribute when it reads a sequence, and encodes each string
    attribute to UTF-8 first, so the tags and marginals are the same; but a fifth fewer
    attributes and no encoding per token halve the tagging time. Training uses ``features``.

    What ``_sequence`` builds, with one cached lookup per token (``_tagger_word``: a word's own
    features, what its neighbours see of it, its lower case and shape) instead of six, the one
    feature of two words (the previous word with this one's shape) joined as bytes, and each
    token's list built in one go from the columns shifted by one and two (no per-token branches).
    ``tests/test_pii_model_attributes.py`` compares it with ``features`` filtered and encoded."""
    if not words:
        return []
    known = _known_bytes(language)
    own, before2, before1, after1, after2, step_start, shape = zip(
        *[_tagger_word(word, language) for word in words], strict=True
    )
    steps = [(b"BOS",) if b"BOS" in known else ()]
    steps += [
        (step,) if (step := start + end) in known else ()
        for start, end in zip(step_start, shape[1:], strict=False)  # tokens 1 … n-1
    ]
    if b"EOS" in known:
        steps[-1] += (b"EOS",)
    none = ((),)
    # what token i sees: own, step (and EOS), word i-2's view from +2, i-1's, i+1's and i+2's
    return [
        [*a, *b, *c, *d, *e, *f]
        for a, b, c, d, e, f in zip(
            own,
            steps,
            none * 2 + before2[:-2],
            none + before1[:-1],
            after1[1:] + none,
            after2[2:] + none * 2,
            strict=False,  # the columns padded by two are longer than a sentence of one token
        )
    ]


@lru_cache(maxsize=262_144)
def _tagger_word(word: str, language: str) -> tuple:
    """What ``tagger_features`` needs of a word: its own features; those its neighbours at -2,
    -1, +1 and +2 see (prefixed with the offset from them); the step feature's start (its lower
    case) and its shape, as UTF-8 (surrogates passed through: such a feature is never one of the
    model's)."""
    return (
        _own_known(word, language),
        *(_context_known(word, language, offset) for offset in (-2, -1, 1, 2)),
        b"-1w|sh=" + word.lower().encode("utf-8", "surrogatepass") + b"|",
        _cached_shape(word).encode("utf-8", "surrogatepass"),
    )


@cache
def _known_bytes(language: str) -> frozenset[bytes]:
    return frozenset(attribute.encode() for attribute in model_attributes(language))


def _sequence(words: list[str], language: str, own, context, mark) -> list[list]:
    """Per token: ``own`` features of its word, ``mark``-ed position features (the previous word
    with this one's shape, sentence start and end), ``context`` features of two words either side."""
    n = len(words)
    out = []
    for i, word in enumerate(words):
        feats = list(own(word, language))
        step = "BOS" if i == 0 else f"-1w|sh={words[i - 1].lower()}|{_cached_shape(word)}"
        feats += mark((step, "EOS") if i == n - 1 else (step,))
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < n:
                feats += context(words[j], language, offset)
        out.append(feats)
    return out


@cache
def model_attributes(language: str) -> frozenset[str]:
    """Every attribute (feature string) the shipped model of ``language`` has, read from the model
    file's attribute dictionary (crfsuite's CQDB) in a few milliseconds: ``Tagger.info()``
    would dump and parse the whole model, some 100 ms. Layout (crfsuite's crf1d_model.c and
    cqdb.c): the model header holds the attribute CQDB's offset at byte 36; the CQDB header its
    number of keys at 16 and the offset of its id -> record table at 20; a record is
    ``id, size, key + NUL``."""
    current = _MODELS.get(language)  # a validation model (``use_model``) or the shipped one
    data = (current.path if current else MODEL_DIR / f"names-{language}.crfsuite").read_bytes()
    if data[:4] != b"lCRF":
        raise ValueError(f"not a crfsuite model: names-{language}.crfsuite")
    base = struct.unpack_from("<I", data, 36)[0]
    if data[base : base + 4] != b"CQDB":
        raise ValueError(f"no attribute dictionary in names-{language}.crfsuite")
    count, table = struct.unpack_from("<II", data, base + 16)
    keys = []
    for record in struct.unpack_from(f"<{count}I", data, base + table):
        if record:
            size = struct.unpack_from("<I", data, base + record + 4)[0]
            keys.append(data[base + record + 8 : base + record + 7 + size].decode("utf-8"))
    return frozenset(keys)


def sentences(spans: list[tuple[int, int]], text: str) -> list[list[tuple[int, int]]]:
    """Token spans cut into sentences (line breaks, sentence punctuation, at most _MAX_TOKENS)."""
    out: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    previous_end = 0
    size = len(text)
    for start, end in spans:
        if current and (text.find("\n", previous_end, start) != -1 or len(current) >= _MAX_TOKENS):
            out.append(current)
            current = []
        current.append((start, end))
        previous_end = end
        if end - start == 1 and text[start] in ".!?" and (end >= size or text[end].isspace()):
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


class NameModel:
    """One language's tagger. crfsuite taggers are not thread-safe: one per thread."""

    def __init__(self, path: Path, language: str) -> None:
        self.path = path
        self.language = language
        self._local = threading.local()

    def _tagger(self):
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            tagger.open(str(self.path))
            self._local.tagger = tagger
        return tagger

    def entities(self, text: str) -> list[Entity]:
        tagger = self._tagger()
        found: list[Entity] = []
        for unit in tagging_units(text):
            labels = tagger.tag(tagger_features(unit.words, self.language))
            if labels.count("O") == len(labels):
                continue  # most sentences name no one: no need to walk their labels
            sentence = unit_spans(text, unit)
            i = 0
            while i < len(labels):
                if labels[i] == "O":
                    i += 1
                    continue
                kind = labels[i][2:]
                j = i + 1
                while j < len(labels) and labels[j] == f"I-{kind}":
                    j += 1
                confidence = min(tagger.marginal(labels[k], k) for k in range(i, j))
                found.append(Entity(sentence[i][0], sentence[j - 1][1], kind, confidence))
                i = j
        return found


class Unit(NamedTuple):
    """A sentence as the tagger reads it: its words, and where to find their spans (computed
    only for a sentence in which the model finds something: ``unit_spans``)."""

    words: list[str]
    line_start: int  # where the sentence's line starts in the text
    line: list[str]  # the words of that line, up to the end of the sentence at least
    first: int  # the index of the sentence's first word in ``line``


# A token and the white-space character after it, if any (the pattern only consumes: the tokens
# are those of ``_TOKEN``; the next search starts at a character no token starts with anyway).
_TOKEN_SPACE = re.compile(rf"({_TOKEN.pattern})(\s?)")


def tagging_units(text: str) -> list[Unit]:
    """``sentences(tokenize(text), text)`` with each sentence's words, in one pass: the three
    loops over every token (tokens, sentences, words) cost about as much as the tagging.

    A token never holds white space, so "a line break between two tokens" is "another line":
    each line is scanned on its own (``findall`` with ``pos``/``endpos``: the pattern only
    consumes, so a line's matches are the whole text's on it) and a sentence ends at its end.
    A sentence's end mark is followed by a space, or is the line's last token (a line break or
    the text's end follows). Words, not match objects: spans are found later, only where the
    model tags something (``unit_spans``). ``tests/test_pii_name_shortcuts.py`` compares the
    two on texts of its own."""
    out: list[Unit] = []
    size = len(text)
    line_start = 0
    while line_start <= size:
        line_end = text.find("\n", line_start)
        if line_end == -1:
            line_end = size
        found = _TOKEN_SPACE.findall(text, line_start, line_end)
        if found:
            line: list[str] = []
            first = 0
            last = found[-1]
            for pair in found:
                word = pair[0]
                if len(word) > 2 and word[-1] == "." and not names.is_title(word):
                    pieces: tuple[str, ...] = (word[:-1], ".")
                else:
                    pieces = (word,)
                for piece in pieces:
                    if len(line) - first >= _MAX_TOKENS:
                        out.append(Unit(line[first:], line_start, line, first))
                        first = len(line)
                    line.append(piece)
                    if piece in _SENTENCE_ENDS and (pair[1] or pair is last):
                        out.append(Unit(line[first:], line_start, line, first))
                        first = len(line)
            if first < len(line):
                out.append(Unit(line[first:], line_start, line, first))
        line_start = line_end + 1
    return out


def unit_spans(text: str, unit: Unit) -> list[tuple[int, int]]:
    """The spans of a unit's words: each word is the next one's first occurrence after the
    last (only white space lies between two tokens, and no token starts with it)."""
    spans = []
    position = unit.line_start
    for word in unit.line[: unit.first + len(unit.words)]:
        position = text.find(word, position)
        spans.append((position, position + len(word)))
        position += len(word)
    return spans[unit.first :]


_SENTENCE_ENDS = frozenset(".!?")


_MODELS: dict[str, NameModel | None] = {}
NOTES: list[str] = []  # why a model is not in use, for the check's details
log = logging.getLogger(__name__)


def use_model(language: str, path: Path | None) -> None:
    """Tag ``language`` with the model at ``path`` (None: the shipped one again), for training's
    validation. The attribute filter of ``tagger_features`` follows the model: a validation model
    with a new feature must not have it filtered out by the shipped model's attribute list."""
    if path is None:
        _MODELS.pop(language, None)
    else:
        _MODELS[language] = NameModel(path, language)
    for cached in (model_attributes, _known_bytes, _own_known, _context_known, _tagger_word):
        cached.cache_clear()


def get_model(language: str) -> NameModel | None:
    """The shipped model for ``language``, or None (rules alone then, with a note) when it is
    missing or cannot be opened: a broken install must not stop the review."""
    if language not in _MODELS:
        path = MODEL_DIR / f"names-{language}.crfsuite"
        model: NameModel | None = None
        if path.is_file():
            model = NameModel(path, language)
            try:
                model._tagger()
                model_attributes(language)
            except (ImportError, OSError, ValueError, RuntimeError, struct.error) as exc:
                model = None
                NOTES.append(
                    f"name model for {language} could not be loaded ({exc}); using name lists"
                )
                log.warning(NOTES[-1])
        _MODELS[language] = model
    return _MODELS[language]
