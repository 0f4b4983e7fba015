"""Single-file review time and CLI start-up time (issue 2).

Prints: `reviewer --help` wall time (median of 5 runs, new process each), the first review in a
process (engines cold) and the median of warm reviews, for a German and an English draft.
Run: python bench/review_bench.py [--critique]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DRAFTS = [REPO / "examples" / "de_whitepaper.md", REPO / "examples" / "en_case_study.md"]


def help_time(runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "reviewer", "--help"], capture_output=True, check=True
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def review_times(path: Path, warm_runs: int = 10) -> tuple[float, float, int]:
    from reviewer.checks.base import ReviewOptions
    from reviewer.config import Config
    from reviewer.document import load_document
    from reviewer.pipeline import review

    config = Config()
    config.checks.critique = "--critique" in sys.argv
    options = ReviewOptions(run_critique=config.checks.critique)
    start = time.perf_counter()
    doc = load_document(str(path))
    review(doc, config, options)
    cold = time.perf_counter() - start
    warm = []
    for _ in range(warm_runs):
        start = time.perf_counter()
        doc = load_document(str(path))
        review(doc, config, options)
        warm.append(time.perf_counter() - start)
    return cold, statistics.median(warm), doc.word_count


def main() -> None:
    print(f"reviewer --help: {help_time() * 1000:.0f} ms (median of 5, new process each)")
    for path in DRAFTS:
        cold, warm, words = review_times(path)
        print(
            f"{path.name} ({words} words): first review {cold * 1000:.0f} ms (engines cold), warm {warm * 1000:.0f} ms (median of 10)"
        )


if __name__ == "__main__":
    main()
