"""The publishing gate: was *this exact text* approved by a person? And if not, why not.

The hash is the one of ``Document.sha256`` — sha256 of the decoded text (newlines normalised, BOM
dropped) — so the gate agrees with what was reviewed even if an editor re-saves the file with CRLF
line ends, while a one-character change of the text fails it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from reviewer.document import read_content
from reviewer.errors import InputError
from reviewer.parsing.frontmatter import split_front_matter
from reviewer.store.errors import NotFoundError
from reviewer.store.identity import key_for_source
from reviewer.store.service import Store
from reviewer.store.states import label
from reviewer.store.views import RevisionView


@dataclass(frozen=True)
class GateResult:
    approved: bool
    reason: str
    revision: RevisionView | None = None


def content_sha256(text: str) -> str:
    """Same definition as ``Document.sha256`` (a test keeps the two in step)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_file(store: Store, path: str) -> GateResult:
    source, text = read_content(path)
    return check_text(store, source, text)


def check_text(store: Store, source: str, text: str) -> GateResult:
    digest = content_sha256(text)
    approved = store.check_approved(digest)
    if approved is not None:
        return GateResult(
            True,
            f"{source}: approved as revision {approved.id} ({approved.document_key}) "
            f"by {approved.decided_by}",
            approved,
        )
    same_content = store.revisions_with_content(digest)
    if same_content:
        latest = same_content[0]
        who = f" by {latest.decided_by}" if latest.decided_by else ""
        return GateResult(
            False,
            f"{source}: not approved: revision {latest.id} with this content is "
            f"{label(latest.status)}{who}",
            latest,
        )
    return GateResult(False, _never_submitted(store, source, text, digest))


def _never_submitted(store: Store, source: str, text: str, digest: str) -> str:
    """This content is unknown; say whether the document is known and what was approved."""
    try:
        front_matter, _ = split_front_matter(text, source)
        key = key_for_source(source, (front_matter or {}).get("id"), store.root)
    except InputError:
        return f"{source}: not approved: this content was never submitted"
    try:
        history = store.history(key)
    except NotFoundError:
        history = []
    if not history:
        return f"{source}: not approved: never submitted for review ({key})"
    approved = [h for h in history if h.status == "approved"]
    if approved:
        last = approved[-1]
        return (
            f"{source}: not approved: the text changed after revision {last.id} was approved "
            f"(sha256 {digest[:12]}… ≠ approved {last.content_sha256[:12]}…); submit it again"
        )
    latest = history[-1]
    return (
        f"{source}: not approved: this text was never submitted; the latest revision of {key} "
        f"({latest.id}) is {label(latest.status)}"
    )
