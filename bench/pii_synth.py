"""Synthetic German and English PII sentences for ``bench/pii_eval.py``, from our own templates.

Every sentence is generated from the templates and name lists below (seeded, so reruns give the
same set). The name lists here are *evaluation-only*: the model's training templates in
``training/ner/`` use other lists, so a name that scores here was never seen in training.
Each case is ``(text, language, pii, not_pii)`` with ``pii`` a list of ``{"type", "text"}``
items, the format of the labelled dev set (``reviewer.checks.pii.evaluation``).
"""

from __future__ import annotations

import random


def _split(names: str) -> list[str]:
    return names.split()


GIVEN = {
    "de": _split(
        "Henrike Jannis Wiebke Torben Gesine Ole Frauke Malte Ilka Bastian Svenja Lutz Ricarda "
        "Detlef Marlene Vincent Hedwig Konstantin Imke Arne Zofia Tomislav Aylin Dragan Mirela "
        "Yusuf Ewa Radu Sanja Kenji"
    ),
    "en": _split(
        "Harriet Declan Imogen Rhys Felicity Callum Maeve Desmond Priya Tobias Niamh Everett "
        "Rosalind Jasper Odette Ravi Esme Lachlan Tamsin Gideon Chiamaka Thandiwe Ngozi Oluwaseun "
        "Siobhan Bartholomew Ines Matteo Anika Hamish"
    ),
}
SURNAME = {
    "de": _split(
        "Brockhaus Wendland Zimmerle Kasselmann Hüttemann Oberdörfer Lindqvist Sternberg "
        "Pfannkuch Rautenberg Mahlmann Ehlerding Scheffel Quandtmeyer Wrzesińska Kovačević "
        "Yıldırım Nowakowski Brandtner Fehrenbach Tiedemann Osterloh Winkelhaus Grabowski"
    ),
    "en": _split(
        "Ashworth Pemberton Okafor Whitcombe Delacroix Fairbanks Thistlewood Marchetti "
        "Abernathy Blackwood Castellanos Hargreaves Lindgren Oyelaran Prescott Quennell Radcliffe "
        "Sandoval Trevelyan Underhill Vasquez Waverley Achterberg Mbeki"
    ),
}
STREET = {
    "de": [
        "Lindenstraße {n}",
        "Am Mühlenbach {n}",
        "Konrad-Adenauer-Ring {n}",
        "Hauptstr. {n}",
        "Ulica Długa {n}",
        "Rue de Rivoli {n}",
        "Birkenweg {n}, 24937 Flensburg",
    ],
    "en": [
        "{n} Maple Avenue",
        "{n} Harbour Road, Apt. 4B",
        "{n} Elm Street, Suite 400",
        "PO Box {n}",
        "{n} Rue de Rivoli",
        "Flat 2, {n} Kingsley Close",
        "{n} Oak Lane, Springfield, IL 62704",
    ],
}

TEMPLATES = {
    "de": [
        "„Die Umstellung lief reibungslos“, sagt {PERSON}, Leiterin Einkauf.",
        "Für Rückfragen erreichen Sie {PERSON} direkt unter {PHONE}.",
        "Die Auszahlung geht an {PERSON}, IBAN {IBAN}.",
        "{PERSON} wohnt in der {ADDRESS} und hat uns die Unterlagen geschickt.",
        "Seine private Adresse: {ADDRESS}.",
        "Schreiben Sie an {EMAIL} oder rufen Sie an: Tel. {PHONE}.",
        "Der Zugriff kam von der IP-Adresse {IP}, die {PERSON} zugeordnet ist.",
        "Bezahlt wurde mit der Karte {CARD} von {PERSON}.",
        "Im Interview erzählt {PERSON}, wie das Team gewachsen ist.",
        "Der Vorstandschef {PERSON} eröffnete die Messe.",
        "Mobil: {PHONE}",
        "Kontakt: {PERSON}, {EMAIL}, {PHONE}",
        "Von {PERSON} | Lesezeit 5 Minuten",
        "Ein Erfahrungsbericht von {PERSON}.",
        "Überweisen Sie den Betrag bitte auf {IBAN}.",
    ],
    "en": [
        '"We cut onboarding time in half," says {PERSON}, Head of Operations.',
        "You can reach {PERSON} directly on {PHONE}.",
        "The refund goes to {PERSON}, IBAN {IBAN}.",
        "{PERSON} lives at {ADDRESS} and sent us the forms.",
        "Her home address is {ADDRESS}.",
        "Email {EMAIL} or call {PHONE}.",
        "The login came from IP address {IP}, registered to {PERSON}.",
        "The order was paid with card {CARD} belonging to {PERSON}.",
        "In this interview, {PERSON} explains how the team grew.",
        "By {PERSON} | 5 min read",
        "Phone: {PHONE}",
        "Contact: {PERSON}, {EMAIL}, {PHONE}",
        "My name is {PERSON} and I run the warehouse.",
        "A testimonial from {PERSON}, customer since 2019.",
        "Please transfer the amount to {IBAN}.",
    ],
}

# Sentences that must stay unreported: (template, decoy strings).
DECOYS = {
    "de": [
        ("Im Juni 2024 startet die neue Version.", ["Im Juni 2024"]),
        (
            "Schreiben Sie uns an vertrieb@nordlicht-software.de.",
            ["vertrieb@nordlicht-software.de"],
        ),
        ("Unsere Hotline 0800 123 4567 ist rund um die Uhr erreichbar.", ["0800 123 4567"]),
        ("Die Software läuft ab Version 5.3.10.2 stabil.", ["5.3.10.2"]),
        ("Die Paula Logistik GmbH liefert in ganz Europa.", ["Paula Logistik GmbH"]),
        ("Mark Zahlen sind das wichtigste Kriterium.", ["Mark Zahlen"]),
        ("Bestellnummer 2024-118734 wurde versandt.", ["2024-118734"]),
        ("Der Preis liegt bei 1.299 Euro.", ["1.299"]),
        ("Unser Büro liegt in Hamburg, nahe der Elbe.", ["Hamburg"]),
        ("Die Frankfurter Allee ist gesperrt.", ["Frankfurter Allee"]),
        ("Seit 2019 wächst das Team.", ["Seit 2019"]),
        ("Open Source ist für uns kein Schlagwort.", ["Open Source"]),
    ],
    "en": [
        ("In 2019 we opened our Dublin office.", ["In 2019"]),
        ("Write to support@harborline.io for help.", ["support@harborline.io"]),
        ("Call our switchboard on 0800 123 4567.", ["0800 123 4567"]),
        ("The agent runs on Version 5.3.10.2 or later.", ["5.3.10.2"]),
        ("Violet Harbor Inc. ships to 40 countries.", ["Violet Harbor Inc."]),
        ("Victoria Station is a short walk away.", ["Victoria Station"]),
        ("Order 2024-118734 has shipped.", ["2024-118734"]),
        ("Plans start at $1,299 per year.", ["$1,299"]),
        ("Open Source is at the heart of what we do.", ["Open Source"]),
        ("Our office on Julia Road opens at nine.", ["Julia Road"]),
        ("Start your free trial today.", ["Start"]),
        (
            "Press contact: press@harborline.io, +1 415 555 0100",
            ["press@harborline.io", "+1 415 555 0100"],
        ),
    ],
}


def _iban(rng: random.Random, country: str) -> str:
    digits = lambda n: "".join(rng.choice("0123456789") for _ in range(n))  # noqa: E731
    bban = {
        "DE": digits(18),
        "FR": digits(23),
        "NL": "ABNA" + digits(10),
        "GB": "NWBK" + digits(14),
    }[country]
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(numeric) % 97
    raw = f"{country}{check:02d}{bban}"
    grouped = " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))
    return grouped.lower() if rng.random() < 0.2 else grouped


def _card(rng: random.Random) -> str:
    digits = [4] + [rng.randrange(10) for _ in range(14)]
    total = 0
    for i, d in enumerate(reversed(digits)):
        d = d * 2 if i % 2 == 0 else d
        total += d - 9 if d > 9 else d
    digits.append((10 - total % 10) % 10)
    s = "".join(map(str, digits))
    return " ".join(s[i : i + 4] for i in range(0, 16, 4))


def _phone(rng: random.Random, language: str) -> str:
    d = lambda n: "".join(rng.choice("0123456789") for _ in range(n))  # noqa: E731
    if language == "de":
        return rng.choice(
            [
                f"0171 {d(7)}",
                f"+49 151 {d(8)}",
                f"(0461) {d(3)} {d(4)}",
                f"030 / {d(4)} {d(3)}",
                f"+43 664 {d(7)}",
                f"0471 {d(2)} {d(2)} {d(2)}",
            ]
        )
    return rng.choice(
        [
            f"415-555-01{d(2)}",
            f"(212) 555-01{d(2)}",
            f"+44 7700 900{d(3)}",
            f"07700 900{d(3)}",
            f"+1 646 555 01{d(2)}",
            f"+353 87 {d(3)} {d(4)}",
        ]
    )


def cases(seed: int = 15, per_language: int = 120) -> list[tuple[str, str, list[dict], list[str]]]:
    rng = random.Random(seed)
    out: list[tuple[str, str, list[dict], list[str]]] = []
    for language in ("de", "en"):
        for i in range(per_language):
            template = TEMPLATES[language][i % len(TEMPLATES[language])]
            pii: list[dict] = []

            def fill(slot: str, value: str, kind: str, pii: list[dict] = pii) -> None:
                nonlocal template
                if slot in template:
                    template = template.replace(slot, value, 1)
                    pii.append({"type": kind, "text": value})

            given = rng.choice(GIVEN[language])
            person = f"{given} {rng.choice(SURNAME[language])}"
            if "My name" in template and rng.random() < 0.3:
                person = person.lower()
            fill("{PERSON}", person, "PERSON")
            local = f"{given.lower()}.{rng.choice(SURNAME[language]).lower()}"
            fill("{EMAIL}", f"{local}@example.net", "EMAIL_ADDRESS")
            fill("{PHONE}", _phone(rng, language), "PHONE_NUMBER")
            fill("{IBAN}", _iban(rng, rng.choice(["DE", "FR", "NL", "GB"])), "IBAN_CODE")
            street = rng.choice(STREET[language]).format(n=rng.randrange(2, 240))
            fill("{ADDRESS}", street, "LOCATION")
            ip = f"{rng.randrange(23, 220)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
            fill("{IP}", ip, "IP_ADDRESS")
            fill("{CARD}", _card(rng), "CREDIT_CARD")
            out.append((template, language, pii, []))
        for text, decoys in DECOYS[language]:
            out.append((text, language, [], decoys))
    return out
