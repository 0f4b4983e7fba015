"""Fixtures and builders for the store tests: one suite, run on SQLite and on a real PostgreSQL.

PostgreSQL: a fresh database ``reviewer_test_<random>`` per test session on 127.0.0.1:5432 (trust
auth, user postgres), dropped at the end; each test gets its own schema in it, so tests never see
each other's rows and nothing needs deleting (the audit log forbids that anyway).
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.document import Document, parse_document
from reviewer.finding_ids import assign_ids
from reviewer.models import CheckResult
from reviewer.pipeline import PartialReview, build_report
from tests.finding_helpers import make_finding

PG_SERVER = os.environ.get("REVIEWER_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
PG_ADMIN_DB = "postgres"
REPO = Path(__file__).resolve().parents[1]

# Both states of each check a report needs so that only findings decide the verdict.
ALL_PASS = {name: CheckResult(status="pass", summary="ok") for name in ("structure", "pii")}


def draft(
    body: str = "Ein kurzer Text über Lead-Generierung.",
    *,
    doc_id: str | None = None,
    author: str | None = None,
    title: str = "Titel",
) -> str:
    """Markdown with front matter, as a copywriter submits it."""
    front = ["---", f'title: "{title}"', "language: de"]
    if doc_id is not None:
        front.append(f"id: {doc_id}")
    if author is not None:
        front.append(f"author: {author}")
    front.append("---")
    return "\n".join(front) + f"\n# {title}\n\n{body}\n"


def document(text: str, source: str = "docs/a.md") -> Document:
    return parse_document(text, source)


def report_for(doc: Document, *, errors: tuple[str, ...] = (), warnings: tuple[str, ...] = ()):
    """A real Report (built by the pipeline's build_report) with error findings quoting the given
    strings of the draft, and document-level warnings."""
    findings = []
    for quote in errors:
        start = doc.content.index(quote)
        findings.append(
            make_finding(
                doc,
                check="pii",
                rule="pii.person",
                severity="error",
                message="Personal name",
                category="PERSON",
                start=start,
                end=start + len(quote),
            )
        )
    for rule in warnings:
        findings.append(
            make_finding(
                doc, check="structure", rule=rule, severity="warning", message=f"problem {rule}"
            )
        )
    assign_ids(findings)
    checks = dict(ALL_PASS)
    if errors:
        checks["pii"] = CheckResult(status="fail", summary=f"{len(errors)} errors")
    return build_report(doc, PartialReview(checks=checks, findings=findings))


def submit(store, text: str, source: str = "docs/a.md", *, by: str | None = "writer", **findings):
    doc = document(text, source)
    return store.submit(doc, report_for(doc, **findings), by=by)


# --- database fixtures -----------------------------------------------------------------
def _pg_admin():
    import psycopg

    url = PG_SERVER.replace("postgresql+psycopg://", "postgresql://")
    return psycopg.connect(f"{url}/{PG_ADMIN_DB}", autocommit=True, connect_timeout=5)


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session; fails (never skips) when the server
    is not there — run .ci/ensure_postgres.sh."""
    name = f"reviewer_test_{secrets.token_hex(4)}"
    try:
        with _pg_admin() as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except Exception as exc:  # noqa: BLE001 - turn any connection problem into one clear failure
        pytest.fail(
            f"PostgreSQL at {PG_SERVER} is needed for the store tests (.ci/ensure_postgres.sh): {exc}"
        )
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        with _pg_admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    """A database URL with an empty schema, once per backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'reviews.db'}"
    database = request.getfixturevalue("pg_database")
    schema = f"t_{secrets.token_hex(4)}"
    import psycopg

    with psycopg.connect(
        database.replace("postgresql+psycopg://", "postgresql://"), autocommit=True
    ) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return f"{database}?options=-csearch_path%3D{schema}"


@pytest.fixture
def store(store_url):
    from reviewer.store import open_store

    with open_store(url=store_url) as opened:
        yield opened


# --- the command line --------------------------------------------------------------------
def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120):
    """``reviewer ARGS`` in a real process, as scripts and CI call it."""
    full_env = {k: v for k, v in os.environ.items() if k != "REVIEWER_DATABASE_URL"}
    full_env.update({"COLUMNS": "200", **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "reviewer", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full_env,
        timeout=timeout,
    )


def cli(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    """``reviewer ARGS`` in this process through ``reviewer.cli.main`` (so ReviewerErrors become
    exit 2 exactly as for users); returns (exit code, stdout, stderr)."""
    from click.testing import CliRunner

    from reviewer.cli import main

    runner = CliRunner()
    with runner.isolation(input=stdin, env={"COLUMNS": "200"}) as (out, err, _):
        saved = sys.argv
        sys.argv = ["reviewer", *args]
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        finally:
            sys.argv = saved
        return code, out.getvalue().decode(), err.getvalue().decode()


STRUCTURE_ONLY = """\
[checks]
pii = false
readability = false
keywords = false
guidelines = false
critique = false

[rules]
"structure.missing_required_section" = "error"
"""


def project(tmp_path: Path) -> Path:
    """A project folder whose config runs only the structure check, where a missing required
    section is an error: real reviews, fast, with a predictable blocking finding."""
    (tmp_path / "reviewer.toml").write_text(STRUCTURE_ONLY, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    return tmp_path


def cli_draft(
    body: str = "Ein kurzer Text.", *, required: str | None = None, doc_id: str | None = None
) -> str:
    front = ["---", 'title: "Titel"', "language: de"]
    if required:
        front.append(f'required_sections: ["{required}"]')
    if doc_id:
        front.append(f"id: {doc_id}")
    return "\n".join([*front, "---", "# Titel", "", body, ""])


# --- multiprocessing workers (importable by spawned processes) ---------------------------
def decide_worker(
    url: str, revision_ids: list[int], action: str, name: str, barrier, results
) -> None:
    """Wait with the other editors, then all act on the same revision at once."""
    from reviewer.store import ConflictError, open_store

    with open_store(url=url) as store:
        for revision_id in revision_ids:
            barrier.wait(timeout=60)
            try:
                if action == "approve":
                    store.approve(revision_id, by=name)
                else:
                    getattr(store, action)(revision_id, by=name, note=f"{action} by {name}")
            except ConflictError as exc:
                results.put((revision_id, name, action, "conflict", str(exc)))
            except Exception as exc:  # noqa: BLE001 - report anything else to the test
                results.put((revision_id, name, action, "error", f"{type(exc).__name__}: {exc}"))
            else:
                results.put((revision_id, name, action, "ok", ""))


def submit_worker(url: str, n: int, barrier, results) -> None:
    """Submit a different revision of the same document at the same moment as the others."""
    from reviewer.store import open_store

    with open_store(url=url) as store:
        barrier.wait(timeout=60)
        try:
            view = submit(store, draft(f"Fassung Nummer {n}.", doc_id="shared"), f"docs/{n}.md")
            results.put((n, "ok", view.id))
        except Exception as exc:  # noqa: BLE001
            results.put((n, "error", f"{type(exc).__name__}: {exc}"))
