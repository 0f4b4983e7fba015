"""Several processes against one store: exactly one decision wins, nothing is half-written, and a
batch submit killed with SIGKILL leaves a consistent store."""

from __future__ import annotations

import hashlib
import multiprocessing
import signal
import subprocess
import sys
from collections import Counter, defaultdict

from sqlalchemy import text

from reviewer.models import Report
from reviewer.store import open_store
from tests.store_helpers import (
    decide_worker,
    draft,
    submit,
    submit_worker,
)

EDITORS = [
    ("alice", "approve"),
    ("bob", "reject"),
    ("carol", "request_changes"),
    ("dave", "approve"),
]
ROUNDS = 4
STATE = {"approve": "approved", "reject": "rejected", "request_changes": "changes_requested"}


def _collect(results, expected: int) -> list[tuple]:
    return [results.get(timeout=120) for _ in range(expected)]


def test_concurrent_decisions_from_several_processes(store, store_url):
    revisions = [submit(store, draft(f"Text {n}."), f"docs/{n}.md").id for n in range(ROUNDS)]
    ctx = multiprocessing.get_context("fork")
    store.engine.dispose()  # children open their own connections; none are inherited in use
    barrier = ctx.Barrier(len(EDITORS))
    results = ctx.Queue()
    workers = [
        ctx.Process(
            target=decide_worker, args=(store_url, revisions, action, name, barrier, results)
        )
        for name, action in EDITORS
    ]
    for worker in workers:
        worker.start()
    outcomes = _collect(results, len(EDITORS) * ROUNDS)
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0

    by_revision: dict[int, list[tuple]] = defaultdict(list)
    for outcome in outcomes:
        by_revision[outcome[0]].append(outcome)
    assert sorted(by_revision) == sorted(revisions)
    for revision_id, attempts in by_revision.items():
        kinds = Counter(attempt[3] for attempt in attempts)
        assert kinds == {"ok": 1, "conflict": len(EDITORS) - 1}, attempts
        (winner,) = [a for a in attempts if a[3] == "ok"]
        _, name, action, _, _ = winner
        view = store.get(revision_id)
        assert (view.status, view.decided_by) == (STATE[action], name)
        for loser in (a for a in attempts if a[3] == "conflict"):
            assert name in loser[4] or "changed by someone else" in loser[4], loser
        decisions = [e for e in store.audit(revision_id) if e.action != "submit"]
        assert [(e.action, e.actor) for e in decisions] == [(action, name)]


def test_concurrent_submissions_of_one_document(store, store_url):
    first = submit(store, draft("Fassung null.", doc_id="shared"), "docs/0.md")
    ctx = multiprocessing.get_context("fork")
    store.engine.dispose()
    count = 4
    barrier = ctx.Barrier(count)
    results = ctx.Queue()
    workers = [
        ctx.Process(target=submit_worker, args=(store_url, n, barrier, results))
        for n in range(1, count + 1)
    ]
    for worker in workers:
        worker.start()
    outcomes = _collect(results, count)
    for worker in workers:
        worker.join(timeout=60)
    assert all(o[1] == "ok" for o in outcomes), outcomes

    history = store.history(first.document_id)
    assert [h.number for h in history] == list(range(1, count + 2))
    assert Counter(h.status for h in history) == {"superseded": count, "pending": 1}
    assert history[-1].status == "pending"
    assert Counter(e.action for e in store.audit()) == {"submit": count + 1, "supersede": count}


# --- killed in the middle of a batch submit ---------------------------------------------------
FILES = 200
KILL_AT = 25  # the submission that is inside its transaction when the process is killed
SUBMITTER = """
import sys, time
from reviewer.store import open_store, service
from tests.store_helpers import document, report_for

url, folder, count, kill_at = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
inner = service.Store._submit

def held_open(self, session, doc, report, key, by):
    view = inner(self, session, doc, report, key, by)  # rows written, transaction not committed
    if doc.content.endswith(f"Revision {kill_at}.\\n"):
        print("inside", flush=True)
        time.sleep(120)
    return view

service.Store._submit = held_open
with open_store(url=url) as store:
    for n in range(count):
        source = f"{folder}/doc{n % 10}.md"
        text = open(source, encoding="utf-8").read() + "Füllsatz. " * 500 + f"\\nRevision {n}.\\n"
        doc = document(text, f"docs/doc{n % 10}.md")
        store.submit(doc, report_for(doc, errors=("Jana Albrecht",)), by="batch")
        print(n, flush=True)
"""


def test_killing_a_batch_submit_leaves_the_store_consistent(store_url, tmp_path):
    from tests.store_helpers import REPO

    folder = tmp_path / "drafts"
    folder.mkdir()
    for n in range(10):
        (folder / f"doc{n}.md").write_text(
            draft(f"Wir danken Jana Albrecht für Text {n}."), encoding="utf-8"
        )
    with open_store(url=store_url):
        pass  # schema in place before the submitter starts
    process = subprocess.Popen(
        [sys.executable, "-c", SUBMITTER, store_url, str(folder), str(FILES), str(KILL_AT)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = []
        while not lines or lines[-1] != "inside":
            line = process.stdout.readline()
            assert line, process.stderr.read()
            lines.append(line.strip())
        assert process.poll() is None
        process.send_signal(signal.SIGKILL)  # in the middle of submission number KILL_AT
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    assert lines[:-1] == [str(n) for n in range(KILL_AT)]

    with open_store(url=store_url) as store:
        _assert_consistent(store)
        stored = store.queue()
        assert len(stored) == KILL_AT  # every committed submission, none of the killed one
        # still usable: the next submit continues the numbering of its document
        after = submit(store, draft("Nach dem Abbruch."), f"docs/doc{KILL_AT % 10}.md")
        history = store.history(after.document_id)
        assert [h.number for h in history] == list(range(1, len(history) + 1))
        assert len(history) == len([n for n in range(KILL_AT) if n % 10 == KILL_AT % 10]) + 1
        _assert_consistent(store)


def _assert_consistent(store) -> None:
    with store.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert conn.execute(text("PRAGMA foreign_key_check")).fetchall() == []
    revisions = store.queue()
    audit = store.audit()
    submits = Counter(e.revision_id for e in audit if e.action == "submit")
    assert submits == Counter({r.id: 1 for r in revisions})  # exactly one submit row per revision
    assert {e.revision_id for e in audit} <= {r.id for r in revisions}
    supersedes = Counter(e.revision_id for e in audit if e.action == "supersede")
    by_document: dict[int, list] = defaultdict(list)
    for revision in revisions:
        full = store.get(revision.id)
        assert isinstance(full.report, Report)
        assert full.report.content_sha256 == full.content_sha256
        assert hashlib.sha256(full.content.encode("utf-8")).hexdigest() == full.content_sha256
        assert (revision.status == "superseded") == (supersedes[revision.id] == 1)
        by_document[revision.document_id].append(revision)
    for history in by_document.values():
        assert [r.number for r in history] == list(range(1, len(history) + 1))
        assert sum(r.status == "pending" for r in history) == 1
