"""Structure and brief compliance against the labelled dev set, the seed article and own cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.checks import run_check
from reviewer.document import load_document
from tests.conftest import REPO, SEED, eval_cases

CASES = eval_cases()


def _findings(doc, config, rule):
    return [f for f in run_check("structure", doc, config).findings if f.rule == rule]


@pytest.mark.parametrize("name, path, expect", CASES, ids=[c[0] for c in CASES])
def test_dev_set_structure_labels_exactly(name, path, expect, config):
    doc = load_document(str(path))
    empty = sorted(f.text for f in _findings(doc, config, "structure.empty_section"))
    missing = sorted(
        f.category for f in _findings(doc, config, "structure.missing_required_section")
    )
    words = [f.category for f in _findings(doc, config, "structure.word_count")]
    assert empty == sorted(expect["empty_sections"])
    assert missing == sorted(expect["missing_required_sections"])
    assert words == ([expect["word_count_violation"]] if expect["word_count_violation"] else [])
    assert doc.word_count == expect["body_words_approx"]


def test_seed_article_reports_headings_stacked_on_headings(config):
    doc = load_document(str(SEED))
    empty = [f.text for f in _findings(doc, config, "structure.empty_section")]
    assert "Vermeidung von Diskriminierung und Voreingenommenheit" in empty
    assert "Vielfalt und Repräsentativität der Trainingsdaten" in empty
    for finding in run_check("structure", doc, config).findings:
        if finding.start is not None:
            assert doc.content[finding.start : finding.end] == finding.text


def test_word_count_message_says_by_how_much(parse, config):
    doc = parse("---\nwords: {min: 10, max: 20}\n---\n# Titel\n\nZu kurz hier.\n")
    [finding] = _findings(doc, config, "structure.word_count")
    assert finding.category == "below"
    assert (
        "has 4 words" in finding.message
        and "at least 10" in finding.message
        and "6 words" in finding.message
    )
    assert finding.start is None and finding.text == ""


def test_required_sections_match_case_and_numbering(parse, config):
    doc = parse("---\nrequired_sections: [fazit, FAQ]\n---\n# T\n\nText.\n\n## 5. Fazit\n\nText.\n")
    missing = [f.category for f in _findings(doc, config, "structure.missing_required_section")]
    assert missing == ["FAQ"]


def test_heading_followed_by_subheading_is_empty(parse, config):
    doc = parse("# T\n\nIntro.\n\n## Oben\n\n### Unten\n\nText.\n\n## Ende\n")
    assert [f.text for f in _findings(doc, config, "structure.empty_section")] == ["Oben", "Ende"]


def test_skipped_heading_level_and_missing_title(parse, config):
    doc = parse("## Kein Titel\n\nText.\n\n#### Zu tief\n\nText.\n")
    rules = [f.rule for f in run_check("structure", doc, config).findings]
    assert "structure.no_title" in rules
    assert "structure.skipped_heading_level" in rules


def test_no_brief_still_reviews_with_note(parse, config):
    doc = parse("# T\n\nText ohne Brief.\n")
    output = run_check("structure", doc, config)
    assert output.findings == []
    assert "no brief" in output.details["notes"][0]


def test_all_examples_parse(config):
    for path in sorted(Path(REPO / "examples").glob("*.md")):
        doc = load_document(str(path))
        assert doc.word_count > 0


def test_brief_title_counts_as_the_title(parse, config):
    """The CMS renders the brief's title above the body: no level-1 heading is needed then."""
    with_title = parse('---\ntitle: "Neue Filiale in Kassel"\n---\n\n## Start\n\nText.\n')
    without = parse("---\nlanguage: de\n---\n\n## Start\n\nText.\n")
    blank = parse('---\ntitle: "  "\n---\n\n## Start\n\nText.\n')
    assert "structure.no_title" not in _rules(with_title, config)
    assert "structure.no_title" in _rules(without, config)
    assert "structure.no_title" in _rules(blank, config)


def _rules(doc, config) -> list[str]:
    return [f.rule for f in run_check("structure", doc, config).findings]


def test_title_directly_over_a_subheading_is_not_an_empty_section(parse, config):
    """Published pages often open with the title and a subheading; the title's section is the
    whole text. A subheading with nothing under it is still empty."""
    doc = parse("# Neue Halle in Kassel\n\n## Was sich ändert\n\nText.\n\n## Termine\n\n### Mai\n")
    assert [f.text for f in _findings(doc, config, "structure.empty_section")] == [
        "Termine",
        "Mai",
    ]
