"""Hostile and unusual input (issue 21): bounded time and memory, clear one-line refusals.

Each test here is the regression test of one defect the probe found; timing figures live in
``bench/hostile.py``, not here.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from reviewer.brief import MAX_EXTRA_KEYS, parse_brief
from reviewer.document import brief_from_text, parse_document
from reviewer.errors import InputError
from reviewer.parsing.safe_yaml import load_yaml
from reviewer.web import create_app
from tests.hostile_helpers import billion_laughs, run_capped
from tests.web_helpers import BASE, web_config

# --- 1. YAML bombs in front matter and briefs --------------------------------------------------


def test_billion_laughs_front_matter_is_refused_in_one_line():
    bomb = billion_laughs()
    assert len(bomb) < 800
    with pytest.raises(
        InputError, match=r"draft\.md: front matter refused: its YAML aliases expand"
    ):
        parse_document(bomb, "draft.md")


def test_recursive_alias_is_refused():
    with pytest.raises(InputError, match="refers to the node that contains it"):
        load_yaml("a: &a [1, *a]\n", "brief.yaml", what="brief")


def test_ordinary_anchors_still_work():
    data = load_yaml("base: &b {min: 10}\nwords:\n  <<: *b\n  max: 20\n", "brief.yaml")
    assert data["words"] == {"min": 10, "max": 20}


def test_brief_file_size_is_limited():
    big = "title: x\nnotes: " + "y" * (70 * 1024) + "\n"
    with pytest.raises(InputError, match="brief is larger than 64 KiB"):
        brief_from_text(big, "brief.yaml", front_matter=False)


def test_extra_brief_keys_are_kept_flat_and_clipped():
    brief = parse_brief(
        {"title": "T", "status": "draft", "tags": ["a", "b"], "nested": {"deep": [1, [2]]},
         "long": "z" * 10_000},
        "brief.yaml",
    )  # fmt: skip
    dumped = brief.model_dump(exclude_none=True)
    assert dumped["status"] == "draft" and dumped["tags"] == ["a", "b"]
    assert "nested" not in dumped
    assert len(dumped["long"]) < 10_000


def test_too_many_extra_brief_keys_are_refused():
    data = {f"k{i}": i for i in range(MAX_EXTRA_KEYS + 1)}
    with pytest.raises(InputError, match="at most"):
        parse_brief({"title": "T", **data}, "brief.yaml")


def test_cli_refuses_the_bomb_within_bounds(tmp_path):
    draft = tmp_path / "bomb.md"
    draft.write_text(billion_laughs(), encoding="utf-8")
    result = run_capped("review", str(draft), "--no-critique", "--format", "json")
    assert result.returncode == 2, result.stderr[-2000:]
    assert b"aliases expand" in result.stderr
    assert b"Traceback" not in result.stderr


def test_batch_reports_the_bomb_and_goes_on(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "a_bomb.md").write_text(billion_laughs(), encoding="utf-8")
    (folder / "b_fine.md").write_text("# Fine\n\nA short and harmless draft.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_capped("batch", str(folder), "--out", str(out), "--no-critique", "--jobs", "1")
    assert b"Traceback" not in result.stderr, result.stderr[-2000:]
    text = (out / "summary.jsonl").read_text(encoding="utf-8")
    assert "b_fine.md" in text and "aliases expand" in text


def test_api_refuses_the_bomb(tmp_path):
    with TestClient(create_app(web_config(tmp_path)), base_url=BASE) as client:
        response = client.post("/api/review", json={"content": billion_laughs()})
        assert response.status_code in (400, 422), response.text[:500]
        assert "aliases expand" in response.text
        brief_bomb = billion_laughs().split("---\n")[1]
        response = client.post(
            "/api/review", json={"content": "# T\n\nText.\n", "brief": brief_bomb}
        )
        assert response.status_code in (400, 422), response.text[:500]
        assert "aliases expand" in response.text


# --- 2. catastrophic regular expressions in guidelines -----------------------------------------

REDOS_GUIDELINE = """\
---
id: slow
title: A guideline with a catastrophic pattern
languages: [en]
rules:
  - id: backtracks
    type: pattern
    patterns: {en: ["(a|aa)+$"]}
    message: "never matches in time"
  - id: fine
    type: pattern
    patterns: {en: ["\\\\bsynergy\\\\b"]}
    message: "say what you mean"
---
"""

REDOS_DRAFT = "# Title\n\nWe love synergy.\n\n" + "a" * 40 + "!\n\n" + "word " * 30 + "!\n"


def _redos_config(tmp_path):
    from reviewer.checks import CHECK_NAMES
    from reviewer.config import Config

    folder = tmp_path / "guidelines"
    folder.mkdir()
    (folder / "slow.md").write_text(REDOS_GUIDELINE, encoding="utf-8")
    config = Config()
    for name in CHECK_NAMES:
        setattr(config.checks, name, name == "guidelines")
    config.guidelines.paths = [str(folder)]
    config.guidelines.replace_defaults = True
    config.guidelines.rule_time_budget = 0.05
    return config


def test_catastrophic_pattern_is_stopped_and_named(tmp_path, parse):
    from reviewer.pipeline import review

    report = review(parse(REDOS_DRAFT, language="en"), _redos_config(tmp_path))
    result = report.checks["guidelines"]
    assert result.status == "error"
    assert "slow.backtracks" in result.summary
    # the other rule of the same guideline still ran
    assert [f.rule for f in report.findings] == ["slow.fine"]


@pytest.mark.parametrize("pattern", ["(a+)+$", "(\\\\w+\\\\s?)*$", "(?:x*y?)+z"])
def test_nested_repetition_is_refused_when_the_guideline_loads(tmp_path, pattern):
    from reviewer.checks.guidelines.pack import parse_guideline
    from reviewer.errors import ConfigError

    text = REDOS_GUIDELINE.replace('"(a|aa)+$"', f'"{pattern}"')
    path = tmp_path / "slow.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"slow\.md: line \d+: .*repeats a repetition"):
        parse_guideline(path)


def test_default_guidelines_have_no_nested_repetition():
    from reviewer.checks.guidelines.pack import load_guidelines
    from reviewer.config import Config

    assert load_guidelines(Config())  # every default pattern passed the load-time check


def test_review_time_limit_stops_checks_not_started(tmp_path, parse):
    from reviewer.pipeline import run_checks

    config = _redos_config(tmp_path)
    partial = run_checks(parse(REDOS_DRAFT, language="en"), config, deadline=0.0)
    result = partial.checks["guidelines"]
    assert result.status == "error" and "time limit" in result.summary


# --- 5. file names that are not UTF-8 ----------------------------------------------------------

BAD_NAME = b"bad\xffname.md"


def _bad_name_folder(tmp_path):
    import os

    folder = tmp_path / "drafts"
    folder.mkdir()
    for index in range(4):
        (folder / f"a{index}.md").write_text(f"# Draft {index}\n\nSome text.\n", encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), BAD_NAME), "wb") as handle:
        handle.write(b"# Odd name\n\nA draft whose file name is not UTF-8.\n")
    for index in range(5):
        (folder / f"z{index}.md").write_text(f"# Late {index}\n\nMore text.\n", encoding="utf-8")
    return folder


def test_shown_escapes_undecodable_bytes():
    from reviewer.reading import shown

    assert shown(BAD_NAME.decode("utf-8", "surrogateescape")) == "bad\\xffname.md"
    assert shown("Straße.md") == "Straße.md"


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "md", "html"])
def test_review_of_a_bad_file_name_renders(tmp_path, fmt):
    import os

    folder = _bad_name_folder(tmp_path)
    name = os.fsdecode(os.path.join(os.fsencode(folder), BAD_NAME))
    result = run_capped("review", name, "--no-critique", "--format", fmt)
    assert b"Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode in (0, 1)
    assert "xffname.md" in result.stdout.decode("utf-8")  # \xff, escaped as each format wants


def test_batch_with_a_bad_file_name_reviews_every_file(tmp_path):
    folder = _bad_name_folder(tmp_path)
    out = tmp_path / "out"
    args = ("batch", str(folder), "--out", str(out), "--no-critique", "-j", "1")
    result = run_capped(*args, "-f", "json,html,md,sarif,junit")
    assert b"Traceback" not in result.stderr, result.stderr[-2000:]
    lines = (out / "summary.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 10
    for name in ("index.html", "summary.md", "results.sarif", "junit.xml"):
        assert "bad" in (out / name).read_text(encoding="utf-8"), name
    assert (out / "files" / "bad\\xffname.md.json").is_file()
    # a second run finds every file in the resume manifest, the odd one included
    again = run_capped(*args)
    assert again.returncode in (0, 1), again.stderr[-2000:]
    assert b"10 unchanged" in again.stdout, again.stdout[-800:]


# --- 7. ids out of range -----------------------------------------------------------------------

HUGE_IDS = [0, -1, 2**63, 10**20]


def test_store_says_not_found_for_any_out_of_range_id(store):
    from reviewer.store.errors import NotFoundError

    for huge in HUGE_IDS:
        with pytest.raises(NotFoundError):
            store.get(huge)
        with pytest.raises(NotFoundError):
            store.history(huge)
        with pytest.raises(NotFoundError):
            store.audit(huge)


def test_cli_show_huge_id_exits_2(tmp_path):
    from tests.store_helpers import run_cli

    db = f"sqlite:///{tmp_path / 'reviews.db'}"
    for huge in ("99999999999999999999", "9223372036854775808"):
        result = run_cli("show", huge, "--db", db, cwd=tmp_path)
        assert result.returncode == 2, result.stderr[-2000:]
        assert "no revision" in result.stderr and "Traceback" not in result.stderr


def test_api_huge_id_is_404_json(tmp_path):
    with TestClient(create_app(web_config(tmp_path)), base_url=BASE) as client:
        for path in ("/api/revisions/{}", "/api/revisions/{}/history", "/api/audit?revision_id={}"):
            for huge in (2**63, 10**20, 0):
                response = client.get(path.format(huge), headers={"X-Reviewer-User": "Eva"})
                assert response.status_code == 404, (path, huge, response.text[:300])
                assert response.headers["content-type"].startswith("application/json")
                assert "no revision" in response.json()["detail"]


# --- 3. long lines -----------------------------------------------------------------------------


def test_long_line_is_split_in_bounded_windows(monkeypatch):
    from reviewer.parsing import sentences

    seen: list[int] = []
    real = sentences._segmenter("de")

    class Recording:
        def segment(self, text):
            seen.append(len(text))
            return real.segment(text)

    monkeypatch.setattr(sentences, "_segmenter", lambda language: Recording())
    sentence = "Das ist z. B. ein Satz von Dr. Müller mit 3.5 Prozent. "
    line = sentence * 5000  # about 280 KB on one line
    spans = sentences.split_sentences(line, 0, len(line), "de")
    assert max(seen) <= sentences.MAX_WINDOW
    assert len(spans) == 5000  # no sentence is lost or cut at a window's end
    assert {span.text for span in spans} == {sentence.strip()}
    assert all(line[span.start : span.end] == span.text for span in spans)


def test_endless_word_is_cut_hard_and_covered():
    from reviewer.parsing.sentences import MAX_WINDOW, split_sentences

    text = "x" * (MAX_WINDOW * 3 + 17)
    spans = split_sentences(text, 0, len(text), "en")
    assert spans[0].start == 0 and spans[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(spans, spans[1:], strict=False))
    assert all(span.end - span.start <= MAX_WINDOW for span in spans)


# --- 6. a killed batch takes its workers with it -----------------------------------------------


def test_killed_batch_leaves_no_workers(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    import psutil

    from tests.hostile_helpers import cap_memory

    folder = tmp_path / "drafts"
    folder.mkdir()
    for index in range(40):
        (folder / f"d{index:02}.md").write_text(
            f"# Draft {index}\n\n" + "A sentence about data privacy and trust. " * 40 + "\n",
            encoding="utf-8",
        )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REVIEWER_", "OPENAI_"))}
    batch = subprocess.Popen(
        [sys.executable, "-m", "reviewer", "batch", str(folder), "--out", str(tmp_path / "out"),
         "--no-critique", "-j", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, preexec_fn=cap_memory,
    )  # fmt: skip
    workers: list[psutil.Process] = []
    try:
        parent = psutil.Process(batch.pid)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(workers) < 2:
            time.sleep(0.5)
            workers = [p for p in parent.children(recursive=True) if "python" in p.name().lower()]
        assert len(workers) >= 2, "the batch never started its workers"
        os.kill(batch.pid, signal.SIGKILL)
        batch.wait(timeout=30)
        gone, alive = psutil.wait_procs(workers, timeout=20)
        assert not alive, f"workers outlived the killed batch: {[p.pid for p in alive]}"
    finally:
        if batch.poll() is None:
            batch.kill()
        for worker in workers:
            if worker.is_running():
                worker.kill()


# --- also: symbolic links in a batch ------------------------------------------------------------


def test_batch_does_not_follow_links_out_and_says_what_it_skipped(tmp_path):
    outside = tmp_path / "secret.md"
    outside.write_text("# Secret\n\nroot:x:0:0:do-not-copy-me\n", encoding="utf-8")
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "real.md").write_text("# Real\n\nA real draft with some text.\n", encoding="utf-8")
    (folder / "inside.md").symlink_to(folder / "real.md")  # inside: the same file, reviewed once
    (folder / "passwd.md").symlink_to(outside)
    (folder / "loop.md").symlink_to(folder / "loop.md")
    (folder / "gone.md").symlink_to(folder / "missing.md")
    out = tmp_path / "out"
    result = run_capped("batch", str(folder), "--out", str(out), "--no-critique", "-j", "1")
    assert b"Traceback" not in result.stderr, result.stderr[-2000:]
    everything = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file())
    assert "do-not-copy-me" not in everything
    summary = (out / "summary.jsonl").read_text(encoding="utf-8")
    assert "passwd.md: skipped: symbolic link to" in summary and "outside" in summary
    assert "loop.md: skipped: symbolic link that refers to itself" in summary
    assert "gone.md: skipped: symbolic link to a file that does not exist" in summary
    reviewed = [line for line in summary.splitlines() if '"status": "reviewed"' in line]
    assert len(reviewed) == 1  # real.md and the link to it inside the folder: one file


# --- also: the web form takes drafts up to the documented 5 MiB --------------------------------


def test_web_form_takes_a_two_mib_draft(tmp_path):
    from tests.web_helpers import sign_in

    paragraph = "Plain words for a long draft that people paste into the form. " * 20 + "\n\n"
    big = "# Long\n\n" + paragraph * (2 * 1024 * 1024 // len(paragraph))
    with TestClient(create_app(web_config(tmp_path)), base_url=BASE) as client:
        csrf = sign_in(client)
        response = client.post("/new", data={"content": big, "csrf_token": csrf})
        assert response.status_code == 200, response.text[:300]
        assert "Long" in response.text


# --- also: an endpoint that never answers holds a review about a minute, not four --------------


def test_default_llm_timeout_bounds_a_review_to_about_a_minute():
    from reviewer.checks.critique.settings import CritiqueSettings

    settings = CritiqueSettings()
    assert settings.timeout * (1 + settings.retries) <= 60


# --- also: the queue and the API page with a cursor --------------------------------------------


def test_api_revisions_pages_with_a_cursor(tmp_path):
    headers = {"X-Reviewer-User": "Eva"}
    with TestClient(create_app(web_config(tmp_path)), base_url=BASE) as client:
        ids = []
        for n in range(5):
            content = f"---\nid: page-{n}\n---\n# Draft {n}\n\nSome text.\n"
            response = client.post("/api/submissions", json={"content": content}, headers=headers)
            assert response.status_code == 201, response.text
            ids.append(response.json()["id"])
        seen: list[int] = []
        url = "/api/revisions?limit=2"
        while url:
            response = client.get(url, headers=headers)
            assert response.status_code == 200
            page = [row["id"] for row in response.json()]
            assert len(page) <= 2
            seen += page
            cursor = response.headers.get("X-Next-Cursor")
            assert (cursor is not None) == (len(seen) < len(ids))
            url = f"/api/revisions?limit=2&after={cursor}" if cursor else ""
            if cursor:
                assert f"after={cursor}" in response.headers["Link"]
        assert seen == ids
        assert client.get("/api/revisions?limit=1001", headers=headers).status_code == 422


def test_store_queue_after_cursor(store):
    from reviewer.document import parse_document
    from reviewer.pipeline import PartialReview, build_report

    ids = []
    for n in range(4):
        doc = parse_document(f"---\nid: cur-{n}\n---\n# D{n}\n\nText.\n", f"d{n}.md")
        ids.append(store.submit(doc, build_report(doc, PartialReview()), by="Eva").id)
    assert [r.id for r in store.queue(limit=2)] == ids[:2]
    assert [r.id for r in store.queue(after=ids[1], limit=2)] == ids[2:]
    assert store.queue(after=ids[3]) == []


# --- 3 (PII part of long texts): overlap resolution and mention search stay exact, now linear --


def _naive_resolve(detections):
    from reviewer.checks.pii.detect import _RANK

    ordered = sorted(
        detections, key=lambda d: (-_RANK.get(d.entity, 1), -(d.end - d.start), -d.score, d.start)
    )
    chosen = []
    for det in ordered:
        if all(det.end <= c.start or det.start >= c.end for c in chosen):
            chosen.append(det)
    return sorted(chosen, key=lambda d: (d.start, d.end))


def test_resolve_overlaps_matches_the_pairwise_rule():
    import random

    from reviewer.checks.pii.detect import resolve_overlaps
    from reviewer.checks.pii.precision import Detection

    rng = random.Random(21)
    for _ in range(200):
        detections = []
        for _ in range(rng.randint(0, 30)):
            start = rng.randint(0, 200)
            end = start + rng.randint(1, 25)
            entity = rng.choice(["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "LOCATION"])
            detections.append(Detection(start, end, entity, rng.choice([0.5, 0.7, 0.9]), "x"))
        assert resolve_overlaps(detections) == _naive_resolve(detections)


def test_a_name_mentioned_thousands_of_times_is_found_each_time():
    from reviewer.checks.pii.precision import Detection, other_mentions

    sentence = "Heute sprach Jana Albrecht mit dem Team, und Albrecht blieb lange. "
    text = sentence * 3000
    first = text.index("Jana Albrecht")
    person = Detection(first, first + len("Jana Albrecht"), "PERSON", 0.9, "Jana Albrecht")
    found = other_mentions(text, [person], 0.5)
    assert len([d for d in found if d.text == "Jana Albrecht"]) == 2999
    assert len([d for d in found if d.text == "Albrecht"]) == 3000


def test_api_takes_lone_surrogates_without_a_500(tmp_path):
    """JSON can spell text no report can hold ("\\udcff"): a clear 422, or a printable name."""
    json_type = {"content-type": "application/json"}
    with TestClient(create_app(web_config(tmp_path)), base_url=BASE) as client:
        body = '{"content": "# T\\n\\nText \\ud800 here.\\n"}'
        response = client.post("/api/review", content=body, headers=json_type)
        assert response.status_code == 422
        assert (
            "content" in response.json()["detail"] and "input" not in response.json()["errors"][0]
        )
        body = '{"content": "# T\\n\\nText here.\\n", "source": "bad\\udcffname.md"}'
        response = client.post("/api/review", content=body, headers=json_type)
        assert response.status_code == 200
        assert response.json()["source"] == "bad\\xffname.md"
