"""The critique per section and per keyword, over real HTTP against the stub server.

The model rates each section's depth and each brief keyword's fit, quoting the draft; quotes are
verified like every other critique quote, and the local checks' own judgements (the substance
check per section, the keywords check's fit) are shown next to the model's. The verdict stays
with the rules: these findings are info.
"""

from __future__ import annotations

from reviewer.checks.base import ReviewOptions
from reviewer.document import parse_document
from reviewer.pipeline import review
from tests.conftest import DATA
from tests.critique_helpers import make_config, reply
from tests.openai_stub_server import answer

GENERIC = (DATA / "substance" / "en_01_generic.md").read_text(encoding="utf-8")
DRAFT = GENERIC.replace("language: en\n", 'language: en\nkeywords: ["CRM data", "blockchain"]\n')
SHALLOW = "It is essential to ensure that customer records are accurate and up to date."
TOOLS = "Modern tools can help companies to automate many data quality tasks."
INTRO = "In today's fast-paced business world, CRM data is more important than ever."


def _config(tmp_path, guideline_dir, stub):
    config = make_config(tmp_path, guideline_dir, stub=stub)
    config.checks.keywords = True
    return config


def _review(stub, tmp_path, guideline_dir, **answer_parts):
    stub.script(answer(reply(**answer_parts)))
    doc = parse_document(DRAFT, "draft.md")
    return doc, review(doc, _config(tmp_path, guideline_dir, stub), ReviewOptions())


def _section(heading: str, depth: str, quote: str, suggestion: str = "Add a figure.") -> dict:
    return {"heading": heading, "depth": depth, "quote": quote, "suggestion": suggestion}


def _keyword(keyword: str, fit: str, quote: str, reason: str = "Because.") -> dict:
    return {"keyword": keyword, "fit": fit, "quote": quote, "reason": reason}


def test_schema_asks_for_sections_and_keywords(stub, tmp_path, guideline_dir):
    _review(stub, tmp_path, guideline_dir)
    schema = stub.requests[0].body["response_format"]["json_schema"]["schema"]
    assert {"sections", "keywords"} <= set(schema["required"])
    system = stub.requests[0].message_text("system")
    assert "`sections`" in system and "`keywords`" in system


def test_section_depth_verified_and_shown_next_to_substance(stub, tmp_path, guideline_dir):
    doc, report = _review(
        stub,
        tmp_path,
        guideline_dir,
        sections=[
            _section("Why data quality matters", "too_shallow", SHALLOW, "Name the error rate."),
            _section("Establishing clear processes", "too_shallow", "A sentence nobody wrote."),
            _section("Using the right tools", "adequate", TOOLS, ""),
        ],
    )
    critique = report.checks["critique"]
    assert critique.dropped_quotes == 1
    assert [s["section"] for s in critique.sections] == [
        "Why data quality matters",
        "Using the right tools",
    ]
    thin = critique.sections[0]
    assert thin["depth"] == "too_shallow" and thin["suggestion"] == "Name the error rate."
    assert doc.content[thin["start"] : thin["end"]] == SHALLOW
    assert thin["substance"]["shallow"] is True  # the offline check agrees, side by side
    [finding] = [f for f in report.findings if f.rule == "critique.section_depth"]
    assert finding.severity == "info" and finding.text == SHALLOW
    assert finding.section == "Why data quality matters"


def test_section_follows_the_quote_not_the_models_heading(stub, tmp_path, guideline_dir):
    _, report = _review(
        stub, tmp_path, guideline_dir, sections=[_section("Data quality", "too_shallow", TOOLS)]
    )
    [entry] = report.checks["critique"].sections
    assert entry["section"] == "Using the right tools"


def test_keyword_fit_side_by_side_with_the_rule_based_fit(stub, tmp_path, guideline_dir):
    doc, report = _review(
        stub,
        tmp_path,
        guideline_dir,
        keywords=[
            _keyword("crm data", "fits", INTRO),
            _keyword("blockchain", "off-topic", TOOLS, "The text never mentions it."),
            _keyword("growth hacking", "weak", TOOLS),
        ],
    )
    critique = report.checks["critique"]
    fits = {entry["keyword"]: entry for entry in critique.keyword_fit}
    assert list(fits) == ["CRM data", "blockchain"]  # the brief's keywords, as written
    rule_based = {e["keyword"]: e["fit"]["verdict"] for e in report.checks["keywords"].keywords}
    for keyword, entry in fits.items():
        assert entry["fit"] == rule_based[keyword]
    assert fits["CRM data"]["model_fit"]["verdict"] == "fits"
    assert doc.content[fits["CRM data"]["model_fit"]["start"] :].startswith(INTRO)
    assert fits["blockchain"]["model_fit"]["reason"] == "The text never mentions it."
    assert critique.unknown_keywords == ["growth hacking"]
    [finding] = [f for f in report.findings if f.rule == "critique.keyword_fit"]
    assert finding.severity == "info" and finding.keyword == "blockchain"
    assert finding.text == TOOLS and "off-topic" in finding.message


def test_keyword_verdict_with_an_invented_quote_is_dropped(stub, tmp_path, guideline_dir):
    _, report = _review(
        stub,
        tmp_path,
        guideline_dir,
        keywords=[_keyword("blockchain", "off-topic", "Blockchain changes everything.")],
    )
    critique = report.checks["critique"]
    assert critique.dropped_quotes == 1
    assert all(entry["model_fit"] is None for entry in critique.keyword_fit)
    assert not [f for f in report.findings if f.rule == "critique.keyword_fit"]


def test_model_keyword_verdicts_do_not_move_the_verdict(stub, tmp_path, guideline_dir):
    verdicts = set()
    for n, fit in enumerate(("fits", "off-topic")):
        _, report = _review(
            stub,
            tmp_path / str(n),
            guideline_dir,
            keywords=[_keyword("CRM data", fit, INTRO), _keyword("blockchain", fit, TOOLS)],
        )
        verdicts.add(report.verdict)
    assert len(verdicts) == 1


def test_reply_without_sections_or_keywords_still_counts(stub, tmp_path, guideline_dir):
    _, report = _review(stub, tmp_path, guideline_dir)
    critique = report.checks["critique"]
    assert critique.status != "error"
    assert critique.sections == []
    assert [e["model_fit"] for e in critique.keyword_fit] == [None, None]
