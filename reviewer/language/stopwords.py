"""Function words of German and English: articles, pronouns, prepositions, conjunctions,
auxiliaries and particles.

A keyphrase is made of its content words ("Lead-Generierung für den Mittelstand" is about
"Lead", "Generierung" and "Mittelstand"), and so is a text's topic. The lists are spaCy's
stop-word lists without the nouns, adjectives, full verbs and numbers among them (see
``scripts/build_language_data.py``), shipped as text files.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=4)
def function_words(language: str) -> frozenset[str]:
    """The language's function words, case-folded (English for an unknown language)."""
    name = language if language in ("de", "en") else "en"
    text = (DATA / f"stopwords-{name}.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip())


def is_function_word(word: str, language: str) -> bool:
    return word.casefold() in function_words(language)
