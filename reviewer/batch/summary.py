"""One summary line per file, the JSON Lines summary, and the batch's exit code.

``summary.jsonl`` is written line by line as files finish, so a dashboard or a script can follow
a long batch, and what finished before an interruption stays on record.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from reviewer.checks import CHECK_NAMES
from reviewer.models import Report, at_or_above
from reviewer.scoring import unchecked_reason

SUMMARY_NAME = "summary.jsonl"
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

Status = Literal["reviewed", "cached", "error"]


@dataclass
class FileEntry:
    """How one file of the batch went. ``status``: reviewed now, reused from an earlier run
    (cached), or not reviewed because it could not be read or parsed (error)."""

    source: str
    status: Status
    verdict: str | None = None
    score: int | None = None
    language: str | None = None
    word_count: int | None = None
    counts: dict[str, int] = field(default_factory=dict)  # findings per check
    severities: dict[str, int] = field(default_factory=dict)  # findings per severity
    error: str | None = None
    reason: str | None = None  # why "needs review" when no finding says so (a check skipped)
    submit_error: str | None = None
    outputs: dict[str, str] = field(default_factory=dict)  # format -> path relative to --out
    content_sha256: str | None = None
    seconds: float | None = None  # time spent reviewing it in this run
    finished: float = field(default_factory=time.time)

    @classmethod
    def from_report(
        cls, report: Report, *, status: Status, outputs: dict[str, str], seconds: float | None
    ) -> FileEntry:
        counts = {name: 0 for name in CHECK_NAMES}
        severities = {"error": 0, "warning": 0, "info": 0}
        for finding in report.findings:
            counts[finding.check] = counts.get(finding.check, 0) + 1
            severities[finding.severity] += 1
        return cls(
            source=report.source,
            status=status,
            verdict=report.verdict,
            score=report.score,
            language=report.language,
            word_count=report.word_count,
            counts=counts,
            severities=severities,
            reason=unchecked_reason(report.findings, report.checks),
            outputs=outputs,
            content_sha256=report.content_sha256,
            seconds=seconds,
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FileEntry:
        known = {key: value for key, value in data.items() if key in cls.__dataclass_fields__}
        return cls(**known)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def fails(self, fail_on: str) -> bool:
        """Any finding at or above ``fail_on``?"""
        return any(n and at_or_above(level, fail_on) for level, n in self.severities.items())


def exit_code(entries: list[FileEntry], fail_on: str) -> int:
    """2 when any file could not be read or parsed (or not stored with --submit); else 1 when any
    finding is at or above ``fail_on``; else 0."""
    if any(e.status == "error" or e.submit_error for e in entries):
        return EXIT_ERROR
    if any(e.fails(fail_on) for e in entries):
        return EXIT_FINDINGS
    return EXIT_OK


class SummaryWriter:
    """Appends one JSON line per finished file and flushes it at once."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / SUMMARY_NAME
        self._file: IO[str] | None = None

    def __enter__(self) -> SummaryWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = self.path.open("w", encoding="utf-8")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def write(self, entry: FileEntry) -> None:
        assert self._file is not None, "use the writer as a context manager"
        self._file.write(json.dumps(entry.to_dict(), ensure_ascii=False) + "\n")
        self._file.flush()
