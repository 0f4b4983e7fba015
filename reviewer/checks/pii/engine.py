"""The presidio analyzer, built once per process and shared by the check, redact and the critique.

Building it imports spaCy, loads the first-name list and compiles some 30 recognizers: about three
seconds, so it must never happen per document. ``get_engine`` caches one engine per spaCy-model
configuration (normally exactly one).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reviewer.checks.pii.entities import SUPPORTED_ENTITIES
from reviewer.parsing.language import LANGUAGES

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine

    from reviewer.checks.pii.light_nlp import LightNlpEngine
    from reviewer.checks.pii.nlp import OfflineSpacyNlpEngine


@dataclass
class PiiEngine:
    """presidio's analyzer with reviewer's recognizers, built per language on first use.

    A single review checks one language: building (and, on their first match, compiling) the
    recognizers of the other one would only add to the cold start."""

    nlp: OfflineSpacyNlpEngine | LightNlpEngine
    start_seconds: float
    notes: list[str] = field(default_factory=list)
    analyzer: AnalyzerEngine | None = None
    languages: set[str] = field(default_factory=set)  # whose recognizers are registered
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def analyze(self, text: str, language: str, entities: list[str]):
        lang = language if language in LANGUAGES else "en"
        wanted = [e for e in entities if e in SUPPORTED_ENTITIES]
        if not wanted or not text.strip():
            return []
        analyzer = self.prepare(lang)
        # score_threshold 0: reviewer's own rules (reviewer.checks.pii.precision) adjust scores first and
        # apply the configured threshold afterwards.
        return analyzer.analyze(text=text, language=lang, entities=wanted, score_threshold=0.0)

    def prepare(self, language: str) -> AnalyzerEngine:
        """The analyzer, with the recognizers of ``language`` registered (once)."""
        if language in self.languages and self.analyzer is not None:
            return self.analyzer
        with self._lock:
            if language not in self.languages:
                recognizers = _recognizers(language, self.nlp)
                if self.analyzer is None:
                    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

                    registry = RecognizerRegistry(
                        recognizers=recognizers, supported_languages=list(LANGUAGES)
                    )
                    self.analyzer = AnalyzerEngine(
                        nlp_engine=self.nlp, registry=registry, supported_languages=list(LANGUAGES)
                    )
                else:
                    for recognizer in recognizers:
                        self.analyzer.registry.add_recognizer(recognizer)
                self.languages.add(language)
        return self.analyzer


_ENGINES: dict[tuple[tuple[str, str], ...], PiiEngine] = {}
_LOCK = threading.Lock()


def get_engine(spacy_models: dict[str, str] | None = None) -> PiiEngine:
    """The process-wide engine for this spaCy-model configuration (built on first use)."""
    key = tuple(sorted((spacy_models or {}).items()))
    engine = _ENGINES.get(key)
    if engine is None:
        with _LOCK:
            engine = _ENGINES.get(key)
            if engine is None:
                engine = _ENGINES[key] = _build(dict(key))
    return engine


def _build(spacy_models: dict[str, str]) -> PiiEngine:
    started = time.perf_counter()
    from reviewer.checks.pii.light_nlp import LightNlpEngine
    from reviewer.checks.pii.model import NOTES as model_notes
    from reviewer.checks.pii.names import first_names, is_first_name
    from reviewer.checks.pii.nlp import OfflineSpacyNlpEngine

    # spaCy only when a model is configured: its blank pipeline would just tokenize, slowly.
    nlp = OfflineSpacyNlpEngine(spacy_models) if spacy_models else LightNlpEngine()
    nlp.load()
    first_names()  # the name list is part of the one-off start, not of the first document
    is_first_name("Zoë")  # and its accent-folded variant
    return PiiEngine(
        nlp=nlp,
        start_seconds=time.perf_counter() - started,
        notes=list(nlp.notes) + list(model_notes),
    )


def _recognizers(lang: str, nlp: OfflineSpacyNlpEngine | LightNlpEngine) -> list:
    """Every recognizer reviewer uses for ``lang``, its name model opened."""
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        DeFuehrerscheinRecognizer,
        DeHealthInsuranceRecognizer,
        DeIdCardRecognizer,
        DePassportRecognizer,
        DeSocialSecurityRecognizer,
        DeTaxIdRecognizer,
        DeTaxNumberRecognizer,
        IpRecognizer,
        SpacyRecognizer,
    )

    from reviewer.checks.pii.model import get_model
    from reviewer.checks.pii.person import PersonRecognizer
    from reviewer.checks.pii.recognizers import (
        CaseInsensitiveIbanRecognizer,
        OfflineEmailRecognizer,
        PhoneNumberRecognizer,
        StreetAddressRecognizer,
    )

    model = get_model(lang)
    if model is not None:
        model.entities("Anna Beispiel")  # open the tagger, load gazetteers and lemma tables
    german_ids = (
        DeTaxIdRecognizer,
        DeTaxNumberRecognizer,
        DePassportRecognizer,
        DeIdCardRecognizer,
        DeSocialSecurityRecognizer,
        DeHealthInsuranceRecognizer,
        DeFuehrerscheinRecognizer,
    )
    recognizers = [
        PersonRecognizer(supported_language=lang),
        PhoneNumberRecognizer(supported_language=lang),
        StreetAddressRecognizer(supported_language=lang),
        OfflineEmailRecognizer(supported_language=lang),
        CaseInsensitiveIbanRecognizer(supported_language=lang),
        CreditCardRecognizer(supported_language=lang),
        IpRecognizer(supported_language=lang),
        # German identifiers can turn up in English text about German customers too.
        *(cls(supported_language=lang) for cls in german_ids),
    ]
    if nlp.has_ner(lang):
        recognizers.append(SpacyRecognizer(supported_language=lang, supported_entities=["PERSON"]))
    return recognizers
