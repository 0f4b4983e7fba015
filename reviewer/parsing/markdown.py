"""Markdown blocks with exact offsets, from markdown-it-py's token line maps."""

from __future__ import annotations

from functools import lru_cache

from reviewer.parsing.blocks import Block


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def parse_markdown(text: str, body_start: int) -> list[Block]:
    """Blocks of ``text[body_start:]`` with offsets into ``text``."""
    body = text[body_start:]
    starts = [body_start + s for s in line_starts(body)]
    end_of_text = len(text)

    def span(first_line: int, last_line: int) -> tuple[int, int]:
        start = starts[first_line]
        end = starts[last_line] - 1 if last_line < len(starts) else end_of_text
        while end > start and text[end - 1] in " \t\n":
            end -= 1
        return start, end

    blocks: list[Block] = []
    tokens = _parser().parse(body)
    container: list[str] = []
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open", "blockquote_open", "table_open"):
            container.append(token.type)
            if token.type == "table_open" and token.map:
                start, end = span(*token.map)
                blocks.append(Block("table", start, end, text[start:end]))
            continue
        if token.type in (
            "bullet_list_close",
            "ordered_list_close",
            "blockquote_close",
            "table_close",
        ):
            container.pop()
            continue
        if "table_open" in container or not token.map:
            continue
        if token.type == "heading_open":
            inline = tokens[index + 1]
            first, last = token.map
            if token.markup in ("=", "-"):  # setext: leave out the underline
                last -= 1
            start, end = _inline_span(text, starts, first, last, inline.content)
            blocks.append(Block("heading", start, end, text[start:end], level=int(token.tag[1])))
        elif token.type == "paragraph_open":
            inline = tokens[index + 1]
            kind = "paragraph"
            if "blockquote_open" in container:
                kind = "quote"
            elif container and container[-1] in ("bullet_list_open", "ordered_list_open"):
                kind = "list_item"
            start, end = _inline_span(text, starts, token.map[0], token.map[1], inline.content)
            blocks.append(Block(kind, start, end, text[start:end]))
        elif token.type in ("fence", "code_block"):
            start, end = span(*token.map)
            blocks.append(Block("code", start, end, text[start:end]))
        elif token.type == "html_block":
            start, end = span(*token.map)
            blocks.append(Block("html", start, end, text[start:end]))
        elif token.type == "hr":
            start, end = span(*token.map)
            blocks.append(Block("rule", start, end, text[start:end]))
    return blocks


def _inline_span(
    text: str, starts: list[int], first: int, last: int, content: str
) -> tuple[int, int]:
    """Offsets of the inline content: skip markers ('## ', '- ', '> ') on the first line."""
    line_start = starts[first]
    region_end = starts[last] - 1 if last < len(starts) else len(text)
    first_content_line = content.split("\n", 1)[0].strip()
    located = text.find(first_content_line, line_start, region_end) if first_content_line else -1
    start = located if located != -1 else line_start
    end = region_end
    last_content_line = content.rsplit("\n", 1)[-1].strip()
    if last_content_line:
        tail = text.rfind(last_content_line, start, region_end)
        if tail != -1:
            end = tail + len(last_content_line)
    while end > start and text[end - 1] in " \t\n#":
        if text[end - 1] == "#" and not _closing_hashes(text, start, end):
            break
        end -= 1
    return start, end


def _closing_hashes(text: str, start: int, end: int) -> bool:
    """True when trailing '#' characters are an ATX closing sequence (preceded by a space)."""
    pos = end
    while pos > start and text[pos - 1] == "#":
        pos -= 1
    return pos > start and text[pos - 1] in " \t"
