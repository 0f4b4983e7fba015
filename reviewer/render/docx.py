"""Word output: a copy of the reviewed .docx with every finding as a comment in the margin.

Editors give feedback on Word drafts as comments; this writes the review the same way. Each
finding becomes a comment by "reviewer" anchored on exactly the text it quotes (runs are split
at the finding's first and last character, their formatting kept); a summary comment on the
first paragraph gives the verdict, score and counts; findings about the whole document (a
missing keyword, the length) are comments on the first paragraph too. Findings of the LLM
critique say so. The original file is only read; the copy is written whole or not at all.

The paragraphs are found through ``reviewer.parsing.docx`` (the same reading order the review
used) and each finding's ``location``; the copy is refused when the document's text is no
longer the text that was reviewed.
"""

from __future__ import annotations

import copy
import hashlib
import os
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.errors import InputError
from reviewer.models import Finding, Report

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

AUTHOR = "reviewer"
INITIALS = "RV"
_SEVERITY_WORD = {"error": "ERROR", "warning": "WARNING", "info": "NOTE"}
# Run content the text setter writes back unchanged; anything else (fields, drawings, symbols)
# keeps its run whole, and the comment then covers that whole run.
_PLAIN_RUN_CONTENT = frozenset({"rPr", "t", "tab", "br", "cr"})


def commented_path(source: str | Path) -> Path:
    """Where ``reviewer review draft.docx --format docx`` writes: ``draft.reviewed.docx``."""
    file = Path(source)
    return file.with_name(f"{file.stem}.reviewed.docx")


def render_docx(report: Report, source: str | Path, target: str | Path) -> int:
    """Write the commented copy of ``source`` to ``target``; return how many comments it has."""
    from reviewer.parsing.docx import MAX_DOCX_BYTES, extract_document, open_docx, word_paragraphs
    from reviewer.reading import read_bytes

    source_path, target_path = Path(source), Path(target)
    if target_path.resolve() == source_path.resolve():
        raise InputError(f"{target}: refusing to overwrite the reviewed draft; choose another file")
    name, data = read_bytes(str(source_path), MAX_DOCX_BYTES)
    document = open_docx(data, name)
    content = extract_document(document, name).content
    if hashlib.sha256(content.encode("utf-8")).hexdigest() != report.content_sha256:
        raise InputError(f"{name}: the document changed since it was reviewed; review it again")
    paragraphs = [p.paragraph for p in word_paragraphs(document)]
    first = next((p for p in paragraphs if _text_runs(p)), None)
    if first is None:  # pragma: no cover - a document without text is refused when read
        raise InputError(f"{name}: the Word document contains no text")
    count = 0
    _comment(document, _text_runs(first), summary_text(report))
    count += 1
    for finding in report.findings:
        location = getattr(finding, "location", None)
        runs = _anchor(paragraphs, location) if isinstance(location, dict) else []
        _comment(document, runs or _text_runs(first), finding_text(finding))
        count += 1
    _save(document, target_path)
    return count


# --- comment text ----------------------------------------------------------------------------
def summary_text(report: Report) -> str:
    """The summary comment: verdict, score, counts, how each check went, the report's notes."""
    severities = Counter(f.severity for f in report.findings)
    critique = sum(1 for f in report.findings if f.check == "critique")
    counts = ", ".join(
        f"{severities[level]} {label}"
        for level, label in (("error", "error(s)"), ("warning", "warning(s)"), ("info", "note(s)"))
    )
    lines = [
        f"reviewer: {report.verdict.replace('_', ' ')}, score {report.score}/100",
        f"{len(report.findings)} finding(s): {counts}"
        + (f"; {critique} from the LLM critique" if critique else ""),
    ]
    lines += [
        f"{name}: {result.status} ({result.summary})" for name, result in report.checks.items()
    ]
    lines += report.notes
    lines.append("Each finding is a comment on the text it is about. Only a person approves.")
    return "\n".join(lines)


def finding_text(finding: Finding) -> str:
    """One finding's comment: severity and rule, the message, the suggestion."""
    origin = " · LLM critique" if finding.check == "critique" else ""
    lines = [f"{_SEVERITY_WORD.get(finding.severity, finding.severity)} · {finding.rule}{origin}"]
    lines.append(finding.message)
    if finding.suggestion:
        lines.append(f"Suggestion: {finding.suggestion}")
    return "\n".join(lines)


# --- anchoring -------------------------------------------------------------------------------
def _anchor(paragraphs: Sequence[Paragraph], location: dict) -> list[Run]:
    """The runs covering exactly ``location``'s characters, split where needed."""
    first_index = location.get("paragraph")
    last_index = location.get("end_paragraph", first_index)
    start, end = location.get("start"), location.get("end")
    if not all(isinstance(v, int) for v in (first_index, last_index, start, end)):
        return []
    if not (0 <= first_index <= last_index < len(paragraphs)):
        return []
    first_paragraph, last_paragraph = paragraphs[first_index], paragraphs[last_index]
    _split_at(first_paragraph, start)
    _split_at(last_paragraph, end)
    first_run = next(
        (run for run, a, b in _spans(first_paragraph) if b > start and b > a),
        None,
    )
    last_run = None
    for run, a, b in _spans(last_paragraph):
        if a < end and b > a:
            last_run = run
    if first_run is None or last_run is None:
        return []
    return [first_run, last_run]


def _spans(paragraph: Paragraph) -> list[tuple[Run, int, int]]:
    """Each accepted run with its character range in the paragraph's accepted text."""
    from reviewer.parsing.docx import accepted_runs

    result, position = [], 0
    for run in accepted_runs(paragraph):
        length = len(run.text)
        result.append((run, position, position + length))
        position += length
    return result


def _split_at(paragraph: Paragraph, offset: int) -> None:
    """Make a run boundary at ``offset`` when it falls inside a run of plain text."""
    for run, a, b in _spans(paragraph):
        if a < offset < b:
            if _plain(run):
                text = run.text
                clone = copy.deepcopy(run._r)
                run._r.addnext(clone)
                run.text = text[: offset - a]
                type(run)(clone, run._parent).text = text[offset - a :]
            return


def _plain(run: Run) -> bool:
    for child in run._r:
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if tag not in _PLAIN_RUN_CONTENT:
            return False
        if tag == "br" and (child.get(_w("type")) or "textWrapping") != "textWrapping":
            return False
    return True


def _w(name: str) -> str:
    from docx.oxml.ns import qn

    return qn(f"w:{name}")


def _text_runs(paragraph: Paragraph) -> list[Run]:
    from reviewer.parsing.docx import accepted_runs

    runs = [run for run in accepted_runs(paragraph) if run.text]
    return [runs[0], runs[-1]] if runs else []


def _comment(document: WordDocument, runs: list[Run], text: str) -> None:
    document.add_comment(runs, text=text, author=AUTHOR, initials=INITIALS)


def _save(document: WordDocument, target: Path) -> None:
    """Write to a temporary file beside the target, then rename: whole or not at all."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".docx.tmp")
    os.close(handle)
    try:
        document.save(temporary)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
