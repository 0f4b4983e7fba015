"""Topic relevance on drafts written for these tests: shoehorned keywords are flagged, relevant
keywords used rarely are not, contrasts are recognised, and the alternatives come from the text."""

from __future__ import annotations

import re

import pytest

from reviewer.checks.keywords.contrast import is_contrastive
from reviewer.config import config_from_dict
from tests.keywords_helpers import (
    DE_ARBEITSSCHUTZ,
    DE_LEADGEN,
    EN_CONTRAST,
    EN_SUPPORT,
    by_rule,
    entry,
    run_check,
)


def test_german_keyword_shoehorned_once_is_unrelated_and_relevant_ones_are_not():
    output = run_check(DE_LEADGEN)
    assert by_rule(output, "keywords.irrelevant") == ["Kryptowährung"]
    [finding] = [f for f in output.findings if f.rule == "keywords.irrelevant"]
    assert finding.severity == "warning" and finding.start is None and finding.text == ""
    assert "unrelated to the topic" in finding.message
    assert entry(output, "DSGVO")["relevant"] is True  # an acronym the text builds a section on


def test_english_keyword_set_aside_with_whether_or_is_unrelated():
    output = run_check(EN_SUPPORT)
    assert by_rule(output, "keywords.irrelevant") == ["blockchain"]
    assert entry(output, "blockchain")["contrastive_uses"] == 1


@pytest.mark.parametrize(
    "text, keyword",
    [
        (EN_SUPPORT, "ticket volume"),
        (EN_SUPPORT, "knowledge base"),
        (DE_ARBEITSSCHUTZ, "Gefährdungsbeurteilung"),
    ],
)
def test_relevant_keyword_used_once_is_not_unrelated(text, keyword):
    item = entry(run_check(text), keyword)
    assert item["occurrences"] == 1
    assert item["relevant"] is True, item


def test_related_words_tie_a_rare_german_keyword_to_the_text():
    item = entry(run_check(DE_ARBEITSSCHUTZ), "Gefährdungsbeurteilung")
    assert "gefährdungen" in item["related_words"]


def test_contrast_beats_a_topic_word_next_to_the_keyword():
    output = run_check(EN_CONTRAST)
    assert by_rule(output, "keywords.irrelevant") == ["NFT"]
    assert (
        entry(output, "NFT")["contrastive_uses"] == 2
    )  # the heading question and "Unlike NFT payouts"
    assert (
        entry(output, "bank transfer")["relevant"] is True
    )  # also in the heading, but used in earnest too


def test_unrelated_keyword_gets_alternatives_from_the_text_and_no_placement_advice():
    output = run_check(DE_LEADGEN)
    [finding] = [f for f in output.findings if f.rule == "keywords.irrelevant"]
    assert finding.alternatives, "expected alternatives"
    body = DE_LEADGEN.split("---", 2)[2].casefold()
    for phrase in finding.alternatives:
        assert phrase.casefold() in body
        assert phrase.casefold() not in {"lead-generierung", "dsgvo", "ki-tools", "kryptowährung"}
    assert all(f'"{phrase}"' in finding.suggestion for phrase in finding.alternatives)
    others = [f.rule for f in output.findings if f.category == "Kryptowährung"]
    assert others == ["keywords.irrelevant"]


def test_relevance_can_be_switched_off_or_made_stricter():
    off = run_check(DE_LEADGEN, config_from_dict({"keywords": {"relevance": False}}))
    assert by_rule(off, "keywords.irrelevant") == []
    assert entry(off, "Kryptowährung")["relevance"] is None
    strict = run_check(EN_SUPPORT, config_from_dict({"keywords": {"relevance_threshold": 0.6}}))
    assert set(by_rule(strict, "keywords.irrelevant")) == {"blockchain", "knowledge base"}


def test_missing_keywords_are_not_judged_for_relevance():
    item = entry(run_check(DE_ARBEITSSCHUTZ), "Staplerschein")
    assert item["occurrences"] == 0 and item["relevance"] is None


def test_evidence_is_reported_per_keyword():
    item = entry(run_check(EN_SUPPORT), "ticket volume")
    assert 0 <= item["relevance"] <= 1
    assert {"uses", "related_words"} <= set(item["evidence"])


def _contrast(sentence: str, keyword: str, language: str, heading: bool = False) -> bool:
    match = re.search(re.escape(keyword), sentence)
    assert match is not None
    return is_contrastive(sentence, match.start(), match.end(), language, heading=heading)


@pytest.mark.parametrize(
    "sentence, keyword, language, heading, expected",
    [
        ("Unlike NFT marketplaces, payouts are bank transfers.", "NFT", "en", False, True),
        ("Use spreadsheets instead of the CRM for a week.", "CRM", "en", False, True),
        (
            "Whether it's blockchain or paper, records must be kept.",
            "blockchain",
            "en",
            False,
            True,
        ),
        ("Check whether the CRM syncs overnight.", "CRM", "en", False, False),
        ("Payouts are sent as SEPA transfers.", "SEPA", "en", False, False),
        (
            "Anders als beim Influencer-Marketing geht es um Nachweise.",
            "Influencer-Marketing",
            "de",
            False,
            True,
        ),
        (
            "Ob Blockchain oder klassische Buchhaltung: Entscheidend ist der Notfallplan.",
            "Blockchain",
            "de",
            False,
            True,
        ),
        (
            "Prüfen Sie, ob die Cyberversicherung Betriebsunterbrechungen abdeckt.",
            "Cyberversicherung",
            "de",
            False,
            False,
        ),
        (
            "Im Gegensatz zur Kryptowährung ist das Konto versichert.",
            "Kryptowährung",
            "de",
            False,
            True,
        ),
        ("Blockchain oder Notfallplan?", "Blockchain", "de", True, True),
        ("Phishing erkennen", "Phishing", "de", True, False),
        ("Phishing lässt sich nicht vollständig verhindern.", "Phishing", "de", False, False),
    ],
)
def test_contrast_cues(sentence, keyword, language, heading, expected):
    assert _contrast(sentence, keyword, language, heading) is expected
