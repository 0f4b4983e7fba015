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
    analyzer: AnalyzerEngine
    nlp: OfflineSpacyNlpEngine | LightNlpEngine
    start_seconds: float
    notes: list[str] = field(default_factory=list)

    def analyze(self, text: str, language: str, entities: list[str]):
        lang = language if language in LANGUAGES else "en"
        wanted = [e for e in entities if e in SUPPORTED_ENTITIES]
        if not wanted or not text.strip():
            return []
        # score_threshold 0: reviewer's own rules (reviewer.checks.pii.precision) adjust scores first and
        # apply the configured threshold afterwards.
        return self.analyzer.analyze(text=text, language=lang, entities=wanted, score_threshold=0.0)


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
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
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

    from reviewer.checks.pii.light_nlp import LightNlpEngine
    from reviewer.checks.pii.model import NOTES as model_notes
    from reviewer.checks.pii.model import get_model
    from reviewer.checks.pii.names import first_names, is_first_name
    from reviewer.checks.pii.nlp import OfflineSpacyNlpEngine
    from reviewer.checks.pii.person import PersonRecognizer
    from reviewer.checks.pii.recognizers import (
        CaseInsensitiveIbanRecognizer,
        OfflineEmailRecognizer,
        PhoneNumberRecognizer,
        StreetAddressRecognizer,
    )

    # spaCy only when a model is configured: its blank pipeline would just tokenize, slowly.
    nlp = OfflineSpacyNlpEngine(spacy_models) if spacy_models else LightNlpEngine()
    nlp.load()
    first_names()  # the name list is part of the one-off start, not of the first document
    is_first_name("Zoë")  # and its accent-folded variant
    for lang in LANGUAGES:
        model = get_model(lang)
        if model is not None:
            model.entities("Anna Beispiel")  # open the tagger, load gazetteers and lemma tables

    registry = RecognizerRegistry(supported_languages=list(LANGUAGES))
    german_ids = (
        DeTaxIdRecognizer,
        DeTaxNumberRecognizer,
        DePassportRecognizer,
        DeIdCardRecognizer,
        DeSocialSecurityRecognizer,
        DeHealthInsuranceRecognizer,
        DeFuehrerscheinRecognizer,
    )
    for lang in LANGUAGES:
        for recognizer in (
            PersonRecognizer(supported_language=lang),
            PhoneNumberRecognizer(supported_language=lang),
            StreetAddressRecognizer(supported_language=lang),
            OfflineEmailRecognizer(supported_language=lang),
            CaseInsensitiveIbanRecognizer(supported_language=lang),
            CreditCardRecognizer(supported_language=lang),
            IpRecognizer(supported_language=lang),
            # German identifiers can turn up in English text about German customers too.
            *(cls(supported_language=lang) for cls in german_ids),
        ):
            registry.add_recognizer(recognizer)
        if nlp.has_ner(lang):
            registry.add_recognizer(
                SpacyRecognizer(supported_language=lang, supported_entities=["PERSON"])
            )

    analyzer = AnalyzerEngine(
        nlp_engine=nlp, registry=registry, supported_languages=list(LANGUAGES)
    )
    return PiiEngine(
        analyzer=analyzer,
        nlp=nlp,
        start_seconds=time.perf_counter() - started,
        notes=list(nlp.notes) + list(model_notes),
    )
