"""The structure check's rules: outline and brief compliance (title, headings, sections, length)."""

from __future__ import annotations

from reviewer.checks.base import Example, Rule

CHECK = "structure"

NO_TITLE = Rule(
    id="structure.no_title",
    check=CHECK,
    severity="warning",
    title="No title",
    explanation=(
        "A draft without a title heading gives the reader nothing to show first: the text "
        "should open with a level-1 heading (or, in plain text, a title line of its own). A "
        "``title`` in the brief counts as the title: the CMS renders it above the body."
    ),
    fix="Start the text with a level-1 heading ('# Title').",
    example=Example("Our new service starts in May.\n\nIt covers three regions.\n"),
    counter_example=Example("# Our new service\n\nOur new service starts in May.\n"),
)

SKIPPED_HEADING_LEVEL = Rule(
    id="structure.skipped_heading_level",
    check=CHECK,
    severity="info",
    title="Heading level skipped",
    explanation=(
        "A jump from a level-2 to a level-4 heading breaks the outline that screen readers, "
        "tables of contents and search engines build from the headings."
    ),
    fix="Use the next level down, or add the missing level above it.",
    example=Example("# Title\n\n## Part one\n\nText.\n\n#### Detail\n\nMore text.\n"),
    counter_example=Example("# Title\n\n## Part one\n\nText.\n\n### Detail\n\nMore text.\n"),
)

EMPTY_SECTION = Rule(
    id="structure.empty_section",
    check=CHECK,
    severity="warning",
    title="Empty section",
    explanation=(
        "A heading followed directly by the next heading promises content that is not there; "
        "a draft often stacks headings this way when it runs out of things to say."
    ),
    fix="Write the section's content, or remove or merge the heading.",
    example=Example("# Title\n\nIntro text.\n\n## Benefits\n\n## Pricing\n\nIt costs 10 euros.\n"),
    counter_example=Example(
        "# Title\n\nIntro text.\n\n## Benefits\n\nIt saves time.\n\n## Pricing\n\nIt costs 10 euros.\n"
    ),
)

MISSING_REQUIRED_SECTION = Rule(
    id="structure.missing_required_section",
    check=CHECK,
    severity="warning",
    title="Required section missing",
    explanation=(
        "The brief names sections the text must have (a conclusion, a call to action); a "
        "heading matches when its words are the same, ignoring case, numbering and punctuation."
    ),
    fix="Add a section with the required heading, or correct the brief.",
    example=Example(
        '---\nrequired_sections: ["Fazit"]\n---\n# Titel\n\nEin Text ohne Schluss.\n',
        language="de",
    ),
    counter_example=Example(
        '---\nrequired_sections: ["Fazit"]\n---\n# Titel\n\nEin Text.\n\n## Fazit\n\nSchluss.\n',
        language="de",
    ),
)

WORD_COUNT = Rule(
    id="structure.word_count",
    check=CHECK,
    severity="warning",
    title="Length outside the brief",
    explanation=(
        "The brief asks for a length and the text misses it. Too short usually means "
        "shallow, too long usually means filler and repetition."
    ),
    fix="Too short: add examples, figures with sources and concrete steps. Too long: cut filler first.",
    example=Example("---\nwords: {min: 50}\n---\n# Title\n\nToo short.\n"),
    counter_example=Example("---\nwords: {min: 3, max: 50}\n---\n# Title\n\nLong enough now.\n"),
)

RULES = (NO_TITLE, SKIPPED_HEADING_LEVEL, EMPTY_SECTION, MISSING_REQUIRED_SECTION, WORD_COUNT)
