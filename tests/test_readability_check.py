"""The readability check end to end: findings with exact spans, targets, configuration, report."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from reviewer.checks import run_check
from reviewer.checks.readability.targets import band_for_audience, choose_target
from reviewer.config import Config, config_from_dict
from reviewer.document import parse_document
from reviewer.errors import ConfigError

LONG_DE = (
    "Wer online verkauft, kennt das Problem: Kartons müssen schnell gepackt sein, sicher ankommen "
    "und sich bei einer Retoure ein zweites Mal verwenden lassen."
)  # 23 words
PASSIVE_DE = "Der Karton wird ohne Klebeband verschlossen."
SHORT_DE = "Der Karton ist stabil. Er passt in jeden Packtisch."


def run(doc, config):
    return run_check("readability", doc, config)


def _brief(language: str, audience: str | None = None) -> str:
    lines = ["---", f"language: {language}"]
    if audience:
        lines.append(f'audience: "{audience}"')
    return "\n".join([*lines, "---", ""])


def _doc(body: str, language: str = "de", audience: str | None = None):
    return parse_document(_brief(language, audience) + body, "draft.md")


def _config(**readability) -> Config:
    return config_from_dict({"readability": readability}) if readability else Config()


def _by_rule(output, rule: str):
    return [f for f in output.findings if f.rule == rule]


def _assert_spans_exact(doc, output):
    for finding in output.findings:
        if finding.start is None:
            assert finding.end is None and finding.text == "" and finding.line is None
        else:
            assert doc.content[finding.start : finding.end] == finding.text
            line, column = doc.line_col(finding.start)
            assert (finding.line, finding.column) == (line, column)


# --- span findings ----------------------------------------------------------------------------
def test_long_sentence_span_and_suggestion():
    doc = _doc(f"# Titel\n\nDer Karton ist stabil. {LONG_DE} Er passt in jeden Packtisch.\n")
    output = run(doc, _config())
    [finding] = _by_rule(output, "readability.long_sentence")
    assert finding.text == LONG_DE
    assert finding.severity == "info" and finding.check == "readability"
    assert finding.category == "sentence_length"
    assert finding.word_count == 23 and finding.limit == 20
    assert "23 words (limit 20)" in finding.message
    assert (
        'after "…kennt das Problem" (word 6 of 23)' in finding.suggestion
    )  # the colon beats commas
    _assert_spans_exact(doc, output)


def test_long_sentence_limit_per_language():
    doc = _doc(f"{LONG_DE}\n")
    assert (
        _by_rule(
            run(doc, _config(long_sentence_words={"de": 25, "en": 20})), "readability.long_sentence"
        )
        == []
    )
    assert (
        len(
            _by_rule(
                run(doc, _config(long_sentence_words={"de": 22, "en": 30})),
                "readability.long_sentence",
            )
        )
        == 1
    )


def test_markup_does_not_make_a_sentence_long():
    # 18 visible words; the link target and the code span would push a naive count over 20
    body = (
        "Lesen Sie den [Leitfaden](https://example.com/ein/sehr/langer/pfad/zum/leitfaden/fuer/kunden) "
        "und installieren Sie das Paket mit `pip install reviewer --upgrade --user now` noch heute "
        "in Ihrer Umgebung auf dem Server.\n"
    )
    output = run(_doc(body), _config())
    assert _by_rule(output, "readability.long_sentence") == []
    assert output.details["words"] == 18


def test_passive_sentence_finding():
    doc = _doc(f"{SHORT_DE} {PASSIVE_DE}\n")
    output = run(doc, _config())
    [finding] = _by_rule(output, "readability.passive_voice")
    assert finding.text == PASSIVE_DE
    assert finding.category == "passive_voice" and finding.severity == "info"
    assert "wird … verschlossen" in finding.message
    assert "Wir verschließen" in finding.suggestion
    assert output.metrics["passive_share"] == round(1 / 3, 3)
    _assert_spans_exact(doc, output)


def test_passive_findings_can_be_switched_off_but_are_measured():
    output = run(_doc(f"{SHORT_DE} {PASSIVE_DE}\n"), _config(passive_sentences=False))
    assert _by_rule(output, "readability.passive_voice") == []
    assert output.metrics["passive_share"] > 0


def _words(n: int, word: str = "Wort") -> str:
    """n words in sentences of five (short sentences, so only the paragraph is long)."""
    sentences = [" ".join([word.capitalize()] + [word] * 4) + "." for _ in range(n // 5)]
    return " ".join(sentences)


def test_long_paragraph():
    paragraph = _words(160, "text")
    doc = _doc(f"# Titel\n\n{SHORT_DE}\n\n{paragraph}\n")
    output = run(doc, _config())
    [finding] = _by_rule(output, "readability.long_paragraph")
    assert finding.text == paragraph
    assert finding.word_count == 160 and finding.category == "paragraph_length"
    assert "before the sentence that begins" in finding.suggestion
    assert _by_rule(output, "readability.long_sentence") == []
    _assert_spans_exact(doc, output)
    assert _by_rule(run(doc, _config(paragraph_words=200)), "readability.long_paragraph") == []


def test_long_section_without_subheading():
    paragraphs = "\n\n".join(_words(100, "satz") for _ in range(4))
    doc = _doc(
        f"# Titel\n\nKurz.\n\n## Ein langer Abschnitt\n\n{paragraphs}\n\n## Kurz\n\n{SHORT_DE}\n"
    )
    output = run(doc, _config())
    [finding] = _by_rule(output, "readability.long_section")
    assert finding.text == "Ein langer Abschnitt"  # the heading of the section
    assert finding.word_count == 400 and finding.category == "section_length"
    assert "after 200 of 400 words" in finding.suggestion
    _assert_spans_exact(doc, output)


def test_long_text_before_the_first_heading():
    paragraphs = "\n\n".join(_words(110, "wort") for _ in range(3))
    doc = _doc(f"{paragraphs}\n\n## Später\n\n{SHORT_DE}\n")
    [finding] = _by_rule(run(doc, _config()), "readability.long_section")
    assert finding.message.startswith("The text before the first heading has 330 words")
    assert finding.start == doc.prose_blocks[0].start


# --- document targets -------------------------------------------------------------------------
HARD_DE = (
    "Die Implementierung datenschutzkonformer Automatisierungsprozesse erfordert umfangreiche "
    "organisatorische Vorbereitungsmaßnahmen. Verantwortliche Marketingabteilungen dokumentieren "
    "Verarbeitungstätigkeiten kontinuierlich.\n"
)


def test_flesch_below_band_is_a_document_warning():
    doc = _doc(HARD_DE, audience="Marketing-Leiter im Mittelstand")
    output = run(doc, _config())
    [finding] = [f for f in output.findings if f.category == "flesch_reading_ease"]
    assert finding.rule == "readability.target" and finding.severity == "warning"
    assert finding.start is None and finding.end is None and finding.text == ""
    assert finding.value == output.metrics["flesch_reading_ease"] < 18
    assert finding.target_min == 18 and finding.band == "business"
    assert f"{finding.value:.1f}" in finding.message and "at least 18" in finding.message
    assert output.status is None  # the pipeline derives "warn" from the warning
    assert output.details["band"] == "business"


def test_specialist_band_accepts_harder_text_and_min_flesch_overrides():
    doc = _doc(SHORT_DE, audience="Instandhaltungsingenieure")
    assert run(doc, _config()).details["target"]["flesch_reading_ease_min"] == 8
    strict = run(doc, _config(min_flesch=150))
    [finding] = [f for f in strict.findings if f.category == "flesch_reading_ease"]
    assert finding.band is None and "min_flesch" in finding.message


def test_band_from_config_and_per_language_numbers():
    settings = _config(
        band="general",
        bands={"general": {"flesch_min": {"de": 45, "en": 65}}, "business": {"flesch_min": 50}},
    ).readability
    assert choose_target(settings, "Ingenieure", "de").flesch_min == 45
    assert choose_target(settings, "Ingenieure", "en").flesch_min == 65


@pytest.mark.parametrize(
    ("audience", "band"),
    [
        ("Marketing-Verantwortliche in mittelständischen B2B-Unternehmen", "business"),
        ("Maintenance and reliability engineers in process plants", "specialist"),
        ("CTOs and heads of infrastructure", "specialist"),
        (
            "Sales operations managers and IT leads",
            "business",
        ),  # mixed: the least specialised reader
        ("Produktions- und Instandhaltungsleiter", "business"),
        ("Verbraucherinnen und Verbraucher", "general"),
        ("Entwickler und Endkunden", "general"),
        ("Leserinnen des Blogs", None),
    ],
)
def test_audience_to_band(audience, band):
    assert band_for_audience(audience, Config().readability.bands) == band


def test_default_band_without_audience():
    target = choose_target(Config().readability, None, "en")
    assert (target.band, target.flesch_min, target.flesch_goal) == ("business", 22, 42)
    assert "no audience" in target.reason


def test_shares_above_target_are_info_unless_the_rules_say_otherwise():
    from reviewer.pipeline import review

    body = " ".join([PASSIVE_DE, PASSIVE_DE.replace("Karton", "Deckel"), SHORT_DE]) + "\n"
    output = run(_doc(body), _config())
    [passive] = [f for f in output.findings if f.category == "passive_share"]
    assert passive.rule == "readability.passive_share"
    assert passive.severity == "info" and passive.value == 0.5 and passive.target_max == 0.10
    gated = config_from_dict(
        {"checks": {"critique": False}, "rules": {"readability.passive_share": "warning"}}
    )
    report = review(_doc(body), gated)
    assert [f.severity for f in report.findings if f.category == "passive_share"] == ["warning"]


def test_long_sentence_share():
    body = f"{LONG_DE} {SHORT_DE}\n"
    output = run(_doc(body), _config())
    assert output.metrics["long_sentence_share"] == round(1 / 3, 3)
    [share] = [f for f in output.findings if f.category == "long_sentence_share"]
    assert "33%" in share.message and "at most 25%" in share.message


# --- metrics and the report -------------------------------------------------------------------
def test_metric_keys_per_language():
    german = run(_doc(f"{SHORT_DE}\n"), _config()).metrics
    english = run(
        _doc("The box is strong. It fits every packing table.\n", "en"), _config()
    ).metrics
    common = {"flesch_reading_ease", "avg_sentence_length", "long_sentence_share", "passive_share"}
    assert common | {"wiener_sachtextformel"} <= german.keys()
    assert common | {"flesch_kincaid_grade"} <= english.keys()
    assert "wiener_sachtextformel" not in english and "flesch_kincaid_grade" not in german


def test_headings_and_code_are_not_running_text():
    doc = _doc(
        "# Eine sehr lange Überschrift mit vielen Wörtern\n\n```\nkein Text\n```\n\nKurz und gut.\n"
    )
    output = run(doc, _config())
    assert output.details["sentences"] == 1 and output.details["words"] == 3


def test_empty_body_passes_without_metrics():
    output = run(_doc("# Nur ein Titel\n"), _config())
    assert output.findings == [] and output.metrics == {} and output.status == "pass"


def test_unknown_band_is_a_config_error():
    with pytest.raises(ConfigError, match="band 'experts' is not one of the bands"):
        config_from_dict({"readability": {"band": "experts"}})
    with pytest.raises(ConfigError, match="unknown key 'readability.long_sentences'"):
        config_from_dict({"readability": {"long_sentences": 20}})


def test_json_report_through_the_cli(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(
        _brief("de", "Ingenieure") + f"# Titel\n\n{LONG_DE} {PASSIVE_DE}\n", encoding="utf-8"
    )
    config = tmp_path / "reviewer.toml"
    config.write_text(
        "[checks]\npii = false\nkeywords = false\nstructure = false\nguidelines = false\ncritique = false\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reviewer",
            "review",
            str(draft),
            "--format",
            "json",
            "--config",
            str(config),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["checks"]["readability"]["status"] == "pass"  # info findings only
    assert report["checks"]["readability"]["band"] == "specialist"
    assert {"flesch_reading_ease", "wiener_sachtextformel"} <= report["metrics"].keys()
    content = draft.read_text(encoding="utf-8")
    rules = set()
    for finding in report["findings"]:
        if finding["start"] is not None:
            assert content[finding["start"] : finding["end"]] == finding["text"]
        rules.add(finding["rule"])
    assert {"readability.long_sentence", "readability.passive_voice"} <= rules


def test_flesch_above_band_maximum():
    settings = {"bands": {"business": {"flesch_max": 60}}, "default_band": "business"}
    output = run(_doc(f"{SHORT_DE}\n"), _config(**settings))
    [finding] = [f for f in output.findings if f.category == "flesch_reading_ease"]
    assert finding.target_max == 60 and "at most 60" in finding.message
    assert finding.value > 60


def test_passive_hint_for_separable_verbs_names_the_verb():
    output = run(_doc("Die Papierlagen werden aus Recyclingpapier hergestellt.\n"), _config())
    [finding] = _by_rule(output, "readability.passive_voice")
    assert 'an active form of "herstellen"' in finding.suggestion


def test_english_passive_hint():
    output = run(_doc("The report was written by our team.\n", "en"), _config())
    [finding] = _by_rule(output, "readability.passive_voice")
    assert '"We write …"' in finding.suggestion and '"was … written"' in finding.suggestion


def test_configured_band_keeps_the_other_bands_and_its_keywords():
    bands = _config(
        bands={
            "business": {"flesch_min": 40},
            "legal": {"flesch_min": 20, "keywords": ["justiziar"]},
        }
    ).readability.bands
    assert bands["business"].flesch_min == 40 and "manager" in bands["business"].keywords
    assert bands["specialist"].flesch_min == {"de": 8, "en": 12}
    assert bands["general"].flesch_min == {"de": 35, "en": 42}
    assert band_for_audience("Justiziare in Konzernen", bands) == "legal"


def test_between_band_minimum_and_goal_is_info():
    """Calibrated on published copy: a warning only below what nine in ten published texts
    reach; between that and the median text, an info note."""
    settings = {"bands": {"business": {"flesch_min": 0, "flesch_goal": 150}}}
    output = run(_doc(f"{SHORT_DE}\n"), _config(**settings))
    [finding] = [f for f in output.findings if f.category == "flesch_reading_ease"]
    assert (finding.rule, finding.severity, finding.target_goal) == (
        "readability.goal",
        "info",
        150,
    )
    assert "goal" in finding.message
    hard = run(_doc(HARD_DE, audience="Marketing-Leiter"), _config())
    assert [f.rule for f in hard.findings if f.category == "flesch_reading_ease"] == [
        "readability.target"
    ]
