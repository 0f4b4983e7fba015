"""Person names in German and English text without a statistical NER model.

A name is a known given name (``reviewer.checks.pii.names``) followed by a capitalised surname-shaped word
(with particles such as "van", "von der" and hyphenated double names), or any capitalised words
after a title ("Herr", "Frau", "Dr.", "Prof. Dr.", "Mr", "Ms"). Context raises or lowers the score:
a quote attribution ("sagt", "says", "so …") or a job title after a comma ("…, Werksleiter bei")
confirms a person; a company legal form after the name ("… GmbH") rules one out; an article before
it or a title-case heading makes it doubtful. Titles are never part of the span.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult

from reviewer.checks.pii import names
from reviewer.checks.pii.names import words

ENTITY = "PERSON"

# Words with letters (Unicode), inner hyphens and apostrophes; "Dr." keeps its dot for titles.
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?")
_POSSESSIVE = re.compile(r"['’]s?$")
_ARTICLES = words("der die das den dem des the a an ein eine einer einem einen")

SCORE_NAME = 0.65  # known given name + surname shape
SCORE_TITLE = 0.85  # "Herr Reimer", "Dr. Lena Marquardt"
SCORE_CONTEXT_ONLY = 0.6  # two capitalised words confirmed by attribution or job title
CONTEXT_BOOST = 0.2
DOUBT_PENALTY = 0.3


class _Token(NamedTuple):  # a tuple: built for every word, ~3x cheaper than a frozen dataclass
    start: int
    end: int
    text: str  # without a trailing dot unless it is an abbreviation such as "Dr."


def tokenize(text: str) -> list[_Token]:
    tokens = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        start, end = match.span()
        if word[-1] != "." and "'" not in word and "’" not in word:
            # most words: nothing to cut; the tuple built without the named tuple's Python __new__
            tokens.append(_new_tuple(_Token, (start, end, word)))
            continue
        if word[-1] == "." and not names.is_title(word) and not _is_initial(word):
            word, end = word[:-1], end - 1
        # The apostrophe test first: most words have none, and the pattern needs one.
        possessive = _POSSESSIVE.search(word) if "'" in word or "’" in word else None
        if (
            possessive
            and len(word) > 3
            and word[0].isupper()
            and "'" not in word[1:-2]
            and "’" not in word[1:-2]
        ):
            # "Hartwell's" -> "Hartwell"; "O'Brien" stays whole (its apostrophe is not at the end)
            word, end = word[: possessive.start()], end - (len(word) - possessive.start())
        tokens.append(_Token(start, end, word))
    return tokens


_new_tuple = tuple.__new__


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


@lru_cache(maxsize=65_536)  # its word lists are fixed; bounded: an open-ended vocabulary
def is_surname_shape(word: str) -> bool:
    """Capitalised, with lower-case letters, not a function word, company form or calendar word."""
    if len(word) < 2 or not word[0].isupper() or word.isupper() or word.endswith("."):
        return False
    if not any(ch.islower() for ch in word):
        return False
    lower = word.lower()
    if lower in names.stop_words() or lower in names.CALENDAR_WORDS or lower in names.TITLES:
        return False
    return (
        lower not in names.COMPANY_DESIGNATORS
        and lower not in names.NON_SURNAMES
        and lower not in names.PLACE_NOUNS
    )


class PersonRecognizer(LocalRecognizer):
    """Given-name lists + surname shape + context; works for German and English alike."""

    def __init__(self, supported_language: str = "de") -> None:
        self.language = supported_language
        super().__init__(
            supported_entities=[ENTITY],
            supported_language=supported_language,
            name=f"ReviewerPersonRecognizer_{supported_language}",
        )

    def load(self) -> None:
        names.first_names()  # build the list once, at engine start

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        from reviewer.checks.pii.combine import find_persons

        if ENTITY not in entities:
            return []
        return [
            RecognizerResult(
                ENTITY,
                start,
                end,
                score,
                analysis_explanation=AnalysisExplanation(self.name, score, textual_explanation=why),
            )
            for start, end, score, why in find_persons(text, self.language)
        ]


def find_names(text: str, language: str = "de") -> list[tuple[int, int, float, str]]:
    """``(start, end, score, reason)`` for every name-like sequence, titles left out."""
    tokens = tokenize(text)
    results: list[tuple[int, int, float, str]] = []
    free = 0  # the first token not yet part of a name found
    for i in [i for i, token in enumerate(tokens) if _may_start(token.text)]:
        if i < free:
            continue
        found = _match_at(text, tokens, i, language)
        if found is None:
            continue
        first, last, score, reason = found
        results.append((tokens[first].start, tokens[last].end, min(score, 1.0), reason))
        free = last + 1
    return results


@lru_cache(maxsize=65_536)  # bounded: a server sees an open-ended vocabulary
def _may_start(word: str) -> bool:
    """Whether a name can start at this word: ``_match_at`` returns None at once for a word that
    is neither a title, a given name nor surname-shaped, and most words of a text are none of
    these. Cached per word: the same words recur in every draft."""
    return names.is_title(word) or names.is_first_name(word) or is_surname_shape(word)


def _match_at(
    text: str, tokens: list[_Token], i: int, language: str
) -> tuple[int, int, float, str] | None:
    """The name starting at token ``i`` (after any titles), as token indices, score and reason."""
    j = i
    while (
        j < len(tokens)
        and names.is_title(tokens[j].text)
        and (j == i or _adjacent(text, tokens[j - 1], tokens[j]))
    ):
        j += 1
    titled = j > i
    if j >= len(tokens) or (titled and not _adjacent(text, tokens[j - 1], tokens[j])):
        return None
    name_start = j
    given = 0
    while j < len(tokens) and (
        names.is_first_name(tokens[j].text) or (given and _is_initial(tokens[j].text))
    ):
        if j > name_start and not _adjacent(text, tokens[j - 1], tokens[j]):
            break
        given += 1
        j += 1
    # surname: optional particles, then a surname-shaped word
    k = j
    while (
        k < len(tokens)
        and tokens[k].text in names.PARTICLES
        and k > name_start
        and _adjacent(text, tokens[k - 1], tokens[k])
    ):
        k += 1
    surname = None
    if (
        k < len(tokens)
        and k > name_start
        and _adjacent(text, tokens[k - 1], tokens[k])
        and is_surname_shape(tokens[k].text)
    ):
        surname = k
    elif given >= 2 and k == j:
        # the surname is also a given name ("Claire Dubois", "Thomas Werner")
        j -= 1
        given -= 1
        surname = j
    if titled:
        if surname is not None:
            last = surname
        elif given and k == j and k > name_start:
            last = j - 1  # "Frau Sabine" / "Herr Jörg": title + given name only
        elif name_start < len(tokens) and is_surname_shape(tokens[name_start].text):
            last = name_start  # "Herr Reimer", "Dr. Weber", or an unlisted given name: "Dr. Xaver Quast"
            nxt = name_start + 1
            if (
                nxt < len(tokens)
                and _adjacent(text, tokens[name_start], tokens[nxt])
                and is_surname_shape(tokens[nxt].text)
            ):
                last = nxt
        else:
            return None
        return (
            name_start,
            last,
            SCORE_TITLE + _context_boost(text, tokens, name_start, last),
            "title",
        )
    if given and surname is not None:
        last = surname
        score = (
            SCORE_NAME
            + _context_boost(text, tokens, name_start, last)
            - _doubt(text, tokens, name_start, last, language)
        )
        if _company_follows(text, tokens, last):
            return None
        return name_start, last, score, "given name + surname"
    # unknown given name: two capitalised words confirmed by attribution or a job title
    if (
        name_start + 1 < len(tokens)
        and is_surname_shape(tokens[name_start].text)
        and is_surname_shape(tokens[name_start + 1].text)
        and _adjacent(text, tokens[name_start], tokens[name_start + 1])
        and _context_boost(text, tokens, name_start, name_start + 1) > 0
        and not _company_follows(text, tokens, name_start + 1)
    ):
        last = name_start + 1
        return (
            name_start,
            last,
            SCORE_CONTEXT_ONLY - _doubt(text, tokens, name_start, last, language),
            "attribution or job title",
        )
    return None


def _adjacent(text: str, left: _Token, right: _Token) -> bool:
    """Two words separated by exactly one space (or a no-break space) on the same line."""
    return text[left.end : right.start] in (" ", "\u00a0")


def _context_boost(text: str, tokens: list[_Token], first: int, last: int) -> float:
    before = tokens[first - 1].text.lower() if first > 0 else ""
    if before in names.ATTRIBUTION_WORDS or (
        first > 1
        and before in names.TITLES
        and tokens[first - 2].text.lower() in names.ATTRIBUTION_WORDS
    ):
        return CONTEXT_BOOST
    after_text = text[tokens[last].end : tokens[last].end + 3]
    if after_text.startswith(",") and last + 1 < len(tokens):
        following = [t.text.lower() for t in tokens[last + 1 : last + 4]]
        if any(word in names.JOB_WORDS for word in following) or (
            following and following[0] in names.ATTRIBUTION_WORDS
        ):
            return CONTEXT_BOOST
    return 0.0


def _doubt(text: str, tokens: list[_Token], first: int, last: int, language: str) -> float:
    """Penalty for an article before the name ("die Frank Meyer") or a heading.

    English headings are often in title case ("Grant Writing Made Simple"), so a title-case line
    counts as a heading there; in German every noun is capitalised, so only Markdown '#' does."""
    penalty = 0.0
    if (
        first > 0
        and tokens[first - 1].text.lower() in _ARTICLES
        and _adjacent(text, tokens[first - 1], tokens[first])
    ):
        penalty += DOUBT_PENALTY
    line_start = text.rfind("\n", 0, tokens[first].start) + 1
    line_end = text.find("\n", tokens[last].end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    name = text[tokens[first].start : tokens[last].end]
    if line.lstrip().startswith("#") or (language == "en" and _title_case(line.replace(name, " "))):
        penalty += DOUBT_PENALTY
    if language == "de" and inflected_common_word(tokens[last].text):
        penalty += DOUBT_PENALTY
    return penalty


def inflected_common_word(word: str) -> bool:
    """German capitalises every noun, so "Mark Zahlen" or "Hans Kunden" look like given name +
    surname. Surnames are not inflected forms: none of 114 frequent German surnames lemmatises
    to something else, while plurals and case forms of nouns do ("Zahlen" -> "Zahl", "Daten" ->
    "Datum"). The lemma table is simplemma's dictionary as reviewer.language ships it: memory-mapped
    in a millisecond, where simplemma itself takes seconds to load it on first use."""
    from reviewer.language import lemmas

    return lemmas.lemma(word, "de") != word.casefold()


def _title_case(line: str) -> bool:
    """A heading-like line: no closing punctuation, and (the name aside) nearly every word capitalised."""
    if line.rstrip().endswith((".", "!", "?", ",", ";", ":", '"', "“", "”")):
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.8


def _company_follows(text: str, tokens: list[_Token], last: int) -> bool:
    """A legal form or '&' right after the name: a company named after a person; a version or model
    number: a product ("Aurora Insights 7.2")."""
    rest = text[tokens[last].end : tokens[last].end + 8].lstrip(" ")
    if rest.startswith(("&", "+ ")) or re.match(r"(?:[vV]\d+|\d+\.\d+(?:\.\d+)*)\b", rest):
        return True
    for token in tokens[last + 1 : last + 3]:
        if token.text.lower().rstrip(".") in {d.rstrip(".") for d in names.COMPANY_DESIGNATORS}:
            return True
        if not token.text[:1].isupper():
            break
    return False
