"""How fast the web UI answers: ``python bench/web_bench.py [--revisions N]``.

Fills a throw-away SQLite store with N revisions (the German example draft, varied), serves the
app with a real uvicorn on 127.0.0.1 and times over HTTP: the queue page with every revision, the
JSON queue, the revision page of the example (draft with all its findings marked), the
paste-a-draft review (first call, which builds the engines, and warm calls), and decisions.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def timed(call, repeat: int) -> list[float]:  # noqa: ANN001 - any callable
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return times


def ms(times: list[float]) -> str:
    return f"median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms (n={len(times)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--revisions", type=int, default=1000)
    args = parser.parse_args()

    import httpx

    from reviewer.checks.base import ReviewOptions
    from reviewer.config import Config
    from reviewer.document import load_document, parse_document
    from reviewer.pipeline import review
    from reviewer.store import open_store
    from reviewer.web import create_app
    from reviewer.web.live import live_server

    example = REPO / "examples" / "de_whitepaper.md"
    with tempfile.TemporaryDirectory() as tmp:
        config = Config()
        config.checks.critique = False
        config.store.url = f"sqlite:///{tmp}/reviews.db"
        config.base_dir = Path(tmp)
        doc = load_document(str(example))
        report = review(doc, config, ReviewOptions(run_critique=False))
        print(f"example: {example.name}, {doc.word_count} words, {len(report.findings)} findings")

        with open_store(config) as store:
            start = time.perf_counter()
            first = store.submit(doc, report, by="bench")
            for n in range(1, args.revisions):
                content = doc.content.replace(
                    "id: whitepaper-ki-personalisierung", f"id: bench-{n}"
                )
                varied = parse_document(content, f"bench-{n}.md")
                store.submit(
                    varied, report.model_copy(update={"content_sha256": varied.sha256}), by="bench"
                )
            print(
                f"filled the store with {args.revisions} revisions in {time.perf_counter() - start:.1f} s"
            )

            app = create_app(config, store=store)
            with live_server(app) as base, httpx.Client(base_url=base, timeout=120) as client:
                token = _sign_in(client)
                page = timed(
                    lambda: client.get("/queue", params={"status": "any"}).raise_for_status(), 10
                )
                print(f"queue page, first 200 rows:        {ms(page)}")
                every = {"status": "any", "limit": args.revisions}
                full = timed(lambda: client.get("/queue", params=every).raise_for_status(), 5)
                print(f"queue page, all {args.revisions} rows:      {ms(full)}")
                api = timed(lambda: client.get("/api/revisions").raise_for_status(), 10)
                print(f"JSON queue, {args.revisions} revisions:     {ms(api)}")
                rev = timed(lambda: client.get(f"/revisions/{first.id}").raise_for_status(), 20)
                print(f"revision page, {len(report.findings)} findings:      {ms(rev)}")
                body = {"content": doc.content + "\nNoch ein Satz.\n"}
                cold = timed(lambda: client.post("/api/review", json=body).raise_for_status(), 1)
                print(f"paste review, first call:          {ms(cold)}")
                warm = []
                for n in range(5):
                    variant = {"content": doc.content + f"\nSatz Nummer {n} am Ende.\n"}
                    warm += timed(
                        lambda v=variant: client.post("/api/review", json=v).raise_for_status(), 1
                    )
                print(f"paste review, engines warm:        {ms(warm)}")
                ids = [r["id"] for r in client.get("/api/revisions", params={"limit": 200}).json()]
                start = time.perf_counter()
                for revision_id in ids:
                    answer = client.post(
                        f"/revisions/{revision_id}/decision",
                        data={"action": "approve", "override_reason": "bench", "csrf_token": token},
                        follow_redirects=False,
                    )
                    assert answer.status_code == 303, answer.text
                elapsed = time.perf_counter() - start
                print(
                    f"decisions from the page:           {len(ids) / elapsed:.0f} per second ({len(ids)} approvals)"
                )


def _sign_in(client) -> str:  # noqa: ANN001 - httpx.Client
    import re

    page = client.get("/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    client.post("/login", data={"name": "bench", "csrf_token": token}, follow_redirects=False)
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get("/queue").text).group(1)


if __name__ == "__main__":
    main()
