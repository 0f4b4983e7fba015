"""Substance check: the three figures of issue 17, and its speed.

    python bench/substance_eval.py [REAL_DIR] [--verbose]

- the seed article (``tests/data/seed/``): sections with a substance warning, each naming what is
  missing, and the repeated phrases reported (done when: at least 4 warnings, phrases reported);
- the published texts (``REAL_DIR``, else ``$REVIEWER_REAL_DIR``, else
  ``/work/shared/eval/real``; skipped with a message when absent): the share of sections with a
  warning (done when: at most 1 in 10). They are read from there and never copied;
- the generic/specific draft pairs (``tests/data/substance/``): every generic version warned and
  no specific one (done when: all of them);
- the warm time per 650 words: the check alone on parsed drafts whose sentences are already split
  (every review splits them once for all checks), and with the sentence splitting included.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reviewer.checks import run_check  # noqa: E402
from reviewer.config import Config  # noqa: E402
from reviewer.document import Document, load_document, parse_document  # noqa: E402

SEED = REPO / "tests" / "data" / "seed" / "000_7cc2bb56c908b3a3.txt"
PAIRS = REPO / "tests" / "data" / "substance"
DEFAULT_REAL = Path("/work/shared/eval/real")
SHALLOW = "substance.shallow_section"
REPEATED = "substance.repeated_phrase"
NAMES_MISSING = ("no example, figure, name, standard or step", "only ")


def _shallow(doc: Document, config: Config) -> list:
    return [f for f in run_check("substance", doc, config).findings if f.rule == SHALLOW]


def seed(config: Config, verbose: bool) -> bool:
    doc = load_document(str(SEED))
    output = run_check("substance", doc, config)
    shallow = [f for f in output.findings if f.rule == SHALLOW]
    naming = [f for f in shallow if any(n in f.message for n in NAMES_MISSING)]
    phrases = [f for f in output.findings if f.rule == REPEATED]
    print(
        f"seed: {len(shallow)} of {len(output.details['sections'])} sections with a substance "
        f"warning, {len(naming)} of them naming what is missing; {len(phrases)} repeated "
        f"phrase(s) reported: " + "; ".join(f'"{f.text}" ({len(f.occurrences)}x)' for f in phrases)
    )
    if verbose:
        for finding in shallow:
            print(f"  - {finding.message}")
    return len(naming) >= 4 and bool(phrases)


def real(directory: Path, config: Config, verbose: bool) -> tuple[bool, list[Document]]:
    files = sorted(p for p in directory.glob("*.md") if p.name[:3] in ("de_", "en_"))
    if not files:
        print(f"published texts: skipped, no texts in {directory} (set REVIEWER_REAL_DIR)")
        return True, []
    sections = warned = 0
    docs = []
    for path in files:
        doc = load_document(str(path))
        docs.append(doc)
        output = run_check("substance", doc, config)
        sections += len(output.details["sections"])
        hits = [f for f in output.findings if f.rule == SHALLOW]
        warned += len(hits)
        if verbose:
            for finding in hits:
                print(f"  {path.name}: {finding.section!r}")
    share = warned / sections if sections else 0.0
    print(
        f"published texts: {warned} of {sections} sections with a substance warning "
        f"({share:.1%}; done when at most 10%), {len(files)} texts"
    )
    return share <= 0.1, docs


def pairs(config: Config, verbose: bool) -> tuple[bool, list[Document]]:
    generic = sorted(PAIRS.glob("*_generic.md"))
    warned = clean = 0
    docs = []
    for path in generic:
        specific = path.with_name(path.name.replace("_generic", "_specific"))
        a, b = load_document(str(path)), load_document(str(specific))
        docs += [a, b]
        hit_generic, hit_specific = _shallow(a, config), _shallow(b, config)
        warned += bool(hit_generic)
        clean += not hit_specific
        if verbose:
            print(f"  {path.stem}: {len(hit_generic)} warnings; specific: {len(hit_specific)}")
    print(
        f"draft pairs: {warned} of {len(generic)} generic versions warned, {clean} of "
        f"{len(generic)} specific versions without a warning"
    )
    return warned == clean == len(generic), docs


def speed(docs: list[Document], config: Config, rounds: int = 5) -> None:
    """Warm time per 650 words: the mean over all rounds, and the sum of each document's fastest
    round (what the check costs when it gets a core; other jobs share this machine)."""
    for doc in docs:
        run_check("substance", doc, config)  # warm: lemma tables loaded, sentences split
    words = sum(d.word_count for d in docs)
    best = [float("inf")] * len(docs)
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for n, doc in enumerate(docs):
            t = time.perf_counter()
            run_check("substance", doc, config)
            best[n] = min(best[n], time.perf_counter() - t)
    warm = (time.perf_counter() - start) / rounds / words * 650
    warm_cpu = (time.process_time() - cpu) / rounds / words * 650
    fastest = sum(best) / words * 650
    start = time.perf_counter()
    for doc in docs:
        fresh = parse_document(doc.content, doc.source)
        fresh.sentences  # noqa: B018 - split the sentences inside the timed part
        run_check("substance", fresh, config)
    parse_start = time.perf_counter()
    for doc in docs:
        parse_document(doc.content, doc.source)
    parsing = time.perf_counter() - parse_start
    with_split = (parse_start - start - parsing) / words * 650
    print(
        f"speed per 650 words, warm (check alone, sentences split): {warm * 1000:.1f} ms wall "
        f"mean, {fastest * 1000:.1f} ms fastest round, {warm_cpu * 1000:.1f} ms CPU; "
        f"{with_split * 1000:.1f} ms with the sentence splitting; {len(docs)} documents, "
        f"{words / len(docs):.0f} words on average; load average {os.getloadavg()[0]:.1f}"
    )


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    args = [a for a in argv if not a.startswith("--")]
    directory = Path(args[0] if args else os.environ.get("REVIEWER_REAL_DIR", DEFAULT_REAL))
    config = Config()
    ok_seed = seed(config, verbose)
    ok_real, real_docs = real(directory, config, verbose)
    ok_pairs, pair_docs = pairs(config, verbose)
    speed(real_docs + pair_docs or [load_document(str(SEED))], config)
    return 0 if ok_seed and ok_real and ok_pairs else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
