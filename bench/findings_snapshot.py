"""Write the full JSON report of every dev and published text, one file each, for a before/after diff.

Speed work must not change a single finding. Run this on the code before and after a change and
compare the folders byte for byte:

    python bench/findings_snapshot.py /tmp/before      # on the old commit
    python bench/findings_snapshot.py /tmp/after       # on the new one
    diff -r /tmp/before /tmp/after && echo identical

The deterministic review only (no critique, no cache). The published texts are read from
``$REVIEWER_REAL_DIR``, else ``../shared/eval/real`` next to the repository, and skipped with a
message when absent. Write the output outside the repository: the reports quote the published
texts' finding spans.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "eval" / "dev"
DEFAULT_REAL = ROOT.parent / "shared" / "eval" / "real"


def snapshot(paths: list[Path], out: Path) -> int:
    """One sorted, indented JSON report per text; a text that fails is written as its error."""
    from reviewer import review_file

    out.mkdir(parents=True, exist_ok=True)
    for path in paths:
        try:
            report = json.loads(
                review_file(path, critique=False, use_cache=False).model_dump_json()
            )
            text = json.dumps(report, sort_keys=True, ensure_ascii=False, indent=1)
        except Exception as error:  # a crash is a difference too: record it, go on
            text = f"ERROR {type(error).__name__}: {error}"
        (out / f"{path.parent.name}__{path.name}.json").write_text(text, encoding="utf-8")
    return len(paths)


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0].startswith("-"):
        print(__doc__)
        return 2
    out = Path(argv[0])
    if out.resolve().is_relative_to(ROOT):
        print("write the snapshot outside the repository (it quotes the published texts)")
        return 2
    out = out.resolve()
    os.chdir(ROOT)  # dev texts by relative path: the reports of two checkouts compare equal
    paths = sorted(DEV.relative_to(ROOT).glob("*_*.md"))
    real = Path(os.environ.get("REVIEWER_REAL_DIR") or DEFAULT_REAL)
    if real.is_dir():
        paths += sorted(real.glob("*_*.md"))
    else:
        print(f"published corpus not found at {real}: set REVIEWER_REAL_DIR; dev set only")
    print(f"{snapshot(paths, out)} reports written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
