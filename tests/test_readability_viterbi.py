"""``readability.viterbi.tags`` must give HanTa's tags exactly (``tag_sent(words, taglevel=0)``),
ties included: on every sentence of the dev and test drafts in both languages, and on shuffled
and cut word lists of them (odd contexts, unknown words, one-word sentences)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from reviewer.checks.readability.passive import _DE_TOKEN, _EN_TOKEN, _tagger
from reviewer.checks.readability.viterbi import tags
from reviewer.parsing.sentences import split_sentences

DATA = Path(__file__).parent / "data"
OWN = {
    "de": [
        "Die Rechnung wird jeden Monat von unserem Team geprüft.",
        "Xqzt brummelt flink über die Wolkenkratzerfensterputzkolonne.",
        "Wurde?",
        "Gestern wurden die neuen Sensoren montiert, getestet und abgenommen.",
    ],
    "en": [
        "The invoice is checked every month by our team.",
        "Zorbly glimfs were quandled by the snerk.",
        "Was it?",
        "We're thrilled to announce the onboarding dashboard, which was built in March.",
    ],
}


def _sentences(language: str) -> list[list[str]]:
    token = _DE_TOKEN if language == "de" else _EN_TOKEN
    texts = list(OWN[language])
    for path in sorted(DATA.rglob(f"{language}_*.md")):
        text = path.read_text(encoding="utf-8")
        texts += [text[s.start : s.end] for s in split_sentences(text, 0, len(text), language)]
    return [words for t in texts if (words := token.findall(t.replace("’", "'")))]


@pytest.mark.parametrize("language", ["de", "en"])
def test_tags_equal_hantas(language: str) -> None:
    tagger = _tagger(language)
    sentences = _sentences(language)
    rng = random.Random(18)
    variants = []
    for words in sentences[:300]:
        shuffled = words[:]
        rng.shuffle(shuffled)
        variants += [shuffled, words[rng.randrange(len(words)) :], [rng.choice(words)]]
    checked = sentences + variants
    assert len(sentences) > 200
    for words in checked:
        assert tags(tagger, words) == tagger.tag_sent(words, taglevel=0), words
    assert tags(tagger, []) == []


def test_unknown_words_defer_to_hanta() -> None:
    tagger = _tagger("de")
    words = re.findall(r"\S+", "§§§ ### Die Rechnung wird geprüft .")
    assert tags(tagger, words) == tagger.tag_sent(words, taglevel=0)
