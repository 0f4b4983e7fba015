"""The recognizers reviewer adds to or swaps into presidio, one per entity kind.

- e-mail: presidio's pattern, but validated against tldextract's *bundled* suffix-list snapshot
  (presidio's default ``tldextract.extract`` fetches the list from the internet on first use);
- phone: python-phonenumbers with German formats (``0176 / 412 88 03``, ``(0431) 55 20 913``,
  ``+49 176 2291845``) and international ones, scored by validity and phone context;
- street addresses (LOCATION): German and English street + house number [+ postcode + town];
- persons: ``reviewer.checks.pii.person``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex
from presidio_analyzer import (
    AnalysisExplanation,
    LocalRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)
from presidio_analyzer.predefined_recognizers.generic.email_recognizer import EmailRecognizer
from presidio_analyzer.predefined_recognizers.generic.iban_recognizer import IbanRecognizer

from reviewer.parsing.regex_analysis import (
    CASE_TWINS,
    digit_run_regex,
    required_words_regex,
    run_class_regex,
)


@cache
def _offline_tld_extractor():
    import tldextract

    # No suffix_list_urls and no cache dir: tldextract uses the snapshot shipped in its wheel.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


class OfflineEmailRecognizer(EmailRecognizer):
    """presidio's e-mail recognizer with a domain check that never goes online."""

    def analyze(self, text: str, entities, nlp_artifacts=None, regex_flags=None):
        # presidio's pattern needs a literal '@' but backtracks at every word start to find one
        # (about a millisecond per draft): a text without '@' cannot hold an address.
        if "@" not in text:
            return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)

    def validate_result(self, pattern_text: str) -> bool:
        return _offline_tld_extractor()(pattern_text.rsplit("@", 1)[-1]).suffix != ""


# --- IBAN -----------------------------------------------------------------------------------

_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


class CaseInsensitiveIbanRecognizer(IbanRecognizer):
    """presidio's IBAN recognizer (pattern + checksum), also for IBANs typed in lower case.

    The text is upper-cased letter for letter (ASCII only, so every offset stays the same: "ß"
    would become "SS") before presidio's own pattern and mod-97 check run."""

    def analyze(self, text: str, entities, nlp_artifacts=None, regex_flags=None):
        return super().analyze(text.translate(_ASCII_UPPER), entities, nlp_artifacts, regex_flags)


# --- phone numbers ---------------------------------------------------------------------------

PHONE_REGIONS = {"de": ("DE", "AT", "CH"), "en": ("GB", "US", "IE")}
_PHONE_CUE = re.compile(
    r"(?i)(tel\b|tel\.|telefon|phone|fon\b|mobil|handy|cell|call|anruf|rufen|ruf\b|rufnummer|durchwahl|contact|kontakt|"
    r"erreich|reach|whatsapp|hotline|fax)"
)
_OTHER_NUMBER_CUE = re.compile(
    r"(?i)(bestell|auftrag|rechnung|kunden-?nr|kundennummer|artikel|art\.-?nr|sku|order|invoice|"
    r"account|konto|iban|bic|vertrag|contract|ticket|case|fall|version|firmware|build|serial|serien|"
    r"ust|steuer|tax|id\b|nr\.?\s*$|no\.?\s*$)"
)
_DATE_LIKE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")

SCORE_VALID = 0.75
SCORE_INTERNATIONAL = 0.6  # "+44 7700 900733": shaped like a phone number, not in a live range
SCORE_CUED = 0.6
SCORE_WEAK = 0.3


class PhoneNumberRecognizer(LocalRecognizer):
    """Phone numbers via python-phonenumbers, in the regions that fit the text's language."""

    def __init__(self, supported_language: str = "de") -> None:
        self.regions = PHONE_REGIONS.get(supported_language, PHONE_REGIONS["en"])
        super().__init__(
            supported_entities=["PHONE_NUMBER"],
            supported_language=supported_language,
            name=f"ReviewerPhoneRecognizer_{supported_language}",
        )

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        if "PHONE_NUMBER" not in entities:
            return []
        import phonenumbers

        with _shared_candidates(text):
            return self._analyze(text, phonenumbers)

    def _analyze(self, text: str, phonenumbers) -> list[RecognizerResult]:
        found: dict[tuple[int, int], RecognizerResult] = {}
        for region in self.regions:
            for match in _matcher_class()(text, region, leniency=phonenumbers.Leniency.POSSIBLE):
                key = (match.start, match.end)
                if key in found:
                    continue
                before = text[max(0, match.start - 80) : match.start]
                cued = bool(_PHONE_CUE.search(before))
                if not _phone_shaped(match.raw_string, cued):
                    continue
                number = match.number
                valid = phonenumbers.is_valid_number(number)
                if valid:
                    score = SCORE_VALID
                elif match.raw_string.startswith("+"):
                    score = SCORE_INTERNATIONAL
                elif cued:
                    score = SCORE_CUED
                else:
                    score = SCORE_WEAK
                if not cued and _OTHER_NUMBER_CUE.search(
                    text[max(0, match.start - 25) : match.start]
                ):
                    score = SCORE_WEAK  # "Bestellnummer 0123 456789" is an order number
                number_type = phonenumbers.number_type(number) if valid else None
                found[key] = RecognizerResult(
                    "PHONE_NUMBER",
                    match.start,
                    match.end,
                    score,
                    analysis_explanation=AnalysisExplanation(
                        self.name, score, textual_explanation=f"phonenumbers {region}"
                    ),
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        "phone_type": _type_name(number_type),
                        "phone_region": phonenumbers.region_code_for_number(number) or region,
                    },
                )
        return list(found.values())


class _SharedCandidateSearch:
    """phonenumbers' candidate pattern (``phonenumbermatcher._PATTERN``), whose searches are
    remembered while ``_shared_candidates`` is active for a text.

    The matcher looks for candidates with that one pattern whatever the region; only what it
    makes of a candidate depends on the region. Our recognizer runs a matcher per region (three
    per language) over the same text, so each searched the whole text again (~0.5 ms of CPU per
    700-word draft each). A search is a pure function of the text and the position, so the
    second and third matcher get the first one's answers: the same candidates, the same numbers
    (``tests/test_pii_phone_search.py``). Outside our recognizer it is the plain pattern."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.local = threading.local()

    def search(self, text, pos=0, *args):
        memo = getattr(self.local, "memo", None)
        if memo is None or args or memo[0] is not text:
            return self.pattern.search(text, pos, *args)
        found = memo[1]
        if pos not in found:
            found[pos] = self.pattern.search(text, pos)
        return found[pos]

    def __getattr__(self, name: str):
        return getattr(self.pattern, name)


@cache
def _candidate_search() -> _SharedCandidateSearch:
    from phonenumbers import phonenumbermatcher

    current = phonenumbermatcher._PATTERN
    if not isinstance(current, _SharedCandidateSearch):
        current = phonenumbermatcher._PATTERN = _SharedCandidateSearch(current)
    return current


@cache
def _matcher_class() -> type:
    """phonenumbers' matcher, with each candidate's parse remembered (``_possible_number``)."""
    from phonenumbers import Leniency, PhoneNumberMatch, PhoneNumberMatcher

    class Matcher(PhoneNumberMatcher):
        def _parse_and_verify(self, candidate, offset):
            if self.leniency != Leniency.POSSIBLE:
                return super()._parse_and_verify(candidate, offset)
            number = _possible_number(candidate, self.preferred_region)
            return None if number is None else PhoneNumberMatch(offset, candidate, number)

    return Matcher


@lru_cache(maxsize=8192)
def _possible_number(candidate: str, region: str):
    """The number phonenumbers' matcher makes of ``candidate`` in ``region`` with leniency
    POSSIBLE, or None: a pure function of the two. At that leniency ``_parse_and_verify`` looks
    at nothing but the candidate (the text around it counts from VALID up), so it is asked once
    per distinct candidate and region — a draft's years, amounts and numbers recur from draft to
    draft and, with three regions per language, each was parsed three times per draft. The
    caller only reads the number (validity, type, region)."""
    from phonenumbers import Leniency, PhoneNumberMatcher

    probe = PhoneNumberMatcher("", region, leniency=Leniency.POSSIBLE)
    found = PhoneNumberMatcher._parse_and_verify(probe, candidate, 0)
    return None if found is None else found.number


@contextmanager
def _shared_candidates(text: str) -> Iterator[None]:
    local = _candidate_search().local
    local.memo = (text, {})
    try:
        yield
    finally:
        local.memo = None


_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s?[-–/]\s?(?:(?:19|20)\d\d|\d\d)")
_NANP = re.compile(r"^(?:\(\d{3}\)\s?|\d{3}[-. ])\d{3}[-. ]\d{4}$")  # 415-555-0137, (212) 555-0137


def _phone_shaped(raw: str, cued: bool = False) -> bool:
    """Written like a phone number: international '+', trunk '0' or '(0..)', the North American
    shape, or — with a phone word before it ("Phone: (31) 482-905") — any grouped digits; 6–15
    digits, no decimals, no dates."""
    digits = sum(ch.isdigit() for ch in raw)
    if not 6 <= digits <= 15 or "," in raw or _DATE_LIKE.match(raw.strip()):
        return False
    if _YEAR_RANGE.fullmatch(raw.strip()):
        return False  # "2019-2024", "2023/24"
    if raw.startswith("+"):
        return digits >= 7
    if _NANP.match(raw):
        return True
    if "." in raw:
        return False  # 1.234.567 or 3.1.0.22: amounts and versions
    if cued:
        return not re.fullmatch(r"(?:19|20)\d\d", raw.strip()) and (
            " " in raw or "-" in raw or "(" in raw or digits >= 7
        )
    return digits >= 7 and (
        raw.startswith(("0", "(0", "(+")) or (raw.startswith("(") and digits == 10)
    )


def _type_name(number_type: int | None) -> str:
    if number_type is None:
        return "UNKNOWN"
    from phonenumbers import PhoneNumberType

    for name in dir(PhoneNumberType):
        if name.isupper() and getattr(PhoneNumberType, name) == number_type:
            return name
    return "UNKNOWN"


# --- street addresses ------------------------------------------------------------------------

_DE_STREET_SUFFIX = (
    r"(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|stieg|pfad|markt|"
    r"hof|garten|berg|feld|wall|graben|kai|park|zeile|twiete|redder|höhe|grund|tal|anger|brücke|aue|"
    r"wiese|wiesen|bogen|kamp|winkel|siedlung|passage|promenade|steg|acker|heide|busch|straat|laan|"
    r"gracht|plein|kade|gatan|vägen|vej|gade|utca)"
)
_DE_STREET_PREFIX = r"(?:Am|An der|An den|Auf dem|Auf der|Im|In der|In den|Zum|Zur|Unter den|Hinter der|Vor dem|Alte|Alter|Neue|Neuer|Große|Großer|Kleine|Kleiner|Obere|Untere)"
_CAP = r"[A-ZÄÖÜ][a-zäöüß]+"
# "12", "12a", "12 b", "12-14", "7/3": a letter only when it ends there ("Im Juni 2024 startet" has none)
_HOUSE_NO = r"\d{1,4}(?:\s?[a-zA-Z]\b)?(?:\s?[-–/]\s?\d{1,4}(?:\s?[a-zA-Z]\b)?)?(?![\d.,:]\d)(?!\d)"
# "Im Juni 2024", "Am Montag 12": a preposition + month/weekday + number is a date, not an address
_NOT_TEMPORAL = (
    r"(?!(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
    r"Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Jahr|Jahre|Quartal|Frühjahr|"
    r"Sommer|Herbst|Winter|Zeitraum|Zeit|Vergleich|Schnitt|Durchschnitt|Rahmen|Kapitel|Abschnitt)\b)"
)
_TOWN_WORD = (
    r"[A-ZÄÖÜ][\wäöüß]*(?:[-.][A-ZÄÖÜ]?[\wäöüß]+)*"  # Flensburg, Halle-Neustadt, Frankfurt a.M
)
_DE_POSTCODE_TOWN = rf"(?:,?\s+(?:D-)?\d{{5}}\s+{_TOWN_WORD}(?:\s(?:am|an der|im|bei|ob der|in der|\(\w+\)|{_TOWN_WORD}))*)"

_DE_ADDRESS = (
    r"\b(?:"
    rf"{_CAP}(?:-{_CAP})*{_DE_STREET_SUFFIX}"  # Lindenstraße, Konrad-Adenauer-Ring
    rf"|(?:{_CAP}[ -]){{1,3}}(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Ring|Damm|Ufer|Chaussee|Markt)"  # Berliner Straße
    rf"|{_DE_STREET_PREFIX}\s{_NOT_TEMPORAL}{_CAP}(?:[ -]{_CAP})?"  # Am Mühlenteich
    rf")\s{_HOUSE_NO}{_DE_POSTCODE_TOWN}?"
)

_EN_STREET_TYPE = (
    r"(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Drive|Close|Way|Court|Ct\.?|Place|Pl\.?|"
    r"Crescent|Terrace|Gardens|Square|Boulevard|Blvd\.?|Row|Mews|Hill|Grove|Park|Walk|Parade)"
)
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"
_US_STATE_ZIP = r"[A-Z]{2}\s\d{5}(?:-\d{4})?"
_UNIT = (
    r"(?:,?\s(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Floor|Fl\.|Room|Rm\.?)\s?#?\d{1,5}[A-Za-z]?\b)"
)
_EN_ADDRESS = (
    r"\b(?:(?:Flat|Apartment|Apt\.?|Unit)\s\w+,\s)?\d{1,5}[A-Za-z]?\s"
    rf"(?:[A-Z][a-z]+\s){{1,3}}{_EN_STREET_TYPE}\b{_UNIT}?"
    rf"(?:,\s(?:[A-Z][a-z]+)(?:\s[A-Z][a-z]+)?)?"
    rf"(?:,?\s(?:{_UK_POSTCODE}|{_US_STATE_ZIP})\b)?"
)
_PO_BOX = r"\b(?:P\.?\s?O\.?\s?Box|Post Office Box|Postfach)\s\d{1,6}\b"
# Romance, Slavic and Dutch street words before the name: "Rue de Rivoli", "Via Roma", "Ulica Długa"
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_EU_NAME = (
    r"(?:Rue|Avenue|Boulevard|Bd\.|Place|Quai|Chemin|Via|Viale|Piazza|Corso|Calle|Avenida|Paseo|Plaza|"
    r"Carrer|Rua|Travessa|Ulica|ul\.|Aleja|al\.|Ulice|Utca)"
    rf"\s(?:(?:de|del|de la|des|du|di|della|dei|da|do|dos)\s)?[{_UPPER}][^\W\d_]+(?:\s[{_UPPER}][^\W\d_]+)?"
)
_EU_ADDRESS = rf"\b(?:{_EU_NAME},?\s{_HOUSE_NO}|\d{{1,4}}(?:\s?(?:bis|ter))?,?\s{_EU_NAME}\b)"

SCORE_ADDRESS = 0.7


class StreetAddressRecognizer(PatternRecognizer):
    """A street with house number (optionally postcode and town): where a person can be found."""

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(
            supported_entity="LOCATION",
            supported_language=supported_language,
            patterns=[
                Pattern("German street address", _DE_ADDRESS, SCORE_ADDRESS),
                Pattern("English street address", _EN_ADDRESS, SCORE_ADDRESS),
                Pattern("European street address", _EU_ADDRESS, SCORE_ADDRESS),
                Pattern("PO box", _PO_BOX, SCORE_ADDRESS),
            ],
            name=f"ReviewerStreetAddressRecognizer_{supported_language}",
            global_regex_flags=re.MULTILINE,  # case matters: capitalised street names only
        )


# --- skipping patterns that cannot match ------------------------------------------------------

# presidio runs its patterns with the ``regex`` module, whose ``\d`` knows more digits than re's
_DIGITS = regex.compile(r"\d+")


@dataclass
class _TextFacts:
    text: str
    lowered: str | None  # None: a CASE_TWINS character makes the words test unsafe
    longest_digits: int
    runs: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # class -> its runs

    def runs_with(self, char_class: str) -> list[tuple[int, int]]:
        """The runs of non-space characters (``str.isspace``) that hold a character of
        ``char_class``, in text order: found from the class's few occurrences outwards (a
        pattern over all runs cost more than the scans it saved)."""
        spans = self.runs.get(char_class)
        if spans is None:
            spans = self.runs[char_class] = _runs_holding(self.text, _class_pattern(char_class))
        return spans


@cache
def _class_pattern(char_class: str) -> regex.Pattern[str]:
    return regex.compile(char_class + "+")


def _runs_holding(text: str, hits: regex.Pattern[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    end = 0
    size = len(text)
    for hit in hits.finditer(text):
        if hit.start() < end:
            continue  # in the run found last
        start = hit.start()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = hit.end()
        while end < size and not text[end].isspace():
            end += 1
        spans.append((start, end))
    return spans


_latest = threading.local()  # per thread, as the phone candidates: `serve` threads share nothing


def _facts(text: str) -> _TextFacts:
    """Facts of the text every pattern recognizer of one detection is handed (kept for the
    thread's latest text only: the recognizers run one after another on the same string)."""
    last = getattr(_latest, "facts", None)
    if last is not None and last.text == text:
        return last
    facts = _latest.facts = _TextFacts(
        text=text,
        lowered=text.lower() if CASE_TWINS.isdisjoint(text) else None,
        longest_digits=max(map(len, _DIGITS.findall(text)), default=0),
    )
    return facts


class PrefilteredPattern:
    """A compiled presidio pattern that skips what it cannot match in. Three facts, read from
    the pattern's parse tree, all necessary conditions only, so the matches are the same
    (``tests/test_pii_pattern_prefilter.py``):

    - one of its required words (lowered; ``required_words_regex``) must be in the text;
    - the text must hold as many digits in a row as every match does (``digit_run_regex``):
      most identifier patterns need 8–13, which a marketing draft rarely holds;
    - a pattern that can never touch a white-space character (``run_class_regex``: e-mail, IP,
      identity-card patterns) scans only the runs of non-space characters holding one of the
      characters every match holds (an ``@``, a ``:``, a digit), each up to and including the
      space after it — not the whole text.

    Anything else is the compiled pattern's own."""

    def __init__(
        self, compiled, words: frozenset[str] | None, digits: int, runs: str | None = None
    ) -> None:
        self.compiled = compiled
        self.words = words
        self.digits = digits
        self.runs = runs

    def possible(self, text: str) -> bool:
        facts = _facts(text)
        if facts.longest_digits < self.digits:
            return False
        if self.words is None or facts.lowered is None:
            return True
        return any(word in facts.lowered for word in self.words)

    def finditer(self, text: str, *args, **kwargs):
        if not self.possible(text):
            return iter(())
        if self.runs is None or args:
            return self.compiled.finditer(text, *args, **kwargs)
        return self._in_runs(text, _facts(text).runs_with(self.runs), kwargs)

    def _in_runs(self, text: str, spans: list[tuple[int, int]], kwargs):
        size = len(text)
        for start, end in spans:
            yield from self.compiled.finditer(text, start, min(end + 1, size), **kwargs)

    def __getattr__(self, name: str):
        return getattr(self.compiled, name)


def prefilter_patterns(recognizers: list) -> None:
    """Give the pattern recognizers that run presidio's ``PatternRecognizer.analyze`` (which
    reads ``pattern.compiled_regex``) a ``PrefilteredPattern`` where the analysis finds a
    condition. presidio compiles a pattern itself on first use with the recognizer's global
    flags; it is compiled here the same way, once."""
    for recognizer in recognizers:
        if not isinstance(recognizer, PatternRecognizer) or isinstance(
            recognizer,
            IbanRecognizer,  # its own analyze compiles through regex's cache
        ):
            continue
        flags = recognizer.global_regex_flags
        for pattern in recognizer.patterns:
            words = required_words_regex(pattern.regex)
            digits = digit_run_regex(pattern.regex)
            runs = run_class_regex(pattern.regex)
            if words is None and not digits and runs is None:
                continue
            compiled = pattern.compiled_regex  # presidio's, when its first text compiled it
            if isinstance(compiled, PrefilteredPattern):
                compiled = compiled.compiled
            elif compiled is None or pattern.compiled_with_flags != flags:
                compiled = regex.compile(pattern.regex, flags=flags)
            pattern.compiled_regex = PrefilteredPattern(compiled, words, digits, runs)
            pattern.compiled_with_flags = flags
