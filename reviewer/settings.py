"""The strict base of every configuration section.

A typo in ``reviewer.toml`` must be an error that names the key, never a setting that silently
does nothing; assignments are validated too, so code and tests cannot set a wrong type either.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Section(BaseModel):
    """One ``[section]`` of ``reviewer.toml`` (or ``[tool.reviewer.section]`` in pyproject)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)
