"""The critique's entry points for the pipeline: one draft, or many with bounded concurrency."""

from __future__ import annotations

from reviewer.checks.base import CheckContext, CheckOutput
from reviewer.checks.critique import engine


def run(ctx: CheckContext) -> CheckOutput:
    """Critique one draft; never raises (failures are status ``error`` with a finding)."""
    return engine.run(ctx.doc, ctx.config, list(ctx.findings), ctx.options, ctx.results)


async def run_async(ctx: CheckContext) -> CheckOutput:
    """Like ``run``, for batches: at most ``max_concurrency`` model calls in flight."""
    return await engine.run_async(ctx.doc, ctx.config, list(ctx.findings), ctx.options, ctx.results)
