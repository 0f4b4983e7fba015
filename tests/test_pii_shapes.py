"""Phones, IBANs, IP addresses, street addresses and company contacts (issues 14 and 15): each
"report" and "do not report" case in German and English, on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.pii_helpers import found


@pytest.mark.parametrize(
    "language, text, expected",
    [
        # phones in national formats
        ("en", "You can call Dana on 415-555-0137 after six.", ("PHONE_NUMBER", "415-555-0137")),
        ("en", "Phone: (31) 482-905", ("PHONE_NUMBER", "(31) 482-905")),
        ("de", "Rufen Sie ihn unter 0471 12 34 56 an.", ("PHONE_NUMBER", "0471 12 34 56")),
        ("de", "Tel. (030) 4412 887", ("PHONE_NUMBER", "(030) 4412 887")),
        # IBAN in lower case
        ("de", "Überweisung an de89 3704 0044 0532 0130 00 bitte bis Freitag.",
         ("IBAN_CODE", "de89 3704 0044 0532 0130 00")),
        ("en", "Her refund goes to gb82 west 1234 5698 7654 32.",
         ("IBAN_CODE", "gb82 west 1234 5698 7654 32")),
        # street addresses: European, US, units, PO boxes
        ("de", "Er wohnt seit Mai in der Ulica Długa 14 in Danzig.", ("LOCATION", "Ulica Długa 14")),
        ("en", "She moved to 25 Rue de Rivoli last year.", ("LOCATION", "25 Rue de Rivoli")),
        ("en", "Mail it to 12 Elm Street, Suite 400, Springfield, IL 62704.",
         ("LOCATION", "12 Elm Street, Suite 400, Springfield, IL 62704")),
        ("en", "His home address is 7 Harbour Road, Apt. 4B.", ("LOCATION", "7 Harbour Road, Apt. 4B")),
        ("en", "Send the cheque to PO Box 1552.", ("LOCATION", "PO Box 1552")),
        ("de", "Sie wohnt in der Keizersgracht 123 in Amsterdam.", ("LOCATION", "Keizersgracht 123")),
    ],
)  # fmt: skip
def test_reported(language, text, expected):
    assert expected in found(text, language)


@pytest.mark.parametrize(
    "language, text",
    [
        # temporal phrases are not addresses
        ("de", "Im Juni 2024 startet die neue Plattform."),
        ("de", "Am Montag 12 Teilnehmende, am Dienstag doppelt so viele."),
        ("en", "In 2019 we opened our first office."),
        # versions are not IP addresses, years and order numbers are not phones
        ("de", "Die Software läuft ab Version 5.3.10.2 stabil."),
        ("en", "Requires agent release 10.4.2.1 or later."),
        ("en", "Install Agent 5.3.10.2 on every host."),
        ("en", "Our Harbor Sync 7.1.0.3 release adds SSO."),
        ("de", "Nordlicht Flow 4.2.0.18 ist ab heute verfügbar."),
        ("de", "Bestellnummer 2024-118734 wurde heute versandt."),
        ("en", "Order 415-555-0137 has shipped."),
        ("de", "Der Preis liegt bei 1.299 Euro, seit 2019 unverändert; Anruf-Statistik 2023/24."),
        ("en", "Plans start at $1,299 per year; call volume rose 2019-2024 by 35 percent."),
        # the company's own contact details (issue 14)
        ("de", "Schreiben Sie an vertrieb@nordlicht-software.de oder info@nordlicht-software.de."),
        ("en", "Questions? support@harborline.io answers within a day."),
        ("de", "Die Nordlicht Software GmbH erreichen Sie über die Zentrale 040 1234 5678."),
        ("en", "Call the Harborline Inc. switchboard on 020 7946 0321."),
        ("de", "Pressekontakt\nNordlicht Software GmbH\nTel. 040 123456 78\npresse@nordlicht.de"),
        ("en", "Press contact: press@harborline.io, +1 212 555 0100"),
        # a city or country alone
        ("de", "Unser Büro liegt in Hamburg, Deutschland."),
        ("en", "We ship to Ireland and to Dublin."),
    ],
)  # fmt: skip
def test_not_reported(language, text):
    assert found(text, language) == set()


@pytest.mark.parametrize(
    "language, text, phone",
    [
        ("de", "Pressekontakt\nAnna Berger\nMobil 0171 4839220", "0171 4839220"),
        ("en", "Press contact\nOliver Grant\nmobile +44 7911 123456", "+44 7911 123456"),
    ],
)
def test_named_employee_mobile_in_press_block_stays_personal(language, text, phone):
    assert ("PHONE_NUMBER", phone) in found(text, language)


# --- long documents (issue 21): every character is checked ----------------------------------


def test_chunks_cover_five_mebibytes_exactly_once():
    from reviewer.checks.pii.detect import chunks

    text = ("Ein Absatz über Lieferketten und Termine.\n" * 40 + "\n") * 3100
    text += "x" * 50_000  # and a run with no place to cut
    assert len(text.encode()) > 5 * 1024 * 1024
    pieces = chunks(text)
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert max(len(piece) for _, piece in pieces) <= 20_000


@pytest.mark.parametrize("language", ["de", "en"])
def test_personal_data_far_into_a_long_document_is_found_at_its_place(monkeypatch, language):
    from reviewer.checks.pii import detect

    monkeypatch.setattr(detect, "CHUNK_CHARS", 2_000)  # many chunks without a huge text
    filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n" * 200
    text = (
        filler + "Kontakt: jana.wrobel@example.net\n" + filler + "IBAN DE89 3704 0044 0532 0130 00"
    )
    found = {(d.entity, text[d.start : d.end]) for d in detect.find_pii(text, language)}
    assert ("EMAIL_ADDRESS", "jana.wrobel@example.net") in found
    assert ("IBAN_CODE", "DE89 3704 0044 0532 0130 00") in found
