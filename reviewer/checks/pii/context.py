"""Whose contact detail is this: the company's or a private person's?

Marketing copy ends with the company's own contacts ("Schreiben Sie uns an kontakt@…", "our sales
team at sales@…", "unsere Bestellhotline 06441 …") — not personal data. Testimonials leak a
customer's private ones ("erreicht ihn privat unter …", "on his mobile …"). The sentence around a
detail tells them apart: company cues (we/our/uns/unser, a legal form, hotline, office) without any
personal cue (privat, persönlich, his/her, sein/ihr, mobile, home) mean the company's contact.
"""

from __future__ import annotations

import re

# Sentence ends: . ! ? followed by space and an upper-case letter or opening quote, or a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"„“‚'A-ZÄÖÜ])|\n")

_COMPANY_CUE = re.compile(
    r"\b(?:uns|unser\w*|Unser\w*|[Ww]ir|[Oo]ur|us|[Ww]e)\b"
    r"|\b(?:GmbH|AG|KG|SE|UG|GbR|OHG|Inc|Ltd|LLC|plc|Corp)\b"
    r"|(?i:\w*hotline\b|\bzentrale\b|\bkundenservice\b|\bkundendienst\b|\bservicenummer\b|"
    r"\bgeschäftsstelle\b|\w*büro\w*|\bheadquarters\b|\bswitchboard\b|\bhelpdesk\b|\bservice desk\b|"
    r"\bcustomer (?:service|care|support)\b|\b(?:sales|support|solutions|service) team\b|"
    r"\bfirmensitz\b|\bimpressum\b|\bpressestelle\b|\bpress office\b|\bmedia relations\b)"
)
# A block marked as the company's press or media contact: every contact line under it is the
# company's (a named employee's *mobile* still counts as personal, see ``precision``).
_PRESS_BLOCK = re.compile(
    r"(?im)^[#*\s]*(?:presse|medien|press|media)[- ]?(?:kontakt|contact|anfragen|enquiries|inquiries)\b"
)
_PERSONAL_CUE = re.compile(
    r"(?i:\bpriva\w*|\bpersönlich\w*|\bpersonal\b|\bmobil\w*|\bhandy\w*|\bcell\w*|\bhome\b|"
    r"\bzu ?hause\b|\bwohn\w*|\blives?\b|\bresiden\w*)"
    r"|\b(?:[Hh]is|[Hh]er|[Hh]im|[Hh]ers|sein|seine[mnrs]?|ihn|ihm|ihr|ihre[mnrs]?)\b"
)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or list item / line) containing ``text[start:end]``."""
    left = 0
    for match in _SENTENCE_END.finditer(text, max(0, start - 400), start):
        left = match.end()
    right_match = _SENTENCE_END.search(text, end)
    right = right_match.start() if right_match else len(text)
    return left, right


def sentence_of(text: str, start: int, end: int) -> str:
    left, right = sentence_bounds(text, start, end)
    return text[left:start] + " " + text[end:right]  # the detail itself never counts as a cue


def company_context(text: str, start: int, end: int) -> bool:
    """The sentence speaks for the company and says nothing that makes the detail private, or the
    detail stands in a press-contact block."""
    sentence = sentence_of(text, start, end)
    if _PERSONAL_CUE.search(sentence):
        return False
    return bool(_COMPANY_CUE.search(sentence)) or in_press_block(text, start)


def in_press_block(text: str, start: int) -> bool:
    """``start`` lies in the paragraph opened by "Pressekontakt" / "Press contact" (blank line ends it)."""
    paragraph_start = text.rfind("\n\n", 0, start)
    paragraph = text[paragraph_start + 1 if paragraph_start != -1 else 0 : start]
    return bool(_PRESS_BLOCK.search(paragraph))


def personal_context(text: str, start: int, end: int) -> bool:
    return bool(_PERSONAL_CUE.search(sentence_of(text, start, end)))
