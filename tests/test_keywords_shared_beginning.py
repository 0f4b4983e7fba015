"""``relevance._shared_beginning`` decides most pairs by their first letters alone; the answer must
be the one of the plain rule (``commonprefix``), on word pairs of a small alphabet that share
beginnings of every length, empty and short words included."""

from __future__ import annotations

import random
from os.path import commonprefix

from reviewer.checks.keywords.relevance import _MIN_PREFIX, _PREFIX_SHARE, _shared_beginning


def _plain(a: str, b: str) -> bool:
    common = len(commonprefix((a, b)))
    return common >= _MIN_PREFIX and common >= _PREFIX_SHARE * min(len(a), len(b))


def test_shared_beginning_as_the_plain_rule() -> None:
    rng = random.Random(18)
    words = ["", "lead", "leads", "leadership", "marketing", "marketingautomation", "märkte"]
    words += ["".join(rng.choice("abä") for _ in range(rng.randint(0, 10))) for _ in range(500)]
    assert sum(_plain(a, b) for a in words for b in words) > 500  # related pairs exist
    for a in words:
        for b in words:
            assert _shared_beginning(a, b) == _plain(a, b), (a, b)
