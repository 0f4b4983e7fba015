"""Drafts written for the keyword tests (not from the eval set): each plants one situation the
check must get right, in German and English."""

from __future__ import annotations

from reviewer.checks import run_check as run_one_check
from reviewer.config import Config
from reviewer.document import parse_document

# A shoehorned keyword in a paragraph of its own ("Kryptowährung"), a relevant acronym used twice
# ("DSGVO"), the "KI-Tools" family written three ways, one with a non-breaking hyphen.
DE_LEADGEN = """---
title: "Datenschutzkonforme Lead-Generierung mit KI"
language: de
audience: "Marketing-Leiter im Mittelstand"
keywords: ["Lead-Generierung", "DSGVO", "KI-Tools", "Kryptowährung"]
---

# Lead-Generierung mit KI: schneller zu qualifizierten Kontakten

Viele Marketingabteilungen im Mittelstand suchen nach Wegen, mit kleinem Team mehr qualifizierte Kontakte zu gewinnen. KI\u2011Tools können dabei helfen, wenn Daten sauber erfasst und Einwilligungen dokumentiert sind.

## Wie KI Tools Interessenten bewerten

Moderne Systeme werten aus, welche Inhalte ein Kontakt liest, wie oft er die Website besucht und ob er ein Whitepaper herunterlädt. Daraus berechnen sie einen Score, der dem Vertrieb zeigt, wann sich ein Anruf lohnt. Für die Lead-Generierung bedeutet das weniger Streuverluste und mehr Gespräche mit echten Interessenten.

Auch Kryptowährungen werden im Mittelstand immer häufiger diskutiert.

## Einwilligung und DSGVO

Jedes Formular braucht eine klare Einwilligung, und die Speicherung der Daten muss DSGVO-konform dokumentiert sein. Prüfen Sie außerdem, wo der Anbieter Ihre Daten verarbeitet und ob ein Vertrag zur Auftragsverarbeitung vorliegt.

## Fazit

Wer Einwilligungen sauber dokumentiert und die Bewertung der Kontakte transparent hält, macht die Lead-Generierung mit KI zu einem verlässlichen Kanal für den Vertrieb.
"""

# A keyword set aside with "whether … or" ("blockchain"); two relevant keywords used once each:
# "ticket volume" (the text talks about tickets throughout) and "knowledge base" (one sentence in
# the middle of a paragraph about keeping answers current).
EN_SUPPORT = """---
title: "How a support chatbot halved password-reset tickets"
language: en
audience: "Heads of customer service at software companies"
keywords: ["support chatbot", "ticket volume", "blockchain", "knowledge base"]
---

# How a support chatbot halved password-reset tickets

Every support team knows the pattern: a handful of simple questions fill the queue every Monday. At Fernwood Software, password resets and invoice copies made up a third of all tickets.

## What the chatbot does

The support chatbot answers in the help centre and in the customer portal. It verifies the customer's e-mail address, triggers the password reset and sends invoice copies from the billing system. When a question goes beyond these cases, it hands the conversation to an agent together with a short summary, so nobody has to ask twice.

Whether your records live on a blockchain or in a classic database, the chatbot only needs read access to the ticket history.

## Keeping answers current

Answers come from the same knowledge base that agents use. When an article changes, the chatbot uses the new version the next day. Agents flag outdated articles directly from the ticket view.

## Results

After three months, the ticket volume for password resets fell by half, and agents spent the saved time on complex tickets. Customers rated the chatbot conversations 4.3 out of 5.
"""

# A relevant German keyword used once, tied to the text by a related word ("Gefährdungen"); a
# missing keyword; a keyword used in compounds only ("Unterweisung" in "Sicherheitsunterweisungen").
DE_ARBEITSSCHUTZ = """---
title: "Arbeitsschutz im Lager: Was Logistikleiter 2025 wissen müssen"
language: de
audience: "Logistikleiter in Handelsunternehmen"
keywords: ["Arbeitsschutz", "Gefährdungsbeurteilung", "Staplerschein", "Unterweisung"]
---

# Arbeitsschutz im Lager: Was Logistikleiter wissen müssen

Im Lager passieren die meisten Unfälle beim Be- und Entladen. Wer Gefährdungen früh erkennt, schützt Beschäftigte und vermeidet Ausfallzeiten.

## Gefährdungen systematisch erfassen

Die Gefährdungsbeurteilung ist der Ausgangspunkt: Welche Tätigkeiten bergen welche Risiken, und welche Maßnahmen senken sie? Typische Gefährdungen im Lager sind Quetschungen an Regalen, herabfallende Ware und Zusammenstöße mit Flurförderzeugen.

## Schulung der Fahrer

Wer einen Gabelstapler fährt, braucht eine Ausbildung und eine schriftliche Beauftragung durch den Arbeitgeber. Sicherheitsunterweisungen finden jährlich statt und werden schriftlich dokumentiert.

## Fazit

Guter Arbeitsschutz im Lager beginnt mit klaren Verkehrswegen, geschulten Fahrern und regelmäßigen Begehungen.
"""

# Shoehorned by contrast in a heading and in prose, with a topic word right after the keyword
# ("NFT payouts"): the contrast must still win.
EN_CONTRAST = """---
title: "Automated payouts for freelance trainers"
language: en
audience: "Training managers at corporate academies"
keywords: ["trainer payouts", "NFT", "bank transfer"]
---

# Trainer payouts without spreadsheets

Academies that work with freelance trainers spend hours every month on invoices. Trainer payouts in CourseDeck are calculated from delivered sessions and day rates, and each payout goes out as a bank transfer on a fixed date.

## NFT or bank transfer?

Unlike NFT payouts, trainer payouts in CourseDeck are plain transfers with an audit trail for finance. Trainers see delivered sessions, approved amounts and the expected payment date in their account.

## Getting started

Add your bank account under Settings and choose a payout date. The first trainer payouts go out with the next run.
"""


def run_check(text: str, config: Config | None = None, source: str = "draft.md"):
    """The keyword check's output for a draft given as text."""
    cfg = config or Config()
    return run_one_check("keywords", parse_document(text, source), cfg)


def by_rule(output, rule: str) -> list[str]:
    return [f.category for f in output.findings if f.rule == rule]


def entry(output, keyword: str) -> dict:
    return next(e for e in output.details["keywords"] if e["keyword"] == keyword)
