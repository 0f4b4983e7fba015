"""Refuse, at load time, the regular expressions that backtrack catastrophically for sure.

The classic shape is a repetition around a group whose only non-optional part is itself a
repetition: ``(a+)+``, ``(\\w+\\s?)*``, ``(?:x*y?)+``. On a line that almost matches, the engine
tries every way of dividing the run between the two loops: 2**n for n characters. Such a pattern
is refused with its rule and line when the guideline loads. Subtler cases (overlapping branches
such as ``(a|aa)+``) are left to the time budget per rule (``budget``), which stops any pattern.
"""

from __future__ import annotations

from typing import Any

try:  # the parser of the standard library's re module; the regex module has no public one
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT)
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)


def nested_repetition(source: str) -> bool:
    """True when ``source`` repeats a group whose only required part is a repetition."""
    try:
        tree = _p.parse(source)
    except Exception:  # noqa: BLE001 - regex-module syntax: left to the time budget
        return False
    return _any_risky(list(tree))


def _any_risky(items: list[tuple[Any, Any]]) -> bool:
    for op, av in items:
        if op in _REPEATS:
            _low, high, body = av
            if high == _c.MAXREPEAT and _only_a_loop(list(body)):
                return True
            if _any_risky(list(body)):
                return True
        elif (
            op == _c.SUBPATTERN
            and _any_risky(list(av[-1]))
            or op == _c.BRANCH
            and any(_any_risky(list(branch)) for branch in av[1])
        ):
            return True
    return False


def _only_a_loop(items: list[tuple[Any, Any]]) -> bool:
    """Is one item an unbounded repetition of something that is never empty, and the rest optional?"""
    if len(items) == 1 and items[0][0] == _c.SUBPATTERN:
        return _only_a_loop(list(items[0][1][-1]))
    if len(items) == 1 and items[0][0] == _c.BRANCH:
        return any(_only_a_loop(list(branch)) for branch in items[0][1][1])
    for index, (op, av) in enumerate(items):
        loop = _unwrap(op, av)
        if loop is None:
            continue
        _low, high, body = loop
        others = items[:index] + items[index + 1 :]
        if (
            high == _c.MAXREPEAT
            and not _nullable(list(body))
            and all(_nullable([o]) for o in others)
        ):
            return True
    return False


def _unwrap(op: Any, av: Any) -> tuple[Any, Any, Any] | None:
    """The repetition an item is (also inside plain groups), or None."""
    while op == _c.SUBPATTERN and len(av[-1]) == 1:
        op, av = list(av[-1])[0]
    return av if op in _REPEATS else None


def _nullable(items: list[tuple[Any, Any]]) -> bool:
    """Can this sequence match the empty string?"""
    for op, av in items:
        if op in _REPEATS:
            if av[0] == 0 or _nullable(list(av[2])):
                continue
            return False
        if op == _c.SUBPATTERN:
            if not _nullable(list(av[-1])):
                return False
        elif op == _c.BRANCH:
            if not any(_nullable(list(branch)) for branch in av[1]):
                return False
        elif op not in _ZERO_WIDTH:
            return False
    return True
