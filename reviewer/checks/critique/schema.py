"""What the model must answer: a pydantic schema, also sent as the JSON schema of the reply.

Every field is required and no other keys are allowed in the schema we send (OpenAI's strict
structured outputs need that), but validation ignores extra keys: a local model that adds a
``"verdict": "approve"`` still yields a usable answer — and that key changes nothing, because the
verdict is computed from findings by ``reviewer.scoring``.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from reviewer.models import Severity


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


class QuotedFinding(_Model):
    quote: str = Field(
        description="verbatim excerpt of the draft (a phrase or one sentence), copied exactly"
    )
    severity: Severity
    explanation: str = Field(description="why this violates the guideline, for the copywriter")
    suggestion: str = Field(description="a concrete rewrite of the quoted passage")


class GuidelineAssessment(_Model):
    guideline_id: str = Field(description="the id of the guideline as given")
    verdict: Literal["met", "violated", "not_applicable"]
    findings: list[QuotedFinding] = Field(description="one entry per violation; empty when met")


class Claim(_Model):
    quote: str = Field(description="the claim, copied verbatim from the draft")
    assessment: Literal["likely_false", "unverifiable"]
    severity: Severity
    explanation: str
    suggestion: str = Field(description="how to fix it: a source to cite, or a softer wording")


class DepthAssessment(_Model):
    rating: Literal["adequate", "too_shallow", "too_advanced"] = Field(
        description="depth of the content for the brief's audience"
    )
    severity: Severity
    explanation: str
    suggestion: str


class SectionDepth(_Model):
    heading: str = Field(description="the section's heading, as written in the draft")
    depth: Literal["adequate", "too_shallow", "too_advanced"] = Field(
        description="depth of this section for the brief's audience"
    )
    quote: str = Field(
        description="verbatim sentence of this section that shows the rating, copied exactly"
    )
    suggestion: str = Field(
        description="what to add (too_shallow) or explain (too_advanced): a concrete example, "
        "figure, named practice or step; empty when adequate"
    )


KeywordVerdict = Literal["fits", "weak", "off-topic"]


class KeywordFit(_Model):
    keyword: str = Field(description="the brief keyword, exactly as listed in the brief")
    fit: KeywordVerdict = Field(
        description="fits: the text is about it; weak: only touched; off-topic: not what the "
        "text is about"
    )
    quote: str = Field(
        description="verbatim sentence of the draft that shows the verdict (where the keyword "
        "is used, or the sentence closest to it), copied exactly"
    )
    reason: str = Field(description="one line: why the keyword fits or not")


class CritiqueResult(_Model):
    """The model's whole answer. ``sections`` and ``keywords`` default to empty lists so that a
    model that leaves them out still gives a usable answer (the schema sent asks for them)."""

    guidelines: list[GuidelineAssessment]
    claims: list[Claim] = Field(description="factual claims that look false or cannot be verified")
    depth: DepthAssessment
    sections: list[SectionDepth] = Field(
        default_factory=list, description="one entry per section of the draft, in order"
    )
    keywords: list[KeywordFit] = Field(
        default_factory=list, description="one verdict per brief keyword; empty without keywords"
    )


@cache
def _json_schema() -> dict[str, Any]:
    schema = CritiqueResult.model_json_schema()
    _close(schema)
    return schema


def json_schema() -> dict[str, Any]:
    """The reply's JSON schema: every object closed (additionalProperties false), all keys required."""
    return copy.deepcopy(_json_schema())


def _close(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" in node:
            node["additionalProperties"] = False
            node["required"] = list(node["properties"])
        for value in node.values():
            _close(value)
    elif isinstance(node, list):
        for value in node:
            _close(value)
