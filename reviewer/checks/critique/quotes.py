"""Find the model's quotes in the draft: a quote that is not in the text is not evidence.

First an exact search; then a tolerant one over a normalised copy of the text that keeps, for
every character, its offset in the original — whitespace runs, typographic quote marks, dashes and
Markdown emphasis markers are what models change when they "quote", and the finding must still
point at the exact characters of the draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_QUOTES = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2033": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2039": "'",
        "\u203a": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    }
)  # fmt: skip
# What normalising changes: Markdown emphasis ("**fast**" is quoted as "fast") and whitespace other
# than one plain space. Single spaces stay inside the kept segments, so there are few matches.
_SKIPPED = re.compile(r"[*_]+|\s{2,}|[^\S ]")
_ELLIPSIS = re.compile(r"^(?:\.\.\.|…)\s*|\s*(?:\.\.\.|…)$")
_MIN_LENGTH = 4  # shorter "quotes" ("KI", "a") match anywhere and prove nothing


def normalise(text: str) -> tuple[str, list[int]]:
    """The normalised text and, per normalised character, the offset it came from.

    Quote marks and dashes are mapped one to one (``str.translate``), emphasis markers dropped and
    whitespace runs collapsed to one space; done segment-wise so a long draft costs microseconds
    per segment, not a Python call per character."""
    mapped = text.translate(_QUOTES)
    pieces: list[str] = []
    offsets: list[int] = []
    position = 0
    for match in _SKIPPED.finditer(mapped):
        if match.start() > position:
            pieces.append(mapped[position : match.start()])
            offsets.extend(range(position, match.start()))
        if match.group()[0] not in "*_" and pieces and not pieces[-1].endswith(" "):
            pieces.append(" ")
            offsets.append(match.start())
        position = match.end()
    if position < len(mapped):
        pieces.append(mapped[position:])
        offsets.extend(range(position, len(mapped)))
    return "".join(pieces), offsets


@dataclass
class QuoteFinder:
    """Locates quotes in ``text`` (the draft body) and returns offsets into the full content."""

    text: str
    base: int = 0  # offset of ``text`` in the document content
    _normalised: tuple[str, list[int]] | None = field(default=None, repr=False)
    _used: set[tuple[str, int]] = field(default_factory=set, repr=False)

    def locate(self, quote: str, key: str = "") -> tuple[int, int] | None:
        """``(start, end)`` in the content, or None when the quote is not in the text.

        The same quote reported twice under the same ``key`` (rule) maps to its next occurrence,
        so two identical sentences give two findings, not one finding twice."""
        candidates = dict.fromkeys(
            c for c in (quote.strip(), _clean(quote)) if len(c) >= _MIN_LENGTH
        )
        spans = [span for c in candidates for span in self._exact(c)]
        if all((key, s[0]) in self._used for s in spans):  # none, or all taken: look wider
            spans += [
                span
                for c in candidates
                for span in self._tolerant(c)
                if not any(span[0] < e and s < span[1] for s, e in spans)
            ]
        if not spans:
            return None
        span = next((s for s in spans if (key, s[0]) not in self._used), spans[0])
        self._used.add((key, span[0]))
        return span[0] + self.base, span[1] + self.base

    def _exact(self, quote: str) -> list[tuple[int, int]]:
        return [
            (m.start(), m.start() + len(quote)) for m in re.finditer(re.escape(quote), self.text)
        ]

    def _tolerant(self, quote: str) -> list[tuple[int, int]]:
        if self._normalised is None:
            self._normalised = normalise(self.text)
        haystack, offsets = self._normalised
        needle = normalise(quote)[0].strip()
        if len(needle) < _MIN_LENGTH:
            return []
        return [
            (offsets[m.start()], offsets[m.start() + len(needle) - 1] + 1)
            for m in re.finditer(re.escape(needle), haystack)
        ]


def _clean(quote: str) -> str:
    """Strip what models wrap around a quote: surrounding quote marks, an ellipsis, whitespace."""
    quote = quote.strip()
    for _ in range(2):
        if (
            len(quote) >= 2
            and quote[0] in "\"'\u201c\u201e\u00ab\u2018"
            and quote[-1] in "\"'\u201d\u201c\u00bb\u2019"
        ):
            quote = quote[1:-1].strip()
        quote = _ELLIPSIS.sub("", quote).strip()
    return quote
