"""Build ``reviewer/checks/keywords/data/definitions-en.marisa``: what English nouns mean, in words.

    apt-get install wordnet-base          # build-time only: Princeton WordNet 3.0's database files
    python scripts/build_keyword_definitions.py [WORDNET_DIR]   # default /usr/share/wordnet

For every noun and noun phrase of WordNet ("per diem", "clause", "tariff") the file holds its
*definition words*: the lemmas of the content words of the glosses of its first two senses
(WordNet lists senses by frequency; the examples after the first ";" are left out), of its
synonyms and of the synonyms of their direct hypernyms ("per diem" -> daily, allowance, living,
expense, traveling, connection ...). The keyword check asks whether a keyword's definition words
name what the text's title and subheadings are about (``reviewer.checks.keywords.definitions``):
the dictionary's world knowledge, offline, where the text ties a rare keyword to its subject only
by meaning.

Words shorter than five letters and function words are left out: they tie everything to everything
("one", "make", "part"). Lemmas come from ``reviewer.language.lemmas`` so they compare with the
text's. Values are stored as one space-separated byte string per key in a MARISA trie, memory-
mapped at run time. The licence is in ``reviewer/checks/keywords/data/LICENSES.md``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

OUT = REPO / "reviewer" / "checks" / "keywords" / "data" / "definitions-en.marisa"
SENSES = 2
MIN_CHARS = 5
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*[A-Za-z]")


def _synsets(folder: Path) -> dict[str, tuple[list[str], list[str], str]]:
    """Noun synsets by offset: their words, their direct hypernyms' offsets and their gloss."""
    found = {}
    for line in (folder / "data.noun").open(encoding="latin-1"):
        if line.startswith("  "):  # the licence header
            continue
        head, _, gloss = line.partition(" | ")
        fields = head.split()
        count = int(fields[3], 16)
        words = [fields[4 + 2 * i] for i in range(count)]
        at = 4 + 2 * count
        hypernyms = [
            fields[at + 2 + 4 * i]
            for i in range(int(fields[at]))
            if fields[at + 1 + 4 * i] in ("@", "@i") and fields[at + 3 + 4 * i] == "n"
        ]
        found[fields[0]] = (words, hypernyms, gloss.split(";")[0])
    return found


def _senses(folder: Path) -> dict[str, list[str]]:
    """Noun lemma -> the offsets of its senses, most frequent first."""
    found = {}
    for line in (folder / "index.noun").open(encoding="latin-1"):
        if line.startswith("  "):
            continue
        fields = line.split()
        senses, pointers = int(fields[2]), int(fields[3])
        found[fields[0]] = fields[6 + pointers : 6 + pointers + senses]
    return found


def build(folder: Path) -> Path:
    import marisa_trie

    from reviewer.checks.keywords.matching import lemma
    from reviewer.language.stopwords import function_words

    stop = function_words("en")
    synsets = _synsets(folder)

    def words(text: str) -> set[str]:
        result = set()
        for word in _WORD.findall(text.replace("_", " ")):
            for part in word.split("-"):
                folded = part.lower()
                if len(folded) >= MIN_CHARS and folded not in stop:
                    result.add(lemma(folded, "en"))
        return {w for w in result if len(w) >= MIN_CHARS and w not in stop}

    entries = []
    for key, offsets in _senses(folder).items():
        found: set[str] = set()
        for offset in offsets[:SENSES]:
            names, hypernyms, gloss = synsets[offset]
            found |= words(" ".join(names)) | words(gloss)
            for hypernym in hypernyms:
                found |= words(" ".join(synsets[hypernym][0]))
        found -= words(key)
        if found:
            entries.append((key.replace("_", " "), " ".join(sorted(found)).encode()))
    trie = marisa_trie.BytesTrie(entries)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    trie.save(str(OUT))
    print(f"{OUT.name}: {len(entries)} nouns, {OUT.stat().st_size} bytes")
    return OUT


if __name__ == "__main__":
    build(Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"))
