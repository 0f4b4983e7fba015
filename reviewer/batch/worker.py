"""What runs in a worker: read and parse one draft, run the deterministic (CPU) checks.

The checks build their engines (presidio, spaCy, pySBD, language detection, the passive tagger)
once per process and cache them. A worker process's initializer runs every check once on a tiny
German and a tiny English draft, so each worker pays that cost before its first real file instead
of in the middle of the batch. Their briefs name their language: language detection (py3langid
and numpy, ~0.3 s of CPU per worker, issue 18) loads only in a worker that meets a draft without
one — every worker's start lies on the critical path of ``--jobs 2``.
The single worker thread of ``--jobs 1`` does not: it shares the command's process, nothing runs
beside it, and it would build the engines of a language its files may not need (a pre-commit
hook passing two English drafts).

Two endings. When the LLM critique will call a model, or ``--submit`` needs the parsed document,
the worker hands the Document and the picklable ``PartialReview`` back to the parent, which runs
the critique with bounded async concurrency and builds the report. Otherwise nothing remains that
needs the parent, and the worker builds the report and writes the file's reports itself: sending
a parsed document across processes costs more than building its report (its thousand word spans
pickle slowly), and a parent doing that for every file would hold back the workers.
"""

from __future__ import annotations

import logging
import signal
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.batch.outputs import OutputLayout
    from reviewer.batch.summary import FileEntry
    from reviewer.checks.base import ReviewOptions
    from reviewer.config import Config
    from reviewer.document import Document
    from reviewer.pipeline import PartialReview

log = logging.getLogger(__name__)

WARM_UP = (
    "---\ntitle: Aufwärmen\nlanguage: de\nwords: {min: 10, max: 50}\nkeywords: [Datenschutz]\n"
    "required_sections: [Fazit]\n---\n\n# Aufwärmen\n\nIn der heutigen Zeit schreibt Jana Albrecht aus Köln "
    "an j.albrecht@example.org, Telefon +49 171 2345678, IBAN DE02 1203 0000 0000 2020 51. Jede Anfrage "
    "wird von uns geprüft. Datenschutz ist uns wichtig.\n\n## Fazit\n\nDas Ergebnis ist garantiert 300 % besser.\n",
    "---\ntitle: Warm-up\nlanguage: en\nwords: {min: 10, max: 50}\nkeywords: [privacy]\n"
    "required_sections: [Summary]\n---\n\n# Warm-up\n\nIn today's fast-paced world, John Whitmore of "
    "12 Baker Street wrote to john.whitmore@example.org from 203.0.113.7, phone +44 7700 900123. Privacy "
    "matters.\n\n## Summary\n\nOur tool is the most reliable on the market.\n",
)


@dataclass(frozen=True)
class WorkerSetup:
    """What every worker needs, sent once when it starts."""

    config: Config
    options: ReviewOptions
    layout: OutputLayout
    formats: frozenset[str]
    finish_in_worker: bool  # build and write the reports here (see the module docstring)


@dataclass
class Outcome:
    """A worker's answer for one file: finished (``entry``), or the parsed draft and the check
    results for the parent to finish (``doc``/``partial``), or why it was not reviewed."""

    source: str
    entry: FileEntry | None = None
    doc: Document | None = None
    partial: PartialReview | None = None
    error: str | None = None
    seconds: float = 0.0


_setup: WorkerSetup | None = None


def init_process(setup: WorkerSetup) -> None:
    """Initializer for worker processes: die with the batch, Ctrl-C is the parent's business,
    leave without the interpreter's teardown when the pool is done with us (the batch waits for
    its workers to end: 0.3-0.4 s each, see ``reviewer.process``), then warm up."""
    import multiprocessing
    import multiprocessing.util

    from reviewer.batch.lifeline import die_with_parent
    from reviewer.process import leave, tune_process

    parent = multiprocessing.parent_process()
    die_with_parent(parent.pid if parent is not None else None)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # multiprocessing runs its exit finalizers once the worker's loop has ended (the pool sent
    # its stop signal), highest priority first: this one last. A worker that failed would
    # leave with 0 instead of 1; the pool does not read its workers' exit codes.
    multiprocessing.util.Finalize(None, leave, args=(0,), exitpriority=-(2**31))
    tune_process()
    init_thread(setup)
    warm_up(setup.config)


def init_thread(setup: WorkerSetup) -> None:
    """Initializer for the single in-process worker thread of ``--jobs 1`` (no warm-up, see
    the module docstring)."""
    global _setup
    _setup = setup


def warm_up(config: Config) -> None:
    """Run the checks once per language, so every engine is built before the first real file."""
    from reviewer.document import parse_document
    from reviewer.pipeline import run_checks

    for number, text in enumerate(WARM_UP):
        try:
            run_checks(parse_document(text, f"<warm-up-{number}>.md"), config)
        except Exception:  # noqa: BLE001 - a broken engine shows up per file as a check error
            log.debug("warm-up failed", exc_info=True)


def review_file(source: str, path: Path) -> Outcome:
    """Read, parse and check one draft. Problems with the draft become ``Outcome.error``; only a
    failure to write the reports raises (the batch cannot go on without its output folder)."""
    from reviewer.batch.discovery import file_name
    from reviewer.document import load_document
    from reviewer.errors import ReviewerError
    from reviewer.pipeline import run_checks

    if _setup is None:  # pragma: no cover - the executors always run an initializer
        raise RuntimeError("worker not initialised")
    started = time.perf_counter()
    try:
        doc = load_document(file_name(path))
    except ReviewerError as exc:
        return Outcome(source, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - a parser bug on one file must not end the batch
        log.debug("reading %s failed", source, exc_info=True)
        return Outcome(source, error=f"{source}: cannot be parsed: {type(exc).__name__}: {exc}")
    try:
        partial = run_checks(doc, _setup.config, _setup.options)
    except Exception as exc:  # noqa: BLE001 - checks are guarded one by one; this is the rest
        log.debug("checking %s failed", source, exc_info=True)
        return Outcome(source, error=f"{source}: review failed: {type(exc).__name__}: {exc}")
    if not _setup.finish_in_worker:
        return Outcome(source, doc=doc, partial=partial, seconds=time.perf_counter() - started)
    return Outcome(source, entry=finish(doc, partial, path, _setup, started))


def finish(
    doc: Document, partial: PartialReview, path: Path, setup: WorkerSetup, started: float
) -> FileEntry:
    """Build the report without a model call (the critique records why it did not run) and
    write the file's reports."""
    from reviewer.batch.summary import FileEntry
    from reviewer.pipeline import build_report, run_model_checks

    run_model_checks(doc, setup.config, partial, setup.options)
    report = build_report(doc, partial)
    outputs = setup.layout.paths_for(path, setup.formats)
    setup.layout.write_file_reports(report, doc.content, outputs)
    seconds = round(time.perf_counter() - started, 4)
    return FileEntry.from_report(report, status="reviewed", outputs=outputs, seconds=seconds)
