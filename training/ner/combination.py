"""What the person combination keeps and drops of the German model's names, on the validation
folds (never the held-out part).

Run from the repository root, after keeping one model per fold:

    python training/ner/train.py --only de --validate 700 --fold F --keep DIR/names-de-fF.crfsuite
    python training/ner/combination.py DIR [--data ../shared/data/ner]

For every span a fold's model tags ``PER`` in that fold's validation sentences, the reason
``combine._rejection`` gives for dropping it (or none), counted against the labels: how many
correct names and how many false ones each filter removes. Rules are chosen from these counts
(see MODEL_CARD.md), each for a class of text; the table says where recall is still lost.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

import corpora  # noqa: E402
import train  # noqa: E402

from reviewer.checks.pii import combine, model  # noqa: E402

FOLDS = (0, 1, 2)
SIZE = 700


def reasons(folder: Path, root: Path) -> Counter:
    """``(reason or "kept", is a labelled person)`` -> count, over the three folds."""
    data = corpora.germeval_training(root)
    counts: Counter = Counter()
    for fold in FOLDS:
        tagger = model.NameModel(folder / f"names-de-f{fold}.crfsuite", "de")
        for tokens, labels in data[train.validation_part(SIZE, fold, len(data))]:
            text, spans = corpora.detokenize(tokens)
            gold = [(spans[a][0], spans[b - 1][1]) for a, b in corpora.entity_spans(labels)]
            for entity in tagger.entities(text):
                if entity.label != "PER":
                    continue
                start, end = combine._trim(text, entity.start, entity.end)
                if end <= start:
                    continue
                why = combine._rejection(text, start, end, "de", entity.confidence)
                person = any(start < b and a < end for a, b in gold)
                counts[(why or "kept", person)] += 1
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", type=Path, help="folder with names-de-f{0,1,2}.crfsuite")
    parser.add_argument("--data", type=Path, default=corpora.DEFAULT_ROOT)
    args = parser.parse_args()
    counts = reasons(args.models, args.data)
    print(f"{'model PER span: kept, or why dropped':45s} {'persons':>8s} {'others':>7s}")
    for why in sorted(
        {w for w, _ in counts}, key=lambda w: -counts[(w, True)] - counts[(w, False)]
    ):
        print(f"{why:45s} {counts[(why, True)]:8d} {counts[(why, False)]:7d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
