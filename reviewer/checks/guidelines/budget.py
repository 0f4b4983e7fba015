"""Time budgets for guideline rules: a slow rule is stopped and named, the review goes on.

A guideline's regular expression is written by people, and one like ``(a|aa)+$`` backtracks
catastrophically: minutes on a 40-character line. Patterns are compiled with the ``regex``
module, whose matching takes a timeout; the guidelines check sets a deadline per rule (never past
the whole review's deadline) and an engine asks ``remaining()`` for the time it may still spend.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_deadline: ContextVar[float | None] = ContextVar("rule_deadline", default=None)

# The regex module's timeout cannot be 0; a rule already out of time gets this much.
_MINIMUM = 0.001


class RuleTimeout(Exception):
    """A rule used up its time budget on this draft."""

    def __init__(self, rule_id: str) -> None:
        super().__init__(f"rule {rule_id} ran out of time")
        self.rule_id = rule_id


@contextmanager
def rule_deadline(seconds: float, review_deadline: float | None = None) -> Iterator[None]:
    """Within the block, engines may spend up to ``seconds`` (and not past ``review_deadline``)."""
    deadline = time.monotonic() + seconds
    if review_deadline is not None:
        deadline = min(deadline, review_deadline)
    token = _deadline.set(deadline)
    try:
        yield
    finally:
        _deadline.reset(token)


def remaining() -> float | None:
    """Seconds left for the current rule, or None when no budget is set (no limit)."""
    deadline = _deadline.get()
    if deadline is None:
        return None
    return max(deadline - time.monotonic(), _MINIMUM)
