"""The phone recognizer shares phonenumbers' candidate searches between its three regions and
remembers each candidate's parse (``recognizers._SharedCandidateSearch``, ``_possible_number``).
Its results must be exactly those of phonenumbers' own matcher, run afresh for every region, on
texts written for this test: numbers in many shapes, near misses, dates, amounts, and soup."""

from __future__ import annotations

import contextlib
import random

import pytest

from reviewer.checks.pii import recognizers
from reviewer.checks.pii.recognizers import PhoneNumberRecognizer

OWN = [
    "Rufen Sie uns an: 0176 / 412 88 03 oder (0431) 55 20 913, Fax 0431-5520914.",
    "Mobil +49 176 2291845, Zentrale +49 (0)30 1234567-0, Durchwahl -12.",
    "Call +44 7700 900123 or 020 7946 0958; US office (212) 555-0137, 415-555-0137 ext. 12.",
    "Dublin: +353 1 234 5678, 01 234 5678; Wien +43 1 5880 1234; Zürich 044 668 18 00.",
    "Bestellnummer 0123 456789, Rechnung 2024-0815, Kundennummer 0049 8812 3.",
    "Im Zeitraum 2019-2024 stieg der Umsatz um 12,5 % auf 3.400.000 Euro; Version 3.1.0.22.",
    "Am 30.11.2026 um 14:30 Uhr, Seite 12-14, ISBN 978-3-16-148410-0, 1/2/2024.",
    "Ticket 1234567 wurde am 12.01. geschlossen; 24/7 erreichbar unter 0800 123 4567.",
    "Whatsapp 0151 23456789; Hotline 01805 123 456; Notruf 112; PLZ 24103 Kiel.",
    "Zahlen ohne Sinn: 123 456 789 012 345 678, 0000000, 12345678901234567890.",
    "Fullwidth ０１７６ ４１２８８０３ and Arabic-Indic ٠١٧٦٤١٢٨٨٠٣ digits, superscript ²³.",
]


def _soup(rng: random.Random) -> str:
    alphabet = "0123456789" * 5 + " ()+-/.,:" + "Tel Fax ext x"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(5, 90)))


def _texts() -> list[str]:
    rng = random.Random(18)
    texts = list(OWN) + [" ".join(rng.sample(OWN, 4)) for _ in range(30)]
    return texts + [_soup(rng) for _ in range(400)]


def _found(recognizer: PhoneNumberRecognizer, text: str) -> list[tuple]:
    return [
        (r.start, r.end, r.score, sorted(r.recognition_metadata.items()))
        for r in recognizer.analyze(text, ["PHONE_NUMBER"])
    ]


@pytest.mark.parametrize("language", ["de", "en"])
def test_phone_numbers_as_phonenumbers_finds_them(language: str, monkeypatch) -> None:
    import phonenumbers

    recognizer = PhoneNumberRecognizer(language)
    texts = _texts()
    actual = [_found(recognizer, text) for text in texts]
    again = [_found(recognizer, text) for text in texts]  # every parse from the memo now
    with monkeypatch.context() as plain:
        plain.setattr(recognizers, "_matcher_class", lambda: phonenumbers.PhoneNumberMatcher)
        plain.setattr(recognizers, "_shared_candidates", lambda text: contextlib.nullcontext())
        expected = [_found(recognizer, text) for text in texts]
    assert actual == expected
    assert again == expected
    assert sum(map(bool, expected)) > 30


def test_candidate_search_is_plain_outside_the_recognizer() -> None:
    from phonenumbers import phonenumbermatcher

    PhoneNumberRecognizer("de").analyze("Tel. 0431 55 20 913", ["PHONE_NUMBER"])
    shared = phonenumbermatcher._PATTERN
    assert isinstance(shared, recognizers._SharedCandidateSearch)
    assert shared.local.memo is None  # nothing kept between texts
    text = "Tel. 0431 55 20 913 und 0176 4128803"
    assert shared.search(text, 3).span() == shared.pattern.search(text, 3).span()
