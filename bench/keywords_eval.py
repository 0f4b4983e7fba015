"""Keyword check against the labelled dev set: missing / stuffed exactness, irrelevant P/R, speed.

    python bench/keywords_eval.py [EVAL_DIR] [--verbose]

Prints, per file, what was expected and what the check reported, then totals: missing and stuffed
as exact matches (every label found, nothing else reported), irrelevant as precision and recall,
and the time per document with warm engines (simplemma dictionaries and YAKE loaded) and the
one-off cold start.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reviewer.checks import run_check  # noqa: E402
from reviewer.config import Config  # noqa: E402
from reviewer.document import load_document  # noqa: E402

RULES = {
    "missing": "keywords.missing",
    "stuffed": "keywords.stuffed",
    "irrelevant": "keywords.irrelevant",
}


def _eval_dir(args: list[str]) -> Path:
    positional = [a for a in args if not a.startswith("-")]
    if positional:
        return Path(positional[0])
    return Path(os.environ.get("REVIEWER_EVAL_DIR", REPO / "tests" / "data" / "eval" / "dev"))


def main(args: list[str]) -> int:
    folder = _eval_dir(args)
    verbose = "--verbose" in args
    cases = sorted(folder.glob("*.expect.json"))
    if not cases:
        print(f"no labelled cases in {folder}", file=sys.stderr)
        return 2
    config = Config()
    totals = {kind: {"tp": 0, "fp": 0, "fn": 0} for kind in RULES}
    docs = []
    cold = _cold_start(config)
    relevant_scores: list[float] = []
    unrelated_scores: list[float] = []
    for expect_path in cases:
        name = expect_path.name.removesuffix(".expect.json")
        doc = load_document(str(folder / f"{name}.md"))
        expect = json.loads(expect_path.read_text(encoding="utf-8"))
        output = run_check("keywords", doc, config)
        docs.append(doc)
        labelled = {k.casefold() for k in expect.get("keywords_irrelevant", [])}
        for item in output.details["keywords"]:
            if item["relevance"] is not None:
                bucket = (
                    unrelated_scores if item["keyword"].casefold() in labelled else relevant_scores
                )
                bucket.append(item["relevance"])
        line = [name]
        for kind, rule in RULES.items():
            wanted = {k.casefold() for k in expect.get(f"keywords_{kind}", [])}
            got = {f.category.casefold() for f in output.findings if f.rule == rule}
            totals[kind]["tp"] += len(wanted & got)
            totals[kind]["fp"] += len(got - wanted)
            totals[kind]["fn"] += len(wanted - got)
            if wanted or got:
                mark = "ok" if wanted == got else f"MISMATCH expected {sorted(wanted)}"
                line.append(f"{kind}={sorted(got)} {mark}")
        print("  ".join(line))
        if verbose:
            for entry in output.details["keywords"]:
                print(
                    f"    {entry['keyword']!r:28} n={entry['occurrences']:<3} density={entry['density']:<5} "
                    f"relevance={entry['relevance']} {entry.get('evidence', {})} related={entry.get('related_words', [])[:4]}"
                )
            for finding in output.findings:
                if finding.rule == "keywords.irrelevant":
                    print(f"    -> {finding.message}\n       {finding.suggestion}")

    rounds = 5
    start = time.perf_counter()
    for _ in range(rounds):
        for doc in docs:
            run_check("keywords", doc, config)
    warm = (time.perf_counter() - start) / (rounds * len(docs))

    print()
    for kind in ("missing", "stuffed"):
        t = totals[kind]
        exact = t["fp"] == 0 and t["fn"] == 0
        print(
            f"keywords_{kind}: {t['tp']} of {t['tp'] + t['fn']} labelled found, {t['fp']} reported wrongly -> {'exact' if exact else 'NOT exact'}"
        )
    t = totals["irrelevant"]
    precision = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 1.0
    recall = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 1.0
    print(
        f"keywords_irrelevant: precision {precision:.2f}  recall {recall:.2f}  (tp {t['tp']}, fp {t['fp']}, fn {t['fn']})"
    )
    if relevant_scores and unrelated_scores:
        print(
            f"relevance scores: lowest of the relevant keywords {min(relevant_scores):.2f}, highest of the "
            f"labelled unrelated {max(unrelated_scores):.2f} (threshold {config.keywords.relevance_threshold:g})"
        )
    words = sum(d.word_count for d in docs) / len(docs)
    print(
        f"speed: cold start (simplemma dictionaries, YAKE) {cold:.2f} s once per process; "
        f"warm {warm * 1000:.0f} ms per document (mean {words:.0f} words, {len(docs)} documents x {rounds})"
    )
    ok = (
        totals["missing"]["fp"]
        == totals["missing"]["fn"]
        == totals["stuffed"]["fp"]
        == totals["stuffed"]["fn"]
        == 0
    )
    return 0 if ok and precision >= 0.8 and recall >= 0.8 else 1


def _cold_start(config: Config) -> float:
    """Seconds for the first check run in this process: loads the dictionaries and YAKE."""
    from reviewer.document import parse_document

    start = time.perf_counter()
    for language, text in (("de", "Die Daten der Kunden."), ("en", "The data of customers.")):
        draft = f"---\nlanguage: {language}\nkeywords: [Daten, data]\n---\n# T\n\n{text}\n"
        run_check("keywords", parse_document(draft, "warmup.md"), config)
    return time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
