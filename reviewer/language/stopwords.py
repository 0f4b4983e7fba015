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


# Prepositions (with German contractions) — a closed class, listed here rather than taken from the
# stop-word lists, which do not say which function words head a phrase. The keyword check reads a
# keyword right after one as standing in a prepositional phrase, the usual form of an adjunct
# ("experimenting with influencer marketing", "beim Influencer-Marketing"). Contrastive ones
# ("unlike", "statt") are left out on purpose: no signal of the check rests on a contrast word.
_PREPOSITIONS = {
    "de": """ab an ans am auf aufs aus außer bei beim bis durch entgegen fürs für gegen gegenüber hinter
        hinters im in ins mit mitsamt nach neben ohne samt seit trotz um ums unter unterm übers
        über vom von vor vorm wegen zu zum zur zwischen während inklusive laut
        mittels""",
    "en": """about above across after against along amid among around at before behind below beneath
        beside besides between beyond by despite during except for from in inside into like near of
        off on onto out outside over past per since through throughout to toward towards under
        until upon via with within without""",
}


@lru_cache(maxsize=4)
def prepositions(language: str) -> frozenset[str]:
    """The language's prepositions, case-folded (English for an unknown language)."""
    return frozenset(_PREPOSITIONS.get(language, _PREPOSITIONS["en"]).split())
