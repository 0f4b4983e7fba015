"""HanTa's tagger, loaded and run faster with the same results (issue 18).

Two costs of ``HanoverTagger`` are pure functions that HanTa recomputes needlessly:

- ``reachable()``, run at load, finds for each final tag the states that can lead to it by
  scanning the whole transition list once per state found (quadratic; 25 ms for German). The
  same sets come from one backward walk over an index of predecessors.
- ``analyze_forward(word)``, the morphological analysis of a word the model's own cache does
  not hold, depends on the word alone (and the model), yet HanTa runs it again for every
  occurrence: it is most of the tagging time. A bounded per-process memo keeps its results
  (the lists are never changed by HanTa's callers, so sharing them is safe).

Loading the model unpickles a few hundred thousand dicts and tuples; with the garbage collector
paused meanwhile that takes a third less time (60 instead of 90 ms for German).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any

from reviewer.process import paused_gc

# Distinct words outside the model's cache that a long batch meets: each entry is a short list of
# (tag, log p), about 0.5 kB, so at most some 10 MB per language.
_MEMO_WORDS = 20_000


def load_tagger(model: str) -> Any:
    """A ``HanoverTagger`` for a model file in HanTa's wheel, with the faster parts."""
    from HanTa.HanoverTagger import HanoverTagger

    class _Tagger(HanoverTagger):
        def reachable(self) -> None:
            self.reachability = _reachability(self.LP_trans, self.int2tag)

    with paused_gc():
        tagger = _Tagger(model)
    tagger.analyze_forward = lru_cache(maxsize=_MEMO_WORDS)(tagger.analyze_forward)
    return tagger


def _reachability(transitions: dict, int2tag: dict) -> dict[int, frozenset]:
    """For each final tag (< 0), every state from which a chain of transitions leads to it:
    what ``HanoverTagger.reachable`` computes, in linear time."""
    predecessors: dict[Any, set] = defaultdict(set)
    for (_, current), followers in transitions.items():
        for follower in followers:
            predecessors[follower].add(current)
    result = {}
    for tag in int2tag:
        if tag >= 0:
            continue
        seen: set = set()
        todo = [tag]
        while todo:
            for state in predecessors.get(todo.pop(), ()):
                if state not in seen:
                    seen.add(state)
                    todo.append(state)
        result[tag] = frozenset(seen)
    return result
