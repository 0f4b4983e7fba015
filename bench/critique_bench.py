"""Critique throughput against a local OpenAI-compatible server with a fixed 300 ms latency.

100 distinct drafts, ``max_concurrency`` 8, through ``run_critique_async`` (the batch path):
the first run must finish within 1.3 × (100 × 0.3 s / 8) = 4.875 s; the second run must make
0 model calls (the cache). The stub server runs in its own process, so its threads do not compete
with the client for the GIL. Deterministic checks run once per base draft beforehand (not timed)
so the critique gets realistic context and redaction work (``redact = "always"``).

    python bench/critique_bench.py [--drafts 100] [--concurrency 8] [--latency 0.3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reviewer.checks.critique.engine import run_async as run_critique_async  # noqa: E402
from reviewer.config import Config  # noqa: E402
from reviewer.document import parse_document  # noqa: E402
from reviewer.pipeline import ReviewOptions, run_checks  # noqa: E402

EVAL_DIR = REPO / "tests" / "data" / "eval" / "dev"


def start_server(latency: float) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "openai_stub_server.py"), "--latency", str(latency)],
        stdout=subprocess.PIPE,
        text=True,
    )
    url = process.stdout.readline().strip()
    if not url.startswith("http://127.0.0.1:"):
        process.kill()
        raise SystemExit(f"stub server did not start (got {url!r})")
    return process, url


def server_calls(url: str) -> int:
    with urllib.request.urlopen(url.removesuffix("/v1") + "/stats", timeout=5) as response:
        return json.load(response)["calls"]


def drafts(count: int, config: Config):
    """``count`` distinct drafts from the dev set; each variant only appends text, so the base
    draft's findings (offsets) stay valid for it."""
    bases = sorted(EVAL_DIR.glob("*.md"))
    bases = [p for p in bases if p.name != "INDEX.md"]
    if not bases:
        raise SystemExit(f"no drafts in {EVAL_DIR}")
    parsed = []
    started = time.perf_counter()
    for path in bases:
        doc = parse_document(path.read_text(encoding="utf-8"), path.name)
        parsed.append((path, doc.content, run_checks(doc, config).findings))
    print(
        f"deterministic checks on {len(bases)} base drafts (not timed): {time.perf_counter() - started:.1f} s"
    )
    result = []
    for n in range(count):
        path, content, findings = parsed[n % len(parsed)]
        variant = content.rstrip("\n") + f"\n\nBench variant {n}.\n"
        result.append((parse_document(variant, f"{path.stem}-{n}.md"), findings))
    return result


async def critique_all(items, config: Config) -> list:
    return await asyncio.gather(
        *(run_critique_async(doc, config, findings, ReviewOptions()) for doc, findings in items)
    )


async def measure(items, config: Config, url: str) -> list[tuple[float, int, list[str]]]:
    """Warm-up, then the two timed runs — in one event loop, like one ``reviewer batch``."""
    started = time.perf_counter()
    warm = parse_document("# Warm-up\n\nThis draft only warms the process up.\n", "warm-up.md")
    await critique_all([(warm, [])], config)
    print(f"warm-up (imports, client, one call; not timed): {time.perf_counter() - started:.2f} s")

    figures = []
    for run in (1, 2):
        before = server_calls(url)
        started, cpu = time.perf_counter(), time.process_time()
        outputs = await critique_all(items, config)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        calls = server_calls(url) - before
        errors = [o.summary for o in outputs if o.status == "error"]
        findings = sum(len(o.findings) for o in outputs)
        figures.append((elapsed, calls, errors))
        print(
            f"run {run}: {len(items)} drafts in {elapsed:.2f} s (client CPU {cpu:.2f} s), "
            f"{calls} model calls, {findings} findings, {len(errors)} errors"
        )
        for summary in errors[:3]:
            print(f"  error: {summary}")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--latency", type=float, default=0.3)
    args = parser.parse_args()
    limit = 1.3 * (args.drafts * args.latency / args.concurrency)

    process, url = start_server(args.latency)
    try:
        with tempfile.TemporaryDirectory() as cache_dir:
            config = Config()
            config.checks.critique = True
            config.critique.model = "bench-model"
            config.critique.base_url = url
            config.critique.max_concurrency = args.concurrency
            config.critique.cache_dir = cache_dir
            config.critique.redact = "always"
            config.critique.retries = 0
            items = drafts(args.drafts, config)

            figures = asyncio.run(measure(items, config, url))
    finally:
        process.terminate()
        process.wait(timeout=10)

    (first, first_calls, first_errors), (second, second_calls, second_errors) = figures
    ok = (
        first <= limit
        and first_calls == args.drafts
        and second_calls == 0
        and not first_errors
        and not second_errors
    )
    print(
        f"first run {first:.2f} s (limit {limit:.3f} s = 1.3 × {args.drafts} × {args.latency} s / {args.concurrency}); "
        f"second run {second:.2f} s with {second_calls} model calls -> {'PASS' if ok else 'FAIL'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
