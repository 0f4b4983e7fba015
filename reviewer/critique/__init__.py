"""The LLM critique against the written guidelines.

A LangChain chain (prompt templates from ``prompts/`` | an OpenAI-compatible chat model with
structured output) reviews the draft — redacted first when it leaves the machine — and every quote
it returns is verified against the text. Only verified, severity-capped findings reach the report;
the verdict stays rule-based. See ``engine`` for the flow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.checks import CheckOutput
    from reviewer.config import Config
    from reviewer.document import Document
    from reviewer.models import Finding
    from reviewer.pipeline import ReviewOptions


def run_critique(
    doc: Document, config: Config, findings: list[Finding], options: ReviewOptions
) -> CheckOutput:
    """Critique one draft; never raises (failures are status ``error`` with a finding)."""
    from reviewer.critique.engine import run

    return run(doc, config, findings, options)


async def run_critique_async(
    doc: Document, config: Config, findings: list[Finding], options: ReviewOptions
) -> CheckOutput:
    """Like ``run_critique``, for batches: at most ``max_concurrency`` model calls in flight."""
    from reviewer.critique.engine import run_async

    return await run_async(doc, config, findings, options)
