"""Interpreter settings for the processes reviewer owns: the command and batch workers (issue 18).

- The garbage collector. Building the engines creates a few million long-lived objects (tagger
  models, recognizers, guideline patterns, pydantic schemas) and almost no garbage. With
  CPython's default threshold (a young-generation collection every 700 net allocations) the
  collector walks those objects again and again while they are created: about a tenth of a
  cold ``reviewer review``.
- The regular-expression cache. pySBD, our sentence splitter, builds its patterns from strings
  on every call (per abbreviation, per sentence), relying on ``re``'s cache of compiled
  patterns; it needs some 900 entries, more than the 512 that cache holds, so patterns were
  compiled again for every draft: about 6 ms of a 700-word draft's 20 ms of sentence splitting
  (and 8 of 18 on a draft seen before). Settings, not behaviour: results are the same.
- Leaving. Once the command or a batch worker has done its work, Python's interpreter teardown
  frees every engine object one by one (the modules' dicts, then the cyclic garbage): 0.15-0.2 s
  CPU after a single review, 0.3-0.4 s for a batch worker, during which the batch waits for it.
  ``leave`` runs the exit handlers (logging's flush, the executors' joins are done by then),
  flushes the standard streams and ends the process without that teardown.
"""

from __future__ import annotations

import atexit
import gc
import os
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

# Young collections every 50,000 net allocations instead of 700: far fewer passes while engines
# are built; cyclic garbage is still collected, just in larger batches (a few MB at most).
_THRESHOLDS = (50_000, 20, 20)
# Compiled patterns kept by ``re`` (default 512); each is a few kB.
_REGEX_CACHE = 4096


def tune_process() -> None:
    """For a process reviewer owns (the command, a batch worker), not for library callers."""
    gc.set_threshold(*_THRESHOLDS)
    if isinstance(getattr(re, "_MAXCACHE", None), int):  # CPython's private cache size
        re._MAXCACHE = max(re._MAXCACHE, _REGEX_CACHE)


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


def exit_status(code: object) -> int:
    """The status Python gives ``SystemExit(code)``: None is 0, an int itself, anything else is
    printed to stderr and gives 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def leave(status: int) -> None:
    """End a process reviewer owns with ``status``, skipping the interpreter's teardown (see the
    module doc). Exit handlers still run and the standard streams are flushed; while a thread
    that is not a daemon is still running, the process exits the normal way, which waits for
    it. Never for library callers or tests that run the command in their own process."""
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)  # CPython's; others exit normally
    if run_exit_handlers is None or any(
        t.is_alive() and not t.daemon
        for t in threading.enumerate()
        if t is not threading.main_thread()
    ):
        sys.exit(status)
    run_exit_handlers()
    for stream in (sys.stdout, sys.stderr):
        # a closed pipe or stream: nothing more can be written to it
        with suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)
