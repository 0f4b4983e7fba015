"""Snowball stems (PyStemmer: the Snowball project's C implementation, imported in milliseconds).

A stem relates words the lemma dictionary keeps apart because they are different words of one
family ("optimization" / "optimize", "Versicherung" / "versichert"), and gives words no dictionary
knows ("webhooks", "uptimes") a comparable form.
"""

from __future__ import annotations

from functools import lru_cache

_ALGORITHMS = {"de": "german", "en": "english"}


@lru_cache(maxsize=4)
def _stemmer(language: str):
    import Stemmer

    return Stemmer.Stemmer(_ALGORITHMS.get(language, "english"))


@lru_cache(maxsize=131072)
def stem(word: str, language: str) -> str:
    """The case-folded Snowball stem of a word."""
    return _stemmer(language).stemWord(word.casefold())
