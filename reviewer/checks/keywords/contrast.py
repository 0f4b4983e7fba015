"""Is a keyword used only to be set aside? ("Unlike NFT marketplaces, …", "Anders als beim
Influencer-Marketing …", "Ob Blockchain oder klassische Buchhaltung: …", "## Blockchain oder
Notfallplan?").

This is how drafts typically shoehorn a keyword that does not fit: they name it in order to
contrast it with what the text is really about. Such a use says nothing about the keyword's topic,
so the relevance judgement does not count it as support. The cues are grammar — the closed class
of contrastive and alternative connectives of each language — not topic words, so they carry over
to any subject.
"""

from __future__ import annotations

import re

_ARTICLES_EN = r"(?:(?:the|a|an|any|all|those|these|so-called|traditional|classic)\s+){0,2}"
_ARTICLES_DE = (
    r"(?:(?:der|die|das|dem|den|des|beim|bei|im|in|vom|von|zum|zur|um|ein|eine|einem|einer|eines|"
    r"sogenannte[mnrs]?|klassische[mnrs]?)\s+){0,2}"
)

# The words right before the keyword (same sentence) that set it aside.
_BEFORE = {
    "en": re.compile(
        r"\b(?P<conn>unlike|instead\s+of|rather\s+than|other\s+than|as\s+opposed\s+to|in\s+contrast\s+to|"
        r"contrary\s+to|compared\s+(?:to|with)|versus|vs\.?|forget(?:\s+about)?|apart\s+from|aside\s+from|"
        r"not\s+about|nothing\s+to\s+do\s+with|whether(?:\s+it\s+is|\s+it's)?)\s+"
        + _ARTICLES_EN
        + r"$",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"\b(?P<conn>anders\s+als|im\s+gegensatz\s+zu[mr]?|im\s+unterschied\s+zu[mr]?|verglichen\s+mit|"
        r"statt|anstatt|anstelle\s+von|jenseits\s+von|abseits\s+von|weder|"
        r"geht\s+es\s+nicht\s+um|nicht\s+um|ob)\s+" + _ARTICLES_DE + r"$",
        re.IGNORECASE,
    ),
}
# "whether K or …" / "ob K oder …" need the "or": "prüfen Sie, ob die Cyberversicherung zahlt" is a
# real use of the keyword.
_NEEDS_OR = ("whether", "ob")
_OR_AFTER = re.compile(r"^(?:\s*[^\W_][\w-]*){0,3}\s*,?\s*(?:or|oder)\b", re.IGNORECASE)
_OR = re.compile(r"\b(?:or|oder|vs\.?|versus)\b", re.IGNORECASE)


# "Whether your records live on a blockchain or in a database": the "whether" may stand a few
# words before the keyword, as long as no comma or clause boundary intervenes.
_WHETHER = re.compile(r"\b(?:whether|ob)\b(?:\s+[^\s,;:]+){0,6}\s+$", re.IGNORECASE)


def is_contrastive(unit_text: str, start: int, end: int, language: str, *, heading: bool) -> bool:
    """True when the keyword at ``unit_text[start:end]`` is named only to be set aside.

    ``unit_text`` is the sentence or heading the keyword stands in, offsets relative to it.
    """
    before = " ".join(unit_text[:start].split()) + " "
    after = unit_text[end:]
    pattern = _BEFORE.get(language, _BEFORE["en"])
    match = pattern.search(before)
    if match is not None:
        if match.group("conn").casefold().startswith(_NEEDS_OR):
            return _OR_AFTER.search(after) is not None
        return True
    if _WHETHER.search(before) is not None and _OR_AFTER.search(after) is not None:
        return True
    # An alternative question as a heading: "Blockchain oder Notfallplan?", "NFTs or bank transfers?"
    stripped = unit_text.strip()
    return heading and stripped.endswith("?") and _OR.search(stripped) is not None
