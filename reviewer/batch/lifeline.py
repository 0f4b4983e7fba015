"""Worker processes die with the batch that started them.

``kill -9`` of a batch left its workers running (about 400 MB each), re-parented to init, until
they finished a queue nobody would collect. A worker asks the kernel for SIGKILL when its parent
dies (Linux ``PR_SET_PDEATHSIG``), and a daemon thread checks the parent once a second as well
(other systems, and a parent that died before the request was made).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
_POLL_SECONDS = 1.0


def die_with_parent(parent_pid: int | None) -> None:
    """Make this process end when ``parent_pid`` (the process that started it) is gone."""
    if parent_pid is None:
        return
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no usable libc: the thread remains
            pass
    if os.getppid() != parent_pid:  # the parent died before the request above
        os._exit(1)
    threading.Thread(target=_watch, args=(parent_pid,), name="parent-watch", daemon=True).start()


def _watch(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(_POLL_SECONDS)
    os._exit(1)
