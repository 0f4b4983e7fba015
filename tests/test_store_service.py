"""The Store on SQLite and on PostgreSQL: revisions, every state transition, waivers, overrides,
the hash gate and the append-only audit log."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import text

from reviewer.errors import InputError
from reviewer.store import ConflictError, InvalidTransition, NotFoundError, open_store
from reviewer.store.gate import check_text, content_sha256
from tests.store_helpers import document, draft, report_for, submit

NAME = "Jana Albrecht"
BLOCKED = draft(f"Wir danken {NAME} für das Gespräch.")


# --- submitting -----------------------------------------------------------------------------
def test_submit_stores_exact_content_hash_brief_and_report(store):
    text_ = draft("Zeile mit Umlauten: Größe, Übermaß.\r\nZweite Zeile.", author="Mara Stein")
    doc = document(text_, "docs/a.md")
    report = report_for(doc, warnings=("structure.word_count",))
    view = store.submit(doc, report, by="writer")

    stored = store.get(view.id)
    assert stored.content == doc.content
    assert (
        stored.content_sha256
        == hashlib.sha256(doc.content.encode("utf-8")).hexdigest()
        == report.content_sha256
    )
    assert stored.report == report
    assert stored.brief["title"] == "Titel"
    assert (stored.status, stored.number, stored.version) == ("pending", 1, 1)
    assert stored.document_key == "path:docs/a.md"
    assert stored.author == "Mara Stein"
    assert stored.submitted_by == "writer"
    assert stored.language == "de"
    assert stored.verdict == stored.effective_verdict == "needs_review"
    assert stored.finding_counts == {"error": 0, "warning": 1, "info": 0}
    assert stored.submitted_at.tzinfo is not None


def test_report_for_other_content_is_refused(store):
    doc = document(draft("eins"))
    other = report_for(document(draft("zwei")))
    with pytest.raises(InputError, match="other content"):
        store.submit(doc, other)


def test_resubmitting_adds_revisions_and_keeps_earlier_decisions(store):
    first = submit(store, draft("Fassung eins."))
    store.approve(first.id, by="alice")
    second = submit(store, draft("Fassung zwei."))
    third = submit(store, draft("Fassung drei."))

    assert [second.number, third.number] == [2, 3]
    assert second.document_id == first.document_id == third.document_id
    history = store.history(first.document_id)
    assert [(h.number, h.status) for h in history] == [
        (1, "approved"),
        (2, "superseded"),
        (3, "pending"),
    ]
    assert store.get(first.id).decided_by == "alice"
    assert store.history("path:docs/a.md") == history


def test_identical_content_is_not_stored_twice(store):
    first = submit(store, draft("Gleich."))
    again = submit(store, draft("Gleich."))
    assert again.unchanged and again.id == first.id
    assert len(store.history(first.document_id)) == 1
    assert [e.action for e in store.audit()] == ["submit"]


def test_front_matter_id_identifies_the_document_across_paths(store):
    a = submit(store, draft("Eins.", doc_id="whitepaper-7"), "drafts/old-name.md")
    b = submit(store, draft("Zwei.", doc_id="whitepaper-7"), "final/new-name.md")
    c = submit(store, draft("Zwei."), "final/new-name.md")  # no id: a different document
    assert a.document_key == b.document_key == "id:whitepaper-7"
    assert b.number == 2
    assert c.document_key == "path:final/new-name.md" and c.document_id != a.document_id


def test_paths_are_normalised_relative_to_the_project(store_url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open_store(url=store_url) as store:  # project root: the current folder at open time
        a = submit(store, draft("Eins."), "docs/./sub/../a.md")
        b = submit(store, draft("Zwei."), str(tmp_path / "docs" / "a.md"))
        c = submit(store, draft("Drei."), "/elsewhere/a.md")
    assert a.document_key == "path:docs/a.md" == b.document_key
    assert c.document_key == "path:/elsewhere/a.md"


def test_stdin_needs_an_id(store):
    doc = document(draft("Eins."), "<stdin>")
    with pytest.raises(InputError, match="needs an 'id'"):
        store.submit(doc, report_for(doc))


# --- transitions -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("action", "state"),
    [("approve", "approved"), ("reject", "rejected"), ("request_changes", "changes_requested")],
)
def test_pending_to_each_decision(store, action, state):
    rev = submit(store, draft("Text."))
    kwargs = {} if action == "approve" else {"note": "weil"}
    decided = getattr(store, action)(rev.id, by="alice", **kwargs)
    assert decided.status == state
    assert decided.decided_by == "alice"
    assert decided.decided_at is not None
    assert decided.version == rev.version + 1
    entry = store.audit(rev.id)[-1]
    assert (entry.action, entry.from_state, entry.to_state, entry.actor) == (
        action,
        "pending",
        state,
        "alice",
    )
    assert entry.content_sha256 == rev.content_sha256


@pytest.mark.parametrize("first", ["approve", "reject", "request_changes"])
@pytest.mark.parametrize("second", ["approve", "reject", "request_changes"])
def test_a_decided_revision_cannot_be_decided_again(store, first, second):
    rev = submit(store, draft("Text."))
    getattr(store, first)(rev.id, by="alice", **({} if first == "approve" else {"note": "n"}))
    with pytest.raises(InvalidTransition, match="alice"):
        getattr(store, second)(rev.id, by="bob", **({} if second == "approve" else {"note": "n"}))
    assert store.get(rev.id).decided_by == "alice"
    assert [e.action for e in store.audit(rev.id)] == ["submit", first]


def test_superseded_revision_cannot_be_decided_or_waived(store):
    old = submit(store, BLOCKED, errors=(NAME,))
    submit(store, draft("Neu."))
    assert store.get(old.id).status == "superseded"
    with pytest.raises(InvalidTransition, match="newer revision"):
        store.approve(old.id, by="alice", override_reason="x")
    with pytest.raises(InvalidTransition):
        store.waive(old.id, store.get(old.id).report.findings[0].id, by="alice", reason="x")
    supersede = [e for e in store.audit(old.id) if e.action == "supersede"]
    assert len(supersede) == 1 and (supersede[0].from_state, supersede[0].to_state) == (
        "pending",
        "superseded",
    )


def test_reopen_revokes_a_decision_on_the_latest_revision_only(store):
    rev = submit(store, draft("Text."))
    store.approve(rev.id, by="alice")
    assert store.check_approved(rev.content_sha256) is not None
    with pytest.raises(InputError, match="note"):
        store.reopen(rev.id, by="bob", note=" ")
    reopened = store.reopen(rev.id, by="bob", note="Kunde hat Freigabe zurückgezogen")
    assert (reopened.status, reopened.decided_by, reopened.decision_note) == ("pending", None, None)
    assert store.check_approved(rev.content_sha256) is None
    with pytest.raises(InvalidTransition, match="pending"):
        store.reopen(rev.id, by="bob", note="again")
    store.reject(rev.id, by="carol", note="doch nicht")
    newer = submit(store, draft("Neu."))
    with pytest.raises(InvalidTransition, match="not the latest"):
        store.reopen(rev.id, by="bob", note="x")
    assert newer.status == "pending"
    actions = [(e.action, e.from_state, e.to_state) for e in store.audit(rev.id)]
    assert actions == [
        ("submit", None, "pending"),
        ("approve", "pending", "approved"),
        ("reopen", "approved", "pending"),
        ("reject", "pending", "rejected"),
    ]


@pytest.mark.parametrize("by", ["", "   ", None])
def test_every_decision_needs_a_name(store, by):
    rev = submit(store, draft("Text."))
    for call in (
        lambda: store.approve(rev.id, by=by),
        lambda: store.reject(rev.id, by=by, note="n"),
        lambda: store.request_changes(rev.id, by=by, note="n"),
        lambda: store.waive(rev.id, "x", by=by, reason="r"),
    ):
        with pytest.raises(InputError, match="--by"):
            call()
    assert store.get(rev.id).status == "pending"


def test_reject_and_request_changes_need_a_note(store):
    rev = submit(store, draft("Text."))
    with pytest.raises(InputError, match="note"):
        store.reject(rev.id, by="alice", note="")
    with pytest.raises(InputError, match="note"):
        store.request_changes(rev.id, by="alice", note="  ")
    assert store.get(rev.id).status == "pending"


def test_unknown_revision(store):
    with pytest.raises(NotFoundError, match="no revision 999"):
        store.get(999)
    with pytest.raises(NotFoundError):
        store.approve(999, by="alice")
    with pytest.raises(NotFoundError):
        store.audit(999)
    with pytest.raises(NotFoundError):
        store.history("path:nowhere.md")


def test_stale_expected_version_is_a_conflict(store):
    rev = submit(store, BLOCKED, errors=(NAME,))
    finding = store.get(rev.id).report.findings[0].id
    store.waive(rev.id, finding, by="bob", reason="Einwilligung liegt vor")
    with pytest.raises(ConflictError, match="changed since you loaded it"):
        store.approve(rev.id, by="alice", expected_version=rev.version)
    assert store.approve(rev.id, by="alice", expected_version=rev.version + 1).status == "approved"


# --- blocked, waivers, overrides --------------------------------------------------------------
def test_blocked_revision_needs_every_error_waived(store):
    body = f"{NAME} und Max Mustermann sprechen."
    rev = submit(store, draft(body), errors=(NAME, "Max Mustermann"))
    assert rev.effective_verdict == "blocked"
    first, second = (f.id for f in rev.report.findings)
    with pytest.raises(InvalidTransition, match="blocked") as info:
        store.approve(rev.id, by="alice")
    assert first in str(info.value) and second in str(info.value)

    waiver = store.waive(rev.id, first, by="bob", reason="Einwilligung liegt vor")
    assert (waiver.finding_id, waiver.by, waiver.reason, waiver.carried_from) == (
        first,
        "bob",
        "Einwilligung liegt vor",
        None,
    )
    assert store.get(rev.id).effective_verdict == "blocked"
    with pytest.raises(InvalidTransition, match="blocked"):
        store.approve(rev.id, by="alice")

    store.waive(rev.id, second, by="bob", reason="Person des öffentlichen Lebens")
    view = store.get(rev.id)
    assert view.effective_verdict == "ready" and view.verdict == "blocked"
    assert view.waived_ids == {first, second}
    assert store.approve(rev.id, by="alice").status == "approved"
    waives = [e for e in store.audit(rev.id) if e.action == "waive"]
    assert [(e.finding_id, e.note, e.actor) for e in waives] == [
        (first, "Einwilligung liegt vor", "bob"),
        (second, "Person des öffentlichen Lebens", "bob"),
    ]


def test_waiver_checks(store):
    rev = submit(store, BLOCKED, errors=(NAME,))
    finding = rev.report.findings[0].id
    with pytest.raises(NotFoundError, match="no finding"):
        store.waive(rev.id, "pii-0000000000", by="bob", reason="r")
    with pytest.raises(InputError, match="reason"):
        store.waive(rev.id, finding, by="bob", reason=" ")
    store.waive(rev.id, finding, by="bob", reason="ok")
    with pytest.raises(ConflictError, match="already waived by bob"):
        store.waive(rev.id, finding, by="carol", reason="again")
    store.approve(rev.id, by="alice")
    with pytest.raises(InvalidTransition):
        store.waive(rev.id, finding, by="bob", reason="late")


def test_override_is_recorded_and_needs_a_blocked_revision(store):
    rev = submit(store, BLOCKED, errors=(NAME,))
    approved = store.approve(
        rev.id, by="alice", override_reason="Rechtsabteilung hat freigegeben", note="eilig"
    )
    assert approved.status == "approved"
    assert approved.override_reason == "Rechtsabteilung hat freigegeben"
    assert approved.effective_verdict == "blocked"
    entry = store.audit(rev.id)[-1]
    assert (entry.action, entry.to_state) == ("override", "approved")
    assert "Rechtsabteilung hat freigegeben" in entry.note and "eilig" in entry.note

    fine = submit(store, draft("Harmlos."), "docs/b.md")
    with pytest.raises(InputError, match="not blocked"):
        store.approve(fine.id, by="alice", override_reason="unnötig")
    assert store.get(fine.id).status == "pending"


def test_waivers_carry_over_when_the_finding_is_unchanged(store):
    first = submit(store, BLOCKED, errors=(NAME,))
    finding = first.report.findings[0].id
    store.waive(first.id, finding, by="bob", reason="Einwilligung liegt vor")
    store.request_changes(first.id, by="alice", note="Einleitung kürzen")

    edited = draft(f"Kurz: Wir danken {NAME}.")
    second = submit(store, edited, errors=(NAME,))
    assert second.report.findings[0].id == finding  # same rule and quote: same stable id
    assert [(w.finding_id, w.carried_from, w.by) for w in second.waivers] == [
        (finding, first.id, "bob")
    ]
    assert second.effective_verdict == "ready" and second.verdict == "blocked"
    carried = [e for e in store.audit(second.id) if e.action == "waive"]
    assert len(carried) == 1 and "carried over" in carried[0].note

    third = submit(store, draft("Ohne Namen, aber Max Muster."), errors=("Max Muster",))
    assert third.waivers == () and third.effective_verdict == "blocked"


# --- the hash gate -----------------------------------------------------------------------------
def test_check_approved_is_exact_to_the_character(store):
    content = draft("Freigegebener Text.")
    rev = submit(store, content)
    assert store.check_approved(rev.content_sha256) is None  # pending is not approved
    store.approve(rev.id, by="alice")
    assert store.check_approved(rev.content_sha256).id == rev.id

    assert check_text(store, "docs/a.md", content).approved
    one_char = content.replace("Freigegebener", "Freigegebenes")
    result = check_text(store, "docs/a.md", one_char)
    assert not result.approved
    assert "changed after revision" in result.reason
    assert store.check_approved(content_sha256(one_char)) is None
    assert content_sha256(content) == document(content).sha256


def test_gate_says_why(store):
    pending = draft("Wartet.")
    submit(store, pending, "docs/p.md")
    assert "is pending" in check_text(store, "docs/p.md", pending).reason
    rejected = draft("Abgelehnt.")
    rev = submit(store, rejected, "docs/r.md")
    store.reject(rev.id, by="alice", note="falsch")
    assert "rejected by alice" in check_text(store, "docs/r.md", rejected).reason
    assert "never submitted" in check_text(store, "docs/new.md", draft("Neu.")).reason


def test_a_later_revision_does_not_revoke_an_earlier_approval_of_other_content(store):
    approved = draft("Version A.")
    rev = submit(store, approved)
    store.approve(rev.id, by="alice")
    submit(store, draft("Version B."))
    assert check_text(store, "docs/a.md", approved).approved


# --- queue -------------------------------------------------------------------------------------
def test_queue_filters(store):
    a = submit(store, draft("A.", author="Mara"), "docs/a.md")
    b = submit(store, BLOCKED, "docs/b.md", errors=(NAME,))
    c = submit(store, draft("C.", author="Mara"), "docs/c.md")
    store.approve(c.id, by="alice")
    assert [v.id for v in store.queue(status="pending")] == [a.id, b.id]
    assert [v.id for v in store.queue()] == [a.id, b.id, c.id]
    assert [v.id for v in store.queue(verdict="blocked")] == [b.id]
    assert [v.id for v in store.queue(author="Mara")] == [a.id, c.id]
    assert [v.id for v in store.queue(status="pending", limit=1)] == [a.id]
    assert store.queue(language="en") == []
    assert all(v.report is None and v.content is None for v in store.queue())
    with pytest.raises(InputError, match="unknown status"):
        store.queue(status="done")


# --- audit is append-only ------------------------------------------------------------------------
def test_audit_rows_cannot_be_changed_or_deleted(store):
    rev = submit(store, draft("Text."))
    store.approve(rev.id, by="alice")
    before = store.audit()
    for statement in ("UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log"):
        with pytest.raises(Exception, match="append-only"), store.engine.begin() as conn:
            conn.execute(text(statement))
    assert store.audit() == before


def test_orm_refuses_to_change_audit_rows(store):
    from sqlalchemy.orm import Session

    from reviewer.store.schema import AuditRow

    submit(store, draft("Text."))
    with Session(store.engine) as session:
        row = session.query(AuditRow).first()
        row.actor = "mallory"
        with pytest.raises(RuntimeError, match="append-only"):
            session.flush()


def test_reopening_the_store_keeps_everything(store_url):
    with open_store(url=store_url) as first:
        rev = submit(first, draft("Text."))
        first.approve(rev.id, by="alice", note="gut")
    with open_store(url=store_url) as second:
        view = second.get(rev.id)
        assert (view.status, view.decided_by, view.decision_note) == ("approved", "alice", "gut")
        assert [e.action for e in second.audit()] == ["submit", "approve"]
