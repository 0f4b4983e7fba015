"""The PII engine, built once per process and shared by the check, redact and the critique.

Building it loads the first-name list and, per language on first use, 14 recognizers whose
patterns compile on their first match: a few hundred milliseconds (seconds with a spaCy model),
so it must never happen per document. ``get_engine`` caches one engine per spaCy-model
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
    from presidio_analyzer import RecognizerResult
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    from reviewer.checks.pii.light_nlp import LightNlpEngine
    from reviewer.checks.pii.nlp import OfflineSpacyNlpEngine


@dataclass
class PiiEngine:
    """presidio's recognizers and context enhancer, run the way presidio's ``AnalyzerEngine`` runs
    them, with reviewer's recognizers built per language on first use.

    Not the ``AnalyzerEngine`` itself: importing it imports spaCy (``presidio_light``). A single
    review checks one language: building (and, on their first match, compiling) the recognizers
    of the other one would only add to the cold start."""

    nlp: OfflineSpacyNlpEngine | LightNlpEngine
    enhancer: LemmaContextAwareEnhancer  # presidio's default context enhancer
    start_seconds: float
    notes: list[str] = field(default_factory=list)
    recognizers: dict[str, list] = field(default_factory=dict)  # language -> its recognizers
    analyses: dict[str, int] = field(default_factory=dict)  # language -> texts analysed
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def analyze(self, text: str, language: str, entities: list[str]) -> list[RecognizerResult]:
        lang = language if language in LANGUAGES else "en"
        wanted = [e for e in entities if e in SUPPORTED_ENTITIES]
        if not wanted or not text.strip():
            return []
        prepared = self.prepare(lang)
        self._count(lang, prepared)
        recognizers = [r for r in prepared if any(e in r.supported_entities for e in wanted)]
        artifacts = self.nlp.process_text(text, lang)
        return _analyze(text, wanted, recognizers, artifacts, self.enhancer)

    def _count(self, language: str, recognizers: list) -> None:
        """From a language's second text on, its patterns skip texts they cannot match in
        (``recognizers.prefilter_patterns``: the same results). Reading what each pattern needs
        costs ~20 ms once per language, which a single review would pay for nothing."""
        count = self.analyses[language] = self.analyses.get(language, 0) + 1
        if count == PREFILTER_AFTER:
            from reviewer.checks.pii.recognizers import prefilter_patterns

            with self._lock:
                prefilter_patterns(recognizers)

    def prepare(self, language: str) -> list:
        """The recognizers of ``language``, built once."""
        recognizers = self.recognizers.get(language)
        if recognizers is None:
            with self._lock:
                recognizers = self.recognizers.get(language)
                if recognizers is None:
                    recognizers = self.recognizers[language] = _recognizers(language, self.nlp)
        return recognizers


def _analyze(text: str, entities: list[str], recognizers: list, artifacts, enhancer):
    """presidio's ``AnalyzerEngine.analyze`` (2.2) for these recognizers, with score threshold 0
    and no decision process: reviewer's own rules (reviewer.checks.pii.precision) adjust scores
    first and apply the configured threshold afterwards."""
    from presidio_analyzer import EntityRecognizer, RecognizerResult

    id_key, name_key = (
        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY,
        RecognizerResult.RECOGNIZER_NAME_KEY,
    )
    results = []
    for recognizer in recognizers:
        if not recognizer.is_loaded:
            recognizer.load()
            recognizer.is_loaded = True
        found = recognizer.analyze(text=text, entities=entities, nlp_artifacts=artifacts)
        for result in found or ():
            metadata = result.recognition_metadata = result.recognition_metadata or {}
            metadata.setdefault(id_key, recognizer.id)
            metadata.setdefault(name_key, recognizer.name)
        results.extend(found or ())
    enhanced = _Fresh()
    for recognizer in recognizers:
        own = [r for r in results if r.recognition_metadata[id_key] == recognizer.id]
        other = [r for r in results if r.recognition_metadata[id_key] != recognizer.id]
        enhanced.extend(
            recognizer.enhance_using_context(
                text=text,
                raw_recognizer_results=own,
                other_raw_recognizer_results=other,
                nlp_artifacts=artifacts,
                context=None,
            )
        )
    enhanced = enhancer.enhance_using_context(
        text=text,
        raw_results=enhanced,
        nlp_artifacts=artifacts,
        recognizers=recognizers,
        context=None,
    )
    kept = EntityRecognizer.remove_duplicates([r for r in enhanced if r.score >= 0.0])
    for result in kept:
        result.analysis_explanation = None
    return kept


class _Fresh(list):
    """Results made for this one call and used by nothing else: the context enhancer's defensive
    ``copy.deepcopy`` of them (their explanations and metadata, ~0.7 ms per draft) may hand back
    the same objects, which it then updates in place."""

    def __deepcopy__(self, memo: dict) -> list:
        return list(self)


PREFILTER_AFTER = 2  # texts of a language analysed before its patterns get the prefilter

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
    from reviewer.checks.pii import presidio_light

    with presidio_light.imports():
        from presidio_analyzer.context_aware_enhancers.lemma_context_aware_enhancer import (
            LemmaContextAwareEnhancer,
        )
    from reviewer.checks.pii.light_nlp import LightNlpEngine
    from reviewer.checks.pii.model import NOTES as model_notes
    from reviewer.checks.pii.names import first_names, is_first_name

    # spaCy only when a model is configured: its blank pipeline would just tokenize, slowly.
    if spacy_models:
        from reviewer.checks.pii.nlp import OfflineSpacyNlpEngine

        nlp = OfflineSpacyNlpEngine(spacy_models)
    else:
        nlp = LightNlpEngine()
    nlp.load()
    first_names()  # the name list is part of the one-off start, not of the first document
    is_first_name("Zoë")  # and its accent-folded variant
    return PiiEngine(
        nlp=nlp,
        enhancer=LemmaContextAwareEnhancer(),
        start_seconds=time.perf_counter() - started,
        notes=list(nlp.notes) + list(model_notes),
    )


def _recognizers(lang: str, nlp: OfflineSpacyNlpEngine | LightNlpEngine) -> list:
    """Every recognizer reviewer uses for ``lang``, its name model opened."""
    from reviewer.checks.pii import presidio_light

    with presidio_light.imports():
        from presidio_analyzer.predefined_recognizers.country_specific.germany.de_fuehrerschein_recognizer import (  # noqa: E501
            DeFuehrerscheinRecognizer,
        )
        from presidio_analyzer.predefined_recognizers.country_specific.germany.de_health_insurance_recognizer import (  # noqa: E501
            DeHealthInsuranceRecognizer,
        )
        from presidio_analyzer.predefined_recognizers.country_specific.germany.de_id_card_recognizer import (  # noqa: E501
            DeIdCardRecognizer,
        )
        from presidio_analyzer.predefined_recognizers.country_specific.germany.de_passport_recognizer import (  # noqa: E501
            DePassportRecognizer,
        )
        from presidio_analyzer.predefined_recognizers.country_specific.germany.de_social_security_recognizer import (  # noqa: E501
            DeSocialSecurityRecognizer,
        )
        from presidio_analyzer.predefined_recognizers.country_specific.germany.de_tax_id_recognizer import (  # noqa: E501
            DeTaxIdRecognizer,
        )
        from presidio_analyzer.predefined_recognizers.country_specific.germany.de_tax_number_recognizer import (  # noqa: E501
            DeTaxNumberRecognizer,
        )
        from presidio_analyzer.predefined_recognizers.generic.credit_card_recognizer import (
            CreditCardRecognizer,
        )
        from presidio_analyzer.predefined_recognizers.generic.ip_recognizer import IpRecognizer

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
    if nlp.has_ner(lang):  # a configured spaCy model: presidio is fully imported by now
        from presidio_analyzer.predefined_recognizers import SpacyRecognizer

        recognizers.append(SpacyRecognizer(supported_language=lang, supported_entities=["PERSON"]))
    return recognizers
