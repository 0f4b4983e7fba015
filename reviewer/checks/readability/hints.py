"""Concrete suggestions: where to split a sentence, paragraph or section, how to go active.

An editor acts faster on "split after '…Kartons'" than on "shorten this sentence", so each
hint points at a place in the text, chosen by simple rules: a semicolon, colon or dash first,
then a colon or a comma before a conjunction, then any comma — nearest the middle.
"""

from __future__ import annotations

import re

_CONJUNCTIONS = {
    "de": {
        "und",
        "aber",
        "denn",
        "doch",
        "sondern",
        "oder",
        "weil",
        "da",
        "während",
        "wobei",
        "sodass",
        "damit",
        "obwohl",
        "wenn",
        "indem",
        "bevor",
        "nachdem",
        "sobald",
    },
    "en": {
        "and",
        "but",
        "or",
        "so",
        "because",
        "while",
        "which",
        "whereas",
        "although",
        "when",
        "since",
        "before",
        "after",
        "unless",
        "as",
    },
}
_DASHES = {"–", "—", "-"}
# German separable prefixes: "abschließen" -> "Wir schließen … ab" would need the split, so
# for these verbs the hint names the verb instead of writing the sentence start.
_DE_SEPARABLE = re.compile(
    r"^(ab|an|auf|aus|bei|ein|fest|fort|her|hin|los|mit|nach|vor|weg|zu|zurück|zusammen|weiter|dar|bereit|teil|statt|vorbei|heraus|hinzu)"
)


def _quote(words: list[str]) -> str:
    return " ".join(words).strip(" ,;:–—-")


def split_point(words: list[str], language: str) -> int | None:
    """Index of the word after which the sentence splits best, or None. Both halves keep at
    least four words. Only punctuation marks a split: in German every clause boundary carries a
    comma, and a bare "und"/"and" joins noun phrases more often than clauses."""
    n = len(words)
    best: tuple[int, float, int] | None = None
    conjunctions = _CONJUNCTIONS.get(language, _CONJUNCTIONS["en"])
    for k in range(3, n - 4):
        word, following = words[k], words[k + 1]
        if word.endswith(";") or following in _DASHES:
            rank = 0
        elif word.endswith(":") or (
            word.endswith(",") and following.lower().strip(",;:") in conjunctions
        ):
            rank = 1
        elif word.endswith(","):
            rank = 2
        else:
            continue
        candidate = (rank, abs(k + 1 - n / 2), k)
        if best is None or candidate < best:
            best = candidate
    return None if best is None else best[2]


def long_sentence_hint(plain: str, language: str) -> str:
    words = plain.split()
    k = split_point(words, language)
    if k is None:
        return "Split it into two or three sentences, one statement each, or cut filler words."
    before = _quote(words[max(0, k - 2) : k + 1])
    rest = [w for w in words[k + 1 : k + 4] if w not in _DASHES]
    return (
        f'Split it into two sentences, e.g. after "…{before}" (word {k + 1} of {len(words)}), '
        f'and rephrase "{_quote(rest)}…" as a sentence of its own.'
    )


def passive_hint(auxiliary: str, participle: str, lemma: str, language: str) -> str:
    phrase = f"{auxiliary} … {participle}"
    if language == "de":
        if _DE_SEPARABLE.match(lemma.lower()) or not lemma.endswith("n"):
            return f'Say who acts and use an active form of "{lemma}" instead of "{phrase}".'
        return f'Say who acts and use the active voice: "Wir {lemma} …" or "[Wer?] …" instead of "{phrase}".'
    if lemma and lemma.isalpha():
        return f'Say who acts and use the active voice: "We {lemma} …" or "[Who?] …" instead of "{phrase}".'
    return f'Say who acts and use the active voice instead of "{phrase}".'


def break_before(starts: list[tuple[int, str]], total: int, unit: str) -> str | None:
    """Suggest a break before the piece (sentence or paragraph) nearest the middle. ``starts``
    holds (words before the piece, the piece's first words) for every piece but the first."""
    if not starts:
        return None
    offset, opening = min(starts, key=lambda item: abs(item[0] - total / 2))
    return f'before the {unit} that begins "{opening}…" (after {offset} of {total} words)'
