"""A persistent answer cache: the same draft under the same model, prompt and guidelines is not
sent again. SQLite, one small file, safe for several processes (WAL, busy timeout).

What is stored is the model's validated answer with placeholders restored, so findings are
re-derived (quotes re-verified) on every run. A broken cache never breaks a review: errors are
logged and the call goes to the model.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

FILENAME = "critique.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS critique_cache (
    key TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    guidelines_hash TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    created_at REAL NOT NULL,
    answer TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class CacheKey:
    model: str
    prompt_version: str
    guidelines_hash: str
    text_hash: str  # the draft and everything else that goes into the prompt

    @property
    def digest(self) -> str:
        raw = "\x1f".join((self.model, self.prompt_version, self.guidelines_hash, self.text_hash))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def fingerprint(parts: Iterable[Any]) -> str:
    """A stable sha256 of JSON-able parts."""
    payload = json.dumps(list(parts), ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


_caches: dict[Path, AnswerCache] = {}
_caches_lock = threading.Lock()


def for_folder(folder: Path) -> AnswerCache:
    """One AnswerCache per folder and process: the table is created once, not per draft."""
    with _caches_lock:
        if folder not in _caches:
            _caches[folder] = AnswerCache(folder)
        return _caches[folder]


class AnswerCache:
    """One SQLite file; a connection per thread (async runs use worker threads), opened lazily."""

    def __init__(self, folder: Path):
        self.path = Path(folder) / FILENAME
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None or not self.path.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=30)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(_SCHEMA)
            connection.commit()
            self._local.connection = connection
        return connection

    def _drop_connection(self) -> None:
        connection = getattr(self._local, "connection", None)
        self._local.connection = None
        if connection is not None:
            with contextlib.suppress(sqlite3.Error):
                connection.close()

    def get(self, key: CacheKey) -> dict[str, Any] | None:
        try:
            row = (
                self._connection()
                .execute("SELECT answer FROM critique_cache WHERE key = ?", (key.digest,))
                .fetchone()
            )
            return json.loads(row[0]) if row else None
        except (sqlite3.Error, OSError, ValueError) as exc:
            self._drop_connection()
            log.warning("critique cache %s unreadable, asking the model: %s", self.path, exc)
            return None

    def put(self, key: CacheKey, answer: dict[str, Any]) -> None:
        try:
            connection = self._connection()
            with connection:
                connection.execute(
                    "INSERT OR REPLACE INTO critique_cache VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        key.digest,
                        key.model,
                        key.prompt_version,
                        key.guidelines_hash,
                        key.text_hash,
                        time.time(),
                        json.dumps(answer, ensure_ascii=False),
                    ),
                )
        except (sqlite3.Error, OSError) as exc:
            self._drop_connection()
            log.warning("critique cache %s not writable: %s", self.path, exc)
