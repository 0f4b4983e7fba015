"""Garbage-collector settings for the processes reviewer starts (issue 18).

Building the engines creates a few million long-lived objects (tagger models, recognizers,
guideline patterns, pydantic schemas) and almost no garbage. With CPython's default threshold
(a young-generation collection every 700 net allocations) the collector walks those objects
again and again while they are created: about a tenth of a cold ``reviewer review``.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Young collections every 50,000 net allocations instead of 700: far fewer passes while engines
# are built; cyclic garbage is still collected, just in larger batches (a few MB at most).
_THRESHOLDS = (50_000, 20, 20)


def tune_gc() -> None:
    """For a process reviewer owns (the command, a batch worker), not for library callers."""
    gc.set_threshold(*_THRESHOLDS)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No collection while a large object graph is loaded that is garbage-free by construction
    (an unpickled model): unpickling it then costs a third less."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
