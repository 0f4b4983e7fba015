"""The critique over real HTTP: the openai client (via LangChain) against the stub server."""

from __future__ import annotations

import asyncio
import json
import re
import time

import pytest

from reviewer.checks.base import ReviewOptions
from reviewer.checks.critique.engine import run as run_critique
from reviewer.checks.critique.engine import run_async as run_critique_async
from reviewer.config import Config
from reviewer.document import load_document
from reviewer.pipeline import PartialReview, build_report, review, run_model_checks_async
from tests.conftest import EVAL_DIR
from tests.critique_helpers import (
    DRAFT_DE,
    PII,
    claim,
    draft,
    make_config,
    pii_findings,
    reply,
    violation,
)
from tests.finding_helpers import make_finding
from tests.openai_stub_server import Recorded, Reply, answer, completion, error


def test_answer_becomes_verified_findings(stub, tmp_path, guideline_dir):
    doc = draft()
    stub.script(
        answer(
            reply(
                guidelines=[violation("tone", "It is the best solution on the market.", "warning")],
                claims=[claim("cuts unplanned downtime by 80% in every plant")],
                depth={
                    "rating": "too_shallow",
                    "severity": "error",
                    "explanation": "Thin.",
                    "suggestion": "Add a case.",
                },
            )
        )
    )
    out = run_critique(doc, make_config(tmp_path, guideline_dir, stub=stub), [], ReviewOptions())

    assert out.status is None  # derived from the findings by the pipeline
    by_rule = {f.rule: f for f in out.findings}
    assert set(by_rule) == {"critique.tone", "critique.claim", "critique.depth"}
    for finding in out.findings:
        if finding.start is not None:
            assert doc.content[finding.start : finding.end] == finding.text
    assert by_rule["critique.claim"].severity == "error"
    assert by_rule["critique.tone"].category == "tone"
    assert (
        by_rule["critique.depth"].severity == "warning"
    )  # capped: depth is never blocking by default
    assert by_rule["critique.depth"].start is None
    assert out.details["prompt_version"] == "critique-v2"
    assert out.details["dropped_quotes"] == 0
    assert out.details["model_calls"] == 1
    request = stub.requests[0]
    assert request.path == "/v1/chat/completions"
    assert request.body["model"] == "stub-model"
    assert request.body["response_format"]["type"] == "json_schema"
    assert request.draft == doc.body


def test_invented_quotes_are_dropped_and_counted(stub, tmp_path, guideline_dir):
    doc = draft()
    stub.script(
        answer(
            reply(
                guidelines=[
                    violation("tone", "We are simply the greatest vendor in Europe."),
                    violation("tone", "It is the best solution on the market."),
                ],
                claims=[claim("reduces costs by 50 percent"), claim("by 80% in every plant")],
            )
        )
    )
    out = run_critique(doc, make_config(tmp_path, guideline_dir, stub=stub), [], ReviewOptions())

    assert [f.text for f in out.findings] == [
        "It is the best solution on the market.",
        "by 80% in every plant",
    ]
    assert out.details["dropped_quotes"] == 2
    assert out.metrics["critique_dropped_quotes"] == 2
    assert {d["quote"] for d in out.details["dropped"]} == {
        "We are simply the greatest vendor in Europe.",
        "reduces costs by 50 percent",
    }
    assert "2 unverifiable quotes dropped" in out.summary


def test_malformed_json_is_asked_again_once(stub, tmp_path, guideline_dir):
    doc = draft()
    stub.script(
        answer('{"guidelines": [ {"guideline_id": "tone", '),  # cut off
        answer(reply(claims=[claim("It is the best solution on the market.")])),
    )
    out = run_critique(doc, make_config(tmp_path, guideline_dir, stub=stub), [], ReviewOptions())

    assert stub.calls == 2
    assert out.status is None
    assert [f.rule for f in out.findings] == ["critique.claim"]
    second = stub.requests[1]
    # the re-ask carries the broken reply and says what was wrong with it
    assert second.messages[-2]["role"] == "assistant"
    assert "could not be used: does not match the schema" in second.messages[-1]["content"]
    assert "guidelines.0.verdict" in second.messages[-1]["content"]


def test_malformed_twice_is_an_error_finding_not_a_pass(stub, tmp_path, guideline_dir):
    doc = draft()
    stub.script(answer("Looks great, approve!"), answer(json.dumps({"guidelines": "all fine"})))
    out = run_critique(doc, make_config(tmp_path, guideline_dir, stub=stub), [], ReviewOptions())

    assert stub.calls == 2
    assert out.status == "error"
    assert [f.rule for f in out.findings] == ["critique.error"]
    assert out.findings[0].severity == "warning"
    assert "malformed twice" in out.summary


def test_retry_after_is_honoured_on_429(stub, tmp_path, guideline_dir):
    doc = draft()
    stub.script(error(429, "slow down", **{"Retry-After": "1"}), answer(reply()))
    out = run_critique(
        doc, make_config(tmp_path, guideline_dir, stub=stub, retries=2), [], ReviewOptions()
    )

    assert out.status is None and stub.calls == 2
    waited = stub.requests[1].at - stub.requests[0].at
    # without the header the client's first backoff is at most 0.5 s
    assert waited >= 0.95


def test_429_until_retries_are_exhausted_is_an_error(stub, tmp_path, guideline_dir):
    doc = draft()
    stub.script(*[error(429, "quota", **{"Retry-After": "0"}) for _ in range(3)])
    out = run_critique(
        doc, make_config(tmp_path, guideline_dir, stub=stub, retries=1), [], ReviewOptions()
    )

    assert stub.calls == 2
    assert out.status == "error"
    assert "rate limited" in out.summary and "HTTP 429" in out.summary


def test_server_error_is_retried(stub, tmp_path, guideline_dir):
    doc = draft()
    stub.script(error(500, "boom"), answer(reply()))
    out = run_critique(
        doc, make_config(tmp_path, guideline_dir, stub=stub, retries=1), [], ReviewOptions()
    )
    assert stub.calls == 2
    assert out.status is None and out.findings == []


def test_server_error_after_retries_is_reported(stub, tmp_path, guideline_dir):
    doc = draft()
    stub.script(error(503, "down"), error(503, "down"))
    out = run_critique(
        doc, make_config(tmp_path, guideline_dir, stub=stub, retries=1), [], ReviewOptions()
    )
    assert stub.calls == 2
    assert out.status == "error"
    assert "HTTP 503" in out.summary
    assert out.findings[0].rule == "critique.error"


def test_slow_server_times_out(stub, tmp_path, guideline_dir):
    doc = draft()
    stub.script(Reply(body={}, delay=3.0))
    out = run_critique(
        doc, make_config(tmp_path, guideline_dir, stub=stub, timeout=0.3), [], ReviewOptions()
    )
    assert out.status == "error"
    assert "no answer from" in out.summary and "0.3 s" in out.summary
    assert stub.calls == 1


def test_unreachable_server_is_an_error(tmp_path, guideline_dir):
    from tests.openai_stub_server import StubServer

    server = StubServer().start()
    url = server.url
    server.stop()
    config = make_config(tmp_path, guideline_dir, model="m", base_url=url)
    out = run_critique(draft(), config, [], ReviewOptions())
    assert out.status == "error"
    assert "cannot connect" in out.summary


def test_cache_hit_makes_no_call_and_no_cache_bypasses_it(stub, tmp_path, guideline_dir):
    doc = draft()
    config = make_config(tmp_path, guideline_dir, stub=stub)
    first = run_critique(doc, config, [], ReviewOptions())
    assert stub.calls == 1 and first.details["cache"] == "miss"

    again = run_critique(draft(), config, [], ReviewOptions())
    assert stub.calls == 1
    assert again.details["cache"] == "hit" and again.details["model_calls"] == 0
    assert [(f.rule, f.start, f.end) for f in again.findings] == [
        (f.rule, f.start, f.end) for f in first.findings
    ]
    assert (tmp_path / "cache" / "critique.sqlite3").is_file()

    run_critique(draft(), config, [], ReviewOptions(use_cache=False))
    assert stub.calls == 2


def test_cache_key_covers_text_guidelines_and_model(stub, tmp_path, guideline_dir):
    config = make_config(tmp_path, guideline_dir, stub=stub)
    run_critique(draft(), config, [], ReviewOptions())
    run_critique(draft(DRAFT_DE), config, [], ReviewOptions())
    assert stub.calls == 2  # another text

    (guideline_dir / "tone.md").write_text(
        "---\nid: tone\ntitle: Address the reader\nseverity: warning\n---\n\nChanged body.\n",
        encoding="utf-8",
    )
    run_critique(draft(), config, [], ReviewOptions())
    assert stub.calls == 3  # another guideline text

    config.critique.model = "other-model"
    run_critique(draft(), config, [], ReviewOptions())
    assert stub.calls == 4  # another model


def test_pii_never_reaches_a_redacting_endpoint(stub, tmp_path, guideline_dir):
    doc = draft()
    findings = pii_findings(doc)  # first mention of the name only: the second must be caught too
    context = make_finding(
        doc,
        check="readability",
        rule="readability.long_sentence",
        severity="info",
        message="Long sentence mentioning Jana Albrecht.",
        start=doc.content.index("Jana Albrecht, head"),
        end=doc.content.index(" Ask Jana"),
    )

    def quote_the_placeholder(request: Recorded) -> Reply:
        line = next(line for line in request.draft.splitlines() if "<PERSON_1>, head" in line)
        sentence = line.split(" Ask ")[0]
        return answer(
            reply(
                guidelines=[
                    violation("tone", sentence, explanation="Remove <PERSON_1>'s contact data.")
                ]
            )
        )

    stub.script(quote_the_placeholder)
    config = make_config(tmp_path, guideline_dir, stub=stub, redact="always")
    out = run_critique(doc, config, [*findings, context], ReviewOptions())

    sent = stub.requests[0]
    decoded = json.dumps(sent.body, ensure_ascii=False)
    for value in PII:
        assert value not in sent.raw and value not in decoded
    assert "<PERSON_1>" in sent.draft and "<EMAIL_ADDRESS_1>" in sent.draft
    assert sent.draft.count("<PERSON_1>") == 2
    assert out.details["redacted"] == 3
    [finding] = out.findings
    assert finding.text.startswith("Jana Albrecht, head of maintenance")
    assert doc.content[finding.start : finding.end] == finding.text
    assert "Jana Albrecht" in finding.message  # restored for the reader of the report


def test_loopback_endpoint_gets_the_text_unredacted_by_default(stub, tmp_path, guideline_dir):
    doc = draft()
    run_critique(
        doc, make_config(tmp_path, guideline_dir, stub=stub), pii_findings(doc), ReviewOptions()
    )
    assert "Jana Albrecht" in stub.requests[0].draft


def test_redaction_without_pii_check_refuses_to_send(stub, tmp_path, guideline_dir):
    config = make_config(tmp_path, guideline_dir, stub=stub, redact="always")
    config.checks.pii = False
    out = run_critique(draft(), config, [], ReviewOptions())
    assert stub.calls == 0
    assert out.status == "error" and "pii check is disabled" in out.summary


def test_azure_deployment_url_and_key(stub, tmp_path, guideline_dir, monkeypatch):
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "azure-test-key")
    monkeypatch.setenv("OPENAI_API_VERSION", "2024-10-21")
    config = make_config(
        tmp_path,
        guideline_dir,
        provider="azure",
        model="gpt-4o",
        azure_endpoint=stub.root,
        azure_deployment="review",
    )
    out = run_critique(draft(), config, [], ReviewOptions())
    assert out.status is None, out.summary
    request = stub.requests[0]
    assert request.path == "/openai/deployments/review/chat/completions?api-version=2024-10-21"
    assert request.headers["api-key"] == "azure-test-key"


def test_async_calls_are_bounded_by_max_concurrency(tmp_path, guideline_dir):
    from tests.openai_stub_server import StubServer

    docs = [draft(DRAFT_DE.replace("Vorführung", f"Vorführung Nr. {n}")) for n in range(6)]
    with StubServer(latency=0.2) as server:
        config = make_config(tmp_path, guideline_dir, stub=server, max_concurrency=2)

        async def main():
            return await asyncio.gather(
                *(run_critique_async(d, config, [], ReviewOptions()) for d in docs)
            )

        outputs = asyncio.run(main())
        assert server.calls == 6
        assert server.max_in_flight == 2
        assert all(o.status is None for o in outputs)
        # a second event loop (a second batch) reuses nothing that belongs to the first one
        outputs = asyncio.run(main())
        assert server.calls == 6 and all(o.details["cache"] == "hit" for o in outputs)


def test_pipeline_async_path_merges_the_critique(stub, tmp_path, guideline_dir):
    doc = draft(DRAFT_DE)
    stub.script(answer(reply(claims=[claim("senkt ungeplante Stillstände garantiert um 80 %")])))
    config = make_config(tmp_path, guideline_dir, stub=stub)
    partial = asyncio.run(run_model_checks_async(doc, config, PartialReview(), ReviewOptions()))
    report = build_report(doc, partial)
    assert report.checks["critique"].status == "fail"
    assert report.checks["critique"].prompt_version == "critique-v2"
    assert report.checks["critique"].dropped_quotes == 0
    assert report.verdict == "blocked"
    assert report.metrics["critique_dropped_quotes"] == 0
    [finding] = report.findings
    assert finding.id.startswith("critique-")


@pytest.mark.parametrize("name", ["de_01_marketing-automation", "en_02_cloud-hosting-case-study"])
def test_full_review_sends_no_labelled_pii(stub, tmp_path, name):
    """Real pii check (presidio), real default guidelines, real HTTP: the labelled personal data
    of the dev set never reaches the server, and quotes with placeholders come back as originals."""
    expected = json.loads((EVAL_DIR / f"{name}.expect.json").read_text(encoding="utf-8"))
    doc = load_document(str(EVAL_DIR / f"{name}.md"))

    def quote_a_placeholder(request: Recorded) -> Reply:
        line = next(
            line for line in request.draft.splitlines() if re.search(r"<[A-Z_]+_\d+>", line)
        )
        return answer(reply(claims=[claim(line.strip().lstrip("-* ").strip())]))

    stub.script(quote_a_placeholder)
    config = Config()
    config.critique.model = "stub-model"
    config.critique.base_url = stub.url
    config.critique.redact = "always"
    config.critique.retries = 0
    config.critique.cache_dir = str(tmp_path / "cache")
    report = review(doc, config, ReviewOptions())

    assert stub.calls == 1
    sent = stub.requests[0]
    decoded = json.dumps(sent.body, ensure_ascii=False)
    for item in expected["pii"]:
        assert item["text"] not in decoded, item
    assert report.checks["critique"].redacted >= 1
    [finding] = [f for f in report.findings if f.check == "critique"]
    assert doc.content[finding.start : finding.end] == finding.text
    assert not re.search(r"<[A-Z_]+_\d+>", finding.text)


def test_a_broken_cache_file_does_not_break_the_review(stub, tmp_path, guideline_dir):
    cache = tmp_path / "broken-cache"
    cache.mkdir()
    (cache / "critique.sqlite3").write_bytes(b"this is not a database" * 100)
    config = make_config(tmp_path, guideline_dir, stub=stub, cache_dir=str(cache))
    first = run_critique(draft(), config, [], ReviewOptions())
    second = run_critique(draft(), config, [], ReviewOptions())
    assert first.status is None and second.status is None
    assert stub.calls == 2  # nothing could be cached, nothing failed


def _tool_call_reply(request: Recorded) -> Reply:
    """Answer as a tool call, like OpenAI does for function calling."""
    [tool] = request.body["tools"]
    body = completion("", finish_reason="tool_calls")
    body["choices"][0]["message"] = {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": "call_1",
                "type": "function",
                "function": {
                    "name": tool["function"]["name"],
                    "arguments": reply(claims=[claim("It is the best solution on the market.")]),
                },
            }
        ],
    }
    return Reply(body=body)


@pytest.mark.parametrize("method", ["json_mode", "function_calling"])
def test_other_structured_output_methods(stub, tmp_path, guideline_dir, method):
    if method == "function_calling":
        stub.script(_tool_call_reply)
    else:
        stub.script(
            answer(
                "```json\n"
                + reply(claims=[claim("It is the best solution on the market.")])
                + "\n```"
            )
        )
    config = make_config(tmp_path, guideline_dir, stub=stub, structured_output=method)
    out = run_critique(draft(), config, [], ReviewOptions())
    assert out.status is None, out.summary
    assert [f.text for f in out.findings] == ["It is the best solution on the market."]
    sent = stub.requests[0].body
    if method == "json_mode":
        assert sent["response_format"] == {"type": "json_object"}
    else:
        assert sent["tool_choice"]["function"]["name"] == sent["tools"][0]["function"]["name"]


def test_pipeline_async_path_keeps_the_review_deadline(stub, tmp_path, guideline_dir):
    """A batch draft whose time limit is used up does not start the critique: the same rule as
    a single review, recorded as an error result instead of a model call."""
    doc = draft(DRAFT_DE)
    config = make_config(tmp_path, guideline_dir, stub=stub)
    past = time.monotonic() - 1
    partial = asyncio.run(
        run_model_checks_async(doc, config, PartialReview(), ReviewOptions(), deadline=past)
    )
    result = build_report(doc, partial).checks["critique"]
    assert result.status == "error" and "time limit" in result.summary
    assert stub.calls == 0
