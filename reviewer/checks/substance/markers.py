"""The words that mark generic statements and concrete details, in German and English.

Generic statements are recognised by their frame, not their topic: a modal recommendation
("Unternehmen sollten …", "companies must …"), an evaluative frame ("es ist wichtig, dass …",
"it is essential to …", "spielt eine entscheidende Rolle") or a hedged benefit ("kann dazu
beitragen", "can help"). A sentence with such a frame is generic only when it holds no concrete
detail (see ``details``): "Sie sollten die Cookie-Laufzeit auf 13 Monate begrenzen" is advice with
an object.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

_GENERIC_DE = (
    # modal recommendation
    r"\b(?:sollte|sollten|solltest|muss|müssen|müsste|müssten|gilt es|empfiehlt (?:es )?sich|"
    r"ist es ratsam|es ist ratsam|bedarf es|es bedarf)\b",
    # imperative advice
    r"^(?:\w+\s+){0,2}?(?:stellen sie sicher|achten sie|denken sie daran|sorgen sie|setzen sie auf|"
    r"behalten sie|vergessen sie nicht)\b",
    # evaluative frame: "es ist (von) entscheidend(er Bedeutung)", "ist es wichtig"
    r"\b(?:es ist|ist es|sind|ist)\s+(?:\w+\s+){0,2}?(?:wichtig|entscheidend|unerlässlich|"
    r"essenziell|essentiell|notwendig|unabdingbar|zentral|ratsam|sinnvoll|erforderlich|"
    r"von (?:\w+\s+)?bedeutung)\b",
    r"\bspielt\s+(?:\w+\s+){0,2}?(?:wichtige|entscheidende|zentrale|große|bedeutende|wesentliche)\s+rolle\b",
    r"\b(?:eine|die)\s+(?:der\s+)?(?:größten|wichtigsten|zentralen)\s+(?:herausforderungen|aufgaben|aspekte|faktoren)\b",
    r"\b(?:wichtige|entscheidende|zentrale|wesentliche)[rns]?\s+(?:maßnahme|faktor|schritt|aspekt|baustein|bestandteil)\b",
    r"\b(?:gewinnt|gewinnen)\s+(?:\w+\s+){0,2}?an bedeutung\b|\bimmer wichtiger\b|"
    r"\bschlüssel zum erfolg\b|\bder schlüssel liegt\b",
    # hedged benefit
    r"\b(?:kann|können|könnte|könnten)\s+(?:\w+\s+){0,3}?(?:dazu\s+)?beitragen\b",
    r"\b(?:trägt|tragen)\s+(?:\w+\s+){0,3}?dazu bei\b",
    r"\b(?:ermöglicht|ermöglichen) es\b",
    r"\bbietet\s+(?:\w+\s+){0,2}?(?:große|enorme|vielfältige|zahlreiche|neue)\s+(?:chancen|möglichkeiten|vorteile|potenziale)\b",
)

_GENERIC_EN = (
    r"\b(?<!n't )(?<!not )(?:should|must|need to|needs to|have to|has to|ought to|it is advisable)\b",
    # imperative advice
    r"^(?:\w+,?\s+){0,2}?(?:ensure|make sure|focus on|remember to|keep in mind|don't forget|"
    r"be sure to|take the time to)\b",
    r"\b(?:it is|it's|it remains|is|are)\s+(?:\w+\s+){0,2}?(?:important|essential|crucial|vital|"
    r"critical|imperative|necessary|advisable|paramount|key)(?:\s+(?:to|that|for|in)\b|\W*$)",
    r"\bmore important than ever\b|\bkey to success\b|\bincreasingly important\b",
    r"\bplays?\s+(?:a|an)\s+(?:\w+\s+)?(?:key|crucial|vital|central|major|important|pivotal|significant)\s+role\b",
    r"\bone of the\s+(?:biggest|greatest|most important|key|main)\s+(?:challenges|tasks|aspects|factors)\b",
    r"\b(?:an?|another)\s+(?:important|key|crucial|essential|vital|critical)\s+(?:measure|factor|step|aspect|component|element)\b",
    r"\b(?:can|could|may)\s+(?:\w+\s+){0,2}?(?:help|contribute)\b",
    r"\bmakes? it possible\b",
    r"\boffers?\s+(?:\w+\s+){0,2}?(?:great|enormous|many|numerous|new)\s+(?:opportunities|possibilities|benefits|potential)\b",
)

# A question asks, it does not recommend ("Warum sollten Sie mit uns arbeiten?").
QUESTION = re.compile(r"\?\W*$")

GENERIC = {
    "de": tuple(re.compile(p, _I) for p in _GENERIC_DE),
    "en": tuple(re.compile(p, _I) for p in _GENERIC_EN),
}
# All frames of a language in one pattern: most sentences of real copy use none, and one search
# settles that.
ANY_GENERIC = {
    "de": re.compile("|".join(f"(?:{p})" for p in _GENERIC_DE), _I),
    "en": re.compile("|".join(f"(?:{p})" for p in _GENERIC_EN), _I),
}

# A word every frame of the language contains (lower case): a sentence with none of them is not
# generic, and the slower patterns need not run. A test checks that every frame has one.
GENERIC_HINTS = {
    "de": (
        "sollt", "muss", "müss", "gilt es", "empfiehlt", "ratsam", "bedarf", "sie ", "wichtig",
        "entscheidend", "unerlässlich", "essenziell", "essentiell", "notwendig", "unabdingbar",
        "zentral", "sinnvoll", "erforderlich", "bedeutung", "rolle", "größten", "maßnahme",
        "faktor", "schritt", "aspekt", "baustein", "bestandteil", "beitragen", "dazu bei",
        "ermöglich", "bietet", "schlüssel",
    ),
    "en": (
        "should", "must", "need", "have to", "has to", "ought", "advisable", "ensure", "make sure",
        "focus on", "remember", "keep in mind", "forget", "be sure", "take the time", "important",
        "essential", "crucial", "vital", "critical", "imperative", "necessary", "paramount",
        "key", "role", "one of the", "help", "contribute", "possible", "offer",
    ),
}  # fmt: skip

# Examples introduced as such.
EXAMPLE_CUES = {
    "de": re.compile(
        r"\b(?:zum Beispiel|z\.\s?B\.|beispielsweise|etwa|wie etwa|so etwa|ein Beispiel|"
        r"Beispiel:|konkret|im Fall (?:von|der|des))",
        _I,
    ),
    "en": re.compile(
        r"\b(?:for example|for instance|e\.g\.|such as|an example|example:|in the case of|"
        r"case in point|specifically)",
        _I,
    ),
}

EXAMPLE_HINTS = {
    "de": ("beispiel", "z.", "etwa", "konkret", "im fall"),
    "en": (
        "example",
        "e.g.",
        "instance",
        "such as",
        "in the case",
        "case in point",
        "specifically",
    ),
}
DIGIT = re.compile(r"\d")
# A number standing alone (not part of "B2B" or "Web3"): figures, amounts, dates, versions.
NUMBER = re.compile(r"(?<![\w.,])[-+]?\d+(?:[.,:]\d+)*(?:\s?%|\s?‰)?(?![\w])")
# A year alone is a date, not a figure: "Im Jahr 2025 sollten Unternehmen …" stays generic.
YEAR = re.compile(r"(?:19|20)\d\d$")
# Spelled-out counts from two up: "three steps", "drei Schritte".
NUMBER_WORDS = {
    "de": frozenset(
        [
            "zwei",
            "drei",
            "vier",
            "fünf",
            "sechs",
            "sieben",
            "acht",
            "neun",
            "zehn",
            "elf",
            "zwölf",
            "zwanzig",
            "dreißig",
            "hundert",
            "tausend",
            "dutzend",
            "hälfte",
            "drittel",
            "viertel",
        ]
    ),
    "en": frozenset(
        [
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "twenty",
            "thirty",
            "hundred",
            "thousand",
            "dozen",
            "half",
            "third",
            "quarter",
        ]
    ),
}
# Named standards and laws, also when written without a number.
STANDARD = re.compile(
    r"\b(?:(?:ISO|IEC|DIN|EN|VDI|VDE|NIST|RFC|IEEE|ITIL|BSI)\s?[-/]?\s?\d[\w.:-]*|"
    r"DSGVO|GDPR|BDSG|NIS-?2|DORA|TISAX|SOC\s?2|HIPAA|PCI[- ]DSS|AI Act|CCPA|UWG|TMG|TTDSG|"
    r"§\s?\d+\w*|Art\.\s?\d+)",
)
LINK_HINTS = ("http", "www.", "](", ".de", ".com", ".org", ".net", ".io", ".eu")
LINK = re.compile(r"https?://\S+|www\.\S+|\]\([^)]+\)|\b[\w.-]+\.(?:de|com|org|net|io|eu)\b")
QUOTE_MARKS = ("„", "“", '"', "«", "»", "‚", "‘")
QUOTATION = re.compile(r"[„“\"«»‚‘]\s*\w[^„“\"”«»‘’\n]{2,}?[“”\"«»‘’]")
# Terms too common in B2B copy to count as a name even in capitals.
GENERIC_ACRONYMS = frozenset(
    [
        "KI",
        "AI",
        "B2B",
        "B2C",
        "IT",
        "HR",
        "ML",
        "SEO",
        "SEA",
        "CRM",
        "ERP",
        "KPI",
        "KPIS",
        "ROI",
        "USP",
        "CEO",
        "CTO",
        "CIO",
        "CFO",
        "KMU",
        "SME",
        "SMES",
        "SAAS",
        "PR",
        "FAQ",
        "FAQS",
        "API",
        "APIS",
        "UX",
        "UI",
    ]
)
