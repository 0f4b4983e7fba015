"""Decide whether a draft is German or English when the brief does not say."""

from __future__ import annotations

from functools import lru_cache

SUPPORTED = ("de", "en")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(SUPPORTED))
    return identifier


def detect_language(text: str) -> str:
    """'de' or 'en' (py3langid restricted to the two; ships its model, needs no download)."""
    sample = text[:20000]
    if not sample.strip():
        return "en"
    language, _ = _identifier().classify(sample)
    return language if language in SUPPORTED else "en"
