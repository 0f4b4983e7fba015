"""What a person reads in a terminal, a CI log or an editor: the worst findings first, notes
hidden unless asked (with a count), one line per finding on request, nothing cut in two when the
output is piped, and plain words ("1 error", flags without "<bool>")."""

from __future__ import annotations

import re

import pytest

from reviewer.models import Finding
from reviewer.render.html import render_html
from reviewer.render.markdown import render_markdown
from reviewer.render.order import hidden_note, ordered, plural, shown
from tests.store_helpers import document, report_for, run_cli

LONG_NAME = "ein_sehr_langer_dateiname_fuer_das_whitepaper_zum_thema_vertrieb.md"
CONFIG = """\
[checks]
pii = false
keywords = false
guidelines = false
critique = false

[rules]
"structure.missing_required_section" = "error"
"""
# A long sentence early (info), an empty section and a body shorter than the brief asks (warnings)
# and a missing section (error): in document order the error would not come first.
DRAFT = """\
---
title: "Leitfaden für den Vertrieb"
language: de
required_sections: ["Fazit"]
words: {min: 150}
---
# Leitfaden für den Vertrieb

Wer im Vertrieb eines mittelständischen Unternehmens arbeitet und jeden Tag viele Anfragen von Kunden aus unterschiedlichen Branchen beantworten muss, braucht klare Abläufe, gute Werkzeuge und eine Übersicht über alle offenen Vorgänge im Team.

## Leerer Abschnitt

## Erste Schritte

Legen Sie fest, wer welche Anfragen beantwortet. Schreiben Sie die Abläufe auf. Prüfen Sie die Liste jede Woche.
"""
FINDING_LINE = re.compile(r"^\s+(\d+:\d+|-)\s+(error|warning|info)\s+\S")
SEVERITY_RANK = {"error": 2, "warning": 1, "info": 0}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("display")
    (folder / "reviewer.toml").write_text(CONFIG, encoding="utf-8")
    (folder / LONG_NAME).write_text(DRAFT, encoding="utf-8")
    return folder


def review(folder, *args: str) -> str:
    # COLUMNS unset and stdout a pipe: what a CI log or `> report.txt` gets.
    result = run_cli("review", LONG_NAME, *args, cwd=folder, env={"COLUMNS": ""})
    assert result.returncode == 1, result.stderr
    return result.stdout


def severities(text: str) -> list[str]:
    return [m.group(2) for line in text.splitlines() if (m := FINDING_LINE.match(line))]


def test_terminal_report_puts_errors_first_and_hides_notes_with_a_count(folder):
    text = review(folder)
    found = severities(text)
    assert found[0] == "error" and "info" not in found
    assert found == sorted(found, key=lambda s: -SEVERITY_RANK[s])
    assert "1 error, 2 warnings, 1 info" in text.splitlines()[0]
    assert "not shown: 1 info (show with --min-severity info)" in text
    # Piped: no hard wrap, so each finding's rule id stays on its line and the name is whole.
    for line in text.splitlines():
        if FINDING_LINE.match(line):
            assert re.search(r"\[[a-z_.-]+\]$", line), line
    assert LONG_NAME in text.splitlines()[0]


def test_min_severity_and_document_order_on_request(folder):
    everything = review(folder, "--min-severity", "info", "--sort", "position")
    assert sorted(severities(everything)) == ["error", "info", "warning", "warning"]
    assert "not shown" not in everything
    lines = [line for line in everything.splitlines() if FINDING_LINE.match(line)]
    positions = [line.split()[0] for line in lines]
    located = [tuple(map(int, p.split(":"))) for p in positions if p != "-"]
    assert located == sorted(located)
    only_errors = review(folder, "--min-severity", "error")
    assert severities(only_errors) == ["error"]
    assert "not shown: 2 warnings, 1 info" in only_errors


def test_line_format_is_one_parsable_line_per_finding(folder):
    text = review(folder, "--format", "line", "--min-severity", "info")
    lines = text.splitlines()
    assert len(lines) == 4
    pattern = re.compile(
        rf"^{re.escape(LONG_NAME)}:(\d+):(\d+): (error|warning|info) \[([a-z_.-]+)\] (.+)$"
    )
    matches = [pattern.match(line) for line in lines]
    assert all(matches), lines
    assert matches[0].group(3) == "error"
    assert {m.group(4) for m in matches} >= {
        "structure.missing_required_section",
        "structure.empty_section",
        "readability.long_sentence",
    }
    empty = next(m for m in matches if m.group(4) == "structure.empty_section")
    # The heading's line in the file (front matter counted) and the column where its text starts.
    heading_line = DRAFT.splitlines().index("## Leerer Abschnitt") + 1
    assert (empty.group(1), empty.group(2)) == (str(heading_line), "4")
    # The default for the line format shows everything (an editor lists what it is given).
    assert len(review(folder, "--format", "line").splitlines()) == 4


def test_flags_show_without_a_type_in_help(tmp_path):
    """On/off options, --help and --version included, read as flags in every command's help:
    no ``<bool>`` as if they took a value; options that take one still say what."""
    commands = [(), ("review",), ("submit",), ("batch",), ("approve",), ("rules", "explain")]
    for command in commands:
        result = run_cli(*command, "--help", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        flags = [line for line in result.stdout.splitlines() if re.search(r"--[a-z-]+ ", line)]
        assert any("--help" in line for line in flags), result.stdout
        for line in flags:
            if re.search(r"--(help|version|no-critique|no-cache|submit|override|force)\b", line):
                assert "<bool>" not in line, (command, line)
    review_help = run_cli("review", "--help", cwd=tmp_path).stdout
    assert re.search(r"--format .*<text\|line\|json", review_help)


def _three(doc_text: str):
    doc = document(doc_text)
    report = report_for(doc, errors=("Jana Albrecht",), warnings=("structure.word_count",))
    info = report.findings[0].model_copy(
        update={"id": "info-1", "severity": "info", "rule": "readability.long_sentence"}
    )
    return doc, report.model_copy(update={"findings": [info, *report.findings]})


def test_markdown_and_html_list_errors_first_and_keep_anchors():
    doc, report = _three("---\nlanguage: de\n---\n# Titel\n\nFragen an Jana Albrecht.\n")
    assert [f.severity for f in report.findings][0] == "info"
    md = render_markdown(report)
    items = re.findall(r"^- \*\*(\w+)\*\*", md, flags=re.M)
    assert items == ["error", "warning", "info"]
    assert re.findall(r"^- \*\*(\w+)\*\*", render_markdown(report, sort="position"), re.M)[0] == (
        "info"
    )
    assert "not shown: 1 info" in render_markdown(report, min_severity="warning")
    page = render_html(report, doc.content)
    order = re.findall(r'<li class="(\w+)" id="item-(\d+)"', page)
    assert [sev for sev, _ in order] == ["error", "warning", "info"]
    # Each item keeps the index of its finding, which is what the marks in the text point to.
    for severity, index in order:
        assert report.findings[int(index)].severity == severity
    assert "1 error, 1 warning, 1 note" in page


def test_order_helpers():
    def finding(severity: str, start: int) -> Finding:
        return Finding(
            id=f"{severity}{start}",
            check="x",
            rule="x.y",
            severity=severity,
            message="m",
            start=start,
            end=start + 1,
        )

    items = [finding("info", 1), finding("error", 9), finding("warning", 3), finding("error", 2)]
    assert [f.id for f in ordered(items)] == ["error9", "error2", "warning3", "info1"]
    result = shown(items, min_severity="warning")
    assert result.hidden == {"info": 1} and len(result.findings) == 3
    assert hidden_note(shown(items)) is None
    assert plural(1, "error") == "1 error" and plural(2, "warning") == "2 warnings"
    assert plural(0, "error") == "0 errors"


def test_bundled_example_fits_in_40_lines_without_hiding_errors_or_warnings():
    import io

    from rich.console import Console

    from reviewer.api import review_file
    from reviewer.render.terminal import render_terminal
    from tests.store_helpers import REPO

    report = review_file(str(REPO / "examples" / "de_whitepaper.md"), critique=False)
    out = io.StringIO()
    render_terminal(report, Console(file=out, soft_wrap=True, width=100), min_severity="warning")
    text = out.getvalue()
    assert len(text.splitlines()) <= 40, text
    expected = [f.severity for f in report.findings if f.severity != "info"]
    assert sorted(severities(text)) == sorted(expected) and "error" in expected
    infos = sum(f.severity == "info" for f in report.findings)
    assert f"not shown: {infos} info" in text
