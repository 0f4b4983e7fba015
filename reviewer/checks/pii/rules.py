"""The pii check's rules: one per kind of personal data.

Publishing a private person's phone number, mailbox or bank details without consent breaks the
GDPR (Art. 6) and exposes the person to spam, fraud or unwanted contact; that is why those kinds
are errors that block publication until removed or waived. A name alone is declared a warning:
B2B copy names people in their business role all the time (the quoted manager, the speaker),
and their contact details are what exposes them. A team that wants names to block sets
``"pii.person" = "error"`` in ``[rules]``; the verdict policy (``reviewer.scoring``) follows
the declared severity.
"""

from __future__ import annotations

from reviewer.checks.base import Example, Rule
from reviewer.models import Severity

CHECK = "pii"

_WHY = (
    "Publishing personal data without the person's consent breaks the GDPR (Art. 6) and exposes "
    "them to spam, fraud or unwanted contact."
)
_FIX = (
    "Remove it or replace it with a role or a generic company contact; if the person has agreed "
    "in writing, record the consent and waive this finding."
)


def _rule(
    entity: str,
    title: str,
    what: str,
    example: Example,
    counter_example: Example,
    languages: tuple[str, ...] = ("de", "en"),
    severity: Severity = "error",
) -> Rule:
    return Rule(
        id=f"pii.{entity.lower()}",
        check=CHECK,
        severity=severity,
        title=title,
        explanation=f"{what} {_WHY}",
        fix=_FIX,
        example=example,
        counter_example=counter_example,
        languages=languages,
    )


PERSON = _rule(
    "PERSON",
    "Name of a private person",
    "A private person's name: a customer, an employee, a testimonial's author.",
    Example("Our customer Jana Albrecht says the setup took one afternoon.\n"),
    Example("Our customers say the setup took one afternoon.\n"),
    severity="warning",
)
EMAIL_ADDRESS = _rule(
    "EMAIL_ADDRESS",
    "Personal e-mail address",
    "A mailbox that belongs to one person (a name in the local part); role addresses such as "
    "info@ or sales@ are the company's and are not reported.",
    Example("Questions? Write to j.albrecht@example-client.com.\n"),
    Example("Questions? Write to sales@example-client.com.\n"),
)
PHONE_NUMBER = _rule(
    "PHONE_NUMBER",
    "Personal phone number",
    "A number that reaches one person (a mobile, a direct line); toll-free and service lines "
    "are the company's.",
    Example("Rufen Sie Frau Albrecht mobil an: +49 171 2345678.\n", language="de"),
    Example("Rufen Sie unsere kostenlose Hotline 0800 123 4567 an.\n", language="de"),
)
IBAN_CODE = _rule(
    "IBAN_CODE",
    "Bank account number (IBAN)",
    "A person's bank account, valid by its checksum.",
    Example("Bitte überweisen Sie auf das Konto DE02 1203 0000 0000 2020 51.\n", language="de"),
    Example("Bitte überweisen Sie bis zum 30. Juni.\n", language="de"),
)
CREDIT_CARD = _rule(
    "CREDIT_CARD",
    "Credit card number",
    "A payment card number, valid by its Luhn checksum.",
    Example("He paid with the card 4111 1111 1111 1111 last week.\n"),
    Example("He paid by card last week.\n"),
)
IP_ADDRESS = _rule(
    "IP_ADDRESS",
    "IP address of a person's connection",
    "A public IP address can identify a person's connection; private ranges, network ranges "
    "and version numbers are not reported.",
    Example("The complaint came from the address 84.17.212.3 on Monday.\n"),
    Example("The gateway listens on 192.168.0.1 inside the plant.\n"),
)
LOCATION = _rule(
    "LOCATION",
    "Private street address",
    "A street address with a house number where a person lives or can be found.",
    Example("Sie wohnt in der Lindenstraße 12, 50674 Köln.\n", language="de"),
    Example("Unser Team sitzt in Köln und Hamburg.\n", language="de"),
)


def _german_id(entity: str, title: str, example: str, counter: str) -> Rule:
    return _rule(
        entity,
        title,
        f"A German personal identifier ({title.lower()}), reported only with a word naming it.",
        Example(example, language="de"),
        Example(counter, language="de"),
        languages=("de", "en"),
    )


DE_TAX_ID = _german_id(
    "DE_TAX_ID",
    "German tax identification number",
    "Ihre Steuer-ID lautet 86095742719.\n",
    "Die Artikelnummer 86095742719 ist ausverkauft.\n",
)
DE_TAX_NUMBER = _german_id(
    "DE_TAX_NUMBER",
    "German tax number",
    "Seine Steuernummer lautet 21/815/08150.\n",
    "Die Bestellung 21/815/08150 ist unterwegs.\n",
)
DE_PASSPORT = _german_id(
    "DE_PASSPORT",
    "Passport number",
    "Ihre Reisepassnummer ist C01X00T41.\n",
    "Die Modellnummer ist C01X00T41.\n",
)
DE_ID_CARD = _german_id(
    "DE_ID_CARD",
    "Identity card number",
    "Personalausweisnummer: T22000129\n",
    "Seriennummer: T22000129\n",
)
DE_SOCIAL_SECURITY = _german_id(
    "DE_SOCIAL_SECURITY",
    "Social security number",
    "Seine Sozialversicherungsnummer ist 65170839J003.\n",
    "Die Chargennummer ist 65170839J003.\n",
)
DE_HEALTH_INSURANCE = _german_id(
    "DE_HEALTH_INSURANCE",
    "Health insurance number",
    "Ihre Krankenversichertennummer lautet A123456780.\n",
    "Die Teilenummer lautet A123456780.\n",
)
DE_FUEHRERSCHEIN = _german_id(
    "DE_FUEHRERSCHEIN",
    "Driving licence number",
    "Seine Führerscheinnummer ist BA12345678X.\n",
    "Die Artikelnummer der Software ist BA12345678X.\n",
)

RULES = (
    PERSON,
    EMAIL_ADDRESS,
    PHONE_NUMBER,
    IBAN_CODE,
    CREDIT_CARD,
    IP_ADDRESS,
    LOCATION,
    DE_TAX_ID,
    DE_TAX_NUMBER,
    DE_PASSPORT,
    DE_ID_CARD,
    DE_SOCIAL_SECURITY,
    DE_HEALTH_INSURANCE,
    DE_FUEHRERSCHEIN,
)
BY_ENTITY = {rule.id.removeprefix("pii.").upper(): rule for rule in RULES}
