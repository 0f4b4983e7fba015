"""The allow-list: ``[pii] allow = ["Nordwind Logistik", "/^Dr\\. Example/"]``.

A plain string allows every detection that overlaps one of its occurrences in the text (matched
case-insensitively on word boundaries), so allowing "Musterwerk Armaturen" also covers a detection of
"Musterwerk Armaturen GmbH" or of just "Armaturen". A ``/regex/`` is searched in the detected text and,
for names, in the detected text with the title in front of it ("Dr. Example Person").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.checks.pii.precision import Detection
from reviewer.errors import ConfigError

_TITLE_BEFORE = re.compile(r"((?:[^\W\d_]+(?:[.-][^\W\d_]+)*\.?\s+){1,3})$")


@dataclass(frozen=True)
class AllowList:
    strings: tuple[str, ...] = ()
    patterns: tuple[re.Pattern[str], ...] = ()

    @classmethod
    def parse(cls, entries: list[str]) -> AllowList:
        strings: list[str] = []
        patterns: list[re.Pattern[str]] = []
        for entry in entries:
            if len(entry) >= 2 and entry.startswith("/") and entry.endswith("/"):
                try:
                    patterns.append(re.compile(entry[1:-1]))
                except re.error as exc:
                    raise ConfigError(
                        f"pii.allow: {entry!r} is not a valid regular expression: {exc}"
                    ) from None
            elif entry.strip():
                strings.append(entry.strip())
        return cls(tuple(strings), tuple(patterns))

    def __bool__(self) -> bool:
        return bool(self.strings or self.patterns)

    def allows(self, text: str, det: Detection) -> bool:
        for string in self.strings:
            for match in re.finditer(rf"(?<!\w){re.escape(string)}(?!\w)", text, re.IGNORECASE):
                if match.start() < det.end and det.start < match.end():
                    return True
        if self.patterns:
            candidates = [det.text]
            if det.entity == "PERSON":
                from reviewer.checks.pii import names

                before = _TITLE_BEFORE.search(text[max(0, det.start - 40) : det.start])
                if before:
                    words = before.group(1).split()
                    titles = []
                    for word in reversed(words):
                        if not names.is_title(word):
                            break
                        titles.insert(0, word)
                    if titles:
                        candidates.append(" ".join(titles) + " " + det.text)
            return any(p.search(c) for p in self.patterns for c in candidates)
        return False
