"""HanTa's Viterbi tagging, with the same tags in a fraction of the steps (issue 18).

``HanoverTagger.tag_sent_viterbi`` extends each of a row's best states by *every* tag that may
follow it in the model (56 on average for German) and then drops all but the few tags the word
can have (at most five: ``_tag_word(…, cutoff=5)``). Passive detection tags a dozen sentences
per draft, and this loop was most of the readability check's time.

``tags`` visits only the word's own tags, in the order HanTa's loop would reach them (their
position in the state's transition table), so every row is built by the same additions, in the
same order, as HanTa builds it — equal log-probabilities, equal insertion order of the row's
states (which decides ties in the next row), equal backpointers. For an unknown word (no tags)
and anything unusual (HanTa's debug output) it defers to HanTa. ``tests/test_readability_viterbi.py``
compares both on every sentence of the dev and test drafts and on shuffled word lists.
"""

from __future__ import annotations

import math
from typing import Any

_LOWERBOUND = -1e6


def tags(tagger: Any, words: list[str]) -> list[str]:
    """``tagger.tag_sent(words, taglevel=0)``: the tag of each word."""
    if not words or tagger._debug:
        return tagger.tag_sent(words, taglevel=0)
    from HanTa.HanoverTagger import EMPTY, END, START, UNKNOWN

    trans = tagger.LP_trans_word
    positions = _positions(tagger)
    table: list[dict] = []
    backpointer: list[dict] = []
    for i, word in enumerate(words):
        wprobs = dict(tagger._tag_word(word, cutoff=5, casesensitive=i > 0, conditional=True))
        if not wprobs or (len(wprobs) == 1 and UNKNOWN in wprobs):
            return tagger.tag_sent(words, taglevel=0)  # "anything goes": HanTa's own loop
        row: dict = {}
        back: dict = {}
        backpointer.append(back)
        prevrow = table[i - 1] if i else {(EMPTY, START): 0.0}
        rowbound = (
            sorted(prevrow.values(), reverse=True)[5] - 1 if len(prevrow) > 5 else _LOWERBOUND
        )
        for state, lp0 in prevrow.items():
            if lp0 < rowbound:
                continue
            lp_t = trans[state]
            order = positions.get(state)
            if order is None or len(order) != len(lp_t):
                order = positions[state] = {tag: n for n, tag in enumerate(lp_t)}
            wanted = sorted((c for c in wprobs if c in order and c != END), key=order.__getitem__)
            for c in wanted:
                lp = lp0 + lp_t[c] + wprobs[c]
                if lp > _LOWERBOUND:
                    newstate = (state[1], c)
                    if newstate not in row or lp > row[newstate]:
                        row[newstate] = lp
                        back[newstate] = state
        table.append(row)

    finalstate = (END, EMPTY)
    row = {}
    back = {}
    backpointer.append(back)
    for state, lp0 in table[-1].items():
        lp = lp0 + trans[state].get(END, -math.inf)
        if lp > row.get(finalstate, -math.inf):
            row[finalstate] = lp
            back[finalstate] = state
    found = []
    state = finalstate
    for i in range(len(backpointer) - 1, 0, -1):
        state = backpointer[i][state]
        found.append(state[1])
    int2tag = tagger.int2tag
    return [int2tag[t] for t in reversed(found)]


def _positions(tagger: Any) -> dict:
    """Per state, each following tag's position in the transition table (built on demand)."""
    positions = tagger.__dict__.get("_reviewer_positions")
    if positions is None:
        positions = tagger.__dict__["_reviewer_positions"] = {}
    return positions
