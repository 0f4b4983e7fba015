"""The editor's workflow on the command line, on SQLite and PostgreSQL: submit, queue, show,
decide, waive, override, check-approved, audit, triage — with real reviews (structure check)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.store_helpers import cli, cli_draft, project, run_cli


@pytest.fixture
def proj(tmp_path, monkeypatch):
    folder = project(tmp_path)
    monkeypatch.chdir(folder)
    monkeypatch.delenv("REVIEWER_DATABASE_URL", raising=False)
    return folder


def write(proj, name: str, text: str) -> str:
    path = proj / "docs" / name
    path.write_text(text, encoding="utf-8")
    return f"docs/{name}"


def queue_json(db: str, *args: str) -> list[dict]:
    code, out, err = cli("queue", "--db", db, "--format", "json", *args)
    assert code == 0, err
    return json.loads(out)


def test_full_workflow_blocked_waive_approve_gate(proj, store_url):
    db = store_url
    path = write(proj, "a.md", cli_draft("Ein Text ohne Fazit.", required="Fazit"))
    code, out, err = cli("submit", path, "--by", "writer", "--db", db)
    assert code == 0, err
    assert "submitted docs/a.md as revision 1" in out and "blocked" in out

    (item,) = queue_json(db)
    assert (item["id"], item["status"], item["effective_verdict"], item["document_key"]) == (
        1,
        "pending",
        "blocked",
        "path:docs/a.md",
    )
    code, out, _ = cli("show", "1", "--db", db, "--format", "json")
    shown = json.loads(out)
    (error,) = [f for f in shown["report"]["findings"] if f["severity"] == "error"]
    assert shown["content"] == (proj / path).read_text(encoding="utf-8")
    assert [a["action"] for a in shown["audit"]] == ["submit"]

    code, out, _ = cli("show", "1", "--db", db)
    assert code == 0 and error["id"] in out and "pending" in out

    code, out, err = cli("approve", "1", "--by", "alice", "--db", db)
    assert code == 2
    assert err.startswith("reviewer: error: revision 1 is blocked") and error["id"] in err
    assert len(err.strip().splitlines()) == 1

    code, out, err = cli(
        "waive",
        "1",
        error["id"],
        "--by",
        "bob",
        "--reason",
        "Fazit folgt im Newsletter",
        "--db",
        db,
    )
    assert code == 0, err
    assert "verdict now" in out and "blocked" not in out
    code, out, err = cli("approve", "1", "--by", "alice", "--note", "passt", "--db", db)
    assert code == 0, err
    assert "approved by alice" in out

    code, out, err = cli("check-approved", path, "--db", db)
    assert code == 0, err
    assert "approved as revision 1" in out and "alice" in out

    (proj / path).write_text(
        cli_draft("Ein Text ohne Fazit!", required="Fazit"), encoding="utf-8"
    )  # one character
    code, out, err = cli("check-approved", path, "--db", db)
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert "not approved" in err and "changed after revision 1 was approved" in err

    code, out, _ = cli("audit", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["action"], r["actor"], r["from_state"], r["to_state"]) for r in rows] == [
        ("submit", "writer", "", "pending"),
        ("waive", "bob", "pending", "pending"),
        ("approve", "alice", "pending", "approved"),
    ]
    assert rows[1]["finding_id"] == error["id"] and rows[1]["note"] == "Fazit folgt im Newsletter"
    assert all(len(r["content_sha256"]) == 64 for r in rows)
    code, out, _ = cli("audit", "1", "--db", db, "--format", "json")
    assert [e["action"] for e in json.loads(out)] == ["submit", "waive", "approve"]
    code, out, _ = cli("audit", "--db", db)
    assert len(out.strip().splitlines()) == 3 and "approve" in out


def test_override_needs_a_reason_and_is_recorded(proj, store_url):
    path = write(proj, "a.md", cli_draft("Kein Fazit.", required="Fazit"))
    assert cli("submit", path, "--db", store_url)[0] == 0
    code, _, err = cli("approve", "1", "--by", "alice", "--override", "--db", store_url)
    assert code == 2 and "--override needs --reason" in err
    code, _, err = cli("approve", "1", "--by", "alice", "--reason", "x", "--db", store_url)
    assert code == 2 and "--reason is for --override" in err
    code, out, err = cli(
        "approve",
        "1",
        "--by",
        "alice",
        "--override",
        "--reason",
        "Chefredaktion entscheidet",
        "--db",
        store_url,
    )
    assert code == 0, err
    assert "with override" in out
    code, out, _ = cli("audit", "1", "--db", store_url, "--format", "json")
    last = json.loads(out)[-1]
    assert (last["action"], last["actor"]) == ("override", "alice")
    assert "Chefredaktion entscheidet" in last["note"]


@pytest.mark.parametrize(
    ("command", "state"),
    [("reject", "rejected"), ("request-changes", "changes_requested")],
)
def test_reject_and_request_changes_need_by_and_note(proj, store_url, command, state):
    path = write(proj, "a.md", cli_draft("Text.\n\n## Fazit\n\nGut."))
    cli("submit", path, "--db", store_url)
    assert cli(command, "1", "--note", "zu lang", "--db", store_url)[0] == 2  # no --by
    assert cli(command, "1", "--by", "alice", "--db", store_url)[0] == 2  # no --note
    code, _, err = cli(command, "1", "--by", "alice", "--note", "  ", "--db", store_url)
    assert code == 2 and "note" in err
    code, out, err = cli(command, "1", "--by", "alice", "--note", "zu lang", "--db", store_url)
    assert code == 0, err
    (item,) = queue_json(store_url, "--status", "all")
    assert (item["status"], item["decided_by"], item["decision_note"]) == (
        state,
        "alice",
        "zu lang",
    )
    code, _, err = cli("approve", "1", "--by", "bob", "--db", store_url)
    assert code == 2 and "by alice" in err


def test_resubmission_reopen_and_queue_filters(proj, store_url):
    path = write(proj, "a.md", cli_draft("Erste Fassung.\n\n## Fazit\n\nGut."))
    cli("submit", path, "--db", store_url)
    code, out, _ = cli("submit", path, "--db", store_url)
    assert code == 0 and out.startswith("unchanged: docs/a.md is already revision 1")
    cli("approve", "1", "--by", "alice", "--db", store_url)
    code, out, err = cli(
        "reopen", "1", "--by", "carol", "--note", "Zahlen veraltet", "--db", store_url
    )
    assert code == 0, err
    write(proj, "a.md", cli_draft("Zweite Fassung.\n\n## Fazit\n\nGut."))
    write(proj, "b.md", cli_draft("Kein Fazit.", required="Fazit"))
    code, out, err = cli("submit", "docs/a.md", "docs/b.md", "docs/missing.md", "--db", store_url)
    assert code == 2
    assert "docs/missing.md: no such file" in err
    assert "revision 2 (path:docs/a.md, submission 2" in out
    assert "revision 3 (path:docs/b.md, submission 1" in out
    assert [(i["id"], i["status"]) for i in queue_json(store_url, "--status", "all")] == [
        (1, "superseded"),
        (2, "pending"),
        (3, "pending"),
    ]
    assert [i["id"] for i in queue_json(store_url)] == [2, 3]
    assert [i["id"] for i in queue_json(store_url, "--verdict", "blocked")] == [3]
    assert queue_json(store_url, "--status", "approved") == []
    code, out, _ = cli("queue", "--db", store_url)
    assert code == 0 and "Titel" in out and "blocked" in out
    code, out, _ = cli("show", "2", "--db", store_url)
    assert "revisions of this document" in out and "superseded" in out


def test_review_submit_keeps_stdout_json(proj, store_url, monkeypatch):
    monkeypatch.setenv("REVIEWER_DATABASE_URL", store_url)
    path = write(proj, "a.md", cli_draft("Text.\n\n## Fazit\n\nGut."))
    code, out, err = cli("review", path, "--submit", "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert "submitted docs/a.md as revision 1" in err
    (item,) = queue_json(store_url)
    assert item["content_sha256"] == report["content_sha256"]


def test_triage_walks_the_queue_from_stdin(proj, store_url):
    write(proj, "a.md", cli_draft("Kein Fazit.", required="Fazit"))
    write(proj, "b.md", cli_draft("Zu werblich.\n\n## Fazit\n\nGut."))
    write(proj, "c.md", cli_draft("Später.\n\n## Fazit\n\nGut."))
    write(proj, "d.md", cli_draft("Noch später.\n\n## Fazit\n\nGut."))
    cli("submit", "docs/a.md", "docs/b.md", "docs/c.md", "docs/d.md", "--db", store_url)
    answers = (
        "\n".join(
            [
                "a",  # 1: blocked -> refused, stays on the item
                "x",  # not a choice -> asked again
                "w",
                "1",
                "Fazit kommt separat",  # waive finding number 1
                "a",
                "",  # approve, no note
                "r",
                "",
                "zu werblich",  # reject: an empty note is asked again
                "s",  # 3: skip
                "q",  # 4: quit
            ]
        )
        + "\n"
    )
    code, out, err = cli("triage", "--by", "erika", "--db", store_url, stdin=answers)
    assert code == 0, err
    assert "is blocked" in out
    assert "triage done: 1 approved, 1 rejected, 1 skipped" in out
    states = {
        i["id"]: (i["status"], i["decided_by"]) for i in queue_json(store_url, "--status", "all")
    }
    assert states == {
        1: ("approved", "erika"),
        2: ("rejected", "erika"),
        3: ("pending", None),
        4: ("pending", None),
    }

    code, out, _ = cli(
        "triage", "--by", "erika", "--db", store_url, stdin=""
    )  # end of input = quit
    assert code == 0 and "no decisions" in out


def test_triage_needs_a_name(proj, store_url):
    code, _, err = cli("triage", "--db", store_url)
    assert code == 2 and "--by" in err


def test_errors_are_one_line(proj, store_url):
    code, _, err = cli("show", "42", "--db", store_url)
    assert (code, err.strip()) == (2, "reviewer: error: no revision 42 in the review store")
    code, _, err = cli("queue", "--db", "postgresql://postgres@127.0.0.1:1/none")
    assert (
        code == 2
        and err.startswith("reviewer: error: cannot open the review store")
        and len(err.splitlines()) == 1
    )
    code, _, err = cli("check-approved", "docs/none.md", "--db", store_url)
    assert code == 2 and "no such file" in err


def test_default_store_is_in_the_project_and_check_approved_without_store(proj):
    path = write(proj, "a.md", cli_draft("Text.\n\n## Fazit\n\nGut."))
    code, _, err = cli("check-approved", path)
    assert code == 1 and "no review store" in err
    assert not (proj / ".reviewer").exists()  # the gate does not create a store
    assert cli("submit", path)[0] == 0
    assert (proj / ".reviewer" / "reviews.db").is_file()
    cli("approve", "1", "--by", "alice")
    result = run_cli("check-approved", path, cwd=proj)  # a real process, as CI calls it
    assert result.returncode == 0, result.stderr
    (proj / path).write_text(
        (proj / path).read_text(encoding="utf-8").replace("Gut.", "Gut!"), encoding="utf-8"
    )
    result = run_cli("check-approved", path, cwd=proj)
    assert result.returncode == 1 and "not approved" in result.stderr
