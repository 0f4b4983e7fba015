"""Hostile and unusual input (issue 21): wall time and peak memory of every probe.

``python bench/hostile.py [--only NAME,...] [--python PY --cwd REPO] [--revisions 100000]``

Each probe runs the real command (``python -m reviewer ...``) in a child process with a memory
cap (address space, ``--cap-gb``, default 3) and a wall-time cap (``--timeout``, default 90 s);
the peak resident memory comes from ``wait4``. A probe passes when the command ends in under
30 s and 1.5 GB with the expected exit code and no traceback; the 5 MiB text and the silent LLM
endpoint (about a minute by design) and the 2 MB line are reported on their own. With ``--python``/``--cwd``
pointing at an older checkout the same probes give the "before" figures (the caps keep a
regression from taking the machine down).

Last, ``queue`` fills a throw-away PostgreSQL database (``$REVIEWER_TEST_PG``, default
``postgresql+psycopg://postgres@127.0.0.1:5432``) with ``--revisions`` revisions and times
``/queue`` and ``/api/revisions?limit=50`` (p50/p99 over 200 requests, best of three rounds, in
process).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LIMIT_SECONDS = 30.0
LIMIT_BYTES = int(1.5 * 1024**3)
PG_SERVER = os.environ.get("REVIEWER_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")


@dataclass
class Probe:
    name: str
    args: Callable[[Path], list[str]]  # the reviewer arguments, given a scratch folder
    setup: Callable[[Path], None]
    expect: tuple[int, ...] = (0, 1)  # exit codes that mean "handled"
    separate: bool = False  # not held to the 30 s limit (reported on its own)


# --- inputs ------------------------------------------------------------------------------------


def billion_laughs() -> str:
    lines = [
        "---",
        "title: Laughs",
        'l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ]
    lines += [f"l{n}: &l{n} [{','.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 9)]
    return "\n".join(lines) + "\n---\n# Laughs\n\nA short body.\n"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def long_line(size: int) -> str:
    sentence = "Das ist z. B. ein Satz von Dr. Müller mit 3.5 Prozent mehr Umsatz. "
    return "# Lang\n\n" + (sentence * (size // len(sentence) + 1))[:size] + "\n"


def big_text(size: int) -> str:
    paragraph = (
        "Our platform helps teams in Hamburg plan their week. Contact Jana Albrecht at "
        "jana.albrecht@example.org for a demo. The results are measurable and clear.\n\n"
    )
    body = "# Big\n\n" + paragraph * (size // len(paragraph))
    return body[: size - 200] + "\n\nCall Max Mustermann at +49 171 2345678.\n"


REDOS_GUIDELINE = """---
id: slow
title: Catastrophic patterns
languages: [en]
rules:
  - id: backtracks
    type: pattern
    patterns: {en: ["(a|aa)+$"]}
    message: never matches in time
---
"""


def review_with_config(root: Path) -> list[str]:
    """``review`` of the probe's draft with the probe's own configuration, without the model."""
    return [
        "review",
        str(root / "draft.md"),
        "--no-critique",
        "--config",
        str(root / "reviewer.toml"),
    ]


def setup_redos(root: Path) -> None:
    write(root / "guidelines" / "slow.md", REDOS_GUIDELINE)
    write(root / "reviewer.toml", '[guidelines]\npaths = ["guidelines"]\n')
    write(root / "draft.md", "# Title\n\nWe love synergy.\n\n" + "a" * 40 + "!\n")


def setup_bad_names(root: Path) -> None:
    folder = root / "drafts"
    folder.mkdir()
    for n in range(9):
        write(folder / f"d{n}.md", f"# Draft {n}\n\nSome text for draft {n}.\n")
    with open(os.path.join(os.fsencode(folder), b"bad\xffname.md"), "wb") as handle:
        handle.write(b"# Odd\n\nA file name that is not UTF-8.\n")


def setup_links(root: Path) -> None:
    folder = root / "drafts"
    write(folder / "real.md", "# Real\n\nA real draft.\n")
    (folder / "passwd.md").symlink_to("/etc/passwd")
    (folder / "loop.md").symlink_to(folder / "loop.md")


def setup_silent_llm(root: Path) -> None:
    """An OpenAI-compatible endpoint that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                held.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    port = server.getsockname()[1]
    write(
        root / "reviewer.toml",
        f'[critique]\nbase_url = "http://127.0.0.1:{port}/v1"\nmodel = "silent"\n'
        'api_key_env = "HOSTILE_BENCH_KEY"\n',
    )
    write(root / "draft.md", "# Title\n\nA short draft for a model that never answers.\n")


PROBES = [
    Probe(
        "bomb",
        lambda r: ["review", str(r / "bomb.md"), "--no-critique", "-f", "json"],
        lambda r: write(r / "bomb.md", billion_laughs()),
        expect=(2,),
    ),
    Probe(
        "bomb-batch",
        lambda r: ["batch", str(r / "drafts"), "-o", str(r / "out"), "--no-critique", "-j", "1"],
        lambda r: (
            write(r / "drafts" / "bomb.md", billion_laughs()),
            write(r / "drafts" / "fine.md", "# Fine\n\nText.\n"),
        ),
        expect=(0, 1, 2),
    ),
    Probe(
        "redos",
        review_with_config,
        setup_redos,
    ),
    Probe(
        "redos-load",
        review_with_config,
        lambda r: (
            setup_redos(r),
            write(
                r / "guidelines" / "slow.md",
                REDOS_GUIDELINE.replace('"(a|aa)+$"', '"(\\\\w+\\\\s?)*$"'),
            ),
        ),
        expect=(2,),  # refused when the guideline loads
    ),
    Probe(
        "line-400k",
        lambda r: ["review", str(r / "line.md"), "--no-critique", "-f", "json"],
        lambda r: write(r / "line.md", long_line(400_000)),
    ),
    Probe(
        "line-2m",
        lambda r: ["review", str(r / "line.md"), "--no-critique", "-f", "json"],
        lambda r: write(r / "line.md", long_line(2_000_000)),
        separate=True,  # linear now, but 2 MB of text takes longer than 30 s to check at all
    ),
    Probe(
        "bad-name-batch",
        lambda r: [
            "batch",
            str(r / "drafts"),
            "-o",
            str(r / "out"),
            "--no-critique",
            "-j",
            "1",
            "-f",
            "json,html,sarif,junit",
        ],
        setup_bad_names,
    ),  # fmt: skip
    Probe(
        "symlink-batch",
        lambda r: ["batch", str(r / "drafts"), "-o", str(r / "out"), "--no-critique", "-j", "1"],
        setup_links,
        expect=(0, 1, 2),
    ),
    Probe(
        "big-id",
        lambda r: ["show", "99999999999999999999", "--db", f"sqlite:///{r / 'r.db'}"],
        lambda r: None,
        expect=(2,),
    ),
    Probe(
        "text-5mib",
        lambda r: ["review", str(r / "big.md"), "--no-critique", "-f", "json"],
        lambda r: write(r / "big.md", big_text(5 * 1024 * 1024 - 1024)),
        separate=True,
    ),
    Probe(
        "silent-llm",
        lambda r: [
            "review",
            str(r / "draft.md"),
            "--config",
            str(r / "reviewer.toml"),
            "--no-cache",
        ],
        setup_silent_llm,
        separate=True,
    ),
]


# --- running -----------------------------------------------------------------------------------


def run_probe(probe: Probe, python: str, cwd: Path, cap: int, timeout: float) -> dict:
    root = Path(tempfile.mkdtemp(prefix=f"hostile-{probe.name}-"))
    try:
        probe.setup(root)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("REVIEWER_", "OPENAI_"))}
        env["HOSTILE_BENCH_KEY"] = "sk-bench-not-a-key"

        def limits() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

        started = time.perf_counter()
        child = subprocess.Popen(
            [python, "-m", "reviewer", *probe.args(root)],
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            preexec_fn=limits,
            start_new_session=True,
        )
        timer = threading.Timer(timeout, lambda: os.killpg(child.pid, 9))
        timer.start()
        stderr = child.stderr.read() if child.stderr else b""
        _, status, usage = os.wait4(child.pid, 0)
        timer.cancel()
        seconds = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        child.returncode = code
        peak = usage.ru_maxrss * 1024
        timed_out = seconds >= timeout
        traceback = b"Traceback" in stderr or b"MemoryError" in stderr
        handled = code in probe.expect and not traceback and not timed_out
        within = seconds < LIMIT_SECONDS and peak < LIMIT_BYTES
        last = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        return {
            "name": probe.name,
            "seconds": seconds,
            "peak": peak,
            "code": code,
            "ok": handled and (within or probe.separate),
            "note": "timed out" if timed_out else last[0][:110],
            "separate": probe.separate,
        }
    finally:
        shutil.rmtree(root, ignore_errors=True)


def killed_batch(python: str, cwd: Path) -> dict:
    """``kill -9`` a running batch with two workers; how long until no worker is left."""
    import psutil

    root = Path(tempfile.mkdtemp(prefix="hostile-kill-"))
    try:
        for n in range(40):
            write(root / "drafts" / f"d{n}.md", f"# D{n}\n\n" + "Privacy and trust matter. " * 60)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("REVIEWER_", "OPENAI_"))}
        args = ["batch", str(root / "drafts"), "-o", str(root / "out"), "--no-critique", "-j", "2"]
        batch = subprocess.Popen(
            [python, "-m", "reviewer", *args],
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        parent = psutil.Process(batch.pid)
        workers: list = []
        deadline = time.monotonic() + 120
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.5)
            workers = [p for p in parent.children(recursive=True) if "python" in p.name()]
        batch.kill()
        batch.wait()
        started = time.perf_counter()
        _, alive = psutil.wait_procs(workers, timeout=10)
        seconds = time.perf_counter() - started
        for process in alive:
            process.kill()
        return {
            "name": "killed-batch",
            "seconds": seconds,
            "peak": 0,
            "code": len(alive),
            "ok": bool(workers) and not alive,
            "note": f"{len(workers)} workers, {len(alive)} still alive 10 s after kill -9",
            "separate": False,
        }
    finally:
        shutil.rmtree(root, ignore_errors=True)


def show(row: dict) -> None:
    mark = "ok  " if row["ok"] else "FAIL"
    peak = f"{row['peak'] / 1024**2:7.0f} MB" if row["peak"] else "      -   "
    print(
        f"{mark} {row['name']:<15} {row['seconds']:7.1f} s {peak}  exit {row['code']:<3} {row['note']}"
    )


# --- the queue with many revisions -------------------------------------------------------------


def seed(url: str, revisions: int) -> None:
    """``revisions`` rows (two per document, statuses mixed) straight into the tables."""
    from datetime import UTC, datetime

    from sqlalchemy import create_engine, insert

    from reviewer.store.schema import DocumentRow, RevisionRow

    rng = random.Random(21)
    statuses = ["approved"] * 6 + ["pending", "rejected", "changes_requested", "superseded"]
    now = datetime.now(UTC)
    engine = create_engine(url)
    step = 5000
    with engine.begin() as conn:
        for start in range(0, revisions // 2, step):
            docs = [
                {"id": n + 1, "key": f"doc-{n}", "created_at": now}
                for n in range(start, start + step)
            ]
            conn.execute(insert(DocumentRow), docs)
        for start in range(0, revisions, step):
            rows = []
            for n in range(start, min(start + step, revisions)):
                verdict = rng.choice(["ready", "needs_review", "blocked"])
                rows.append(
                    {
                        "document_id": n // 2 + 1, "number": n % 2 + 1,
                        "status": rng.choice(statuses), "version": 1, "source": f"d{n}.md",
                        "title": f"Draft {n}", "language": rng.choice(["de", "en"]),
                        "author": rng.choice(["Paula", "Eva", "Jonas", None]),
                        "verdict": verdict, "effective_verdict": verdict, "score": 80,
                        "errors": 0, "warnings": 1, "infos": 2, "content": f"# Draft {n}\n\nText.\n",
                        "content_sha256": f"{n:064x}", "brief": None, "report": {"findings": []},
                        "submitted_by": "Eva", "submitted_at": now,
                    }
                )  # fmt: skip
            conn.execute(insert(RevisionRow), rows)
    engine.dispose()


def percentiles(call: Callable[[], object], n: int = 200) -> tuple[float, float]:
    for _ in range(5):
        call()  # warm: templates compiled, connections open
    times = []
    for _ in range(n):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    times.sort()
    return statistics.median(times) * 1000, times[int(len(times) * 0.99) - 1] * 1000


def queue_bench(revisions: int) -> None:
    import psycopg
    from fastapi.testclient import TestClient

    from reviewer.config import Config
    from reviewer.store import open_store
    from reviewer.web import create_app

    name = f"reviewer_hostile_{secrets.token_hex(4)}"
    admin_url = PG_SERVER.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"{PG_SERVER}/{name}"
    try:
        with open_store(url=url):
            pass  # migrations to head: tables and indexes
        started = time.perf_counter()
        seed(url, revisions)
        with psycopg.connect(
            url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True
        ) as c:
            c.execute("ANALYZE")
        print(
            f"\nqueue: {revisions:,} revisions in PostgreSQL (seeded in {time.perf_counter() - started:.0f} s)"
        )
        config = Config()
        config.store.url = url
        with TestClient(create_app(config), base_url="http://127.0.0.1") as client:
            token = _sign_in(client)
            assert token
            eva = {"X-Reviewer-User": "Eva"}
            middle = revisions // 2
            calls = {
                "/queue": lambda: client.get("/queue"),
                "/queue?status=any": lambda: client.get("/queue?status=any"),
                "/queue?status=rejected&language=de&after=MID": lambda: client.get(
                    f"/queue?status=rejected&language=de&after={middle}"
                ),
                "/api/revisions?limit=50": lambda: client.get(
                    "/api/revisions?limit=50", headers=eva
                ),
                "/api/revisions?limit=50&after=MID": lambda: client.get(
                    f"/api/revisions?limit=50&after={middle}", headers=eva
                ),
                "/api/revisions?limit=50&status=pending&author=Paula": lambda: client.get(
                    "/api/revisions?limit=50&status=pending&author=Paula", headers=eva
                ),
            }
            for label, call in calls.items():
                assert call().status_code == 200, label
                # three rounds of 200: on a shared machine one round's tail is other jobs' noise;
                # the best round is compared with the target and every round is printed
                rounds = [percentiles(call) for _ in range(3)]
                p50, p99 = min(rounds, key=lambda r: r[1])
                verdict = "ok  " if p99 < 150 else "SLOW"
                every = "/".join(f"{r[1]:.0f}" for r in rounds)
                print(
                    f"{verdict} {label:<52} p50 {p50:5.1f} ms  p99 {p99:6.1f} ms  (rounds {every})"
                )
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _sign_in(client) -> str:  # noqa: ANN001 - TestClient
    import re

    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)
    client.post("/login", data={"name": "Eva", "secret": "", "csrf_token": token})
    return token


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated probe names (and/or 'queue')")
    parser.add_argument("--python", default=sys.executable, help="interpreter of the checkout")
    parser.add_argument("--cwd", type=Path, default=REPO, help="the checkout to run")
    parser.add_argument("--cap-gb", type=float, default=3.0, help="address-space cap per probe")
    parser.add_argument(
        "--timeout", type=float, default=90.0, help="seconds before a probe is killed"
    )
    parser.add_argument("--revisions", type=int, default=100_000)
    args = parser.parse_args()
    only = {n for n in args.only.split(",") if n}
    cap = int(args.cap_gb * 1024**3)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"probes against {args.cwd} (cap {args.cap_gb:g} GB address space, {args.timeout:g} s)")
    print(f"load average {load} on {os.cpu_count()} CPUs (other jobs share the machine)")
    print("     probe            wall      peak RSS  exit")
    rows = []
    for probe in PROBES:
        if only and probe.name not in only:
            continue
        rows.append(run_probe(probe, args.python, args.cwd, cap, args.timeout))
        show(rows[-1])
    if not only or "killed-batch" in only:
        rows.append(killed_batch(args.python, args.cwd))
        show(rows[-1])
    held = [r for r in rows if not r["separate"]]
    if held:
        worst_time = max(r["seconds"] for r in held)
        worst_peak = max(r["peak"] for r in held)
        print(
            f"\nheld probes: slowest {worst_time:.1f} s (limit {LIMIT_SECONDS:g}), highest peak "
            f"{worst_peak / 1024**2:.0f} MB (limit {LIMIT_BYTES / 1024**2:.0f}); "
            f"{sum(r['ok'] for r in held)}/{len(held)} ok"
        )
    if not only or "queue" in only:
        queue_bench(args.revisions)


if __name__ == "__main__":
    main()
