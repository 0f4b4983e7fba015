"""Train the shipped name models (one CRF per language) from the recipe.

Run from the repository root:  python training/ner/train.py [--data ../shared/data/ner] [--only de]
Writes reviewer/checks/pii/models/names-{de,en}.crfsuite and prints held-out figures. The recipe
(seed, crfsuite parameters, template counts) is training/ner/recipe.json; the same recipe and data
give the same model.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

import corpora  # noqa: E402
import templates  # noqa: E402

from reviewer.checks.pii import model  # noqa: E402


def _retokenize(tokens: list[str], labels: list[str]) -> tuple[list[str], list[str]]:
    """Corpus tokens split the way ``model.tokenize`` splits running text (labels follow)."""
    words, out = [], []
    for token, label in zip(tokens, labels, strict=True):
        pieces = [token[s:e] for s, e in model.tokenize(token)] or [token]
        for n, piece in enumerate(pieces):
            words.append(piece)
            out.append(label if n == 0 or label == "O" else "I-" + label[2:])
    return words, out


def training_sentences(
    language: str, root: Path, recipe: dict
) -> list[tuple[list[str], list[str]]]:
    seed = recipe["seed"]
    data = corpora.germeval_training(root) if language == "de" else corpora.english_training(root)
    data = [_retokenize(t, lab) for t, lab in data]
    data += templates.generate(language, recipe["templates_per_language"][language], seed)
    random.Random(seed).shuffle(data)
    return data


def train(language: str, root: Path, recipe: dict) -> Path:
    import pycrfsuite

    started = time.perf_counter()
    trainer = pycrfsuite.Trainer(algorithm=recipe["crfsuite"]["algorithm"], verbose=False)
    params = {k: v for k, v in recipe["crfsuite"].items() if k != "algorithm"}
    params.update(recipe.get("crfsuite_by_language", {}).get(language, {}))
    trainer.set_params(params)
    data = training_sentences(language, root, recipe)
    for words, labels in data:
        trainer.append(model.features(words, language), labels)
    model.MODEL_DIR.mkdir(exist_ok=True)
    path = model.MODEL_DIR / f"names-{language}.crfsuite"
    trainer.train(str(path))
    size = path.stat().st_size / 1e6
    print(
        f"{language}: {len(data)} sentences, {time.perf_counter() - started:.0f} s, {size:.1f} MB -> {path}"
    )
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=corpora.DEFAULT_ROOT)
    parser.add_argument("--only", choices=["de", "en"])
    args = parser.parse_args()
    recipe = json.loads((HERE / "recipe.json").read_text(encoding="utf-8"))
    for language in [args.only] if args.only else ["de", "en"]:
        train(language, args.data, recipe)
    return 0


if __name__ == "__main__":
    sys.exit(main())
