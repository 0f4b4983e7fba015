"""The LLM critique against the written guidelines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer.checks import CheckOutput

if TYPE_CHECKING:
    from reviewer.config import Config
    from reviewer.document import Document
    from reviewer.models import Finding
    from reviewer.pipeline import ReviewOptions


def run_critique(doc: Document, config: Config, findings: list[Finding], options: ReviewOptions) -> CheckOutput:
    if not config.critique.model:
        return CheckOutput(
            status="skipped",
            summary="no language model configured: set [critique] model (and provider/base_url) in reviewer.toml "
            "or REVIEWER_MODEL / OPENAI_API_KEY in the environment",
        )
    return CheckOutput(status="skipped", summary="critique not implemented yet")


async def run_critique_async(
    doc: Document, config: Config, findings: list[Finding], options: ReviewOptions
) -> CheckOutput:
    return run_critique(doc, config, findings, options)
