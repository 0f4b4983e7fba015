"""`reviewer batch PATH...`: review folders of drafts in parallel, with reports for people and CI."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from reviewer.commands.common import ConfigOpt, Level, NoCacheOpt, NoCritiqueOpt, console


def batch(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Drafts and folders; folders are searched recursively for .md, .txt and .docx files."
        ),
    ],
    glob: Annotated[
        str | None,
        typer.Option(
            "--glob",
            help="Take the files matching this pattern from folders instead of *.md/*.txt/*.docx, e.g. '*.markdown', '*.html' or 'blog/**/*.md'.",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes for the checks (default: the number of CPUs).",
        ),
    ] = None,
    out: Annotated[
        Path,
        typer.Option(
            "--out", "-o", help="Folder for the reports, the summary and the resume manifest."
        ),
    ] = Path("out"),
    format: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help="Reports: any of json,md,html,sarif,junit,docx (comma-separated or repeated) (default: json,html); json is always written; docx writes a commented copy of each Word draft.",
        ),
    ] = None,
    fail_on: Annotated[
        Level | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a finding is at or above this level (default: error, or fail_on in the config).",
        ),
    ] = None,
    submit: Annotated[
        bool,
        typer.Option(
            "--submit",
            help="Store each reviewed revision and its report for human approval.",
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Review every file again, even when it and the configuration are unchanged.",
        ),
    ] = False,
    config: ConfigOpt = None,
    no_critique: NoCritiqueOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Review many drafts: parallel checks, resumable, HTML/Markdown/SARIF/JUnit reports.

    Exit code: 2 when a file could not be read or parsed (it is reported and skipped, the others are reviewed), else 1 when any finding is at or above --fail-on, else 0.
    """

    from reviewer.batch import BatchOptions, run_batch
    from reviewer.batch.console import RichProgress, print_summary
    from reviewer.batch.outputs import parse_formats
    from reviewer.checks.base import ReviewOptions
    from reviewer.config import load_config

    settings = load_config(config)
    options = BatchOptions(
        paths=paths,
        out_dir=out,
        glob=glob,
        jobs=jobs or _cpus(),
        formats=parse_formats(format or ["json,html"]),
        fail_on=fail_on.value if fail_on else settings.fail_on,
        submit=submit,
        force=force,
        review=ReviewOptions(use_cache=not no_cache, run_critique=not no_critique),
    )
    with RichProgress() as progress:
        try:
            result = run_batch(settings, options, progress)
        except KeyboardInterrupt:
            progress.console.print(
                f"reviewer: interrupted after {progress.completed} of {progress.total} files; "
                "run the same command again to review the rest"
            )
            raise typer.Exit(130) from None
    print_summary(result, console())
    raise typer.Exit(result.exit_code)


def _cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def register(app: typer.Typer) -> None:
    app.command()(batch)
