"""The readability check's rules.

Span findings (a long sentence, paragraph or section, a passive sentence) are ``info``: a draft
with a few long sentences is normal and should not wait for review because of them. A reading
ease outside the audience's band is a ``warning``: the text as a whole misses its readers; one
below the band's goal but inside the band is ``info``. The
shares of long or passive sentences above their targets are ``info``, like Yoast's traffic
lights, since every such sentence is already marked where it stands.
"""

from __future__ import annotations

from reviewer.checks.base import Example, Rule

CHECK = "readability"

_LONG = (
    "Our platform connects the sensors in every hall with the maintenance team, so that the "
    "people who repair the machines see each warning on their phones before a line has to stop."
)
_SHORT = "Our platform connects the sensors with the team. Warnings reach their phones early."
_PARAGRAPH = " ".join(
    ["The team checks every sensor once a week and writes down what it finds."] * 12
)
_SECTION = "\n\n".join(["The team checks every sensor once a week and notes what it finds."] * 25)


LONG_SENTENCE = Rule(
    id="readability.long_sentence",
    check=CHECK,
    severity="info",
    title="Long sentence",
    explanation="Sentences over the limit (20 words by default) are hard to take in at one reading.",
    fix="Split the sentence: one statement per sentence.",
    example=Example(f"# Title\n\n{_LONG}\n"),
    counter_example=Example(f"# Title\n\n{_SHORT}\n"),
)
LONG_PARAGRAPH = Rule(
    id="readability.long_paragraph",
    check=CHECK,
    severity="info",
    title="Long paragraph",
    explanation="Paragraphs over the limit (150 words by default) read as a wall of text on screen.",
    fix="Split it where a new idea starts.",
    example=Example(f"# Title\n\n{_PARAGRAPH}\n"),
    counter_example=Example(f"# Title\n\n{_SHORT}\n"),
)
LONG_SECTION = Rule(
    id="readability.long_section",
    check=CHECK,
    severity="info",
    title="Long section without a subheading",
    explanation=(
        "More than 300 words (by default) without a subheading leave a skimming reader no "
        "place to enter the text."
    ),
    fix="Add a subheading where the topic shifts.",
    example=Example(f"# Title\n\n{_SECTION}\n"),
    counter_example=Example(f"# Title\n\n{_SHORT}\n\n## More\n\n{_SHORT}\n"),
)
PASSIVE_VOICE = Rule(
    id="readability.passive_voice",
    check=CHECK,
    severity="info",
    title="Passive voice",
    explanation="A passive sentence hides who acts; marketing copy is clearer when the actor is the subject.",
    fix="Rewrite it so that the actor is the subject.",
    example=Example("# Titel\n\nDie Anlage wurde von unserem Team geprüft.\n", language="de"),
    counter_example=Example("# Titel\n\nUnser Team hat die Anlage geprüft.\n", language="de"),
)
TARGET = Rule(
    id="readability.target",
    check=CHECK,
    severity="warning",
    title="Reading ease outside the audience's band",
    explanation=(
        "The Flesch reading ease (after Amstad for German) of the whole text is outside the band "
        "for the brief's audience; by default, harder than nine in ten published B2B texts of "
        "its language: the text as a whole misses its readers."
    ),
    fix="Shorten sentences and prefer shorter words, starting with the long sentences marked.",
    example=Example(
        "# Title\n\nInteroperability considerations necessitate comprehensive organizational "
        "standardization initiatives. Infrastructure modernization simultaneously requires "
        "sophisticated authentication methodologies.\n"
    ),
    counter_example=Example(
        "# Title\n\nWe fix your roof. It takes one day. You pay when it is done.\n"
    ),
)
GOAL = Rule(
    id="readability.goal",
    check=CHECK,
    severity="info",
    title="Harder to read than the typical published text",
    explanation=(
        "The Flesch reading ease is within the audience's band but below its goal; by default, "
        "harder than the median published B2B text of its language."
    ),
    fix="Shorten the longest sentences and prefer shorter words where a plainer one exists.",
    example=Example(
        "# Title\n\nThe platform connects sensors with the maintenance team. Technicians receive "
        "notifications and document every repair in the shared system.\n"
    ),
    counter_example=Example(
        "# Title\n\nWe fix your roof. It takes one day. You pay when it is done.\n"
    ),
)
LONG_SENTENCE_SHARE = Rule(
    id="readability.long_sentence_share",
    check=CHECK,
    severity="info",
    title="Too many long sentences",
    explanation="More than a quarter (by default) of the sentences are long.",
    fix="Split the long sentences marked in the text.",
    example=Example(f"# Title\n\n{_LONG} {_SHORT}\n"),
    counter_example=Example(f"# Title\n\n{_SHORT} {_SHORT} {_SHORT}\n"),
)
PASSIVE_SHARE = Rule(
    id="readability.passive_share",
    check=CHECK,
    severity="info",
    title="Too many passive sentences",
    explanation="More than a tenth (by default) of the sentences are passive.",
    fix="Rewrite the passive sentences marked in the text so that the actor is the subject.",
    example=Example(
        "# Titel\n\nDie Anlage wurde von unserem Team geprüft. Sie läuft jetzt.\n", language="de"
    ),
    counter_example=Example(
        "# Titel\n\nUnser Team hat die Anlage geprüft. Sie läuft jetzt.\n", language="de"
    ),
)

RULES = (
    LONG_SENTENCE,
    LONG_PARAGRAPH,
    LONG_SECTION,
    PASSIVE_VOICE,
    TARGET,
    GOAL,
    LONG_SENTENCE_SHARE,
    PASSIVE_SHARE,
)
