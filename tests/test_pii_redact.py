"""Pseudonymisation (the API the LLM critique uses) and `reviewer redact`."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from reviewer.checks.pii.redact import Pseudonymized, pseudonymize, redact
from reviewer.cli import app

DRAFT = """---
title: "Fallstudie mit Carla Neumeister"
language: de
---

# Fallstudie

„Das spart Zeit“, sagt Frau Carla Neumeister. Sie erreichen Carla Neumeister privat unter
c.neumeister@example-kunde.de oder 0176 / 412 88 03. Auch Peter Brandt ist überzeugt.
Carla Neumeister empfiehlt das Produkt. Fragen an unsere Hotline 0800 224 6610.
"""


def test_round_trip_restores_the_exact_text():
    text = "Anna Müller ruft 0171 1234567 an. Anna Müller und Peter Paul."
    spans = [(0, 11, "PERSON"), (17, 29, "PHONE_NUMBER"), (34, 45, "PERSON"), (50, 60, "PERSON")]
    result = pseudonymize(text, spans)
    assert result.text == "<PERSON_1> ruft <PHONE_NUMBER_1> an. <PERSON_1> und <PERSON_2>."
    assert result.mapping == {
        "<PERSON_1>": "Anna Müller",
        "<PHONE_NUMBER_1>": "0171 1234567",
        "<PERSON_2>": "Peter Paul",
    }
    assert result.restore(result.text) == text


def test_restore_maps_placeholders_in_new_text_and_leaves_unknown_ones():
    result = pseudonymize("Frau Anna Müller sagt ja.", [(5, 16, "PERSON")])
    answer = "Quote of <PERSON_1> is fine; <PERSON_9> and <EMAIL_ADDRESS_1> are unknown."
    assert (
        result.restore(answer)
        == "Quote of Anna Müller is fine; <PERSON_9> and <EMAIL_ADDRESS_1> are unknown."
    )


def test_placeholders_count_per_type_and_ten_plus_do_not_collide():
    names = [f"Person{i}" for i in range(12)]
    text = " ".join(names)
    spans, pos = [], 0
    for name in names:
        spans.append((pos, pos + len(name), "PERSON"))
        pos += len(name) + 1
    result = pseudonymize(text, spans)
    assert "<PERSON_12>" in result.text and "<PERSON_1>" in result.text
    assert result.restore(result.text) == text


def test_overlapping_and_invalid_spans_are_resolved():
    text = "IBAN DE88 5121 0800 3344 5508 00 bitte."
    spans = [(5, 32, "IBAN_CODE"), (15, 29, "PHONE_NUMBER"), (40, 99, "PERSON"), (3, 3, "PERSON")]
    result = pseudonymize(text, spans)
    assert result.text == "IBAN <IBAN_CODE_1> bitte."
    assert result.restore(result.text) == text


def test_no_spans_returns_the_text_unchanged():
    assert pseudonymize("Nichts Persönliches.", []) == Pseudonymized("Nichts Persönliches.", {})


def test_redact_detects_and_keeps_front_matter(parse):
    doc = parse(DRAFT)
    result = redact(doc.content, doc.language, start=doc.body_start)
    front = DRAFT[: doc.body_start]
    assert result.text.startswith(front)  # the name in the title stays: front matter is untouched
    body = result.text[doc.body_start :]
    assert (
        "Carla Neumeister" not in body and "c.neumeister@" not in body and "412 88 03" not in body
    )
    assert body.count("<PERSON_1>") == 3  # the same person keeps one placeholder
    assert "<PERSON_2>" in body  # Peter Brandt
    assert "0800 224 6610" in body  # the company hotline is not personal data
    assert result.restore(result.text) == DRAFT


def test_redact_command_writes_the_copy(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    out = tmp_path / "redacted.md"
    result = CliRunner().invoke(app, ["redact", str(draft), "-o", str(out)])
    assert result.exit_code == 0, result.output
    redacted = out.read_text(encoding="utf-8")
    assert redacted.startswith('---\ntitle: "Fallstudie mit Carla Neumeister"')
    assert (
        "<PERSON_1>" in redacted
        and "<EMAIL_ADDRESS_1>" in redacted
        and "<PHONE_NUMBER_1>" in redacted
    )
    assert "c.neumeister@example-kunde.de" not in redacted
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_redact_command_prints_to_stdout(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    result = CliRunner().invoke(app, ["redact", str(draft)])
    assert result.exit_code == 0
    assert "<PERSON_1>" in result.stdout and "Peter Brandt" not in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["redact", "missing.md"],
        ["redact", "{draft}", "-o", "{draft}"],
        ["redact", "{draft}", "--language", "fr"],
    ],
)
def test_redact_command_bad_input_exits_2_with_one_line(tmp_path, args):
    import subprocess
    import sys

    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    argv = [a.format(draft=draft) for a in args]
    proc = subprocess.run(
        [sys.executable, "-m", "reviewer", *argv], capture_output=True, text=True, cwd=tmp_path
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("reviewer: error:") and len(proc.stderr.strip().splitlines()) == 1
    assert draft.read_text(encoding="utf-8") == DRAFT
