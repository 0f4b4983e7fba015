"""``[guidelines]``: which guideline files apply, on top of (or instead of) the default pack."""

from __future__ import annotations

from pydantic import Field

from reviewer.settings import Section


class GuidelinesSettings(Section):
    """Written guidelines (README "guidelines"): the default pack plus a project's own folders."""

    paths: list[str] = Field(
        default_factory=list,
        description="extra guideline folders or files, relative to the config's folder",
    )
    replace_defaults: bool = Field(
        default=False, description="true: only `paths`, without the default pack"
    )
    rule_time_budget: float = Field(
        default=0.25,
        gt=0,
        description="seconds one pattern rule may take on one draft before it is stopped "
        "and reported as an error",
    )
