"""Self-contained HTML: one page per draft (the text with every finding marked at its span, and a
side list) and an index page for a batch.

The pages embed their CSS and a few lines of script and load nothing from elsewhere, so a report
can be mailed, archived as a CI artifact or opened from disk. ``highlight_html`` is the shared
piece: the web UI marks drafts with the same function, so both show the same spans.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from reviewer.checks import CHECK_NAMES
from reviewer.models import SEVERITY_RANK, Finding, Report
from reviewer.registry import Rule, catalog
from reviewer.render.order import SortOrder, plural

if TYPE_CHECKING:
    from jinja2 import Environment


def highlight_html(content: str, findings: Sequence[Finding], *, id_prefix: str = "f-") -> Markup:
    """The draft as escaped text with ``<mark>`` elements where findings point.

    Spans may overlap (a name inside a long sentence), so the text is cut at every span boundary
    and each piece is written once, as one ``<mark>`` listing all findings that cover it in
    ``data-f`` (indices into ``findings``); the pieces of one finding, joined, give back
    ``content[start:end]``. An empty anchor ``id="{id_prefix}{index}"`` sits where each finding
    starts, so a side list can link to it. Findings without a span, or whose span no longer
    matches the text (a stale report), are not marked.
    """
    spans = [(i, f.start, f.end) for i, f in enumerate(findings) if _span_matches(content, f)]
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for index, start, end in spans:
        starts.setdefault(start, []).append(index)
        ends.setdefault(end, []).append(index)
    cuts = sorted({0, len(content), *starts, *ends})
    parts: list[str] = []
    active: dict[int, None] = {}  # insertion-ordered set of the findings covering the cursor
    for position, following in zip(cuts, [*cuts[1:], None], strict=True):
        for index in ends.get(position, ()):
            active.pop(index, None)
        for index in starts.get(position, ()):
            parts.append(f'<span class="anchor" id="{escape(id_prefix)}{index}"></span>')
            if findings[index].start == findings[index].end:
                parts.append(_mark([index], findings, ""))  # a point finding: an empty marker
            else:
                active[index] = None
        if following is None:
            break
        piece = content[position:following]
        parts.append(_mark(list(active), findings, piece) if active else str(escape(piece)))
    return Markup("".join(parts))


def render_html(
    report: Report,
    content: str | None,
    *,
    index_href: str | None = None,
    rules: dict[str, Rule] | None = None,
    sort: str = SortOrder.severity,
) -> str:
    """One draft's page. ``content`` is the text the report was made from (None: not available);
    ``rules`` is the registry's catalog (default: the built-in rules) for each rule's title.

    The side list shows the worst findings first (``sort``); each keeps its index in
    ``report.findings`` for the ``f-N``/``item-N`` anchors, so links stay stable."""
    findings = list(report.findings)
    usable = content is not None and _content_matches(report, content)
    located = [i for i, f in enumerate(findings) if usable and _span_matches(content or "", f)]
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            report=report,
            findings=findings,
            items=numbered(findings, sort),
            sort=sort,
            located=set(located),
            draft=highlight_html(content, findings) if usable and content is not None else None,
            draft_note=None if usable else _draft_note(content),
            checks=_ordered_checks(report),
            counts=severity_counts(findings),
            index_href=index_href,
            rules=rules if rules is not None else catalog(),
        )
    )


def render_index(rows: Iterable[Mapping[str, Any]], *, title: str = "reviewer batch") -> str:
    """The batch overview: one row per file (see ``reviewer.batch.summary.FileEntry.to_dict``)."""
    rows = list(rows)
    totals: dict[str, int] = {}
    for row in rows:
        key = row.get("verdict") or "error"
        totals[key] = totals.get(key, 0) + 1
    return (
        _environment()
        .get_template("index.html.j2")
        .render(title=title, rows=rows, checks=CHECK_NAMES, totals=totals)
    )


def numbered(
    findings: Sequence[Finding], sort: str = SortOrder.severity
) -> list[tuple[int, Finding]]:
    """``(index in findings, finding)`` in display order: the worst first unless ``sort`` is
    ``position``. The index is what ``highlight_html`` marks the text with."""
    if sort == SortOrder.position:
        return list(enumerate(findings))
    return sorted(enumerate(findings), key=lambda pair: -SEVERITY_RANK[pair[1].severity])


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return counts


def _mark(indices: list[int], findings: Sequence[Finding], piece: str) -> str:
    worst = max((findings[i] for i in indices), key=lambda f: SEVERITY_RANK[f.severity])
    title = "\n".join(
        f"{findings[i].severity}: {findings[i].message} [{findings[i].rule}]" for i in indices
    )
    return (
        f'<mark class="sev-{worst.severity}" data-f="{" ".join(map(str, indices))}" '
        f'title="{escape(title)}">{escape(piece)}</mark>'
    )


def _span_matches(content: str, finding: Finding) -> bool:
    start, end = finding.start, finding.end
    if start is None or end is None or not 0 <= start <= end <= len(content):
        return False
    return not finding.text or content[start:end] == finding.text


def _content_matches(report: Report, content: str) -> bool:
    import hashlib

    return hashlib.sha256(content.encode("utf-8")).hexdigest() == report.content_sha256


def _draft_note(content: str | None) -> str:
    if content is None:
        return "The draft's text was not available when this page was written."
    return (
        "The draft has changed since this report was made, so findings are not marked in the text."
    )


def _ordered_checks(report: Report) -> list[tuple[str, Any]]:
    names = [
        *(n for n in CHECK_NAMES if n in report.checks),
        *(n for n in report.checks if n not in CHECK_NAMES),
    ]
    return [(name, report.checks[name]) for name in names]


@lru_cache(maxsize=1)
def _environment() -> Environment:
    """Built once per process: Jinja compiles each template on first use and keeps it."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("reviewer", "render/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["plural"] = plural
    env.filters["location"] = lambda f: f"{f.line}:{f.column}" if f.line is not None else "document"
    return env
