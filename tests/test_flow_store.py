"""The store as people read it: one revision number everywhere, refusals that name only the
findings still open, counts after waivers, and waivers carried over to a new revision credited
to the person who made them."""

from __future__ import annotations

import pytest

from reviewer.store import InvalidTransition
from reviewer.store.errors import BlockedError
from tests.store_helpers import cli, draft, submit

TWO_NAMES = "Fragen an Jana Albrecht oder Tom Weber."


def test_refusal_lists_only_the_errors_still_open(store):
    first = submit(store, draft(TWO_NAMES), errors=("Jana Albrecht", "Tom Weber"))
    jana, tom = (f.id for f in first.report.findings if f.severity == "error")
    store.waive(first.id, jana, by="alice", reason="consent on file")
    with pytest.raises(BlockedError) as refused:
        store.approve(first.id, by="alice")
    assert isinstance(refused.value, InvalidTransition)
    assert [f.id for f in refused.value.open_errors] == [tom]
    message = str(refused.value)
    assert "blocked by 1 error finding not waived" in message
    assert tom in message and jana not in message


def test_counts_after_waivers_in_every_read(store):
    first = submit(store, draft(TWO_NAMES), errors=("Jana Albrecht", "Tom Weber"))
    jana = next(f.id for f in first.report.findings if f.severity == "error")
    store.waive(first.id, jana, by="alice", reason="consent on file")
    assert store.get(first.id).open_counts["error"] == 1
    assert store.get(first.id).finding_counts["error"] == 2
    [queued] = store.queue()
    assert queued.open_counts == {"error": 1, "warning": 0, "info": 0}
    assert store.history(first.document_id)[0].open_counts["error"] == 1


def test_carried_over_waiver_is_credited_to_who_waived_it(store):
    first = submit(store, draft(TWO_NAMES), errors=("Jana Albrecht",), by="writer")
    finding = first.report.findings[0].id
    store.waive(first.id, finding, by="alice", reason="consent on file")
    second = submit(store, draft(TWO_NAMES + " Neu."), errors=("Jana Albrecht",), by="bob")
    [waiver] = second.waivers
    assert (waiver.by, waiver.carried_from) == ("alice", first.id)
    entry = next(e for e in store.audit(second.id) if e.action == "waive")
    assert entry.actor == "alice"
    assert "carried over from revision" in entry.note and "by bob" in entry.note
    submitted = next(e for e in store.audit(second.id) if e.action == "submit")
    assert submitted.actor == "bob"


def test_one_revision_number_in_cli_messages(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reviewer.toml").write_text(
        "[checks]\npii = false\nreadability = false\nkeywords = false\nguidelines = false\n"
        "critique = false\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "r.db")
    for n in (1, 2):
        (tmp_path / f"d{n}.md").write_text(draft(f"Text {n}.", doc_id=f"doc-{n}"), "utf-8")
        cli("submit", f"d{n}.md", "--db", db)
    (tmp_path / "d2.md").write_text(draft("Text 2, neu.", doc_id="doc-2"), "utf-8")
    code, out, err = cli("submit", "d2.md", "--db", db)
    assert code == 0, err
    # The number people type is the one they read: revision 3, the second submission of doc-2.
    assert "revision 3 (id:doc-2, submission 2" in out and "#" not in out
    code, out, _ = cli("approve", "3", "--by", "alice", "--db", db)
    assert out.strip() == "revision 3 (id:doc-2) approved by alice"
    code, out, _ = cli("show", "3", "--db", db)
    assert "revision 3  id:doc-2, submission 2" in out and "#" not in out
    code, out, _ = cli("audit", "3", "--db", db)
    assert "revision 3" in out and "submission 2 of id:doc-2" in out


def test_show_lists_errors_first_and_triage_numbers_follow_the_list(store):
    import io
    import re

    from rich.console import Console

    from reviewer.commands.store_output import print_findings, print_revision

    stored = submit(
        store, draft(TWO_NAMES), errors=("Tom Weber",), warnings=("structure.word_count",)
    )
    assert [f.severity for f in stored.report.findings] == ["warning", "error"]  # draft order
    out = io.StringIO()
    print_revision(store.get(stored.id), Console(file=out, width=200))
    listed = re.findall(r"^\s+(error|warning|info)\s", out.getvalue(), re.M)
    assert listed == ["error", "warning"]
    out = io.StringIO()
    print_revision(store.get(stored.id), Console(file=out, width=200), sort="position")
    assert re.findall(r"^\s+(error|warning|info)\s", out.getvalue(), re.M) == ["warning", "error"]
    shown = print_findings(store.get(stored.id), Console(file=io.StringIO()), numbered=True)
    assert shown[0].severity == "error"  # "1" typed in triage waives the first line printed


def test_piped_queue_keeps_whole_titles_and_counts_after_waivers(store):
    import io

    from rich.console import Console

    from reviewer.commands.store_output import print_queue

    title = "Ein sehr langer Titel für einen Leitfaden zur Nachbereitung von Messekontakten"
    first = submit(store, draft(TWO_NAMES, title=title), errors=("Jana Albrecht", "Tom Weber"))
    store.waive(first.id, first.report.findings[0].id, by="alice", reason="consent on file")
    out = io.StringIO()
    print_queue(store.queue(), Console(file=out, width=60))  # a file: not a terminal
    row = out.getvalue().splitlines()[1]
    assert title in row and " 1/0/0 " in row  # 2 errors in the report, 1 waived
