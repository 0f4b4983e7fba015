"""Precision rules applied to presidio's raw results: what is *not* a private person's data.

Each rule is general, never a list of strings from one draft:

- e-mail: role mailboxes (info@, vertrieb@, sales@ …) are the company's; so is a one-word mailbox
  in a sentence where the company speaks ("per E-Mail an cyber@…, unsere Regionalbüros");
  so is a role word with a short tag (``jobs-hh@``), a stand-in in an example header
  (``kunde@…``), any address in a press-contact block and the target of a call-to-action link
  ("E-Mail schreiben"); otherwise name-shaped local parts (``c.neumeister``) are a person's;
- phone: toll-free, premium-rate, shared-cost and universal numbers (0800, 0180x, 0900) are
  service lines; numbers in a press-contact block are published for the press; other mobile
  numbers are a person's; landlines are the company's when the sentence is the company speaking,
  in the company's address block, or next to a role mailbox, and nothing says private;
- IP: network ranges (CIDR), private/loopback/link-local addresses and dotted version numbers
  ("Firmware: 3.1.0.22") do not identify anyone;
- German identifiers (tax id, passport, …): only with a word naming the kind of number before them;
- street addresses and IBANs: the company's own in a company sentence or address block (legal
  form, seat, HQ, imprint lines) without personal cues;
- PERSON: titles are cut off the span; a surname seen in a full name is also found on its own.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, replace
from functools import cache

from reviewer.checks.pii import names
from reviewer.checks.pii.context import (
    company_context,
    in_company_block,
    in_press_block,
    paragraph_bounds,
    personal_context,
)
from reviewer.checks.pii.names import words


@dataclass(frozen=True, slots=True)
class Detection:
    """One item of personal data: a span of the analysed text, its entity type and confidence."""

    start: int
    end: int
    entity: str
    score: float
    text: str
    reason: str = ""


ROLE_MAILBOXES = words("""info information kontakt contact contacts hello hallo hi hey mail email post office buero
    buro team sales vertrieb verkauf support service services kundenservice customerservice
    customercare care help hilfe helpdesk servicedesk presse press media medien marketing pr
    jobs job karriere career careers hr personal bewerbung bewerbungen recruiting bestellung
    bestellungen order orders shop store billing rechnung rechnungen buchhaltung accounting
    invoice invoices finance finanzen noreply no-reply donotreply admin administrator webmaster
    postmaster hostmaster abuse security privacy datenschutz dpo legal recht compliance anfrage
    anfragen enquiries enquiry inquiries inquiry events event webinar webinare newsletter
    feedback partner partners booking bookings reservierung reservations einkauf procurement
    purchasing it zentrale empfang reception general mailbox studio redaktion editorial
    editors news akademie academy training schulung schulungen solutions crew innovation
    community social content digital consulting beratung projekte projects technik tech
    engineering entwicklung development produktion logistik quality qualitaet kunden customers
    partnerships investors ir welcome willkommen""")
# Stand-ins for "some person" in an example address ("To: kunde@…", "Cc: chef@…"). Not the
# example domains: drafts and the labelled sets write real-looking personal data on example.net.
PLACEHOLDER_MAILBOXES = words("""person user benutzer nutzer name vorname nachname firstname lastname
    vorgesetzter vorgesetzte chef chefin boss manager kunde kundin customer client mitarbeiter
    mitarbeiterin employee kollege kollegin colleague someone jemand empfaenger empfänger
    recipient absender sender max.mustermann erika.mustermann john.doe jane.doe""")
ROLE_QUALIFIER_CHARS = 4  # "jobs-de@", "sales-emea@", "support-abc@": a role word plus a short tag
# A mailto link labelled as a call to action ("E-Mail schreiben", "Email us", "Kontakt
# aufnehmen") is the publisher's own contact channel, whatever the address looks like.
_CTA_LABEL = re.compile(
    r"(?i)^\W*(?:(?:e-?mail|mail|nachricht)\s+(?:schreiben|senden|us|an uns)|schreiben sie uns|"
    r"write to us|email us|e-mail us|contact us|kontakt(?:\s+aufnehmen)?|contact|get in touch|"
    r"anfrage senden|send (?:us )?(?:a )?(?:message|email))\W*$"
)

SERVICE_PHONE_TYPES = frozenset({"TOLL_FREE", "PREMIUM_RATE", "SHARED_COST", "UAN", "VOICEMAIL"})

_VERSION_CUE = re.compile(
    r"(?i)(?:version|vers\.|ver\.|firmware|release|build|update|software|sdk|patch|stand|agent|"
    r"client|app|\bv)\s*[:=]?\s*$"
)
# "Nordlicht Flow 4.2.0.18", "Harbor Sync 7.1.0.3 release": a product name or a version word around it
_PRODUCT_BEFORE = re.compile(r"\b[A-ZÄÖÜ][\w-]*\s$")
_VERSION_AFTER = re.compile(r"(?i)^\s*(?:release|version|update|build|patch|is out|ist da)\b")
_IP_CUE = re.compile(
    r"(?i)\b(?:ip|ipv4|ipv6|adresse|address|host|server|connection|verbindung|anschluss)\b"
)
_NOT_PERSONAL_NETWORKS = tuple(
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
        "192.168.0.0/16", "224.0.0.0/4", "240.0.0.0/4", "::1/128", "fc00::/7", "fe80::/10", "::/128",
    )
)  # fmt: skip


def keep(text: str, det: Detection, language: str) -> tuple[bool, str]:
    """Whether a raw detection is personal data, and why not when it is not."""
    rule = _RULES.get(det.entity)
    return rule(text, det, language) if rule else (True, "")


def _email(text: str, det: Detection, language: str) -> tuple[bool, str]:
    local = det.text.rsplit("@", 1)[0].lower()
    parts = _local_parts(local)
    if _role_mailbox(parts):
        return False, "role mailbox"
    if local in PLACEHOLDER_MAILBOXES:
        return False, "placeholder address"
    if in_press_block(text, det.start):
        return False, "press contact"
    if _cta_link(text, det):
        return False, "company contact link"
    if _name_shaped(parts):
        return True, "name-shaped mailbox"
    if company_context(text, det.start, det.end):
        return False, "company contact"
    return True, ""


def _local_parts(local: str) -> list[str]:
    """``jobs-hh2`` -> ``["jobs", "hh"]``: the words of a mailbox name, digits dropped."""
    return [p for p in re.split(r"[._+\-]+", re.sub(r"\d+", "", local)) if p]


def _role_mailbox(parts: list[str]) -> bool:
    """``info``, ``sales.de``, ``jobs-xyz``: role words, plus at most short tags that are not names."""
    if not parts or not any(p in ROLE_MAILBOXES for p in parts):
        return False
    return all(
        p in ROLE_MAILBOXES
        or len(p) <= 2  # a country or site code: "uk", "de", "hh"
        or len(p) <= ROLE_QUALIFIER_CHARS
        and not names.is_first_name(p.capitalize())
        for p in parts
    )


def _cta_link(text: str, det: Detection) -> bool:
    """``[E-Mail schreiben](mailto:…)``: the address is the target of a call-to-action link."""
    before = text[max(0, det.start - 80) : det.start]
    match = re.search(r"\[([^\]\n]{1,60})\]\(mailto:$", before)
    return bool(match and _CTA_LABEL.match(match.group(1)))


def _name_shaped(parts: list[str]) -> bool:
    """``c.neumeister``, ``oli.hartwell``, ``anna`` — a person's mailbox, whatever the sentence says."""
    if any(names.is_first_name(p.capitalize()) for p in parts if len(p) > 2):
        return True
    return len(parts) >= 2 and all(p.isalpha() for p in parts)


def _phone(
    text: str, det: Detection, language: str, phone_type: str = "UNKNOWN"
) -> tuple[bool, str]:
    if phone_type in SERVICE_PHONE_TYPES:
        return False, f"service number ({phone_type.lower().replace('_', '-')})"
    if in_press_block(text, det.start) and not personal_context(text, det.start, det.end):
        return False, "press contact"
    if phone_type == "MOBILE" or personal_context(text, det.start, det.end):
        return True, ""
    if company_context(text, det.start, det.end) or _company_line(text, det):
        return False, "company contact"
    return True, ""


def _company_line(text: str, det: Detection) -> bool:
    """A landline in the company's address block, or in a paragraph with a role mailbox
    ("info@… / +49 40 …" under "Interesse geweckt?")."""
    if in_company_block(text, det.start, det.end):
        return True
    left, right = paragraph_bounds(text, det.start, det.end)
    for match in re.finditer(r"[\w.+-]+(?=@[\w-]+\.)", text[left:right]):
        if _role_mailbox(_local_parts(match.group(0).lower())):
            return True
    return False


def _ip(text: str, det: Detection, language: str) -> tuple[bool, str]:
    if "/" in det.text or text[det.end : det.end + 1] == "/":
        return False, "network range"
    before = text[max(0, det.start - 30) : det.start]
    if not _IP_CUE.search(before) and (
        _VERSION_CUE.search(before)
        or _PRODUCT_BEFORE.search(before)
        or _VERSION_AFTER.search(text[det.end : det.end + 20])
    ):
        return False, "version number"
    if re.search(r"[\d.]$", before) or re.match(r"\.\d", text[det.end : det.end + 2]):
        return False, "part of a longer dotted number"
    try:
        address = ipaddress.ip_address(det.text.split("%")[0])
    except ValueError:
        return False, "not an IP address"
    if any(
        address in network
        for network in _NOT_PERSONAL_NETWORKS
        if network.version == address.version
    ):
        return False, "private or reserved network"
    return True, ""


def _company_owned(text: str, det: Detection, language: str) -> tuple[bool, str]:
    if company_context(text, det.start, det.end) or in_company_block(text, det.start, det.end):
        return False, "company contact"
    return True, ""


_ID_CUE = re.compile(
    r"(?i)steuer|\bst\.?-?nr|idnr|identifikation|ausweis|\bpass\b|passnummer|reisepass|passport|"
    r"versicherungsnummer|versichertennummer|kvnr|svnr|sv-nummer|rvnr|sozialversicherung|"
    r"rentenversicherung|krankenversicherung|führerschein|fahrerlaubnis|licen[cs]e|\btax\b|"
    r"social security|insurance number|dokumentennummer|document number"
)


_PASSPORT_CUE = re.compile(r"(?i)\bpass\b|passnummer|reisepass|passport")
_ID_CARD_CUE = re.compile(r"(?i)ausweis|identity card|id card")


def name_identity_document(text: str, det: Detection) -> Detection:
    """Passport and identity-card numbers have the same shape, so presidio reports both as one
    kind; the word before the number says which document it is ("Reisepassnummer …")."""
    if det.entity not in ("DE_PASSPORT", "DE_ID_CARD"):
        return det
    before = text[max(0, det.start - 60) : det.start]
    cues = [(m.end(), "DE_PASSPORT") for m in _PASSPORT_CUE.finditer(before)]
    cues += [(m.end(), "DE_ID_CARD") for m in _ID_CARD_CUE.finditer(before)]
    if not cues:
        return det
    return replace(det, entity=max(cues)[1])


def _german_id(text: str, det: Detection, language: str) -> tuple[bool, str]:
    """Checksums alone do not make an identifier: one 11-digit order number in ten passes the tax-id
    checksum. Require the document to name the kind of number shortly before it."""
    if _ID_CUE.search(text[max(0, det.start - 60) : det.start]):
        return True, ""
    return False, "number without identifier context"


_RULES = {
    "DE_TAX_ID": _german_id,
    "DE_TAX_NUMBER": _german_id,
    "DE_PASSPORT": _german_id,
    "DE_ID_CARD": _german_id,
    "DE_SOCIAL_SECURITY": _german_id,
    "DE_HEALTH_INSURANCE": _german_id,
    "DE_FUEHRERSCHEIN": _german_id,
    "EMAIL_ADDRESS": _email,
    "IP_ADDRESS": _ip,
    "LOCATION": _company_owned,
    "IBAN_CODE": _company_owned,
}


def keep_phone(text: str, det: Detection, phone_type: str) -> tuple[bool, str]:
    return _phone(text, det, "", phone_type)


# --- persons ---------------------------------------------------------------------------------


def strip_titles(text: str, det: Detection) -> Detection:
    """'Dr. Lena Marquardt' -> 'Lena Marquardt' (the eval and report convention)."""
    start = det.start
    while True:
        match = re.match(r"([^\W\d_]+(?:[.-][^\W\d_]+)*\.?)\s+", text[start : det.end])
        if not match or not names.is_title(match.group(1)) or start + match.end() >= det.end:
            break
        start += match.end()
    end = det.end
    while end > start and text[end - 1] in " .,;:'’":
        end -= 1
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    if (start, end) == (det.start, det.end):
        return det
    return replace(det, start=start, end=end, text=text[start:end])


def other_mentions(text: str, persons: list[Detection], threshold: float) -> list[Detection]:
    """Every other mention of a confidently found person: the same name where it stood in a doubtful
    place (a title-case heading), and the surname alone ("so Reimer", "Hartwell's team").

    Lone surnames are skipped when they also name a company in the text ("Kessler
    Kunststofftechnik GmbH"), where a lone mention most likely means the company."""
    confident = sorted((p for p in persons if p.score >= threshold), key=lambda p: -len(p.text))
    # a character mask, not a list of spans: long documents mention people thousands of times
    covered = bytearray(len(text))
    for p in confident:
        covered[p.start : p.end] = b"\x01" * (p.end - p.start)
    best: dict[str, Detection] = {}
    for person in confident:  # each distinct name once, with its highest score
        if person.text not in best or person.score > best[person.text].score:
            best[person.text] = person
    searched: set[str] = set()  # a form already searched has all its matches covered
    found: list[Detection] = []
    for person in best.values():
        forms = [(person.text, person.score, "same name")]
        surname = person.text.split()[-1]
        if (
            " " in person.text
            and len(surname) >= 3
            and surname[0].isupper()
            and not names_company(text, surname)
        ):
            forms.append((surname, person.score - 0.1, "surname of " + person.text))
        for form, score, reason in forms:
            if form in searched:
                continue
            searched.add(form)
            for match in re.finditer(rf"{standalone(form)}(?![\w-])", text):
                if any(covered[match.start() : match.end()]):
                    continue
                found.append(Detection(match.start(), match.end(), "PERSON", score, form, reason))
                covered[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    return found


def names_company(text: str, word: str) -> bool:
    return (
        re.search(
            rf"{standalone(word)}(?:\s[A-ZÄÖÜ][\w-]+){{0,3}}\s(?i:{_designators()})\b",
            text,
        )
        is not None
    )


def standalone(word: str, before: str = "") -> str:
    r"""A pattern for ``word`` not joined to a word or hyphen before it (``before`` + ``word``
    with ``before`` matched just in front, when given): ``(?<![\w-])word``, but written with
    the word first and the look back after it, ``word(?<![\w-]word)``. Both match the same
    spans; the second lets the regular-expression engine jump to the word's occurrences (a
    pattern that starts with a literal is searched for as a string) instead of trying the look
    back at every character of the text."""
    quoted = re.escape(word)
    if before:
        return rf"{quoted}(?<={before}{quoted})"
    return rf"{quoted}(?<![\w-]{quoted})"


@cache
def _designators() -> str:
    """The company designators as one alternation, longest first (built once, not per call)."""
    return "|".join(re.escape(d) for d in sorted(names.COMPANY_DESIGNATORS, key=len, reverse=True))
