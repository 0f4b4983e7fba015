"""The shared language resources: lemmas from the compact table, stems, function words."""

from __future__ import annotations

import pytest

from reviewer.language import lemmas
from reviewer.language.stems import stem
from reviewer.language.stopwords import function_words, is_function_word


@pytest.mark.parametrize(
    "word, language, expected",
    [
        ("Häuser", "de", "haus"),
        ("Kunden", "de", "kunde"),
        ("ging", "de", "gehen"),
        ("Managed", "en", "manage"),  # sentence-initial capital
        ("migrations", "en", "migration"),
        ("went", "en", "go"),
    ],
)
def test_dictionary_lemmas(word, language, expected):
    assert lemmas.lemma(word, language) == expected


def test_unknown_german_compound_takes_the_lemma_of_its_head():
    assert not lemmas.is_known("Kundenportalen", "de")
    assert lemmas.lemma("Kundenportalen", "de") == "kundenportal"


def test_a_compound_head_is_a_noun_for_a_capitalised_word():
    # "Papi" + "erlagen" (a verb form) would be a wrong split; the noun head "Lagen" is right
    assert lemmas.lemma("Papierlagen", "de") == "papierlage"
    assert lemmas.lemma("Logging", "de") == "logging"  # no four-letter verb head "ging"


def test_unknown_words_are_their_own_lemma():
    assert lemmas.lemma("CourseDeck", "en") == "coursedeck"
    assert not lemmas.is_known("CourseDeck", "en")
    assert lemmas.is_known("customers", "en") and lemmas.is_known("Kunden", "de")


def test_lookup_is_exact_and_decodes_the_stored_edit():
    assert lemmas.lookup("Häuser", "de") == "Haus"
    assert lemmas.lookup("häuserxyz", "de") is None


def test_stems_relate_word_families():
    assert stem("optimization", "en") == stem("optimize", "en")
    assert stem("Versicherungen", "de") == stem("Versicherung", "de")


@pytest.mark.parametrize(
    "word, language", [("der", "de"), ("für", "de"), ("und", "de"), ("the", "en"), ("of", "en")]
)
def test_function_words(word, language):
    assert is_function_word(word, language)


@pytest.mark.parametrize(
    "word, language",
    [("Jahr", "de"), ("gut", "de"), ("drei", "de"), ("name", "en"), ("show", "en"), ("top", "en")],
)
def test_content_words_from_spacys_stop_list_are_not_function_words(word, language):
    assert not is_function_word(word, language)


def test_lists_are_not_empty_and_unknown_languages_fall_back_to_english():
    assert len(function_words("de")) > 200 and len(function_words("en")) > 200
    assert function_words("fr") == function_words("en")
