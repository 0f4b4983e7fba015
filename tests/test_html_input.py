"""Web pages and CMS exports in: only the article is reviewed, never navigation or footer;
title and keywords come from the page's head when there is no brief."""

from __future__ import annotations

import pytest

from reviewer.document import load_document
from reviewer.errors import InputError

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Predictive maintenance | Example Sensors Ltd</title>
<meta name="Keywords" content="predictive maintenance; vibration sensors">
</head><body>
<header><nav><ul>
  <li><a href="/">Home</a></li><li><a href="/shop">Shop our catalogue</a></li>
  <li><a href="/careers">Careers at the company</a></li>
</ul></nav></header>
<aside><h3>Newsletter</h3><p>Subscribe for weekly offers and discount codes.</p></aside>
<main><article>
<h1>Predictive maintenance without the guesswork</h1>
<p>Most maintenance teams still plan inspections on paper. That costs time and hides the
patterns that announce a failure weeks before it happens.</p>
<h2>How it works</h2>
<p>Sensors on pumps and conveyors report vibration and temperature every minute. The software
compares each value with the machine's own history and warns the team early.</p>
<ul><li>Vibration and temperature sensors</li><li>A dashboard for the whole plant</li></ul>
<h2>What customers say</h2>
<p>Ask Oliver Hartwell from our pilot customer how the first month went.</p>
<p>1. Quartile results: the <b>downtime</b> fell by a third in the first quarter.</p>
</article></main>
<footer><p>Copyright Example Sensors Ltd. Imprint. Privacy policy. Write to
info@example.com or call the switchboard.</p></footer>
</body></html>
"""


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_only_the_article_is_read(page):
    doc = load_document(str(page))
    assert doc.origin == "html" and doc.format == "markdown"
    for boilerplate in ("Shop our catalogue", "Careers", "Subscribe", "Copyright", "info@"):
        assert boilerplate not in doc.content
    assert [(h.level, h.text) for h in doc.headings] == [
        (1, "Predictive maintenance without the guesswork"),
        (2, "How it works"),
        (2, "What customers say"),
    ]
    assert [b.text for b in doc.blocks if b.kind == "list_item"] == [
        "Vibration and temperature sensors",
        "A dashboard for the whole plant",
    ]
    # a paragraph that starts like a numbered list stays a paragraph, its text unchanged
    quartile = next(b for b in doc.blocks if "Quartile" in b.text)
    assert quartile.kind == "paragraph"
    assert "downtime fell by a third" in quartile.text


def test_title_and_keywords_from_the_page_head(page):
    brief = load_document(str(page)).brief
    assert brief.title == "Predictive maintenance without the guesswork"
    assert brief.keywords == ["predictive maintenance", "vibration sensors"]


def test_a_brief_file_wins_over_the_page_head(page, tmp_path):
    brief = tmp_path / "brief.yaml"
    brief.write_text("keywords: [downtime]\n", encoding="utf-8")
    assert load_document(str(page), brief_path=str(brief)).brief.keywords == ["downtime"]
    (tmp_path / "page.brief.yaml").write_text("keywords: [sensors]\n", encoding="utf-8")
    assert load_document(str(page)).brief.keywords == ["sensors"]


def test_a_headline_outside_the_article_is_still_the_title(tmp_path):
    path = tmp_path / "cms.html"
    path.write_text(
        "<html><head><title>Export</title></head><body><div class='hero'><h1>Fewer stops, "
        "more output</h1></div><div class='content'><p>"
        + " ".join(["Sensors report vibration every minute and warn the team early."] * 6)
        + "</p><p>"
        + " ".join(["The dashboard shows every pump of the plant at a glance."] * 6)
        + "</p></div></body></html>",
        encoding="utf-8",
    )
    doc = load_document(str(path))
    assert doc.title_heading is not None and doc.title_heading.text == "Fewer stops, more output"


def test_pages_without_article_text_are_refused(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    with pytest.raises(InputError, match="no article text"):
        load_document(str(empty))
    blank = tmp_path / "blank.html"
    blank.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        load_document(str(blank))
