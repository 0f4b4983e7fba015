"""The block model shared by the Markdown and plain-text parsers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "quote", "code", "html", "table", "rule"]
PROSE_KINDS: frozenset[str] = frozenset({"paragraph", "list_item", "quote"})


@dataclass(frozen=True, slots=True)
class Block:
    """A top-level piece of the body; ``start``/``end`` are offsets into the full text."""

    kind: BlockKind
    start: int
    end: int
    text: str
    level: int = 0  # heading level (1-6); 0 for other blocks

    @property
    def is_prose(self) -> bool:
        return self.kind in PROSE_KINDS
