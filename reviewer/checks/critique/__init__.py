"""The LLM critique against the written guidelines.

A LangChain chain (prompt templates from ``prompts/`` | an OpenAI-compatible chat model with
structured output) reviews the draft — redacted first when it leaves the machine — and every quote
it returns is verified against the text. Only verified, severity-capped findings reach the report;
the verdict stays rule-based. See ``engine`` for the flow. It is the one "model" stage check: it
runs after the local checks (in the parent process in a batch) and sees their findings.
"""

from reviewer.checks.base import CheckSpec
from reviewer.checks.critique.rules import RULES
from reviewer.checks.critique.settings import CritiqueSettings

CHECK = CheckSpec(
    name="critique",
    title="LLM critique",
    description="A language model reviews the draft against the written guidelines; every quote "
    "it returns is verified against the text.",
    run="reviewer.checks.critique.check:run",
    run_async="reviewer.checks.critique.check:run_async",
    rules=RULES,
    settings=CritiqueSettings,
    stage="model",
    pack_rules="reviewer.checks.critique.rules:pack_rules",
)
