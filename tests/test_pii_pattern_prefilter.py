"""presidio's pattern recognizers skip texts they cannot match in (``recognizers.PrefilteredPattern``:
required words and runs of digits read from each pattern's parse tree). The matches and the
detections must be exactly those of a full scan, on texts written for this test that hold every
kind of identifier the patterns look for, near misses, and random digit-and-letter soup."""

from __future__ import annotations

import random
import re
import sys

import pytest
import regex

from reviewer.checks.pii import engine as engine_module
from reviewer.checks.pii.detect import find_pii
from reviewer.checks.pii.engine import PiiEngine, _build, _recognizers
from reviewer.checks.pii.recognizers import PrefilteredPattern, _facts, prefilter_patterns
from reviewer.parsing.regex_analysis import digit_run, digit_run_regex, run_class_regex

OWN = [
    "Steuer-ID 12345678903, Steuernummer 2181508150 und 21/815/08150 sowie 181/815/08155.",
    "ELSTER-Nummer 5133081508159, Rentenversicherung 65170839J003 oder 12 150485 M 003.",
    "Ausweis T22000129, neuer Ausweis L01X00T47, Pass C01X00T47, KVNR A123456780.",
    "Führerschein B072RRE2I55, Karte 4111 1111 1111 1111 und 5500-0000-0000-0004.",
    "Server 192.168.10.25, IPv6 2001:db8::8a2e:370:7334, ::1 und ::ffff:10.0.0.1 sowie ::.",
    "Postfach 12 34, P.O. Box 5521, PO Box 17, Post Office Box 3 in Kiel.",
    "Lindenstraße 12, 24103 Kiel; Am Mühlenteich 3a; Berliner Straße 7-9; Rue de Rivoli 44.",
    "12 Baker Street, London NW1 6XE; 221B Elm Road; Via Roma 3; Ulica Długa 18.",
    "IBAN DE89 3704 0044 0532 0130 00, de02120300000000202051, Konto 0532013000.",
    "Im Juni 2024 stieg der Umsatz um 12,5 % auf 3.400.000 Euro (Version 3.1.0.22).",
    "Mail an jana.albrecht@example.org oder an info@beispiel.de bis 30.11.2026.",
    "(mail:a.b@c.org), x@y.de; a@b@c.de\u00a0info@example.com\u2003foo@bar.com.\tq_r@s-t.io",
    "fe80::1%eth0 und 2001:db8:0:0:0:0:2:1/64, 10.0.0.1/24; ::ffff:192.0.2.128\u2028::1",
    "ende@example.org",
    "Die Tabelle zeigt 2019-2024: 14 Standorte, 120 Mitarbeitende, 7 Länder.",
    "Die Seriennummer lautet ABCDEFGH1, das Werk XYZ123456 und der Code tx99887766.",
    "Kelvin-Zeichen \u212a01X00T47 und das lange \u017f: \u017ftraße 5, İstanbul Caddesi 4.",
    "Ziffern in anderer Schrift: ١٢٣٤٥٦٧٨٩٠١ und ０１２３４５６７８９０１２ sowie ৩৪৫৬৭৮৯০১২৩ und \U00010d40\U00010d41\U00010d42\U00010d43\U00010d44\U00010d45\U00010d46\U00010d47\U00010d48\U00010d49\U00010d40.",
]


def _soup(rng: random.Random) -> str:
    alphabet = "0123456789" * 4 + "ABCTXYZabcxyz" + " .:/-@,\n" + "٣৫ſ" + "\t\u00a0\u2028\u200b%_"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(5, 120)))


def _texts() -> list[str]:
    rng = random.Random(18)
    texts = list(OWN)
    texts += [" ".join(rng.sample(OWN, 3)) for _ in range(40)]
    texts += [_soup(rng) for _ in range(1500)]
    return texts


def _patterns(language: str) -> list[tuple[str, int]]:
    built = _recognizers(language, _build({}).nlp)
    return [
        (pattern.regex, recognizer.global_regex_flags)
        for recognizer in built
        for pattern in getattr(recognizer, "patterns", [])
    ]


def test_digit_runs_are_counted_as_the_patterns_see_digits() -> None:
    """The patterns run with ``regex``, whose ``\\d`` knows more digits than ``re``'s (a newer
    Unicode): the text's runs must be counted with ``regex`` (Garay digits here)."""
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000)
    assert set(re.findall(r"\d", every)) < set(regex.findall(r"\d", every))
    assert _facts("Kennung \U00010d40\U00010d41\U00010d42 und 12").longest_digits == 3


@pytest.mark.parametrize(
    ("pattern", "run"),
    [
        (r"\b[1-9]\d{10}\b", 11),
        (r"\b(0[1-9]|1[0-6])\d{11}\b", 13),
        (r"\d{2,3}/\d{3,4}/\d{4,5}", 4),  # the fewest: 12/345/6789
        (r"a(?:\d\d|x)\d", 1),  # one choice has no digit: only the last one is certain
        (r"(?:\d\d)*x", 0),
        (r"\d(?=\d)\d", 2),  # a lookahead consumes nothing
        (r"(?:\d{2}x){2}", 2),
        (r"[0-9a]{5}", 0),
        (r"[^a]{5}", 0),
        (r"\d.\d", 1),
    ],
)
def test_digit_run_of_written_patterns(pattern: str, run: int) -> None:
    assert digit_run(pattern) == run


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_match_holds_its_digit_run(language: str) -> None:
    for source, flags in _patterns(language):
        need = digit_run_regex(source)
        compiled = regex.compile(source, flags=flags)
        for text in _texts():
            for match in compiled.finditer(text):
                longest = max(map(len, regex.findall(r"\d+", match.group())), default=0)
                assert longest >= need, (source, match.group())


@pytest.mark.parametrize("language", ["de", "en"])
def test_prefiltered_patterns_find_what_presidio_finds(language: str) -> None:
    built = _recognizers(language, _build({}).nlp)
    plain = {
        (id(r), p.name): regex.compile(p.regex, flags=r.global_regex_flags)
        for r in built
        for p in getattr(r, "patterns", [])
    }
    prefilter_patterns(built)
    wrapped = {
        (id(r), p.name): p.compiled_regex
        for r in built
        for p in getattr(r, "patterns", [])
        if isinstance(p.compiled_regex, PrefilteredPattern)
    }
    assert len(wrapped) >= 12  # the identifier, IP, card and street patterns
    in_runs = {compiled.runs for compiled in wrapped.values()}
    assert {"[@]", "[:]", "[0123456789]"} <= in_runs  # e-mail, IPv6, identity card
    skipped = 0
    for text in _texts():
        for key, compiled in wrapped.items():
            expected = [m.span() for m in plain[key].finditer(text)]
            assert [m.span() for m in compiled.finditer(text)] == expected, (key, text)
            skipped += not compiled.possible(text)
    assert skipped > len(wrapped) * 100  # the prefilter did answer without scanning


def test_detections_equal_with_and_without_prefilter(monkeypatch) -> None:
    texts = [" ".join(OWN[i : i + 4]) for i in range(0, len(OWN), 2)] + OWN
    results = {}
    for after in (10**9, 1):
        monkeypatch.setattr(engine_module, "PREFILTER_AFTER", after)
        monkeypatch.setattr(engine_module, "_ENGINES", {})
        engine = engine_module.get_engine(None)
        assert isinstance(engine, PiiEngine)
        for language in ("de", "en"):  # presidio's Pattern objects are class-wide: start plain
            for recognizer in engine.prepare(language):
                for pattern in getattr(recognizer, "patterns", []):
                    pattern.compiled_regex = None
        results[after] = [
            [(d.start, d.end, d.entity, d.score) for d in find_pii(text, language)]
            for language in ("de", "en")
            for text in texts
        ]
        wrapped = any(
            isinstance(p.compiled_regex, PrefilteredPattern)
            for r in engine.recognizers.get("de", [])
            for p in getattr(r, "patterns", [])
        )
        assert wrapped == (after == 1)
    assert results[1] == results[10**9]
    assert any(results[1])


@pytest.mark.parametrize(
    ("pattern", "char_class"),
    [
        (r"\w+@\w+\.\w+", "[@]"),
        (r"(?<=\s)\w+@\w+", "[@]"),  # a lookbehind sees the text before the run: allowed
        (r"\w+\s@\w+", None),  # consumes a space
        (r"\w+@(?=\s)", None),  # looks ahead at a space
        (r"\w+@(?!\s\s)", None),  # could look past the space that ends the run
        (r"[^@]+@\w+", None),  # a negated class may be a space
        (r"\w.@", None),  # so may any character
        (r"\b[A-Z]\d{9}\b", r"\d"),
        (r"\b[A-Z]{3}\b", None),  # nothing certain
        (r"[{}a-z]+@x", "[@]"),  # braces in a set are literal to regex too
        (r"a{1,2}@", "[@]"),
    ],
)
def test_run_class_of_written_patterns(pattern: str, char_class: str | None) -> None:
    assert run_class_regex(pattern) == char_class
    if char_class is not None:
        text = "x a@b.cd  ab@c \u00a0 1A2345678901 B123456789 aa@ " * 3
        compiled = regex.compile(pattern, flags=regex.IGNORECASE)
        wrapped = PrefilteredPattern(compiled, None, 0, char_class)
        assert [m.span() for m in wrapped.finditer(text)] == [
            m.span() for m in compiled.finditer(text)
        ]
