"""`reviewer redact FILE [-o OUT]`: a copy of a draft with personal data replaced by placeholders.

Each item becomes a numbered placeholder (``<PERSON_1>``, ``<PHONE_NUMBER_1>``) that stays the same
for the same original throughout, so the copy still reads sensibly for an outside editor or a
language model; the front matter is copied unchanged.
"""

from __future__ import annotations

from typing import Annotated

import typer

from reviewer.commands.common import ConfigOpt, LanguageOpt


def redact(
    file: Annotated[str, typer.Argument(help="Draft to redact (.md or .txt); '-' reads stdin.")],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write the redacted copy here instead of stdout."),
    ] = None,
    config: ConfigOpt = None,
    language: LanguageOpt = None,
) -> None:
    """Replace personal data in the body with consistent placeholders; the front matter stays as is."""
    from pathlib import Path

    from reviewer.checks.pii.redact import redact as redact_text
    from reviewer.config import load_config
    from reviewer.document import load_document
    from reviewer.errors import InputError

    if output is not None and file != "-" and Path(output).resolve() == Path(file).resolve():
        raise InputError(
            f"{output}: refusing to overwrite the draft itself; choose another --output"
        )
    settings = load_config(config)
    doc = load_document(file, language=language)
    result = redact_text(doc.content, doc.language, settings.pii, start=doc.body_start)
    if output is None:
        typer.echo(result.text, nl=False)
    else:
        _write(Path(output), result.text)
    counts: dict[str, int] = {}
    for placeholder in result.mapping:
        kind = placeholder.strip("<>").rsplit("_", 1)[0]
        counts[kind] = counts.get(kind, 0) + 1
    summary = ", ".join(f"{n} {kind.lower()}" for kind, n in sorted(counts.items())) or "nothing"
    typer.echo(f"redacted {summary}" + (f" -> {output}" if output else ""), err=True)


def _write(path, text: str) -> None:
    """Whole file or nothing (the batch command's atomic write), with a one-line error."""
    from reviewer.batch.state import atomic_write
    from reviewer.errors import InputError

    try:
        atomic_write(path, text)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def register(app: typer.Typer) -> None:
    app.command()(redact)
