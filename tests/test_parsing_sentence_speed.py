"""pySBD made faster (regex prefilter, abbreviation skip): sound shortcuts, the same sentences."""

from __future__ import annotations

import random
import re
import sys

import pysbd
import pytest

from reviewer.parsing import sentence_regex
from reviewer.parsing.sentence_abbreviations import CASE_TWINS, faster_language
from reviewer.parsing.sentence_regex import PREFILTERED_RE, required_chars
from reviewer.parsing.sentences import _segmenter

PYSBD_APPLY = sentence_regex.PYSBD_APPLY or pysbd.utils.Text.apply  # pySBD's own


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        ("abc", 0, [{"a"}, {"b"}, {"c"}]),
        (r"(?<=\sZ)\.(?=\s)", 0, [{"Z"}, {"."}]),  # a lookbehind's literals lie inside the text
        (r"x?y*z+", 0, [{"z"}]),  # optional parts need nothing
        (r"(?!q)r", 0, [{"r"}]),  # a negative lookahead needs nothing
        (r"[ab]|d", 0, [{"a", "b", "d"}]),  # one of the branch's choices
        (r"[ab]c|d", 0, [{"c", "d"}]),  # the choice's smallest set stands for it
        (r"\dx", 0, [{"x"}]),  # \d is a category: no requirement
        ("abc", re.IGNORECASE, []),  # another case could match
        ("(?i)abc", 0, []),
        (r"a(?i:b)", 0, [{"a"}]),
        (r"a|\s", 0, []),  # one choice needs nothing certain
        ("(", 0, []),  # not a pattern: runs (and raises) as before
    ],
)
def test_required_chars(pattern: str, flags: int, expected: list[set[str]]) -> None:
    assert [set(chars) for chars in required_chars(pattern, flags)] == expected


def test_requirements_are_necessary() -> None:
    """Whenever a pattern matches, the text holds a character of each required set."""
    patterns = [
        r"(?<=\s[A-Z])\.(?=,?\s)",
        r"[!?\.-][\"'“”]\s{1}[A-Z]",
        r"(?<=\d)\.(?=\S)",
        "a+b|cd?",
    ]
    rng = random.Random(3)
    alphabet = "aAbcdZ.,!?-'\"“” 12\n"
    for pattern in patterns:
        needs = required_chars(pattern)
        assert needs, pattern
        for _ in range(2000):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
            if re.search(pattern, text):
                assert all(any(c in text for c in chars) for chars in needs), (pattern, text)


def _segments(texts: list[str], language: str) -> list[list[tuple[str, int, int]]]:
    segmenter = pysbd.Segmenter(language=language, clean=False, char_span=True)
    return [[(s.sent, s.start, s.end) for s in segmenter.segment(text)] for text in texts]


@pytest.fixture
def plain_re_then_prefiltered(monkeypatch: pytest.MonkeyPatch):
    """pySBD's modules with the plain ``re`` first; the fixture's function installs the filter."""
    for name, module in list(sys.modules.items()):
        if name.startswith("pysbd") and getattr(module, "re", None) is PREFILTERED_RE:
            monkeypatch.setattr(module, "re", re)
    monkeypatch.setattr(pysbd.utils.Text, "apply", PYSBD_APPLY)
    return lambda: sentence_regex.install("pysbd")


OWN_TEXTS = [
    "Wir liefern z. B. Ersatzteile an Dr. Meier & Co. KG. Die Lieferung kostet ca. 3.5 Mio. Euro!",
    "Was kostet das? Nichts... Oder doch? Siehe S. 12 bzw. Abb. 3.",
    "1. Planen 2. Bauen 3. Prüfen",
    'Er sagte: "Das geht nicht." Dann ging er. (Siehe a) und b).) Fertig',
    "We met Mr. Smith at 5 p.m. on Jan. 3. He works for Acme Inc. in the U.S. Really?!",
    "Our plan (i) cuts costs (ii) saves time. See www.example.com or mail info@example.com.",
    "Read the .pdf file.\nThen the next line\r\nand a third one",
    "Yahoo! It works — 10:30 Uhr am 1. Januar.",
    "Kein Satzende hier",
    "",
]


def test_pysbd_sentences_unchanged(plain_re_then_prefiltered) -> None:
    rng = random.Random(11)
    atoms = [*" ".join(OWN_TEXTS).split(), "\n", "...", "?!", "a)", "(ii)", "„", "“", "'", "∯"]
    texts = OWN_TEXTS + [
        " ".join(rng.choice(atoms) for _ in range(rng.randint(1, 30))) for _ in range(300)
    ]
    before = {lang: _segments(texts, lang) for lang in ("de", "en")}
    plain_re_then_prefiltered()
    assert all(
        getattr(m, "re", None) is not re for n, m in sys.modules.items() if n.startswith("pysbd.")
    )
    assert pysbd.utils.Text.apply is sentence_regex._apply
    for lang in ("de", "en"):
        assert _segments(texts, lang) == before[lang]


def test_rules_built_per_call_are_looked_up_not_kept() -> None:
    """pySBD builds a few rules anew on every call: their patterns are found again in the table
    (not parsed again) and the table does not grow with the texts segmented."""
    segmenter = _segmenter("de")  # the German module builds its single-letter rules per call
    text = "Der Plan senkt z. B. die Kosten. Er spart Zeit auf S. 4 und in Abschnitt b. Fertig."
    segmenter.segment(text)
    size = len(sentence_regex._cache)
    parsed = []
    original = sentence_regex._entry

    def counting_entry(pattern, flags):
        parsed.append(pattern)
        return original(pattern, flags)

    sentence_regex._entry = counting_entry
    try:
        for _ in range(5):
            segmenter.segment(text)
    finally:
        sentence_regex._entry = original
    assert parsed == []
    assert len(sentence_regex._cache) == size


def test_prefiltered_sub_returns_plain_str() -> None:
    class Sub(str):
        pass

    result = PREFILTERED_RE.sub("∯", ".", Sub("no placeholder"))
    assert type(result) is str and result == "no placeholder"
    assert PREFILTERED_RE.sub("a", "b", "cat") == "cbt"
    assert PREFILTERED_RE.findall("x", "abc") == [] and PREFILTERED_RE.search("x", "abc") is None
    assert PREFILTERED_RE.escape("a.b") == re.escape("a.b")


def test_case_twins_are_all_non_ascii_letters_matching_ascii_ones() -> None:
    """The abbreviation skip is exact only if no other character matches [a-z] ignoring case."""
    others = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    assert set(re.findall("[a-z]", others, re.IGNORECASE)) == CASE_TWINS


ABBREVIATION_TEXTS = [
    "Vgl. Abschnitt 3. Er kam v. a. wegen der Kosten, ca. 5 Mio. Euro, usw. Dann ging er.",
    "Die Firma Muster Co. KG liefert Nr. 7 und Art. 12 bzw. Abs. 2 an St. Gallen. Das ist gut.",
    "Prof. Dr. Weber und Dipl.-Ing. Kurz sprachen mit der sog. Taskforce. Sie blieb.",
    "We met Gen. Smith and Capt. Jones, no. 4 on the list, vs. the rest. They left at noon.",
    "It costs approx. 5 dollars, i.e. less than Corp. rivals. ſt. Anna \u212ao. co. ıv. İv. Done.",
    "Über 12 St. wurden verkauft. ä. Ä. o.ä. u.ä. z.B. sind Abkürzungen. Fertig!",
    "v. Chr. bzw.Nr.7 ca.5 Mio.Euro usw.Ende. Gen.Capt.approx.etc. a.D. jr.Sr. st.",
]


@pytest.mark.parametrize("language", ["de", "en"])
def test_faster_language_gives_pysbd_sentences(language: str) -> None:
    rng = random.Random(5)
    words = " ".join(ABBREVIATION_TEXTS).split()
    texts = ABBREVIATION_TEXTS + [
        " ".join(rng.choice(words) for _ in range(rng.randint(1, 25))) for _ in range(300)
    ]
    plain = pysbd.Segmenter(language=language, clean=False, char_span=True)
    fast = pysbd.Segmenter(language=language, clean=False, char_span=True)
    fast.language_module = faster_language(fast.language_module)
    assert fast.language_module is not plain.language_module
    for text in texts:
        expected = [(s.sent, s.start, s.end) for s in plain.segment(text)]
        assert [(s.sent, s.start, s.end) for s in fast.segment(text)] == expected, text


def test_reviewer_segmenter_uses_both_shortcuts() -> None:
    segmenter = _segmenter("de")
    assert segmenter.language_module.__mro__[1].__name__ == "Deutsch"
    assert sys.modules["pysbd.utils"].re is PREFILTERED_RE


@pytest.mark.parametrize(
    "text",
    ["Ein Satz.", "a.b  ", "Ä? (x) [y] {z} $1 *2 +3 |4 ^5 \\6", "  lead", "Zwei  Sätze.  Ende."],
)
def test_finditer_of_an_escaped_sentence_as_re_does_it(text: str) -> None:
    pattern = re.escape(text.strip()) + r"\s*"
    original = f"{text} und {text}\n{text}\u00a0\u2003x {text}"
    expected = [(m.group(), m.span()) for m in re.finditer(pattern, original)]
    found = [(m.group(), m.span()) for m in PREFILTERED_RE.finditer(pattern, original)]
    assert found == expected and found


@pytest.mark.parametrize("pattern", [r"a\\s*", r"\s*", r"(?:a)\s*", r"a|b\s*", r"a.\s*"])
def test_finditer_of_other_patterns_is_re_s(pattern: str) -> None:
    text = "a\\ssss a ab a.b \\"
    expected = [m.span() for m in re.finditer(pattern, text)]
    assert [m.span() for m in PREFILTERED_RE.finditer(pattern, text)] == expected
