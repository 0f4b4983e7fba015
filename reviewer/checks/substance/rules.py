"""The substance check's rules: shallow sections and phrases repeated across sections."""

from __future__ import annotations

from reviewer.checks.base import Example, Rule

CHECK = "substance"

SHALLOW_SECTION = Rule(
    id="substance.shallow_section",
    check=CHECK,
    severity="warning",
    title="Shallow section",
    explanation=(
        "Most sentences of the section recommend or evaluate ('companies should ensure …', "
        "'it is essential to …') without anything a reader could check or act on: no figure, "
        "name, standard, example, quotation, link or step. AI drafts fill whole sections this "
        "way; the reader learns that something matters, never what to do."
    ),
    fix=(
        "Replace the most generic sentence with a concrete detail: a figure with its source, a "
        "named tool, practice or standard, an example introduced as such, or the steps to take."
    ),
    example=Example(
        "# Data protection in marketing\n\n## Transparency\n\n"
        "It is important that companies handle data transparently. Companies should ensure "
        "that their privacy policies are clear. It is essential to communicate openly with "
        "customers. Teams must make sure that the data is safe and protected at all times.\n"
    ),
    counter_example=Example(
        "# Data protection in marketing\n\n## Transparency\n\n"
        "Our consent banner names all 14 tools that receive data, for example HubSpot and "
        "Google Analytics 4. Since March 2024 it stores consent for 13 months, as the Bavarian "
        "data protection authority recommends. Visitors can change their choice on every page "
        "through a link in the footer.\n"
    ),
)

REPEATED_PHRASE = Rule(
    id="substance.repeated_phrase",
    check=CHECK,
    severity="info",
    title="Phrase repeated across sections",
    explanation=(
        "The same run of four or more words comes back in three or more sections. Drafts that "
        "restate their topic phrase in every section read as padded, and the repetition hides "
        "that the sections add little."
    ),
    fix="Say the phrase once where it matters; elsewhere use a short reference or cut it.",
    example=Example(
        "# AI in B2B marketing\n\n## Data\n\nData matters for AI in B2B marketing today.\n\n"
        "## People\n\nTeams shape AI in B2B marketing every day.\n\n"
        "## Tools\n\nTools support AI in B2B marketing well.\n"
    ),
    counter_example=Example(
        "# AI in B2B marketing\n\n## Data\n\nData matters for AI in B2B marketing today.\n\n"
        "## People\n\nTeams review every campaign before it goes out.\n\n"
        "## Tools\n\nWe use two tools for lead scoring.\n"
    ),
)

RULES = (SHALLOW_SECTION, REPEATED_PHRASE)
