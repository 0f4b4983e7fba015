"""A presidio NLP engine that never downloads anything.

Presidio's own ``SpacyNlpEngine.load`` calls ``spacy.cli.download`` when a model is missing, and no
German spaCy model is on PyPI at all. This engine uses a full spaCy pipeline only when the user has
one installed (a package name or a path, ``[pii] spacy_model``) and a blank tokenizer-only pipeline
(``spacy.blank``) otherwise: presidio still gets tokens for its context words, and person names
come from reviewer's own recognizer (``reviewer.checks.pii.person``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

from reviewer.parsing.language import LANGUAGES

log = logging.getLogger(__name__)

# Only person names are taken from a statistical model: its LOC/GPE/ORG labels would flag every
# city named as a market and every company, which are not personal data.
_NER_CONFIGURATION = NerModelConfiguration(
    model_to_presidio_entity_mapping={"PER": "PERSON", "PERSON": "PERSON"},
    labels_to_ignore=[
        "LOC",
        "GPE",
        "FAC",
        "ORG",
        "MISC",
        "NORP",
        "DATE",
        "TIME",
        "MONEY",
        "PERCENT",
        "CARDINAL",
        "ORDINAL",
        "QUANTITY",
        "PRODUCT",
        "EVENT",
        "LAW",
        "LANGUAGE",
        "WORK_OF_ART",
    ],  # fmt: skip
)


def model_available(name: str) -> bool:
    """True when ``name`` is an installed spaCy model package or a model folder on disk."""
    import spacy.util

    return spacy.util.is_package(name) or Path(name).is_dir()


class OfflineSpacyNlpEngine(SpacyNlpEngine):
    """spaCy for presidio, with the configured model where installed and a blank pipeline elsewhere."""

    def __init__(self, models: dict[str, str] | None = None) -> None:
        self.requested = dict(models or {})
        super().__init__(
            models=[
                {"lang_code": lang, "model_name": self.requested.get(lang, "blank")}
                for lang in LANGUAGES
            ],
            ner_model_configuration=_NER_CONFIGURATION,
        )
        self.loaded_models: dict[str, str] = {}  # language -> model actually in use
        self.notes: list[str] = []

    def load(self) -> None:
        import spacy

        self.nlp = {}
        for lang in LANGUAGES:
            name = self.requested.get(lang)
            if name and model_available(name):
                try:
                    self.nlp[lang] = spacy.load(name)
                    self.loaded_models[lang] = name
                    continue
                except (
                    OSError,
                    ValueError,
                    ImportError,
                ) as exc:  # broken install: say so, carry on
                    self.notes.append(
                        f"spaCy model {name!r} for {lang} could not be loaded ({exc}); using name lists"
                    )
            elif name:
                self.notes.append(
                    f"spaCy model {name!r} for {lang} is not installed; using name lists"
                )
            self.nlp[lang] = spacy.blank(lang)
        for note in self.notes:
            log.warning(note)

    def has_ner(self, language: str) -> bool:
        """Whether the pipeline for ``language`` can find named entities by itself."""
        if not self.nlp or language not in self.nlp:
            return False
        return any(
            name in ("ner", "entity_ruler", "span_ruler") for name in self.nlp[language].pipe_names
        )

    def _doc_to_nlp_artifact(self, doc, language: str):
        """Blank pipelines have no lemmatizer: give presidio's context enhancer the words instead.

        Without this, context words such as "Steuer-ID" or "Personalausweisnummer" never raise a
        score when no full model is installed, because presidio compares them with (empty) lemmas.
        Same construction as presidio's, with one list instead of the lemmas."""
        from presidio_analyzer.nlp_engine import NlpArtifacts

        has_lemmas = "lemmatizer" in self.nlp[language].pipe_names
        words = [token.lemma_ if has_lemmas else token.text for token in doc]
        entities, scores = self._get_updated_entities(
            self._get_entities(doc), self._get_scores_for_entities(doc)
        )
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[token.idx for token in doc],
            lemmas=words,
            nlp_engine=self,
            language=language,
            scores=scores,
        )
