"""What an English keyword means, in words: the dictionary's world knowledge, offline.

A text ties a rare keyword to its subject by meaning as often as by its words: "per diem" in a
text about expense reports, "clause library" in one about contract management. Nothing in the
text's own words relates them; a dictionary does ("per diem: a daily allowance for living
expenses (especially while traveling …)"). This module looks a keyword up in a compact table of
WordNet 3.0's nouns (``data/definitions-en.marisa``, built by
``scripts/build_keyword_definitions.py``; WordNet licence in ``data/LICENSES.md``): the lemmas of
the content words of its first two senses' glosses, its synonyms and their direct hypernyms — the
classic gloss-overlap (Lesk) measure of relatedness. Whole phrases first ("per diem"), else each
content word ("clause", "library").

German has no open dictionary of definitions with a licence that fits (OpenThesaurus lists
synonyms only), so German keywords get none. The table is memory-mapped on the first lookup
(about a millisecond) and consulted only for keywords the text's own words do not already tie to
it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from reviewer.checks.keywords.matching import lemma
from reviewer.language.stopwords import function_words

DATA = Path(__file__).resolve().parent / "data" / "definitions-en.marisa"
_WORD = re.compile(r"[^\W\d_]+")
_MIN_WORD = 3  # single letters ("b": vitamin B, the letter) define nothing a keyword means
_KEY = re.compile(r"[a-z0-9][a-z0-9 .'-]{0,79}")  # WordNet's noun entries, lower-cased


@lru_cache(maxsize=1)
def _table():
    import marisa_trie

    return marisa_trie.BytesTrie().mmap(str(DATA))


def _lookup(key: str) -> frozenset[str] | None:
    """The definition words stored for ``key``; None for keys no dictionary entry can have
    (control characters, symbols, overlong strings: the trie must only see plain words)."""
    if not _KEY.fullmatch(key):
        return None
    found = _table().get(key)
    return frozenset(found[0].decode("utf-8", "replace").split()) if found else None


@lru_cache(maxsize=4096)
def definition_words(keyword: str, language: str) -> frozenset[str]:
    """The definition words of an English keyword (lemmas, five letters or more), empty for
    other languages and for words the dictionary does not know."""
    if language != "en" or not DATA.exists():
        return frozenset()
    phrase = " ".join(keyword.casefold().split())
    for key in (phrase, phrase.replace("-", " ")):
        whole = _lookup(key)
        if whole is not None:
            return whole
    stop = function_words("en")
    found: set[str] = set()
    for word in _WORD.findall(phrase):
        if word in stop or len(word) < _MIN_WORD:
            continue
        hit = _lookup(word) or _lookup(lemma(word, "en"))
        if hit:
            found |= hit
    return frozenset(found)
