"""The parent's side of a batch: find the files, reuse what is up to date, review the rest.

The CPU checks run in worker processes (``--jobs``; one in-process thread for ``--jobs 1``). When
the LLM critique calls a model, it runs here, in one event loop, at most ``max_concurrency`` at a
time, since it waits on the network rather than the CPU; then the report is built and written
here. When no model is called (and nothing is submitted), the workers finish each file alone (see
``reviewer.batch.worker``). At most two files per worker are queued, and at most that plus the
critique's concurrency are between reading and writing, so a folder of any size never sits in
memory. Each file's reports and its summary line are written as soon as it is done.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from reviewer.batch.discovery import Target, discover
from reviewer.batch.outputs import OutputLayout
from reviewer.batch.state import Manifest, ManifestEntry, file_sha256, run_fingerprint
from reviewer.batch.summary import FileEntry, SummaryWriter, exit_code
from reviewer.batch.worker import Outcome, WorkerSetup, init_process, init_thread, review_file
from reviewer.checks.base import ReviewOptions
from reviewer.config import Config
from reviewer.errors import InputError, ReviewerError
from reviewer.models import Report
from reviewer.pipeline import build_report, run_model_checks_async
from reviewer.registry import catalog

WORKER_ATTEMPTS = 3  # a crashed worker takes the files it had queued down with it: retry those


@dataclass
class BatchOptions:
    paths: list[str]
    out_dir: Path = Path("out")
    glob: str | None = None
    jobs: int = 1
    formats: frozenset[str] = frozenset({"json", "html"})
    fail_on: str = "error"
    submit: bool = False
    force: bool = False
    review: ReviewOptions = field(default_factory=ReviewOptions)

    def __post_init__(self) -> None:
        self.formats = frozenset(self.formats) | {"json"}  # the JSON report is what a rerun reuses


@dataclass
class BatchResult:
    entries: list[FileEntry]  # sorted by source
    written: list[Path]  # the batch-wide reports
    exit_code: int

    def count(self, status: str) -> int:
        return sum(1 for e in self.entries if e.status == status)


class ProgressListener(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, entry: FileEntry) -> None: ...


class _Silent:
    def start(self, total: int) -> None:
        pass

    def advance(self, entry: FileEntry) -> None:
        pass


def run_batch(
    config: Config, options: BatchOptions, progress: ProgressListener | None = None
) -> BatchResult:
    """Review every draft under ``options.paths``; see the module docstring for how."""
    if options.jobs < 1:
        raise InputError("--jobs must be at least 1")
    return asyncio.run(_Batch(config, options, progress or _Silent()).run())


class _Batch:
    def __init__(self, config: Config, options: BatchOptions, progress: ProgressListener) -> None:
        self.config = config
        self.options = options
        self.progress = progress
        self.fingerprint = run_fingerprint(config, run_critique=options.review.run_critique)
        self.entries: list[FileEntry] = []
        self.store: Any = None

    async def run(self) -> BatchResult:
        options = self.options
        targets = discover(options.paths, glob=options.glob, exclude=options.out_dir)
        if not targets:
            wanted = f"files matching {options.glob!r}" if options.glob else ".md or .txt files"
            raise InputError(f"no drafts found in {', '.join(options.paths)} (looked for {wanted})")
        readable = [t for t in targets if t.problem is None]
        self.layout = OutputLayout(
            options.out_dir, [t.path for t in readable], rules=catalog(self.config)
        )
        finish_in_worker = not options.submit and not _critique_calls_model(
            self.config, options.review
        )
        self.setup = WorkerSetup(
            self.config, options.review, self.layout, options.formats, finish_in_worker
        )
        if options.submit:
            self.store = _open_store(self.config)
        self.progress.start(len(targets))
        try:
            with (
                Manifest(options.out_dir) as self.manifest,
                SummaryWriter(options.out_dir) as self.summary,
            ):
                for target in targets:
                    if target.problem is not None:
                        self._finish(FileEntry(target.source, "error", error=target.problem))
                todo: list[tuple[Target, str | None]] = []
                for target in readable:
                    digest = file_sha256(target.path)
                    if options.force or not self._reuse(target, digest):
                        todo.append((target, digest))
                if todo:
                    await self._review_all(todo)
            entries = sorted(self.entries, key=lambda e: e.source)
            written = self.layout.write_batch_reports(
                entries, options.formats, fail_on=options.fail_on
            )
        except OSError as exc:
            raise ReviewerError(
                f"{options.out_dir}: cannot write the reports: {exc.strerror or exc}"
            ) from None
        finally:
            _close(self.store)
        return BatchResult(entries, written, exit_code(entries, options.fail_on))

    # --- files reviewed in this run ------------------------------------------------------------
    async def _review_all(self, todo: list[tuple[Target, str | None]]) -> None:
        jobs = min(self.options.jobs, len(todo))
        queued = asyncio.Semaphore(2 * jobs)  # files handed to the workers and not back yet
        concurrency = _critique_concurrency(self.config)
        critique = asyncio.Semaphore(concurrency)
        limit = 2 * jobs + concurrency  # files between reading and writing
        pool = _WorkerPool(jobs, self.setup)
        pending: set[asyncio.Task[None]] = set()
        try:
            for target, digest in todo:
                await queued.acquire()
                while len(pending) >= limit:
                    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                    for task in done:
                        task.result()
                pending.add(
                    asyncio.create_task(self._review_one(pool, target, digest, queued, critique))
                )
            for task in asyncio.as_completed(pending):
                await task
        finally:
            for task in pending:
                task.cancel()
            pool.shutdown()

    async def _review_one(
        self,
        pool: _WorkerPool,
        target: Target,
        digest: str | None,
        queued: asyncio.Semaphore,
        critique: asyncio.Semaphore,
    ) -> None:
        try:
            outcome = await pool.run(target)
        finally:
            queued.release()
        if outcome.error is not None or (outcome.entry is None and outcome.doc is None):
            error = outcome.error or f"{target.source}: not reviewed"
            self._finish(FileEntry(target.source, "error", error=error))
            return
        submitted = False
        if outcome.entry is not None:  # finished in the worker
            entry = outcome.entry
        else:
            entry, submitted = await self._complete(outcome, target, critique)
        if digest is not None:
            self.manifest.record(
                ManifestEntry(
                    str(target.path),
                    digest,
                    self.fingerprint,
                    entry.outputs["json"],
                    entry.to_dict(),
                    submitted,
                )
            )
        self._finish(entry)

    async def _complete(
        self, outcome: Outcome, target: Target, critique: asyncio.Semaphore
    ) -> tuple[FileEntry, bool]:
        """The parent's part: the critique (bounded), the report, its files, ``--submit``."""
        assert outcome.doc is not None and outcome.partial is not None
        started = time.perf_counter()
        doc, partial = outcome.doc, outcome.partial
        async with critique:
            # The same per-draft time limit as a single review: what the worker spent counts,
            # the wait for a free critique slot does not.
            deadline = time.monotonic() + max(0.0, self.config.time_limit - outcome.seconds)
            await run_model_checks_async(
                doc, self.config, partial, self.options.review, deadline=deadline
            )
        report = build_report(doc, partial)
        outputs = self.layout.paths_for(target.path, self.options.formats)
        self.layout.write_file_reports(report, doc.content, outputs)
        submitted, submit_error = self._submit(report, lambda: doc)
        seconds = round(outcome.seconds + time.perf_counter() - started, 4)
        entry = FileEntry.from_report(report, status="reviewed", outputs=outputs, seconds=seconds)
        entry.submit_error = submit_error
        return entry, submitted

    # --- files an earlier run already reviewed -------------------------------------------------
    def _reuse(self, target: Target, digest: str | None) -> bool:
        """Use the stored report of an unchanged file; False when it must be reviewed."""
        stored = self.manifest.lookup(target.path, digest, self.fingerprint)
        report = self.layout.load_report(stored.report) if stored is not None else None
        if stored is None or report is None:
            return False
        outputs = self.layout.paths_for(target.path, self.options.formats)
        moved = report.source != target.source or stored.report != outputs["json"]
        report.source = target.source  # the working folder may differ from the earlier run's
        if moved or any(not self.layout.absolute(p).exists() for p in outputs.values()):
            content = _read_text(target) if "html" in outputs else None
            self.layout.write_file_reports(report, content, outputs, only_missing=not moved)
        submitted, submit_error = stored.submitted, None
        if self.options.submit and not stored.submitted:
            submitted, submit_error = self._submit(report, lambda: _load(target))
        entry = FileEntry.from_report(report, status="cached", outputs=outputs, seconds=None)
        entry.submit_error = submit_error
        if moved or submitted != stored.submitted:
            assert digest is not None
            self.manifest.record(
                ManifestEntry(
                    str(target.path),
                    digest,
                    self.fingerprint,
                    outputs["json"],
                    entry.to_dict(),
                    submitted,
                )
            )
        self._finish(entry)
        return True

    # --- shared ---------------------------------------------------------------------------------
    def _submit(self, report: Report, document: Callable[[], Any]) -> tuple[bool, str | None]:
        """Store the revision for approval (``--submit``); a failure is reported, not fatal."""
        if self.store is None:
            return False, None
        try:
            self.store.submit(document(), report)
        except ReviewerError as exc:
            return False, f"{report.source}: not submitted: {exc}"
        return True, None

    def _finish(self, entry: FileEntry) -> None:
        self.entries.append(entry)
        self.summary.write(entry)
        self.progress.advance(entry)


class _WorkerPool:
    """The executor for the CPU checks, replaced when a worker process dies (out of memory, a
    crash in a native library), so one bad file cannot end the batch."""

    def __init__(self, jobs: int, setup: WorkerSetup) -> None:
        self.jobs = jobs
        self.setup = setup
        self.generation = 0
        self.executor = self._create()

    def _create(self) -> Executor:
        if self.jobs == 1:
            return ThreadPoolExecutor(
                1,
                thread_name_prefix="reviewer-checks",
                initializer=init_thread,
                initargs=(self.setup,),
            )
        import multiprocessing

        # spawn: workers start clean (no copy of the parent's threads or locks) on every platform
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            self.jobs, mp_context=context, initializer=init_process, initargs=(self.setup,)
        )

    async def run(self, target: Target) -> Outcome:
        loop = asyncio.get_running_loop()
        for _ in range(WORKER_ATTEMPTS):
            generation = self.generation
            try:
                return await loop.run_in_executor(
                    self.executor, review_file, target.source, target.path
                )
            except BrokenProcessPool:
                if generation == self.generation:
                    self.executor.shutdown(wait=False, cancel_futures=True)
                    self.executor = self._create()
                    self.generation += 1
        return Outcome(
            target.source,
            error=f"{target.source}: the worker process stopped while reviewing it (out of memory?)",
        )

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _critique_calls_model(config: Config, options: ReviewOptions) -> bool:
    """Will the critique talk to a model? If not, the workers can finish each file alone."""
    if not config.checks.critique or not options.run_critique:
        return False
    try:
        from reviewer.checks.critique.resolve import model_configured
    except ImportError:
        return True
    return model_configured(config)


def _critique_concurrency(config: Config) -> int:
    """``max_concurrency`` as the critique will use it (the environment may override the file)."""
    try:
        from reviewer.checks.critique.resolve import resolve

        return max(1, resolve(config).max_concurrency)
    except (ImportError, ReviewerError):
        return config.critique.max_concurrency


def _open_store(config: Config) -> Any:
    try:
        from reviewer.store import open_store
    except ImportError as exc:
        raise ReviewerError(f"--submit: the review store is not available: {exc}") from None
    return open_store(config)


def _close(store: Any) -> None:
    close = getattr(store, "close", None)
    if callable(close):
        close()


def _read_text(target: Target) -> str | None:
    """The reviewed content (for Word drafts and web pages: the text extracted from them)."""
    from reviewer.document import read_content

    try:
        return read_content(target.file)[1]
    except ReviewerError:
        return None


def _load(target: Target) -> Any:
    from reviewer.document import load_document

    return load_document(target.file)
