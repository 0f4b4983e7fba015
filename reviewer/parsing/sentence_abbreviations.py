"""pySBD's abbreviation pass, without the work that cannot change the text.

For every abbreviation of its list that occurs anywhere in a paragraph as a substring ("v" in
"von", "st" in "ist", "co" in "Konzept"), pySBD finds each word starting with it and, per word,
runs a substitution over the whole paragraph that turns the full stop after the abbreviation
into a placeholder. Those substitutions need the abbreviation followed by a full stop; most
paragraphs hold only a few such places, yet the pass ran dozens of whole-paragraph
substitutions and was about 40 % of pySBD's time (issue 18).

``faster_language`` gives pySBD a subclass of its language whose abbreviation replacer skips an
abbreviation of plain letters when the lowered paragraph lacks it with a full stop after it: no
substitution of that abbreviation can fire then, so skipping it changes nothing. This holds only
because pySBD matches the abbreviation case-insensitively and every non-ASCII character that
``re`` lets match an ASCII letter that way is one of ``CASE_TWINS`` (tested); a paragraph with one
of them takes pySBD's own path. Everything else (the order of the list, the words found, the
substitutions) is pySBD's. Same sentences, byte for byte.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# The characters outside ASCII that ``re.IGNORECASE`` matches with an ASCII letter: dotted
# capital I, dotless i, long s, Kelvin sign (``tests/test_parsing_sentence_speed.py`` recomputes).
CASE_TWINS = frozenset("\u0130\u0131\u017f\u212a")
_PLAIN = re.compile(r"[a-z]+")


@lru_cache(maxsize=8)
def faster_language(language: type) -> type:
    """A subclass of pySBD's language class whose abbreviation replacer skips idle work."""
    base = language.AbbreviationReplacer
    checks = tuple(
        (abbr.strip(), abbr.strip() + "." if _PLAIN.fullmatch(abbr.strip()) else None)
        for abbr in language.Abbreviation.ABBREVIATIONS
    )
    # Where each plain abbreviation stands in the list, and the others (with dots, umlauts).
    plain_at: dict[str, list[int]] = {}
    others: list[tuple[int, str]] = []
    for index, (stripped, with_stop) in enumerate(checks):
        if with_stop is None:
            others.append((index, stripped))
        else:
            plain_at.setdefault(stripped, []).append(index)
    longest = max(map(len, plain_at), default=0)

    def candidates(lowered: str, plain: bool) -> list[int]:
        """The indices of ``checks`` the loop below does not skip, in list order. In a plain
        paragraph a plain abbreviation counts only if it stands right before a full stop: the
        letters before each full stop, up to the longest abbreviation, name all of those."""
        if not plain:
            return [i for i, (stripped, _) in enumerate(checks) if stripped in lowered]
        before_stops: set[str] = set()
        stop = lowered.find(".")
        while stop != -1:
            before_stops.update(lowered[stop - k : stop] for k in range(1, min(longest, stop) + 1))
            stop = lowered.find(".", stop + 1)
        found = [i for word in before_stops for i in plain_at.get(word, ())]
        found += [i for i, stripped in others if stripped in lowered]
        return sorted(found)

    class AbbreviationReplacer(base):  # type: ignore[valid-type, misc]
        def search_for_abbreviations_in_string(self, text: str) -> str:
            # pySBD 0.3.4's loop (abbreviation_replacer.py), over the abbreviations that can
            # change the text only (see ``candidates`` and the module docstring).
            lowered = text.lower()
            for index in candidates(lowered, CASE_TWINS.isdisjoint(text)):
                stripped = checks[index][0]
                abbrev_match = re.findall(rf"(?:^|\s|\r|\n){stripped}", text, flags=re.IGNORECASE)
                if not abbrev_match:
                    continue
                next_word_start = r"(?<={" + str(re.escape(stripped)) + "} ).{1}"
                char_array = re.findall(next_word_start, text)
                for ind, match in enumerate(abbrev_match):
                    text = self.scan_for_replacements(text, match, ind, char_array)
            return text

    attributes: dict[str, Any] = {"AbbreviationReplacer": AbbreviationReplacer}
    return type(language.__name__, (language,), attributes)
