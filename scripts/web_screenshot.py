"""Take the README's screenshot of the revision page: ``python scripts/web_screenshot.py [OUT.png]``.

Submits ``examples/de_whitepaper.md`` to a throw-away store, waives one finding, serves the web UI
on 127.0.0.1 and photographs the revision page in Debian's chromium (no browser download), with
one error finding clicked so its span is outlined in the draft.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    from reviewer.checks.base import ReviewOptions
    from reviewer.config import Config
    from reviewer.document import load_document
    from reviewer.pipeline import review
    from reviewer.store import open_store
    from reviewer.web import create_app
    from reviewer.web.live import CHROMIUM, CHROMIUM_ARGS, live_server

    with tempfile.TemporaryDirectory() as tmp:
        config = Config()
        config.checks.critique = False  # no language model here; the page is about the rest
        config.store.url = f"sqlite:///{tmp}/reviews.db"
        config.base_dir = REPO
        doc = load_document(str(REPO / "examples" / "de_whitepaper.md"))
        report = review(doc, config, ReviewOptions(run_critique=False))
        with open_store(config) as store:
            revision = store.submit(doc, report, by="Jonas (copywriter)")
            email = next(f for f in report.findings if f.rule == "pii.email_address")
            store.waive(
                revision.id,
                email.id,
                by="Eva",
                reason="Annika Vogelsang agreed in writing (consent form 2024-17)",
            )
            app = create_app(config, store=store)
            target = next(i for i, f in enumerate(report.findings) if f.rule == "pii.phone_number")
            with live_server(app) as base, sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(
                    viewport={"width": 1440, "height": 1250}, device_scale_factor=1
                )
                page.goto(f"{base}/login?next=/revisions/{revision.id}")
                page.fill("input[name=name]", "Eva")
                page.click("button[type=submit]")
                page.wait_for_url(f"**/revisions/{revision.id}")
                page.click(f"#item-{target} a.jump")
                page.wait_for_selector("pre.draft mark.current")
                page.evaluate("window.scrollTo(0, 0)")
                out.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(out))
                browser.close()
    print(f"wrote {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "revision-page.png")
