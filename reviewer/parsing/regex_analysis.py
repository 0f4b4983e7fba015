"""What a regular expression's parse tree guarantees about its matches, to skip idle work.

Two facts, both read from ``re``'s own parser and both only ever *necessary* conditions, so using
them never changes a match (issue 18: speed with results byte-identical):

- ``required_chars``: characters a text must hold for the pattern to match anywhere in it (the
  pySBD prefilter in ``sentence_regex`` skips a rule whose characters are missing).
- ``required_words``: strings, one of which the lowered text must hold for a (case-insensitive)
  pattern to match in it; the claims lexicon skips a sentence's scan by a few ``in`` tests.
- ``digit_run`` / ``digit_run_regex``: a number of consecutive digits every match holds; a text
  whose longest run of digits is shorter cannot match (the ``pii`` check's identifier patterns:
  a tax id needs eleven digits in a row, most drafts hold four at most).
- ``run_class_regex``: for a pattern none of whose characters can be white space, a class of
  characters one of which every match holds: only the runs of non-space characters that hold
  one need scanning (the ``pii`` check's e-mail, IP and identity-card patterns).
- ``quick_start``: the pattern with a lookahead on the characters a match can start with, and a
  ``(?<!\\w)`` when every match starts a word. ``re`` tries a big alternation at every position of
  the text; with the lookahead most positions fail after one character test. The claims lexicon
  of the guidelines check is compiled this way.

Anything the analysis does not understand (back-references, scoped flags, negated classes, a
pattern that can match the empty string) yields no condition: the pattern runs as written.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache
from re import _constants as _c  # CPython's parser: private, but stable since 3.11
from re import _parser
from typing import Any

Needs = tuple[frozenset[str], ...]

# A character class with more members than this is not worth testing for (e.g. \w-like ranges).
_MAX_CLASS = 32
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w",
    _c.CATEGORY_NOT_WORD: r"\W",
}


def _parse(pattern: str, flags: int) -> Any:
    try:
        return _parser.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - a pattern re cannot parse runs (and raises) as before
        return None


# --- required characters -------------------------------------------------------------------


def required_chars(pattern: str, flags: int = 0) -> Needs:
    """Sets of characters such that every match of ``pattern`` in a text implies the text holds
    at least one character of each set. Empty when nothing is certain (or the pattern is
    case-insensitive: its literals could match in another case)."""
    parsed = _parse(pattern, flags)
    if parsed is None or parsed.state.flags & re.IGNORECASE:
        return ()
    return tuple(dict.fromkeys(_sequence(parsed)))


def _sequence(items: Any, behind: bool = True) -> list[frozenset[str]]:
    """``behind``: count what lookbehinds need (they see the text before a match)."""
    needs: list[frozenset[str]] = []
    for op, av in items:
        needs.extend(_item(op, av, behind))
    return needs


def _item(op: Any, av: Any, behind: bool = True) -> list[frozenset[str]]:
    if op is _c.LITERAL:
        return [frozenset(chr(av))]
    if op is _c.IN:
        members = _class_members(av)
        return [members] if members else []
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, inner = av
        return [] if add_flags & re.IGNORECASE else _sequence(inner, behind)
    if op in _REPEATS:
        low, _high, inner = av
        return _sequence(inner, behind) if low >= 1 else []
    if op is _c.ASSERT:  # a lookahead or lookbehind: what it sees lies inside the text
        direction, inner = av
        return _sequence(inner, behind) if behind or direction == 1 else []
    if op is _c.ATOMIC_GROUP:
        return _sequence(av, behind)
    if op is _c.BRANCH:
        _, choices = av
        union: set[str] = set()
        for choice in choices:
            needs = _sequence(choice, behind)
            if not needs:
                return []  # this choice needs nothing certain, so neither does the branch
            union |= min(needs, key=len)
        return [frozenset(union)]
    return []  # AT, ANY, NOT_LITERAL, CATEGORY, ASSERT_NOT, GROUPREF…: nothing certain


def _class_members(items: Any) -> frozenset[str] | None:
    """The characters of a positive class of literals and small ranges, else None."""
    members: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            members.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _MAX_CLASS:
            members.update(chr(code) for code in range(av[0], av[1] + 1))
        else:
            return None  # NEGATE, CATEGORY (\s, \d), a large range
    return frozenset(members) if len(members) <= _MAX_CLASS else None


# --- required words --------------------------------------------------------------------------

# Characters whose lowered form is what ``re.IGNORECASE`` compares: ASCII and the German letters.
# Only ``CASE_TWINS`` match one of them ignoring case without having its ``lower()`` (or, the
# Kelvin sign, to be safe): dotted capital I, dotless i, long s, Kelvin sign, and a letter of
# Unicode 16 that the ``regex`` module's tables match with "ß". A text holding one of them is
# scanned without the prefilter. ``tests/test_parsing_regex_analysis.py`` recomputes this for
# ``re`` and ``regex``.
_WORD_CHARS = frozenset(map(chr, range(128))) | frozenset("äöüßÄÖÜ")
CASE_TWINS = frozenset("\u0130\u0131\u017f\u212a\U0001df95")

Words = frozenset[str]


def required_words(pattern: str, flags: int = 0) -> Words | None:
    """Lowered strings such that every match of ``pattern`` (case-insensitive or not), lowered,
    holds one of them — in a text without ``CASE_TWINS``. None when nothing is certain.

    From the parse tree: runs of literals (a class of one letter in two cases counts as that
    letter), a branch's choices (each must need something), mandatory repeats and groups,
    lookaheads (inside the text's end); lookbehinds can see before a scan's start: ignored."""
    parsed = _parse(pattern, flags)
    return None if parsed is None else _words_of_sequence(parsed)


def required_words_regex(source: str) -> Words | None:
    """``required_words`` for a pattern of the ``regex`` module (V0, without FULLCASE): None
    unless ``re`` reads it the same way — ``re`` must parse it without a warning (``[[:alpha:]]``
    is a POSIX class to ``regex``, a nested set to ``re``), and it must hold no literal brace
    (``{e<=1}`` is a fuzzy match to ``regex``, literal text to ``re``). ``regex``'s
    case-insensitive matching relates the same characters (tested)."""
    parsed = _parse_as_regex(source)
    return None if parsed is None else _words_of_sequence(parsed)


def _parse_as_regex(source: str, braces_in_sets: bool = False) -> Any:
    """``re``'s parse tree of a ``regex``-module pattern, None unless both read it alike (see
    ``required_words_regex``). ``braces_in_sets``: allow braces inside a set (``[{}]``), which
    are literal to both modules (a fuzzy constraint follows an item; e-mail patterns list the
    braces among the characters allowed before the ``@``)."""
    parsed = _parsed_quietly(source)
    if parsed is None or _has_literal(parsed, (ord("{"), ord("}")), not braces_in_sets):
        return None
    return parsed


@lru_cache(maxsize=64)
def _parsed_quietly(source: str) -> Any:
    """The parse tree, None if ``re`` warns about it (read only by the analyses: each of the
    ``pii`` patterns is analysed three ways, and parsing the street pattern costs milliseconds)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return _parse(source, 0)


def _has_literal(items: Any, codes: tuple[int, ...], in_sets: bool = True) -> bool:
    for op, av in items:
        if op is _c.LITERAL and av in codes:
            return True
        if (
            in_sets
            and op is _c.IN
            and any(kind is _c.LITERAL and code in codes for kind, code in av)
        ):
            return True
        inner = (
            av[3] if op is _c.SUBPATTERN
            else av[2] if op in _REPEATS
            else av[1] if op in (_c.ASSERT, _c.ASSERT_NOT)
            else av if op is _c.ATOMIC_GROUP
            else None
        )  # fmt: skip
        choices = av[1] if op is _c.BRANCH else [inner] if inner is not None else []
        if op is _c.GROUPREF_EXISTS:
            choices = [c for c in av[1:] if c is not None]
        if any(_has_literal(choice, codes, in_sets) for choice in choices):
            return True
    return False


def _words_of_sequence(items: Any) -> Words | None:
    candidates: list[Words] = []
    run: list[str] = []
    for op, av in items:
        char = _literal_char(op, av)
        if char is not None:
            run.append(char)
            continue
        if run:
            candidates.append(frozenset(["".join(run)]))
            run = []
        if op in _ZERO_WIDTH and not (op is _c.ASSERT and av[0] == 1):
            continue  # \b, ^, negative lookarounds, lookbehinds: no characters of the match
        need = _words_of_item(op, av)
        if need is not None:
            candidates.append(need)
    if run:
        candidates.append(frozenset(["".join(run)]))
    if not candidates:
        return None
    return max(candidates, key=lambda words: (min(map(len, words)), -len(words)))


def _literal_char(op: Any, av: Any) -> str | None:
    if op is _c.LITERAL:
        char = chr(av)
        return char.lower() if char in _WORD_CHARS else None
    if op is _c.IN and 0 < len(av) <= 2 and all(kind is _c.LITERAL for kind, _ in av):
        chars = {chr(code).lower() for _, code in av}
        if len(chars) == 1 and {chr(code) for _, code in av} <= _WORD_CHARS:
            return chars.pop()
    return None


def _words_of_item(op: Any, av: Any) -> Words | None:
    if op is _c.SUBPATTERN:
        return _words_of_sequence(av[3])
    if op is _c.ATOMIC_GROUP:
        return _words_of_sequence(av)
    if op is _c.ASSERT:  # a lookahead (lookbehinds are left out by the caller)
        return _words_of_sequence(av[1])
    if op in _REPEATS:
        low, _high, inner = av
        return _words_of_sequence(inner) if low >= 1 else None
    if op is _c.BRANCH:
        union: set[str] = set()
        for choice in av[1]:
            need = _words_of_sequence(choice)
            if need is None:
                return None  # this choice needs nothing certain, so neither does the branch
            union |= need
        return frozenset(union)
    return None


# --- runs of digits --------------------------------------------------------------------------

# What a part guarantees about digits (``\d``, or ``[0-9]``, which ``\d`` holds; the ``regex``
# module knows more digits than ``re``, so a text's runs are counted with the module that runs
# the pattern): whether it consumes nothing but digits (``pure``, then ``length`` is the
# fewest it consumes), else how many digits every match of it starts and ends with, and the
# longest run of digits inside every match.
_Run = tuple[bool, int, int, int, int]  # pure, length, prefix, suffix, best
_BREAK: _Run = (False, 0, 0, 0, 0)
_EMPTY: _Run = (True, 0, 0, 0, 0)
_DIGIT_CODES = range(ord("0"), ord("9") + 1)


def digit_run(pattern: str, flags: int = 0) -> int:
    r"""How many consecutive decimal digits (``\d``) every match of ``pattern`` holds (0: none
    certain). Case does not matter: digits have none."""
    parsed = _parse(pattern, flags)
    return 0 if parsed is None else _run_of_sequence(parsed)[4]


def digit_run_regex(source: str) -> int:
    """``digit_run`` for a pattern of the ``regex`` module, 0 unless ``re`` reads it alike."""
    parsed = _parse_as_regex(source)
    return 0 if parsed is None else _run_of_sequence(parsed)[4]


def _run_of_sequence(items: Any) -> _Run:
    run = _EMPTY
    for op, av in items:
        run = _joined(run, _run_of_item(op, av))
    return run


def _joined(a: _Run, b: _Run) -> _Run:
    """The run facts of ``a`` followed by ``b``."""
    if a[0] and b[0]:
        total = a[1] + b[1]
        return True, total, total, total, total
    if a[0]:
        return False, 0, a[1] + b[2], b[3], max(b[4], a[1] + b[2])
    if b[0]:
        return False, 0, a[2], a[3] + b[1], max(a[4], a[3] + b[1])
    return False, 0, a[2], b[3], max(a[4], b[4], a[3] + b[2])


def _run_of_item(op: Any, av: Any) -> _Run:
    if op in _ZERO_WIDTH:
        return _EMPTY  # consumes nothing: the digits on either side stay consecutive
    if op is _c.LITERAL or op is _c.IN:
        items = [(op, av)] if op is _c.LITERAL else list(av)
        return (True, 1, 1, 1, 1) if all(_only_digits(*item) for item in items) else _BREAK
    if op is _c.SUBPATTERN:
        return _run_of_sequence(av[3])
    if op is _c.ATOMIC_GROUP:
        return _run_of_sequence(av)
    if op in _REPEATS:
        low, _high, inner = av
        part = _run_of_sequence(inner)
        if part[0]:
            total = part[1] * low
            return True, total, total, total, total
        return part if low >= 1 else _BREAK
    if op is _c.BRANCH:
        parts = [_run_of_sequence(choice) for choice in av[1]]
        if all(part[0] for part in parts):
            least = min(part[1] for part in parts)
            return True, least, least, least, least
        return (
            False,
            0,
            min(part[1] if part[0] else part[2] for part in parts),
            min(part[1] if part[0] else part[3] for part in parts),
            min(part[1] if part[0] else part[4] for part in parts),
        )
    return _BREAK  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS…: anything may stand there


def _only_digits(op: Any, av: Any) -> bool:
    if op is _c.LITERAL:
        return av in _DIGIT_CODES
    if op is _c.RANGE:
        return av[0] in _DIGIT_CODES and av[1] in _DIGIT_CODES
    return op is _c.CATEGORY and av is _c.CATEGORY_DIGIT


# --- runs of non-space characters -------------------------------------------------------------

# Characters that match themselves only, whatever the case flags: ASCII, not letters.
_CASELESS = frozenset(chr(code) for code in range(128) if not chr(code).isalpha())


def run_class_regex(source: str) -> str | None:
    r"""For a pattern of the ``regex`` module that can neither consume nor look ahead at a
    white-space character (``str.isspace`` or ``regex``'s ``\s``): every match lies inside one run of non-space
    characters, and its assertions see nothing past the space that ends the run. Returns a class
    (``[@]``, ``[:]``, ``\d``) one character of which every match holds, so a scan of the runs
    that hold one, each up to and including the space after it, finds the same matches as a
    scan of the whole text. None when the pattern is not of that kind or nothing is certain.
    Lookbehinds may see anything: a scan from a run's start sees the text before it."""
    parsed = _parse_as_regex(source, braces_in_sets=True)
    if parsed is None or not _spaceless(parsed):
        return None
    for need in _sequence(parsed, behind=False):
        if need <= _CASELESS:
            return "[" + "".join(re.escape(char) for char in sorted(need)) + "]"
    return r"\d" if _run_of_sequence(parsed)[4] else None


def _spaceless(items: Any) -> bool:
    for op, av in items:
        if op is _c.LITERAL:
            ok = not _has_space(chr(av))
        elif op is _c.IN:
            ok = all(_spaceless_member(kind, value) for kind, value in av)
        elif op is _c.SUBPATTERN:
            ok = _spaceless(av[3])
        elif op is _c.ATOMIC_GROUP:
            ok = _spaceless(av)
        elif op in _REPEATS:
            ok = _spaceless(av[2])
        elif op is _c.BRANCH:
            ok = all(_spaceless(choice) for choice in av[1])
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            ok = av[0] == -1 or _spaceless(av[1])  # a lookbehind sees the real text
        else:
            ok = op is _c.AT  # ANY, NOT_LITERAL, GROUPREF…: may be a space
        if not ok:
            return False
    return True


def _spaceless_member(kind: Any, value: Any) -> bool:
    if kind is _c.LITERAL:
        return not _has_space(chr(value))
    if kind is _c.RANGE:
        return not _has_space("".join(map(chr, range(value[0], value[1] + 1))))
    return kind is _c.CATEGORY and value in (_c.CATEGORY_DIGIT, _c.CATEGORY_WORD)


def _has_space(chars: str) -> bool:
    """White space to ``str.isspace`` (what separates the runs) or to the ``regex`` module."""
    import regex

    return any(map(str.isspace, chars)) or regex.search(r"\s", chars, flags=regex.I) is not None


# --- first characters ------------------------------------------------------------------------

# What is known about the first character a part consumes: the class items it can be, whether
# the part can match nothing (then what follows may supply the first character), and whether
# the character certainly follows a non-word character (or the text's start).
_First = tuple[list[tuple[Any, Any]], bool, bool]


def quick_start(source: str, flags: int = 0) -> re.Pattern[str]:
    r"""``re.compile(source, flags)``, with a lookahead on the characters its matches can start
    with (and a ``(?<!\w)`` when they always start a word) when those are known.

    Same matches, same groups: a match of the original starts with one of those characters by
    construction, and the added assertions capture nothing. Costs one more parse of ``source``
    than ``re.compile`` (about half a compile), not a second compile."""
    if (
        _GLOBAL_FLAGS.match(source)  # inline flags must stay first
        or flags & (re.VERBOSE | re.ASCII | re.LOCALE)  # comments; other meanings of \w, \b
    ):
        return re.compile(source, flags)
    parsed = _parse(source, flags)
    first = _first_of_sequence(parsed, None) if parsed is not None else None
    if first is None or first[1]:
        return re.compile(source, flags)  # unknown, or a match can be empty
    items, _empty, word_start = first
    chars = _class_source(items)
    if chars is None:
        return re.compile(source, flags)
    head = r"(?<!\w)" if word_start else ""
    return re.compile(f"{head}(?={chars})(?:{source})", flags)


def _first_of_sequence(items: Any, guard: str | None) -> _First | None:
    """``guard``: "word" after ``\\b`` (the previous character is not a word character if this
    one is one), "any" after ``(?<![\\w…])`` (the previous one is not a word character)."""
    found: list[tuple[Any, Any]] = []
    word_start = True
    for op, av in items:
        if op in _ZERO_WIDTH:
            seen = _guard_of(op, av)
            if seen is not None and guard != "any":
                guard = seen
            continue
        part = _first_of_item(op, av, guard)
        if part is None:
            return None
        found += part[0]
        word_start = word_start and part[2]
        if not part[1]:
            return found, False, word_start
    return found, True, False


def _first_of_item(op: Any, av: Any, guard: str | None) -> _First | None:
    if op is _c.LITERAL or op is _c.IN:
        items = [(op, av)] if op is _c.LITERAL else list(av)
        if not all(kind in (_c.LITERAL, _c.RANGE, _c.CATEGORY) for kind, _ in items):
            return None  # a negated class
        word = guard == "any" or (guard == "word" and all(_is_word(*i) for i in items))
        return items, False, word
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        return None if add_flags or del_flags else _first_of_sequence(inner, guard)
    if op is _c.ATOMIC_GROUP:
        return _first_of_sequence(av, guard)
    if op in _REPEATS:
        low, _high, inner = av
        part = _first_of_sequence(inner, guard)
        return None if part is None else (part[0], part[1] or low == 0, part[2])
    if op is _c.BRANCH:
        found: list[tuple[Any, Any]] = []
        empty, word_start = False, True
        for choice in av[1]:
            part = _first_of_sequence(choice, guard)
            if part is None:
                return None
            found += part[0]
            empty, word_start = empty or part[1], word_start and part[2]
        return found, empty, word_start
    return None  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS…


def _guard_of(op: Any, av: Any) -> str | None:
    if op is _c.AT and av is _c.AT_BOUNDARY:
        return "word"
    if op is _c.ASSERT_NOT and av[0] == -1:  # (?<![…\w…]): no word character before
        inner = list(av[1])
        if len(inner) == 1 and inner[0][0] is _c.IN:
            members = inner[0][1]
            if (_c.CATEGORY, _c.CATEGORY_WORD) in members and all(
                kind is not _c.NEGATE for kind, _ in members
            ):
                return "any"
    return None


def _is_word(op: Any, av: Any) -> bool:
    """Whether every character of a class item is a word character (as ``re`` defines it)."""
    if op is _c.LITERAL:
        return chr(av).isalnum() or av == ord("_")
    if op is _c.RANGE:
        return all(chr(c).isalnum() or c == ord("_") for c in range(av[0], av[1] + 1))
    return av in (_c.CATEGORY_DIGIT, _c.CATEGORY_WORD)


def _class_source(items: list[tuple[Any, Any]]) -> str | None:
    parts = []
    for op, av in dict.fromkeys(items):
        if op is _c.LITERAL:
            parts.append(f"\\U{av:08x}")
        elif op is _c.RANGE:
            parts.append(f"\\U{av[0]:08x}-\\U{av[1]:08x}")
        elif av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            return None
    return "[" + "".join(parts) + "]"
