"""Keyphrase counts of the keyword check against Yoast SEO's full-text test articles.

    REVIEWER_YOAST_DIR=/path/to/fullTextTests/testTexts python bench/keywords_yoast.py [--verbose]

Yoast's own test suite (``packages/yoastseo/spec/fullTextTests/testTexts/`` in the public
Yoast/wordpress-seo repository; ``spec/fullTextTests/testTexts/`` of the archived Yoast/YoastSEO.js
holds an older copy of the seven) holds published articles with their focus keyphrase, synonyms, SEO
title and the results Yoast expects, among them how often "the focus keyphrase was found". The
articles are third-party text: this bench only *reads* them from the folder named by
``REVIEWER_YOAST_DIR`` (with ``de/germanPaper1.html`` + ``de/germanPaper1.js`` and so on) and
prints a skip message when the variable is unset or the folder holds none. Nothing of them is
copied into the repository.

For each German and English article it prints Yoast's expected count, the check's count of the
focus keyphrase (the first brief keyword) and whether the two are within ±1; then how many of the
articles are. Yoast counts, per sentence of the body (headings included, the SEO title not), the
smallest number of matches among the keyphrase's content words when all of them occur in it.
"""

from __future__ import annotations

import html
import os
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

ENV = "REVIEWER_YOAST_DIR"
LANGUAGES = {"de": "de", "en": "en"}
_FIELD = re.compile(r'^\s*(keyword|synonyms|title|locale)\s*:\s*"((?:[^"\\]|\\.)*)"', re.MULTILINE)
_FOUND = re.compile(r"keyphrase was found (\d+) times?")


@dataclass
class Article:
    name: str
    language: str
    keyword: str
    synonyms: list[str]
    title: str
    expected: int | None
    markdown: str


class _ToMarkdown(HTMLParser):
    """Headings, paragraphs and list items of an article as Markdown (tags and images dropped)."""

    _BLOCKS = {"p", "li", "div", "blockquote", "td", "th", "dd", "dt", "figcaption", "br"}
    _SKIP = {"script", "style", "code"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._text: list[str] = []
        self._prefix = ""
        self._skipping = 0

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            self.blocks.append(self._prefix + text)
        self._text = []
        self._prefix = ""

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self._prefix = "#" * max(int(tag[1]), 2) + " "
        elif tag in self._BLOCKS:
            self._flush()
            if tag == "li":
                self._prefix = "- "

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(self._skipping - 1, 0)
        elif re.fullmatch(r"h[1-6]", tag) or tag in self._BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._text.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def to_markdown(text: str) -> str:
    parser = _ToMarkdown()
    parser.feed(text.replace('\\"', '"'))
    parser.close()
    return "\n\n".join(parser.blocks)


def load_articles(folder: Path) -> list[Article]:
    articles = []
    for script in sorted(folder.glob("*/*.js")):
        page = script.with_suffix(".html")
        if not page.exists():
            continue
        source = script.read_text(encoding="utf-8")
        fields = {
            key: html.unescape(value.replace('\\"', '"')) for key, value in _FIELD.findall(source)
        }
        language = LANGUAGES.get(fields.get("locale", "")[:2])
        if language is None or "keyword" not in fields:
            continue
        found = _FOUND.search(source)
        articles.append(
            Article(
                name=script.stem,
                language=language,
                keyword=fields["keyword"],
                synonyms=[s.strip() for s in fields.get("synonyms", "").split(",") if s.strip()],
                title=fields.get("title", ""),
                expected=int(found.group(1)) if found else None,
                markdown=to_markdown(page.read_text(encoding="utf-8")),
            )
        )
    return articles


def draft(article: Article, *, synonyms: bool) -> str:
    """The article as a draft with a brief: SEO title, language, the keyphrase (with synonyms
    when the brief model accepts them)."""
    import json

    keyword: object = article.keyword
    if synonyms and article.synonyms:
        keyword = {"phrase": article.keyword, "synonyms": article.synonyms}
    front = {"title": article.title, "language": article.language, "keywords": [keyword]}
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + article.markdown + "\n"


def review(article: Article) -> dict:
    """The keyword check's details for the focus keyphrase."""
    from reviewer.checks import run_check
    from reviewer.config import Config
    from reviewer.document import parse_document
    from reviewer.errors import InputError

    try:
        doc = parse_document(draft(article, synonyms=True), f"{article.name}.md")
    except InputError:  # a brief model without synonyms
        doc = parse_document(draft(article, synonyms=False), f"{article.name}.md")
    return run_check("keywords", doc, Config()).details["keywords"][0]


def main(args: list[str]) -> int:
    value = os.environ.get(ENV)
    folder = Path(value) if value else None
    if folder is None or not folder.is_dir():
        print(
            f"skipped: set {ENV} to a copy of Yoast's fullTextTests/testTexts folder "
            "(de/germanPaper1.js + .html, …); it is not part of this repository"
        )
        return 0
    articles = load_articles(folder)
    if not articles:
        print(f"skipped: no German or English article (NAME.js + NAME.html) under {folder}")
        return 0
    verbose = "--verbose" in args
    within = 0
    counted = 0
    print(f"{'article':16} {'lang':4} {'keyphrase':42} {'yoast':>5} {'ours':>5}  ±1")
    for article in articles:
        entry = review(article)
        ours = entry["occurrences"]
        if article.expected is None:
            mark = "n/a (Yoast's text gives no count)"
        else:
            counted += 1
            ok = abs(ours - article.expected) <= 1
            within += ok
            mark = "yes" if ok else "NO"
        expected = "-" if article.expected is None else str(article.expected)
        print(
            f"{article.name:16} {article.language:4} {article.keyword[:42]:42} {expected:>5} {ours:>5}  {mark}"
        )
        if verbose:
            shown = {k: v for k, v in entry.items() if k not in ("keyword",)}
            print(f"    {shown}")
    print(f"\nkeyphrase counts within ±1 of Yoast's: {within} of {counted}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
