"""``[keywords]``: how brief keywords are counted, placed and judged against the topic."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from reviewer.settings import Section


class KeywordsSettings(Section):
    """Brief keywords: presence, placement, density, stuffing and fit to the topic."""

    stuffing_density: float = Field(
        default=3.0, gt=0, description="% of words above which a keyword is stuffed (error)"
    )
    stuffing_min_occurrences: int = Field(
        default=3, ge=1, description="fewer uses are never stuffing, however short the text"
    )
    low_density: float = Field(
        default=0.5, ge=0, description="% of words below which a used keyword is rare (info)"
    )
    check_title: bool = Field(
        default=True, description="report keywords missing from the title heading (info)"
    )
    check_intro: bool = Field(
        default=True, description="report keywords missing from the introduction (info)"
    )
    placement: Literal["all", "first"] = Field(
        default="all",
        description="which keywords belong in title and intro: all, or only the first (focus) keyword",
    )
    intro_words: int = Field(
        default=100,
        ge=1,
        description="the intro: paragraphs before the first subheading, up to about this many words",
    )
    relevance: bool = Field(
        default=True, description="judge whether each keyword fits the topic of the text"
    )
    relevance_threshold: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="relevance evidence below this makes a keyword unrelated (warning)",
    )
    key_phrases: int = Field(
        default=20, ge=1, le=100, description="YAKE key phrases that describe the topic"
    )
    suggestions: int = Field(
        default=3, ge=0, le=10, description="alternative keywords offered for an unrelated one"
    )
