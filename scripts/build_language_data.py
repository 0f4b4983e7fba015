"""Build the compact language data shipped in ``reviewer/language/data/``.

    pip install simplemma==2.0.0 marisa-trie HanTa spacy   # build-time only
    python scripts/build_language_data.py

Writes, for German and English:

- ``lemmas-<lang>.marisa``: simplemma's lemma dictionary (form -> lemma) as a MARISA trie that
  ``reviewer.language.lemmas`` memory-maps in about a millisecond. simplemma decompresses and
  decodes its whole dictionary at first use (over a second for German, tens of seconds with
  simplemma 2.0 on a busy machine) and imports the rules of every language it supports; reviewer
  needs only the lookup table of two languages. Each value is stored as an edit of its key
  (how many trailing characters to drop, then the characters to append: "Häuser" -> "Haus" is
  drop 5, append "aus"), which halves the file.
- ``stopwords-<lang>.txt``: function words (articles, pronouns, prepositions, conjunctions,
  auxiliaries, particles): spaCy's stop-word list minus the words HanTa's tagger reads as nouns,
  adjectives, full verbs or numbers ("Jahr", "gut", "machen", "drei", "name", "show"), which are
  content words in a keyphrase ("Gute Praxis", "name server").

The licences of the data are in ``reviewer/language/data/LICENSES.md``; rerun this script and
update that file when the simplemma version changes.
"""

from __future__ import annotations

import sys
from os.path import commonprefix
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "reviewer" / "language" / "data"
LANGUAGES = ("de", "en")
# HanTa tags of open word classes (German STTS, English CLAWS5).
_OPEN_CLASS = {
    "de": ("NN", "NE", "ADJ", "VV", "CARD"),
    "en": ("NN", "NP", "AJ", "VV", "CRD"),
}
_HANTA_MODELS = {"de": "morphmodel_ger.pgz", "en": "morphmodel_en.pgz"}
_EDIT_BASE = 0x30  # the drop count is stored as one character from "0" on


def edit(form: str, lemma: str) -> str:
    """The lemma as an edit of its form: a drop count character, then the new ending."""
    common = len(commonprefix((form, lemma)))
    return chr(_EDIT_BASE + len(form) - common) + lemma[common:]


def build_lemmas(language: str) -> Path:
    import marisa_trie
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

    raw = _load_dictionary_from_disk(language)
    entries = []
    for key, value in raw.items():
        form, lemma = key.decode(), value.decode()
        entries.append((form, edit(form, lemma).encode()))
    trie = marisa_trie.BytesTrie(entries)
    target = OUT / f"lemmas-{language}.marisa"
    trie.save(str(target))
    print(f"{target.name}: {len(entries)} forms, {target.stat().st_size} bytes")
    return target


def build_stopwords(language: str) -> Path:
    from importlib import import_module

    from HanTa import HanoverTagger

    words = import_module(f"spacy.lang.{language}.stop_words").STOP_WORDS
    tagger = HanoverTagger.HanoverTagger(_HANTA_MODELS[language])
    kept = []
    for word in sorted(words):
        tags = tagger.tag_word(word)
        top = tags[0][0] if tags else ""
        is_clitic = not word[:1].isalpha()  # "'ll", "’s": always function words
        if is_clitic or not top.startswith(_OPEN_CLASS[language]):
            kept.append(word)
    target = OUT / f"stopwords-{language}.txt"
    target.write_text("\n".join(kept) + "\n", encoding="utf-8")
    print(f"{target.name}: {len(kept)} of {len(words)} spaCy stop words")
    return target


def main() -> int:
    import simplemma

    OUT.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        build_lemmas(language)
        build_stopwords(language)
    print(f"built from simplemma {simplemma.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
