"""Keyword check against labelled drafts: missing / stuffed exactness, off-topic P/R, cue reliance,
speed.

    python bench/keywords_eval.py [EVAL_DIR] [--verbose]

Two sets are read: the labelled dev set (``EVAL_DIR``, else ``$REVIEWER_EVAL_DIR``, else
``tests/data/eval/dev``; skipped with a message when absent) and the keyword relevance cases written
for this check (``tests/data/keywords/``, split into ``develop`` and ``holdout`` halves by their
``split`` label). For each it prints what was expected and what the check reported, then:

- missing and stuffed keywords as exact matches (every label found, nothing else reported);
- off-topic ("irrelevant") keywords as precision and recall, per set and per split;
- how many detected off-topic keywords rely on a contrast cue word ("unlike", "anders als", …):
  the cue is deleted from the draft and the check run again; a keyword that is then no longer
  reported relied on the cue;
- the warm time per document (language data loaded) and the one-off cold start; and the warm time
  per 650-word draft (the speed budget's unit): each draft's body repeated, paragraph by paragraph
  under fresh subheadings, until it has at least 650 words.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reviewer.checks import run_check  # noqa: E402
from reviewer.config import Config  # noqa: E402
from reviewer.document import load_document, parse_document  # noqa: E402

CASES = REPO / "tests" / "data" / "keywords"
RULES = {
    "missing": "keywords.missing",
    "stuffed": "keywords.stuffed",
    "irrelevant": "keywords.irrelevant",
}
# Contrastive and alternative connectives that set a keyword aside ("Unlike NFT payouts, …").
# Deleting them from a sentence leaves a grammatical sentence that no longer sets anything aside.
_CUES = re.compile(
    r"\b(?:unlike|instead of|rather than|as opposed to|in contrast to|by contrast|compared (?:to|with)|"
    r"anders als|im Gegensatz zu[mr]?|im Unterschied zu[mr]?|anstatt|statt|verglichen mit)\b\s*",
    re.IGNORECASE,
)
_WHETHER_OR = re.compile(r"\b(?:whether|ob)\b\s*", re.IGNORECASE)


def _run_check(doc, config):
    return run_check("keywords", doc, config)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    def add(self, name: str, wanted: set[str], got: set[str]) -> None:
        self.tp += len(wanted & got)
        self.fp += len(got - wanted)
        self.fn += len(wanted - got)
        self.misses += [f"{name}:{k}" for k in sorted(wanted - got)]
        self.false_alarms += [f"{name}:{k}" for k in sorted(got - wanted)]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def line(self) -> str:
        text = f"precision {self.precision:.2f}  recall {self.recall:.2f}  (tp {self.tp}, fp {self.fp}, fn {self.fn})"
        if self.misses:
            text += f"  missed: {', '.join(self.misses)}"
        if self.false_alarms:
            text += f"  false alarms: {', '.join(self.false_alarms)}"
        return text


def _reported(output, rule: str) -> set[str]:
    return {f.category.casefold() for f in output.findings if f.rule == rule}


def _without_cues(text: str, keywords: set[str]) -> str:
    """The draft with contrast cue words deleted from the lines that name one of ``keywords``
    (and "whether/ob … or/oder" there turned plain)."""
    lines = []
    for line in text.split("\n"):
        if any(k in line.casefold() for k in keywords):
            line = _WHETHER_OR.sub("", _CUES.sub("", line))
        lines.append(line)
    return "\n".join(lines)


def evaluate(folder: Path, label: str, config: Config, verbose: bool) -> dict:
    cases = sorted(folder.glob("*.expect.json"))
    totals = {kind: Tally() for kind in RULES}
    splits: dict[str, Tally] = {}
    cue_reliant: list[str] = []
    cue_cases = 0
    docs = []
    print(f"== {label} ({folder})")
    for expect_path in cases:
        name = expect_path.name.removesuffix(".expect.json")
        path = folder / f"{name}.md"
        doc = load_document(str(path))
        expect = json.loads(expect_path.read_text(encoding="utf-8"))
        output = _run_check(doc, config)
        docs.append(doc)
        line = [name]
        for kind, rule in RULES.items():
            wanted = {k.casefold() for k in expect.get(f"keywords_{kind}", [])}
            got = _reported(output, rule)
            totals[kind].add(name, wanted, got)
            if kind == "irrelevant" and "split" in expect:
                splits.setdefault(expect["split"], Tally()).add(name, wanted, got)
            if wanted or got:
                mark = "ok" if wanted == got else f"MISMATCH expected {sorted(wanted)}"
                line.append(f"{kind}={sorted(got)} {mark}")
        print("  " + "  ".join(line))
        # Cue reliance: is a detected off-topic keyword still detected without the cue words?
        wanted = {k.casefold() for k in expect.get("keywords_irrelevant", [])}
        found = wanted & _reported(output, RULES["irrelevant"])
        text = path.read_text(encoding="utf-8")
        plain = _without_cues(text, wanted)
        if wanted and plain != text:
            cue_cases += 1
        if found and plain != text:
            ablated = _run_check(parse_document(plain, path.name), config)
            lost = found - _reported(ablated, RULES["irrelevant"])
            cue_reliant += [f"{name}:{k}" for k in sorted(lost)]
        if verbose:
            for item in output.details["keywords"]:
                shown = {k: v for k, v in item.items() if k not in ("keyword", "compounds")}
                print(f"      {item['keyword']!r}: {shown}")
            for finding in output.findings:
                if finding.rule == RULES["irrelevant"]:
                    print(f"      -> {finding.message}\n         {finding.suggestion}")
    print()
    for kind in ("missing", "stuffed"):
        t = totals[kind]
        exact = t.fp == 0 and t.fn == 0
        print(
            f"  keywords_{kind}: {t.tp} of {t.tp + t.fn} labelled found, {t.fp} reported wrongly -> {'exact' if exact else 'NOT exact'}"
        )
    print(f"  off-topic keywords: {totals['irrelevant'].line()}")
    for split, tally in sorted(splits.items()):
        print(f"    {split:8} half: {tally.line()}")
    print(
        f"  off-topic keywords relying on a contrast cue word: {len(cue_reliant)}"
        + (f" ({', '.join(cue_reliant)})" if cue_reliant else "")
        + f"; drafts with an off-topic keyword and a cue word: {cue_cases}"
    )
    print()
    return {"totals": totals, "docs": docs, "cue_reliant": cue_reliant}


def _eval_dir(args: list[str]) -> Path:
    positional = [a for a in args if not a.startswith("-")]
    if positional:
        return Path(positional[0])
    return Path(os.environ.get("REVIEWER_EVAL_DIR", REPO / "tests" / "data" / "eval" / "dev"))


def main(args: list[str]) -> int:
    verbose = "--verbose" in args
    config = Config()
    cold = _cold_start(config)
    results = []
    dev = _eval_dir(args)
    if any(dev.glob("*.expect.json")):
        results.append(evaluate(dev, "labelled dev set", config, verbose))
    else:
        print(f"skipped the dev set: no labelled cases in {dev}\n")
    results.append(evaluate(CASES, "keyword relevance cases", config, verbose))

    combined = Tally()
    for result in results:
        t = result["totals"]["irrelevant"]
        combined.tp, combined.fp, combined.fn = (
            combined.tp + t.tp,
            combined.fp + t.fp,
            combined.fn + t.fn,
        )
    reliant = sum(len(r["cue_reliant"]) for r in results)
    print(f"all sets, off-topic keywords: {combined.line()}; relying on a cue word: {reliant}")

    docs = [d for r in results for d in r["docs"]]
    rounds = 3
    wall = time.perf_counter()
    cpu = time.process_time()
    for _ in range(rounds):
        for doc in docs:
            _run_check(doc, config)
    wall = (time.perf_counter() - wall) / (rounds * len(docs))
    cpu = (time.process_time() - cpu) / (rounds * len(docs))
    words = sum(d.word_count for d in docs) / len(docs)
    print(
        f"speed: cold start {cold:.2f} s once per process; warm {wall * 1000:.1f} ms wall, "
        f"{cpu * 1000:.1f} ms CPU per document (mean {words:.0f} words, {len(docs)} documents x {rounds}); "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    long_docs = [_lengthened(d, 650) for d in docs]
    per_round = []
    for _ in range(5):
        cpu = time.process_time()
        for doc in long_docs:
            _run_check(doc, config)
        per_round.append((time.process_time() - cpu) / len(long_docs))
    words = sum(d.word_count for d in long_docs) / len(long_docs)
    print(
        f"speed per 650-word draft: warm {min(per_round) * 1000:.1f} ms CPU, best of 5 rounds "
        f"(median {sorted(per_round)[2] * 1000:.1f} ms; mean {words:.0f} words, {len(long_docs)} "
        f"drafts; budget 10 ms); load average {os.getloadavg()[0]:.1f}"
    )
    exact = all(
        r["totals"][kind].fp == r["totals"][kind].fn == 0
        for r in results
        for kind in ("missing", "stuffed")
    )
    tallies = [combined] + [r["totals"]["irrelevant"] for r in results]  # pooled and each set
    good = all(t.precision >= 0.8 and t.recall >= 0.8 for t in tallies) and reliant <= 1
    return 0 if exact and good else 1


def _lengthened(doc, words: int):
    """The draft with its body repeated under numbered subheadings until it has ``words`` words."""
    body = doc.content[doc.body_start :].replace("\n# ", "\n## ")
    text, part = doc.content, 1
    while parse_document(text, doc.source).word_count < words:
        part += 1
        text += f"\n\n## Part {part}\n\n{body}"
    return parse_document(text, doc.source)


def _cold_start(config: Config) -> float:
    """Seconds for the first check run in this process: loads what the check needs."""
    start = time.perf_counter()
    for language, text in (("de", "Die Daten der Kunden."), ("en", "The data of customers.")):
        draft = f"---\nlanguage: {language}\nkeywords: [Daten, data]\n---\n# T\n\n{text}\n"
        _run_check(parse_document(draft, "warmup.md"), config)
    return time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
