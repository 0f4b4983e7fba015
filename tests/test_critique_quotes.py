"""Quote verification: exact, then whitespace/quote-mark tolerant, always exact offsets."""

from __future__ import annotations

import pytest

from reviewer.checks.critique.quotes import QuoteFinder, normalise

TEXT = (
    "Wir sagen: „Unsere Lösung ist die beste.“ – und das\n"
    "stimmt **wirklich**. It’s the   market’s best option.\n"
    "Unsere Lösung ist die beste. Unsere Lösung ist die beste."
)


def locate(quote: str, finder: QuoteFinder | None = None, key: str = "r") -> str | None:
    finder = finder or QuoteFinder(TEXT, base=100)
    span = finder.locate(quote, key)
    return None if span is None else TEXT[span[0] - 100 : span[1] - 100]


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ("Wir sagen:", "Wir sagen:"),
        (
            '"Unsere Lösung ist die beste." - und das stimmt wirklich',
            "„Unsere Lösung ist die beste.“ – und das\nstimmt **wirklich",
        ),
        ("It's the market's best option.", "It’s the   market’s best option."),
        ("  It’s the   market’s best option.  ", "It’s the   market’s best option."),
        ("…und das stimmt wirklich", "und das\nstimmt **wirklich"),
        ("Unsere Lösung ist die schönste.", None),
        ("die", None),  # too short to prove anything
        ("", None),
    ],
)
def test_locate(quote, found):
    assert locate(quote) == found


def test_repeated_quotes_map_to_successive_occurrences():
    finder = QuoteFinder(TEXT)
    spans = [finder.locate("Unsere Lösung ist die beste.", "rule") for _ in range(4)]
    assert len(set(spans[:3])) == 3  # three places in the text
    assert spans[3] == spans[0]  # nothing new left: the first one again (deduplicated later)
    other_rule = finder.locate("Unsere Lösung ist die beste.", "other")
    assert other_rule == spans[0]


def test_normalise_keeps_offsets():
    text = "a  „b“\n*c*"
    normalised, offsets = normalise(text)
    assert normalised == 'a "b" c'
    assert [text[i] for i in offsets] == ["a", " ", "„", "b", "“", "\n", "c"]
