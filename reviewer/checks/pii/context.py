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
# company's, published to be reached by the press. Headed "Pressekontakt:", "__Media Contact__",
# or the press-release closer "Für weitere Informationen kontaktieren Sie bitte:" / "For more
# information, contact:".
_PRESS_BLOCK = re.compile(
    r"(?im)^[#*_>\s]*(?:(?:presse|medien|press|media)[- ]?"
    r"(?:kontakt\w*|contacts?|anfragen|enquiries|inquiries|relations|ansprechpartner\w*)\b"
    r"|(?:für|for) (?:weitere|mehr|more|further) (?:informationen|information|details|auskünfte)"
    r"\b.{0,60}?\b(?:kontakt\w*|contact|wenden|reach|erreichen))"
)
# Where a press block ends: a heading, or a new label line set in bold/underline ("__Absender:__").
_BLOCK_END = re.compile(r"(?m)^\s*(?:#|(?:__|\*\*)[^_*\n]+?:?(?:__|\*\*):?\s*$)")
RUNNING_TEXT_WORDS = 15  # a contact line is short; a line this long is body copy again
ADDRESS_LINE_CHARS = (
    60  # what may stand beside a detail on an address-block line ("Tel.: ", a city)
)
PRESS_BLOCK_CHARS = 800  # a contact block is a few short lines; beyond that it is body copy again
# Cues that a block (imprint, footer, "Kontakt" or "HQ" section) is the company's own address block.
_COMPANY_BLOCK_CUE = re.compile(
    r"\b(?:GmbH|AG|KG|SE|UG|GbR|OHG|eG|e\.\s?V|Inc|Ltd|LLC|LLP|plc|Corp|HQ)\b"
    r"|(?i:\bimpressum\b|\babsender\b|\banschrift\b|"
    r"\bheadquarters\b|\bhead office\b|\bmain office\b|\bzentrale\b|\bfirmensitz\b|"
    r"\bhauptsitz\b|\bstandort\w*|\boffices?\b|\w*büro\w*|\bamtsgericht\b|\bhrb?\s?\d|"
    r"\bust\.?-?id|\bgeschäftsführ\w*|\bregistered office\b|\bcompany (?:no|number)\b)"
)
# Cues that make an address or number in such a block private after all (no his/her: a contact
# block says "Ihr Ansprechpartner" and "your contact" without meaning a private person).
_STRONG_PERSONAL_CUE = re.compile(
    r"(?i)\bpriva\w*|\bpersönlich\w*|\bpersonal\b|\bzu ?hause\b|\bwohn\w*|\bhome\b|"
    r"\blives?\b|\bresiden\w*|\bmobil\w*|\bhandy\w*|\bcell\w*"
)
BLOCK_CHARS = 400  # how far back a contact block's heading or company line may stand
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
    """``start`` lies in a block opened by "Pressekontakt" / "Media contact" / "For more information,
    contact", before the next heading or bold label line."""
    window = text[max(0, start - PRESS_BLOCK_CHARS) : start]
    headers = list(_PRESS_BLOCK.finditer(window))
    if not headers:
        return False
    after_header = window[headers[-1].end() :]
    after_header = after_header[after_header.find("\n") + 1 :] if "\n" in after_header else ""
    if _BLOCK_END.search(after_header):
        return False
    return all(len(line.split()) < RUNNING_TEXT_WORDS for line in after_header.splitlines())


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (between blank lines) containing ``text[start:end]``."""
    left = text.rfind("\n\n", 0, start)
    right = text.find("\n\n", end)
    return (left + 2 if left != -1 else 0), (right if right != -1 else len(text))


def in_company_block(text: str, start: int, end: int) -> bool:
    """The detail stands on a short line of the company's own address block: its paragraph, or the
    heading of its section (at most ``BLOCK_CHARS`` back), names the company, its seat or office,
    and nothing in the paragraph says private."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if (start - line_start) + (line_end - end) > ADDRESS_LINE_CHARS:
        return False  # running text, not an address block: the sentence rules decide
    left, right = paragraph_bounds(text, start, end)
    paragraph = text[left:start] + " " + text[end:right]
    heading = re.search(r"(?m)^#+[^\n]*(?![\s\S]*^#)", text[max(0, start - BLOCK_CHARS) : left])
    block = paragraph + " " + (heading.group(0) if heading else "")
    return bool(_COMPANY_BLOCK_CUE.search(block)) and not _STRONG_PERSONAL_CUE.search(paragraph)


def personal_context(text: str, start: int, end: int) -> bool:
    return bool(_PERSONAL_CUE.search(sentence_of(text, start, end)))
