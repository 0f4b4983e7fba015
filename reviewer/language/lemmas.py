"""Dictionary lemmas of German and English words, from a compact precomputed table.

The table is simplemma's lemma dictionary (form -> lemma, about 1.1 million German and 180,000
English forms) stored as a MARISA trie, each lemma as an edit of its form (drop the last n
characters, append the rest). Memory-mapping it costs about a millisecond, where simplemma itself
decompresses and decodes its whole dictionary and imports the rules of every language it
supports before the first lemma (seconds). Words the dictionary does not know are handled here as
reviewer needs them:

- case variants first: a sentence-initial capital ("Managed"), a German noun written in lower
  case or an all-caps word;
- a German closed compound the dictionary lacks takes the lemma of its longest known ending
  ("Cyberversicherungen" -> "cyberversicherung", "Datenschutzbeauftragten" -> ...beauftragte);
- anything else is its own lemma (case-folded).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("de", "en")
_EDIT_BASE = 0x30
# A German compound head must be a real word, not a suffix ("ung", "heit"), and the modifier in
# front of it more than a prefix ("Be", "Ver"). A capitalised word is a noun and takes a noun head
# (from four letters); a lower-case word may take another head ("verfügbare" in "hochverfügbare")
# from six letters, so "Logging" is not "Log" + "ging" and "Papierlagen" not "Papi" + "erlagen".
_MIN_NOUN_HEAD = 4
_MIN_OTHER_HEAD = 6
_MIN_MODIFIER = 3


@lru_cache(maxsize=4)
def _table(language: str):
    """The language's lemma trie, memory-mapped (loaded once per process)."""
    import marisa_trie

    if language not in LANGUAGES:
        raise ValueError(f"no lemma data for language {language!r}")
    return marisa_trie.BytesTrie().mmap(str(DATA / f"lemmas-{language}.marisa"))


def _language(language: str) -> str:
    return language if language in LANGUAGES else "en"


def lookup(form: str, language: str) -> str | None:
    """The dictionary's lemma of exactly this form (case-sensitive), or None."""
    found = _table(_language(language)).get(form)
    if not found:
        return None
    encoded = found[0].decode()
    drop = ord(encoded[0]) - _EDIT_BASE
    return form[: len(form) - drop] + encoded[1:]


def _case_variants(word: str) -> tuple[str, ...]:
    variants = [word]
    lower = word.lower()
    if lower != word:
        variants.append(lower)
        if word.isupper() and len(word) > 1:
            variants.append(word.capitalize())
    elif word[:1].isalpha():
        variants.append(word.capitalize())
    return tuple(variants)


def _dictionary_lemma(word: str, language: str) -> str | None:
    for variant in _case_variants(word):
        found = lookup(variant, language)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=131072)
def lemma(word: str, language: str) -> str:
    """The case-folded lemma of a word (itself when no rule applies)."""
    language = _language(language)
    found = _dictionary_lemma(word, language)
    if found is None and language == "de":
        found = _compound_lemma(word)
    return (found if found is not None else word).casefold()


def _compound_lemma(word: str) -> str | None:
    """Modifier + lemma of the longest ending the dictionary knows, for German compounds."""
    for cut in range(_MIN_MODIFIER, len(word) - _MIN_NOUN_HEAD + 1):
        head = word[cut:]
        found = lookup(head.capitalize(), "de")
        if found is None and len(head) >= _MIN_OTHER_HEAD and not word[:1].isupper():
            found = lookup(head.lower(), "de")
        if found is not None:
            return word[:cut] + found.lower()
    return None


@lru_cache(maxsize=131072)
def is_known(word: str, language: str) -> bool:
    """Whether the dictionary lists the word (in any of its case variants)."""
    language = _language(language)
    table = _table(language)
    return any(variant in table for variant in _case_variants(word))
