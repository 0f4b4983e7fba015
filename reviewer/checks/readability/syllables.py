"""Syllables per word: textstat (CMU dictionary, pyphen fallback) for English, a vowel-nucleus
counter for German.

Why not textstat for German too: it counts German syllables as pyphen hyphenation points + 1,
and hyphenation is not syllabification. The hyphenation patterns never split off a single
letter at either end of a word, so "oder", "über", "aber", "Idee", "neue" count as one
syllable, and the packaged de_DE patterns (LibreOffice, COMPOUND format) also break inside
consonant clusters: pyphen 0.18 gives "fa-r-ben", "deut-sch-land", "rü-ck-fra-gen". Both errors
move the Amstad score by several points. German spelling marks every syllable with one vowel
nucleus, so counting nuclei is accurate for native words; the rules below are the documented
exceptions (tests/test_readability_metrics.py holds a hand-counted word list).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reviewer.checks.readability.offline import textstat_counts

# One nucleus each: diphthongs, long vowels written double, loan-word "ou", single vowels.
_DE_NUCLEUS = re.compile(r"äu|au|eu|ei|ey|ai|ay|ie|aa|ee|oo|ou|[aeiouäöüy]")
# "-ien" after a vowel and one consonant is two syllables: Me-di-en, Se-ri-en, Fa-mi-li-en,
# Stra-te-gi-en (but schien, Wien: one).
_DE_IEN = re.compile(r"(?<=[aeiouäöüy][bcdfghjklmnprstvwxz])ien$")
# "eu" before a final "m" is two syllables in Latin words: Mu-se-um, Ly-ze-um.
_DE_EUM = re.compile(r"(?<=[bcdfghjklmnprstvwxz])eum$")
# The Latin prefix "ko-" before o is its own syllable: Ko-ope-ra-ti-on, Ko-or-di-na-ti-on.
_DE_KOO = re.compile(r"^koo[pr]")
_LETTERS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")  # keeps "company's", "don't" whole
_PARTS = re.compile(r"[-/–]")


def german_word_syllables(word: str) -> int:
    """Syllables of one German word (letters only; at least 1 for a word without vowels)."""
    w = word.lower().replace("qu", "q")  # the u of "qu" is a glide: Qua-li-tät
    count = len(_DE_NUCLEUS.findall(w))
    if _DE_IEN.search(w):
        count += 1
    if _DE_EUM.search(w):
        count += 1
    if _DE_KOO.match(w):
        count += 1
    return max(1, count)


def english_word_syllables(word: str) -> int:
    """Syllables of one English word via textstat: CMU dictionary, pyphen for unknown words."""
    return max(1, textstat_counts().count_syllables(word, "en"))


@lru_cache(maxsize=65536)
def word_syllables(token: str, language: str) -> int:
    """Syllables of a whitespace token: hyphenated and slashed compounds are counted part by
    part ("Lead-Generierung", "and/or"); a token without letters (a number) counts as one, as
    in textstat."""
    counter = german_word_syllables if language == "de" else english_word_syllables
    total = 0
    for part in _PARTS.split(token.replace("’", "'")):
        for letters in _LETTERS.findall(part):
            total += counter(letters)
    return max(1, total)
