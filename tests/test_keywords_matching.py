"""Keyword matching: case, German inflection and compounds, hyphen variants, English plurals."""

from __future__ import annotations

import pytest

from reviewer.checks.keywords.matching import (
    compound_mentions,
    compound_parts,
    find_occurrences,
    keyword_form,
    tokenize,
)


def found(keyword: str, text: str, language: str) -> list[str]:
    tokens = tokenize(text, 0, len(text), language)
    return [
        text[m.start : m.end]
        for m in find_occurrences(text, tokens, keyword_form(keyword, language), language)
    ]


def compounds(keyword: str, text: str, language: str) -> list[str]:
    tokens = tokenize(text, 0, len(text), language)
    form = keyword_form(keyword, language)
    own = {
        i for m in find_occurrences(text, tokens, form, language) for i in range(m.first, m.last)
    }
    return [tokens[i].text for i in compound_mentions(tokens, form, language, own)]


def test_german_inflection_and_case():
    text = "Der Schutz des Datenschutzes ist Chefsache. DATENSCHUTZ geht alle an."
    assert found("Datenschutz", text, "de") == ["Datenschutzes", "DATENSCHUTZ"]


@pytest.mark.parametrize(
    "written",
    ["KI-Tools", "KI Tools", "KI\u2011Tool", "KI-Tool", "ki-tools", "KITools", "KI\u00a0Tools"],
    ids=["hyphen", "space", "non-breaking-hyphen", "singular", "lower", "closed", "nbsp"],
)
def test_hyphen_space_and_closed_spellings_of_a_german_keyword(written):
    assert found("KI-Tools", f"Wir testen {written} im Vertrieb.", "de") == [written]


def test_parts_across_a_sentence_or_line_break_are_not_the_keyword():
    assert found("KI-Tools", "Wir setzen auf KI. Tools allein reichen nicht.", "de") == []
    assert found("KI-Tools", "## Mehr KI\n\nTools und Daten", "de") == []


def test_closed_and_open_spellings_match_both_ways():
    assert found("Lead-Generierung", "Leadgenerierung und Lead Generierung", "de") == [
        "Leadgenerierung",
        "Lead Generierung",
    ]
    assert found("Leadgenerierung", "Die Lead-Generierung im Mittelstand", "de") == [
        "Lead-Generierung"
    ]


def test_keyword_inside_a_hyphenated_compound_counts():
    text = "Die Marketing-Automation-Plattform und die Datenschutz-Grundverordnung"
    assert found("Marketing-Automation", text, "de") == ["Marketing-Automation"]
    assert found("Datenschutz", text, "de") == ["Datenschutz"]


def test_keyword_inside_a_closed_compound_is_a_mention_not_an_occurrence():
    text = "Pflichtschulungen und der Schulungsplan; dazu eine Schulung."
    assert found("Schulung", text, "de") == ["Schulung"]
    assert compounds("Schulung", text, "de") == ["Pflichtschulungen", "Schulungsplan"]


def test_german_compound_inflection_of_the_whole_word():
    assert found("Versandkarton", "Gewicht jedes Versandkartons", "de") == ["Versandkartons"]
    assert found("Lead-Nurturing", "Die Stärke des Lead-Nurturings", "de") == ["Lead-Nurturings"]


def test_english_plurals_and_sentence_case():
    text = "CRM migrations fail. A CRM Migration needs a plan; Managed Kubernetes helps."
    assert found("CRM migration", text, "en") == ["CRM migrations", "CRM Migration"]
    assert found("managed Kubernetes", text, "en") == ["Managed Kubernetes"]
    assert found("instructor payouts", "One instructor payout, many instructor payouts.", "en") == [
        "instructor payout",
        "instructor payouts",
    ]


def test_plurals_of_words_no_dictionary_knows():
    assert found("KPI", "Three KPIs and one KPI.", "en") == ["KPIs", "KPI"]
    assert found("webhook", "Configure webhooks per project.", "en") == ["webhooks"]


def test_near_misses_do_not_match():
    assert found("ISO 10816", "ISO 10817 and ISO-10816-3", "en") == ["ISO-10816"]
    assert found("marketing", "The market grows.", "en") == []
    assert found("Migration", "Die Migrationen laufen, die Integration nicht.", "de") == [
        "Migrationen"
    ]


def test_keywords_with_their_own_punctuation():
    assert found("Node.js", "We run Node.js 20; node js is not the same.", "en") == [
        "Node.js",
        "node js",
    ]
    assert found("24/7", "Support 24/7, not 24 7.", "en") == ["24/7", "24 7"]
    assert found("R&D", "Our R&D team and R D.", "en") == ["R&D", "R D"]


def test_urls_and_email_addresses_are_not_prose():
    text = "Schreiben Sie an cyber@nordlicht-versicherung.de oder besuchen Sie [uns](https://versicherung.example/)."
    assert found("Versicherung", text, "de") == []


def test_german_loanwords_use_the_english_lemma():
    assert found("Lead", "Alle Leads landen im CRM.", "de") == ["Leads"]


def test_compound_parts_split_german_compounds_but_not_simple_words():
    assert {"cyber", "versicherung"} <= compound_parts("Cyberversicherung", "de")
    assert {"betrieb", "unterbrechung"} <= compound_parts("Betriebsunterbrechung", "de")
    assert {"recycling", "papier"} <= compound_parts("Recyclingpapier", "de")
    assert compound_parts("Marketing", "de") == {"marketing"}
    assert compound_parts("payouts", "en") == {"payout"}
