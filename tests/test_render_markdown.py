"""Markdown reports: quoted draft text cannot break the layout; all findings are listed."""

from __future__ import annotations

from markdown_it import MarkdownIt

from reviewer.render.markdown import code_span, render_markdown, render_summary_markdown
from tests.batch_helpers import reviewed_drafts


def test_code_span_holds_any_text():
    md = MarkdownIt()
    for text in ("plain", "with `tick`", "``double`` and `single`", "`edge`", "<b>html</b> | pipe"):
        tokens = md.parseInline(code_span(text))[0].children
        assert [t.type for t in tokens] == ["code_inline"], text
        assert tokens[0].content == text


def test_report_lists_every_finding_and_escapes_markup():
    for _, report in reviewed_drafts():
        text = render_markdown(report)
        assert text.count("\n- **") == len(report.findings)
        for name, result in report.checks.items():
            assert f"| {name} | {result.status} |" in text
        assert "<b>" not in text  # the draft's HTML shows as code, never as markup
        html = MarkdownIt().render(text)
        assert "<b>klaren</b>" not in html


def test_summary_table_has_one_row_per_file():
    rows = [
        {
            "source": "a|b.md",
            "status": "reviewed",
            "verdict": "blocked",
            "score": 40,
            "counts": {"pii": 2},
        },
        {"source": "bad.md", "status": "error", "error": "bad.md: file is empty"},
    ]
    html = MarkdownIt().enable("table").render(render_summary_markdown(rows))
    assert html.count("<tr>") == 3
    assert "a|b.md" in html and "error: bad.md: file is empty" in html
