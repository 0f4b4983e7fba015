"""The name path's shortcuts give what the plain code gave: the model's one-pass sentences and
words (``model.tagging_units``), the rules' tokens (``person.tokenize``) and the cached cue test
of ``combine._cued_names``, on texts of our own and random cuts of them."""

from __future__ import annotations

import random
import re

import pytest

from reviewer.checks.pii import combine, names, person, precision
from reviewer.checks.pii import model as name_model

TEXTS = [
    "",
    "\n",
    "Ende.",
    "Ende.\n",
    "\n\nDr. Lena Marquardt kommt.\n",
    "Hr.\nBauer",
    "z.B. u.a. Dr. med. Meier!Ja? nein.x Prof. Dr. Weber sagt: „Wir wachsen.“",
    "Zeile eins.\r\nZeile zwei\u2028drei. Ende",
    "Hartwell's team and O'Brien’s notes; Anna-Lena Wülfing-Hölscher, CTO, says: fine.",
    "Laut Vertriebsleiterin Jolanta Wierzbicka stieg der Umsatz um 12,5 % auf 3.4 Mio. Euro.",
    "Our CFO, Tobiah Okonkwo-Hart of Quillfeather Ltd., said the Zorbix rollout cut costs!",
    "wort " * 200 + "Ende. " + "Wort " * 90 + "\n" + "x." * 100,
    "Bundeskanzlerin Wrzosek, betont Motorenchef Mikulic; sagt Kunde Brandt, says Okafor.",
    "- Punkt eins\n- Punkt zwei: Frau Sabine Kraus\n\n## Über uns\nBei Nordlicht GmbH arbeiten wir.",
]


def _cuts(count: int = 200) -> list[str]:
    rng = random.Random(18)
    whole = "\n".join(TEXTS)
    cuts = []
    for _ in range(count):
        start = rng.randrange(len(whole))
        cuts.append(whole[start : start + rng.randrange(1, 400)])
    return TEXTS + cuts


@pytest.mark.parametrize("text", _cuts())
def test_tagging_units_are_sentences_of_tokens(text: str) -> None:
    sentences = name_model.sentences(name_model.tokenize(text), text)
    expected = [(spans, [text[s:e] for s, e in spans]) for spans in sentences]
    units = name_model.tagging_units(text)
    assert [(name_model.unit_spans(text, unit), unit.words) for unit in units] == expected


_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?")
_POSSESSIVE = re.compile(r"['’]s?$")


def _plain_tokens(text: str) -> list[tuple[int, int, str]]:
    """``person.tokenize`` as it was written before its fast path for plain words."""
    tokens = []
    for match in _WORD.finditer(text):
        word, (start, end) = match.group(0), match.span()
        if word[-1] == "." and not names.is_title(word) and not person._is_initial(word):
            word, end = word[:-1], end - 1
        possessive, inner = _POSSESSIVE.search(word), word[1:-2]
        if possessive and len(word) > 3 and word[0].isupper() and not {"'", "’"} & set(inner):
            word, end = word[: possessive.start()], end - (len(word) - possessive.start())
        tokens.append((start, end, word))
    return tokens


@pytest.mark.parametrize("text", _cuts())
def test_rule_tokens_unchanged(text: str) -> None:
    tokens = person.tokenize(text)
    assert tokens == _plain_tokens(text)
    assert all(type(token) is person._Token for token in tokens)


@pytest.mark.parametrize("language", ["de", "en"])
def test_cue_role(language: str) -> None:
    assert combine._cue_role("Autor", language) is True
    assert combine._cue_role("says", language) is False
    assert combine._cue_role("Umsatz", language) is None
    assert combine._cue_role("Motorenchef", language) is (True if language == "de" else None)


_OLD_REGNAL = re.compile(r"(?<=[^\W\d_])\s(X{0,3}(?:IX|IV|V?I{1,3}|V|X))(\.?)(?![\w-])")
REGNAL_TEXTS = [
    "Heinrich II. und Ludwig XIV trafen Bogislaw IV. 2 II, x\tIII; I think I can. 9 V. _ X",
    "Phase III, Teil II-b, Welfs IV.\nEdward III\u00a0VI  XX ÄI IV",
]


@pytest.mark.parametrize("text", REGNAL_TEXTS + _cuts(50))
def test_regnal_pattern_finds_what_the_old_one_found(text: str) -> None:
    def spans(pattern: re.Pattern) -> list[tuple]:
        return [(m.span(), m.span(1), m.groups()) for m in pattern.finditer(text)]

    assert spans(combine._REGNAL) == spans(_OLD_REGNAL)
    if text in REGNAL_TEXTS:
        assert spans(_OLD_REGNAL)  # the texts hold numbers to find


ORGANISATION_TEXTS = [
    "At Rosa Meadow, we build. with Rosa Meadow our team; bei Rosa Meadow arbeiten wir gern. "
    "AT Rosa Meadow WE. that Rosa Meadow, our. xAt Rosa Meadow, we. -Rosa Meadow GmbH; "
    "Rosa Meadow Kunststoff GmbH, Rosa-Meadow AG, rosameadow.com, x-rosameadow.de, Rosa Meadow "
    "Holding. Bei Rosa Meadow, unsere drei Leute wir. ARosa Meadow Ltd. Meadow Ltd",
    "Kessler Kunststofftechnik GmbH und Herr Kessler; Kessler. Dr. Kessler-Neu, Kessler AG",
    "Nothing here at all, with no names at Rosa.",
]


def _old_organisation_patterns(text: str, name: str) -> list[bool]:
    quoted = re.escape(name)
    return [
        re.search(rf"(?i:\b(?:at|with) ){quoted},? (?i:we|our)\b", text) is not None,
        re.search(rf"(?i:\bbei ){quoted},? (?:(?:\w+ ){{0,3}})(?:wir|unser\w*)\b", text)
        is not None,
        re.search(
            rf"(?<![\w-]){quoted}(?:\s[A-ZÄÖÜ][\w-]+){{0,3}}\s(?i:{precision._designators()})\b",
            text,
        )
        is not None,
    ]


@pytest.mark.parametrize("text", ORGANISATION_TEXTS + _cuts(30))
@pytest.mark.parametrize("name", ["Rosa Meadow", "Meadow", "Kessler", "rosameadow", "R.M"])
def test_standalone_patterns_match_the_old_ones(text: str, name: str) -> None:
    at_or_with = any(
        re.search(rf"{precision.standalone(name, cue)},? (?i:we|our)\b", text)
        for cue in (combine._AT, combine._WITH)
    )
    bei = re.search(
        rf"{precision.standalone(name, combine._BEI)},? (?:(?:\w+ ){{0,3}})(?:wir|unser\w*)\b",
        text,
    )
    new = [at_or_with, bei is not None, precision.names_company(text, name)]
    assert new == _old_organisation_patterns(text, name)
    old_spans = [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]
    new_spans = [m.span() for m in re.finditer(rf"{precision.standalone(name)}(?![\w-])", text)]
    assert new_spans == old_spans


def test_organisation_texts_hold_what_is_compared() -> None:
    text = ORGANISATION_TEXTS[0]
    assert _old_organisation_patterns(text, "Rosa Meadow") == [True, True, True]
    assert combine._names_domain(text, "Rosa Meadow")
    assert not any(_old_organisation_patterns(ORGANISATION_TEXTS[2], "Rosa Meadow"))
