"""Substance: shallow, generic and repetitive sections (concrete details, recommendations
without an object, headings restated, phrases repeated across sections)."""

from reviewer.checks.base import CheckSpec
from reviewer.checks.substance.rules import RULES
from reviewer.checks.substance.settings import SubstanceSettings

CHECK = CheckSpec(
    name="substance",
    title="Substance",
    description=(
        "Per section: words, concrete details per 100 words, generic statements and a heading "
        "restated; across the text: repeated phrases, overlapping sections, the generic share."
    ),
    run="reviewer.checks.substance.check:run",
    rules=RULES,
    settings=SubstanceSettings,
)
