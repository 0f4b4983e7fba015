"""The company's own contact details are not personal data (issue 14); a person's still are.

Every example is written for this test: role mailboxes with a short tag, placeholder addresses in
an example header, press-contact blocks, call-to-action mail links, the company's address block
and a landline next to a role mailbox are not reported; a named employee's direct mobile, a
person's "Kontakt:" line and a private home address are.
"""

from __future__ import annotations

import pytest

from tests.pii_helpers import found


def _entities(text: str, language: str) -> set[str]:
    return {entity for entity, _ in found(text, language)} - {"PERSON"}


# --- not reported: the company's own contact ---------------------------------------------------


@pytest.mark.parametrize(
    "language, text",
    [
        ("de", "Bewerbungen bitte an karriere-hh@werkhaus-elbe.de senden."),
        ("de", "Fragen zur Rechnung? buchhaltung.sued@brennwerk-systeme.de hilft."),
        ("en", "Send your CV to careers-emea@lindqvist-tools.com by Friday."),
        ("en", "Questions? Write to support.uk@harbourline.io any time."),
    ],
)
def test_role_mailbox_with_a_short_tag(language, text):
    assert "EMAIL_ADDRESS" not in _entities(text, language)


@pytest.mark.parametrize(
    "language, text",
    [
        ("de", "So sieht die Mail aus:\n\n> `An: kunde@firma.de`\n> `Cc: chefin@firma.de`\n"),
        ("en", "The header reads:\n\n> `To: colleague@partner.com`\n> `Cc: manager@partner.com`\n"),
    ],
)
def test_placeholder_addresses_in_an_example(language, text):
    assert "EMAIL_ADDRESS" not in _entities(text, language)


@pytest.mark.parametrize(
    "language, text",
    [
        (
            "de",
            "Die Kaltwerk AG liefert ab Mai.\n\n__Pressekontakt:__\n\nDeutschland:\nLena Vogtmann\n"
            "lena.vogtmann@nordlicht-pr.de\n+49 171 5550123\n\nÖsterreich:\n"
            "Paul Riedl, Agentur Weitblick, paul.riedl@weitblick-pr.at\n",
        ),
        (
            "de",
            "Für weitere Informationen kontaktieren Sie bitte:\n\nJonas Brecht\n\n_CTO Kaltwerk_\n\n"
            "[jbrecht@kaltwerk.de](mailto:jbrecht@kaltwerk.de)\n",
        ),
        (
            "en",
            "Brightfield ships in May.\n\nMedia Contact\nMarta Lindholm\nAgency North for Brightfield\n"
            "marta@agency-north.com\n+1 617 555 0147\n",
        ),
        (
            "en",
            "For more information, please contact:\n\nOwen Pritchard, Head of Communications\n"
            "owen.pritchard@brightfield.co.uk\n",
        ),
    ],
)
def test_press_contact_block(language, text):
    assert _entities(text, language) == set()


def test_press_block_ends_at_the_next_label():
    text = (
        "**Pressekontakt:**\n\nLena Vogtmann, lena.vogtmann@nordlicht-pr.de\n\n"
        "**Kundenstimme:**\n\nAnna Kessler erreichen Sie privat unter anna.kessler@posteo.de.\n"
    )
    assert found(text, "de") >= {("EMAIL_ADDRESS", "anna.kessler@posteo.de")}
    assert ("EMAIL_ADDRESS", "lena.vogtmann@nordlicht-pr.de") not in found(text, "de")


@pytest.mark.parametrize(
    "language, text",
    [
        ("de", "Neugierig geworden?\n\n[E-Mail schreiben](mailto:jonas@kaltwerk-beratung.de)\n"),
        ("en", "Curious? [Email us](mailto:priya@harbourline.io) and we reply within a day.\n"),
    ],
)
def test_call_to_action_mail_link(language, text):
    assert "EMAIL_ADDRESS" not in _entities(text, language)


@pytest.mark.parametrize(
    "language, text",
    [
        (
            "de",
            "__Absender:__\n\nBrennwerk Systeme GmbH\nHafenstraße 12\n20457 Hamburg\n"
            "Amtsgericht Hamburg HRB 12345\n",
        ),
        (
            "de",
            "## Unser Standort\n\nDas Büro liegt direkt am Hafen.\n\n**Lindenallee 7b**\n**50667 Köln**\n",
        ),
        (
            "en",
            "## Headquarters\n\nHarbourline Ltd\n221 Harbour Road\nBristol BS1 4QA\n",
        ),
    ],
)
def test_company_address_block(language, text):
    assert "LOCATION" not in _entities(text, language)


@pytest.mark.parametrize(
    "language, text, number",
    [
        ("de", "## Fragen?\n\nvertrieb@brennwerk.de\n+49 40 5550 1234\n", "+49 40 5550 1234"),
        ("en", "## Questions?\n\nhello@harbourline.io\n+44 20 7946 0321\n", "+44 20 7946 0321"),
    ],
)
def test_landline_next_to_a_role_mailbox(language, text, number):
    assert ("PHONE_NUMBER", number) not in found(text, language)


# --- still reported: a person's own contact ----------------------------------------------------


@pytest.mark.parametrize(
    "language, text, number",
    [
        (
            "de",
            "Unser Vertriebsleiter Jan Kroll ist direkt unter 0171 5550199 erreichbar.",
            "0171 5550199",
        ),
        (
            "de",
            "## Kontakt\n\nBrennwerk Systeme GmbH\nJan Kroll\n0171 5550199\n",
            "0171 5550199",
        ),
        (
            "en",
            "Reach our account manager Tom Baxter directly on +44 7911 123456.",
            "+44 7911 123456",
        ),
    ],
)
def test_named_employees_mobile_is_still_reported(language, text, number):
    assert ("PHONE_NUMBER", number) in found(text, language)


@pytest.mark.parametrize(
    "language, text, detail",
    [
        (
            "de",
            "Kontakt: Jana Wolff, jana.wolff@brennwerk.de",
            ("EMAIL_ADDRESS", "jana.wolff@brennwerk.de"),
        ),
        (
            "en",
            "Contact: Tom Baxter, tom.baxter@harbourline.io",
            ("EMAIL_ADDRESS", "tom.baxter@harbourline.io"),
        ),
        ("en", "Contact: Tom Baxter, +1 646 555 0190", ("PHONE_NUMBER", "+1 646 555 0190")),
    ],
)
def test_a_persons_contact_line_is_still_reported(language, text, detail):
    assert detail in found(text, language)


@pytest.mark.parametrize(
    "language, text, address",
    [
        (
            "de",
            "Herr Köhler wohnt in der Lindenallee 7b, 50667 Köln, und pendelt zur Brennwerk GmbH.",
            "Lindenallee 7b",
        ),
        (
            "en",
            "Our customer Tom Baxter lives at 14 Elm Street, Bristol, near the Harbourline Ltd office.",
            "14 Elm Street",
        ),
    ],
)
def test_private_home_address_is_still_reported(language, text, address):
    locations = [t for entity, t in found(text, language) if entity == "LOCATION"]
    assert any(address in t for t in locations), locations


def test_a_name_inside_a_let_pass_address_is_not_a_person_of_its_own():
    text = "Media Contact\nJill Harrow, Agency North, Jill.Harrow@agency-north.com\n"
    persons = {t for entity, t in found(text, "en") if entity == "PERSON"}
    assert persons == {"Jill Harrow"}


def test_press_block_ends_at_running_text():
    text = (
        "Pressekontakt: Lena Vogtmann, lena.vogtmann@nordlicht-pr.de\n"
        "Im Interview erzählt Anna Kessler, wie das neue System den Alltag im Lager verändert "
        "hat, und nennt zum Schluss die Nummer 0171 5550142.\n"
    )
    assert ("PHONE_NUMBER", "0171 5550142") in found(text, "de")


def test_address_in_running_text_under_a_company_heading_is_not_a_company_block():
    text = (
        "## Harbourline Ltd\n\nTom Baxter, 14 Elm Street, Bristol, opens the new dashboard first "
        "thing every day and reads each report before the weekly planning meeting starts.\n"
    )
    locations = [t for entity, t in found(text, "en") if entity == "LOCATION"]
    assert any("14 Elm Street" in t for t in locations), locations


@pytest.mark.parametrize(
    "language, text, number",
    [
        ("de", "Zentrale: 089 5550 4400", "089 5550 4400"),
        (
            "de",
            "## Impressum\n\nKaltwerk Beratung\nMühlenweg 3\n24103 Kiel\nTel. 0431 5550 123\n",
            "0431 5550 123",
        ),
        ("en", "Main office: +1 212 555 0188 (Brightfield Inc.)", "+1 212 555 0188"),
        (
            "en",
            "Harbourline Ltd · 221 Harbour Road · Bristol · switchboard +44 117 496 0123",
            "+44 117 496 0123",
        ),
    ],
)
def test_switchboard_next_to_the_company(language, text, number):
    assert ("PHONE_NUMBER", number) not in found(text, language)


@pytest.mark.parametrize(
    "language, text, number",
    [
        ("de", "Jonas Brecht\nMobil: 0171 5550199\nKaltwerk GmbH\n", "0171 5550199"),
        ("de", "Ansprechpartner: Jonas Brecht, Tel. 040 5550 1234", "040 5550 1234"),
        ("en", "## Contact\n\nBrightfield Inc.\nTom Baxter, cell 646 555 0190\n", "646 555 0190"),
    ],
)
def test_a_named_persons_number_in_a_company_block_is_still_reported(language, text, number):
    assert ("PHONE_NUMBER", number) in found(text, language)
