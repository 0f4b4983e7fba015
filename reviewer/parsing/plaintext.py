"""Blocks of plain text pasted from web pages and documents, where headings have no marks.

Such text puts each heading on a short line of its own without closing punctuation (the seed
article is one). A line is a heading when it is short, starts with a capital letter, does not end
like a sentence and does not look like a byline, date or list item.
"""

from __future__ import annotations

import re

from reviewer.parsing.blocks import Block

MAX_HEADING_WORDS = 12
MAX_TITLE_WORDS = 20
_SENTENCE_END = re.compile(r"[.!?:;,…\"“”'’)\]]\s*$")
_LIST_MARK = re.compile(r"^\s*(?:[-*•–]\s|\d+[.)]\s+[a-zäöü])")
_BYLINE = re.compile(r"[·|•]|\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\s*\d{1,2}\.\s*\d{2,4}\b")
_STARTS_CAPITAL = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?\s+)?[A-ZÄÖÜ]")


def looks_like_heading(line: str, *, first: bool) -> bool:
    stripped = line.strip()
    words = stripped.split()
    limit = MAX_TITLE_WORDS if first else MAX_HEADING_WORDS
    return (
        0 < len(words) <= limit
        and bool(_STARTS_CAPITAL.match(stripped))
        and not _SENTENCE_END.search(stripped)
        and not _LIST_MARK.match(stripped)
        and not _BYLINE.search(stripped)
    )


def parse_plaintext(text: str, body_start: int) -> list[Block]:
    """Each non-blank line is a block; runs of lines without a blank line between them that are
    not headings form one paragraph only when the lines are wrapped (do not end a sentence)."""
    blocks: list[Block] = []
    seen_first = False
    paragraph_start: int | None = None
    paragraph_end = 0

    def close_paragraph() -> None:
        nonlocal paragraph_start
        if paragraph_start is not None:
            blocks.append(
                Block(
                    "paragraph", paragraph_start, paragraph_end, text[paragraph_start:paragraph_end]
                )
            )
            paragraph_start = None

    for match in re.finditer(r"[^\n]*(?:\n|$)", text[body_start:]):
        if not match.group(0):
            break
        raw = match.group(0).rstrip("\n")
        line_start = body_start + match.start()
        stripped = raw.strip()
        if not stripped:
            close_paragraph()
            continue
        start = line_start + (len(raw) - len(raw.lstrip()))
        end = line_start + len(raw.rstrip())
        if looks_like_heading(raw, first=not seen_first):
            close_paragraph()
            blocks.append(
                Block("heading", start, end, text[start:end], level=1 if not seen_first else 2)
            )
        else:
            kind = "list_item" if _LIST_MARK.match(raw) else "paragraph"
            if kind == "list_item":
                close_paragraph()
                blocks.append(Block("list_item", start, end, text[start:end]))
            elif paragraph_start is not None and not _SENTENCE_END.search(
                text[paragraph_start:paragraph_end]
            ):
                paragraph_end = end  # a wrapped line continues the paragraph
            else:
                close_paragraph()
                paragraph_start, paragraph_end = start, end
        seen_first = True
    close_paragraph()
    return blocks


def has_markdown_headings(blocks: list[Block]) -> bool:
    return any(block.kind == "heading" for block in blocks)


def reads_as_plain_text(
    text: str, body_start: int, markdown: list[Block], plain: list[Block]
) -> bool:
    """Markdown without heading marks is read by the plain-text rules when those find headings
    and the text looks pasted: its lines follow each other without blank lines (Markdown would
    glue them into one paragraph), or it is nothing but paragraphs opening with a title line of
    its own — a draft copied from a chat or a document, where "Fazit" on its own line is the
    section the brief asks for. A letter that opens with "Liebe Kundinnen und Kunden," is not."""
    if has_markdown_headings(markdown) or not has_markdown_headings(plain):
        return False
    if _lines_follow_each_other(text[body_start:]):
        return True
    only_paragraphs = all(block.kind in ("paragraph", "list_item") for block in markdown)
    opens_with_title = plain[0].kind == "heading" and len(plain) > 1 and plain[1].kind != "heading"
    return only_paragraphs and opens_with_title


def _lines_follow_each_other(body: str) -> bool:
    lines = body.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 3:
        return False
    adjacent = sum(1 for i in filled if i + 1 < len(lines) and lines[i + 1].strip())
    return adjacent / len(filled) >= 0.5
