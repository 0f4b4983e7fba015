"""Train the shipped name models (one CRF per language) from the recipe.

Run from the repository root:  python training/ner/train.py [--data ../shared/data/ner] [--only de]
[--europeana DIR] [--validate N [--keep PATH]]
Writes reviewer/checks/pii/models/names-{de,en}.crfsuite and prints held-out figures. The recipe
(seed, crfsuite parameters, template counts) is training/ner/recipe.json; the same recipe and data
give the same model. The German Europeana Newspapers files are read from --europeana (default
$REVIEWER_EUROPEANA_DIR, else DATA/europeana); without them the German model is trained without
that corpus, and the run says so. --validate N trains German on everything but the last N GermEval
training sentences and prints the model's PER precision/recall on those, alone and as part of the
whole check (the held-out part is never used to choose).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
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


def _europeana(folder: Path | None, recipe: dict) -> list[corpora.Sentence]:
    """The recipe's share of the Europeana corpus (seeded sample), or nothing when it is absent."""
    wanted = recipe.get("europeana_sentences_de", 0)
    data = corpora.europeana_training(folder) if wanted else []
    if wanted and not data:
        print(f"de: Europeana Newspapers corpus not found in {folder}; training without it")
    if wanted and wanted < len(data):
        data = random.Random(recipe["seed"]).sample(data, wanted)
    return data


def validation_part(size: int, fold: int, total: int) -> slice:
    """The GermEval training sentences set aside for validation: the ``fold``-th block of
    ``size`` sentences counted from the end (fold 0: the last ``size``)."""
    return slice(total - size * (fold + 1), total - size * fold)


def training_sentences(
    language: str,
    root: Path,
    recipe: dict,
    europeana: Path | None = None,
    validate: int = 0,
    fold: int = 0,
) -> list[tuple[list[str], list[str]]]:
    seed = recipe["seed"]
    if language == "de":
        data = corpora.germeval_training(root)
        if validate:
            part = validation_part(validate, fold, len(data))
            data = data[: part.start] + data[part.stop :]
        data += _europeana(europeana, recipe)
        copies = recipe.get("person_sentence_copies_de", 0)
        data += [s for s in data if any(label.endswith("PER") for label in s[1])] * copies
    else:
        data = corpora.english_training(root)
    data = [_retokenize(t, lab) for t, lab in data]
    data += templates.generate(language, recipe["templates_per_language"][language], seed)
    random.Random(seed).shuffle(data)
    return data


def train(
    language: str,
    root: Path,
    recipe: dict,
    europeana: Path | None = None,
    validate: int = 0,
    path: Path | None = None,
    fold: int = 0,
) -> Path:
    import pycrfsuite

    started = time.perf_counter()
    trainer = pycrfsuite.Trainer(algorithm=recipe["crfsuite"]["algorithm"], verbose=False)
    params = {k: v for k, v in recipe["crfsuite"].items() if k != "algorithm"}
    params.update(recipe.get("crfsuite_by_language", {}).get(language, {}))
    trainer.set_params(params)
    data = training_sentences(language, root, recipe, europeana, validate, fold)
    for words, labels in data:
        trainer.append(model.features(words, language), labels)
    model.MODEL_DIR.mkdir(exist_ok=True)
    path = path or model.MODEL_DIR / f"names-{language}.crfsuite"
    trainer.train(str(path))
    size = path.stat().st_size / 1e6
    print(
        f"{language}: {len(data)} sentences, {time.perf_counter() - started:.0f} s, {size:.1f} MB -> {path}"
    )
    return path


def validate(
    root: Path,
    recipe: dict,
    europeana: Path | None,
    count: int,
    keep: Path | None = None,
    fold: int = 0,
) -> None:
    """Train German without the last ``count`` GermEval training sentences; print PER P/R on them,
    of the model alone (exact spans) and of the whole check with that model (span overlap, as
    ``bench/pii_eval.py`` scores the held-out part). ``keep``: where to keep the model."""
    import pycrfsuite

    with tempfile.TemporaryDirectory() as tmp:
        path = keep or Path(tmp) / "names-de.crfsuite"
        path = train("de", root, recipe, europeana, count, path, fold)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        data = corpora.germeval_training(root)
        part = data[validation_part(count, fold, len(data))]
        tp = found = labelled = 0
        for tokens, labels in part:
            words, gold = _retokenize(tokens, labels)
            guess = set(corpora.entity_spans(tagger.tag(model.features(words, "de"))))
            truth = set(corpora.entity_spans(gold))
            tp, found, labelled = tp + len(guess & truth), found + len(guess), labelled + len(truth)
        print(f"de validation (fold {fold}, {count} sentences, {labelled} persons, exact spans): "
              f"precision {tp / max(found, 1):.3f}  recall {tp / max(labelled, 1):.3f}")  # fmt: skip
        check = whole_check(part, path)
    o = check.overall
    print(f"whole check on the validation part (span overlap): precision {o.precision:.3f}  "
          f"recall {o.recall:.3f}  (tp {o.tp}, fp {o.fp}, found {o.found}/{o.labelled})")  # fmt: skip


def whole_check(sentences: list[corpora.Sentence], path: Path):
    """The PII check's PERSON score on ``sentences`` with the German model at ``path``."""
    sys.path.insert(0, str(REPO / "bench"))
    from pii_eval import germeval_persons

    from reviewer.checks.pii.detect import find_pii
    from reviewer.checks.pii.evaluation import Score, score_document
    from reviewer.checks.pii.settings import PiiSettings

    model.use_model("de", path)
    try:
        return germeval_persons(sentences, find_pii, PiiSettings(), Score, score_document)
    finally:
        model.use_model("de", None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=corpora.DEFAULT_ROOT)
    parser.add_argument("--only", choices=["de", "en"])
    parser.add_argument("--europeana", type=Path, default=None)
    parser.add_argument("--validate", type=int, default=0, metavar="N")
    parser.add_argument("--fold", type=int, default=0, help="--validate's block, from the end")
    parser.add_argument("--keep", type=Path, default=None, help="keep the --validate model here")
    parser.add_argument("--recipe", type=Path, default=HERE / "recipe.json",
                        help="a variant of recipe.json to validate")  # fmt: skip
    args = parser.parse_args()
    recipe = json.loads(args.recipe.read_text(encoding="utf-8"))
    europeana = args.europeana or Path(
        os.environ.get("REVIEWER_EUROPEANA_DIR") or args.data / "europeana"
    )
    if args.validate:
        validate(args.data, recipe, europeana, args.validate, args.keep, args.fold)
        return 0
    for language in [args.only] if args.only else ["de", "en"]:
        train(language, args.data, recipe, europeana)
    return 0


if __name__ == "__main__":
    sys.exit(main())
