"""The pages of the web UI through real HTTP requests (FastAPI TestClient): sign-in, CSRF,
paste/upload, the revision page with its marked draft, decisions, diff and audit log."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from reviewer.web import create_app
from reviewer.web.auth import hash_password
from tests.web_helpers import BASE, STRUCTURE_DRAFT, csrf_of, sign_in, web_config


@pytest.fixture
def config(tmp_path):
    return web_config(tmp_path, rules={"structure.empty_section": "error"})


@pytest.fixture
def client(config):
    with TestClient(create_app(config), base_url=BASE) as client:
        yield client


@pytest.fixture
def csrf(client):
    return sign_in(client, "Eva")


def submit_page(client, csrf: str, content: str = STRUCTURE_DRAFT, **fields) -> int:
    response = client.post(
        "/submit", data={"content": content, "csrf_token": csrf, **fields}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    match = re.fullmatch(r"/revisions/(\d+)", response.headers["location"])
    assert match
    return int(match.group(1))


def marked_pieces(page: str) -> dict[int, str]:
    """Finding index -> the text of all marks that carry it, joined (as highlighted)."""
    pieces: dict[int, str] = {}
    for indices, text in re.findall(
        r'<mark class="sev-\w+" data-f="([\d ]+)"[^>]*>(.*?)</mark>', page, re.S
    ):
        for index in indices.split():
            pieces[int(index)] = pieces.get(int(index), "") + html.unescape(text)
    return pieces


def audit_rows(page: str) -> list[tuple[str, str]]:
    """(action, actor) of each row of an audit table."""
    rows = re.findall(r'<tr data-action="(\w+)">\s*<td[^>]*>[^<]*</td>\s*<td>([^<]*)</td>', page)
    return [(action, html.unescape(actor)) for action, actor in rows]


# --- signing in ------------------------------------------------------------------------------


def test_pages_need_a_name_first(client):
    response = client.get("/revisions/1?x=1", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/revisions/1%3Fx%3D1"
    page = client.get("/login").text
    token = csrf_of(page)
    empty = client.post("/login", data={"name": "  ", "csrf_token": token})
    assert empty.status_code == 400 and "name is required" in empty.text
    ok = client.post(
        "/login",
        data={"name": "Eva Maria", "csrf_token": token, "next": "/audit"},
        follow_redirects=False,
    )
    assert ok.headers["location"] == "/audit"
    assert 'data-testid="user">Eva Maria<' in client.get("/queue").text


def test_sign_in_never_redirects_off_site(client):
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
        token = csrf_of(client.get("/login").text)  # signing in starts a new session token
        response = client.post(
            "/login",
            data={"name": "Eva", "csrf_token": token, "next": target},
            follow_redirects=False,
        )
        assert response.headers["location"] == "/queue"


def test_token_sign_in(config, monkeypatch):
    monkeypatch.setenv("REVIEWER_WEB_SECRET", "fixed secret so sessions survive a restart")
    with TestClient(
        create_app(config, token="letmein"), base_url="http://reviews.example"
    ) as client:
        token = csrf_of(client.get("/login").text)
        assert 'name="secret" type="password"' in client.get("/login").text
        wrong = client.post("/login", data={"name": "Eva", "secret": "guess", "csrf_token": token})
        assert wrong.status_code == 401 and "wrong access token" in wrong.text
        assert client.get("/queue", follow_redirects=False).status_code == 303
        sign_in(client, "Eva", "letmein")
        assert client.get("/queue").status_code == 200
        cookies = dict(client.cookies)
    # Same signing secret, new token: old sessions end.
    with TestClient(
        create_app(config, token="rotated"), base_url="http://reviews.example", cookies=cookies
    ) as client:
        assert client.get("/queue", follow_redirects=False).status_code == 303


def test_users_sign_in(config):
    with TestClient(
        create_app(config, users={"eva": hash_password("correct horse")}), base_url=BASE
    ) as client:
        token = csrf_of(client.get("/login").text)
        for name, secret in (("eva", "wrong"), ("mallory", "correct horse")):
            response = client.post(
                "/login", data={"name": name, "secret": secret, "csrf_token": token}
            )
            assert response.status_code == 401 and "wrong name or password" in response.text
        sign_in(client, "eva", "correct horse")
        assert 'data-testid="user">eva<' in client.get("/queue").text


def test_sign_out(client, csrf):
    assert (
        client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False).status_code == 303
    )
    assert client.get("/queue", follow_redirects=False).status_code == 303


# --- CSRF ------------------------------------------------------------------------------------


def test_every_form_post_needs_the_csrf_token(client, csrf):
    revision_id = submit_page(client, csrf)
    posts = [
        (f"/revisions/{revision_id}/decision", {"action": "approve", "override_reason": "x"}),
        (f"/revisions/{revision_id}/waive", {"finding_id": "structure-x", "reason": "x"}),
        ("/new", {"content": "# T\n\ntext\n"}),
        ("/submit", {"content": "# T\n\ntext\n", "document_id": "x"}),
        ("/logout", {}),
        ("/login", {"name": "Mallory"}),
    ]
    for path, data in posts:
        for token in (None, "", "forged-token"):
            fields = dict(data) if token is None else {**data, "csrf_token": token}
            response = client.post(path, data=fields, follow_redirects=False)
            assert response.status_code == 403, (path, token)
            assert "CSRF" in response.text
    # Nothing happened: still pending, one revision, only the submission in the audit log.
    revision = client.get(f"/api/revisions/{revision_id}").json()
    assert revision["status"] == "pending" and revision["waivers"] == []
    assert [e["action"] for e in client.get("/api/audit").json()] == ["submit"]
    assert 'data-testid="user">Eva<' in client.get("/queue").text


def test_csrf_token_of_another_session_is_refused(config):
    app = create_app(config)
    with TestClient(app, base_url=BASE) as mallory, TestClient(app, base_url=BASE) as eva:
        mallory_token = sign_in(mallory, "Mallory")
        sign_in(eva, "Eva")
        response = eva.post("/new", data={"content": "# T\n\ntext\n", "csrf_token": mallory_token})
        assert response.status_code == 403


# --- paste, upload, submit -------------------------------------------------------------------


def test_paste_shows_report_with_marked_spans_then_submit(client, csrf):
    response = client.post("/new", data={"content": STRUCTURE_DRAFT, "csrf_token": csrf})
    assert response.status_code == 200
    page = response.text
    assert "Submit for approval" in page
    report = client.post("/api/review", json={"content": STRUCTURE_DRAFT}).json()
    pieces = marked_pieces(page)
    located = [(i, f) for i, f in enumerate(report["findings"]) if f["start"] is not None]
    assert located
    for index, finding in located:
        assert pieces[index] == STRUCTURE_DRAFT[finding["start"] : finding["end"]]
        assert f'id="f-{index}"' in page and f'href="#f-{index}"' in page
    assert client.get("/api/revisions").json() == []  # nothing stored yet
    # The submit form carries the draft back exactly.
    hidden = re.search(r'name="content" value="([^"]*)"', page, re.S)
    assert hidden and html.unescape(hidden.group(1)) == STRUCTURE_DRAFT
    revision_id = submit_page(client, csrf, html.unescape(hidden.group(1)))
    stored = client.get(f"/api/revisions/{revision_id}").json()
    assert stored["content"] == STRUCTURE_DRAFT and stored["submitted_by"] == "Eva"
    assert (
        f"Submitted for approval as revision {revision_id} ("
        in client.get(f"/revisions/{revision_id}").text
    )


def test_submit_without_document_id_keeps_the_draft(client, csrf):
    body = "# Landing page\n\nText without front matter, pasted from a web page.\n"
    response = client.post("/submit", data={"content": body, "csrf_token": csrf})
    assert response.status_code == 400
    assert "document id" in response.text
    hidden = re.search(r'name="content" value="([^"]*)"', response.text, re.S)
    assert hidden and html.unescape(hidden.group(1)) == body
    revision_id = submit_page(client, csrf, body, document_id="landing-page")
    assert client.get(f"/api/revisions/{revision_id}").json()["document_key"] == "id:landing-page"


def test_upload_draft_and_brief_files(client, csrf):
    draft = "# Upload\n\nA short text in English that is far below the length the brief asks for.\n"
    brief = "words: {min: 200}\nlanguage: en\ntitle: Uploaded draft\n"
    response = client.post(
        "/new",
        data={"csrf_token": csrf},
        files={
            "draft_file": (
                "upload-draft.md",
                draft.replace("\n", "\r\n").encode("cp1252"),
                "text/markdown",
            ),
            "brief_file": ("brief.yaml", brief.encode(), "application/yaml"),
        },
    )
    assert response.status_code == 200, response.text
    assert "structure.word_count" in response.text
    assert "Uploaded draft" in response.text
    doc_id = re.search(r'name="document_id" value="([^"]*)"', response.text)
    assert doc_id and doc_id.group(1) == "upload-draft"  # from the file name
    source = re.search(r'name="source" value="([^"]*)"', response.text)
    assert source and source.group(1) == "upload-draft.md"


@pytest.mark.parametrize(
    ("files", "data", "message"),
    [
        ({"draft_file": ("x.md", b"\x00\x01\x02binary", "application/octet-stream")}, {}, "binary"),
        ({"draft_file": ("x.md", b"   ", "text/markdown")}, {}, "empty"),
        ({}, {"content": ""}, "the draft is empty"),
        ({}, {"content": "# T\n\ntext\n", "brief": "words: [oops"}, "not valid YAML"),
        ({}, {"content": "# T\n\ntext\n", "language": "fr"}, "language"),
    ],
)
def test_bad_input_on_the_paste_form_keeps_what_was_typed(client, csrf, files, data, message):
    response = client.post(
        "/new", data={"csrf_token": csrf, "document_id": "kept-id", **data}, files=files or None
    )
    assert response.status_code == 400
    assert message in html.unescape(response.text)
    assert 'value="kept-id"' in response.text


# --- revision page, decisions ----------------------------------------------------------------


def test_revision_page_marks_findings_and_offers_actions(client, csrf):
    revision_id = submit_page(client, csrf)
    revision = client.get(f"/api/revisions/{revision_id}").json()
    page = client.get(f"/revisions/{revision_id}").text
    pieces = marked_pieces(page)
    for index, finding in enumerate(revision["report"]["findings"]):
        if finding["start"] is not None:
            assert pieces[index] == finding["text"]
        assert f'data-finding-id="{finding["id"]}"' in page
    assert page.count('name="finding_id"') == len(
        revision["report"]["findings"]
    )  # a waive form each
    for action in ("approve", "request_changes", "reject"):
        assert f'name="action" value="{action}"' in page
    assert 'name="override_reason"' in page  # blocked: the override field is offered


def test_decision_errors_keep_the_note(client, csrf):
    revision_id = submit_page(client, csrf)
    blocked = client.post(
        f"/revisions/{revision_id}/decision",
        data={"action": "approve", "note": "my careful note", "csrf_token": csrf},
    )
    assert blocked.status_code == 409
    message = html.unescape(blocked.text)
    assert "Not approved: 2 error findings are not waived" in message
    assert "Waive button" in message and "reviewer waive" not in message  # the web, not the CLI
    assert "my careful note</textarea>" in blocked.text
    no_note = client.post(
        f"/revisions/{revision_id}/decision", data={"action": "reject", "csrf_token": csrf}
    )
    assert no_note.status_code == 400 and "a note is required to reject" in no_note.text
    unknown = client.post(
        f"/revisions/{revision_id}/decision", data={"action": "publish", "csrf_token": csrf}
    )
    assert unknown.status_code == 400
    stale = client.post(
        f"/revisions/{revision_id}/decision",
        data={"action": "reject", "note": "n", "expected_version": "999", "csrf_token": csrf},
    )
    assert stale.status_code == 409 and "reload" in stale.text
    assert client.get(f"/api/revisions/{revision_id}").json()["status"] == "pending"


def test_waive_then_approve_from_the_page(client, csrf):
    revision_id = submit_page(client, csrf)
    revision = client.get(f"/api/revisions/{revision_id}").json()
    errors = [f["id"] for f in revision["report"]["findings"] if f["severity"] == "error"]
    no_reason = client.post(
        f"/revisions/{revision_id}/waive",
        data={"finding_id": errors[0], "reason": "", "csrf_token": csrf},
    )
    assert no_reason.status_code == 400 and "reason" in no_reason.text
    unknown = client.post(
        f"/revisions/{revision_id}/waive",
        data={"finding_id": "nope", "reason": "x", "csrf_token": csrf},
    )
    assert unknown.status_code == 404 and "no finding" in html.unescape(unknown.text)
    for finding_id in errors:
        response = client.post(
            f"/revisions/{revision_id}/waive",
            data={"finding_id": finding_id, "reason": "placeholder by design", "csrf_token": csrf},
            follow_redirects=False,
        )
        assert response.status_code == 303
    page = client.get(f"/revisions/{revision_id}").text
    assert page.count('data-testid="waiver"') == len(errors)
    assert 'name="override_reason"' not in page  # no longer blocked
    version = client.get(f"/api/revisions/{revision_id}").json()["version"]
    approved = client.post(
        f"/revisions/{revision_id}/decision",
        data={
            "action": "approve",
            "note": "good to go",
            "expected_version": str(version),
            "csrf_token": csrf,
        },
        follow_redirects=True,
    )
    assert approved.status_code == 200
    assert "approved by Eva" in approved.text
    assert 'data-testid="decision"' in approved.text and "good to go" in approved.text
    assert 'name="action" value="reopen"' in approved.text
    audit = client.get(f"/audit?revision={revision_id}").text
    assert audit_rows(audit) == [
        ("approve", "Eva"),
        ("waive", "Eva"),
        ("waive", "Eva"),
        ("submit", "Eva"),
    ]
    only_waivers = client.get("/audit?action=waive").text
    assert {action for action, _ in audit_rows(only_waivers)} == {"waive"}


def test_unknown_revision_page_is_404(client, csrf):
    response = client.get("/revisions/4242")
    assert response.status_code == 404 and "no revision 4242" in response.text
    post = client.post(
        "/revisions/4242/decision", data={"action": "reject", "note": "x", "csrf_token": csrf}
    )
    assert post.status_code == 404
    waive = client.post(
        "/revisions/4242/waive", data={"finding_id": "f", "reason": "x", "csrf_token": csrf}
    )
    assert waive.status_code == 404 and "no revision 4242" in waive.text
    assert client.get("/revisions/4242/diff").status_code == 404


# --- queue, history, diff --------------------------------------------------------------------


def test_queue_page_filters(client, csrf):
    first = submit_page(client, csrf)
    german = submit_page(
        client,
        csrf,
        "---\nid: de-doc\nlanguage: de\nauthor: Jonas\n---\n# Titel\n\nEin kurzer Text.\n",
    )
    client.post(f"/revisions/{german}/decision", data={"action": "approve", "csrf_token": csrf})

    def listed(**params) -> set[int]:
        page = client.get("/queue", params=params).text
        return {int(i) for i in re.findall(r'<td><a href="/revisions/(\d+)">', page)}

    assert listed() == {first}  # pending by default
    assert listed(status="any") == {first, german}
    assert listed(status="approved") == {german}
    assert listed(status="any", language="de") == {german}
    assert listed(status="any", author="Paula") == {first}
    assert listed(status="any", verdict="blocked") == {first}
    assert 'data-testid="empty"' in client.get("/queue", params={"status": "rejected"}).text


def test_history_and_diff_pages(client, csrf):
    first = submit_page(client, csrf)
    second = submit_page(
        client, csrf, STRUCTURE_DRAFT.replace("More text below", "Changed words below")
    )
    page = client.get(f"/revisions/{second}").text
    assert f'href="/revisions/{first}"' in page and f'href="/revisions/{second}/diff"' in page
    diff = client.get(f"/revisions/{second}/diff").text
    assert '<span class="d-del">-More text below a heading that skips a level.</span>' in diff
    assert '<span class="d-add">+Changed words below a heading that skips a level.</span>' in diff
    assert "nothing to compare" in client.get(f"/revisions/{first}/diff").text
    assert "same text" in client.get(f"/revisions/{second}/diff", params={"against": second}).text


def test_static_files_are_served_by_the_app(client):
    assert client.get("/static/style.css").status_code == 200
    assert "showFinding" in client.get("/static/app.js").text
    assert client.get("/docs").status_code == 404  # no Swagger UI from a CDN


ROW = r'<tr>\s*<td><a href="/revisions/(\d+)">'  # the first cell of each queue row


def test_queue_page_is_paged(client, csrf):
    ids = [
        submit_page(client, csrf, f"---\nid: doc-{n}\n---\n# Draft {n}\n\nSome text.\n")
        for n in range(3)
    ]
    page = client.get("/queue", params={"status": "any", "limit": 2}).text
    assert re.findall(ROW, page) == [str(i) for i in ids[:2]]
    more = re.search(r'data-testid="more">.*?href="([^"]+)"', page, re.S)
    link = html.unescape(more.group(1)) if more else ""
    assert f"after={ids[1]}" in link and "status=any" in link and "limit=2" in link
    rest = client.get(link).text  # the next page after the cursor: only the third draft
    assert re.findall(ROW, rest) == [str(ids[2])]
    assert 'data-testid="more"' not in rest
