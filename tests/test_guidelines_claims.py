"""The claims rule: figures, superlatives, guarantees and "studies show" without a source."""

from __future__ import annotations

import pytest

from reviewer.config import Config
from tests.guidelines_helpers import findings, only, texts, write_guideline

CLAIMS = {
    "de": [
        "Unsere Software reduziert den Energieverbrauch um 40 Prozent.",
        "Mit LeadPilot steigern Sie Ihre Conversion-Rate garantiert.",
        "Studien zeigen, dass personalisierte E-Mails besser funktionieren.",
        "Wir sind Marktführer für Etikettendrucker.",
        "Die Lösung spart Ihrem Team jede Woche bis zu zehn Stunden.",
        "Neun von zehn Kunden empfehlen uns weiter.",
        "Der Umsatz hat sich nach der Einführung verdoppelt.",
        "Das ist die schnellste Buchhaltungssoftware am Markt.",
        "Die Plattform ist 100 % DSGVO-konform.",
        "Die Anlage amortisiert sich in unter zwölf Monaten.",
        "Mit unserer Beratung erzielen Sie dreimal mehr Leads.",
        "Unser Sensor erkennt Lagerschäden bis zu drei Monate früher als andere Systeme.",
        "Sie ist die zuverlässigste Cloud-Plattform im deutschsprachigen Raum.",
        "Das System ist nachweislich sicherer als jede Insellösung.",
        "Wir sind der einzige Anbieter mit Rechenzentren in allen Bundesländern.",
        "Mit dem neuen Tarif sinken Ihre Transaktionsgebühren um 30 %.",
    ],
    "en": [
        "Our platform reduces onboarding time by 50%.",
        "Customers typically see a 3x return on their investment.",
        "Studies show that buyers trust peer reviews more than ads.",
        "We are the market leader in cloud accounting for SMEs.",
        "The tool saves your team up to 8 hours per week.",
        "Nine out of ten marketers say automation improves results.",
        "Customers doubled their reply rate within a year.",
        "It is the fastest CRM on the market.",
        "We guarantee 99.99% uptime for all clusters.",
        "Seven in ten B2B buyers research online before contacting sales.",
        "It is the only platform that combines CRM and ERP in one tool.",
        "Our scanner is scientifically proven to detect more defects.",
        "Response times dropped from 800 to 200 milliseconds after the migration.",
        "Our agency is the most trusted partner for B2B brands in Germany.",
        "The analytics module pays for itself within three months.",
        "Automated invoicing cuts payment fees by 20%.",
    ],
}

NOT_CLAIMS = {
    "de": [
        "Laut einer Bitkom-Studie aus dem Jahr 2024 nutzen 57 % der Unternehmen KI.",
        "Die Lizenz kostet 29 € pro Nutzer und Monat, zuzüglich 19 % MwSt.",
        "Das Webinar findet am 12. März 2025 um 14:00 Uhr statt.",
        "Version 2.4 unterstützt jetzt auch SAP S/4HANA.",
        "Wir liefern innerhalb von fünf Werktagen.",
        "Seit 2019 beraten wir Unternehmen in Norddeutschland.",
        "Die Norm ISO 27001 beschreibt Anforderungen an ein ISMS.",
        "Bei Zahlung innerhalb von 14 Tagen gewähren wir 3 % Skonto.",
        "Neukunden erhalten einen Rabatt von 10 % auf die erste Bestellung.",
        "Der beste Zeitpunkt für den Start ist das erste Quartal.",
        "Unser Team besteht aus 25 Mitarbeitenden an drei Standorten.",
        "Gemäß dem Jahresbericht 2023 stieg der Umsatz um 12 %.",
        "Die Reklamationen gingen um 18 % zurück (Quelle: Qualitätsstatistik 2024).",
        "Verschieben Sie den Termin um zwei Tage, wenn nötig.",
        "Der Akku hält bis zu 12 Stunden.",
        "Wissenschaftlich begleitet wurde das Projekt von der Hochschule Kiel.",
    ],
    "en": [
        "According to Gartner's 2024 survey, 61% of companies use AI in marketing.",
        "The license costs $29 per user per month plus VAT.",
        "The webinar takes place on 12 March 2025 at 2 pm.",
        "Version 3.1 adds support for Kubernetes 1.30.",
        "We ship within five business days.",
        "Founded in 2012, we now serve customers in 14 countries.",
        "Get 20% off your first year with annual billing.",
        "Companies that pay annually receive a 15% discount.",
        "The best way to start is with a small pilot.",
        "The training takes two days.",
        "Book a 30-minute call with our team.",
        "The battery lasts up to 12 hours.",
        "Reschedule the call by two days if needed.",
        "Response times dropped from 800 to 200 ms (source: our public status page).",
        "The most important step is to clean your data first.",
        "The new setup cut costs by 30% [1].",
        "Our revenue doubled within a year.",
    ],
}


@pytest.mark.parametrize(
    ("language", "sentence"), [(lang, s) for lang, items in CLAIMS.items() for s in items]
)
def test_unsupported_claims_are_errors(language, sentence):
    found = findings(
        f"# T\n\nEin Satz vorab. {sentence} Ein Satz danach.", language, category="claims-evidence"
    )
    assert len(found) >= 1, sentence
    for finding in found:
        assert finding.severity == "error" and finding.rule == "claims-evidence.unsupported"
        assert finding.text in sentence  # the claim sentence or clause, nothing around it
        assert finding.model_extra["claim_kinds"] and finding.model_extra["triggers"]


@pytest.mark.parametrize(
    ("language", "sentence"), [(lang, s) for lang, items in NOT_CLAIMS.items() for s in items]
)
def test_sourced_statements_and_offer_facts_are_not_claims(language, sentence):
    assert texts(f"# T\n\n{sentence}", language, "claims-evidence") == []


def test_claim_span_is_the_clause_not_the_price_next_to_it():
    sentence = (
        "Funnelwerk ist die führende Plattform für Mittelständler und startet ab 49 € pro Monat."
    )
    assert texts(f"# T\n\n{sentence}", "de", "claims-evidence") == [
        "Funnelwerk ist die führende Plattform für Mittelständler"
    ]
    sentence = "VibraNode detects wear up to six months before a failure and is the most accurate sensor on the market."
    assert texts(f"# T\n\n{sentence}", "en", "claims-evidence") == [
        "VibraNode detects wear up to six months before a failure",
        "is the most accurate sensor on the market",
    ]


def test_source_in_the_next_or_previous_sentence():
    assert (
        texts(
            "# T\n\nDie Fehlerquote sank um 30 %. Quelle: Auswertung der Qualitätssicherung 2024.",
            "de",
            "claims-evidence",
        )
        == []
    )
    assert (
        texts(
            "# T\n\nA 2024 Forrester study looked at 200 firms. It found that costs fell by 20%.",
            "en",
            "claims-evidence",
        )
        == []
    )
    # a source two paragraphs away is not "nearby"
    assert texts(
        "# T\n\nAccording to Forrester, budgets grow.\n\nCosts fell by 20%.",
        "en",
        "claims-evidence",
    ) == ["Costs fell by 20%"]


def test_attributed_quote_and_link_count_as_source():
    quote = "„Wir haben die Rüstzeiten um 25 % verkürzt“, sagt Werksleiterin Anna Berg."
    assert texts(f"# T\n\n{quote}", "de", "claims-evidence") == []
    link = "Churn fell by 12% ([our annual report](https://example.com/report))."
    assert texts(f"# T\n\n{link}", "en", "claims-evidence") == []


def test_claims_in_headings_and_code_are_not_checked_but_list_items_are():
    body = "# 50 % schneller\n\n```\nspart 80 % Zeit\n```\n\n- Spart 30 % der Kosten.\n"
    assert texts(body, "de", "claims-evidence") == ["Spart 30 % der Kosten"]


def test_custom_claims_rule_with_extra_superlatives_sources_and_kinds(tmp_path):
    write_guideline(
        tmp_path,
        "c.md",
        """\
        ---
        id: our-claims
        title: Our claims
        severity: warning
        rules:
          - id: figures
            type: claims
            kinds: [percentage, superlative]
            message: "needs a source: {what}"
            superlatives:
              de: ["Premium-Qualität"]
            sources:
              de: ["TÜV-geprüft"]
        ---
        Body.
        """,
    )
    config = only(tmp_path)
    found = findings("# T\n\nUnsere Premium-Qualität überzeugt.", "de", config)
    assert [(f.rule, f.severity, f.text) for f in found] == [
        ("our-claims.figures", "warning", "Unsere Premium-Qualität überzeugt")
    ]
    assert "superlative \u201cPremium-Qualität\u201d" in found[0].message
    assert texts("# T\n\nTÜV-geprüft: 30 % weniger Ausschuss.", "de", config=config) == []
    # kinds: guarantees are not part of this rule
    assert texts("# T\n\nWir garantieren Erfolg.", "de", config=config) == []


def test_claims_rule_skips_languages_without_a_lexicon():
    from reviewer.checks import run_check
    from reviewer.document import parse_document

    doc = parse_document(
        "# T\n\nNotre logiciel réduit les coûts de 40 %.\n", "fr.md", language="fr"
    )
    assert run_check("guidelines", doc, Config()).findings == []


@pytest.mark.parametrize("name", ["clean_de_saas.md", "clean_en_services.md"])
def test_clean_product_pages_with_prices_dates_versions_and_schedules_have_no_findings(name):
    from pathlib import Path

    from reviewer.checks import run_check
    from reviewer.document import load_document

    doc = load_document(str(Path(__file__).parent / "data" / "guidelines" / name))
    assert [(f.rule, f.text) for f in run_check("guidelines", doc, Config()).findings] == []


@pytest.mark.parametrize(
    "sentence, is_claim",
    [
        ("Unsere Plattform ist die beste Lösung am Markt.", True),
        ("Sie ist die größte Plattform in Europa.", True),
        ("Die feste Verpackung schützt Ware in ganz Europa.", False),
        ("Am besten testen Sie die Lösung im deutschen Markt selbst.", False),
    ],
)
def test_short_german_superlatives_with_market_scope(sentence, is_claim):
    from reviewer.checks import run_check
    from reviewer.config import Config
    from reviewer.document import parse_document

    doc = parse_document("# T\n\n" + sentence + "\n", "x.md", language="de")
    claims = [
        f
        for f in run_check("guidelines", doc, Config()).findings
        if f.rule == "claims-evidence.unsupported"
    ]
    assert bool(claims) is is_claim
