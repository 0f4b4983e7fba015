"""The keywords check's rules: the brief's SEO keywords used, placed, dosed and on topic."""

from __future__ import annotations

from reviewer.checks.base import Example, Rule

CHECK = "keywords"

_BRIEF = '---\nkeywords: ["{keyword}"]\n---\n'
# About 260 words on running a payroll that name it only in the title.
_PAYROLL_BODY = " ".join(
    [
        "Our team answers every question within a day and helps you set up the accounts.",
        "Every month the reports reach your accountant without extra work.",
        "Salaries, taxes and contributions are calculated from the contracts you upload.",
        "You approve the run with one click, and the transfers leave on the date you choose.",
    ]
    * 5
)

MISSING = Rule(
    id="keywords.missing",
    check=CHECK,
    severity="warning",
    title="Keyword missing",
    explanation=(
        "A keyword from the brief does not occur in the text (a use inside a longer compound "
        "word does not count: readers and search engines do not match it)."
    ),
    fix="Use the keyword where it fits naturally, or correct the brief if the text rightly covers something else.",
    example=Example(
        _BRIEF.format(keyword="invoicing") + "# Payroll made simple\n\nRun payroll in minutes.\n"
    ),
    counter_example=Example(
        _BRIEF.format(keyword="payroll") + "# Payroll made simple\n\nRun payroll in minutes.\n"
    ),
)
STUFFED = Rule(
    id="keywords.stuffed",
    check=CHECK,
    severity="error",
    title="Keyword stuffing",
    explanation=(
        "A keyword used so often (above 3 % of the words by default) that the text reads like a "
        "list of search terms; search engines penalise it and readers notice."
    ),
    fix="Keep the keyword where it carries meaning (title, intro, a subheading) and replace the other repetitions.",
    example=Example(
        _BRIEF.format(keyword="cloud backup")
        + "# Cloud backup\n\nCloud backup for you. Cloud backup is simple. Buy cloud backup now. "
        "Cloud backup saves data.\n"
    ),
    counter_example=Example(
        _BRIEF.format(keyword="cloud backup")
        + "# Cloud backup\n\nOur cloud backup copies your files every night to two data centres "
        "in Frankfurt, so a broken laptop never costs you a day of work. Restoring a folder takes "
        "three clicks, and you choose how long old versions are kept. Pricing starts with the "
        "first device and grows with your team, without a minimum term.\n"
    ),
)
LOW_DENSITY = Rule(
    id="keywords.low_density",
    check=CHECK,
    severity="info",
    title="Keyword rarely used",
    explanation="A keyword used below 0.5 % of the words (by default) may not register as the text's topic.",
    fix="Use it once or twice more where it fits, for example in a subheading.",
    example=Example(
        _BRIEF.format(keyword="payroll") + f"# Payroll made simple\n\n{_PAYROLL_BODY}\n"
    ),
    counter_example=Example(
        _BRIEF.format(keyword="payroll") + "# Payroll made simple\n\nRun payroll in minutes.\n"
    ),
)
NOT_IN_TITLE = Rule(
    id="keywords.not_in_title",
    check=CHECK,
    severity="info",
    title="Keyword not in the title",
    explanation="Readers and search engines weigh the title most.",
    fix="Work the keyword into the title if it reads naturally.",
    example=Example(
        _BRIEF.format(keyword="payroll")
        + "# Pay your team on time\n\nRun payroll in minutes. Payroll runs on the first of the "
        "month, and payroll reports reach your accountant automatically.\n"
    ),
    counter_example=Example(
        _BRIEF.format(keyword="payroll") + "# Payroll made simple\n\nRun payroll in minutes.\n"
    ),
)
NOT_IN_INTRO = Rule(
    id="keywords.not_in_intro",
    check=CHECK,
    severity="info",
    title="Keyword not in the introduction",
    explanation="The first paragraph is where readers decide whether the text is for them.",
    fix="Mention the keyword in the first paragraph.",
    example=Example(
        _BRIEF.format(keyword="payroll")
        + "# Payroll made simple\n\nPay your team on time.\n\n## How\n\nRun payroll in minutes.\n"
    ),
    counter_example=Example(
        _BRIEF.format(keyword="payroll") + "# Payroll made simple\n\nRun payroll in minutes.\n"
    ),
)
IRRELEVANT = Rule(
    id="keywords.irrelevant",
    check=CHECK,
    severity="warning",
    title="Keyword unrelated to the topic",
    explanation=(
        "A keyword squeezed into a text about something else so that the brief looks fulfilled: "
        "it attracts readers the text does not serve and reads as a foreign body."
    ),
    fix="Replace the keyword with one the text is about, or drop it from the brief.",
    example=Example(
        '---\nkeywords: ["payroll", "cryptocurrency"]\n---\n# Payroll made simple\n\n'
        "Run payroll in minutes. Payroll runs on the first of the month, and payroll reports "
        "reach your accountant automatically. Unlike cryptocurrency, payroll has fixed dates.\n"
    ),
    counter_example=Example(
        '---\nkeywords: ["payroll", "payslips"]\n---\n# Payroll made simple\n\n'
        "Run payroll in minutes. Payroll runs on the first of the month, and every employee gets "
        "payslips by e-mail. Payroll reports reach your accountant automatically.\n"
    ),
)

RULES = (MISSING, STUFFED, LOW_DENSITY, NOT_IN_TITLE, NOT_IN_INTRO, IRRELEVANT)
