"""Batch throughput, parallel speed-up, peak memory and where the time goes.

Builds 400 drafts of about 800 words from the labelled dev set (each one a dev case's brief and
body, topped up with sections of other cases in the same language, in a seeded random order, so
no two drafts are alike), then runs the real command ``reviewer batch DRAFTS --no-critique`` as a
subprocess with ``--jobs 1`` and ``--jobs 2`` and prints:

- documents per second end to end (process start and engine warm-up included) and in steady
  state (between the 10th and the last finished file, from ``summary.jsonl``);
- the speed-up of two jobs over one (target: at least 1.7 on two cores), measured, and what it
  would be with both cores free for the batch (from the CPU time per document: parallel
  overhead only, without the other work on a shared machine);
- the CPU time of the command and its workers, and how many cores they kept busy on average
  (on a shared machine, fewer than the jobs asked for: the numbers above then understate);
- the peak memory of the whole process tree (parent + workers), sampled every 50 ms as the sum
  of resident set sizes (target: below 1.5 GB with two jobs);
- per check, the time per document, and the share of the checking time spent outside presidio
  (the pii check) — measured in this process on a sample of the drafts, engines warmed first.

Usage: python bench/batch_bench.py [--docs 400] [--words 800] [--jobs 1,2] [--format json,html]
                                  [--repeat 1]

With ``--repeat 2`` the job counts run in the order 1, 2, 2, 1 and the best round of each is
compared: on a shared machine the load changes from minute to minute.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = Path(os.environ.get("REVIEWER_EVAL_DIR", REPO / "tests" / "data" / "eval" / "dev"))
WORD = re.compile(r"\w+")


def build_drafts(folder: Path, count: int, words: int, seed: int = 7) -> list[Path]:
    """``count`` drafts of about ``words`` words in ``folder``, German and English alternating."""
    cases = []
    for path in sorted(DEV.glob("*_*.md")):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        cases.append((path.stem, path.stem[:2], front, _sections(body)))
    rng = random.Random(seed)
    written = []
    for n in range(count):
        name, language, front, sections = cases[n % len(cases)]
        others = [s for c in cases if c[1] == language and c[0] != name for s in c[3][1:]]
        rng.shuffle(others)
        parts = list(sections)
        variant = "Stand: Fassung" if language == "de" else "Revision"
        parts.insert(
            1, f"{variant} {n + 1}, {rng.choice(['A', 'B', 'C'])}-{rng.randint(100, 999)}.\n"
        )
        while sum(len(WORD.findall(p)) for p in parts) < words and others:
            parts.append(others.pop())
        draft = folder / language / f"{n:03d}_{name}.md"
        draft.parent.mkdir(parents=True, exist_ok=True)
        draft.write_text(
            f"---\n{front}---\n\n" + "\n".join(p.rstrip() + "\n" for p in parts), encoding="utf-8"
        )
        written.append(draft)
    return written


def _sections(body: str) -> list[str]:
    """The body cut before each heading: the first piece holds the title and the introduction."""
    pieces = re.split(r"(?m)^(?=#{1,3} )", body.strip() + "\n")
    return [p for p in pieces if p.strip()]


def run_batch(drafts: Path, jobs: int, formats: str, work: Path) -> dict:
    """Run the command on a fresh output folder; sample the process tree's memory meanwhile."""
    import psutil

    out = work / f"out-jobs{jobs}"
    shutil.rmtree(out, ignore_errors=True)
    command = [
        sys.executable,
        "-m",
        "reviewer",
        "batch",
        str(drafts),
        "--jobs",
        str(jobs),
        "--no-critique",
        "--force",
        "--format",
        formats,
        "--out",
        str(out),
    ]
    cpu_before = _children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    parent = psutil.Process(process.pid)
    peak_total = 0
    peak_each: dict[int, int] = {}
    cpu_each: dict[int, float] = {}
    while process.poll() is None:
        total = 0
        try:
            members = [parent, *parent.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for member in members:
            try:
                rss = member.memory_info().rss
                times = member.cpu_times()
            except psutil.NoSuchProcess:
                continue
            total += rss
            peak_each[member.pid] = max(peak_each.get(member.pid, 0), rss)
            cpu_each[member.pid] = times.user + times.system  # the last value seen
        peak_total = max(peak_total, total)
        time.sleep(0.05)
    wall = time.perf_counter() - started
    cpu = _children_cpu() - cpu_before  # the command and its workers, once all have exited
    stderr = process.stderr.read() if process.stderr else ""
    if process.returncode not in (0, 1):
        raise SystemExit(f"batch --jobs {jobs} failed ({process.returncode}):\n{stderr[-2000:]}")
    lines = [
        json.loads(line)
        for line in (out / "summary.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    finished = sorted(line["finished"] for line in lines)
    steady = (
        (len(finished) - 10) / (finished[-1] - finished[9]) if len(finished) > 20 else float("nan")
    )
    errors = sum(1 for line in lines if line["status"] == "error")
    return {
        "jobs": jobs,
        "docs": len(lines),
        "errors": errors,
        "wall": wall,
        "rate": len(lines) / wall,
        "steady": steady,
        "peak_total": peak_total,
        "peak_each": sorted(peak_each.values(), reverse=True),
        "cpu_each": sorted(cpu_each.values(), reverse=True),  # per process, sampled (a lower bound)
        "cpu": cpu,
    }


def _children_cpu() -> float:
    """User + system seconds of all waited-for descendants (workers count via their parent)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_checks(drafts: list[Path], sample: int) -> dict[str, float]:
    """Seconds per document for parsing and for each check, in this process, engines warm."""
    from reviewer.batch.worker import warm_up
    from reviewer.checks import DETERMINISTIC_CHECKS, load_check
    from reviewer.config import Config
    from reviewer.document import load_document

    config = Config()
    warm_up(config)
    chosen = drafts[:: max(1, len(drafts) // sample)][:sample]
    totals = {"parse": 0.0, **{name: 0.0 for name in DETERMINISTIC_CHECKS}}
    for path in chosen:
        started = time.perf_counter()
        doc = load_document(str(path))
        _ = doc.sentences, doc.words  # parsed once, as the pipeline would, before the checks
        totals["parse"] += time.perf_counter() - started
        for name in DETERMINISTIC_CHECKS:
            if not getattr(config.checks, name):
                continue
            started = time.perf_counter()
            with contextlib.suppress(Exception):  # a check still being built: counts as no time
                load_check(name)(doc, config)
            totals[name] += time.perf_counter() - started
    return {name: seconds / len(chosen) for name, seconds in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument("--jobs", default="1,2", help="comma-separated job counts to compare")
    parser.add_argument(
        "--format", default="json,html", help="reports to write (the command's default: json,html)"
    )
    parser.add_argument("--sample", type=int, default=40, help="drafts timed check by check")
    parser.add_argument(
        "--repeat", type=int, default=1, help="rounds (the best of each is compared)"
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="reviewer-batch-bench-"))
    try:
        drafts = build_drafts(work / "drafts", args.docs, args.words)
        sizes = [
            len(WORD.findall(p.read_text(encoding="utf-8").split("---\n", 2)[2])) for p in drafts
        ]
        print(
            f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} (other work on the machine skews the numbers)"
        )
        print(
            f"drafts: {len(drafts)} in {work / 'drafts'}, body words median {statistics.median(sizes):.0f} "
            f"(min {min(sizes)}, max {max(sizes)}), German and English"
        )
        results = []
        job_counts = [int(j) for j in args.jobs.split(",")]
        for round_ in range(args.repeat):
            # reversed every other round, so a change in the machine's load hits both alike
            for jobs in job_counts if round_ % 2 == 0 else job_counts[::-1]:
                result = run_batch(work / "drafts", jobs, args.format, work)
                results.append(result)
                each = ", ".join(f"{rss / 2**20:.0f}" for rss in result["peak_each"][:4])
                print(
                    f"--jobs {jobs}: {result['docs']} docs ({result['errors']} errors) in {result['wall']:.1f} s: "
                    f"{result['rate']:.2f} docs/s end to end, {result['steady']:.2f} docs/s steady state; "
                    f"peak memory {result['peak_total'] / 2**30:.2f} GB (parent + workers; per process MB: {each})"
                )
                print(
                    f"          CPU {result['cpu']:.0f} s in all ({result['cpu'] / result['docs'] * 1000:.0f} ms per doc), "
                    f"{result['cpu'] / result['wall']:.2f} cores busy on average"
                )
        by_jobs: dict[int, dict] = {}  # the best (fastest) round of each job count
        for result in results:
            if result["jobs"] not in by_jobs or result["rate"] > by_jobs[result["jobs"]]["rate"]:
                by_jobs[result["jobs"]] = result
        if 1 in by_jobs and 2 in by_jobs:
            print(
                f"speed-up --jobs 2 / --jobs 1: {by_jobs[2]['rate'] / by_jobs[1]['rate']:.2f} end to end, "
                f"{by_jobs[2]['steady'] / by_jobs[1]['steady']:.2f} steady state (target >= 1.7)"
            )
            one, two = (by_jobs[j]["cpu"] / by_jobs[j]["docs"] for j in (1, 2))
            print(
                f"speed-up if both cores were free for the batch: {2 * one / two:.2f} "
                f"(2 x CPU per doc with 1 job / CPU per doc with 2 jobs: {one * 1000:.0f} / {two * 1000:.0f} ms)"
            )
            peak = max(r["peak_total"] for r in results if r["jobs"] == 2)  # the worst round
            print(f"peak memory with --jobs 2: {peak / 2**30:.2f} GB (target < 1.5 GB)")
        per_doc = time_checks(drafts, args.sample)
        total = sum(per_doc.values())
        print(
            "time per document (ms): "
            + ", ".join(f"{name} {seconds * 1000:.1f}" for name, seconds in per_doc.items())
        )
        outside = 1 - per_doc.get("pii", 0.0) / total if total else float("nan")
        print(f"share of checking time outside presidio (the pii check): {outside:.0%}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
