"""Personal data: detection (presidio, offline, German and English) and pseudonymisation.

The package keeps its own import light (this file declares the check only), so ``reviewer
--help`` and the critique's redaction step never pay for building an analyzer they do not use.
"""

from reviewer.checks.base import CheckSpec
from reviewer.checks.pii.rules import RULES
from reviewer.checks.pii.settings import PiiSettings

CHECK = CheckSpec(
    name="pii",
    title="Personal data",
    description="Names, e-mail addresses, phone numbers, IBANs, cards, IPs, street addresses and "
    "German identity numbers of private persons.",
    run="reviewer.checks.pii.check:run",
    rules=RULES,
    settings=PiiSettings,
)
