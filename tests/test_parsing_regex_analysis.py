"""``quick_start``: a lookahead on a pattern's first characters, and never a different match."""

from __future__ import annotations

import random
import re

import pytest
import regex

from reviewer.parsing.regex_analysis import (
    _WORD_CHARS,
    CASE_TWINS,
    quick_start,
    required_words,
    required_words_regex,
)


@pytest.mark.parametrize(
    ("source", "flags", "head"),
    [
        (r"\bgarantiert|\bsicher", re.I, r"(?<!\w)(?=["),  # \b before a word character
        (r"(?<![\w.,])\d+\s?%", 0, r"(?<!\w)(?=["),  # a lookbehind that excludes \w
        (r"\b%|\bx", 0, "(?=["),  # \b before '%' means a word character precedes it
        (r"amortis\w*|ROI", re.I, "(?=["),  # no word boundary asked for
        (r"x?y", 0, "(?=["),  # an optional start: both may come first
    ],
)
def test_lookahead_added(source: str, flags: int, head: str) -> None:
    pattern = quick_start(source, flags)
    assert pattern.pattern.startswith(head) and pattern.pattern.endswith(f"(?:{source})")
    assert pattern.flags == re.compile(source, flags).flags


@pytest.mark.parametrize(
    "source",
    [r"x*", r".abc", r"[^a]b", r"(a)?\1b", r"(?i:a)b", "(?i)abc", r"(?x)a # comment"],
)
def test_left_alone_when_unknown(source: str) -> None:
    assert quick_start(source).pattern == source


PATTERNS = [
    (r"\b(?:ver)?doppelt\w*|\bhalbiert\b", re.I),
    (r"(?<![\w.,])\d+(?:[.,]\d+)*\s?(?:%|Prozent)", re.I),
    (r"\b(?:die|der)\s+(?P<word>[a-zäöü]{3,}ste)\b", 0),
    (r"\b%|\b\d", 0),
    (r"(?:am|im)?\s*Markt\b", re.I),
    (r"^\s*(?:Quelle|Source)\b", re.I | re.M),
    (r"[“\"]\s*,?\s*(?:sagt|says)\b", re.I),
    (r"(?<=\s)\.(?=\s[A-Z])|Ü\w+", 0),
]


def test_same_matches_on_random_text() -> None:
    rng = random.Random(2)
    pieces = ["doppelt", "Verdoppelt", "halbiert", "12", "3,5", "%", "Prozent", "die", "der",
              "größte", "schnellste", "Markt", "am", "Quelle", "Source", "“", '"', ",", "sagt",
              "says", ".", " ", " ", "\n", "x", "Über", "ünd", "_", "-", "İ", "ſ"]  # fmt: skip
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(400)]
    for source, flags in PATTERNS:
        plain, quick = re.compile(source, flags), quick_start(source, flags)
        assert quick.pattern != source, source
        for text in texts:
            for lo, hi in ((0, len(text)), (len(text) // 3, 2 * len(text) // 3)):
                expected = [(m.span(), m.groupdict()) for m in plain.finditer(text, lo, hi)]
                assert [(m.span(), m.groupdict()) for m in quick.finditer(text, lo, hi)] == (
                    expected
                ), (source, text)
                assert plain.sub("#", text) == quick.sub("#", text)


# --- required_words ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "flags", "words"),
    [
        (r"\bgarantier\w*", re.I, {"garantier"}),
        (r"\d+\s?(?:%|Prozent|per cent)", re.I, {"%", "prozent", "per cent"}),
        (r"\b[Dd]er\s+Markt\b", 0, {"markt"}),  # the longest run wins; [Dd] is one letter
        (r"(?<=Umsatz )\d+", re.I, None),  # a lookbehind may look before the scanned part
        (r"x(?=Quelle)", re.I, {"quelle"}),  # a lookahead sees inside the scanned part
        (r"\d+|Markt", re.I, None),  # a choice that needs nothing certain
        (r"(?:Markt)?\d+", re.I, None),  # an optional part needs nothing
        (r"(?-i:[A-Z])\w+ sagt", re.I, {" sagt"}),
    ],
)
def test_required_words(source: str, flags: int, words: set[str] | None) -> None:
    found = required_words(source, flags)
    assert found == (None if words is None else frozenset(words))


def test_required_words_never_miss_a_match() -> None:
    """A part of a text the pattern matches in, lowered, holds one of the words (no CASE_TWINS)."""
    rng = random.Random(3)
    pieces = ["VERDOPPELT", "doppelt", "halbiert", "12", "%", "PROZENT", "die", "Der", "größte",
              "GRÖSSTE", "Markt", "am", "Quelle", "“", ",", "sagt", " ", "\n", "x", "Über", "ÜND"]  # fmt: skip
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(400)]
    checked = 0
    for source, flags in PATTERNS:
        words = required_words(source, flags)
        if words is None:
            continue
        checked += 1
        pattern = re.compile(source, flags)
        for text in texts:
            for lo, hi in ((0, len(text)), (len(text) // 3, 2 * len(text) // 3)):
                if pattern.search(text, lo, hi):
                    assert any(word in text[lo:hi].lower() for word in words), (source, text)
    assert checked >= 5


def test_case_twins_and_word_chars_recomputed() -> None:
    """Outside CASE_TWINS, a character that ``re.IGNORECASE`` matches with one of the literal
    characters the analysis keeps has the same ``lower()``: a lowered text holds the word."""
    everything = "".join(map(chr, range(0x110000))).encode("utf-16", "surrogatepass")
    text = everything.decode("utf-16", "ignore")
    keep = sorted(_WORD_CHARS)
    both = re.compile("[" + "".join(map(re.escape, keep)) + "]", re.IGNORECASE)
    for other in set(both.findall(text)) - CASE_TWINS:
        for char in keep:
            if re.fullmatch(re.escape(char), other, re.IGNORECASE):
                assert other.lower() == char.lower(), (other, char)
    twins = {c for c in set(both.findall(text)) if not any(c.lower() == k.lower() for k in keep)}
    assert twins and twins <= CASE_TWINS  # the Kelvin sign lowers to 'k': a twin to be safe


@pytest.mark.parametrize(
    "source",
    [r"\bfoo{e<=1}", r"(?:Markt){i<=1,d<=1}", r"[[:alpha:]]+ing", r"\p{L}+ung", r"\L<words>"],
)
def test_regex_module_syntax_gives_no_words(source: str) -> None:
    """Syntax ``re`` reads otherwise than ``regex`` (fuzzy matching, POSIX classes): unknown."""
    assert required_words_regex(source) is None


def test_regex_module_words_and_case_twins() -> None:
    assert required_words_regex(r"\bohne\s+(?:KI|AI)\s+geschrieben\b") == {"geschrieben"}
    everything = "".join(map(chr, range(0x110000))).encode("utf-16", "surrogatepass")
    text = everything.decode("utf-16", "ignore")
    keep = sorted(_WORD_CHARS)
    both = regex.compile("[" + "".join(map(re.escape, keep)) + "]", regex.IGNORECASE | regex.V0)
    for other in set(both.findall(text)) - CASE_TWINS:
        for char in keep:
            if regex.fullmatch(re.escape(char), other, regex.IGNORECASE | regex.V0):
                assert other.lower() == char.lower(), (other, char)
