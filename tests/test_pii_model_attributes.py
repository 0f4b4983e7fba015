"""The name model tags with the attributes it knows, encoded: same tags and marginals as with all."""

from __future__ import annotations

import pytest

from reviewer.checks.pii import model as name_model

pycrfsuite = pytest.importorskip("pycrfsuite")

SENTENCES = {
    "de": "Laut Vertriebsleiterin Jolanta Wierzbicka-Hölscher aus Kleinmachnow stieg der Umsatz um 12 %.",
    "en": "Our new CFO, Tobiah Okonkwo-Hart of Quillfeather Ltd, said the Zorbix rollout cut costs.",
}


@pytest.mark.parametrize("language", ["de", "en"])
def test_attribute_dictionary_matches_crfsuite(language: str) -> None:
    model = name_model.get_model(language)
    assert model is not None
    assert name_model.model_attributes(language) == frozenset(model._tagger().info().attributes)


@pytest.mark.parametrize("language", ["de", "en"])
def test_tagger_features_tag_the_same(language: str) -> None:
    text = SENTENCES[language]
    tagger = name_model.get_model(language)._tagger()
    known = name_model.model_attributes(language)
    for sentence in name_model.sentences(name_model.tokenize(text), text):
        words = [text[s:e] for s, e in sentence]
        full = name_model.features(words, language)
        short = name_model.tagger_features(words, language)
        assert short == [[f.encode() for f in token if f in known] for token in full]
        assert sum(map(len, short)) < sum(map(len, full))  # unknown words' features are gone
        tags = tagger.tag(full)
        marginals = [tagger.marginal(tag, i) for i, tag in enumerate(tags)]
        assert tagger.tag(short) == tags
        assert [tagger.marginal(tag, i) for i, tag in enumerate(tags)] == marginals
