"""HanTa's tagger and model, loaded and run faster with the same results (issue 18).

Two checks use HanTa's German model: readability tags sentences with it (passive voice), and
the pii check's name model reads the word classes of its lexicon. ``read_model`` reads each
model file once per process for both (without numpy, see below), so a cold review no longer
unpickles the 12 MB German model twice.

Two costs of ``HanoverTagger`` are pure functions that HanTa recomputes needlessly:

- ``reachable()``, run at load, finds for each final tag the states that can lead to it by
  scanning the whole transition list once per state found (quadratic; 25 ms for German). The
  same sets come from one backward walk over an index of predecessors.
- ``analyze_forward(word)``, the morphological analysis of a word the model's own cache does
  not hold, depends on the word alone (and the model), yet HanTa runs it again for every
  occurrence: it is most of the tagging time. A bounded per-process memo keeps its results
  (the lists are never changed by HanTa's callers, so sharing them is safe).
- ``_tag_word(word, …)``, the step above it (the word lowered, the cache or the analysis, case
  and condition weights added, sorted, cut), depends on its arguments alone too: memoised the
  same way (its three callers in HanTa only read the list: ``dict()``, ``[0][0]``, a new list).

Loading the model unpickles a few hundred thousand dicts and tuples; with the garbage collector
paused meanwhile that takes a third less time (60 instead of 90 ms for German).

numpy (about 110 ms CPU to import, the largest import of a cold review) is not loaded for HanTa:
HanTa uses it for one function, ``logaddexp`` of two floats, and its German model holds a few
hundred ``numpy.float64`` log-probabilities. ``load_tagger`` runs HanTa's module with an
``import numpy`` of its own that yields ``logaddexp`` below, standing in for numpy's (the same formula and C library calls as numpy's
``npy_logaddexp``; ``tests/test_speed.py`` compares them) and reads the model with an unpickler
that turns those scalars into Python floats of the same value. The tags are the same; if the
model holds anything else of numpy's, it is read by plain pickle, as HanTa reads it, numpy and all.
"""

from __future__ import annotations

import builtins
import gzip
import importlib
import importlib.util
import math
import os
import pickle
import struct
import sys
import threading
from collections import defaultdict
from functools import cache, lru_cache
from types import ModuleType
from typing import Any

from reviewer.process import paused_gc

# Distinct words outside the model's cache that a long batch meets: each entry is a short list of
# (tag, log p), about 0.5 kB, so at most some 10 MB per language.
_MEMO_WORDS = 20_000


def load_tagger(model: str) -> Any:
    """A ``HanoverTagger`` for a model file in HanTa's wheel, with the faster parts."""
    module = _hanta_module()

    class _Tagger(module.HanoverTagger):  # type: ignore[name-defined, misc]
        def reachable(self) -> None:
            self.reachability = _reachability(self.LP_trans, self.int2tag)

    data = read_model(model)
    with paused_gc():
        tagger = _Tagger(None, model=data)
    tagger.strict = False  # what HanTa sets when it reads a model file itself
    tagger.analyze_forward = lru_cache(maxsize=_MEMO_WORDS)(tagger.analyze_forward)
    tagger._tag_word = lru_cache(maxsize=_MEMO_WORDS)(tagger._tag_word)
    return tagger


@cache
def read_model(model: str) -> list[Any]:
    """The data of a model file in HanTa's wheel (``morphmodel_ger.pgz``), read once per
    process and shared: ``HanoverTagger`` only reads it, except that it adds its four
    bookkeeping tags to ``int2tag``/``tag2int`` (ids no lexicon entry uses). Finding the file
    does not import HanTa. A model the numpy-free reader refuses (more of numpy's than its
    float scalars) is read by plain pickle, numpy and all, as HanTa itself would read it; so
    the tagger and the pii check's word classes always see the same data. Raises ``OSError``
    when HanTa or the file is missing."""
    spec = importlib.util.find_spec("HanTa")
    if spec is None or not spec.submodule_search_locations:
        raise OSError("HanTa is not installed")
    path = os.path.join(next(iter(spec.submodule_search_locations)), model)
    with paused_gc():
        try:
            return _read_model(path)
        except (pickle.UnpicklingError, ValueError):
            with gzip.GzipFile(path, "rb") as file:
                return pickle.load(file)  # noqa: S301 - the installed package's own model file


_IMPORT = threading.Lock()
_MODULE = "HanTa.HanoverTagger"


def _hanta_module() -> ModuleType:
    """``HanTa.HanoverTagger``, executed with an ``__import__`` of its own that answers
    ``import numpy`` with a stand-in holding ``logaddexp`` (unless numpy is loaded already).
    Nothing else sees the stand-in: ``sys.modules`` never holds it, so another thread importing
    numpy meanwhile gets numpy."""
    loaded = sys.modules.get(_MODULE)
    if loaded is not None:
        return loaded
    with _IMPORT:
        loaded = sys.modules.get(_MODULE)
        if loaded is not None or "numpy" in sys.modules:
            return loaded or importlib.import_module(_MODULE)
        spec = importlib.util.find_spec(_MODULE)
        if spec is None or spec.loader is None:
            return importlib.import_module(_MODULE)  # raises the usual ImportError
        module = importlib.util.module_from_spec(spec)
        module.__dict__["__builtins__"] = {**builtins.__dict__, "__import__": _import_without_numpy}
        sys.modules[_MODULE] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[_MODULE]
            raise
        sys.modules["HanTa"].HanoverTagger = module  # as the import system binds a submodule
        return module


_NUMPY_STAND_IN = ModuleType("numpy")


def _import_without_numpy(
    name: str, globals: Any = None, locals: Any = None, fromlist: Any = (), level: int = 0
) -> ModuleType:
    if name == "numpy" and level == 0:
        return _NUMPY_STAND_IN
    return builtins.__import__(name, globals, locals, fromlist, level)


_LOG2 = math.log(2)


def logaddexp(x: float, y: float) -> float:
    """``log(exp(x) + exp(y))`` computed as numpy's ``npy_logaddexp`` does, step by step."""
    if x == y:  # also infinities of one sign
        return x + _LOG2
    tmp = x - y
    if tmp > 0:
        return x + math.log1p(math.exp(-tmp))
    if tmp <= 0:
        return y + math.log1p(math.exp(tmp))
    return tmp  # NaN


_NUMPY_STAND_IN.logaddexp = logaddexp  # type: ignore[attr-defined]


class _Float64:
    """``numpy.dtype("f8")`` as pickled: only its byte order is needed."""

    def __init__(self, name: str, align: bool = False, copy: bool = True) -> None:
        if name != "f8":
            raise pickle.UnpicklingError(f"numpy dtype {name!r} in the model")
        self.order = "<"

    def __setstate__(self, state: tuple) -> None:
        self.order = ">" if state[1] == ">" else "<" if state[1] == "<" else "="


def _scalar(dtype: _Float64, data: bytes) -> float:
    return struct.unpack(dtype.order + "d", data)[0]


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if module == "numpy" and name == "dtype":
            return _Float64
        if module in ("numpy._core.multiarray", "numpy.core.multiarray") and name == "scalar":
            return _scalar
        if module.split(".")[0] == "numpy":
            raise pickle.UnpicklingError(f"{module}.{name} in the model")
        return super().find_class(module, name)


def _read_model(path: str) -> Any:
    with gzip.GzipFile(path, "rb") as file:
        return _Unpickler(file).load()


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
