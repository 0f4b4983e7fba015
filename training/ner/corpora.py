"""Readers for the named-entity corpora in ``../shared/data/ner/`` (or a folder you pass).

Each reader yields sentences as ``(tokens, labels)`` with BIO labels reduced to ``PER``, ``ORG``,
``LOC`` (GermEval's ``OTH`` and the ``-part``/``-deriv`` variants, WNUT's other classes become
``O``: only whole person names are personal data, ORG/LOC help the model tell companies and places
from persons).

The **held-out GermEval part** is fixed here, in one place, so training can never touch it: the
first ``HELD_OUT`` sentences of the test part (``held_out_germeval``). Training uses the dev split
and the rest of the test part (``germeval_training``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

DEFAULT_ROOT = Path(__file__).resolve().parents[3] / "shared" / "data" / "ner"
HELD_OUT = 1200  # sentences of the GermEval test part kept for reporting, never trained on

Sentence = tuple[list[str], list[str]]
_KEEP = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "CORPORATION": "ORG", "LOC": "LOC",
         "LOCATION": "LOC", "GROUP": "ORG"}  # fmt: skip


def _label(raw: str) -> str:
    if raw == "O" or "-" not in raw:
        return "O"
    prefix, kind = raw.split("-", 1)
    kind = _KEEP.get(kind.upper())
    return f"{prefix}-{kind}" if kind and prefix in ("B", "I") else "O"


def read_germeval(path: Path) -> list[Sentence]:
    sentences: list[Sentence] = []
    tokens: list[str] = []
    labels: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if tokens:
                sentences.append((tokens, labels))
            tokens, labels = [], []
            continue
        parts = line.split("\t")
        tokens.append(parts[1])
        labels.append(_label(parts[2]))
    if tokens:
        sentences.append((tokens, labels))
    return sentences


def read_conll(path: Path) -> Iterator[Sentence]:
    """Two-column CoNLL (token, tag), blank line between sentences; malformed tags become O."""
    tokens: list[str] = []
    labels: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            if tokens:
                yield tokens, labels
            tokens, labels = [], []
            continue
        tokens.append(parts[0])
        labels.append(_label(parts[-1]))
    if tokens:
        yield tokens, labels


def held_out_germeval(root: Path = DEFAULT_ROOT) -> list[Sentence]:
    return read_germeval(root / "germeval2014" / "NER-de-test-part.tsv")[:HELD_OUT]


def germeval_training(root: Path = DEFAULT_ROOT) -> list[Sentence]:
    test_rest = read_germeval(root / "germeval2014" / "NER-de-test-part.tsv")[HELD_OUT:]
    return read_germeval(root / "germeval2014" / "NER-de-dev.tsv") + test_rest


EUROPEANA_FILES = ("enp_DE.lft.bio", "enp_DE.onb.bio", "enp_DE.sbb.bio")
_SENTENCE_END = {".", "!", "?"}
_MAX_TOKENS = 60  # the files have no sentence breaks; long runs are cut here


_EDGE = re.compile(r"^([(\[„»«\"']*)(.*?)([,;:!?)\]“»«\"'.]*)$")


def _split_punctuation(token: str, label: str) -> list[tuple[str, str]]:
    """Punctuation glued to a word (``Dietrich,``) as separate untagged tokens.

    Otherwise the comma after a name would be learnt as part of it. An initial's dot (``C.``)
    stays with its letter.
    """
    lead, word, trail = _EDGE.match(token).groups()
    if not word:
        return [(token, "O")]
    if trail.startswith(".") and len(word) == 1:
        word, trail = word + ".", trail[1:]
    return [(c, "O") for c in lead] + [(word, label)] + [(c, "O") for c in trail]


def read_europeana(path: Path) -> list[Sentence]:
    """One Europeana Newspapers BIO file (``token TAG`` per line, no blank lines between sentences).

    Sentences are cut after an untagged ``.``/``!``/``?`` followed by a capitalised word, or after
    ``_MAX_TOKENS`` tokens. File-marker lines (``file: ...``) and lines without two columns are
    skipped; misspelt tags (``B-PEr``) are read case-blind, malformed ones (``B.PER``) become O.
    """
    rows: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] != "file:":
            rows += _split_punctuation(parts[0], _label(parts[1]))
    sentences: list[Sentence] = []
    tokens: list[str] = []
    labels: list[str] = []
    for i, (token, label) in enumerate(rows):
        if label.startswith("I-") and (not labels or labels[-1][2:] != label[2:]):
            label = "B-" + label[2:]  # a name cut by split-off punctuation starts again
        tokens.append(token)
        labels.append(label)
        following = rows[i + 1][0] if i + 1 < len(rows) else ""
        end = token in _SENTENCE_END and label == "O" and following[:1].isupper()
        if end or len(tokens) >= _MAX_TOKENS or not following:
            sentences.append((tokens, labels))
            tokens, labels = [], []
    return sentences


def europeana_training(folder: Path | None) -> list[Sentence]:
    """The German Europeana Newspapers corpora (CC0) in ``folder``; empty when it is absent."""
    if folder is None or not all((folder / name).is_file() for name in EUROPEANA_FILES):
        return []
    return [s for name in EUROPEANA_FILES for s in read_europeana(folder / name)]


def english_training(root: Path = DEFAULT_ROOT) -> list[Sentence]:
    out: list[Sentence] = []
    for name in ("wnut17train.conll", "emerging.dev.conll", "emerging.test.annotated"):
        out += list(read_conll(root / "wnut17" / name))
    for name in ("btc.train", "btc.dev", "btc.test"):
        out += list(read_conll(root / "btc" / "train_dev_test_conll" / name))
    return out


_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "“", "'", "%", "]"}
_NO_SPACE_AFTER = {"(", "„", "["}


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Plain text of a token list and each token's character span in it."""
    text = ""
    spans = []
    for i, token in enumerate(tokens):
        if i and token not in _NO_SPACE_BEFORE and tokens[i - 1] not in _NO_SPACE_AFTER:
            text += " "
        spans.append((len(text), len(text) + len(token)))
        text += token
    return text, spans


def entity_spans(labels: list[str], kind: str = "PER") -> list[tuple[int, int]]:
    """Token ranges ``[first, last)`` of the entities of ``kind``."""
    spans, start = [], None
    for i, label in enumerate(labels + ["O"]):
        if start is not None and label != f"I-{kind}":
            spans.append((start, i))
            start = None
        if label == f"B-{kind}" or (label == f"I-{kind}" and start is None):
            start = i
    return spans
