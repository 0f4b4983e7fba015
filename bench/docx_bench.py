"""Word and HTML input/output timings (issue 19).

Prints, for the English test draft (about 130 words) and for it repeated ten times:
reading it (python-docx + Markdown with paragraph map), writing the commented copy with one
comment per sentence, and the LibreOffice conversion of that copy to ODT (the test's client);
and the article extraction of a web page with navigation and footer (trafilatura).
Medians of 5 runs (LibreOffice: 1 run, it dominates). The checks themselves are in
bench/review_bench.py.
Run: python bench/docx_bench.py [--no-libreoffice]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _median(call, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _draft(path: Path, repeats: int) -> Path:
    import docx

    from tests.docx_helpers import english_draft

    english_draft(path)
    document = docx.Document(str(path))
    body = list(document.element.body)[:-1]  # everything but the section properties
    for _ in range(repeats - 1):
        for element in body:
            document.element.body.insert(len(document.element.body) - 1, _copy(element))
    document.save(str(path))
    return path


def _copy(element):
    import copy

    return copy.deepcopy(element)


def _report_with_sentence_findings(path: Path):
    """A report with one finding per sentence: the renderer's work without running the checks."""
    from reviewer.document import load_document
    from reviewer.finding_ids import assign_ids
    from reviewer.models import Finding, Report
    from reviewer.pipeline import located

    doc = load_document(str(path))
    findings = [
        Finding(
            id="",
            check="readability",
            rule="readability.long_sentence",
            severity="info",
            message="bench",
            text=doc.content[s.start : s.end],
            start=s.start,
            end=s.end,
        )
        for s in doc.sentences
    ]
    assign_ids(findings)
    report = Report(
        source=str(path),
        content_sha256=doc.sha256,
        language=doc.language,
        word_count=doc.word_count,
        verdict="needs_review",
        score=90,
        checks={},
        findings=located(doc, findings),
    )
    return doc, report


def main() -> None:
    from reviewer.document import load_document
    from reviewer.parsing.html import extract_html
    from reviewer.render.docx import render_docx
    from tests.libreoffice import convert
    from tests.test_html_input import PAGE

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for repeats in (1, 10):
            draft = _draft(work / f"draft{repeats}.docx", repeats)
            read = _median(lambda draft=draft: load_document(str(draft)))
            doc, report = _report_with_sentence_findings(draft)
            target = work / f"draft{repeats}.reviewed.docx"
            write = _median(
                lambda draft=draft, report=report, target=target: render_docx(report, draft, target)
            )
            print(
                f"docx {doc.word_count:>5} words, {len(report.findings):>3} comments: "
                f"read {read * 1000:7.1f} ms, commented copy {write * 1000:7.1f} ms"
            )
            if "--no-libreoffice" not in sys.argv:
                start = time.perf_counter()
                convert([target], "odt", work, work / "profile")
                print(
                    f"     LibreOffice to ODT (new process): {time.perf_counter() - start:6.1f} s"
                )
        page = PAGE.encode("utf-8")
        extract_html(page, "page.html")  # import and first-use cost once
        html = _median(lambda: extract_html(page, "page.html"))
        print(f"html article extraction (trafilatura): {html * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
