"""The revision page and the queue as an editor uses them: errors first with a count, the
document order one click away, a waive that comes back to its finding and confirms, refusals in
the words of the page, and queue counts after waivers."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from reviewer.web import create_app
from tests.web_helpers import BASE, STRUCTURE_DRAFT, sign_in, web_config

ITEM = re.compile(r'<li id="item-(\d+)" class="finding sev-(\w+)')


@pytest.fixture
def client(tmp_path):
    config = web_config(tmp_path, rules={"structure.empty_section": "error"})
    with TestClient(create_app(config), base_url=BASE) as client:
        yield client


@pytest.fixture
def csrf(client):
    return sign_in(client, "Eva")


def submit(client, csrf: str) -> int:
    response = client.post(
        "/submit", data={"content": STRUCTURE_DRAFT, "csrf_token": csrf}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    return int(response.headers["location"].rsplit("/", 1)[1])


def test_errors_come_first_with_a_count_and_document_order_is_a_click_away(client, csrf):
    revision_id = submit(client, csrf)
    findings = client.get(f"/api/revisions/{revision_id}").json()["report"]["findings"]
    severities = [f["severity"] for f in findings]
    assert severities[0] != "error" and "error" in severities  # the draft's order hides it
    page = client.get(f"/revisions/{revision_id}").text
    listed = ITEM.findall(page)
    rank = {"error": 0, "warning": 1, "info": 2}
    assert [s for _, s in listed] == sorted(severities, key=rank.get)
    # Each item keeps its finding's index (the marks in the draft point to it).
    assert all(findings[int(i)]["severity"] == s for i, s in listed)
    errors = severities.count("error")
    assert f"<strong>{errors} error{'s' if errors > 1 else ''}</strong> to fix or waive" in page
    in_order = ITEM.findall(client.get(f"/revisions/{revision_id}?sort=position").text)
    assert [int(i) for i, _ in in_order] == list(range(len(findings)))


def test_waive_returns_to_the_finding_and_confirms(client, csrf):
    revision_id = submit(client, csrf)
    findings = client.get(f"/api/revisions/{revision_id}").json()["report"]["findings"]
    index, error = next((n, f) for n, f in enumerate(findings) if f["severity"] == "error")
    response = client.post(
        f"/revisions/{revision_id}/waive",
        data={"finding_id": error["id"], "reason": "kept on purpose", "csrf_token": csrf},
        follow_redirects=False,
    )
    assert response.status_code == 303
    location = response.headers["location"]
    assert location.endswith(f"#item-{index}") and f"waived={error['id']}" in location
    page = client.get(location.split("#")[0]).text
    confirm = re.search(r'data-testid="waive-confirm">([^<]*)<', page)
    assert confirm and "Waived. The revision is now" in confirm.group(1)
    # The confirmation sits inside the waived finding's item, not at the top of the page.
    item = page[page.index(f'id="item-{index}"') :]
    assert item.index('data-testid="waive-confirm"') < item.index("</li>")
    assert "1 error still open" in confirm.group(1)  # the draft has two
    assert "<strong>1 error</strong> to fix or waive" in page


def test_refusal_names_only_open_errors_in_the_words_of_the_page(client, csrf):
    revision_id = submit(client, csrf)
    findings = client.get(f"/api/revisions/{revision_id}").json()["report"]["findings"]
    errors = [f for f in findings if f["severity"] == "error"]
    assert len(errors) == 2
    client.post(
        f"/revisions/{revision_id}/waive",
        data={"finding_id": errors[0]["id"], "reason": "fine", "csrf_token": csrf},
    )
    refused = client.post(
        f"/revisions/{revision_id}/decision", data={"action": "approve", "csrf_token": csrf}
    )
    assert refused.status_code == 409
    message = html.unescape(re.search(r'data-testid="error">([^<]*)<', refused.text).group(1))
    assert message.startswith("Not approved: 1 error finding is not waived")
    assert f"line {errors[1]['line']}:" in message and f"line {errors[0]['line']}:" not in message
    assert "Waive button" in message and "reviewer " not in message and "--" not in message


def test_queue_counts_are_after_waivers_with_the_raw_counts_on_hover(client, csrf):
    revision_id = submit(client, csrf)
    revision = client.get(f"/api/revisions/{revision_id}").json()
    raw = revision["finding_counts"]
    assert revision["open_counts"] == raw
    error = next(f for f in revision["report"]["findings"] if f["severity"] == "error")
    client.post(
        f"/revisions/{revision_id}/waive",
        data={"finding_id": error["id"], "reason": "fine", "csrf_token": csrf},
    )
    page = client.get("/queue").text
    cell = re.search(r'<td class="counts" data-testid="counts" title="([^"]*)">(.*?)</td>', page)
    shown = re.findall(r'<span class="sev-\w+">(\d+)</span>', cell.group(2))
    assert shown == [str(raw["error"] - 1), str(raw["warning"]), str(raw["info"])]
    assert cell.group(1).startswith("Before waivers: ")
    assert f"{raw['error']} error" in cell.group(1)
    assert client.get("/api/revisions").json()[0]["open_counts"]["error"] == raw["error"] - 1


def test_pasted_text_keeps_its_plain_line_headings(client, csrf):
    from tests.test_flow_parsing import PASTED

    page = html.unescape(client.post("/new", data={"content": PASTED, "csrf_token": csrf}).text)
    assert "structure.missing_required_section" not in page
    assert "structure.no_title" not in page


def test_waived_findings_go_last_within_their_severity(client, csrf):
    revision_id = submit(client, csrf)
    findings = client.get(f"/api/revisions/{revision_id}").json()["report"]["findings"]
    first_error = next(n for n, f in enumerate(findings) if f["severity"] == "error")
    client.post(
        f"/revisions/{revision_id}/waive",
        data={"finding_id": findings[first_error]["id"], "reason": "ok", "csrf_token": csrf},
    )
    listed = ITEM.findall(client.get(f"/revisions/{revision_id}").text)
    errors = [int(i) for i, severity in listed if severity == "error"]
    assert errors[-1] == first_error and len(errors) == 2
    assert listed[len(errors) - 1][1] == "error"  # still above the warnings


def test_store_refusals_lose_their_terminal_hints_on_the_web():
    from reviewer.errors import InputError
    from reviewer.store.errors import InvalidTransition, NotFoundError
    from reviewer.store.states import refusal
    from reviewer.web.actions import web_message

    superseded = web_message(InvalidTransition(refusal("approve", 3, "superseded", "")))
    assert superseded.endswith("act on the newest one") and "reviewer" not in superseded
    missing = web_message(NotFoundError("revision 3 has no finding 'x' (see `reviewer show 3`)"))
    assert missing == "revision 3 has no finding 'x'"
    assert (
        web_message(InputError("a waiver needs a reason (--reason)")) == "a waiver needs a reason"
    )
