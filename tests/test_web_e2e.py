"""End to end in a real browser: Debian's chromium driven by Playwright against a real uvicorn.

A copywriter pastes a draft and sees its findings marked; it is submitted; an editor jumps to a
finding, waives it, approves the revision and finds both in the audit log. The PII check is the
real one (presidio), so the marked e-mail address is what a reviewer would really see.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewer.web import create_app
from tests.web_helpers import CHROMIUM, CHROMIUM_ARGS, live_server, web_config

EMAIL = "jana.albrecht@example-kunde.de"
DRAFT = f"""\
---
title: "Checklist for trade fair leads"
language: en
---
# Checklist for trade fair leads

## Before the fair

## After the fair

Send every lead a short summary of the conversation within two days. Questions about the
checklist go to {EMAIL}, who keeps the lead list up to date.
"""


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    # No skip: the browser tests are part of the suite (scripts/ensure_services.sh installs it).
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} missing: apt-get install chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(tmp_path):
    config = web_config(tmp_path, checks=("structure", "pii"))
    with live_server(create_app(config)) as base:
        yield base


@pytest.fixture
def page(browser, site):
    context = browser.new_context(base_url=site, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console", lambda message: problems.append(message.text) if _is_problem(message) else None
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page
    context.close()
    # No script errors and no Content-Security-Policy violations on any page visited.
    assert problems == []


def _is_problem(message) -> bool:  # noqa: ANN001 - playwright ConsoleMessage
    # A 4xx answer to a refused action is expected (and asserted on); anything else is not.
    return message.type == "error" and not re.search(r"status of (409|400)\b", message.text)


def test_submit_waive_approve_and_audit(page):
    from playwright.sync_api import expect

    # Sign in with a name (open mode on 127.0.0.1), landing on the paste form.
    page.goto("/new")
    expect(page).to_have_url(re.compile(r"/login\?next=/new$"))
    page.fill("input[name=name]", "Eva")
    page.click("button:has-text('Sign in')")
    expect(page).to_have_url(re.compile(r"/new$"))

    # Paste the draft: the report comes at once, findings marked at their spans.
    page.fill("textarea[name=content]", DRAFT)
    page.fill("input[name=document_id]", "trade-fair-checklist")
    page.click("button:has-text('Review')")
    expect(page.locator("pre.draft mark.sev-error")).to_have_text([EMAIL])
    expect(page.locator("pre.draft mark.sev-warning", has_text="Before the fair")).to_have_count(1)
    expect(page.get_by_test_id("verdict")).to_have_text("blocked")

    # Submit for approval: a pending revision with the same marks.
    page.click("button:has-text('Submit for approval')")
    expect(page).to_have_url(re.compile(r"/revisions/\d+$"))
    revision_url = page.url
    expect(page.locator(".flash-ok")).to_contain_text("Submitted for approval as revision 1 (")
    expect(page.get_by_test_id("status")).to_have_text("pending")
    email_mark = page.locator("pre.draft mark.sev-error")
    expect(email_mark).to_have_text([EMAIL])

    # Clicking the finding jumps to its span in the draft and outlines it.
    finding = page.locator("li.finding", has_text="pii.email_address")
    finding.locator("a.jump").click()
    expect(page).to_have_url(re.compile(r"#f-\d+$"))
    expect(email_mark).to_have_class(re.compile(r"\bcurrent\b"))
    expect(finding).to_have_class(re.compile(r"\bcurrent\b"))
    assert email_mark.evaluate(
        "m => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    )

    # Approving while blocked is refused, with the reason on the page.
    page.fill("textarea[name=note]", "checked with Jana")
    page.click("button[value=approve]")
    expect(page.get_by_test_id("error")).to_contain_text("Not approved: 1 error finding")
    expect(page.locator("textarea[name=note]")).to_have_value("checked with Jana")

    # Waive the e-mail finding with a reason.
    finding = page.locator("li.finding", has_text="pii.email_address")
    finding.locator("input[name=reason]").fill(
        "Jana agreed to be the public contact (consent on file)"
    )
    finding.locator("button:has-text('Waive')").click()
    expect(page).to_have_url(re.compile(r"/revisions/\d+\?waived=[\w-]+#item-\d+$"))
    waived = page.locator("li.finding", has_text="pii.email_address")
    expect(waived.get_by_test_id("waiver")).to_contain_text(
        "Waived by Eva: Jana agreed to be the public contact"
    )
    expect(page.locator("pre.draft mark.waived")).to_have_text([EMAIL])
    expect(page.get_by_test_id("verdict")).to_have_text("needs review")

    # Approve.
    page.fill("textarea[name=note]", "Fine to publish after the waiver")
    page.click("button[value=approve]")
    expect(page.get_by_test_id("status")).to_have_text("approved")
    expect(page.get_by_test_id("decision")).to_contain_text("Approved by Eva")
    expect(page.get_by_test_id("decision")).to_contain_text("Fine to publish after the waiver")

    # The audit log records every step with the name.
    page.click("nav >> text=Audit log")
    expect(page).to_have_url(re.compile(r"/audit$"))
    rows = page.locator("table.audit tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("approve")
    expect(rows.nth(0)).to_contain_text("Eva")
    expect(rows.nth(0)).to_contain_text("pending → approved")
    expect(rows.nth(0)).to_contain_text("Fine to publish after the waiver")
    expect(rows.nth(1)).to_contain_text("waive")
    expect(rows.nth(1)).to_contain_text("Jana agreed")
    expect(rows.nth(2)).to_contain_text("submit")
    rows.nth(0).locator("a").click()
    expect(page).to_have_url(revision_url)


def test_queue_filters_and_diff_in_the_browser(page):
    from playwright.sync_api import expect

    page.goto("/login")
    page.fill("input[name=name]", "Jonas")
    page.click("button:has-text('Sign in')")
    for content in (DRAFT, DRAFT.replace("within two days", "within one day")):
        page.goto("/new")
        page.fill("textarea[name=content]", content)
        page.fill("input[name=document_id]", "trade-fair-checklist")
        page.click("button:has-text('Review')")
        page.click("button:has-text('Submit for approval')")
        expect(page.get_by_test_id("status")).to_have_text("pending")

    page.click("nav >> text=Queue")
    expect(page.locator("[data-testid=queue] tbody tr")).to_have_count(
        1
    )  # the first was superseded
    page.select_option("select[name=status]", "any")
    page.click("button:has-text('Filter')")
    expect(page.locator("[data-testid=queue] tbody tr")).to_have_count(2)
    page.select_option("select[name=status]", "superseded")
    page.click("button:has-text('Filter')")
    expect(page.locator("[data-testid=queue] tbody tr")).to_have_count(1)
    page.select_option("select[name=status]", "any")
    page.fill("input[name=author]", "nobody")
    page.click("button:has-text('Filter')")
    expect(page.get_by_test_id("empty")).to_be_visible()

    page.goto("/queue")
    page.locator("[data-testid=queue] tbody tr a").first.click()
    page.click("text=diff to revision 1")
    expect(page.locator("pre.diff .d-del")).to_contain_text(["within two days"])
    expect(page.locator("pre.diff .d-add")).to_contain_text(["within one day"])
