"""Word and HTML drafts through the command line, batch and the web upload: commented copies
written beside the draft or into the batch folder, bad files refused with one line, nothing
written."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import docx
import pytest
from fastapi.testclient import TestClient

from reviewer.render.docx import commented_path
from reviewer.web import create_app
from tests.docx_helpers import empty_draft, english_draft, picture_draft, tracked_draft
from tests.test_cli import run
from tests.web_helpers import BASE, sign_in, web_config


def comments_of(path: Path) -> list[tuple[str, str]]:
    """(author, text) of every comment python-docx finds in a .docx."""
    return [(c.author, c.text) for c in docx.Document(str(path)).comments]


@pytest.mark.timeout(900)  # one whole review in a fresh process
def test_review_format_docx_writes_a_commented_copy(tmp_path):
    draft = english_draft(tmp_path / "maintenance.docx")
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    result = run("review", str(draft), "--format", "docx", "--no-critique", cwd=tmp_path)
    assert result.returncode == 1, result.stderr  # personal data: blocked
    target = tmp_path / "maintenance.reviewed.docx"
    assert commented_path(draft) == target
    comments = comments_of(target)
    assert result.stdout.decode().strip() == (
        f"blocked: wrote {len(comments)} comment(s) to {target}"
    )
    assert {author for author, _ in comments} == {"reviewer"}
    assert comments[0][1].startswith("reviewer: blocked, score ")
    assert any(text.startswith("ERROR · pii.phone_number") for _, text in comments)
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before


def test_the_library_reviews_word_drafts_and_reports_locations(tmp_path):
    from reviewer import review_file
    from reviewer.render.docx import render_docx
    from reviewer.render.json import render_json

    draft = english_draft(tmp_path / "maintenance.docx")
    report = review_file(draft, critique=False)
    person = next(
        f for f in json.loads(render_json(report))["findings"] if f["rule"] == "pii.person"
    )
    assert person["text"] == "Oliver Hartwell"
    assert set(person["location"]) == {"paragraph", "start", "end"}
    target = tmp_path / "nested" / "copy.docx"
    assert render_docx(report, draft, target) == len(report.findings) + 1
    assert len(comments_of(target)) == len(report.findings) + 1


def test_format_docx_needs_a_word_draft(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("# Title\n\nSome text.\n", encoding="utf-8")
    result = run("review", str(draft), "--format", "docx", "--no-critique")
    assert result.returncode == 2
    assert "this is not a .docx" in result.stderr.decode()
    assert list(tmp_path.iterdir()) == [draft]


def _encrypted(tmp_path: Path) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = english_draft(tmp_path / "plain.docx")
    locked = tmp_path / "locked.docx"
    with plain.open("rb") as source, locked.open("wb") as target:
        OOXMLFile(source).encrypt("secret", target)
    plain.unlink()
    return locked


def _corrupt(tmp_path: Path) -> Path:
    whole = english_draft(tmp_path / "whole.docx")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(whole.read_bytes()[:3000])
    whole.unlink()
    return broken


@pytest.mark.parametrize(
    "make, message",
    [
        (_encrypted, "password-protected"),
        (_corrupt, "broken.docx: "),
        (lambda tmp: empty_draft(tmp / "empty.docx"), "contains no text"),
        (lambda tmp: picture_draft(tmp / "pictures.docx", 50), "MiB are refused"),
    ],
)
def test_bad_word_files_get_one_line_and_nothing_is_written(tmp_path, make, message):
    draft = make(tmp_path)
    before = sorted(tmp_path.iterdir())
    result = run("review", str(draft), "--format", "docx", "--no-critique", cwd=tmp_path)
    stderr = result.stderr.decode().strip()
    assert result.returncode == 2, stderr
    assert message in stderr and "\n" not in stderr and "Traceback" not in stderr
    assert sorted(tmp_path.iterdir()) == before


@pytest.mark.timeout(900)
def test_review_an_html_page_reviews_only_the_article(tmp_path):
    from reviewer.document import load_document
    from tests.test_html_input import PAGE

    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    # personal data is tested in-process; here the command itself: no presidio start needed
    (tmp_path / "reviewer.toml").write_text(
        "[checks]\npii = false\nreadability = false\ncritique = false\n", encoding="utf-8"
    )
    result = run("review", str(page), "--format", "json", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr.decode()
    report = json.loads(result.stdout)
    assert report["source"] == str(page)
    assert report["brief"]["keywords"] == ["predictive maintenance", "vibration sensors"]
    assert report["word_count"] == load_document(str(page)).word_count
    assert not any("Shop our catalogue" in f["text"] for f in report["findings"])


@pytest.mark.timeout(900)
def test_batch_writes_commented_copies_for_word_drafts(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    english_draft(drafts / "maintenance.docx")
    tracked_draft(drafts / "tracked.docx")
    (drafts / "notes.md").write_text("# Notes\n\nA short Markdown draft.\n", encoding="utf-8")
    (drafts / "~$maintenance.docx").write_bytes(b"\x00lock")  # Word's lock file: not a draft
    out = tmp_path / "out"
    result = run(
        "batch",
        str(drafts),
        "--out",
        str(out),
        "--format",
        "json,docx",
        "--no-critique",
        "--jobs",
        "1",
    )
    assert result.returncode in (0, 1), result.stderr.decode()
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.docx"))
    assert written == ["files/maintenance.reviewed.docx", "files/tracked.reviewed.docx"]
    summary = [json.loads(line) for line in (out / "summary.jsonl").read_text().splitlines()]
    assert sorted(entry["source"].rsplit("/", 1)[-1] for entry in summary) == [
        "maintenance.docx",
        "notes.md",
        "tracked.docx",
    ]
    report = json.loads((out / "files/tracked.docx.json").read_text(encoding="utf-8"))
    assert len(comments_of(out / "files/tracked.reviewed.docx")) == len(report["findings"]) + 1


def test_web_upload_of_a_word_draft(tmp_path):
    draft = english_draft(tmp_path / "maintenance.docx")
    config = web_config(tmp_path, checks=("structure", "pii"))
    with TestClient(create_app(config), base_url=BASE) as client:
        csrf = sign_in(client, "Eva")
        response = client.post(
            "/new",
            data={"csrf_token": csrf},
            files={
                "draft_file": ("maintenance.docx", draft.read_bytes(), "application/octet-stream")
            },
        )
    assert response.status_code == 200, response.text
    assert "Oliver Hartwell" in response.text
    assert "Predictive maintenance without the guesswork" in response.text
    source = re.search(r'name="source" value="([^"]*)"', response.text)
    assert source and source.group(1) == "maintenance.docx"
    # the document's own title and keywords became the brief
    assert "predictive maintenance" in response.text
