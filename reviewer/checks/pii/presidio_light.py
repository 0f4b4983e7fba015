"""presidio's recognizers and result types without presidio's package ``__init__`` (and spaCy).

``import presidio_analyzer`` costs about 1 s of CPU: its ``__init__`` imports the AnalyzerEngine,
the recognizer registry and every NLP engine, and ``nlp_engine.nlp_artifacts`` imports spaCy
(``from spacy.tokens import Doc, Span``, for type hints) — spaCy's own start pulls in numpy, thinc
and its CLI (requests, httpx, jinja2); the registry also imports all 60-odd predefined recognizers
(the URL recognizer compiles a 120 ms TLD pattern on import). Python runs a package's ``__init__``
before any of its submodules, so importing ``presidio_analyzer.pattern_recognizer`` alone costs
the same. Without a spaCy model (the default) reviewer needs none of that, so ``load`` registers
presidio's packages as empty module objects in ``sys.modules`` and imports only the modules it
uses (inside ``imports()``): the recognizer base classes, ``RecognizerResult``, the predefined recognizers reviewer
registers and the lemma context enhancer — the very classes the full import would give.

Such a package runs its real ``__init__`` the first time a name it does not have yet is asked of
it (``from presidio_analyzer import AnalyzerEngine``, or presidio's spaCy engine for a configured
spaCy model), so later code sees the whole of presidio. When presidio is already imported,
``imports()`` changes nothing.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types
from collections.abc import Iterator
from contextlib import contextmanager

ROOT = "presidio_analyzer"
_NLP_ENGINE = f"{ROOT}.nlp_engine"

# Packages whose __init__ is deferred, parents first.
_PACKAGES = (
    ROOT,
    _NLP_ENGINE,
    f"{ROOT}.context_aware_enhancers",
    f"{ROOT}.predefined_recognizers",
    f"{ROOT}.predefined_recognizers.generic",
    f"{ROOT}.predefined_recognizers.country_specific",
    f"{ROOT}.predefined_recognizers.country_specific.germany",
)
# Modules, in the order presidio's own __init__ files import them (later ones import the earlier
# names from their package), and the name each contributes to its package.
_CORE = (
    ("analysis_explanation", "AnalysisExplanation"),
    ("recognizer_result", "RecognizerResult"),
    ("entity_recognizer", "EntityRecognizer"),
    ("local_recognizer", "LocalRecognizer"),
    ("pattern", "Pattern"),
    ("pattern_recognizer", "PatternRecognizer"),
    ("context_aware_enhancers.context_aware_enhancer", "ContextAwareEnhancer"),
)

_LOCK = threading.RLock()
_deferred: set[str] = set()  # packages registered here whose __init__ has not run yet


class _DeferredPackage(types.ModuleType):
    """A package whose ``__init__`` runs when a name it does not have yet is first asked for."""

    def __getattr__(self, name: str):
        if name.startswith("__") or self.__name__ not in _deferred:
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        # presidio's packages import each other in a cycle that only resolves in the order of a
        # plain ``import presidio_analyzer``: the root package's __init__ first.
        with _LOCK:
            for package in (ROOT, self.__name__):
                if package in _deferred:
                    _deferred.discard(package)
                    module = sys.modules[package]
                    module.__spec__.loader.exec_module(module)
        return getattr(self, name)


class _NlpArtifactsPlaceholder:
    """Stands in for ``nlp_engine.NlpArtifacts`` while the context enhancers, which import it for
    type hints only, are imported."""


@contextmanager
def imports() -> Iterator[None]:
    """Inside this block presidio's modules import without spaCy (see the module doc).

    Some of them (the context enhancers, the IBAN recognizer) import ``nlp_engine.NlpArtifacts``
    for type hints only: inside the block a placeholder answers; outside, asking for it runs
    the real ``nlp_engine`` package (and imports spaCy)."""
    with _LOCK:
        _register()
        nlp_engine = sys.modules[_NLP_ENGINE]
        placeholder = _NLP_ENGINE in _deferred and "NlpArtifacts" not in vars(nlp_engine)
        if placeholder:
            nlp_engine.NlpArtifacts = _NlpArtifactsPlaceholder
        try:
            for module_name, attribute in _CORE:
                module = importlib.import_module(f"{ROOT}.{module_name}")
                package = sys.modules[module.__name__.rpartition(".")[0]]
                if attribute not in vars(package):  # hasattr would run a deferred __init__
                    setattr(package, attribute, getattr(module, attribute))
            yield
        finally:
            if placeholder and _NLP_ENGINE in _deferred:
                del nlp_engine.NlpArtifacts


def _register() -> None:
    """presidio's packages as module objects whose ``__init__`` has not run (unless imported).

    A presidio whose layout differs (another version) is simply imported whole: slower, same
    results."""
    if ROOT in sys.modules:
        return
    try:
        for name in _PACKAGES:
            spec = importlib.util.find_spec(name)
            if spec is None or spec.submodule_search_locations is None:
                raise ImportError(f"{name} is not a package")
            module = importlib.util.module_from_spec(spec)
            module.__class__ = _DeferredPackage
            sys.modules[name] = module
            parent, _, child = name.rpartition(".")
            if parent:
                setattr(sys.modules[parent], child, module)
            _deferred.add(name)
    except ImportError:
        for name in _PACKAGES:
            if name in _deferred:
                del sys.modules[name]
        _deferred.clear()
        importlib.import_module(ROOT)
