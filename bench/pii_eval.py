"""PII detection on the labelled dev set: precision, recall, F2 (overall and per type), decoys
flagged, one-off engine start time and warm throughput.

Run: python bench/pii_eval.py [EVAL_DIR]   (default: tests/data/eval/dev, the copy in the repository)
Scoring: span overlap, see reviewer/pii/evaluation.py. Targets: recall >= 0.95, precision >= 0.90,
no decoy flagged.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

ROUNDS = 5  # warm passes over the whole set for the throughput figure


def main() -> int:
    started = time.perf_counter()
    from reviewer.checks.pii.detect import find_pii
    from reviewer.checks.pii.engine import get_engine
    from reviewer.checks.pii.evaluation import Score, load_cases, score_document
    from reviewer.config import PiiSettings
    from reviewer.document import load_document

    settings = PiiSettings()
    engine = get_engine(settings.spacy_model)
    start_seconds = time.perf_counter() - started

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "tests" / "data" / "eval" / "dev"
    cases = load_cases(folder)
    if not cases:
        print(f"no labelled cases in {folder}", file=sys.stderr)
        return 2
    docs = [(name, load_document(str(path)), expect) for name, path, expect in cases]

    score = Score()
    for name, doc, expect in docs:
        detections = find_pii(doc.content, doc.language, settings, start=doc.body_start)
        score_document(score, name, doc.content, doc.body_start, expect, detections)

    timer = time.perf_counter()
    for _ in range(ROUNDS):
        for _, doc, _ in docs:
            find_pii(doc.content, doc.language, settings, start=doc.body_start)
    warm = time.perf_counter() - timer
    words = sum(doc.word_count for _, doc, _ in docs)

    o = score.overall
    print(
        f"PII eval on {folder} ({score.documents} documents, {o.labelled} labelled spans, {score.decoys} decoys)"
    )
    print(
        f"overall    precision {o.precision:.3f}  recall {o.recall:.3f}  F2 {o.f2:.3f}  (tp {o.tp}, fp {o.fp}, found {o.found}/{o.labelled})"
    )
    for kind in sorted(score.by_type):
        c = score.by_type[kind]
        print(
            f"  {kind:20s} precision {c.precision:.3f}  recall {c.recall:.3f}  F2 {c.f2:.3f}  (tp {c.tp}, fp {c.fp}, found {c.found}/{c.labelled})"
        )
    print(f"decoys flagged: {len(score.decoys_flagged)} of {score.decoys}")
    for line in score.decoys_flagged:
        print(f"  decoy  {line}")
    for line in score.false_positives:
        print(f"  false positive  {line}")
    for line in score.missed:
        print(f"  missed  {line}")
    print(
        f"engine start (imports + build, once per process): {start_seconds:.2f} s (build alone {engine.start_seconds:.2f} s)"
    )
    n = ROUNDS * len(docs)
    print(
        f"throughput, engine warm: {n / warm:.1f} docs/s ({warm / n * 1000:.1f} ms/doc, {ROUNDS * words / warm:,.0f} words/s)"
    )
    targets = o.recall >= 0.95 and o.precision >= 0.90 and not score.decoys_flagged
    print("targets (recall >= 0.95, precision >= 0.90, 0 decoys):", "met" if targets else "NOT met")
    return 0 if targets else 1


if __name__ == "__main__":
    sys.exit(main())
