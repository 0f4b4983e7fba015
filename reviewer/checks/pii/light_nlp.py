"""A presidio NLP engine without spaCy: regex tokens, the words themselves as "lemmas".

When no spaCy model is configured (the default), presidio still needs tokens for its context
enhancer (a context word such as "Steuer-ID" before a number raises the score), but nothing else
from spaCy: person names come from reviewer's own recognizer and model. Tokenizing with spaCy's
blank pipeline cost most of the warm detection time; this engine tokenizes with one regex.
"""

from __future__ import annotations

import re
import string

from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine

from reviewer.language.stopwords import is_function_word
from reviewer.parsing.language import LANGUAGES

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


class LightNlpEngine(NlpEngine):
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

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        matches = list(_TOKEN.finditer(text))
        words = [m.group(0) for m in matches]
        return NlpArtifacts(
            entities=[],
            tokens=words,
            tokens_indices=[m.start() for m in matches],
            lemmas=words,
            nlp_engine=self,
            language=language,
            scores=[],
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
