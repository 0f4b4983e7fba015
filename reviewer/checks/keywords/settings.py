"""``[keywords]``: how brief keywords are counted, placed and judged against the topic."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from reviewer.settings import Section


class KeywordsSettings(Section):
    """Brief keywords: presence, placement, density, stuffing and fit to the topic."""

    stuffing_density: float = Field(
        default=3.0, gt=0, description="% of words above which a keyword is stuffed (warning)"
    )
    subject_density: float = Field(
        default=5.0,
        gt=0,
        description="the stuffing limit for a one-word keyword that is the text's subject (in the title, its weightiest term); a name the text is about is never stuffed",
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
    check_subheadings: bool = Field(
        default=True,
        description="report a focus keyphrase that no subheading holds (info, from two subheadings on)",
    )
    placement: Literal["all", "first"] = Field(
        default="first",
        description="which keywords belong in title, intro and subheadings: only the first (the focus keyphrase), or all",
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
    suggestions: int = Field(
        default=3, ge=0, le=10, description="alternative keywords offered for an unrelated one"
    )
    key_phrases: int = Field(
        default=20,
        ge=1,
        le=100,
        description="key phrases of the text (recurring phrases of content words) that suggestions are drawn from",
    )
