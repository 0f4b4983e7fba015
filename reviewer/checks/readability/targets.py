"""Which readability target applies to a draft: from the config, else from the brief's audience.

Precedence: ``min_flesch`` in the config, then a ``band`` forced in the config, then the band
the audience text names, then ``default_band``. When the audience names readers of several
bands ("Sales managers and IT leads"), the least specialised band wins: the text has to work
for every reader it addresses, and general > business > specialist in that order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.checks.readability.settings import ReadabilityBand, ReadabilitySettings

# Least specialised first: the first band in this order that the audience names is chosen.
_PRECEDENCE = ("general", "business", "specialist")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Target:
    band: str | None  # None when min_flesch in the config set the number
    reason: str  # how it was chosen, for the report
    flesch_min: float | None
    flesch_max: float | None
    flesch_goal: float | None = None


def _per_language(value: float | dict[str, float] | None, language: str) -> float | None:
    if isinstance(value, dict):
        return value.get(language)
    return value


def _matches(keyword: str, words: list[str]) -> bool:
    keyword = keyword.lower()
    if len(keyword) <= 3:
        return keyword in words
    return any(keyword in word for word in words)


def band_for_audience(audience: str, bands: dict[str, ReadabilityBand]) -> str | None:
    """The band whose keywords the audience text contains (least specialised first), or None."""
    words = _WORD.findall(audience.lower())
    order = [name for name in _PRECEDENCE if name in bands] + [
        name for name in bands if name not in _PRECEDENCE
    ]
    for name in order:
        if any(_matches(keyword, words) for keyword in bands[name].keywords):
            return name
    return None


def choose_target(settings: ReadabilitySettings, audience: str | None, language: str) -> Target:
    if settings.min_flesch is not None:
        return Target(None, "min_flesch in the configuration", settings.min_flesch, None, None)
    if settings.band is not None:
        name, reason = settings.band, f"band '{settings.band}' set in the configuration"
    else:
        found = band_for_audience(audience, settings.bands) if audience else None
        if found is not None:
            name, reason = found, f'audience "{audience}"'
        else:
            name = settings.default_band
            reason = f"default band ({'no audience in the brief' if not audience else 'audience names no band'})"
    band = settings.bands[name]
    return Target(
        name,
        reason,
        _per_language(band.flesch_min, language),
        _per_language(band.flesch_max, language),
        _per_language(band.flesch_goal, language),
    )
