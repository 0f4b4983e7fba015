"""The critique's rules. The model proposes; these declare what its findings can be.

Each finding's quote is verified against the draft before it counts, and its severity is capped
at the rule's severity (a guideline's findings at the guideline's), so a model can never block a
draft that the guideline itself would only warn about. ``[rules]`` overrides set the severity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer.checks.base import Example, Rule

if TYPE_CHECKING:
    from reviewer.checks.guidelines.pack import Guideline
    from reviewer.config import Config

CHECK = "critique"

CLAIM = Rule(
    id="critique.claim",
    check=CHECK,
    severity="error",
    title="Claim the language model doubts",
    explanation=(
        "A statement the model judges false, misleading or unsupported, with a verbatim quote "
        "that was verified against the draft."
    ),
    fix="Add a source next to the claim, make it concrete and checkable, or remove it.",
    example=Example("# Title\n\nOur software cuts energy costs by 70 % in every building.\n"),
    counter_example=Example("# Title\n\nOur software shows the energy use of every room.\n"),
)
DEPTH = Rule(
    id="critique.depth",
    check=CHECK,
    severity="warning",
    title="Depth does not fit the audience",
    explanation="The model judges the text too shallow or too advanced for the brief's audience.",
    fix="Add examples, figures with sources and concrete steps (too shallow), or explain terms (too advanced).",
    example=Example("# Title\n\nCompanies should use data. Data is important for companies.\n"),
    counter_example=Example(
        "# Title\n\nThe plant in Ulm logs 40 sensors per line and flags bearing wear two weeks ahead.\n"
    ),
)
SECTION_DEPTH = Rule(
    id="critique.section_depth",
    check=CHECK,
    severity="info",
    title="Section too shallow or too advanced (language model)",
    explanation=(
        "The model judges one section's depth for the brief's audience and quotes the sentence "
        "that shows it (the quote is verified against the draft). It points the editor at the "
        "thin places; the overall judgement is critique.depth, the offline one "
        "substance.shallow_section."
    ),
    fix="Add what the suggestion names: an example, a figure with its source, a named practice or the steps.",
    example=Example(
        "# Title\n\n## Data\n\nCompanies should use data. It is important to use data well.\n"
    ),
    counter_example=Example(
        "# Title\n\n## Data\n\nThe plant in Ulm logs 40 sensors per line and flags bearing wear two weeks ahead.\n"
    ),
)
KEYWORD_FIT = Rule(
    id="critique.keyword_fit",
    check=CHECK,
    severity="info",
    title="Keyword the language model finds weak or off-topic",
    explanation=(
        "The model judges each brief keyword (fits, weak, off-topic) with a verified quote and "
        "a one-line reason. Its verdict is shown next to the keywords check's own; the "
        "review's verdict stays with the rules (keywords.irrelevant)."
    ),
    fix="Use the keyword where the text is really about it, or correct the brief.",
    example=Example(
        '---\nkeywords: ["blockchain"]\n---\n# Cyber insurance\n\nOur policy covers ransomware. Unlike blockchain, it pays.\n'
    ),
    counter_example=Example(
        '---\nkeywords: ["cyber insurance"]\n---\n# Cyber insurance\n\nOur cyber insurance covers ransomware.\n'
    ),
)
ERROR = Rule(
    id="critique.error",
    check=CHECK,
    severity="warning",
    title="Critique could not run",
    explanation=(
        "The language model could not be reached or gave no usable answer; until it runs, a "
        "person must check the draft against the guidelines."
    ),
    fix="Fix the cause named in the message (endpoint, key, model name, timeout) and review again.",
    example=Example("# Title\n\nAny draft, reviewed while the model endpoint is down.\n"),
    counter_example=Example("# Title\n\nAny draft, reviewed while the model answers.\n"),
)

RULES = (CLAIM, DEPTH, SECTION_DEPTH, KEYWORD_FIT, ERROR)


def guideline_rule(guideline: Guideline) -> Rule:
    """The rule for the model's findings against one guideline: ``critique.<guideline id>``."""
    from reviewer.checks.guidelines.rules import guideline_summary

    first = next((r for r in guideline.rules if r.example), None)
    example = None
    if first is not None:
        language, text = next(iter(first.example.items()))
        example = Example(text, language=language if language != "*" else "en")
    return Rule(
        id=f"critique.{guideline.id}",
        check=CHECK,
        severity=guideline.severity,
        title=f"{guideline.title} (language model)",
        explanation=guideline_summary(guideline),
        fix="Follow the guideline; the finding's suggestion says how for this passage.",
        example=example,
        counter_example=Example("# Title\n\nA plain sentence the guideline has nothing against.\n"),
        languages=tuple(guideline.languages),
        origin=str(guideline.path),
    )


def pack_rules(config: Config) -> tuple[Rule, ...]:
    from reviewer.checks.guidelines.pack import load_guidelines

    return tuple(guideline_rule(g) for g in load_guidelines(config))
