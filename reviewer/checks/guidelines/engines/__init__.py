"""Rule engines for written guidelines: one module per rule type.

Each engine is a function ``find(doc, rule, language) -> list[Hit]``; ``reviewer.checks.guidelines``
turns hits into findings. The engines know nothing about guideline files, only about rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from reviewer.parsing.regex_analysis import CASE_TWINS

if TYPE_CHECKING:
    from reviewer.document import Document

# Markdown blocks whose text people read; code, raw HTML and rules are left alone by default.
TEXT_BLOCK_KINDS = frozenset({"heading", "paragraph", "list_item", "quote", "table"})


@dataclass(frozen=True, slots=True)
class Hit:
    """One match of a rule: a span in ``doc.content`` and what to say about it."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


# Typographic variants mapped one-to-one to ASCII, so offsets stay valid and patterns stay simple
# (and fast to compile): dashes, non-breaking and thin spaces, the soft hyphen, curly apostrophes.
_TYPOGRAPHY = str.maketrans(
    {
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u00ad": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
        "\u2019": "'", "\u2018": "'", "\u00b4": "'", "`": "'",
    }
)  # fmt: skip


@lru_cache(maxsize=8)
def _normalised(content: str) -> str:
    # ``str.translate`` with a table looks up every character (~0.2 ms for a 3 kB draft); the
    # few typographic characters a draft holds are replaced one by one instead (same string).
    return _TYPOGRAPHIC.sub(_plain, content)


_TYPOGRAPHIC = re.compile("[" + "".join(map(chr, _TYPOGRAPHY)) + "]")


def _plain(match: re.Match[str]) -> str:
    return _TYPOGRAPHY[ord(match.group())]  # type: ignore[return-value]


def matching_text(doc: Document) -> str:
    """``doc.content`` with typographic variants made plain; same length, same offsets."""
    return _normalised(doc.content)


@lru_cache(maxsize=8)
def _lowered(content: str) -> str | None:
    lowered = _normalised(content).lower()
    # With none of CASE_TWINS the lowered text has the same length (only "İ" grows) and holds the
    # lowered form of every case-insensitive match of a literal (``required_words``).
    return lowered if CASE_TWINS.isdisjoint(content) and len(lowered) == len(content) else None


# The required-words prefilter (``regex_analysis.required_words``) costs a parse of every pattern
# once per process (~30 ms CPU for a language's pack) and saves ~7 ms per draft: the ``guidelines``
# check switches it on for a draft (``Document.memos``) from the second draft a process reviews,
# so a single cold review does not pay for it. Results are the same with or without it.
PREFILTER = "guidelines.prefilter"


def prefiltered(doc: Document) -> bool:
    return bool(doc.memos.get(PREFILTER))


def lowered_matching_text(doc: Document) -> str | None:
    """``matching_text`` lowered, offsets kept; None when the prefilter is off for this draft or
    would not be exact on it."""
    return _lowered(doc.content) if prefiltered(doc) else None


def has_any(lowered: str, words: frozenset[str], start: int, end: int) -> bool:
    """Whether ``lowered[start:end]`` holds one of ``words``."""
    return any(lowered.find(word, start, end) >= 0 for word in words)


def text_regions(doc: Document, scope: str) -> list[tuple[int, int]]:
    """Spans a rule looks at.

    ``text``: headings and running text of the body (no code, no HTML comments), because a filler
    phrase in a code sample is not the writer's voice. ``all``: the whole file, front matter and
    comments included, because an instruction to an AI reviewer is often hidden exactly there.
    """
    if scope == "all":
        return [(0, len(doc.content))]
    regions = [(b.start, b.end) for b in doc.blocks if b.kind in TEXT_BLOCK_KINDS]
    if not regions and not doc.blocks:
        regions = [(doc.body_start, len(doc.content))]
    return regions


def make_hit(
    doc: Document,
    rule: Any,
    start: int,
    end: int,
    values: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
    default_suggestion: str | None = None,
) -> Hit:
    """A hit whose message and suggestion have ``{match}`` (and ``values``) filled in."""
    values = {"match": doc.content[start:end], **(values or {})}
    suggestion = fill(rule.suggestion, values) if rule.suggestion else default_suggestion
    return Hit(start, end, fill(rule.message, values), suggestion, extra or {})


def first_of_overlapping(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with those starting inside an earlier (kept) one left out: a place is reported once."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


def engine_for(rule_type: str) -> Callable[..., list[Hit]]:
    """The ``find`` function of a rule type (imported on first use)."""
    from importlib import import_module

    return import_module(f"reviewer.checks.guidelines.engines.{rule_type}").find


def fill(template: str, values: dict[str, str]) -> str:
    """``str.format`` that leaves unknown placeholders as they are (guideline authors make typos)."""

    class _Keep(dict):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"

    try:
        return template.format_map(_Keep(values))
    except (ValueError, IndexError):
        return template
