"""Passive voice, found with the HanTa part-of-speech tagger (German STTS, English CLAWS5 tags).

A tagger rather than word lists: whether "geschlossen", "closed" or "interested" is a verb
participle or an adjective depends on the sentence, and HanTa (a maintained HMM tagger whose
models ship in its wheel) decides that from context, for irregular participles too.

German (Vorgangspassiv, as in Yoast's German analysis):
- a form of "werden" (wird, wurde, werden, würde, …) and a past participle (VVPP) in the same
  clause: "wird veröffentlicht", "wurde … überzeugt", "muss aktualisiert werden";
- perfect passive "ist/sind/war … worden": "sind geprüft worden".
Not passive: future tense "wird kommen" (no participle); "werden" + adjective ("werden
zufriedener"); future perfect active "wird gekommen sein / gemacht haben"; a participle used
as an adverb next to a future infinitive ("werden begeistert reagieren"); sein + participle
("ist geschlossen", Zustandspassiv), which states a result and is often the natural wording —
and cannot be told from the sein-perfect ("ist gekommen") without a verb lexicon.

English: a form of "be" (or "get") followed by a past participle, with at most adverbs,
"not", "being"/"been" in between: "was written", "must be updated", "has been checked",
"is being built", "got fired"; in questions the subject may stand between ("Was the report
approved?"). Stative readings count, as in Yoast ("is designed for", "is based on"): the form
is the passive form. Not passive: adjectives the tagger recognises ("is interested", "was
tired"); participles after a degree adverb ("very", "so", "too", …), which only adjectives
take; participles of feeling verbs without a by-agent ("we're thrilled to announce", a short
list below); perfect active "have written".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Only sentences containing one of these are tagged: the tagger is the slow part.
_DE_AUX = re.compile(
    r"\b(?:werde|wirst|wird|werden|werdet|wurde|wurdest|wurden|wurdet|würde|würdest|würden|würdet|worden)\b",
    re.I,
)
_EN_AUX = re.compile(
    r"(?:\b(?:am|is|are|was|were|be|been|being|get|gets|got|gotten|getting)(?:n['’]t)?\b|['’](?:s|re|m)\b)",
    re.I,
)

_DE_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:[-'’]\w+)*|[^\w\s]")
_EN_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)*|\w+(?=n't\b)|n't\b|'(?:s|re|m|ve|ll|d)\b|\w+(?:[-.]\w+)*|[^\w\s]", re.I
)

_DE_FINITE = {"VA(FIN)", "VM(FIN)", "VV(FIN)", "VA(IMP)", "VV(IMP)"}
_DE_CLAUSE_START = {"KON", "KOUS", "KOUI"}
_EN_BETWEEN = {"AV0", "XX0"}  # adverbs and "not" may stand between auxiliary and participle
_EN_PARTICIPLE = {"VVN", "VDN"}  # "done" has its own tag
_EN_NOUN_PHRASE = {
    "AT0",
    "DPS",
    "DT0",
    "AJ0",
    "AJC",
    "AJS",
    "NN0",
    "NN1",
    "NN2",
    "NP0",
    "CRD",
    "ORD",
    "PNP",
    "POS",
}
_EN_QUESTION_START = {"AVQ", "DTQ", "PNQ"}  # when, which, who …
# Participles of feeling verbs read as adjectives after "be" ("we're thrilled to announce")
# unless a by-agent follows; the tagger does not always see that, so they are listed here.
_EN_FEELINGS = {
    "thrilled",
    "excited",
    "delighted",
    "pleased",
    "interested",
    "satisfied",
    "disappointed",
    "surprised",
    "amazed",
    "worried",
    "concerned",
    "bored",
    "tired",
    "scared",
    "frightened",
    "annoyed",
    "confused",
    "convinced",
    "committed",
    "dedicated",
    "honored",
    "honoured",
    "overwhelmed",
    "relieved",
}
_EN_DEGREE = {
    "very",
    "so",
    "too",
    "extremely",
    "quite",
    "really",
    "more",
    "most",
    "less",
    "least",
    "rather",
    "pretty",
    "fairly",
    "somewhat",
}


@dataclass(frozen=True, slots=True)
class Passive:
    """The auxiliary and the participle that make a sentence passive."""

    auxiliary: str
    participle: str
    lemma: str  # the participle's verb, for the suggestion

    @property
    def phrase(self) -> str:
        return f"{self.auxiliary} … {self.participle}"


@dataclass(frozen=True, slots=True)
class _Tok:
    word: str
    tag: str

    @property
    def lower(self) -> str:
        return self.word.lower()


@lru_cache(maxsize=2)
def _tagger(language: str):
    """HanTa's model for the language, loaded once per process (see
    ``reviewer.language.hanta`` for what is done to load and run it faster, with the same tags)."""
    from reviewer.language.hanta import load_tagger

    return load_tagger("morphmodel_ger.pgz" if language == "de" else "morphmodel_en.pgz")


def _tag(text: str, language: str) -> list[_Tok]:
    """Tokens with part-of-speech tags. Tags only: lemmatising every token costs HanTa as much
    again, and only the participle's lemma is needed (for the suggestion)."""
    pattern = _DE_TOKEN if language == "de" else _EN_TOKEN
    return _tag_words(pattern.findall(text.replace("’", "'")), language)


def _tag_words(words: list[str], language: str) -> list[_Tok]:
    if not words:
        return []
    from reviewer.checks.readability.viterbi import tags

    return [_Tok(w, tag) for w, tag in zip(words, tags(_tagger(language), words), strict=True)]


@lru_cache(maxsize=4096)
def _lemma(word: str, tag: str, language: str) -> str:
    return _tagger(language).analyze(word, pos=tag)[0]


def _found(auxiliary: _Tok, participle: _Tok, language: str) -> Passive:
    return Passive(
        auxiliary.word, participle.word, _lemma(participle.word, participle.tag, language)
    )


def find_passive(sentence: str, language: str) -> Passive | None:
    """The first passive construction in a sentence of plain text, or None."""
    if language == "de":
        if not _DE_AUX.search(sentence):
            return None
        return _german(_tag(sentence, "de"))
    if not _EN_AUX.search(sentence):
        return None
    words = _EN_TOKEN.findall(sentence.replace("’", "'"))
    if words and words[-1] == "?":
        return _english(_tag_words(words, "en"))  # a question may put the subject in between
    for start, end in _windows(words):
        found = _english(_tag_words(words[start:end], "en"))
        if found is not None:
            return found
    return None


def _windows(words: list[str]) -> list[tuple[int, int]]:
    """Stretches around each be/get form: two words before (for the tagger's context) to six
    after (adverbs, "not", "being"/"been", the participle). Tagging these instead of the whole
    sentence halves the time on English text, where nearly every sentence has an "is"."""
    spans: list[tuple[int, int]] = []
    for i, word in enumerate(words):
        if word.lower() in _EN_BE or word.lower() in _EN_GET:
            start, end = max(0, i - 2), min(len(words), i + 7)
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans


# --- German ---------------------------------------------------------------------------------
def _clauses(tokens: list[_Tok]) -> list[list[_Tok]]:
    """Clauses, roughly: split at punctuation and conjunctions, then glue every piece without
    a finite verb to its neighbour ("wird, wie angekündigt, im Mai veröffentlicht" stays one;
    "werden zufriedener, weil wir alles geprüft haben" becomes two)."""
    pieces: list[list[_Tok]] = [[]]
    for tok in tokens:
        if tok.tag.startswith("$"):
            pieces.append([])
            continue
        if tok.tag in _DE_CLAUSE_START and pieces[-1]:
            pieces.append([])
        pieces[-1].append(tok)
    pieces = [p for p in pieces if p]
    clauses: list[list[_Tok]] = []
    pending: list[_Tok] = []  # leading pieces without a finite verb wait for the next clause
    for piece in pieces:
        if any(t.tag in _DE_FINITE for t in piece):
            clauses.append(pending + piece)
            pending = []
        elif clauses:
            clauses[-1].extend(piece)
        else:
            pending.extend(piece)
    if pending:
        clauses.append(pending)
    return clauses


_DE_WERDEN = {
    "werde",
    "wirst",
    "wird",
    "werden",
    "werdet",
    "wurde",
    "wurdest",
    "wurden",
    "wurdet",
    "würde",
    "würdest",
    "würden",
    "würdet",
}


def _german(tokens: list[_Tok]) -> Passive | None:
    for clause in _clauses(tokens):
        worden = [t for t in clause if t.lower == "worden"]
        auxiliaries = worden or [
            t for t in clause if t.lower in _DE_WERDEN and t.tag in ("VA(FIN)", "VA(INF)")
        ]
        participles = [t for t in clause if t.tag == "VV(PP)"]
        if not auxiliaries or not participles:
            continue
        if not worden and any(t.tag == "VA(INF)" and t.lower in ("sein", "haben") for t in clause):
            continue  # future perfect active: "wird gekommen sein", "wird gemacht haben"
        if any(
            t.tag == "VV(INF)" and (i == 0 or clause[i - 1].lower != "zu")
            for i, t in enumerate(clause)
        ):
            continue  # future active with an adverbial participle: "werden begeistert reagieren"
        finite = next((t for t in auxiliaries if t.tag == "VA(FIN)"), auxiliaries[0])
        return _found(finite, participles[0], "de")
    return None


# --- English --------------------------------------------------------------------------------
_EN_BE = {"am", "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "'m"}
_EN_GET = {"get", "gets", "got", "gotten", "getting"}


def _english(tokens: list[_Tok]) -> Passive | None:
    question = bool(tokens) and tokens[-1].word == "?"
    for i, tok in enumerate(tokens):
        is_be = tok.lower in _EN_BE and tok.tag.startswith(
            "VB"
        )  # "'s" may also be "has" or possessive
        is_get = tok.lower in _EN_GET and tok.tag.startswith("VV")
        if not (is_be or is_get):
            continue
        # "Was the report approved?": in a question the subject stands between be and participle
        inverted = question and is_be and (i == 0 or tokens[i - 1].tag in _EN_QUESTION_START)
        j = i + 1
        previous = tok
        while j < len(tokens) and j - i <= (6 if inverted else 4):
            nxt = tokens[j]
            # the tagger reads a regular participle after an inverted subject as past tense
            if nxt.tag in _EN_PARTICIPLE or (
                inverted and nxt.tag == "VVD" and nxt.word.lower().endswith("ed")
            ):
                if previous.lower in _EN_DEGREE:
                    break  # "is very interested": an adjective
                by_agent = j + 1 < len(tokens) and tokens[j + 1].word.lower() == "by"
                if nxt.lower in _EN_FEELINGS and not by_agent:
                    break  # "we're thrilled to announce": a feeling, not an action
                return _found(tok, nxt, "en")
            if (
                nxt.tag in _EN_BETWEEN
                or (is_be and nxt.lower in ("being", "been"))
                or (inverted and nxt.tag in _EN_NOUN_PHRASE)
            ):
                previous = nxt
                j += 1
                continue
            break
    return None
