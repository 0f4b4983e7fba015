"""The commented Word copy, opened by a real Word-compatible client: LibreOffice headless
converts it to OpenDocument, and every comment must be there, by "reviewer", on its text."""

from __future__ import annotations

import hashlib
from collections import Counter

import pytest

from reviewer.config import Config
from reviewer.document import load_document
from reviewer.errors import InputError
from reviewer.pipeline import ReviewOptions, review
from reviewer.render.docx import commented_path, finding_text, render_docx
from tests.docx_helpers import english_draft, german_draft, tracked_draft
from tests.libreoffice import annotations, convert


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory):
    """Review three drafts, write their commented copies, convert them all with LibreOffice."""
    folder = tmp_path_factory.mktemp("word")
    drafts = [
        english_draft(folder / "maintenance.docx"),
        german_draft(folder / "wartung.docx"),
        tracked_draft(folder / "tracked.docx"),
    ]
    before = {draft: hashlib.sha256(draft.read_bytes()).hexdigest() for draft in drafts}
    config = Config()
    config.checks.critique = False
    results = []
    for draft in drafts:
        report = review(load_document(str(draft)), config, ReviewOptions(run_critique=False))
        target = commented_path(draft)
        count = render_docx(report, draft, target)
        results.append((draft, report, target, count))
    odts = convert(
        [target for _, _, target, _ in results], "odt", folder / "odt", folder / "profile"
    )
    return [(*result, odt) for result, odt in zip(results, odts, strict=True)], before


def test_every_finding_is_a_comment_by_reviewer_on_its_exact_text(round_trip):
    results, _ = round_trip
    for draft, report, _target, count, odt in results:
        comments = annotations(odt)
        assert count == len(report.findings) + 1
        assert len(comments) == count, draft.name
        assert {c.author for c in comments} == {"reviewer"}
        expected = Counter(
            (finding_text(f), f.text if getattr(f, "location", None) else None)
            for f in report.findings
        )
        seen = Counter(
            (c.body, c.anchor if (c.body, c.anchor) in expected else None)
            for c in comments
            if not c.body.startswith("reviewer: ")
        )
        assert seen == expected, draft.name


def test_the_summary_comment_gives_verdict_score_and_counts(round_trip):
    results, _ = round_trip
    for _draft, report, _target, _count, odt in results:
        summary = [c for c in annotations(odt) if c.body.startswith("reviewer: ")]
        assert len(summary) == 1
        body = summary[0].body
        assert f"reviewer: {report.verdict.replace('_', ' ')}, score {report.score}/100" in body
        errors = sum(1 for f in report.findings if f.severity == "error")
        assert f"{len(report.findings)} finding(s): {errors} error(s)" in body
        for note in report.notes:
            assert note in body


def test_comments_on_tracked_insertions_and_split_runs(round_trip):
    results, _ = round_trip
    by_name = {draft.name: (report, odt) for draft, report, _t, _c, odt in results}
    report, odt = by_name["tracked.docx"]
    anchors = {c.anchor for c in annotations(odt)}
    assert "Oliver Hartwell" in anchors
    # the phone number sits in a sentence split over four differently formatted runs
    report, odt = by_name["maintenance.docx"]
    phone = next(f for f in report.findings if f.category == "PHONE_NUMBER")
    assert phone.text in {c.anchor for c in annotations(odt)}


def test_the_original_is_never_modified(round_trip):
    results, before = round_trip
    for draft, *_ in results:
        assert hashlib.sha256(draft.read_bytes()).hexdigest() == before[draft]
    draft, report, *_ = results[0]
    with pytest.raises(InputError, match="refusing to overwrite"):
        render_docx(report, draft, draft)


def test_a_document_changed_after_the_review_is_refused(round_trip, tmp_path):
    results, _ = round_trip
    _draft, report, *_ = results[0]
    changed = german_draft(tmp_path / "maintenance.docx")
    target = tmp_path / "out.docx"
    with pytest.raises(InputError, match="changed since it was reviewed"):
        render_docx(report, changed, target)
    assert not target.exists()


def test_old_binary_doc_is_refused_with_a_clear_reason(tmp_path):
    source = english_draft(tmp_path / "legacy.docx")
    (doc,) = convert([source], "doc:MS Word 97", tmp_path / "doc", tmp_path / "profile")
    assert doc.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    with pytest.raises(InputError, match=r"old binary Word format \(\.doc"):
        load_document(str(doc))
    renamed = doc.with_name("renamed.docx")
    renamed.write_bytes(doc.read_bytes())
    with pytest.raises(InputError, match="old binary Word format"):
        load_document(str(renamed))


def test_converted_pdf_shows_the_text(round_trip, tmp_path):
    """The copy also renders to PDF (how the README screenshot is made)."""
    results, _ = round_trip
    _draft, _report, target, _count, _odt = results[0]
    (pdf,) = convert([target], "pdf", tmp_path / "pdf", tmp_path / "profile")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
