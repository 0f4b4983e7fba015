"""Verdicts on the labelled dev set: how many drafts get the labelled verdict (all checks, no LLM).

Run: python bench/eval_summary.py [EVAL_DIR]
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> None:
    from reviewer.config import Config
    from reviewer.document import load_document
    from reviewer.pipeline import review

    eval_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "tests" / "data" / "eval" / "dev"
    config = Config()
    config.checks.critique = False
    right = 0
    confusion: Counter[tuple[str, str]] = Counter()
    start = time.perf_counter()
    cases = sorted(eval_dir.glob("*.expect.json"))
    for expect_file in cases:
        name = expect_file.name.removesuffix(".expect.json")
        expect = json.loads(expect_file.read_text(encoding="utf-8"))
        report = review(load_document(str(eval_dir / f"{name}.md")), config)
        confusion[(expect["verdict"], report.verdict)] += 1
        right += report.verdict == expect["verdict"]
        counts = Counter(f.severity for f in report.findings)
        print(
            f"{name:40s} expected {expect['verdict']:13s} got {report.verdict:13s} score {report.score:3d}  "
            f"errors {counts['error']:2d} warnings {counts['warning']:2d} info {counts['info']:2d}"
        )
    elapsed = time.perf_counter() - start
    print(
        f"\nverdict accuracy: {right}/{len(cases)} ({right / len(cases):.0%}); {elapsed:.1f} s for {len(cases)} drafts incl. engine start"
    )
    for (expected, got), n in sorted(confusion.items()):
        if expected != got:
            print(f"  expected {expected} → got {got}: {n}")


if __name__ == "__main__":
    main()
