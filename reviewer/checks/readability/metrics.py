"""Readability formulas, computed from our own sentence split and textstat-style counts.

textstat's formula functions take raw text and split sentences with a regex on ``.!?`` that
breaks "z. B.", "Dr." and "3.5" into extra sentences and silently drops sentences of one or two
words, which shifts the average sentence length. The Document already has pySBD sentences with
offsets, so we count per sentence and apply the published formulas to the totals:

- Flesch reading ease, English (Flesch 1948): 206.835 − 1.015 × ASL − 84.6 × ASW
- Flesch reading ease, German (Amstad 1978): 180 − ASL − 58.5 × ASW
- Flesch–Kincaid grade (Kincaid et al. 1975): 0.39 × ASL + 11.8 × ASW − 15.59
- Wiener Sachtextformel, 1st form (Bamberger & Vanecek 1984):
  0.1935 × MS + 0.1672 × SL + 0.1297 × IW − 0.0327 × ES − 0.875

ASL/SL = words per sentence, ASW = syllables per word, MS = % words with three or more
syllables, IW = % words with more than six letters, ES = % words with one syllable. These are
the constants textstat uses too (``LANG_CONFIGS``, ``wiener_sachtextformel(variant=1)``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from reviewer.checks.readability.markup import plain_text
from reviewer.checks.readability.syllables import word_syllables
from reviewer.parsing.sentences import Span, word_texts

_ALNUM = re.compile(r"\w")
# A bare address is not a word a reader reads; like link targets it stays out of the counts.
_ADDRESS = re.compile(r"^\W*(?:\w+://|www\.)\S+$|^\W*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\W*$", re.I)


def flesch_reading_ease_en(words: int, sentences: int, syllables: int) -> float:
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


def flesch_reading_ease_de(words: int, sentences: int, syllables: int) -> float:
    """Amstad's German adaptation of Flesch reading ease."""
    return 180 - (words / sentences) - 58.5 * (syllables / words)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


def wiener_sachtextformel(
    words: int, sentences: int, polysyllables: int, long_words: int, monosyllables: int
) -> float:
    """First Wiener Sachtextformel (school grade 4–15 for German non-fiction)."""
    ms = 100 * polysyllables / words
    iw = 100 * long_words / words
    es = 100 * monosyllables / words
    return 0.1935 * ms + 0.1672 * (words / sentences) + 0.1297 * iw - 0.0327 * es - 0.875


@dataclass(frozen=True, slots=True)
class WordStats:
    text: str
    syllables: int
    letters: int


@dataclass(frozen=True, slots=True)
class SentenceStats:
    """One sentence: its span in the document and the counts of its visible words."""

    start: int
    end: int
    raw: str
    plain: str
    words: tuple[WordStats, ...]

    @property
    def word_count(self) -> int:
        return len(self.words)


def visible_words(plain: str) -> list[str]:
    """Words of visible text: whitespace tokens with a letter or digit (the convention of
    ``Document.words``), minus bare URLs and e-mail addresses."""
    return [word for word in word_texts(plain) if not _is_address(word)]


@lru_cache(maxsize=65536)
def _is_address(word: str) -> bool:
    """Asked for every word of every sentence and block, most of them repeated: cached."""
    return _ADDRESS.match(word) is not None


def word_stats(plain: str, language: str) -> tuple[WordStats, ...]:
    return tuple(_token_stats(token, language) for token in visible_words(plain))


@lru_cache(maxsize=65536)
def _token_stats(token: str, language: str) -> WordStats:
    """A token's counts, once per token and language: a draft repeats most of its words, and
    counting a token's syllables and letters costs two regular-expression passes."""
    return WordStats(token, word_syllables(token, language), len(_ALNUM.findall(token)))


def sentence_stats(span: Span, language: str) -> SentenceStats:
    plain = plain_text(span.text)
    return SentenceStats(span.start, span.end, span.text, plain, word_stats(plain, language))


@dataclass
class TextStats:
    """Totals over the running text and the formulas for its language."""

    language: str
    sentences: list[SentenceStats] = field(default_factory=list)

    @property
    def words(self) -> list[WordStats]:
        return [w for s in self.sentences for w in s.words]

    @property
    def word_count(self) -> int:
        return sum(s.word_count for s in self.sentences)

    @property
    def sentence_count(self) -> int:
        return len(self.sentences)

    @property
    def syllable_count(self) -> int:
        return sum(w.syllables for w in self.words)

    def metrics(self) -> dict[str, float]:
        """Formula values rounded to one decimal (shares: three); empty text gives {}."""
        words, sentences = self.word_count, self.sentence_count
        if not words or not sentences:
            return {}
        syllables = self.syllable_count
        result: dict[str, float] = {}
        if self.language == "de":
            all_words = self.words
            result["flesch_reading_ease"] = flesch_reading_ease_de(words, sentences, syllables)
            result["wiener_sachtextformel"] = wiener_sachtextformel(
                words,
                sentences,
                polysyllables=sum(1 for w in all_words if w.syllables >= 3),
                long_words=sum(1 for w in all_words if w.letters > 6),
                monosyllables=sum(1 for w in all_words if w.syllables == 1),
            )
        else:
            result["flesch_reading_ease"] = flesch_reading_ease_en(words, sentences, syllables)
            result["flesch_kincaid_grade"] = flesch_kincaid_grade(words, sentences, syllables)
        result["avg_sentence_length"] = words / sentences
        result["avg_syllables_per_word"] = syllables / words
        return {
            key: round(value, 2 if key == "avg_syllables_per_word" else 1)
            for key, value in result.items()
        }


def measure(spans: Iterable[Span], language: str) -> TextStats:
    """Stats of the given sentences; sentences without a visible word (code only, a lone
    emoji) are left out so they do not shorten the average."""
    stats = TextStats(language)
    for span in spans:
        sentence = sentence_stats(span, language)
        if sentence.word_count:
            stats.sentences.append(sentence)
    return stats
