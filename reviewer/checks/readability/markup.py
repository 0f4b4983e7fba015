"""The words a reader sees in a piece of Markdown: link text without the target, no code, no HTML.

Readability formulas count words and syllables; a URL or ``pip install`` in backticks would
distort both. markdown-it-py (already the block parser) does the inline parsing, so emphasis,
escapes, links, images, autolinks and inline HTML are handled the way a renderer handles them.
"""

from __future__ import annotations

import re
from functools import lru_cache

_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


@lru_cache(maxsize=4096)
def plain_text(markdown: str) -> str:
    """Visible running text of inline Markdown, whitespace collapsed.

    Dropped: inline code, images, inline HTML tags, autolinks (their text is a bare URL) and
    quote markers on continuation lines. Kept: link text, emphasised text, escaped characters.
    """
    if not markdown.strip():
        return ""
    parts: list[str] = []
    in_autolink = False
    for token in _parser().parseInline(markdown)[0].children or []:
        kind = token.type
        if kind == "link_open":
            in_autolink = token.markup == "autolink"
        elif kind == "link_close":
            in_autolink = False
        elif kind == "text" and not in_autolink:
            parts.append(token.content)
        elif kind in ("softbreak", "hardbreak", "code_inline", "image", "html_inline"):
            parts.append(" ")  # a break, or something a reader does not read as words
    text = "".join(parts)
    # continuation lines of a block quote keep their '>' marker inside the block's span
    text = re.sub(r"(^|\s)>+(?=\s)", " ", text)
    return _SPACE.sub(" ", text).strip()
