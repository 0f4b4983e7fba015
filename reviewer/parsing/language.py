"""The two first-class languages, and deciding which one a draft is in when the brief does not say."""

from __future__ import annotations

from functools import lru_cache

from reviewer.errors import InputError

LANGUAGES: tuple[str, ...] = ("de", "en")


def require_language(value: str | None, what: str = "--language") -> str | None:
    """``value`` when it is one of LANGUAGES (or empty: None); a clear InputError otherwise."""
    if not value:
        return None
    if value not in LANGUAGES:
        raise InputError(f"{what} must be 'de' or 'en', not {value!r}")
    return value


@lru_cache(maxsize=1)
def _identifier():
    """py3langid restricted to LANGUAGES (see ``langid_model``: it loads in ms after the first time)."""
    from reviewer.parsing.langid_model import load_identifier

    return load_identifier(LANGUAGES)


def detect_language(text: str) -> str:
    """'de' or 'en' (py3langid restricted to the two; ships its model, needs no download)."""
    sample = text[:20000]
    if not sample.strip():
        return "en"
    language, _ = _identifier().classify(sample)
    return language if language in LANGUAGES else "en"
