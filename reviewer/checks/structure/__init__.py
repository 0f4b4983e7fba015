"""Structure and brief compliance: title, heading levels, empty and missing sections, length."""

from reviewer.checks.base import CheckSpec
from reviewer.checks.structure.rules import RULES
from reviewer.checks.structure.settings import StructureSettings

CHECK = CheckSpec(
    name="structure",
    title="Structure and brief",
    description="Title, heading levels, empty and missing sections, and length against the brief.",
    run="reviewer.checks.structure.check:run",
    rules=RULES,
    settings=StructureSettings,
)
