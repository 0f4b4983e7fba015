"""Guidelines check on the labelled dev set, with the default pack.

    python bench/guidelines_eval.py [EVAL_DIR] [-v]

Prints banned_phrases recall (target >= 0.9), unsupported_claims recall (>= 0.7), injections found
(all), decoys flagged as claims (0), the guideline findings on the clean files, and the time.
A label counts as found when a finding of the right kind overlaps it in the text.

Decoys are the figures of the offer: prices, dates, version numbers and years — those listed in a
case's ``not_pii`` and those found in its text (outside labelled claims). A decoy is *flagged as a
claim* when a claim finding's trigger (the figure or word that made it a claim) overlaps it. The
script also prints how many claim *spans* merely contain a decoy (a claim clause such as
"SensoLink Edge 3.2 liefert die präziseste …" contains a version without being about it).
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from reviewer.config import Config
from reviewer.document import load_document

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = REPO / "tests" / "data" / "eval" / "dev"
CLEAN = ("de_04", "en_03")

# What a reviewer would call a figure of the offer, not a claim.
DECOY = re.compile(
    r"(?:€|\$|£|EUR|USD)\s?\d[\d.,]*(?:\s?(?:per|pro)\s+\w+)?"  # €189, $6 per employee
    r"|\d[\d.,]*\s?(?:€|EUR|Euro)(?:\s?(?:pro|im)\s+\w+)?"  # 49 € pro Monat
    r"|\b\d{1,2}\.?\s+(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
    r"|January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?"
    r"|\b(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
    r"|January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}"
    r"|\b\d+(?:\.\d+)+\b"  # versions: 3.2, 4.2.0.18, 1.29
    r"|\b(?:19|20)\d{2}\b"  # years
    r"|\b\d{1,2}:\d{2}\b"  # times
)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def occurrences(text: str, needle: str, start: int = 0) -> list[tuple[int, int]]:
    spans, at = [], text.find(needle, start)
    while at != -1:
        spans.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    return spans


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    eval_dir = Path(args[0]) if args else DEFAULT_EVAL
    from reviewer.checks import run_check

    def run(doc, config):
        return run_check("guidelines", doc, config)

    from reviewer.checks.guidelines.pack import load_guidelines

    config = Config()
    t0 = time.perf_counter()
    load_guidelines(config)
    load_time = time.perf_counter() - t0

    phrases_total = phrases_found = claims_total = claims_found = inj_total = inj_found = 0
    decoys_total = decoys_flagged = decoy_spans = 0
    clean_counts: dict[str, dict[str, int]] = {}
    run_time = parse_time = 0.0
    words = 0
    for expect_path in sorted(eval_dir.glob("*.expect.json")):
        name = expect_path.name.removesuffix(".expect.json")
        expect = json.loads(expect_path.read_text(encoding="utf-8"))
        doc = load_document(str(eval_dir / f"{name}.md"))
        t0 = time.perf_counter()
        doc.sentences  # noqa: B018 - parsing is shared by all checks; time it apart from the rules
        parse_time += time.perf_counter() - t0
        t0 = time.perf_counter()
        findings = run(doc, config).findings
        run_time += time.perf_counter() - t0
        words += doc.word_count
        spans = {
            kind: [(f.start, f.end) for f in findings if f.category == kind and f.start is not None]
            for kind in ("filler-phrases", "claims-evidence", "prompt-injection")
        }
        triggers = [
            (t["start"], t["end"])
            for f in findings
            if f.category == "claims-evidence"
            for t in f.model_extra.get("triggers", [])
        ]

        def found(label: str, kind: str, doc=doc, spans=spans) -> bool:
            return any(
                overlaps(o, s)
                for o in occurrences(doc.content, label, doc.body_start)
                for s in spans[kind]
            )

        for label in expect.get("banned_phrases", []):
            phrases_total += 1
            hit = found(label, "filler-phrases")
            phrases_found += hit
            if verbose and not hit:
                print(f"  missed phrase  {name}: {label}")
        for label in expect.get("unsupported_claims", []):
            claims_total += 1
            hit = found(label, "claims-evidence")
            claims_found += hit
            if verbose and not hit:
                print(f"  missed claim   {name}: {label}")
        if expect.get("injection"):
            inj_total += 1
            inj_found += found(expect["injection"], "prompt-injection")
        labelled = [
            o
            for label in expect.get("unsupported_claims", [])
            for o in occurrences(doc.content, label, doc.body_start)
        ]
        decoys: set[tuple[int, int]] = set()
        for item in expect.get("not_pii", []):
            if DECOY.search(item):
                decoys.update(occurrences(doc.content, item, doc.body_start))
        decoys.update(m.span() for m in DECOY.finditer(doc.content, doc.body_start))
        decoys = {d for d in decoys if not any(overlaps(d, lab) for lab in labelled)}
        decoys_total += len(decoys)
        flagged = [d for d in decoys if any(overlaps(d, t) for t in triggers)]
        decoys_flagged += len(flagged)
        decoy_spans += sum(
            1 for d in decoys if any(overlaps(d, s) for s in spans["claims-evidence"])
        )
        if verbose:
            for d in flagged:
                print(f"  decoy flagged  {name}: {doc.content[d[0] : d[1]]}")
            for f in findings:
                print(f"    {name} {f.severity:7} {f.rule:40} {f.text[:90]!r}")
        if name.startswith(CLEAN):
            counts = {"error": 0, "warning": 0, "info": 0}
            for f in findings:
                counts[f.severity] += 1
            clean_counts[name] = counts

    print(f"guidelines eval on {eval_dir} (default pack)")
    print(
        f"banned_phrases recall:        {phrases_found}/{phrases_total} = {phrases_found / max(phrases_total, 1):.2f}  (target >= 0.90)"
    )
    print(
        f"unsupported_claims recall:    {claims_found}/{claims_total} = {claims_found / max(claims_total, 1):.2f}  (target >= 0.70)"
    )
    print(f"injections found:             {inj_found}/{inj_total}  (target: all)")
    print(
        f"decoys flagged as claims:     {decoys_flagged} of {decoys_total} prices/dates/versions/years  (target 0)"
    )
    print(f"  claim spans containing one: {decoy_spans}")
    for name, counts in clean_counts.items():
        print(
            f"clean {name}: {counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
        )
    print(
        f"time: load pack {load_time * 1000:.0f} ms; rules {run_time * 1000:.0f} ms for {words} words "
        f"({run_time / max(words, 1) * 1e6:.0f} ms per 1000 words); sentence splitting (shared with other checks) "
        f"{parse_time * 1000:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
