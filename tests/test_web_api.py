"""The JSON API of the web UI: every action, conflicts, bad input, and access control.

Runs the real app (FastAPI TestClient) on a fresh SQLite store per test; only the structure check
is switched on, so the findings are known in advance and the tests stay fast.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from reviewer.web import create_app
from reviewer.web.auth import hash_password
from tests.web_helpers import BASE, STRUCTURE_DRAFT, web_config

EVA = {"X-Reviewer-User": "Eva"}


@pytest.fixture
def config(tmp_path):
    # Empty sections become errors, so a fresh submission is blocked until they are waived.
    return web_config(tmp_path, rules={"structure.empty_section": "error"})


@pytest.fixture
def client(config):
    with TestClient(create_app(config), base_url=BASE) as client:
        yield client


def submit(client, content: str = STRUCTURE_DRAFT, **extra) -> dict:
    response = client.post("/api/submissions", json={"content": content, **extra}, headers=EVA)
    assert response.status_code == 201, response.text
    return response.json()


def errors_of(revision: dict) -> list[str]:
    return [f["id"] for f in revision["report"]["findings"] if f["severity"] == "error"]


# --- OpenAPI ---------------------------------------------------------------------------------


def test_openapi_documents_every_action(client):
    schema = client.get("/openapi.json").json()
    operations = {op["operationId"] for path in schema["paths"].values() for op in path.values()}
    assert {
        "list_revisions",
        "get_revision",
        "revision_history",
        "revision_diff",
        "approve_revision",
        "reject_revision",
        "request_changes",
        "reopen_revision",
        "waive_finding",
        "audit_log",
        "review_draft",
        "submit_draft",
    } <= operations
    # The pages are not part of the API description.
    assert not any(path.startswith(("/revisions", "/queue", "/login")) for path in schema["paths"])
    reject = schema["paths"]["/api/revisions/{revision_id}/reject"]["post"]
    assert {"404", "409", "422"} <= set(reject["responses"])


# --- review and submit -----------------------------------------------------------------------


def test_review_reports_at_once_and_stores_nothing(client):
    response = client.post("/api/review", json={"content": STRUCTURE_DRAFT})
    assert response.status_code == 200, response.text
    report = response.json()
    rules = {f["rule"] for f in report["findings"]}
    assert {
        "structure.empty_section",
        "structure.missing_required_section",
        "structure.skipped_heading_level",
    } <= rules
    empty = [f for f in report["findings"] if f["rule"] == "structure.empty_section"]
    assert (
        {STRUCTURE_DRAFT[f["start"] : f["end"]] for f in empty}
        == {f["text"] for f in empty}
        == {"Empty part", "Blank part"}
    )
    assert report["verdict"] == "blocked"
    assert client.get("/api/revisions", params={"status": "pending"}).json() == []
    assert client.get("/api/audit").json() == []


def test_review_with_brief_as_yaml_or_object(client):
    body = "# Title\n\nShort text here.\n"
    as_yaml = client.post(
        "/api/review", json={"content": body, "brief": "words: {min: 50}\nlanguage: en"}
    ).json()
    as_object = client.post(
        "/api/review", json={"content": body, "brief": {"words": {"min": 50}, "language": "en"}}
    ).json()
    for report in (as_yaml, as_object):
        assert "structure.word_count" in {f["rule"] for f in report["findings"]}
        assert report["language"] == "en"


def test_submit_stores_revision_with_submitter_and_audit(client):
    revision = submit(client)
    assert revision["status"] == "pending"
    assert revision["document_key"] == "id:web-test-doc"
    assert revision["submitted_by"] == "Eva"
    assert revision["content"] == STRUCTURE_DRAFT
    audit = client.get("/api/audit", params={"revision_id": revision["id"]}).json()
    assert [(e["action"], e["actor"]) for e in audit] == [("submit", "Eva")]


def test_submit_pasted_draft_needs_a_document_id(client):
    body = "# Plain draft\n\nNo front matter, so nothing names this document.\n"
    response = client.post("/api/submissions", json={"content": body}, headers=EVA)
    assert response.status_code == 400
    assert "document id" in response.json()["detail"]
    ok = client.post(
        "/api/submissions", json={"content": body, "document_id": "landing-page"}, headers=EVA
    )
    assert ok.status_code == 201
    assert ok.json()["document_key"] == "id:landing-page"
    assert ok.json()["content"] == body  # the id is not written into the stored text


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"content": ""}, 422, "content"),
        ({"content": "   \n"}, 400, "empty"),
        ({"content": "# T\n\ntext\n", "brief": "words: [unclosed"}, 400, "not valid YAML"),
        ({"content": "# T\n\ntext\n", "brief": {"language": "fr"}}, 400, "language"),
        ({"content": "---\ntitle: x\n# never closed\n"}, 400, "never closed"),
        ({"content": "# T\n\ntext\n", "language": "fr"}, 422, "language"),
        ({"content": "# T\n\ntext\n", "surprise": 1}, 422, "surprise"),
    ],
)
def test_bad_drafts_get_a_clear_message(client, body, status, words):
    response = client.post("/api/review", json=body)
    assert response.status_code == status, response.text
    assert words in response.json()["detail"]


def test_resubmission_makes_a_new_revision_and_diff(client):
    first = submit(client)
    second = submit(client, STRUCTURE_DRAFT.replace("More text below", "Changed text below"))
    assert second["number"] == 2
    assert client.get(f"/api/revisions/{first['id']}").json()["status"] == "superseded"
    history = client.get(f"/api/revisions/{second['id']}/history").json()
    assert [r["id"] for r in history] == [first["id"], second["id"]]
    diff = client.get(f"/api/revisions/{second['id']}/diff").json()
    assert diff["against_id"] == first["id"]
    assert "-More text below a heading that skips a level." in diff["diff"].splitlines()
    assert "+Changed text below a heading that skips a level." in diff["diff"].splitlines()
    assert client.get(f"/api/revisions/{first['id']}/diff").json() == {
        "revision_id": first["id"],
        "against_id": None,
        "diff": "",
    }
    same = client.get(
        f"/api/revisions/{second['id']}/diff", params={"against": second["id"]}
    ).json()
    assert same["diff"] == ""


def test_unchanged_resubmission_stores_nothing(client):
    first = submit(client)
    again = submit(client)
    assert again["id"] == first["id"] and again["unchanged"] is True


# --- queue filters ---------------------------------------------------------------------------


def test_queue_filters(client):
    blocked = submit(client)
    german = submit(
        client,
        "---\nid: de-doc\nlanguage: de\nauthor: Jonas\n---\n# Titel\n\nEin kurzer Text mit genug Inhalt.\n",
    )
    ids = lambda **params: [r["id"] for r in client.get("/api/revisions", params=params).json()]  # noqa: E731
    assert ids() == [blocked["id"], german["id"]]
    assert ids(status="pending") == [blocked["id"], german["id"]]
    assert ids(verdict="blocked") == [blocked["id"]]
    assert ids(language="de") == [german["id"]]
    assert ids(author="Paula") == [blocked["id"]]
    assert ids(author="Nobody") == []
    client.post(f"/api/revisions/{german['id']}/approve", json={}, headers=EVA)
    assert ids(status="approved") == [german["id"]]
    assert ids(status="pending") == [blocked["id"]]
    bad = client.get("/api/revisions", params={"status": "done"})
    assert bad.status_code == 400 and "unknown status" in bad.json()["detail"]


# --- decisions -------------------------------------------------------------------------------


def test_blocked_revision_needs_waivers_before_approval(client):
    revision = submit(client)
    errors = errors_of(revision)
    # The two empty sections, "Empty part" and "Blank part" (errors by config).
    assert len(errors) == 2
    refused = client.post(
        f"/api/revisions/{revision['id']}/approve", json={"note": "looks fine"}, headers=EVA
    )
    assert refused.status_code == 409
    detail = refused.json()["detail"]
    assert "blocked" in detail
    # Spoken to an API client: the open findings and the endpoint, not terminal commands.
    assert sorted(refused.json()["open_findings"]) == sorted(errors)
    assert f"/api/revisions/{revision['id']}/waivers" in detail
    assert "reviewer waive" not in detail and "--override" not in detail
    first = client.post(
        f"/api/revisions/{revision['id']}/waivers",
        json={"finding_id": errors[0], "reason": "layout placeholder"},
        headers=EVA,
    )
    assert first.status_code == 201, first.text
    again = client.post(f"/api/revisions/{revision['id']}/approve", json={}, headers=EVA)
    # Only the finding still open is named once the first is waived.
    assert again.status_code == 409 and again.json()["open_findings"] == [errors[1]]
    for finding_id in errors[1:]:
        waived = client.post(
            f"/api/revisions/{revision['id']}/waivers",
            json={"finding_id": finding_id, "reason": "layout placeholder"},
            headers=EVA,
        )
        assert waived.status_code == 201, waived.text
        assert waived.json()["by"] == "Eva"
    current = client.get(f"/api/revisions/{revision['id']}").json()
    assert current["effective_verdict"] == "needs_review"
    approved = client.post(
        f"/api/revisions/{revision['id']}/approve",
        json={"note": "ok", "expected_version": current["version"]},
        headers=EVA,
    )
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "approved" and approved.json()["decided_by"] == "Eva"
    actions = [
        (e["action"], e["actor"])
        for e in client.get("/api/audit", params={"revision_id": revision["id"]}).json()
    ]
    assert actions == [("submit", "Eva"), ("waive", "Eva"), ("waive", "Eva"), ("approve", "Eva")]


def test_override_approves_blocked_revision_and_is_audited(client):
    revision = submit(client)
    response = client.post(
        f"/api/revisions/{revision['id']}/approve",
        json={"override_reason": "legal signed off"},
        headers={"X-Reviewer-User": "Max"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["override_reason"] == "legal signed off"
    last = client.get("/api/audit").json()[-1]
    assert (last["action"], last["actor"]) == ("override", "Max")


def test_override_on_a_revision_that_is_not_blocked_is_bad_input(client):
    filled = STRUCTURE_DRAFT.replace("## Empty part\n\n## Blank part\n\n", "An introduction.\n\n")
    revision = submit(client, filled)
    assert revision["effective_verdict"] != "blocked"
    response = client.post(
        f"/api/revisions/{revision['id']}/approve", json={"override_reason": "why not"}, headers=EVA
    )
    assert response.status_code == 400
    assert "not blocked" in response.json()["detail"]


@pytest.mark.parametrize(
    ("path", "state"), [("reject", "rejected"), ("request-changes", "changes_requested")]
)
def test_reject_and_request_changes_need_a_note(client, path, state):
    revision = submit(client)
    url = f"/api/revisions/{revision['id']}/{path}"
    for body in ({}, {"note": ""}, {"note": "   "}):
        response = client.post(url, json=body, headers=EVA)
        assert response.status_code == 422, body
        assert "note" in response.json()["detail"]
    assert client.get(f"/api/revisions/{revision['id']}").json()["status"] == "pending"
    done = client.post(url, json={"note": "please fill the empty sections"}, headers=EVA)
    assert done.status_code == 200
    assert done.json()["status"] == state
    assert done.json()["decision_note"] == "please fill the empty sections"
    again = client.post(url, json={"note": "twice"}, headers=EVA)
    assert again.status_code == 409
    assert "Eva" in again.json()["detail"] or state.replace("_", " ") in again.json()["detail"]


def test_stale_version_is_a_conflict(client):
    revision = submit(client)
    version = revision["version"]
    waived = client.post(
        f"/api/revisions/{revision['id']}/waivers",
        json={"finding_id": errors_of(revision)[0], "reason": "ok"},
        headers=EVA,
    )
    assert waived.status_code == 201
    stale = client.post(
        f"/api/revisions/{revision['id']}/reject",
        json={"note": "no", "expected_version": version},
        headers={"X-Reviewer-User": "Max"},
    )
    assert stale.status_code == 409
    assert "changed since you loaded it" in stale.json()["detail"]


def test_reopen(client):
    first = submit(client)
    client.post(f"/api/revisions/{first['id']}/reject", json={"note": "no"}, headers=EVA)
    missing = client.post(f"/api/revisions/{first['id']}/reopen", json={}, headers=EVA)
    assert missing.status_code == 422
    reopened = client.post(
        f"/api/revisions/{first['id']}/reopen", json={"note": "rejected by mistake"}, headers=EVA
    )
    assert reopened.status_code == 200 and reopened.json()["status"] == "pending"
    pending_again = client.post(
        f"/api/revisions/{first['id']}/reopen", json={"note": "again"}, headers=EVA
    )
    assert pending_again.status_code == 409
    # Only the latest revision of a document can be reopened.
    client.post(
        f"/api/revisions/{first['id']}/request-changes", json={"note": "fix it"}, headers=EVA
    )
    submit(client, STRUCTURE_DRAFT + "\nOne more line.\n")
    older = client.post(f"/api/revisions/{first['id']}/reopen", json={"note": "old"}, headers=EVA)
    assert older.status_code == 409
    assert "latest" in older.json()["detail"]


def test_waive_bad_input_and_conflicts(client):
    revision = submit(client)
    url = f"/api/revisions/{revision['id']}/waivers"
    finding = errors_of(revision)[0]
    no_reason = client.post(url, json={"finding_id": finding, "reason": " "}, headers=EVA)
    assert no_reason.status_code == 422 and "reason" in no_reason.json()["detail"]
    unknown = client.post(
        url, json={"finding_id": "structure-0000000000", "reason": "x"}, headers=EVA
    )
    assert unknown.status_code == 404 and "structure-0000000000" in unknown.json()["detail"]
    assert (
        client.post(url, json={"finding_id": finding, "reason": "fine"}, headers=EVA).status_code
        == 201
    )
    twice = client.post(
        url, json={"finding_id": finding, "reason": "again"}, headers={"X-Reviewer-User": "Max"}
    )
    assert twice.status_code == 409 and "already waived by Eva" in twice.json()["detail"]
    client.post(f"/api/revisions/{revision['id']}/reject", json={"note": "no"}, headers=EVA)
    decided = client.post(
        url, json={"finding_id": errors_of(revision)[1], "reason": "late"}, headers=EVA
    )
    assert decided.status_code == 409


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "/api/revisions/999", None),
        ("get", "/api/revisions/999/history", None),
        ("get", "/api/revisions/999/diff", None),
        ("get", "/api/audit?revision_id=999", None),
        ("post", "/api/revisions/999/approve", {}),
        ("post", "/api/revisions/999/reject", {"note": "x"}),
        ("post", "/api/revisions/999/request-changes", {"note": "x"}),
        ("post", "/api/revisions/999/reopen", {"note": "x"}),
        ("post", "/api/revisions/999/waivers", {"finding_id": "a", "reason": "b"}),
    ],
)
def test_unknown_revision_is_404(client, method, path, body):
    response = client.request(method.upper(), path, json=body, headers=EVA)
    assert response.status_code == 404
    assert "no revision 999" in response.json()["detail"]


def test_non_numeric_id_is_422(client):
    response = client.get("/api/revisions/abc")
    assert response.status_code == 422
    assert "revision_id" in response.json()["detail"]


def test_actions_need_a_name(client):
    revision = submit(client)
    for headers in ({}, {"X-Reviewer-User": "   "}):
        response = client.post(
            f"/api/revisions/{revision['id']}/approve",
            json={"override_reason": "x"},
            headers=headers,
        )
        assert response.status_code == 400
        assert "name is required" in response.json()["detail"]
    assert client.get(f"/api/revisions/{revision['id']}").json()["status"] == "pending"


def test_open_mode_answers_only_loopback_host_names(client):
    assert client.get("/api/revisions", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/api/revisions", headers={"Host": "localhost:8000"}).status_code == 200
    assert client.get("/api/revisions", headers={"Host": "[::1]:8000"}).status_code == 200
    assert client.get("/api/revisions", headers={"Host": "127.0.0.2"}).status_code == 200
    rebound = client.get("/queue", headers={"Host": "127.0.0.1.evil.example"})
    assert rebound.status_code == 400 and "loopback" in rebound.text


def test_security_headers(client):
    response = client.get("/api/revisions")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"


# --- access control --------------------------------------------------------------------------


def test_token_mode(config):
    with TestClient(
        create_app(config, token="s3cret-token"), base_url="http://reviews.example"
    ) as client:
        assert client.get("/api/revisions").status_code == 401
        wrong = client.get("/api/revisions", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401 and wrong.json()["detail"] == "wrong access token"
        assert wrong.headers["www-authenticate"] == "Bearer"
        auth = {"Authorization": "Bearer s3cret-token"}
        assert client.get("/api/revisions", headers=auth).json() == []
        nameless = client.post("/api/submissions", json={"content": STRUCTURE_DRAFT}, headers=auth)
        assert nameless.status_code == 400
        wrong_submit = client.post(
            "/api/submissions",
            json={"content": STRUCTURE_DRAFT},
            headers={"Authorization": "Bearer x", **EVA},
        )
        assert wrong_submit.status_code == 401
        created = client.post(
            "/api/submissions", json={"content": STRUCTURE_DRAFT}, headers={**auth, **EVA}
        )
        assert created.status_code == 201
        assert client.get("/api/audit", headers=auth).json()[0]["actor"] == "Eva"
        # With a token any host name is answered (the server may sit behind a proxy).
        assert client.get("/openapi.json").status_code == 200


def test_users_mode_records_the_signed_in_name(config):
    users = {"eva": hash_password("correct horse"), "max": hash_password("battery staple")}
    with TestClient(create_app(config, users=users), base_url=BASE) as client:
        assert client.get("/api/revisions").status_code == 401
        assert client.get("/api/revisions", auth=("eva", "wrong password")).status_code == 401
        assert client.get("/api/revisions", auth=("nobody", "correct horse")).status_code == 401
        assert (
            client.get(
                "/api/revisions", headers={"Authorization": "Bearer correct horse"}
            ).status_code
            == 401
        )
        # The name comes from the login, not from a header anyone can set.
        created = client.post(
            "/api/submissions",
            json={"content": STRUCTURE_DRAFT},
            auth=("max", "battery staple"),
            headers={"X-Reviewer-User": "Eva"},
        )
        assert created.status_code == 201
        assert created.json()["submitted_by"] == "max"
        audit = client.get("/api/audit", auth=("eva", "correct horse")).json()
        assert [(e["action"], e["actor"]) for e in audit] == [("submit", "max")]
