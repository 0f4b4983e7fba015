"""What makes two submissions the same document, and what a revision says about itself."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from reviewer.document import Document
from reviewer.errors import InputError


def document_key(doc: Document, root: Path) -> str:
    """``id:<front-matter id>`` when the draft has one, else ``path:<path relative to root>``.

    An id survives renames and moves; a path is the fallback that needs no discipline."""
    return key_for_source(doc.source, _front(doc, "id"), root)


def key_for_source(source: str, doc_id: Any, root: Path) -> str:
    """The key from a source path and an optional id (used where no Document was parsed)."""
    if doc_id is not None and str(doc_id).strip():
        return f"id:{str(doc_id).strip()}"
    if source.startswith("<"):
        raise InputError(
            f"{source}: a draft read from stdin needs an 'id' in its front matter to be submitted"
        )
    path = Path(source).expanduser()
    absolute = _normal(path if path.is_absolute() else Path.cwd() / path)
    try:
        return f"path:{absolute.relative_to(_normal(root.resolve())).as_posix()}"
    except ValueError:
        return f"path:{absolute.as_posix()}"


def author_of(doc: Document) -> str | None:
    author = _front(doc, "author")
    if author is None:
        return None
    return str(author).strip() or None


def title_of(doc: Document) -> str | None:
    if doc.brief is not None and doc.brief.title:
        return doc.brief.title
    heading = doc.title_heading
    return heading.text.strip() if heading is not None else None


def _normal(path: Path) -> Path:
    """Collapse ``..`` and ``.`` without resolving symlinks: the path people see is the key."""
    return Path(posixpath.normpath(path.as_posix()))


def _front(doc: Document, key: str) -> Any:
    if doc.front_matter and doc.front_matter.get(key) is not None:
        return doc.front_matter[key]
    return getattr(doc.brief, key, None) if doc.brief is not None else None
