"""A draft pasted or uploaded in the browser: decode it, attach its brief, review it, remember it.

The copywriter sees the report at once and submits afterwards. The draft travels back with the
submit form (nothing is lost when the server restarts in between); the report made for the first
view is remembered by content, brief and document id, so submitting normally does not run the
checks (and the LLM) a second time. A forged or forgotten report is never trusted: submitting
without a remembered report reviews the text again.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import PurePath

import yaml

from reviewer.config import Config
from reviewer.document import Document, brief_from_text, parse_document
from reviewer.errors import InputError
from reviewer.models import Report
from reviewer.parsing.docx import MAX_DOCX_BYTES
from reviewer.parsing.language import require_language
from reviewer.reading import MAX_BYTES, decode, shown

PASTED = "pasted.md"
MAX_UPLOAD_BYTES = max(MAX_BYTES, MAX_DOCX_BYTES)  # Word files carry pictures; their text is small
MAX_ID = 200


@dataclass(frozen=True)
class Draft:
    """What the copywriter handed in, as text."""

    content: str
    source: str = PASTED
    brief_text: str = ""
    document_id: str = ""
    language: str | None = None

    @property
    def key(self) -> str:
        parts = (self.content, self.source, self.brief_text, self.document_id, self.language or "")
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def decode_upload(data: bytes, filename: str | None) -> tuple[str, str]:
    """(source name, text) of an uploaded file; the same rules as files on disk."""
    name = PurePath((filename or "").replace("\\", "/")).name or "upload.md"
    return name, decode(data, name)


def read_upload(data: bytes, filename: str | None) -> tuple[str, str, str]:
    """(source name, text, brief text) of an uploaded draft. A Word document or web page is
    read as on disk: its text as Markdown, and its own title and keywords as a YAML brief
    (used when the form brings no brief). The draft then travels as that text."""
    from reviewer.document import extract_bytes

    name = PurePath((filename or "").replace("\\", "/")).name or "upload.md"
    extracted = extract_bytes(data, name)
    if extracted is None:
        return name, decode(data, name), ""
    found = {"title": extracted.title, "keywords": extracted.keywords}
    found = {key: value for key, value in found.items() if value}
    brief = yaml.safe_dump(found, allow_unicode=True, sort_keys=False) if found else ""
    return name, extracted.content, brief


def make_draft(
    content: str,
    *,
    source: str = PASTED,
    brief_text: str = "",
    document_id: str = "",
    language: str | None = None,
) -> Draft:
    """A Draft from the form's (or the API's) fields, checked and with newlines normalised.

    JSON may carry lone surrogates (``"\\udcff"``), which no report, hash or database can hold:
    in the file name they become ``\\xNN`` (``shown``), in the texts U+FFFD."""
    content, brief_text, document_id = (_utf8(t) for t in (content, brief_text, document_id))
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    if not content.strip():
        raise InputError("paste a draft or choose a file: the draft is empty")
    if len(content.encode("utf-8")) > MAX_BYTES:
        raise InputError(f"the draft is over {MAX_BYTES // 1024 // 1024} MiB; refused")
    source = shown(PurePath(source.replace("\\", "/")).name) or PASTED
    brief_text = brief_text.replace("\r\n", "\n").strip()
    document_id = " ".join(document_id.split())
    if len(document_id) > MAX_ID:
        raise InputError(f"a document id may have at most {MAX_ID} characters")
    return Draft(content, source, brief_text, document_id, require_language(language, "language"))


def _utf8(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD (a no-op for ordinary text)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return text


def parse_draft(draft: Draft, *, require_id: bool = True) -> Document:
    """The Document, identified for the store: front-matter ``id``, else the id typed in, else
    (for uploads) the file name. A pasted draft without any id cannot be told apart from others,
    so it can be reviewed (``require_id=False``) but not submitted."""
    brief = brief_from_text(draft.brief_text, "brief") if draft.brief_text else None
    doc = parse_document(draft.content, draft.source, brief=brief, language=draft.language)
    if document_id_of(doc) is None:
        chosen = draft.document_id or (
            "" if draft.source == PASTED else PurePath(draft.source).stem
        )
        if chosen:
            # The id identifies the document in the store; the content (and its sha256) stays as typed.
            doc.front_matter = {**(doc.front_matter or {}), "id": chosen}
        elif require_id:
            raise InputError(
                "give the draft a document id (or an 'id' in its front matter), so its revisions can be told apart"
            )
    return doc


def document_id_of(doc: Document) -> str | None:
    """The id the draft names itself by (front matter or brief), if any."""
    value = (doc.front_matter or {}).get("id") or (doc.brief.id if doc.brief else None)
    return str(value).strip() or None if value is not None else None


class ReviewCache:
    """The last few reports made for the paste form, keyed by ``Draft.key`` (thread-safe LRU)."""

    def __init__(self, size: int = 32) -> None:
        self._size = size
        self._items: OrderedDict[str, Report] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Report | None:
        with self._lock:
            report = self._items.get(key)
            if report is not None:
                self._items.move_to_end(key)
            return report

    def put(self, key: str, report: Report) -> None:
        with self._lock:
            self._items[key] = report
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


def review_draft(doc: Document, config: Config) -> Report:
    """The same review as ``reviewer review``; the critique runs when ``[web] critique`` allows."""
    from reviewer.checks.base import ReviewOptions
    from reviewer.pipeline import review

    return review(doc, config, ReviewOptions(run_critique=config.web.critique))


def reviewed(
    draft: Draft, config: Config, cache: ReviewCache, *, require_id: bool = True
) -> tuple[Document, Report]:
    """Parse and review, or reuse the report made for exactly this draft a moment ago."""
    doc = parse_draft(draft, require_id=require_id)
    report = cache.get(draft.key)
    if report is None or report.content_sha256 != doc.sha256:
        report = review_draft(doc, config)
        cache.put(draft.key, report)
    return doc, report
