"""The batch on a terminal: a progress bar with ETA on stderr, the summary table on stdout.

Progress goes to stderr so that stdout stays the table (or nothing), as people piping the
output expect; files that cannot be read are announced above the bar as they are met.
"""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from reviewer.batch.runner import BatchResult
from reviewer.batch.summary import FileEntry
from reviewer.checks import CHECK_NAMES
from reviewer.render.order import plural
from reviewer.render.terminal import VERDICT_STYLE

# Column headings for terminals too narrow for the check names.
SHORT = {
    "readability": "read",
    "keywords": "keyw",
    "structure": "struct",
    "guidelines": "guide",
    "critique": "crit",
}


class RichProgress:
    """A ``ProgressListener`` drawing a rich progress bar."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True, highlight=False)
        self._progress = Progress(
            TextColumn("[bold]reviewing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("elapsed"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
        )
        self._task = None
        self.total = 0
        self.completed = 0

    def __enter__(self) -> RichProgress:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def start(self, total: int) -> None:
        self.total = total
        self._task = self._progress.add_task("batch", total=total)

    def advance(self, entry: FileEntry) -> None:
        self.completed += 1
        if entry.status == "error":
            self._progress.console.print(
                f"[bold red]skipped[/] {escape(entry.error or entry.source)}"
            )
        if entry.submit_error:
            self._progress.console.print(f"[bold red]not submitted[/] {escape(entry.submit_error)}")
        if self._task is not None:
            self._progress.advance(self._task)


def _print_reasons(entries: list[FileEntry], console: Console) -> None:
    """Files that need review although no finding says so: say why once per reason (usually
    "critique skipped: no language model configured …" for every file)."""
    by_reason: dict[str, list[str]] = {}
    for entry in entries:
        if entry.status != "error" and entry.verdict == "needs_review" and entry.reason:
            by_reason.setdefault(entry.reason, []).append(entry.source)
    for reason, sources in by_reason.items():
        which = sources[0] if len(sources) == 1 else f"{len(sources)} files"
        console.print(
            f"[yellow]needs review[/] without errors or warnings ({escape(which)}): {escape(reason)}"
        )


def print_summary(result: BatchResult, console: Console) -> None:
    """Per file: verdict, score and the number of findings of each check; then the totals."""
    from rich import box

    # Piped into a file or a CI log, the table is as wide as its longest file name: a name is
    # never folded in two ("de_whitepa / per.md"), which grep and people both stumble over.
    needed = max((len(e.source) for e in result.entries), default=0) + 120
    if not console.is_terminal and needed > console.width:
        console.width = needed
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 0), pad_edge=False, header_style="bold")
    table.add_column("file", overflow="fold", min_width=16)
    table.add_column("verdict", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    wide = console.width >= 110
    for name in CHECK_NAMES:
        table.add_column(name if wide else SHORT.get(name, name), justify="right", no_wrap=True)
    for entry in result.entries:
        if entry.status == "error":
            table.add_row(escape(entry.source), "[bold red]error[/]", "", *[""] * len(CHECK_NAMES))
            continue
        verdict = entry.verdict or ""
        label = f"[{VERDICT_STYLE.get(verdict, '')}]{verdict.replace('_', ' ')}[/]"
        counts = [str(entry.counts.get(name, 0) or "") for name in CHECK_NAMES]
        # files reused from an earlier run are dimmed (the totals line says how many)
        table.add_row(
            escape(entry.source),
            label,
            str(entry.score),
            *counts,
            style="dim" if entry.status == "cached" else None,
        )
    console.print(table)
    verdicts = Counter(e.verdict if e.status != "error" else "error" for e in result.entries)
    parts = [
        f"{verdicts[key]} {key.replace('_', ' ')}"
        for key in ("ready", "needs_review", "blocked", "error")
        if verdicts[key]
    ]
    reused = result.count("cached")
    console.print(
        f"{plural(len(result.entries), 'file')}: {', '.join(parts)}"
        + (
            f" ({reused} unchanged since the last run and not reviewed again, shown dimmed)"
            if reused
            else ""
        )
    )
    _print_reasons(result.entries, console)
    for entry in result.entries:
        if entry.status == "error":
            console.print(f"[red]error:[/] {escape(entry.error or entry.source)}")
        if entry.submit_error:
            console.print(f"[red]error:[/] {escape(entry.submit_error)}")
    for path in result.written:
        console.print(f"[dim]wrote {escape(str(path))}[/]")
