"""Word drafts in: text, headings, lists and tables from python-docx-built files, findings
located on their Word paragraphs, tracked changes read as accepted, bad files refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from reviewer.config import Config
from reviewer.document import load_document
from reviewer.errors import InputError
from reviewer.parsing.docx import accepted_text, word_paragraphs
from reviewer.pipeline import ReviewOptions, review
from tests.docx_helpers import (
    DE_PARAGRAPHS,
    EN_PARAGRAPHS,
    empty_draft,
    english_draft,
    german_draft,
    picture_draft,
    tracked_draft,
)


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("docx")
    return {
        "en": english_draft(folder / "maintenance.docx"),
        "de": german_draft(folder / "wartung.docx"),
        "tracked": tracked_draft(folder / "tracked.docx"),
    }


@pytest.fixture(scope="module")
def reports(drafts):
    config = Config()
    config.checks.critique = False
    return {
        name: review(load_document(str(path)), config, ReviewOptions(run_critique=False))
        for name, path in drafts.items()
    }


def headings(doc) -> list[tuple[int, str]]:
    return [(h.level, h.text) for h in doc.headings]


def test_headings_lists_and_tables_of_an_english_draft(drafts):
    doc = load_document(str(drafts["en"]))
    # the Title style is the title; Heading 1/2 sit below it
    assert headings(doc) == [
        (1, "Predictive maintenance without the guesswork"),
        (2, "How it works"),
        (3, "What customers say"),
        (2, "Conclusion"),
    ]
    items = [b.text for b in doc.blocks if b.kind == "list_item"]
    assert items == [
        "Vibration and temperature sensors",
        "A dashboard for the whole plant",
        "Alerts by e-mail and text message",
    ]
    tables = [b.text for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1 and "Starter" in tables[0] and "1,900 euros" in tables[0]
    paragraphs = [b.text for b in doc.blocks if b.kind == "paragraph"]
    assert EN_PARAGRAPHS[2] in paragraphs  # four runs read as one paragraph
    assert doc.origin == "docx"
    # no sidecar and no --brief: the document's title and keywords properties are the brief
    assert doc.brief is not None and doc.brief.title == "Predictive maintenance"
    assert doc.brief.keywords == ["predictive maintenance", "sensors"]


def test_localised_heading_styles_and_outline_levels(drafts):
    doc = load_document(str(drafts["de"]))
    assert headings(doc) == [
        (1, "Vorausschauende Wartung ohne Rätselraten"),  # renamed "Überschrift 1"
        (2, "So funktioniert es"),  # a style named "Überschrift 2" without outline level
        (2, "Stimmen von Kunden"),  # "Zwischentitel": only its outline level says heading
    ]
    assert doc.language == "de"
    assert [b.text for b in doc.prose_blocks if b.kind == "paragraph"] == list(DE_PARAGRAPHS)


@pytest.mark.parametrize("name", ["en", "de", "tracked"])
def test_every_finding_quotes_the_paragraph_it_is_anchored_to(drafts, reports, name):
    report = reports[name]
    paragraphs = word_paragraphs(docx.Document(str(drafts[name])))
    located = [f for f in report.findings if getattr(f, "location", None)]
    assert located, "a draft with personal data must have findings anchored in the document"
    for finding in located:
        where = finding.location
        assert "end_paragraph" not in where, finding
        text = accepted_text(paragraphs[where["paragraph"]].paragraph)
        assert text[where["start"] : where["end"]] == finding.text, finding
    # document-level findings have no location, span findings all have one
    for finding in report.findings:
        assert (getattr(finding, "location", None) is not None) == bool(finding.text), finding


def test_personal_data_and_claims_are_found_in_both_languages(reports):
    for name, person in (("en", "Oliver Hartwell"), ("de", "Carla Neumeister")):
        texts = {f.text for f in reports[name].findings if f.check == "pii"}
        assert person in texts, (name, texts)
        assert any(f.check == "guidelines" for f in reports[name].findings), name


def test_tracked_changes_are_read_as_accepted_with_a_note(drafts, reports):
    doc = load_document(str(drafts["tracked"]))
    assert "ran without a single unplanned stop for twelve weeks" in doc.content
    assert "three unplanned stops" not in doc.content
    notes = reports["tracked"].notes
    assert any("2 unresolved tracked change(s)" in note for note in notes), notes
    person = next(f for f in reports["tracked"].findings if f.text == "Oliver Hartwell")
    assert person.location["paragraph"] == 1


def test_a_sidecar_brief_wins_over_the_document_properties(drafts, tmp_path):
    draft = english_draft(tmp_path / "launch.docx")
    (tmp_path / "launch.brief.yaml").write_text(
        "title: Launch post\nkeywords: [downtime]\nwords: {min: 50, max: 400}\n", encoding="utf-8"
    )
    doc = load_document(str(draft))
    assert doc.brief.title == "Launch post" and doc.brief.keywords == ["downtime"]
    explicit = tmp_path / "other.yaml"
    explicit.write_text("keywords: [sensors]\n", encoding="utf-8")
    assert load_document(str(draft), brief_path=str(explicit)).brief.keywords == ["sensors"]


def test_content_offsets_hold_for_the_extracted_text(reports, drafts):
    doc = load_document(str(drafts["en"]))
    for finding in reports["en"].findings:
        if finding.start is not None:
            assert doc.content[finding.start : finding.end] == finding.text


def test_the_publishing_gate_hashes_what_was_reviewed(drafts):
    from reviewer.document import read_content
    from reviewer.store.gate import content_sha256

    for path in drafts.values():
        doc = load_document(str(path))
        assert read_content(str(path)) == (str(path), doc.content)
        assert content_sha256(read_content(str(path))[1]) == doc.sha256


# --- bad input: one clear line, nothing read --------------------------------------------------
def test_password_protected_docx_is_refused(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = english_draft(tmp_path / "plain.docx")
    locked = tmp_path / "locked.docx"
    with plain.open("rb") as source, locked.open("wb") as target:
        OOXMLFile(source).encrypt("secret", target)
    with pytest.raises(InputError, match="password-protected"):
        load_document(str(locked))


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"PK\x03\x04" + b"\x00" * 40, "not a Word document"),
        (b"just some text that was renamed", "not a Word document"),
    ],
)
def test_damaged_files_are_refused(tmp_path, data, reason):
    target = tmp_path / "broken.docx"
    target.write_bytes(data)
    with pytest.raises(InputError, match=reason):
        load_document(str(target))


def test_truncated_and_foreign_zip_packages_are_refused(tmp_path):
    whole = english_draft(tmp_path / "whole.docx").read_bytes()
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(InputError, match=r"truncated\.docx: (damaged|not a Word)"):
        load_document(str(truncated))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as package:
        package.writestr("readme.txt", "not a document")
    foreign = tmp_path / "foreign.docx"
    foreign.write_bytes(archive.getvalue())
    with pytest.raises(InputError, match="no word/document.xml"):
        load_document(str(foreign))


def test_empty_document_is_refused(tmp_path):
    with pytest.raises(InputError, match="contains no text"):
        load_document(str(empty_draft(tmp_path / "empty.docx")))


def test_a_fifty_megabyte_document_with_pictures_is_refused(tmp_path):
    big = picture_draft(tmp_path / "pictures.docx", 50)
    assert big.stat().st_size > 50 * 1024 * 1024
    with pytest.raises(InputError, match=r"MiB are refused .*pictures"):
        load_document(str(big))
