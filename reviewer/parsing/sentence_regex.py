"""pySBD's regular expressions, skipped when the text lacks a character every match needs.

pySBD (our sentence splitter) runs about 110 substitution rules and a search per abbreviation
over every paragraph, each by pattern string through ``re``. Most rules cannot match a given
paragraph: they need a placeholder pySBD inserts only in special cases (``∯``, ``♨``, ``&ᓴ&``),
a quote, a parenthesis or a second full stop. The regex engine still tries every position of
the paragraph to find that out; this was most of parsing's cost (issue 18).

``install`` hands pySBD's modules a stand-in for ``re`` whose ``sub``, ``search``, ``match`` and
``findall`` first ask whether the text holds, for each set of characters the pattern requires,
at least one of them, and answer "no match" without running the pattern when it does not. The
required sets come from the pattern's parse tree (``required_chars``): a literal outside any
optional part, negative lookaround or case-insensitive scope; one of a branch's choices; one of a
small character class. A lookahead or lookbehind looks at characters inside the text, so its
literals count too. When a set is missing, the pattern matches nowhere, so the answer is the one
``re`` would give: the same results, byte for byte (``tests/test_parsing_sentence_speed.py``
compares both on many texts). Anything the analysis does not understand yields no requirement,
i.e. the pattern always runs. (``quick_start`` is not used here: pySBD's rules are many and
short-lived, and the second compile cost more at a cold start than it saved warm.)
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from types import ModuleType
from typing import Any

from reviewer.parsing.regex_analysis import Needs, required_chars

# Our cache of compiled patterns and their needs; cleared when full, as ``re`` does with its own.
_MAX_CACHE = 2048
_cache: dict[tuple[Any, int], tuple[re.Pattern[str], Needs]] = {}


def _unless_absent(pattern: Any, flags: int, string: Any) -> re.Pattern[str] | None:
    """The compiled pattern, or None when ``string`` lacks every character of a set the pattern
    needs (so nothing can match)."""
    compiled, needs = _cache.get((pattern, flags)) or _entry(pattern, flags)
    if needs and isinstance(string, str) and _lacks(needs, string):
        return None
    return compiled


def _entry(pattern: Any, flags: int) -> tuple[re.Pattern[str], Needs]:
    if isinstance(pattern, re.Pattern):
        compiled, needs = pattern, ()
    else:
        compiled = re.compile(pattern, flags)
        needs = required_chars(pattern, flags) if isinstance(pattern, str) else ()
    if len(_cache) >= _MAX_CACHE:
        _cache.clear()
    _cache[(pattern, flags)] = (compiled, needs)
    return compiled, needs


class PrefilteredRe(ModuleType):
    """``re`` as pySBD's modules see it: the same functions, with the prefilter in front of the
    four pySBD calls most (everything else is ``re``'s own)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)

    @staticmethod
    def sub(pattern: Any, repl: Any, string: Any, count: int = 0, flags: int = 0) -> Any:
        compiled = _unless_absent(pattern, flags, string)
        if compiled is None:
            return str.__str__(string)  # re.sub returns a plain str, also for a str subclass
        return compiled.sub(repl, string, count)

    @staticmethod
    def search(pattern: Any, string: Any, flags: int = 0) -> Any:
        compiled = _unless_absent(pattern, flags, string)
        return None if compiled is None else compiled.search(string)

    @staticmethod
    def match(pattern: Any, string: Any, flags: int = 0) -> Any:
        compiled = _unless_absent(pattern, flags, string)
        return None if compiled is None else compiled.match(string)

    @staticmethod
    def findall(pattern: Any, string: Any, flags: int = 0) -> Any:
        compiled = _unless_absent(pattern, flags, string)
        return [] if compiled is None else compiled.findall(string)

    @staticmethod
    def finditer(pattern: Any, string: Any, flags: int = 0) -> Any:
        literal = (
            _escaped_sentence(pattern)
            if flags == 0 and isinstance(pattern, str) and isinstance(string, str)
            else None
        )
        if literal is None:
            return re.finditer(pattern, string, flags)
        return _literal_then_spaces(literal, string)


PREFILTERED_RE = PrefilteredRe("re")

_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_SPACE_RUN = re.compile(r"\s*")


@lru_cache(maxsize=4096)
def _escaped_sentence(pattern: Any) -> str | None:
    r"""The text ``t`` when ``pattern`` is ``re.escape(t) + r"\s*"``: how pySBD finds each of its
    sentences in the paragraph again, one new pattern per sentence, compiled for every sentence
    a process has not seen before (about a tenth of a millisecond each)."""
    if not isinstance(pattern, str) or not pattern.endswith(r"\s*") or len(pattern) < 4:
        return None
    escaped = pattern[:-3]
    literal = _ESCAPE.sub(r"\1", escaped)
    return literal if literal and re.escape(literal) == escaped else None


class _Found:
    """What pySBD reads of a match: ``group()`` and ``span()``."""

    __slots__ = ("_text", "_start", "_end")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def group(self) -> str:
        return self._text[self._start : self._end]

    def span(self) -> tuple[int, int]:
        return self._start, self._end


def _literal_then_spaces(literal: str, text: str) -> Iterator[_Found]:
    r"""``re.finditer(re.escape(literal) + r"\s*", text)`` without compiling it: each occurrence
    of ``literal`` from where the last match ended, with the whitespace after it."""
    position = 0
    while (found := text.find(literal, position)) != -1:
        end = _SPACE_RUN.match(text, found + len(literal)).end()  # type: ignore[union-attr]
        yield _Found(text, found, end)
        position = end


def install(package: str = "pysbd") -> None:
    """Give every loaded module of ``package`` the prefiltered ``re`` (idempotent), and pySBD's
    ``Text.apply`` the same prefilter without the per-rule detour through it."""
    prefix = package + "."
    for name, module in list(sys.modules.items()):
        if (name == package or name.startswith(prefix)) and getattr(module, "re", None) is re:
            module.re = PREFILTERED_RE
    if package == "pysbd":
        from pysbd.utils import Text

        global PYSBD_APPLY
        if Text.apply is not _apply:
            PYSBD_APPLY = Text.apply
            Text.apply = _apply


PYSBD_APPLY: Any = None  # pySBD's own ``Text.apply``, once ours replaced it (for the tests)


def _apply(self: str, *rules: Any) -> str:
    """pySBD's ``Text.apply``: ``re.sub(rule.pattern, rule.replacement, text)`` for each rule in
    turn, through the prefilter (``PrefilteredRe.sub``) without the detour through it (~2,400
    rule applications per draft). A rule's compiled pattern and needs are looked up by its
    pattern in the one cache: a few rules pySBD builds anew on every call share their pattern
    with the call before. Same results: ``PrefilteredRe.sub`` step for step."""
    text: str = self
    for rule in rules:
        pattern = rule.pattern
        compiled, needs = _cache.get((pattern, 0)) or _entry(pattern, 0)
        if needs and _lacks(needs, text):
            text = str.__str__(text)
        else:
            text = compiled.sub(rule.replacement, text)
    return text


def _lacks(needs: Needs, text: str) -> bool:
    for chars in needs:
        for char in chars:
            if char in text:
                break
        else:
            return True
    return False
