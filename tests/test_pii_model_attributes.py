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


def test_swapped_model_filters_by_its_own_attributes() -> None:
    """Training's validation swaps in a fold model: its features must not be filtered by the shipped
    model's attribute list (a new feature would silently vanish from the whole-check figures)."""
    shipped = name_model.get_model("de")
    assert shipped is not None
    german = name_model.model_attributes("de")
    english_path = name_model.MODEL_DIR / "names-en.crfsuite"
    name_model.use_model("de", english_path)
    try:
        english = frozenset(name_model.NameModel(english_path, "en")._tagger().info().attributes)
        assert name_model.model_attributes("de") == english != german
    finally:
        name_model.use_model("de", None)
    assert name_model.model_attributes("de") == german
    assert name_model.get_model("de").path == shipped.path


def test_census_feature_needs_its_list_and_no_dictionary_word(monkeypatch) -> None:
    """The tried census feature: absent without the (unshipped) list; with it, a listed surname the
    dictionary lacks gets it, a listed dictionary word does not."""
    assert not name_model._census("Wrzosekowa", "de")
    gazetteers = {"census": frozenset({"Wrzosekowa", "Haus"})}
    real = name_model.gazetteer
    monkeypatch.setattr(name_model, "gazetteer", lambda kind: gazetteers.get(kind) or real(kind))
    assert name_model._census("Wrzosekowa", "de") == ["surname-census"]
    assert name_model._census("Haus", "de") == []


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(
    "words",
    [
        ["Hallo"],
        ["Frau", "Okafor"],
        ["Dr.", "Lena", "Marquardt", "."],
        ["„", "Wir", "wachsen", "“", ",", "sagt", "Zofia", "Wrzesińska", "von", "Nordlicht", "AG"],
        ["CEO", "Dan", "Lee", "said", "O'Brien", "and", "Anna-Lena", "met"],
        ["in", "Köln", "42", "!"],
        ["ab\ud800c", "Ab\ud800c", "x"],  # a lone surrogate (from a broken decoder) never crashes
    ],
)
def test_tagger_features_equal_filtered_features(words: list[str], language: str) -> None:
    """Short and mixed sequences (one, two, three tokens: BOS, EOS and the neighbours' edges)."""
    known = name_model.model_attributes(language)
    full = name_model.features(words, language)
    expected = [[f.encode("utf-8", "surrogatepass") for f in t if f in known] for t in full]
    assert name_model.tagger_features(words, language) == expected
