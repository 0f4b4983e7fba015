"""The JSON report (schema_version 1): the contract other tools parse."""

from __future__ import annotations

from reviewer.models import Report


def render_json(report: Report, *, indent: int | None = 2) -> str:
    return report.model_dump_json(indent=indent, exclude_none=False)
