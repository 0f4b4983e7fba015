"""Marketing-register training sentences from our own templates (quotes, bylines, contact blocks,
testimonials, case studies), because news and tweets are not how marketing copy names people.

Given names are drawn from the package's given-name list; surnames from the training-only list
below and from made-up surname-shaped words, so the model learns the *shape* of a name rather than
a list. The evaluation sets (``bench/pii_synth.py``) use other name lists. Negative templates put
given names inside company, product and street names (labelled ORG/LOC), which marketing copy is
full of.
"""

from __future__ import annotations

import random
from functools import cache

from reviewer.checks.pii import model

SURNAMES = [
    "Albrecht",
    "Baumgart",
    "Claussen",
    "Dietrich",
    "Eberhardt",
    "Fuchs",
    "Gerlach",
    "Hansen",
    "Ingwersen",
    "Jürgens",
    "Kowalski",
    "Lehmann",
    "Marquardt",
    "Neumann",
    "Oppermann",
    "Petersen",
    "Quast",
    "Reimann",
    "Schulte",
    "Thiele",
    "Ullrich",
    "Vogt",
    "Wagner",
    "Zander",
    "Öztürk",
    "Nguyen",
    "Rossi",
    "Dubois",
    "García",
    "Novak",
    "Horvat",
    "Andersson",
    "Jensen",
    "Murphy",
    "O'Neill",
    "Fitzgerald",
    "Patel",
    "Khan",
    "Okonkwo",
    "Adeyemi",
    "Tanaka",
    "Kim",
    "Silva",
    "Costa",
    "Moreau",
    "Leclerc",
    "Bianchi",
    "Hughes",
    "Bennett",
    "Carter",
    "Dawson",
    "Ellison",
    "Foster",
    "Griffin",
    "Holloway",
    "Irving",
    "Jennings",
    "Kendall",
    "Lambert",
    "Mercer",
    "Norris",
    "Osborne",
    "Palmer",
    "Ramsey",
    "Sutton",
    "Turner",
    "Vaughn",
    "Walsh",
    "Yates",
    "Szymańska",
    "Dvořák",
    "Jovanović",
    "Kaczmarek",
    "Lindström",
    "Virtanen",
    "Papadopoulos",
    "Haddad",
    "Ferreira",
    "Schmitz",
    "Becker",
    "Hoffmann",
    "Krüger",
]
_SYLLABLES = [
    "ber",
    "bert",
    "bach",
    "berg",
    "brand",
    "dorf",
    "feld",
    "hau",
    "horn",
    "kamp",
    "ke",
    "kel",
    "ler",
    "lin",
    "man",
    "mer",
    "ner",
    "ow",
    "ski",
    "son",
    "stein",
    "ton",
    "wald",
    "win",
    "witz",
    "zek",
    "ro",
    "ta",
    "li",
    "mo",
]
_STARTS = [
    "Al",
    "Bra",
    "Cor",
    "Dre",
    "Fal",
    "Gro",
    "Hal",
    "Kel",
    "Lor",
    "Mar",
    "Nor",
    "Os",
    "Pr",
    "Ral",
    "Sel",
    "Tor",
    "Var",
    "Wel",
    "Zim",
    "Ha",
    "Ste",
    "Bo",
    "Ri",
]

GERMAN = [
    "„{q}“, sagt {P}, {job} bei {O}.",
    "„{q}“, so {P}.",
    "{P}, {job} der {O}, erklärt: „{q}“",
    "Im Gespräch berichtet {P} von den ersten Wochen.",
    "Ansprechpartner: {P}, Tel. {phone}",
    "Kontakt\n{P}\n{job}\n{O}",
    "Ein Beitrag von {P}",
    "Autorin: {P} | 6 Minuten Lesezeit",
    "Von {P}, {job}",
    "Unsere Kundin {P} nutzt {O} seit drei Jahren.",
    "Der Vorstandschef {P} stellte die Zahlen vor.",
    "Die Geschäftsführerin {P} hat das Projekt angestoßen.",
    "Dank an {P} für die Unterstützung beim Rollout.",
    "{P} leitet das Team in {L}.",
    "Mein Name ist {p} und ich arbeite im Vertrieb.",
    "„Endlich läuft alles rund“ – {P}, {job}",
    "Nach Angaben von {P} sank der Aufwand deutlich.",
    "Wie {S} betont, war die Schulung entscheidend.",
    "„{q}“, ergänzt {S}.",
    "Herr {S} und Frau {S2} waren von Anfang an dabei.",
    "Die {O} mit Sitz in {L} beliefert Kunden in ganz Europa.",
    "{O} hat {O2} übernommen.",
    "Das Büro liegt an der {L}.",
    "Wir eröffnen einen Standort in {L}.",
    "Mit {O} automatisieren Sie Ihre Angebote.",
    "Die Lösung von {O} ist in {L} und {L2} im Einsatz.",
]
ENGLISH = [
    '"{q}," says {P}, {job} at {O}.',
    '"{q}," said {P}.',
    '{P}, {job} of {O}, explains: "{q}"',
    "In this interview, {P} talks about the first weeks.",
    "Contact: {P}, phone {phone}",
    "Contact\n{P}\n{job}\n{O}",
    "Written by {P}",
    "By {P} | 6 min read",
    "Posted by {P}, {job}",
    "Our customer {P} has used {O} for three years.",
    "CEO {P} presented the results.",
    "Thanks to {P} for helping with the rollout.",
    "{P} leads the team in {L}.",
    "My name is {p} and I work in sales.",
    '"Finally everything just works." – {P}, {job}',
    "According to {P}, the effort dropped sharply.",
    "As {S} points out, training made the difference.",
    '"{q}," adds {S}.',
    "Mr {S} and Ms {S2} were involved from day one.",
    "{O}, based in {L}, ships to customers across Europe.",
    "{O} has acquired {O2}.",
    "The office is on {L}.",
    "We are opening an office in {L}.",
    "With {O} you automate your quotes.",
    "The {O} platform is live in {L} and {L2}.",
]
QUOTES = {
    "de": ["Das hat uns Wochen gespart", "Wir würden es wieder so machen", "Die Umstellung war einfacher als gedacht"],
    "en": ["It saved us weeks", "We would do it again", "The switch was easier than expected"],
}  # fmt: skip
JOBS = {
    "de": ["Leiterin Einkauf", "Geschäftsführer", "Head of Marketing", "Projektleiterin", "CTO", "Werksleiter"],
    "en": ["Head of Operations", "CEO", "VP Sales", "Marketing Manager", "Lead Engineer", "founder"],
}  # fmt: skip
COMPANY_WORDS = {
    "de": ["Logistik GmbH", "Software AG", "Werke", "Consulting GmbH", "Cloud", "Analytics", "Bau KG", "Medien"],
    "en": ["Labs", "Harbor Inc.", "Analytics", "Cloud", "Systems Ltd", "Studio", "Partners", "Foods"],
}  # fmt: skip
COMMON_ORGS = [
    "Nordwerk",
    "Bluefin",
    "Kranich Software",
    "Helix",
    "Brightpath",
    "Alpenlog",
    "Quantix",
]
PLACES = {
    "de": ["Hamburg", "Leipzig", "Wien", "Zürich", "Bielefeld", "Kiel", "Graz", "München"],
    "en": ["London", "Dublin", "Boston", "Austin", "Leeds", "Denver", "Cork", "Seattle"],
}
STREET_WORDS = {
    "de": ["Straße", "Allee", "Platz", "Weg"],
    "en": ["Road", "Street", "Avenue", "Lane"],
}


def _surname(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35:
        return rng.choice(SURNAMES)
    if roll < 0.7:
        return rng.choice(_GAZETTEER_SURNAMES())
    return rng.choice(_STARTS) + "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 2)))


@cache
def _GAZETTEER_SURNAMES() -> list[str]:  # noqa: N802
    return sorted(model.gazetteer("surnames"))


def _person(rng: random.Random, given: list[str]) -> str:
    roll = rng.random()
    first = rng.choice(given)
    if roll < 0.12:
        first = f"{first} {rng.choice(given)}"  # "Karl Heinz Obermaier"
    elif roll < 0.2:
        first = f"{first[0]}."
    return f"{first} {_surname(rng)}"


def generate(language: str, count: int, seed: int) -> list[tuple[list[str], list[str]]]:
    """``count`` labelled sentences as (tokens, BIO labels)."""
    rng = random.Random(seed)
    given = sorted(n for n in model.names.first_names() if n.isalpha())
    templates = GERMAN if language == "de" else ENGLISH
    out = []
    for _ in range(count):
        template = rng.choice(templates)
        spans: list[tuple[int, int, str]] = []
        text = ""
        rest = template
        while "{" in rest:
            head, _, tail = rest.partition("{")
            slot, _, rest = tail.partition("}")
            text += head
            value, label = _fill(slot, language, rng, given)
            if label:
                spans.append((len(text), len(text) + len(value), label))
            text += value
        text += rest
        tokens = model.tokenize(text)
        labels = []
        for start, end in tokens:
            label = "O"
            for s, e, kind in spans:
                if s <= start and end <= e:
                    label = ("B-" if start == s else "I-") + kind
            labels.append(label)
        out.append(([text[s:e] for s, e in tokens], labels))
    return out


def _fill(slot: str, language: str, rng: random.Random, given: list[str]) -> tuple[str, str]:
    if slot == "P":
        return _person(rng, given), "PER"
    if slot == "p":
        return _person(rng, given).lower(), "PER"
    if slot in ("S", "S2"):
        return _surname(rng), "PER"
    if slot in ("O", "O2"):
        if rng.random() < 0.5:
            return f"{rng.choice(given)} {rng.choice(COMPANY_WORDS[language])}", "ORG"
        return rng.choice(COMMON_ORGS), "ORG"
    if slot in ("L", "L2"):
        if rng.random() < 0.4:
            return f"{rng.choice(given)} {rng.choice(STREET_WORDS[language])}", "LOC"
        return rng.choice(PLACES[language]), "LOC"
    if slot == "q":
        return rng.choice(QUOTES[language]), ""
    if slot == "job":
        return rng.choice(JOBS[language]), ""
    if slot == "phone":
        return f"0{rng.randint(30, 999)} {rng.randint(100000, 9999999)}", ""
    raise KeyError(slot)
