"""The claims model by class (issue 14): what needs evidence, what does not, and how hard.

Every sentence here was written for this test (none comes from an evaluation text). Each class
has German and English examples. ``error``: reported by ``claims-evidence.unsupported``;
``warning``: by ``claims-evidence.vague``; ``None``: not reported at all.
"""

from __future__ import annotations

import pytest

from tests.guidelines_helpers import findings

REPORT_ERROR = {
    "performance and outcome": [
        ("de", "Mit Taktwerk sinken die Rüstzeiten um 35 %."),
        ("de", "Die neue Steuerung arbeitet dreimal schneller als die alte."),
        ("de", "Kunden verdoppeln mit unserem Chatbot ihre Abschlussquote."),
        ("de", "Der Sensor meldet Lagerschäden bis zu vier Monate vor dem Ausfall."),
        ("en", "Quillstone cuts month-end closing time by 40%."),
        ("en", "The new scheduler plans routes 5x faster."),
        ("en", "Teams using Loomcraft double their reply rate."),
        ("en", "The gateway detects failing drives up to three weeks before they break."),
        ("de", "Unsere Kunden senken ihre Ausschussquote im Schnitt um ein Drittel."),
        ("de", "Der Scanner erreicht eine Erkennungsrate von 98 %."),
        ("en", "Our platform delivers 99.9% uptime."),
        ("en", "It cuts review time by half."),
        ("en", "Our customers save an average of 11 hours per call."),
        ("de", "Unsere Nutzer sparen jede Woche zwei Stunden."),
        ("de", "Steigern Sie Ihren Umsatz mit Loopa um 20 %."),
        ("de", "Die Anlage spart jährlich rund 12 Tonnen CO₂."),
        ("en", "We reduced our carbon footprint by 20% since 2019."),
    ],
    "market superlative": [
        ("de", "Kornfeld ist Marktführer für digitale Hofläden."),
        ("de", "Die Plattform ist die Nr. 1 für Ausschreibungen im Handwerk."),
        ("de", "Wir sind der einzige Anbieter mit eigenem Rechenzentrum in Kassel."),
        ("de", "Das ist die schnellste Buchungsplattform für Tagungshotels."),
        ("en", "Harbourline is the world's leading marketplace for used cranes."),
        ("en", "We run Europe's largest network of cargo bike hubs."),
        ("en", "Tidewell is the most advanced platform for tender management."),
        ("en", "Our best-in-class engine handles every request."),
        ("en", "Nordvane is the most accurate wireless flow sensor on the market."),
        ("en", "Quorra is the most popular web analytics tool, by far."),
        ("de", "Wir sind führend in der Entwicklung von Etikettendruckern."),
        ("en", "Kestrel is the leader in cloud payroll."),
        ("de", "Wir sind Deutschlands größter Anbieter für Mietkräne."),
        ("de", "Keine andere Plattform bietet diese Tiefe."),
        ("en", "No other vendor offers this."),
    ],
    "guarantee": [
        ("de", "Wir garantieren eine fehlerfreie Lieferung."),
        ("de", "Ihre Daten sind bei uns 100 % sicher."),
        ("en", "Our backups never fail."),
        ("en", "The service guarantees zero downtime."),
    ],
    "unnamed evidence and statistics": [
        ("de", "Studien zeigen, dass kurze Formulare besser konvertieren."),
        ("de", "Acht von zehn Einkäufern vergleichen online."),
        ("en", "Experts agree that manual invoicing is a risk."),
        ("en", "Nine out of ten planners prefer a single tool."),
    ],
}

REPORT_WARNING = {
    "hedged or plural leadership": [
        ("de", "Tessaro ist einer der führenden Anbieter für Lagerlogistik."),
        ("de", "Brenntal ist ein führender Hersteller von Pelletöfen."),
        ("en", "Arrowmint is one of the leading providers of payroll software."),
        ("en", "Our customers include some of the largest retailers in the world."),
        ("en", "Join our award-winning support team for a live demo."),
        ("de", "Damit gehören wir zu den Top 3 Anbietern in Deutschland."),
        ("de", "Wir betreuen die größten Versicherer in Deutschland."),
        ("en", "We serve the largest banks in Europe."),
        ("en", "It is the best solution for your business."),
        ("en", "Kestrel is a leader in cloud payroll."),
    ],
    "vague statistic": [
        ("de", "Die meisten Unternehmen planen ihre Touren noch per Hand."),
        ("en", "The majority of buyers read reviews first."),
    ],
}

NOT_REPORTED = {
    "company's own facts": [
        ("de", "Die Quellwerk GmbH gehört zu 60 % der Gründerfamilie."),
        ("de", "Die Zahl unserer Mitarbeitenden hat sich seit 2020 verdoppelt."),
        ("de", "Wir haben Büros in Kiel, Graz und Basel."),
        ("en", "80% of our revenue comes from Germany."),
        ("en", "The SDK is 100% open source."),
        ("en", "Our team doubled in size after the Series A."),
        ("de", "Der Umsatz stieg im Geschäftsjahr 2023 um 12 %."),
        ("de", "Rund 40 % unserer Kunden kommen aus Österreich."),
        ("en", "The number of our users has grown fivefold since 2021."),
    ],
    "prices and terms": [
        ("de", "Ab März kosten alle Zusatzmodule 30 % weniger."),
        ("de", "Bei jährlicher Zahlung sparen Sie 15 %."),
        ("en", "All add-ons will cost 30% less from March."),
        ("en", "The Pro plan includes 20% more storage at the same price."),
    ],
    "plans and status": [
        ("de", "Wir planen, das Team bis 2027 zu verdoppeln."),
        ("de", "Die Umstellung ist zu 80 % abgeschlossen."),
        ("en", "We plan to double the team next year."),
        ("en", "The migration is 80% complete."),
    ],
    "instructions, dosages, settings": [
        ("de", "Mischen Sie 3 bis 5 % Verdünner bei."),
        ("de", "Reduzieren Sie die Drehzahl um 10 %, wenn das Lager warm wird."),
        ("en", "Book the venue two months ahead of the event."),
        ("de", "Wir melden uns zwei Tage vor dem Termin."),
        ("en", "We alert you two days before the deadline."),
        ("en", "Reduce the dosage by 20% for smaller tanks."),
        ("de", "Die Messgenauigkeit liegt bei ±0,5 %."),
        ("en", "The contract includes a 99.9% uptime SLA."),
    ],
    "process descriptions": [
        ("de", "Hochverfügbarkeit wird durch drei redundante Knoten sichergestellt."),
        ("de", "Die Ausfallsicherheit steht bei der Architektur im Mittelpunkt."),
        ("en", "Availability is guaranteed by three redundant nodes."),
    ],
    "attributed experience": [
        (
            "de",
            "„Seit der Umstellung sparen wir 30 % Zeit“, sagt Jonas Petersen, IT-Leiter bei Hafenwerk.",
        ),
        ("en", "“We cut our review time by 40%,” says Priya Raman, head of content at Brightloom."),
        ("en", "> Since the switch we ship twice as fast.\n>\n> — Ines Navarro, Lumafield"),
    ],
    "idioms and choices": [
        ("de", "Wir bieten Ihnen den bestmöglichen Service."),
        ("de", "Am besten starten Sie mit einem kleinen Pilotprojekt."),
        ("en", "We offer the best possible service to every client."),
        ("en", "The team chose the best scheduling tool for its needs."),
        ("de", "Wir unterstützen Sie dabei, die beste Lösung zu finden."),
        ("en", "The most important step is a clean data import."),
        ("en", "Anna is our team leader in Berlin."),
    ],
    "sourced": [
        ("de", "Laut einer Umfrage des Branchenverbands 2024 vergleichen 70 % der Käufer online."),
        ("en", "The startup was named one of the ten best employers by Fortune."),
    ],
}


def _cases(table: dict[str, list[tuple[str, str]]]) -> list:
    return [
        pytest.param(lang, sentence, id=f"{cls}-{lang}-{i}")
        for cls, items in table.items()
        for i, (lang, sentence) in enumerate(items)
    ]


def _claims(language: str, sentence: str):
    return findings(f"# T\n\n{sentence}\n", language, category="claims-evidence")


@pytest.mark.parametrize(("language", "sentence"), _cases(REPORT_ERROR))
def test_reported_as_error(language, sentence):
    found = _claims(language, sentence)
    assert [f.severity for f in found] == ["error"], sentence
    assert found[0].rule == "claims-evidence.unsupported"


@pytest.mark.parametrize(("language", "sentence"), _cases(REPORT_WARNING))
def test_reported_as_warning(language, sentence):
    found = _claims(language, sentence)
    assert [(f.rule, f.severity) for f in found] == [("claims-evidence.vague", "warning")], sentence


@pytest.mark.parametrize(("language", "sentence"), _cases(NOT_REPORTED))
def test_not_reported(language, sentence):
    assert [f.text for f in _claims(language, sentence)] == [], sentence


def _texts(language: str, body: str) -> list[str]:
    return [f"{f.severity}: {f.text}" for f in _claims(language, body)]


def test_survey_figures_are_attributed_to_the_survey_the_text_reports():
    survey = "Für die Umfrage hat das Institut Nordblick 300 Einkäufer befragt.\n\n"
    figures = "Sieben von zehn Einkäufern vergleichen Angebote online. 64 Prozent der Einkäufer lesen zuerst Bewertungen."
    assert _texts("de", survey + figures) == []
    # without the survey, the same figures are statistics attributed to no one
    assert len(_texts("de", figures)) == 2


def test_a_link_earlier_in_the_paragraph_covers_the_figures_after_it():
    link = "A [field trial by the Harlow clinic](https://example.org/trial) tested the method. "
    figures = "It flagged infections 12 hours earlier. Further, it reduced false alarms by 30%."
    assert _texts("en", link + figures) == []
    # a link in another paragraph is not "next to" the figure
    assert _texts("en", "It reduced false alarms by 30%.\n\n" + link) == [
        "error: It reduced false alarms by 30%"
    ]
