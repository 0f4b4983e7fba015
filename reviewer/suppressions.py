"""Linter-style suppressions: inline comments and per-path ignores from the config.

Suppressed findings are not dropped: the report lists them under ``suppressed`` with the reason
(``suppressed_by``), so a reviewer can see what an author switched off and where.

Comments (HTML comments, invisible in the rendered text)::

    <!-- reviewer-disable RULE_ID[, RULE_ID …] -->   … until reviewer-enable (or the end)
    <!-- reviewer-enable RULE_ID[, RULE_ID …] -->
    <!-- reviewer-disable-next-line RULE_ID -->      the next non-blank line
    <!-- reviewer-disable-line RULE_ID -->           the line the comment is on
    <!-- reviewer-disable-file RULE_ID -->           the whole file, document-level findings too

Without RULE_ID they apply to every finding. A RULE_ID matches a finding's ``rule``, its
``check``, its ``category`` (the guideline id for guideline findings) or ``check.rule``, exactly or
as a prefix ending at ``.``, ``-`` or ``_``: ``filler-phrases``, ``guidelines.filler``,
``claims-evidence.unsupported``, ``pii`` and ``pii.person`` all work. Matching ignores case.

Config (``[ignore]``): ``{"drafts/legacy/*" = ["filler-phrases"], "*.txt" = ["*"]}`` —
path globs relative to the config's folder, for every check's findings.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

from reviewer.config import Config
from reviewer.document import Document
from reviewer.models import Finding

_DIRECTIVE = re.compile(
    r"<!--\s*reviewer-(?P<kind>disable-next-line|disable-line|disable-file|disable|enable)(?![\w-])(?P<ids>[^>]*?)\s*-->",
    re.IGNORECASE,
)
_ALL = "*"


@dataclass(frozen=True, slots=True)
class Region:
    """Findings starting in ``[start, end)`` and matching one of ``selectors`` are suppressed."""

    start: int
    end: int
    selectors: tuple[str, ...]
    reason: str
    whole_file: bool = False


def apply_suppressions(
    doc: Document, config: Config, findings: list[Finding]
) -> tuple[list[Finding], list[Finding]]:
    """Return ``(kept, suppressed)``."""
    if not findings:
        return [], []
    regions = comment_regions(doc) + path_regions(doc, config)
    if not regions:
        return findings, []
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for finding in findings:
        region = next((r for r in regions if _covers(r, finding)), None)
        if region is None:
            kept.append(finding)
        else:
            suppressed.append(finding.model_copy(update={"suppressed_by": region.reason}))
    return kept, suppressed


def comment_regions(doc: Document) -> list[Region]:
    """The regions the ``reviewer-…`` comments of a document open."""
    code = [(b.start, b.end) for b in doc.blocks if b.kind == "code"]
    regions: list[Region] = []
    open_: dict[str, tuple[int, str]] = {}  # selector -> (start, reason)
    text = doc.content
    for match in _DIRECTIVE.finditer(text):
        if any(a <= match.start() < b for a, b in code):
            continue  # a directive shown in a code sample is an example, not a directive
        kind = match.group("kind").lower()
        selectors = _selectors(match.group("ids"))
        line, _ = doc.line_col(match.start())
        reason = f"comment on line {line}: reviewer-{kind}" + (
            f" {', '.join(selectors)}" if selectors != (_ALL,) else ""
        )
        if kind == "disable":
            for selector in selectors:
                open_.setdefault(selector, (match.end(), reason))
        elif kind == "enable":
            closing = list(open_) if selectors == (_ALL,) else [s for s in selectors if s in open_]
            for selector in closing:
                start, why = open_.pop(selector)
                regions.append(Region(start, match.start(), (selector,), why))
        elif kind == "disable-file":
            regions.append(Region(0, len(text), selectors, reason, whole_file=True))
        elif kind == "disable-line":
            start, end = _line_span(text, match.start())
            regions.append(Region(start, end, selectors, reason))
        else:  # disable-next-line
            start, end = _next_line_span(text, match.end())
            regions.append(Region(start, end, selectors, reason))
    regions += [
        Region(start, len(text), (selector,), why) for selector, (start, why) in open_.items()
    ]
    return regions


def path_regions(doc: Document, config: Config) -> list[Region]:
    """Per-path ignores from ``[ignore]`` that match this document's path."""
    ignores = config.ignore
    if not ignores or doc.source.startswith("<") or doc.source == "-":
        return []
    candidates = _path_forms(doc.source, config.base_dir)
    regions = []
    for glob, selectors in ignores.items():
        if any(fnmatch(path, glob) or PurePosixPath(path).match(glob) for path in candidates):
            wanted = tuple(s.strip().lower() for s in selectors if s.strip()) or (_ALL,)
            regions.append(
                Region(
                    0,
                    len(doc.content),
                    wanted,
                    f"config ignore {glob!r}",
                    whole_file=True,
                )
            )
    return regions


def matches(selector: str, finding: Finding) -> bool:
    """True when ``selector`` (a rule id, check, category or a prefix of one) names the finding."""
    if selector == _ALL:
        return True
    keys = {
        finding.rule,
        finding.check,
        finding.category,
        f"{finding.check}.{finding.rule}",
        f"{finding.check}.{finding.category}",
    }
    for key in (k.lower() for k in keys if k):
        if key == selector or (key.startswith(selector) and key[len(selector)] in ".-_"):
            return True
    return False


def _covers(region: Region, finding: Finding) -> bool:
    if finding.start is None:
        if not region.whole_file:
            return False
    elif not region.start <= finding.start < region.end:
        return False
    return any(matches(selector, finding) for selector in region.selectors)


def _selectors(raw: str) -> tuple[str, ...]:
    raw = raw.split("--", 1)[0]  # "<!-- reviewer-disable x -- why -->": the rest is a note
    ids = tuple(part.lower() for part in re.split(r"[\s,]+", raw.strip()) if part)
    return ids or (_ALL,)


def _line_span(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end == -1 else end


def _next_line_span(text: str, offset: int) -> tuple[int, int]:
    """The first line after the one ``offset`` is on that has any text."""
    newline = text.find("\n", offset)
    while newline != -1:
        start = newline + 1
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        if text[start:end].strip():
            return start, end
        newline = end if end < len(text) else -1
    return len(text), len(text)


def _path_forms(source: str, base_dir: Path) -> list[str]:
    path = Path(source)
    forms = [PurePosixPath(source).as_posix()]
    with contextlib.suppress(ValueError, OSError):  # outside the config folder: the plain path only
        forms.append(path.resolve().relative_to(base_dir.resolve()).as_posix())
    return forms
