"""The editor's flow in a real browser (Debian's chromium, real uvicorn): errors first with a
count, a refusal that speaks of the page, a waive that stays at its finding and confirms, and a
revision page that fits a 420 px screen without scrolling sideways."""

from __future__ import annotations

import re

import pytest

from reviewer.web import create_app
from tests import test_web_e2e
from tests.web_helpers import live_server, web_config

browser = test_web_e2e.browser  # the shared chromium fixture (one browser per module)

EMAIL = "jana.albrecht@example-kunde.de"
FILLER = "\n\n".join(
    f"Paragraph {n} explains one step of following up on the leads after the fair, in plain words."
    for n in range(1, 25)
)
# In document order the empty section (a warning) comes before the e-mail address (the error);
# the filler makes the page long, so "stays in place" can fail.
DRAFT = f"""\
---
title: "Checklist for trade fair leads"
language: en
---
# Checklist for trade fair leads

## Before the fair

## After the fair

{FILLER}

Questions about the checklist go to {EMAIL}, who keeps the lead list up to date.
"""
NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"
IN_VIEW = (
    "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
)


@pytest.fixture
def site(tmp_path):
    with live_server(create_app(web_config(tmp_path, checks=("structure", "pii")))) as base:
        yield base


def open_page(browser, site: str, width: int, height: int):  # noqa: ANN001, ANN201
    context = browser.new_context(base_url=site, viewport={"width": width, "height": height})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page, errors


def submit_draft(page) -> str:  # noqa: ANN001
    from playwright.sync_api import expect

    page.goto("/login")
    page.fill("input[name=name]", "Eva")
    page.click("button:has-text('Sign in')")
    page.goto("/new")
    page.fill("textarea[name=content]", DRAFT)
    page.fill("input[name=document_id]", "trade-fair-checklist")
    page.click("button:has-text('Review')")
    page.click("button:has-text('Submit for approval')")
    expect(page.get_by_test_id("status")).to_have_text("pending")
    return page.url


def test_errors_first_refusal_and_waive_in_place(browser, site):
    from playwright.sync_api import expect

    context, page, errors = open_page(browser, site, 1280, 800)
    submit_draft(page)

    # Errors first, with a count at the top of the findings pane.
    items = page.locator("li.finding")
    expect(items.first).to_have_class(re.compile(r"\bsev-error\b"))
    expect(items.first).to_contain_text("pii.email_address")
    expect(page.get_by_test_id("open-errors")).to_contain_text("1 error to fix or waive")
    # The document order is one click away: there the warning comes first.
    page.get_by_test_id("sort-position").click()
    expect(items.first).to_have_class(re.compile(r"\bsev-warning\b"))
    page.click("text=errors first")
    expect(items.first).to_have_class(re.compile(r"\bsev-error\b"))

    # Approving while blocked: the refusal names the open finding and the page's buttons.
    page.click("button[value=approve]")
    refusal = page.get_by_test_id("error")
    expect(refusal).to_contain_text("Not approved: 1 error finding is not waived")
    expect(refusal).to_contain_text("Waive button")
    assert "reviewer " not in refusal.inner_text() and "--" not in refusal.inner_text()

    # Waive: the page comes back at the same finding, which says it is waived.
    finding = page.locator("li.finding", has_text="pii.email_address")
    finding.locator("input[name=reason]").fill("Jana agreed to be the public contact")
    finding.locator("button:has-text('Waive')").click()
    expect(page).to_have_url(re.compile(r"\?waived=[\w-]+#item-\d+$"))
    confirm = page.get_by_test_id("waive-confirm")
    expect(confirm).to_contain_text("Waived. The revision is now needs review")
    assert confirm.evaluate(IN_VIEW), "the confirmation is out of view"
    waived = page.locator("li.finding", has_text="pii.email_address")
    expect(waived).to_have_class(re.compile(r"\bwaived\b"))
    assert waived.evaluate(IN_VIEW), "the waived finding is out of view"
    # The audit table at the bottom is not where the page went.
    assert not page.locator("#waivers").evaluate(IN_VIEW)
    expect(page.get_by_test_id("open-errors")).to_contain_text("Every error is waived")
    context.close()
    assert errors == []


def test_narrow_screen_has_no_sideways_scrolling(browser, site):
    context, page, errors = open_page(browser, site, 420, 900)
    revision_url = submit_draft(page)
    for url in (revision_url, "/queue", "/audit", "/new", f"{revision_url}/diff"):
        page.goto(url)
        assert page.evaluate(NO_SIDEWAYS_SCROLL), (
            f"{url}: {page.evaluate('document.documentElement.scrollWidth')} px wide at 420 px"
        )
    # The errors-first list is still there, below the draft.
    page.goto(revision_url)
    from playwright.sync_api import expect

    expect(page.locator("li.finding").first).to_have_class(re.compile(r"\bsev-error\b"))
    context.close()
    assert errors == []


def test_html_report_order_button(browser):
    from playwright.sync_api import expect

    from reviewer.render.html import render_html
    from tests.test_display import _three

    doc, report = _three("---\nlanguage: de\n---\n# Titel\n\nFragen an Jana Albrecht.\n")
    context = browser.new_context()
    page = context.new_page()
    page.set_content(render_html(report, doc.content))
    items = page.locator("aside li")
    expect(items.first).to_have_class(re.compile(r"^error"))
    page.click("#order")
    expect(page.locator("#order")).to_have_text("as in the draft")
    expect(items.first).to_have_class(re.compile(r"^info"))  # the draft's first finding
    page.click("#order")
    expect(items.first).to_have_class(re.compile(r"^error"))
    context.close()
