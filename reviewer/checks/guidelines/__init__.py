"""The guidelines check: the deterministic rules of the written guidelines (``guidelines/*.md``).

``pack`` reads guideline files (the default pack and a project's own), ``engines`` holds one
module per rule type (phrases, substitute, pattern, claims), ``rules`` turns the files' rules into
registry rules and ``check`` runs them. The LLM critique reads the same files.
"""

from reviewer.checks.base import CheckSpec
from reviewer.checks.guidelines.settings import GuidelinesSettings

CHECK = CheckSpec(
    name="guidelines",
    title="Guidelines",
    description="The deterministic rules of the written guidelines: filler phrases, claims without "
    "a source, inclusive language, data protection, AI transparency, prompt injection.",
    run="reviewer.checks.guidelines.check:run",
    settings=GuidelinesSettings,
    pack_rules="reviewer.checks.guidelines.rules:pack_rules",
)
