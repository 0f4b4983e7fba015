"""How fast the review store is on SQLite and PostgreSQL: submit, decide, look up, list, open.

    python bench/store_bench.py [N]

Each operation runs N times (default 200) on a fresh store; prints median and p95 in ms. The
PostgreSQL part uses a throw-away database on 127.0.0.1:5432 (dropped at the end) and is left
out with a note when no server answers. Also times `reviewer check-approved FILE` end to end.
"""

from __future__ import annotations

import os
import resource
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reviewer.checks.base import Rule
from reviewer.document import parse_document
from reviewer.finding_ids import assign_ids
from reviewer.models import CheckResult
from reviewer.pipeline import PartialReview, build_report
from reviewer.store import open_store
from reviewer.store import service as store_service

PG = "postgresql://postgres@127.0.0.1:5432"
BODY = "Marketing-Automation entlastet kleine Teams. " * 60  # ~3 KB, a short blog post


def draft(n: int) -> str:
    return f'---\ntitle: "Beitrag {n}"\nlanguage: de\nauthor: Mara\n---\n# Beitrag {n}\n\n{BODY}\nJana Albrecht, Nummer {n}.\n'


def make_finding(doc, *, check: str, rule: str, severity: str, message: str, **kwargs):
    """A finding of an ad-hoc rule: the bench needs reports of a given shape, not a check's output."""
    adhoc = Rule(id=rule, check=check, severity=severity, title=rule, explanation="", fix="")
    return doc.finding(adhoc, message=message, **kwargs)


def revision(n: int):
    doc = parse_document(draft(n), f"docs/post{n}.md")
    start = doc.content.index("Jana Albrecht")
    findings = [
        make_finding(
            doc,
            check="pii",
            rule="pii.person",
            severity="error",
            message="name",
            start=start,
            end=start + 13,
        )
    ]
    findings += [
        make_finding(
            doc, check="structure", rule=f"structure.r{i}", severity="warning", message="w"
        )
        for i in range(4)
    ]
    assign_ids(findings)
    checks = {
        "pii": CheckResult(status="fail", summary="1 error"),
        "structure": CheckResult(status="warn", summary="4"),
    }
    return doc, build_report(doc, PartialReview(checks=checks, findings=findings))


def timed(calls: list[Callable[[], object]]) -> tuple[float, float]:
    samples = []
    for call in calls:
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def run(url: str, n: int) -> dict[str, tuple[float, float]]:
    prepared = [revision(i) for i in range(n)]
    results: dict[str, tuple[float, float]] = {}
    start = time.perf_counter()
    store = open_store(url=url)
    results["open (create + migrate)"] = ((time.perf_counter() - start) * 1000,) * 2
    with store:
        views: list = []
        results["submit"] = timed(
            [lambda d=d, r=r: views.append(store.submit(d, r, by="bench")) for d, r in prepared]
        )
        finding = {
            v.id: next(f.id for f in v.report.findings if f.severity == "error") for v in views
        }
        results["waive"] = timed(
            [
                lambda v=v: store.waive(v.id, finding[v.id], by="bench", reason="consent")
                for v in views
            ]
        )
        results["approve"] = timed([lambda v=v: store.approve(v.id, by="bench") for v in views])
        results["check_approved"] = timed(
            [lambda v=v: store.check_approved(v.content_sha256) for v in views]
        )
        results["get (full)"] = timed([lambda v=v: store.get(v.id) for v in views])
        results[f"queue (all {n})"] = timed([lambda: store.queue() for _ in range(20)])
        results[f"audit (all {4 * n} rows)"] = timed([lambda: store.audit() for _ in range(20)])
    store_service._migrated.discard(url)
    start = time.perf_counter()
    open_store(url=url).close()
    results["open (existing)"] = ((time.perf_counter() - start) * 1000,) * 2
    return results


def cli_gate(url: str, folder: Path) -> tuple[float, float]:
    """Median wall time and CPU time (user + sys) of the whole process: the CPU time is what the
    command costs on an idle machine, the wall time also shows how busy this one is."""
    file = folder / "post0.md"
    file.write_text(draft(0), encoding="utf-8")
    wall, cpu = [], []
    for _ in range(5):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "reviewer", "check-approved", str(file), "--db", url],
            capture_output=True,
            text=True,
            cwd=folder,
        )
        wall.append((time.perf_counter() - start) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
        assert done.returncode == 0, done.stderr
    return statistics.median(wall), statistics.median(cpu)


def show(name: str, results: dict[str, tuple[float, float]]) -> None:
    print(f"\n{name}")
    for operation, (median, p95) in results.items():
        print(f"  {operation:<24} median {median:8.2f} ms   p95 {p95:8.2f} ms")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    print(
        f"store bench: {n} revisions (3 KB draft, 5 findings each); load average {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'reviews.db'}"
        show("SQLite (WAL, file)", run(url, n))
        wall, cpu = cli_gate(url, Path(tmp))
        print(
            f"  {'reviewer check-approved':<24} median {wall:8.2f} ms   cpu {cpu:8.2f} ms (whole process)"
        )
    try:
        import psycopg

        admin = psycopg.connect(f"{PG}/postgres", autocommit=True, connect_timeout=3)
    except Exception as exc:  # noqa: BLE001 - the bench reports, it does not fail
        print(f"\nPostgreSQL: not measured ({exc})")
        return
    name = f"reviewer_bench_{secrets.token_hex(4)}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        show("PostgreSQL (127.0.0.1)", run(f"{PG}/{name}", n))
    finally:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.close()


if __name__ == "__main__":
    main()
