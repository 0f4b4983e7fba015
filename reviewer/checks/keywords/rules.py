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
        "A keyword from the brief does not occur in the text, not even in the title or as a close "
        "variant. A use inside a longer compound word does not count: readers and search engines "
        "do not match it. A keyword occurs where a heading or sentence holds all its content "
        "words, in any order and inflection."
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
    severity="warning",
    title="Keyword stuffing",
    explanation=(
        "A keyword used so often (above 3 % of the words by default) that the text reads like a "
        "list of search terms; search engines penalise it and readers notice. A fixable SEO "
        "issue, not a publication risk, so never an error by default. The name the text is about "
        "(a product or brand in the title or a subheading) is exempt, and a one-word subject "
        "there may repeat more (5 % by default)."
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
    title="Focus keyphrase rarely used",
    explanation="The focus keyphrase (the brief's first keyword) used below 0.5 % of the words (by default) may not register as the text's topic.",
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
    title="Focus keyphrase not in the title",
    explanation=(
        "Readers and search engines weigh the title most. The brief's title counts (the CMS "
        "renders it), and so does the title heading."
    ),
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
    title="Focus keyphrase not in the introduction",
    explanation="The first paragraph is where readers decide whether the text is for them; a synonym from the brief counts.",
    fix="Mention the keyword in the first paragraph.",
    example=Example(
        _BRIEF.format(keyword="payroll")
        + "# Payroll made simple\n\nPay your team on time.\n\n## How\n\nRun payroll in minutes.\n"
    ),
    counter_example=Example(
        _BRIEF.format(keyword="payroll") + "# Payroll made simple\n\nRun payroll in minutes.\n"
    ),
)
NOT_IN_SUBHEADINGS = Rule(
    id="keywords.not_in_subheadings",
    check=CHECK,
    severity="info",
    title="Focus keyphrase in no subheading",
    explanation=(
        "Subheadings tell skimming readers and search engines what each section covers; when "
        "none of two or more holds the focus keyphrase or a synonym, the structure does not show "
        "the topic."
    ),
    fix="Work the keyphrase or a synonym into one or two subheadings where it describes the section.",
    example=Example(
        _BRIEF.format(keyword="payroll")
        + "# Payroll made simple\n\nRun payroll in minutes.\n\n## Taxes\n\nWe file them.\n\n"
        "## Reports\n\nYour accountant gets them.\n"
    ),
    counter_example=Example(
        _BRIEF.format(keyword="payroll")
        + "# Payroll made simple\n\nRun payroll in minutes.\n\n## Payroll taxes\n\nWe file them.\n\n"
        "## Reports\n\nYour accountant gets them.\n"
    ),
)
ONLY_IN_TITLE = Rule(
    id="keywords.only_in_title",
    check=CHECK,
    severity="info",
    title="Keyword only in the title",
    explanation=(
        "The keyword is in the title (the brief's or the title heading) but the text never uses "
        "it: readers who came for it find nothing that picks it up."
    ),
    fix="Use the keyword in the first paragraph and where the text explains it.",
    example=Example(
        '---\ntitle: "Payroll made simple"\nkeywords: ["payroll"]\n---\n'
        "Pay your team on time. Salaries and taxes are calculated for you.\n"
    ),
    counter_example=Example(
        '---\ntitle: "Payroll made simple"\nkeywords: ["payroll"]\n---\n'
        "Run payroll in minutes. Salaries and taxes are calculated for you.\n"
    ),
)
ONLY_VARIANTS = Rule(
    id="keywords.only_variants",
    check=CHECK,
    severity="info",
    title="Keyword only as a variant or synonym",
    explanation=(
        "The keyphrase itself does not occur, but a close variant does (the same word family: "
        '"optimize costs" for "cost optimization") or a synonym listed in the brief. Readers '
        "see the topic; search engines match variants only loosely."
    ),
    fix="Use the keyphrase itself once or twice, in the first paragraph or a subheading.",
    example=Example(
        _BRIEF.format(keyword="cost optimization")
        + "# Cloud bills under control\n\nThree ways to optimize costs in your cloud account.\n"
    ),
    counter_example=Example(
        _BRIEF.format(keyword="cost optimization")
        + "# Cloud bills under control\n\nThree steps of cost optimization for your cloud account.\n"
    ),
)
IRRELEVANT = Rule(
    id="keywords.irrelevant",
    check=CHECK,
    severity="warning",
    title="Keyword unrelated to the topic",
    explanation=(
        "A keyword squeezed into a text about something else so that the brief looks fulfilled: "
        "it attracts readers the text does not serve and reads as a foreign body. Judged from "
        "the text alone: the keyword is not in the title, heads no section about it, no other "
        "word relates to it, its sentence shares nothing with its neighbours and opens no "
        "section, in English its dictionary definition names nothing of the title or "
        "subheadings, and the words around it are not the terms the text keeps returning to — "
        "or are, but it stands in an aside (a one-sentence paragraph, a lone list item, "
        "parentheses), or in a heading over something else."
    ),
    fix="Replace the keyword with one the text is about (the finding suggests some), or drop it from the brief.",
    example=Example(
        '---\nkeywords: ["payroll", "cryptocurrency"]\n---\n# Payroll made simple\n\n'
        "Run payroll in minutes. Payroll runs on the first of the month, and payroll reports "
        "reach your accountant automatically. Many people also talk about cryptocurrency these "
        "days.\n"
    ),
    counter_example=Example(
        '---\nkeywords: ["payroll", "payslips"]\n---\n# Payroll and payslips made simple\n\n'
        "Run payroll in minutes. Payroll runs on the first of the month, and every employee gets "
        "payslips by e-mail. Payroll reports reach your accountant automatically.\n"
    ),
)

RULES = (
    MISSING,
    ONLY_IN_TITLE,
    ONLY_VARIANTS,
    STUFFED,
    LOW_DENSITY,
    NOT_IN_TITLE,
    NOT_IN_INTRO,
    NOT_IN_SUBHEADINGS,
    IRRELEVANT,
)
