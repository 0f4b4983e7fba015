"""The HTML report marks each finding exactly at its span, escapes the draft, loads nothing."""

from __future__ import annotations

import re

import pytest

from reviewer.models import Finding
from reviewer.render.html import highlight_html, render_html, render_index
from tests.batch_helpers import MarkReader, reviewed_drafts


def _read_marks(html: str) -> MarkReader:
    reader = MarkReader()
    reader.feed(html)
    reader.close()
    return reader


@pytest.fixture(scope="module")
def real_reports():
    return reviewed_drafts()


def test_every_finding_is_marked_at_its_offsets(real_reports):
    marked = 0
    for doc, report in real_reports:
        reader = _read_marks(render_html(report, doc.content))
        assert reader.text == doc.content, (
            f"{doc.source}: the page does not show the draft verbatim"
        )
        for index, finding in enumerate(report.findings):
            span = reader.span_of(index)
            if finding.start is None or finding.start == finding.end:
                assert span is None
                continue
            assert span == (finding.start, finding.end), (
                f"{doc.source}: {finding.rule} marked at {span}"
            )
            assert reader.text[span[0] : span[1]] == finding.text
            assert reader.anchors[f"f-{index}"] == finding.start
            marked += 1
    assert marked >= 10, "the drafts should produce located findings (PII, empty sections, …)"
    rules = {f.rule for _, report in real_reports for f in report.findings if f.start is not None}
    assert any(rule.startswith("pii") for rule in rules), rules


def _finding(
    index: int, content: str, start: int | None, end: int | None, severity: str = "warning"
) -> Finding:
    text = content[start:end] if start is not None and end is not None else ""
    return Finding(
        id=f"x-{index}",
        check="guidelines",
        rule=f"test.rule{index}",
        severity=severity,
        message=f"m{index}",
        text=text,
        start=start,
        end=end,
    )


def test_overlapping_nested_point_and_stale_spans():
    content = "Intro <script>alert('x')</script> & Jana Albrecht wrote\nline two ümläut 🙂 end"
    name = content.index("Jana Albrecht")
    sentence = (content.index("&"), content.index("wrote") + len("wrote"))
    emoji = content.index("🙂")
    findings = [
        _finding(0, content, *sentence),  # contains finding 1
        _finding(1, content, name, name + len("Jana Albrecht"), "error"),
        # overlaps finding 1 and crosses the newline
        _finding(2, content, name + 5, content.index("line two") + 4),
        _finding(3, content, emoji, emoji + 1, "info"),  # one astral character
        _finding(4, content, 3, 3),  # a point
        _finding(5, content, None, None),  # document level
        Finding(
            id="x-6",
            check="pii",
            rule="stale",
            severity="error",
            message="old",
            text="nope",
            start=0,
            end=4,
        ),
        _finding(7, content, 0, len(content), "info"),  # the whole text
    ]
    reader = _read_marks(f'<pre class="draft">\n{highlight_html(content, findings)}</pre>')
    assert reader.text == content
    for index in (0, 1, 2, 3, 7):
        assert reader.span_of(index) == (findings[index].start, findings[index].end), index
    assert reader.span_of(4) is None and reader.anchors["f-4"] == 3
    assert reader.span_of(5) is None and "f-5" not in reader.anchors
    # finding 6 quotes text that is not at its offsets: not marked
    assert reader.span_of(6) is None and "f-6" not in reader.anchors
    html = str(highlight_html(content, findings))
    assert "<script>" not in html and "&lt;script&gt;" in html
    # the most severe finding decides the colour where spans overlap
    piece = re.search(r'<mark class="sev-(\w+)" data-f="([\d ]+)"[^>]*>Jana', html)
    assert (
        piece is not None
        and piece.group(1) == "error"
        and set(piece.group(2).split()) == {"0", "1", "7"}
    )


def test_page_is_self_contained_and_escapes_the_draft(real_reports):
    doc, report = next((d, r) for d, r in real_reports if d.source == "blog/de_kundenservice.md")
    page = render_html(report, doc.content, index_href="../index.html")
    assert "<b>klaren</b>" not in page and "&lt;b&gt;klaren&lt;/b&gt;" in page
    # nothing is loaded from elsewhere: no external scripts, styles, images or fonts
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "@import" not in page and "url(" not in page
    assert 'href="../index.html"' in page
    for index, finding in enumerate(report.findings):
        assert f'id="item-{index}"' in page
        if finding.start is not None and finding.start < finding.end:
            assert f'href="#f-{index}"' in page


def test_changed_draft_is_not_marked(real_reports):
    doc, report = real_reports[0]
    page = render_html(report, doc.content + "\nedited", index_href=None)
    assert "<mark" not in page and "has changed since this report was made" in page
    page = render_html(report, None)
    assert "<mark" not in page and "not available" in page


def test_index_links_files_and_shows_errors():
    rows = [
        {
            "source": "a.md",
            "status": "reviewed",
            "verdict": "blocked",
            "score": 40,
            "counts": {"pii": 2},
            "severities": {"error": 2},
            "outputs": {"html": "files/a.md.html"},
        },
        {"source": "b<x>.md", "status": "error", "error": "b<x>.md: file is empty", "outputs": {}},
    ]
    page = render_index(rows)
    assert 'href="files/a.md.html"' in page
    assert "b&lt;x&gt;.md: file is empty" in page
    assert "1 blocked" in page and "1 error" in page
