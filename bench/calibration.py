"""Calibration on published copy and on the labelled dev set (issue 14).

    python bench/calibration.py [--real DIR] [--dev DIR] [-v]

The real corpus (published third-party B2B texts, unlabelled) is read from ``--real``, else
``$REVIEWER_REAL_DIR``, else ``../shared/eval/real`` next to the repository; when absent the
script says so and skips that part. It is never copied into the repository: the hand judgements
in ``bench/calibration/adjudication.json`` hold, per error finding, the file, the rule, a short
quote of the finding span, true/false and why.

Every draft is reviewed like ``reviewer review --no-critique`` (all local checks, no model).
Printed for the real corpus: error findings per text and by rule with the share judged false,
texts blocked and texts blocked only by false alarms, error findings nobody judged yet,
warnings per text and by rule, ``structure.no_title`` on texts whose brief has a title, and the
share of texts with a readability warning. For the dev set: every labelled unsupported claim,
personal-data item and injection still found, and verdict against label.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

ADJUDICATION = REPO / "bench" / "calibration" / "adjudication.json"
DEFAULT_REAL = REPO.parent / "shared" / "eval" / "real"
DEFAULT_DEV = REPO / "tests" / "data" / "eval" / "dev"


@dataclass
class Judgement:
    file: str
    rule: str
    quote: str
    true: bool
    why: str


@dataclass
class TextResult:
    name: str
    verdict: str
    errors: list = field(default_factory=list)  # (finding, judgement or None)
    warnings: list = field(default_factory=list)
    has_brief_title: bool = False


def load_judgements(path: Path = ADJUDICATION) -> list[Judgement]:
    if not path.exists():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Judgement(**entry) for entry in data["judgements"]]


def judge(name: str, finding, judgements: list[Judgement]) -> Judgement | None:
    """The judgement for a finding: same file and rule, and its quote inside the finding's text."""
    text = " ".join((finding.text or finding.message).split())
    for judgement in judgements:
        if (
            judgement.file == name
            and judgement.rule == finding.rule
            and " ".join(judgement.quote.split()) in text
        ):
            return judgement
    return None


def review_all(folder: Path) -> list[tuple[str, object, object]]:
    """(name, document, report) for every draft in ``folder``, critique off."""
    from reviewer.checks.base import ReviewOptions
    from reviewer.config import Config
    from reviewer.document import load_document
    from reviewer.pipeline import review

    config = Config()
    options = ReviewOptions(run_critique=False)
    out = []
    for path in sorted(folder.glob("*.md")):
        if path.name.lower().startswith(("readme", "index")):
            continue
        doc = load_document(str(path))
        out.append((path.stem, doc, review(doc, config, options)))
    return out


READABILITY = ("flesch_reading_ease", "avg_sentence_length", "long_sentence_share", "passive_share")


def readability_distribution(reviewed: list) -> None:
    """Percentiles per language of the readability metrics: what published copy looks like."""
    import statistics

    print("readability of the published texts (p10 / p25 / median / p75 / p90):")
    for language in ("de", "en"):
        rows = [r.metrics for _, doc, r in reviewed if doc.language == language]
        for key in READABILITY:
            values = sorted(m[key] for m in rows if key in m)
            if len(values) < 5:
                continue
            q = statistics.quantiles(values, n=20, method="inclusive")
            cut = [q[1], q[4], statistics.median(values), q[14], q[17]]
            print(
                f"  {language} {key:22s} "
                + " / ".join(f"{v:6.3g}" for v in cut)
                + f"  (n={len(values)})"
            )


def real_part(folder: Path, verbose: bool) -> None:
    judgements = load_judgements()
    results = []
    reviewed = review_all(folder)
    readability_distribution(reviewed)
    for name, doc, report in reviewed:
        result = TextResult(name, report.verdict)
        result.has_brief_title = bool(doc.brief and doc.brief.title)
        for finding in report.findings:
            if finding.severity == "error":
                result.errors.append((finding, judge(name, finding, judgements)))
            elif finding.severity == "warning":
                result.warnings.append(finding)
        results.append(result)
    n = len(results)
    print(f"== published corpus: {folder} ({n} texts, --no-critique)")
    errors = [(r.name, f, j) for r in results for f, j in r.errors]
    by_rule: Counter[str] = Counter(f.rule for _, f, _ in errors)
    false_by_rule: Counter[str] = Counter(f.rule for _, f, j in errors if j and not j.true)
    unjudged = [(name, f) for name, f, j in errors if j is None]
    false_total = sum(false_by_rule.values())
    print(f"error findings: {len(errors)} ({len(errors) / n:.2f} per text)")
    for rule, count in by_rule.most_common():
        print(f"  {rule:40s} {count:3d}  judged false {false_by_rule[rule]:3d}")
    print(
        f"false error findings: {false_total} ({false_total / n * 10:.1f} per 10 texts); "
        f"share false {false_total / max(1, len(errors)):.0%}; unjudged {len(unjudged)}"
    )
    blocked = [r for r in results if r.verdict == "blocked"]
    only_false = [r for r in blocked if all(j is not None and not j.true for _, j in r.errors)]
    other = [(f, j) for _, f, j in errors if f.check != "pii"]
    other_false = sum(1 for _, j in other if j and not j.true)
    print(
        f"  without personal data (pii.*): {len(other)} error findings, {other_false} judged false "
        f"({other_false / n * 10:.1f} per 10 texts)"
    )
    verdicts = Counter(r.verdict for r in results)
    print(
        "verdicts: " + ", ".join(f"{v} {verdicts[v]}" for v in ("ready", "needs_review", "blocked"))
    )
    print(f"texts blocked only by false alarms: {len(only_false)}")
    for r in only_false:
        print(f"  {r.name}")
    warnings: Counter[str] = Counter(f.rule for r in results for f in r.warnings)
    total_warnings = sum(warnings.values())
    print(f"warnings: {total_warnings} ({total_warnings / n:.2f} per text)")
    for rule, count in warnings.most_common():
        texts = sum(1 for r in results if any(f.rule == rule for f in r.warnings))
        print(f"  {rule:40s} {count:3d}  on {texts} texts")
    titled = [r for r in results if r.has_brief_title]
    no_title = sum(1 for r in titled if any(f.rule == "structure.no_title" for f in r.warnings))
    print(f"structure.no_title on texts whose brief has a title: {no_title} of {len(titled)}")
    hard = sum(
        1
        for r in results
        if any(f.rule.startswith("readability.") for f in r.warnings + [f for f, _ in r.errors])
    )
    print(f"texts with a readability warning: {hard} of {n} ({hard / n * 10:.1f} in 10)")
    if unjudged:
        print("unjudged error findings (add them to bench/calibration/adjudication.json):")
        for name, f in unjudged:
            print(f"  {name}  {f.rule}  {' '.join((f.text or f.message).split())[:100]!r}")
    if verbose:
        print("judged error findings:")
        for name, f, j in errors:
            if j is not None:
                print(f"  {'TRUE ' if j.true else 'false'} {name} {f.rule} {j.quote!r}")


def dev_part(folder: Path) -> None:
    from bench.guidelines_eval import occurrences, overlaps

    print(f"\n== labelled dev set: {folder}")
    right = 0
    missing: list[str] = []
    totals = Counter()
    found = Counter()
    cases = review_all(folder)
    for name, doc, report in cases:
        expect = json.loads((folder / f"{name}.expect.json").read_text(encoding="utf-8"))
        right += report.verdict == expect["verdict"]
        if report.verdict != expect["verdict"]:
            missing.append(f"{name}: verdict {report.verdict}, label {expect['verdict']}")
        spans = [(f, (f.start, f.end)) for f in report.findings if f.start is not None and f.end]
        labelled = [("claim", c) for c in expect.get("unsupported_claims", [])]
        labelled += [("pii", p["text"]) for p in expect.get("pii", [])]
        if expect.get("injection"):
            labelled.append(("injection", expect["injection"]))
        for kind, text in labelled:
            totals[kind] += 1
            places = occurrences(doc.content, text)
            # claims and injections must block; a name alone is a warning by the verdict policy
            severities = ("error",) if kind != "pii" else ("error", "warning")
            hit = any(
                overlaps(place, span) and _kind_of(f) == kind and f.severity in severities
                for place in places
                for f, span in spans
            )
            found[kind] += hit
            if not hit:
                missing.append(f"{name}: {kind} not found: {text[:60]!r}")
    for kind in ("claim", "pii", "injection"):
        how = "as errors" if kind != "pii" else "(names as warnings)"
        print(f"labelled {kind:9s} found {how}: {found[kind]}/{totals[kind]}")
    print(f"verdicts matching the label: {right}/{len(cases)}")
    for line in missing:
        print(f"  {line}")


def _kind_of(finding) -> str:
    if finding.check == "pii":
        return "pii"
    if getattr(finding, "claim_kinds", None) or finding.rule == "critique.claim":
        return "claim"
    if finding.rule.startswith("prompt-injection."):
        return "injection"
    return "other"


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    real = os.environ.get("REVIEWER_REAL_DIR")
    dev = None
    while args:
        flag = args.pop(0)
        if flag == "--real" and args:
            real = args.pop(0)
        elif flag == "--dev" and args:
            dev = args.pop(0)
        else:
            print(__doc__)
            return 2
    real_dir = Path(real) if real else DEFAULT_REAL
    if real_dir.is_dir():
        real_part(real_dir, verbose)
    else:
        print(f"published corpus not found at {real_dir}: set REVIEWER_REAL_DIR or --real; skipped")
    dev_part(Path(dev) if dev else DEFAULT_DEV)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
