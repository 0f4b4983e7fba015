"""Speed in one run, as ratios to a bare Typer application's ``--help`` on the same machine (issue 18).

Prints:

- the yardstick: a bare Typer app's ``--help`` (new process each time);
- a cold single review: ``reviewer review examples/de_whitepaper.md --no-critique`` in a new
  process (target: at most 7 times the yardstick);
- warm milliseconds per 650-word draft, per check and in all (engines built first; target for the
  whole deterministic review: at most 0.3 times the yardstick);
- batch documents per second with ``--jobs 1`` and ``--jobs 2`` (target: two jobs at least 1.7
  times one on an idle machine), and the peak memory of the process tree (target: below 1 GB
  with two jobs).

Times are CPU seconds (user + system) of the process, median of ``--runs``: on a machine shared
with other work, wall-clock time measures the neighbours as much as the code. Wall-clock medians
are printed beside them. The batch rate is wall-clock by nature; its CPU-based "if both cores
were free" figure shows the parallel overhead alone.

Each worker of ``--jobs 2`` builds its engines for both languages first (a few CPU seconds), so
few documents understate the speed-up. On a busy machine the measured rates say more about the
neighbours; the "idle machine" figure divides the CPU time of ``--jobs 1`` by that of the busiest
process of ``--jobs 2`` (they run side by side when two cores are free). The two batch runs
are repeated ``--batch-pairs`` times, alternately, and the speed-up's median and range printed:
one pair swung from 1.49 to 2.05 on the same code within an hour.

Usage: python bench/speed.py [--runs 5] [--drafts 10] [--batch-docs 300] [--batch-pairs 3]
       [--skip-batch]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

EXAMPLE = REPO / "examples" / "de_whitepaper.md"
BARE_TYPER = '''
import typer

app = typer.Typer()


@app.command()
def main(name: str = "world") -> None:
    """Say hello."""
    print(f"Hello {name}")


app()
'''


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_process(command: list[str], runs: int, cwd: Path) -> tuple[float, float]:
    """Median CPU seconds and median wall seconds of ``command``, a new process each run."""
    cpu, wall = [], []
    for _ in range(runs):
        before = _children_cpu()
        started = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
        wall.append(time.perf_counter() - started)
        cpu.append(_children_cpu() - before)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return statistics.median(cpu), statistics.median(wall)


def warm_per_check(drafts: list[Path], rounds: int) -> tuple[float, dict[str, float]]:
    """CPU seconds per draft for parsing and each local check, engines warm (built on the two
    tiny warm-up drafts of ``reviewer batch``): the mean over the drafts of their first review
    (words not seen before by this process), and of the best of ``rounds`` more (per-process
    caches hot, least disturbed)."""
    from reviewer.batch.worker import warm_up
    from reviewer.checks import CheckContext, local_checks
    from reviewer.checks.base import ReviewOptions
    from reviewer.config import Config
    from reviewer.document import load_document
    from reviewer.pipeline import build_report, run_checks
    from reviewer.process import tune_process

    tune_process()  # as in the processes that stay warm: batch workers, `reviewer serve`
    config = Config()
    options = ReviewOptions(run_critique=False)
    warm_up(config)
    names = ["parse", *(spec.name for spec in local_checks()), "whole review"]
    first = 0.0
    again = dict.fromkeys(names, 0.0)
    for path in drafts:
        best = dict.fromkeys(names, float("inf"))
        for round_ in range(1 + rounds):
            started = time.process_time()
            doc = load_document(str(path))
            build_report(doc, run_checks(doc, config, options))
            spent = time.process_time() - started
            if round_ == 0:
                first += spent  # the parts are timed on later rounds only: this one fills caches
                continue
            best["whole review"] = min(best["whole review"], spent)
            started = time.process_time()
            doc = load_document(str(path))
            _ = doc.sentences, doc.words  # the per-document caches every check shares
            best["parse"] = min(best["parse"], time.process_time() - started)
            for spec in local_checks():
                started = time.process_time()
                spec.entry()(CheckContext(doc, config, options))
                best[spec.name] = min(best[spec.name], time.process_time() - started)
        for name in names:
            again[name] += best[name]
    return first / len(drafts), {name: seconds / len(drafts) for name, seconds in again.items()}


def ensure_bytecode() -> str:
    """Compile the imported ``reviewer`` package's modules to bytecode, as ``pip install`` does
    and as Python does on the first import; say what was done.

    Where ``PYTHONDONTWRITEBYTECODE`` is set (these machines set it), an editable install never
    gets its ``__pycache__``: every process would compile reviewer's ~170 modules from source
    (+0.2-0.4 s CPU per cold start and per batch worker), while the yardstick's Typer, Click
    and Rich come compiled from their wheels. Timing that would measure the machine's setting,
    not the tool a user runs."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("reviewer")
    if spec is None or not spec.submodule_search_locations:
        return "bytecode: reviewer not found"
    package = Path(next(iter(spec.submodule_search_locations)))
    compileall.compile_dir(package, quiet=1, workers=1)
    setting = os.environ.get("PYTHONDONTWRITEBYTECODE")
    return (
        f"bytecode: {package} compiled first (PYTHONDONTWRITEBYTECODE="
        f"{setting or 'unset'}; as pip install and a first run leave it)"
    )


def _batch_pair(folder: Path, work: Path, run_batch, first: int) -> tuple[dict, dict]:
    """One ``--jobs 1`` and one ``--jobs 2`` run back to back, in the order given: the machine's
    neighbours change by the minute (the same batch took 18 and 23 s minutes apart), so a
    speed-up compares two runs close in time, and alternating the order cancels a trend."""
    results = {jobs: run_batch(folder, jobs, "json", work) for jobs in (first, 3 - first)}
    return results[1], results[2]


def _busiest(two: dict) -> float:
    """CPU seconds of the busiest process of a ``--jobs 2`` run (a worker, or the parent)."""
    return max(two["cpu_each"][0], two["cpu"] / 2)


def _idle(one: dict, two: dict) -> float:
    """The speed-up on an idle 2-core machine: the processes of ``--jobs 2`` run side by side,
    so the run takes about as long as its busiest process needs CPU."""
    return one["cpu"] / _busiest(two)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="new processes per cold figure")
    parser.add_argument("--drafts", type=int, default=10, help="650-word drafts for warm times")
    parser.add_argument("--rounds", type=int, default=3, help="warm rounds per draft (best kept)")
    parser.add_argument("--batch-docs", type=int, default=300, help="drafts per batch run")
    parser.add_argument(
        "--batch-pairs", type=int, default=3, help="--jobs 1 / --jobs 2 runs, alternately"
    )
    parser.add_argument("--skip-batch", action="store_true")
    args = parser.parse_args()

    from batch_bench import build_drafts, run_batch

    print(
        f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} "
        "(CPU times below; wall times measure the neighbours too)"
    )
    print(ensure_bytecode())
    work = Path(tempfile.mkdtemp(prefix="reviewer-speed-"))
    try:
        script = work / "bare_typer.py"
        script.write_text(BARE_TYPER, encoding="utf-8")
        bare_cpu, bare_wall = timed_process(
            [sys.executable, str(script), "--help"], args.runs, work
        )
        print(
            f"yardstick, bare Typer --help: {bare_cpu * 1000:.0f} ms CPU "
            f"({bare_wall * 1000:.0f} ms wall), median of {args.runs}"
        )

        command = [sys.executable, "-m", "reviewer", "review", str(EXAMPLE), "--no-critique"]
        cold_cpu, cold_wall = timed_process(command, args.runs, REPO)
        print(
            f"cold review of {EXAMPLE.name} --no-critique: {cold_cpu * 1000:.0f} ms CPU "
            f"({cold_wall * 1000:.0f} ms wall) = {cold_cpu / bare_cpu:.1f}x the yardstick "
            "(target <= 7x)"
        )
        help_cpu, _ = timed_process([sys.executable, "-m", "reviewer", "--help"], args.runs, REPO)
        print(f"reviewer --help: {help_cpu * 1000:.0f} ms CPU = {help_cpu / bare_cpu:.1f}x")

        drafts = build_drafts(work / "warm", args.drafts, 650)
        words = statistics.median(
            len(p.read_text(encoding="utf-8").split("---\n", 2)[2].split()) for p in drafts
        )
        first, again = warm_per_check(drafts, args.rounds)
        whole = again.pop("whole review")
        print(
            f"warm, {len(drafts)} drafts of ~{words:.0f} words, best of {args.rounds} reviews "
            "each, ms CPU per draft: "
            + ", ".join(f"{name} {seconds * 1000:.1f}" for name, seconds in again.items())
        )
        print(
            f"warm whole deterministic review: {whole * 1000:.1f} ms = "
            f"{whole / bare_cpu:.2f}x the yardstick (target <= 0.3x); a draft's first review "
            f"(its words new to the process) {first * 1000:.1f} ms = {first / bare_cpu:.2f}x"
        )

        if not args.skip_batch:
            folder = work / "batch"
            build_drafts(folder, args.batch_docs, 650)
            pairs = [
                _batch_pair(folder, work, run_batch, first=1 if number % 2 == 0 else 2)
                for number in range(args.batch_pairs)
            ]
            for number, (one, two) in enumerate(pairs, 1):
                for result in (one, two):
                    print(
                        f"pair {number}, batch --jobs {result['jobs']}: {result['docs']} docs in "
                        f"{result['wall']:.1f} s: {result['rate']:.2f} docs/s end to end, "
                        f"{result['steady']:.2f} steady; CPU "
                        f"{result['cpu'] / result['docs'] * 1000:.0f} ms per doc; peak memory "
                        f"{result['peak_total'] / 2**30:.2f} GB (parent + workers)"
                    )
                print(
                    f"pair {number}, speed-up --jobs 2 / --jobs 1: "
                    f"{two['rate'] / one['rate']:.2f} end to end, "
                    f"{two['steady'] / one['steady']:.2f} steady state, {_idle(one, two):.2f} on "
                    f"an idle machine (CPU of --jobs 1 / CPU of the busiest --jobs 2 process: "
                    f"{one['cpu']:.1f} / {_busiest(two):.1f} s; per process "
                    + ", ".join(f"{cpu:.1f}" for cpu in two["cpu_each"])
                    + " s)"
                )
            ends = [two["rate"] / one["rate"] for one, two in pairs]
            idles = [_idle(one, two) for one, two in pairs]
            print(
                f"speed-up --jobs 2 / --jobs 1 over {len(pairs)} pairs run alternately: end to end "
                f"median {statistics.median(ends):.2f} (range {min(ends):.2f}-{max(ends):.2f}), "
                f"idle machine median {statistics.median(idles):.2f} "
                f"(range {min(idles):.2f}-{max(idles):.2f}) (target >= 1.7)"
            )
            peak = max(two["peak_total"] for _, two in pairs)
            print(f"peak memory with 2 jobs {peak / 2**30:.2f} GB (target < 1 GB)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
