"""``quick_start``: a lookahead on a pattern's first characters, and never a different match."""

from __future__ import annotations

import random
import re

import pytest

from reviewer.parsing.regex_analysis import quick_start


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
