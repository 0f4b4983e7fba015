"""The substance check: shallow sections, concrete details, heading echo, repeated phrases.

The seed article is the shallow reference; the draft pairs in ``tests/data/substance/`` (written
for these tests: an AI-style generic draft and a specific rewrite of the same content, German and
English) are the class the rule is for.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from reviewer.checks import run_check
from reviewer.checks.substance.details import sentence_details
from reviewer.checks.substance.sections import restates
from reviewer.document import load_document
from tests.conftest import DATA, SEED

PAIRS = sorted((DATA / "substance").glob("*_generic.md"))
SHALLOW = "substance.shallow_section"
REPEATED = "substance.repeated_phrase"


def _rules(output) -> Counter[str]:
    return Counter(f.rule for f in output.findings)


def test_pairs_cover_both_languages():
    languages = {p.name[:2] for p in PAIRS}
    assert len(PAIRS) >= 6 and languages == {"de", "en"}


def test_seed_gets_shallow_warnings_naming_what_is_missing(config):
    doc = load_document(str(SEED))
    output = run_check("substance", doc, config)
    shallow = [f for f in output.findings if f.rule == SHALLOW]
    assert len(shallow) >= 4
    for finding in shallow:
        assert finding.severity == "warning"
        assert "no example, figure, name, standard or step" in finding.message
        assert "recommend or evaluate" in finding.message
        assert doc.content[finding.start : finding.end] == finding.text
        assert set(finding.missing) >= {"example", "figure", "step"}
    titles = {f.section for f in shallow}
    assert "Verantwortungsbewusste Nutzung von KI" in titles
    assert output.metrics["substance_shallow_sections"] == len(shallow)
    assert output.metrics["substance_generic_share"] > 0.4


def test_seed_repeated_phrase_lists_each_occurrence(config):
    doc = load_document(str(SEED))
    output = run_check("substance", doc, config)
    repeated = [f for f in output.findings if f.rule == REPEATED]
    assert repeated, output.details["repeated_phrases"]
    finding = repeated[0]
    assert finding.severity == "info"
    assert "KI im B2B Marketing" in finding.text
    assert len({o["section"] for o in finding.occurrences}) >= 3
    for occurrence in finding.occurrences:
        assert doc.content[occurrence["start"] : occurrence["end"]] == occurrence["text"]
        assert f'line {occurrence["line"]} in "' in finding.message


@pytest.mark.parametrize("generic", PAIRS, ids=[p.stem for p in PAIRS])
def test_generic_draft_warned_specific_rewrite_not(generic: Path, config):
    specific = generic.with_name(generic.name.replace("_generic", "_specific"))
    warned = run_check("substance", load_document(str(generic)), config)
    clean = run_check("substance", load_document(str(specific)), config)
    assert _rules(warned)[SHALLOW] >= 1
    assert _rules(clean)[SHALLOW] == 0, [f.message for f in clean.findings]
    assert (
        clean.metrics["substance_details_per_100_words"]
        > warned.metrics["substance_details_per_100_words"]
    )


def test_recommendation_with_a_concrete_object_is_not_generic(parse, config):
    generic = (
        "# Newsletter\n\n## Versand\n\n"
        "Unternehmen sollten ihren Newsletter regelmäßig verschicken. Es ist wichtig, die "
        "Empfänger nicht zu überfordern. Die Inhalte müssen relevant sein und einen Mehrwert "
        "bieten. Eine gute Planung kann dazu beitragen, die Öffnungsrate zu steigern.\n"
    )
    concrete = (
        "# Newsletter\n\n## Versand\n\n"
        "Unternehmen sollten ihren Newsletter dienstags um 10 Uhr verschicken. Es ist wichtig, "
        "höchstens zwei Mails im Monat zu senden. Die Inhalte müssen zum Beispiel eine "
        "Anleitung mit Screenshots enthalten. Die Planung in Brevo hat die Öffnungsrate bei uns "
        "von 18 auf 27 Prozent gesteigert.\n"
    )
    assert _rules(run_check("substance", parse(generic), config))[SHALLOW] == 1
    assert _rules(run_check("substance", parse(concrete), config))[SHALLOW] == 0


def test_short_sections_are_not_judged(parse, config):
    text = "# T\n\n## Kurz\n\nUnternehmen sollten das prüfen. Es ist wichtig, dass es gut ist.\n"
    output = run_check("substance", parse(text), config)
    assert not output.findings
    assert output.details["sections"][0]["generic_sentences"] == 2


def test_thresholds_come_from_the_configuration(parse, config):
    text = (
        "# T\n\n## Teil\n\nUnternehmen sollten das prüfen. Es ist wichtig, dass es gut ist. "
        "Man muss das immer im Blick behalten und sorgfältig planen, damit alles klappt.\n"
    )
    assert not run_check("substance", parse(text), config).findings
    config.substance.min_words = 10
    assert _rules(run_check("substance", parse(text), config))[SHALLOW] == 1


@pytest.mark.parametrize(
    "sentence, language, kinds",
    [
        ("Die Lizenz kostet 800 Euro im Monat.", "de", {"number"}),
        ("Wir nutzen HubSpot und Salesforce für die Kampagnen.", "en", {"name"}),
        ("Der Anbieter ist nach ISO 27001 zertifiziert.", "de", {"standard"}),
        ("Die Verarbeitung folgt der DSGVO.", "de", {"standard"}),
        ("Nutzen Sie zum Beispiel eine Checkliste.", "de", {"example"}),
        ("Use a checklist, for instance a shared spreadsheet.", "en", {"example"}),
        ("Der Kunde sagt: „Das hat uns Wochen gespart.“", "de", {"quotation"}),
        ("Details stehen unter https://example.org/guide im Leitfaden.", "de", {"link"}),
        ("We interviewed twelve customers last year.", "en", {"number"}),
        ("Seit dem 17.12.2024 gilt die neue Regel.", "de", {"number"}),
        ("Im Jahr 2025 sollten Unternehmen mehr investieren.", "de", set()),  # a year alone
    ],
)
def test_concrete_details(sentence, language, kinds):
    assert set(sentence_details(sentence, language, frozenset())) == kinds


@pytest.mark.parametrize(
    "sentence, language",
    [
        ("Es ist wichtig, klare Datenschutzrichtlinien zu kommunizieren.", "de"),
        ("Die Trainingsdaten sollten vielfältig und repräsentativ sein.", "de"),
        ("Companies must ensure that their data is accurate and safe.", "en"),
        ("Bei der Nutzung von KI im B2B Marketing entstehen Risiken.", "de"),
    ],
)
def test_generic_sentences_hold_no_details(sentence, language):
    topic = frozenset({"ki", "b2b", "marketing"})
    assert not sentence_details(sentence, language, topic)


def test_heading_echo():
    assert restates(
        "Verantwortungsbewusste Nutzung von KI",
        "Um eine verantwortungsbewusste Nutzung von KI zu gewährleisten, sollten Firmen planen.",
        "de",
    )
    assert not restates(
        "Verantwortungsbewusste Nutzung von KI",
        "Die Plattform prüft jede Kampagne vor dem Versand.",
        "de",
    )
    assert not restates("Fazit", "Das Fazit fällt gemischt aus.", "de")  # one word: no echo


def test_phrase_in_two_sections_or_across_a_colon_is_not_repeated(parse, config):
    text = (
        "# Titel\n\n## A\n\nWir prüfen die Daten der Kunden jede Woche.\n\n"
        "## B\n\nAuch hier gilt: die Daten der Kunden jede Woche.\n\n"
        "## C\n\nPreis: Daten der Kunden: jede Woche neu.\n"
    )
    output = run_check("substance", parse(text), config)
    assert not [f for f in output.findings if f.rule == REPEATED]
    text += "\n## D\n\nDort liegen die Daten der Kunden jede Woche bereit.\n"
    repeated = [
        f for f in run_check("substance", parse(text), config).findings if f.rule == REPEATED
    ]
    assert len(repeated) == 1 and repeated[0].text == "Daten der Kunden jede Woche"


def test_details_per_section_in_the_report(config):
    doc = load_document(str(PAIRS[0].with_name(PAIRS[0].name.replace("_generic", "_specific"))))
    output = run_check("substance", doc, config)
    sections = output.details["sections"]
    assert [s["title"] for s in sections][0] == doc.title_heading.text
    for section in sections:
        assert section["words"] > 0
        assert section["details"] == sum(section["detail_kinds"].values())
    assert isinstance(output.details["overlapping_sections"], list)


def test_text_without_headings_is_one_section(parse, config):
    output = run_check("substance", parse("Just one paragraph of text with 3 figures.\n"), config)
    assert len(output.details["sections"]) == 1
    assert output.metrics["substance_sections"] == 1


def test_empty_text_does_not_crash(parse, config):
    output = run_check("substance", parse("# Only a title\n"), config)
    assert output.findings == [] and output.details["sections"] == []


def test_readme_lists_the_settings_with_their_defaults():
    import re
    import tomllib

    from reviewer.checks.substance.settings import SubstanceSettings
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(\[substance\]\n.*?)```", readme, re.DOTALL)
    assert block, "the README's substance section has no [substance] block"
    documented = tomllib.loads(block.group(1))["substance"]
    assert documented == SubstanceSettings().model_dump()


@pytest.mark.parametrize(
    "sentence, language, generic",
    [
        ("Stellen Sie sicher, dass alle Daten sauber sind.", "de", True),
        ("Achten Sie darauf, die Kunden früh einzubinden.", "de", True),
        ("Warum sollten Sie gerade mit uns arbeiten?", "de", False),  # a question
        ("Weitere Artikel folgen in den nächsten Monaten.", "de", False),
        ("First, make sure the whole team is aligned.", "en", True),
        ("Regular reviews can help to find errors early.", "en", True),
        ("You don't need to show a cookie banner.", "en", False),  # negated need
        ("The tank got a fresh coating in white.", "en", False),
        ("Datenqualität gewinnt zunehmend an Bedeutung.", "de", True),
        ("Die Kultur spielt eine große Rolle.", "de", True),
        ("Ein klarer Prozess trägt dazu bei, Fehler zu vermeiden.", "de", True),
        ("Es bedarf einer klaren Strategie.", "de", True),
        ("Automation offers many new opportunities.", "en", True),
        ("This makes it possible to grow faster.", "en", True),
        ("Good data is crucial.", "en", True),
        ("CRM data is more important than ever.", "en", True),
    ],
)
def test_generic_frames(sentence, language, generic):
    from reviewer.checks.substance.details import generic_frames

    assert (generic_frames(sentence, language) > 0) is generic


def test_a_section_with_too_few_details_says_how_many(parse, config):
    text = (
        "# Title\n\n## Tools\n\nCompanies should choose their tools with care and involve users "
        "early. It is essential that every tool fits the existing processes of the company. "
        "Teams must make sure that the tools are used well and that HubSpot is set up. Good "
        "tools can help to save a lot of time and effort for the whole organisation in the long "
        "run. It is important that the tools are reviewed every now and then by the people who "
        "use them. Training should be offered to everyone who works with the tools, and it is "
        "crucial that managers support this effort in their teams and lead by their own habits.\n"
    )
    [finding] = run_check("substance", parse(text), config).findings
    assert "only 1 name in 1" in finding.message  # 1 detail in more than 100 words
    assert finding.missing == ["figure", "standard", "example", "quotation", "link", "step"]


def test_other_languages_do_not_crash(parse, config):
    text = "# Titre\n\n## Partie\n\nLes entreprises doivent agir. Il est important de le faire.\n"
    output = run_check("substance", parse(text, language="fr"), config)
    assert output.details["sections"][0]["words"] == 10


def test_sections_that_say_the_same_are_listed(parse, config):
    body = (
        "Our team reviews every invoice for errors, checks the tax number, matches the purchase "
        "order and approves the payment within two working days of its arrival by post or "
        "through the supplier portal."
    )
    other = "The canteen opens at noon and serves soup, salad and one warm dish from the region."
    text = f"# T\n\n## One\n\n{body}\n\n## Two\n\n{body} Again.\n\n## Three\n\n{other}\n"
    output = run_check("substance", parse(text, language="en"), config)
    [pair] = output.details["overlapping_sections"]
    assert pair["sections"] == ["One", "Two"] and pair["overlap"] >= 0.9
    assert output.metrics["substance_overlapping_sections"] == 1


def test_german_loan_words_are_not_names(parse, config):
    text = (
        "# Leadgenerierung\n\n## Die Customer Journey verstehen\n\n"
        "Unternehmen sollten die Customer Journey ihrer Leads genau kennen. Es ist wichtig, "
        "wertvolle Insights über die Awareness der Zielgruppe zu gewinnen. Gute Leadership "
        "kann dazu beitragen, die richtigen Use Cases zu finden und umzusetzen. Marketing und "
        "Vertrieb müssen dabei eng zusammenarbeiten.\n"
    )
    output = run_check("substance", parse(text, language="de"), config)
    assert output.details["sections"][0]["details"] == 0
    assert _rules(output)[SHALLOW] == 1
    names = sentence_details("Wir arbeiten mit SoSafe und IONOS in Gütersloh.", "de", frozenset())
    assert names == Counter({"name": 3})


def test_capitalised_concepts_are_not_names(parse, config):
    text = (
        "# Growth\n\n## Why it matters\n\n"
        "Predictive Maintenance and Artificial Intelligence play a key role in modern "
        "manufacturing. Companies should invest in Digital Transformation to stay competitive. "
        "It is essential to build a strong Data Culture across the organisation. Leaders must "
        "ensure that every team understands the value of Continuous Improvement.\n"
    )
    output = run_check("substance", parse(text, language="en"), config)
    assert output.details["sections"][0]["details"] == 0
    assert _rules(output)[SHALLOW] == 1
    names = sentence_details("We moved from Navision to Odoo in Lyon.", "en", frozenset())
    assert names == Counter({"name": 3})


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_generic_frame_has_a_hint_word(language):
    """The hint words are a fast first pass; a frame without one would never be tried."""
    from reviewer.checks.substance import markers

    for pattern in markers.GENERIC[language]:
        source = pattern.pattern.lower().replace("\\s+", " ")
        assert any(hint in source for hint in markers.GENERIC_HINTS[language]), pattern.pattern


def test_report_carries_sections_and_metrics(config):
    from reviewer.pipeline import review

    report = review(load_document(str(SEED)), config)
    substance = report.checks["substance"]
    assert substance.status == "warn"
    assert (
        sum(s["shallow"] for s in substance.sections)
        == report.metrics["substance_shallow_sections"]
    )
    assert report.metrics["substance_repeated_phrases"] >= 1
    assert report.verdict == "needs_review"  # warnings, never an error: nothing is blocked
    assert not [f for f in report.findings if f.check == "substance" and f.severity == "error"]


def test_many_similar_sections_give_bounded_details(parse, config):
    body = (
        "The invoice team checks each supplier invoice against the purchase order, the delivery "
        "note and the agreed price list before the payment run on Friday, and a second person "
        "signs off every amount above the limit."
    )
    parts = ["# Invoices\n"] + [f"## Step {n}\n\n{body} Case {n}.\n" for n in range(150)]
    output = run_check("substance", parse("\n".join(parts), language="en"), config)
    assert len(output.details["overlapping_sections"]) == 20
    assert len(output.details["repeated_phrases"]) <= 20
    assert output.metrics["substance_repeated_phrases"] >= 1
    assert len([f for f in output.findings if f.rule == REPEATED]) <= config.substance.max_phrases
