"""Concrete details in a sentence: what makes a statement checkable and usable by a reader.

Counted kinds: ``number`` (figures, amounts, dates, counts spelled out), ``name`` (products,
organisations, places: capitalised words a dictionary does not know, brand spellings such as
"HubSpot", acronyms other than the trade's everyday ones), ``standard`` (ISO 27001, DSGVO, § 26),
``example`` (introduced as such), ``quotation``, ``link`` and ``step`` (a list item that states
something). The text's own topic words (those of its title) are not details: "KI im B2B
Marketing" is what every sentence of the seed is about, not a fact in it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from reviewer.checks.substance import markers
from reviewer.language.lemmas import is_known, lemma, lookup
from reviewer.language.stopwords import is_function_word

TOKEN = re.compile(r"\w(?:[\w'’&]|[-.](?=\w))*", re.UNICODE)
KINDS = ("number", "name", "standard", "example", "quotation", "link", "step")
STEP_MIN_WORDS = 4
_PARTS = re.compile(r"[-.]")
_MIN_COMPOUND_MODIFIER = 3
_MIN_COMPOUND_HEAD = 4


def sentence_details(text: str, language: str, topic: frozenset[str]) -> Counter[str]:
    """How many details of each kind a sentence holds (``topic``: case-folded title words).

    Each pattern runs only when a cheap substring test says it could match: most sentences have
    no link, no digit and no example cue, and the check must stay within a few milliseconds."""
    found: Counter[str] = Counter()
    lang = language if language in markers.GENERIC else "en"
    lowered = text.lower()
    masked = text
    for kind, pattern, hints in (
        ("link", markers.LINK, markers.LINK_HINTS),
        ("standard", markers.STANDARD, None),
        ("quotation", markers.QUOTATION, markers.QUOTE_MARKS),
    ):
        if hints is not None and not any(h in lowered for h in hints):
            continue
        hits = list(pattern.finditer(masked))
        if hits:
            found[kind] += len(hits)
            masked = pattern.sub(lambda m: " " * len(m.group(0)), masked)
    if any(h in lowered for h in markers.EXAMPLE_HINTS[lang]):
        found["example"] += len(markers.EXAMPLE_CUES[lang].findall(masked))
    if markers.DIGIT.search(masked):
        found["number"] += sum(
            1 for n in markers.NUMBER.findall(masked) if not markers.YEAR.match(n)
        )
    words = TOKEN.findall(masked)
    found["number"] += sum(1 for w in words if w.casefold() in markers.NUMBER_WORDS[lang])
    found["name"] += _names(words, lang, topic)
    return +found


def _names(words: list[str], language: str, topic: frozenset[str]) -> int:
    """Runs of name-like words (a run such as "Sovereign Cloud Stack" is one name)."""
    count = 0
    previous = False
    for index, word in enumerate(words):
        current = index > 0 and _is_name(word, language, topic)
        if current and not previous:
            count += 1
        previous = current
    return count


@lru_cache(maxsize=65536)
def _is_name(word: str, language: str, topic: frozenset[str]) -> bool:
    if "-" not in word and "." not in word:
        return _is_name_part(word, language, topic)
    return any(_is_name_part(part, language, topic) for part in _PARTS.split(word) if part)


def _is_name_part(part: str, language: str, topic: frozenset[str]) -> bool:
    if not part[:1].isupper() or part.casefold() in topic or part.isdigit():
        return False
    if part.upper() in markers.GENERIC_ACRONYMS or is_function_word(part, language):
        return False
    if any(ch.isupper() for ch in part[1:]) or any(ch.isdigit() for ch in part):
        return len(part) > 1  # "HubSpot", "SAP", "S4"
    if language == "en":
        # English capitalises names, but drafts also capitalise concepts ("Predictive
        # Maintenance"): a capitalised common word counts only where the dictionary lacks it
        return not _lower_case_word(part, "en")
    # German capitalises every noun: a name is a word neither dictionary knows (an English word
    # in German copy is a loan word such as "Leads" or "Insights", not a name)
    return not _known_de(part) and not _lower_case_word(part, "en")


def _lower_case_word(word: str, language: str) -> bool:
    """Whether the dictionary lists the word in lower case: "maintenance" is, "Lyon" and
    "Odoo" are not (London and Slack are too, and are missed as names)."""
    return lookup(word.lower(), language) is not None


@lru_cache(maxsize=65536)
def _known_de(word: str) -> bool:
    """A German word the dictionary knows, directly or as a compound of known words
    ("Datenschutzrichtlinien": "Datenschutz" + "Richtlinien"; a linking "s" or "n" allowed).
    Both parts must be known, so "Salesforce" is not "Sales" + "Force"."""
    if is_known(word, "de"):
        return True
    for cut in range(_MIN_COMPOUND_MODIFIER, len(word) - _MIN_COMPOUND_HEAD + 1):
        if is_known(word[cut:].capitalize(), "de") and _known_modifier(word[:cut]):
            return True
    return False


def _known_modifier(modifier: str) -> bool:
    candidates = [modifier]
    if modifier[-1:] in ("s", "n") and len(modifier) > _MIN_COMPOUND_MODIFIER:
        candidates.append(modifier[:-1])
    return any(_known_de(c) for c in candidates)


def is_step(block_text: str) -> bool:
    """A list item that states something (a few words, not a one-word label)."""
    return len(TOKEN.findall(block_text)) >= STEP_MIN_WORDS


def generic_frames(text: str, language: str) -> int:
    """How many generic frames (recommendation, evaluation, hedged benefit) a sentence uses."""
    lang = language if language in markers.GENERIC else "en"
    lowered = text.lower()
    if not any(h in lowered for h in markers.GENERIC_HINTS[lang]):
        return 0
    if markers.QUESTION.search(text) or not markers.ANY_GENERIC[lang].search(text):
        return 0
    return sum(1 for pattern in markers.GENERIC[lang] if pattern.search(text))


def content_words(text: str, language: str) -> list[str]:
    """The words of a text that are not function words, as written."""
    return [w for w in TOKEN.findall(text) if not is_function_word(w, language)]


@lru_cache(maxsize=131072)
def word_key(word: str, language: str) -> tuple[str, bool]:
    """``(key, is_content_word)``: a function word as written (case-folded), any other word as
    its lemma. Numbers are not content words."""
    if is_function_word(word, language):
        return word.casefold(), False
    return lemma(word, language), not word[:1].isdigit()
