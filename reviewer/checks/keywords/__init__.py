"""Brief keywords: used, placed, dosed, and on topic.

``matching`` finds a brief keyword in the text whatever its inflection, case or hyphenation;
``relevance`` judges whether the keyword fits what the text is about; ``check`` turns their
numbers into findings.
"""

from reviewer.checks.base import CheckSpec
from reviewer.checks.keywords.rules import RULES
from reviewer.checks.keywords.settings import KeywordsSettings

CHECK = CheckSpec(
    name="keywords",
    title="Keywords",
    description="Brief keywords: presence, placement in title and intro, density, stuffing and fit to the topic.",
    run="reviewer.checks.keywords.check:run",
    rules=RULES,
    settings=KeywordsSettings,
)
