"""Scoring PII detection against the labelled eval set (``expect.json``: ``pii`` and ``not_pii``).

Labels are strings, so every occurrence of a labelled string in the body is a labelled span. A
detection is a true positive when it overlaps a labelled span, a false positive otherwise; a
labelled span is found when some detection overlaps it (recall counts every occurrence, since a
redaction that misses the second mention still leaks). A decoy (``not_pii``) is flagged when a
detection overlaps one of its occurrences outside every labelled span. Used by
``bench/pii_eval.py`` and by the tests that hold the targets.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Counts:
    tp: int = 0  # detections overlapping a labelled span
    fp: int = 0  # detections overlapping none
    found: int = 0  # labelled spans overlapped by a detection
    labelled: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.labelled if self.labelled else 1.0

    @property
    def f2(self) -> float:
        p, r = self.precision, self.recall
        return 5 * p * r / (4 * p + r) if p + r else 0.0


@dataclass
class Score:
    overall: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    decoys: int = 0
    decoys_flagged: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    documents: int = 0


def occurrences(text: str, needle: str, start: int) -> list[tuple[int, int]]:
    spans, pos = [], text.find(needle, start)
    while needle and pos != -1:
        spans.append((pos, pos + len(needle)))
        pos = text.find(needle, pos + 1)
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_document(
    score: Score, name: str, content: str, body_start: int, expect: dict, detections
) -> None:
    """Add one document's detections (objects with start, end, entity, text) to ``score``."""
    labelled = [
        (span, item["type"], item["text"])
        for item in expect.get("pii", [])
        for span in occurrences(content, item["text"], body_start)
    ]
    score.documents += 1
    for span, kind, text in labelled:
        hit = any(_overlaps(span, (d.start, d.end)) for d in detections)
        for counts in (score.overall, score.by_type[kind]):
            counts.labelled += 1
            counts.found += hit
        if not hit:
            score.missed.append(f"{name}: {kind} {text!r}")
    for det in detections:
        hit = any(_overlaps((det.start, det.end), span) for span, _, _ in labelled)
        for counts in (score.overall, score.by_type[det.entity]):
            if hit:
                counts.tp += 1
            else:
                counts.fp += 1
        if not hit:
            score.false_positives.append(f"{name}: {det.entity} {det.text!r}")
    for decoy in expect.get("not_pii", []):
        spans = [
            s
            for s in occurrences(content, decoy, body_start)
            if not any(_overlaps(s, lab) for lab, _, _ in labelled)
        ]
        score.decoys += 1
        if any(_overlaps(s, (d.start, d.end)) for s in spans for d in detections):
            score.decoys_flagged.append(f"{name}: {decoy!r}")


def load_cases(folder: Path) -> list[tuple[str, Path, dict]]:
    """(name, draft, expectation) for each ``NAME.expect.json`` with its ``NAME.md``."""
    cases = []
    for expect_file in sorted(folder.glob("*.expect.json")):
        name = expect_file.name.removesuffix(".expect.json")
        cases.append(
            (name, folder / f"{name}.md", json.loads(expect_file.read_text(encoding="utf-8")))
        )
    return cases
