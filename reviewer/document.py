"""A draft parsed once: text, brief, blocks, sections, sentences, words — all with offsets.

Every check reads a Document; none re-parses the file. Offsets index ``Document.content``, the
file's text as decoded (front matter included), so ``content[start:end]`` is what a finding quotes.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.brief import BRIEF_KEYS, Brief, clean_extras, parse_brief
from reviewer.errors import InputError
from reviewer.models import Finding, Severity
from reviewer.parsing.blocks import Block
from reviewer.parsing.extracted import Extracted, ParagraphMap
from reviewer.parsing.frontmatter import MAX_FRONT_MATTER_BYTES, split_front_matter
from reviewer.parsing.language import detect_language
from reviewer.parsing.markdown import line_starts, parse_markdown
from reviewer.parsing.plaintext import parse_plaintext, reads_as_plain_text
from reviewer.parsing.safe_yaml import load_yaml
from reviewer.parsing.sentences import Span, split_sentences, word_spans
from reviewer.reading import read_source

if TYPE_CHECKING:
    from reviewer.checks.base import Rule

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_CLOSED_FRONT_MATTER = re.compile(r"---[ \t]*\n.*?^---[ \t]*$", re.DOTALL | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and what belongs to it up to the next heading of any level."""

    heading: Block
    blocks: tuple[Block, ...]
    end: int  # offset where the next heading (or the text) starts

    @property
    def title(self) -> str:
        return self.heading.text.strip()

    @property
    def level(self) -> int:
        return self.heading.level

    @property
    def has_text(self) -> bool:
        return any(block.kind not in ("html", "rule") for block in self.blocks)


@dataclass
class Document:
    source: str
    content: str
    body_start: int
    front_matter: dict[str, Any] | None
    brief: Brief | None
    language: str
    language_source: str  # "brief", "option" or "detected"
    format: str  # "markdown" or "text"
    blocks: list[Block]
    _line_starts: list[int] = field(repr=False, default_factory=list)
    # Word and HTML input: the content is Markdown extracted from the file (see
    # reviewer.parsing.extracted); ``origin`` names the file type, ``paragraphs`` maps content
    # offsets back to the Word document's paragraphs, ``notes`` go into the report.
    origin: str | None = None
    paragraphs: ParagraphMap | None = field(default=None, repr=False)
    notes: list[str] = field(default_factory=list)
    # Work several rules repeat on this draft, kept by the engine that does it (keyed by its
    # module name): it lives and dies with the draft, and a thread reviewing another draft
    # (``reviewer serve``) never sees it.
    memos: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    # --- derived views -------------------------------------------------------------------
    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.content.encode("utf-8")).hexdigest()

    @property
    def body(self) -> str:
        return self.content[self.body_start :]

    @cached_property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]

    @cached_property
    def prose_blocks(self) -> list[Block]:
        """Paragraphs, list items and quotes: the running text (no headings, code, HTML)."""
        return [b for b in self.blocks if b.is_prose]

    @cached_property
    def sections(self) -> list[Section]:
        result: list[Section] = []
        heading_positions = [i for i, b in enumerate(self.blocks) if b.kind == "heading"]
        for n, index in enumerate(heading_positions):
            following = (
                heading_positions[n + 1] if n + 1 < len(heading_positions) else len(self.blocks)
            )
            end = (
                self.blocks[following].start if following < len(self.blocks) else len(self.content)
            )
            result.append(
                Section(self.blocks[index], tuple(self.blocks[index + 1 : following]), end)
            )
        return result

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences of the running text; each stays inside one block."""
        spans: list[Span] = []
        for block in self.prose_blocks:
            spans.extend(split_sentences(self.content, block.start, block.end, self.language))
        return spans

    @cached_property
    def words(self) -> list[Span]:
        """Words of the body, headings included, HTML comments left out (the eval convention)."""
        spans: list[Span] = []
        cursor = self.body_start
        for comment in _HTML_COMMENT.finditer(self.content, self.body_start):
            spans.extend(word_spans(self.content, cursor, comment.start()))
            cursor = comment.end()
        spans.extend(word_spans(self.content, cursor, len(self.content)))
        return spans

    @property
    def word_count(self) -> int:
        return len(self.words)

    @property
    def title_heading(self) -> Block | None:
        first = self.headings[0] if self.headings else None
        return first if first is not None and first.level == 1 else None

    # --- positions and findings ---------------------------------------------------------
    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset."""
        if not self._line_starts:
            self._line_starts = line_starts(self.content)
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def locate(self, start: int | None, end: int | None) -> dict[str, int] | None:
        """Where a span of the content sits in the source Word document, if there is one."""
        if self.paragraphs is None or start is None or end is None:
            return None
        return self.paragraphs.locate(start, end)

    def finding(
        self,
        rule: Rule,
        *,
        message: str,
        category: str = "",
        start: int | None = None,
        end: int | None = None,
        suggestion: str | None = None,
        severity: Severity | None = None,
        **extra: Any,
    ) -> Finding:
        """Build a Finding of a registered ``rule`` with its quoted text and line/column.

        ``severity`` defaults to the rule's; a check passes another only where the rule's
        declaration says so (the critique caps the model's proposal). The pipeline then applies
        the configuration's ``[rules]`` overrides and replaces the provisional id with a stable
        one once all findings are known (see reviewer.finding_ids)."""
        text = ""
        line = column = None
        if start is not None and end is not None:
            if not 0 <= start <= end <= len(self.content):
                raise ValueError(f"span {start}:{end} outside the document")
            text = self.content[start:end]
            line, column = self.line_col(start)
        return Finding(
            id="",
            check=rule.check,
            rule=rule.id,
            severity=severity or rule.severity,
            message=message,
            category=category,
            text=text,
            start=start,
            end=end,
            line=line,
            column=column,
            suggestion=suggestion,
            **extra,
        )


def parse_document(
    content: str,
    source: str = "<text>",
    *,
    brief: Brief | None = None,
    language: str | None = None,
) -> Document:
    """Parse decoded text. A brief passed in wins over the front matter's brief keys."""
    front_matter, body_start = split_front_matter(content, source)
    if brief is None and front_matter and BRIEF_KEYS & front_matter.keys():
        brief = parse_brief(front_matter, source)
    elif brief is not None and front_matter:
        # ids and authors from the front matter still identify the document
        extras = {
            k: v
            for k, v in front_matter.items()
            if k not in BRIEF_KEYS and k not in brief.model_fields_set
        }
        try:
            extras = clean_extras(extras)
        except ValueError as exc:
            raise InputError(f"{source}: invalid brief: {exc}") from None
        if extras:
            brief = brief.model_copy(update=extras)
    is_text = source.lower().endswith(".txt")
    blocks = [] if is_text else parse_markdown(content, body_start)
    text_format = "markdown"
    if is_text:
        blocks, text_format = parse_plaintext(content, body_start), "text"
    elif not any(block.kind == "heading" for block in blocks):
        plain = parse_plaintext(content, body_start)
        if reads_as_plain_text(content, body_start, blocks, plain):
            blocks, text_format = plain, "text"
    if language:
        lang, lang_source = language, "option"
    elif brief is not None and brief.language:
        lang, lang_source = brief.language, "brief"
    else:
        lang, lang_source = detect_language(content[body_start:]), "detected"
    return Document(
        source=source,
        content=content,
        body_start=body_start,
        front_matter=front_matter,
        brief=brief,
        language=lang,
        language_source=lang_source,
        format=text_format,
        blocks=blocks,
    )


EXTRACTED_SUFFIXES = (".docx", ".html", ".htm", ".xhtml")
BRIEF_SIDECARS = (".brief.yaml", ".brief.yml")


def load_document(
    path: str,
    *,
    brief_path: str | None = None,
    brief: Brief | None = None,
    language: str | None = None,
) -> Document:
    """Read and parse a file (or '-' for stdin). A brief given as ``brief`` or read from
    ``brief_path`` wins over the file's own front matter (or, for Word documents and web pages,
    over their sidecar brief and properties; see ``load_extracted``). An old binary ``.doc`` is
    refused with a clear message."""
    suffix = Path(path).suffix.lower() if path != "-" else ""
    if suffix in EXTRACTED_SUFFIXES or suffix == ".doc":
        return load_extracted(path, brief_path=brief_path, brief=brief, language=language)
    source, content = read_source(path)
    if brief is None and brief_path:
        brief = load_brief(brief_path)
    return parse_document(content, source, brief=brief, language=language)


def load_extracted(
    path: str,
    *,
    brief_path: str | None = None,
    brief: Brief | None = None,
    language: str | None = None,
) -> Document:
    """A Word document or web page: its text as Markdown, the brief from ``brief_path``, else
    from a sidecar ``NAME.brief.yaml`` beside the file, else from the file itself (a Word
    document's title and keywords properties; a page's ``<h1>``/``<title>`` and meta keywords)."""
    extracted = read_extracted(path)
    if brief is None and brief_path:
        brief = load_brief(brief_path)
    if brief is None:
        sidecar = sidecar_brief(path)
        brief = load_brief(str(sidecar)) if sidecar else brief_from_extracted(extracted)
    return document_from_extracted(extracted, path, brief=brief, language=language)


def read_content(path: str) -> tuple[str, str]:
    """``(source, text)`` as reviewed: the decoded text, or for a Word document or web page the
    text extracted from it. The publishing gate hashes this, so a .docx can be approved."""
    if path != "-" and Path(path).suffix.lower() in (*EXTRACTED_SUFFIXES, ".doc"):
        return path, read_extracted(path).content
    return read_source(path)


def read_extracted(path: str) -> Extracted:
    """Run the reader for the file's type."""
    suffix = Path(path).suffix.lower()
    if suffix == ".docx" or suffix == ".doc":
        from reviewer.parsing.docx import read_docx

        return read_docx(path)
    from reviewer.parsing.html import read_html

    return read_html(path)


def extract_bytes(data: bytes, name: str) -> Extracted | None:
    """Readers for uploaded bytes (the web UI): an Extracted for .docx/.doc/.html, else None."""
    suffix = Path(name).suffix.lower()
    if suffix in (".docx", ".doc"):
        from reviewer.parsing.docx import extract_docx

        return extract_docx(data, name)
    if suffix in EXTRACTED_SUFFIXES:
        from reviewer.parsing.html import MAX_HTML_BYTES, extract_html

        if len(data) > MAX_HTML_BYTES:
            raise InputError(f"{name}: page is over {MAX_HTML_BYTES // 1024 // 1024} MiB; refused")
        return extract_html(data, name)
    return None


def document_from_extracted(
    extracted: Extracted, source: str, *, brief: Brief | None, language: str | None
) -> Document:
    doc = parse_document(extracted.content, source, brief=brief, language=language)
    doc.origin = extracted.origin
    doc.paragraphs = extracted.paragraphs if extracted.origin == "docx" else None
    doc.notes = list(extracted.notes)
    return doc


def sidecar_brief(path: str) -> Path | None:
    """``draft.brief.yaml`` (or ``.brief.yml``) beside ``draft.docx``, if it exists."""
    file = Path(path)
    for suffix in BRIEF_SIDECARS:
        candidate = file.with_name(file.stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def brief_from_extracted(extracted: Extracted) -> Brief | None:
    """The title and keywords the file states about itself, as a brief (None when neither)."""
    if not extracted.title and not extracted.keywords:
        return None
    return parse_brief(
        {"title": extracted.title, "keywords": extracted.keywords},
        f"{extracted.origin} properties",
    )


def load_brief(path: str) -> Brief:
    """A brief from a YAML file, or from the front matter of a Markdown file."""
    source, text = read_source(path)
    return brief_from_text(
        text, source, front_matter=Path(path).suffix.lower() in (".md", ".markdown", ".txt")
    )


def brief_from_text(text: str, source: str, *, front_matter: bool | None = None) -> Brief:
    """A brief from YAML text, or from a draft's front matter (``front_matter=None``: when the
    text opens with ``---``). The web UI parses pasted briefs with it."""
    import yaml

    if front_matter is None:
        text = text.lstrip()
        front_matter = _CLOSED_FRONT_MATTER.match(text) is not None
    if front_matter:
        data, _ = split_front_matter(text, source)
        if data is None:
            raise InputError(f"{source}: no front matter with a brief found")
    else:
        try:
            data = load_yaml(text, source, what="brief", max_bytes=MAX_FRONT_MATTER_BYTES)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f" line {mark.line + 1}" if mark is not None else ""
            raise InputError(
                f"{source}:{line}: brief is not valid YAML: {getattr(exc, 'problem', exc)}"
            ) from None
        if not isinstance(data, dict):
            raise InputError(f"{source}: a brief must be a mapping of keys to values")
    return parse_brief(data, source)
