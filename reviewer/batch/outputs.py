"""Where a batch writes its reports, and the batch-wide ones written at the end.

Per file, under ``--out``/files/ mirroring the folders of the drafts (below their common folder):
``NAME.json`` (always: it is the contract and what a resumed batch reuses), ``NAME.md`` and
``NAME.html`` when asked for, and ``NAME.reviewed.docx`` (the Word draft with the findings as
comments) for Word drafts when docx is asked for. For the whole batch: ``summary.jsonl`` (always, as files finish),
``index.html`` (with html), ``summary.md`` (with md), ``results.sarif`` and ``junit.xml``.
Every file is written whole or not at all.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.batch.state import atomic_write
from reviewer.batch.summary import FileEntry
from reviewer.errors import InputError
from reviewer.models import Report
from reviewer.reading import shown

if TYPE_CHECKING:
    from reviewer.registry import Rule

FORMATS = ("json", "md", "html", "sarif", "junit", "docx")
PER_FILE = {"json": ".json", "md": ".md", "html": ".html"}
COMMENTED_DOCX = ".reviewed.docx"  # per Word draft: files/NAME.reviewed.docx
INDEX_HTML, SUMMARY_MD, SARIF_FILE, JUNIT_FILE = (
    "index.html",
    "summary.md",
    "results.sarif",
    "junit.xml",
)


def parse_formats(value: str | list[str]) -> frozenset[str]:
    """``json,md,html`` (or repeated options) to a set; json is always included."""
    items = value if isinstance(value, list) else [value]
    chosen = {part.strip().lower() for item in items for part in item.split(",") if part.strip()}
    unknown = sorted(chosen - set(FORMATS))
    if unknown:
        raise InputError(
            f"--format: unknown format {', '.join(unknown)} (choose from {', '.join(FORMATS)})"
        )
    return frozenset(chosen | {"json"})


class OutputLayout:
    """Maps each draft to its report files inside the output folder."""

    def __init__(
        self, out_dir: Path, drafts: list[Path], rules: dict[str, Rule] | None = None
    ) -> None:
        self.out_dir = out_dir
        self.root = _common_folder(drafts)
        self.rules = rules  # the registry's catalog: rule titles for SARIF, JUnit and HTML

    def paths_for(self, draft: Path, formats: frozenset[str]) -> dict[str, str]:
        """Report paths relative to the output folder, for the per-file formats asked for."""
        try:
            relative = draft.relative_to(self.root).as_posix()
        except ValueError:  # pragma: no cover - the root is the drafts' common folder
            relative = draft.name
        relative = shown(relative)  # report files get printable names, like the reports' sources
        paths = {
            fmt: f"files/{relative}{suffix}" for fmt, suffix in PER_FILE.items() if fmt in formats
        }
        if "docx" in formats and draft.suffix.lower() == ".docx":
            paths["docx"] = f"files/{relative.removesuffix(draft.suffix)}{COMMENTED_DOCX}"
        return paths

    def absolute(self, relative: str) -> Path:
        return self.out_dir / relative

    def write_file_reports(
        self,
        report: Report,
        content: str | None,
        outputs: dict[str, str],
        *,
        only_missing: bool = False,
    ) -> None:
        """Write the per-file reports; with ``only_missing``, keep the ones already there."""
        for fmt, relative in outputs.items():
            target = self.absolute(relative)
            if only_missing and target.exists():
                continue
            if fmt == "docx":
                from reviewer.render.docx import render_docx

                render_docx(report, report.source, target)  # writes whole or not at all
                continue
            atomic_write(target, self._render(fmt, report, content, target))

    def write_batch_reports(
        self,
        entries: list[FileEntry],
        formats: frozenset[str],
        *,
        fail_on: str,
    ) -> list[Path]:
        """The batch-wide reports, from the summary entries and the per-file JSON on disk."""
        written: list[Path] = []
        if "html" in formats:
            from reviewer.render.html import render_index

            written.append(self._write(INDEX_HTML, render_index([e.to_dict() for e in entries])))
        if "md" in formats:
            from reviewer.render.markdown import render_summary_markdown

            written.append(
                self._write(SUMMARY_MD, render_summary_markdown([e.to_dict() for e in entries]))
            )
        failures = [
            (e.source, e.error or "could not be reviewed") for e in entries if e.status == "error"
        ]
        if "sarif" in formats:
            from reviewer.render.sarif import render_sarif

            reports = (report for report, _ in self._reports(entries))
            sarif = render_sarif(reports, failures=failures, rules=self.rules)
            written.append(self._write(SARIF_FILE, sarif))
        if "junit" in formats:
            from reviewer.render.junit import render_junit

            written.append(
                self._write(
                    JUNIT_FILE,
                    render_junit(
                        self._reports(entries), failures=failures, fail_on=fail_on, rules=self.rules
                    ),
                )
            )
        return written

    def load_report(self, relative: str) -> Report | None:
        try:
            return Report.model_validate_json(self.absolute(relative).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _reports(self, entries: list[FileEntry]) -> Iterator[tuple[Report, float | None]]:
        """One report at a time from disk: a batch-wide report never holds all drafts' data twice."""
        for entry in entries:
            if entry.status == "error" or "json" not in entry.outputs:
                continue
            report = self.load_report(entry.outputs["json"])
            if report is not None:
                yield report, entry.seconds

    def _render(self, fmt: str, report: Report, content: str | None, target: Path) -> str:
        if fmt == "json":
            from reviewer.render.json import render_json

            return render_json(report) + "\n"
        if fmt == "md":
            from reviewer.render.markdown import render_markdown

            return render_markdown(report)
        from reviewer.render.html import render_html

        index_href = Path(os.path.relpath(self.out_dir / INDEX_HTML, target.parent)).as_posix()
        return render_html(report, content, index_href=index_href, rules=self.rules)

    def _write(self, name: str, text: str) -> Path:
        target = self.out_dir / name
        atomic_write(target, text)
        return target


def _common_folder(drafts: list[Path]) -> Path:
    if not drafts:
        return Path.cwd()
    try:
        return Path(os.path.commonpath([str(d.parent) for d in drafts]))
    except ValueError:  # pragma: no cover - different drives on Windows
        return Path(drafts[0].anchor)
