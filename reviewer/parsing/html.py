"""Web pages and CMS exports (.html) in: the article only, never navigation, sidebars or footer.

trafilatura finds the main content (headings, paragraphs, lists, quotes, tables) and drops the
boilerplate around it; this module writes what it kept as Markdown (see
``reviewer.parsing.extracted``). The page's ``<h1>`` and ``<title>`` give the brief's title and
``<meta name="keywords">`` its keywords, used when no brief is given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reviewer.errors import InputError
from reviewer.parsing.extracted import Extracted, MarkdownWriter, Piece

MAX_HTML_BYTES = 10 * 1024 * 1024  # pages carry scripts and styles; the article is a fraction
_HEADING = re.compile(r"h([1-6])$")
_SPACE = re.compile(r"\s+")


def read_html(path: str | Path) -> Extracted:
    """Read a page from disk; see ``extract_html``."""
    from reviewer.reading import read_bytes

    name, data = read_bytes(str(path), MAX_HTML_BYTES)
    return extract_html(data, name)


def extract_html(data: bytes | str, name: str) -> Extracted:
    """The article of a page as Markdown, with its title and keywords from the page's head."""
    import trafilatura
    from lxml import html as lxml_html

    if not (data.strip() if isinstance(data, str) else data.strip()):
        raise InputError(f"{name}: file is empty")
    try:
        page = lxml_html.document_fromstring(data)
    except Exception as exc:  # noqa: BLE001 - lxml raises ParserError or ValueError on garbage
        raise InputError(f"{name}: not a readable HTML page ({exc})") from None
    result = trafilatura.bare_extraction(
        data,
        include_tables=True,
        include_comments=False,
        include_formatting=False,
        include_links=False,
        include_images=False,
        with_metadata=False,
        deduplicate=False,
        as_dict=False,
    )
    body = getattr(result, "body", None)
    title = _first_text(page, "//h1") or _first_text(page, "//title")
    writer = MarkdownWriter()
    counter = iter(range(1 << 62))
    if body is not None:
        elements = list(body)
        if not any(_level(e) == 1 for e in elements) and _first_text(page, "//h1"):
            # the headline sits outside the article container: it is published text all the same
            writer.heading(1, [Piece(_first_text(page, "//h1") or "", next(counter))])
        for element in elements:
            _write(element, writer, counter)
    content, paragraphs = writer.build()
    if not content.strip():
        raise InputError(f"{name}: no article text found in the page")
    keywords = [
        k.strip()
        for value in page.xpath(
            "//meta[translate(@name,'KEYWORDS','keywords')='keywords']/@content"
        )
        for k in re.split(r"[;,]", value)
        if k.strip()
    ]
    return Extracted(
        content=content, paragraphs=paragraphs, origin="html", title=title, keywords=keywords
    )


def _write(element: Any, writer: MarkdownWriter, counter: Iterator[int]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "head":
        writer.heading(_level(element) or 2, [_piece(element, counter)])
    elif tag == "p":
        writer.paragraph([_piece(element, counter)])
    elif tag == "list":
        for item in element.iterchildren("item"):
            writer.list_item([_piece(item, counter, skip=("list",))])
            for nested in item.iterchildren("list"):
                _write(nested, writer, counter)
    elif tag == "quote":
        writer.quote([_piece(element, counter)])
    elif tag == "table":
        writer.table(
            [
                [[_piece(cell, counter)] for cell in row.iterchildren("cell")]
                for row in element.iterchildren("row")
            ]
        )
    elif tag in ("code", "div", "section"):
        writer.paragraph([_piece(element, counter)])


def _piece(element: Any, counter: Iterator[int], *, skip: tuple[str, ...] = ()) -> Piece:
    return Piece(_SPACE.sub(" ", _text(element, skip)).strip(), next(counter))


def _text(element: Any, skip: tuple[str, ...]) -> str:
    """Visible text of an element; line breaks become spaces."""
    parts = [element.text or ""]
    for child in element:
        if child.tag in skip:
            parts.append(child.tail or "")
            continue
        parts.append(" " if child.tag == "lb" else _text(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def _level(element: Any) -> int:
    if element.tag != "head":
        return 0
    match = _HEADING.match(element.get("rend") or "")
    return int(match.group(1)) if match else 0


def _first_text(page: Any, xpath: str) -> str | None:
    for element in page.xpath(xpath):
        text = _SPACE.sub(" ", element.text_content()).strip()
        if text:
            return text
    return None
