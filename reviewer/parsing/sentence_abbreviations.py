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

    class AbbreviationReplacer(base):  # type: ignore[valid-type, misc]
        def search_for_abbreviations_in_string(self, text: str) -> str:
            # pySBD 0.3.4's loop (abbreviation_replacer.py) with the one skip described above.
            lowered = text.lower()
            plain = CASE_TWINS.isdisjoint(text)
            for stripped, with_stop in checks:
                if stripped not in lowered:
                    continue
                if plain and with_stop is not None and with_stop not in lowered:
                    continue
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
