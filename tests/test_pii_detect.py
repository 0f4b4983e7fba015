"""PII detection on our own German and English sentences: each entity type, and what must not fire.

All of this runs with sockets blocked (pytest-socket in addopts): the engine, the e-mail domain
check (tldextract) and the name lists must work offline.
"""

from __future__ import annotations

import pytest

from tests.pii_helpers import found, kinds


def _tax_id(prefix: str) -> str:
    """A German tax id with a valid ISO 7064 MOD 11,10 check digit."""
    product = 10
    for digit in prefix:
        total = (int(digit) + product) % 10 or 10
        product = total * 2 % 11
    check = 11 - product
    return prefix + str(0 if check == 10 else check)


# --- each entity type, German and English ----------------------------------------------------


@pytest.mark.parametrize(
    "language, text, expected",
    [
        (
            "de",
            "Unsere Kundin Maria Schneider nutzt das System seit 2021.",
            ("PERSON", "Maria Schneider"),
        ),
        (
            "de",
            "„Das hat uns Zeit gespart“, berichtet Thomas Weber, Geschäftsführer der Firma.",
            ("PERSON", "Thomas Weber"),
        ),
        (
            "de",
            "Das bestätigt Prof. Dr. Katrin Vogel-Hansen von der Hochschule.",
            ("PERSON", "Katrin Vogel-Hansen"),
        ),
        ("de", "Herr Özdemir war von Anfang an dabei.", ("PERSON", "Özdemir")),
        (
            "en",
            "Our customer Emily Clarke has used the platform since 2021.",
            ("PERSON", "Emily Clarke"),
        ),
        (
            "en",
            '"The switch was painless," says Raj Patel, Head of Operations.',
            ("PERSON", "Raj Patel"),
        ),
        ("en", "Mr O'Connor approved the budget.", ("PERSON", "O'Connor")),
        ("en", "The payout list shows Pieter van Leeuwen first.", ("PERSON", "Pieter van Leeuwen")),
    ],
)
def test_person(language, text, expected):
    assert expected in found(text, language)


def test_person_span_leaves_out_titles_and_possessive():
    assert found("Das sagt Dr. Björn Kessler.", "de") == {("PERSON", "Björn Kessler")}
    assert ("PERSON", "Oliver Hartley") in found("Only Oliver Hartley's laptop had access.", "en")


def test_surname_alone_is_found_after_the_full_name():
    text = "Frau Carla Neumeister leitet den Einkauf. Seit Neumeister dabei ist, läuft alles schneller."
    assert found(text, "de") == {("PERSON", "Carla Neumeister"), ("PERSON", "Neumeister")}


def test_name_in_a_title_case_heading_is_found_once_the_body_confirms_it():
    text = "# How Oliver Hartwell Moved His Portal\n\nOliver Hartwell, CTO, says it works."
    assert kinds(text, "en") == ["PERSON", "PERSON"]


def test_names_with_diacritics_missing_from_the_dictionary_spelling():
    assert ("PERSON", "Zoë Ellis") in found("Thanks to Zoë Ellis for the feedback.", "en")


def test_unlisted_given_name_is_found_with_attribution_or_job_title():
    assert ("PERSON", "Xiadani Quorvik") in found(
        "„Top“, sagt Xiadani Quorvik, Leiterin Einkauf.", "de"
    )
    assert found("Xiadani Quorvik liefert Ventile.", "de") == set()


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("de", "Sie erreichen ihn privat unter jan.kowalski@web.de.", "jan.kowalski@web.de"),
        ("de", "Schreiben Sie an m.hoffmann@beispiel-kunde.de.", "m.hoffmann@beispiel-kunde.de"),
        ("en", "Reach her directly at hannah.brooks@gmail.com.", "hannah.brooks@gmail.com"),
        ("en", "Contact Anna at anna@startup.io for a demo.", "anna@startup.io"),
    ],
)
def test_email(language, text, expected):
    assert ("EMAIL_ADDRESS", expected) in found(text, language)


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("de", "Seine Mobilnummer: 0176 / 412 88 03.", "0176 / 412 88 03"),
        ("de", "Er ist unter +49 176 2291845 erreichbar.", "+49 176 2291845"),
        ("de", "Telefon (0431) 55 20 913, gern auch abends.", "(0431) 55 20 913"),
        (
            "de",
            "Herr Özdemir hat uns seine Handynummer +49 (0)160 9876543 gegeben.",
            "+49 (0)160 9876543",
        ),
        ("de", "Tel. 030 / 4567 8910 (privat)", "030 / 4567 8910"),
        ("en", "Call him on his mobile, +44 7700 900733.", "+44 7700 900733"),
        ("en", "She gave us her number, +1 415 555 0132.", "+1 415 555 0132"),
        ("en", "Questions to +31 6 1937 5520 please.", "+31 6 1937 5520"),
    ],
)
def test_phone(language, text, expected):
    assert ("PHONE_NUMBER", expected) in found(text, language)


@pytest.mark.parametrize(
    "language, text, expected",
    [
        (
            "de",
            "Wir haben auf ihr Privatkonto DE89 3704 0044 0532 0130 00 überwiesen.",
            "DE89 3704 0044 0532 0130 00",
        ),
        ("de", "Konto: DE89370400440532013000", "DE89370400440532013000"),
        ("en", "Paid to GB82 WEST 1234 5698 7654 32 last week.", "GB82 WEST 1234 5698 7654 32"),
        (
            "en",
            "- Anna Berg: FR76 3000 6000 0112 3456 7890 189",
            "FR76 3000 6000 0112 3456 7890 189",
        ),
    ],
)
def test_iban(language, text, expected):
    assert ("IBAN_CODE", expected) in found(text, language)


def test_iban_digits_are_not_also_reported_as_phone_or_card():
    assert kinds("Auf ihr Konto DE88 5121 0800 3344 5508 00 überwiesen.", "de") == ["IBAN_CODE"]


def test_iban_with_a_wrong_checksum_is_not_reported():
    assert "IBAN_CODE" not in kinds("Konto DE00 3704 0044 0532 0130 00", "de")


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("de", "Die Kreditkarte 4111 1111 1111 1111 wurde belastet.", "4111 1111 1111 1111"),
        ("en", "The card 5555 5555 5555 4444 was charged.", "5555 5555 5555 4444"),
    ],
)
def test_credit_card(language, text, expected):
    assert ("CREDIT_CARD", expected) in found(text, language)


def test_card_number_failing_luhn_is_not_reported():
    assert "CREDIT_CARD" not in kinds("Die Karte 4111 1111 1111 1112 wurde belastet.", "de")


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("de", "Die IP-Adresse des Kunden war 85.214.132.117.", "85.214.132.117"),
        ("en", "Only his home connection (198.51.100.23) was allowed.", "198.51.100.23"),
        (
            "en",
            "Her laptop used 2001:db8:85a3::8a2e:370:7334 that day.",
            "2001:db8:85a3::8a2e:370:7334",
        ),
    ],
)
def test_ip_address(language, text, expected):
    assert ("IP_ADDRESS", expected) in found(text, language)


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("de", "Sie wohnt in der Hauptstraße 12, 10115 Berlin.", "Hauptstraße 12, 10115 Berlin"),
        (
            "de",
            "Rückfragen gern persönlich: Am Mühlenteich 7, 23552 Lübeck.",
            "Am Mühlenteich 7, 23552 Lübeck",
        ),
        ("de", "Er wohnt Berliner Straße 7a in Kassel.", "Berliner Straße 7a"),
        (
            "en",
            "She lives at 221B Baker Street, London NW1 6XE.",
            "221B Baker Street, London NW1 6XE",
        ),
        (
            "en",
            "Send it to his home, 42 Maple Avenue, Springfield, IL 62704.",
            "42 Maple Avenue, Springfield, IL 62704",
        ),
    ],
)
def test_street_address(language, text, expected):
    assert ("LOCATION", expected) in found(text, language)


def test_german_tax_id_with_context():
    tax_id = _tax_id("8609574271")
    assert ("DE_TAX_ID", tax_id) in found(f"Ihre Steuer-ID lautet {tax_id}.", "de")
    assert ("DE_TAX_ID", tax_id) in found(f"His German tax ID is {tax_id}.", "en")


def test_german_identity_card_with_context():
    assert ("DE_ID_CARD", "T22000129") in found("Personalausweisnummer: T22000129", "de")


def test_checksum_valid_number_without_identifier_context_is_not_a_tax_id():
    tax_id = _tax_id("8609574271")
    assert found(f"Die Artikelnummer {tax_id} ist ausverkauft.", "de") == set()
    assert found(f"Order {tax_id} has shipped.", "en") == set()


# --- decoys: not personal data -----------------------------------------------------------------


@pytest.mark.parametrize(
    "language, text",
    [
        # the company's own contacts
        ("de", "Schreiben Sie an vertrieb@beispiel-ag.de oder presse@beispiel-ag.de."),
        (
            "de",
            "Fragen beantworten unsere Regionalbüros per E-Mail an nord@beispiel-versicherung.de.",
        ),
        ("en", "Write to sales@example-saas.com or billing@example-saas.com."),
        ("en", "Contact our solutions team at hello@pipeline.example."),
        ("de", "Rufen Sie unsere kostenlose Hotline 0800 123 4567 an."),
        ("de", "Servicenummer 0180 6 123456 (20 Cent pro Anruf)."),
        ("de", "Rufen Sie unsere Zentrale an: 089 1234567-0."),
        ("de", "Bestellungen an unsere Bestellhotline 06151 44 71 20 (Mo–Fr)."),
        ("en", "Call our sales team on 020 7946 0000."),
        ("en", "Our support line 1-800-555-0199 is open around the clock."),
        ("de", "Unser Büro finden Sie in der Industriestraße 5, 34117 Kassel."),
        ("en", "Our office is at 10 Downing Street, London SW1A 2AA."),
        # numbers that only look like IPs or phones
        ("de", "Bitte aktualisieren Sie auf Version 2.10.4.7."),
        ("en", "Firmware: 3.1.0.22, updated over the air."),
        ("en", "The cluster runs in the private range 10.44.0.0/16."),
        ("de", "Das Netz 192.168.10.0/24 ist intern; das Gateway hat 192.168.10.1."),
        ("de", "Der Preis beträgt 1.299,00 € netto, gültig bis 31.12.2025."),
        ("en", "The price is $1,299.00 per year, valid until 12/31/2025."),
        ("de", "Die Bestellnummer lautet 4711-0815-2024."),
        ("en", "Order number 0123456789 has shipped."),
        # companies, products, places
        ("de", "Die Siemens AG und die Robert Bosch GmbH gehören zu unseren Kunden."),
        (
            "de",
            "Mit SAP S/4HANA, Microsoft Teams und Salesforce Marketing Cloud arbeiten wir seit Jahren.",
        ),
        ("de", "Am 3. Mai 2025 startet die Messe in Hannover, Stuttgart und Leipzig."),
        ("de", "In Frankfurt am Main und Bad Homburg eröffnen wir neue Filialen."),
        ("de", "Die Wolf Heiztechnik GmbH liefert Wärmepumpen."),
        ("de", "Die Lösung von Peter & Partner überzeugt."),
        ("de", "Im August Neukunden gewinnen: So geht's."),
        ("en", "On 3 May 2025 we open offices in Manchester, Bristol and Glasgow."),
        ("en", "We integrate with SAP, Microsoft Teams, Google Workspace and Salesforce."),
        ("en", "Will Kubernetes replace virtual machines?"),
        ("en", "Mark your calendars: the webinar starts at 10:00."),
        ("en", "May the best platform win."),
        ("en", "## Grant Writing Made Simple For Busy Founders"),
        ("en", "Upgrade to Aurora Insights 7.2 this spring."),
        ("en", "According to a study by Stanford University, costs drop by 12%."),
    ],
)
def test_decoys_are_not_flagged(language, text):
    assert found(text, language) == set()


def test_private_contact_in_a_company_sentence_is_still_flagged():
    # "uns" speaks for the company, but "seine private Mobilnummer" makes the number personal
    text = "Für Rückfragen hat er uns seine private Nummer 030 4567 8910 genannt."
    assert ("PHONE_NUMBER", "030 4567 8910") in found(text, "de")


def test_front_matter_is_not_scanned(parse):
    from reviewer.checks.pii.detect import find_pii

    doc = parse(
        '---\ntitle: "Interview mit Anna Schmidt"\nlanguage: de\n---\n\n# Interview\n\nText ohne Namen.\n'
    )
    assert find_pii(doc.content, doc.language, start=doc.body_start) == []


# --- configuration ------------------------------------------------------------------------------


def test_allow_list_string_and_regex():
    text = "„Super Service“, sagt Dr. Example Person. Auch Carla Neumeister und Nordhafen Armaturen sind zufrieden."
    assert ("PERSON", "Example Person") in found(text, "de")
    allowed = found(text, "de", allow=["/^Dr\\. Example/", "Carla Neumeister"])
    assert allowed == set()


def test_allow_list_string_covers_longer_detection():
    text = "Kontakt: Peter Lustig, Peter Lustig Straße 5"
    assert found(text, "de", allow=["peter lustig"]) == set()


def test_entities_setting_limits_what_is_reported():
    text = "Frau Carla Neumeister erreichen Sie unter c.neumeister@example-kunde.de."
    assert set(kinds(text, "de", entities=["EMAIL_ADDRESS"])) == {"EMAIL_ADDRESS"}


def test_score_threshold_setting():
    text = "Our customer Emily Clarke joined in 2021."
    assert kinds(text, "en", score_threshold=0.5) == ["PERSON"]
    assert kinds(text, "en", score_threshold=0.9) == []


def test_unknown_entity_and_bad_regex_are_config_errors():
    from reviewer.config import config_from_dict
    from reviewer.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown entity type 'NAME'"):
        config_from_dict({"pii": {"entities": ["NAME"]}})
    with pytest.raises(ConfigError, match="pii.allow"):
        config_from_dict({"pii": {"allow": ["/(unclosed/"]}})


def test_missing_spacy_model_falls_back_with_a_note():
    from reviewer.checks.pii.detect import find_pii
    from reviewer.checks.pii.engine import get_engine

    missing = {"de": "de_core_news_not_installed"}
    assert any("not installed" in note for note in get_engine(missing).notes)
    detections = find_pii(
        "Kundin Maria Schneider ist zufrieden.", "de", _settings(spacy_model=missing)
    )
    assert [(d.entity, d.text) for d in detections] == [("PERSON", "Maria Schneider")]


def test_installed_spacy_model_adds_its_person_entities(tmp_path):
    """A user-installed pipeline (here a tiny one saved to disk) contributes PERSON spans that the
    name lists cannot find; its place names are ignored (cities are not personal data)."""
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": "Zorblax Quenthor"},
            {"label": "GPE", "pattern": "Rotterdam"},
        ]
    )
    model_dir = tmp_path / "tiny_en_model"
    nlp.to_disk(model_dir)

    from reviewer.checks.pii.detect import find_pii

    text = "Zorblax Quenthor visited our plant in Rotterdam."
    assert find_pii(text, "en") == []  # no name list knows this name
    settings = _settings(spacy_model={"en": str(model_dir)})
    assert {(d.entity, d.text) for d in find_pii(text, "en", settings)} == {
        ("PERSON", "Zorblax Quenthor")
    }


def _settings(**overrides):
    from reviewer.checks.pii.settings import PiiSettings

    return PiiSettings(**overrides)


def test_german_noun_plural_after_a_given_name_is_not_a_person():
    """German capitalises nouns: "Mark Zahlen" is a verb phrase, not Mr Zahlen."""
    from reviewer.checks.pii.person import find_names

    text = "Mit der Software können Sie Mark Zahlen prüfen und Frank Ergebnisse vergleichen."
    assert [text[s:e] for s, e, score, _ in find_names(text, "de") if score >= 0.5] == []
    quoted = "„Das spart Zeit“, sagt Jana Kunz, Leiterin Einkauf bei uns."
    found = [quoted[s:e] for s, e, score, _ in find_names(quoted, "de") if score >= 0.5]
    assert found == ["Jana Kunz"]
