"""A presidio NLP engine without spaCy: regex tokens, the words themselves as "lemmas".

When no spaCy model is configured (the default), presidio still needs tokens for its context
enhancer (a context word such as "Steuer-ID" before a number raises the score), but nothing else
from spaCy: person names come from reviewer's own recognizer and model. Tokenizing with spaCy's
blank pipeline cost most of the warm detection time; this engine tokenizes with one regex.

It does not subclass presidio's ``NlpEngine`` nor build its ``NlpArtifacts``: importing those
imports spaCy (``reviewer.checks.pii.presidio_light``). ``LightArtifacts`` has the attributes
presidio's recognizers and context enhancer read, computed the same way.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

from reviewer.language.stopwords import is_function_word
from reviewer.parsing.language import LANGUAGES

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


class LightArtifacts:
    """What presidio's ``NlpArtifacts`` holds, for a text without spaCy."""

    def __init__(self, tokens: list[str], indices: list[int], language: str, engine) -> None:
        self.entities: list = []
        self.tokens = tokens
        self.lemmas = tokens
        self.tokens_indices = indices
        self.nlp_engine = engine
        self.scores: list[float] = []
        self.keywords = keywords(engine, tokens, language)


def keywords(engine, lemmas: list[str], language: str) -> list[str]:
    """The context enhancer's candidate words: presidio's ``NlpArtifacts.set_keywords``, from the
    engine's stop-word and punctuation tests, decided once per distinct word (``_keyword_parts``)."""
    return [part for word in lemmas for part in _keyword_parts(engine, word, language)]


@lru_cache(maxsize=65_536)  # bounded: a server sees an open-ended vocabulary
def _keyword_parts(engine, word: str, language: str) -> tuple[str, ...]:
    """What ``word`` adds to the keywords: nothing, or its lower-cased parts between colons."""
    if (
        engine.is_stopword(word, language)
        or engine.is_punct(word, language)
        or word == "-PRON-"
        or word == "be"
    ):
        return ()
    return tuple(word.lower().split(":"))


class LightNlpEngine:
    """Tokens and context words for presidio, in microseconds, with no model to load."""

    def __init__(self) -> None:
        self.notes: list[str] = []
        self.loaded_models: dict[str, str] = {}

    def load(self) -> None:
        pass

    def is_loaded(self) -> bool:
        return True

    def has_ner(self, language: str) -> bool:
        return False

    def process_text(self, text: str, language: str) -> LightArtifacts:
        matches = list(_TOKEN.finditer(text))
        return LightArtifacts(
            [m.group(0) for m in matches], [m.start() for m in matches], language, self
        )

    def process_batch(
        self, texts, language: str, batch_size: int = 1, n_process: int = 1, **kwargs
    ):
        for text in texts:
            yield text, self.process_text(str(text), language)

    def is_stopword(self, word: str, language: str) -> bool:
        return is_function_word(word, language)

    def is_punct(self, word: str, language: str) -> bool:
        return len(word) == 1 and word in string.punctuation

    def get_supported_entities(self) -> list[str]:
        return []

    def get_supported_languages(self) -> list[str]:
        return list(LANGUAGES)
