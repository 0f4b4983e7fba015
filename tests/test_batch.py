"""`reviewer batch`: folders in, every report out; bad files skipped; unchanged files reused."""

from __future__ import annotations

import json
import os
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reviewer.batch import BatchOptions, run_batch
from reviewer.batch import runner as batch_runner
from reviewer.batch.discovery import discover, matches
from reviewer.batch.outputs import FORMATS, parse_formats
from reviewer.checks.base import ReviewOptions
from reviewer.config import Config, config_from_dict
from reviewer.document import load_document
from reviewer.errors import InputError
from reviewer.pipeline import review
from reviewer.render.json import render_json
from tests.batch_helpers import (
    BAD_FILES,
    LIGHT_CONFIG,
    OWN_DRAFTS,
    MarkReader,
    batch_command,
    light_config,
    validate_sarif,
    write_drafts,
)

NO_CRITIQUE = ReviewOptions(run_critique=False)


def _options(*paths: str, **kwargs) -> BatchOptions:
    kwargs.setdefault("out_dir", Path("out"))
    kwargs.setdefault("review", NO_CRITIQUE)
    return BatchOptions(paths=list(paths), **kwargs)


def _light() -> Config:
    return config_from_dict(tomllib.loads(LIGHT_CONFIG))


@pytest.fixture
def counted(monkeypatch):
    """Counts the files handed to the checks (in-process worker, --jobs 1)."""
    seen: list[str] = []
    original = batch_runner.review_file

    def counting(source: str, path: Path):
        seen.append(source)
        return original(source, path)

    monkeypatch.setattr(batch_runner, "review_file", counting)
    return seen


def test_folder_batch_reviews_drafts_skips_bad_files_and_writes_every_report(
    tmp_path, monkeypatch, config
):
    monkeypatch.chdir(tmp_path)
    write_drafts(tmp_path / "drafts", eval_cases=3, bad=True)
    result = run_batch(config, _options("drafts", formats=frozenset(FORMATS)))

    by_source = {e.source: e for e in result.entries}
    good = [f"drafts/{name}" for name in OWN_DRAFTS] + [
        f"drafts/eval/{p.name}" for p in sorted((tmp_path / "drafts/eval").iterdir())
    ]
    assert set(by_source) == set(good) | {f"drafts/{name}" for name in BAD_FILES}
    reasons = {"empty": "empty", "binary": "binary", "bad_yaml": "YAML", "invalid_utf8": "UTF-8"}
    for name, reason in reasons.items():
        entry = by_source[f"drafts/bad/{name}.md"]
        assert entry.status == "error" and reason in entry.error and f"bad/{name}.md" in entry.error
    assert result.exit_code == 2

    # each per-file JSON report is exactly what `reviewer review --format json` prints
    for source in good:
        entry = by_source[source]
        assert entry.status == "reviewed"
        expected = render_json(review(load_document(source), config, NO_CRITIQUE)) + "\n"
        assert (tmp_path / "out" / entry.outputs["json"]).read_text(encoding="utf-8") == expected
        report = json.loads(expected)
        assert entry.verdict == report["verdict"] and entry.score == report["score"]
        assert sum(entry.counts.values()) == len(report["findings"])
    assert any(by_source[s].counts["pii"] for s in good), (
        "real presidio should find the planted names"
    )

    # one summary line per file, written as files finished
    lines = [
        json.loads(line)
        for line in (tmp_path / "out/summary.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(line["source"] for line in lines) == sorted(by_source)

    # batch-wide reports
    validate_sarif(json.loads((tmp_path / "out/results.sarif").read_text(encoding="utf-8")))
    junit = ET.parse(tmp_path / "out/junit.xml").getroot()
    assert len(junit.findall("testsuite/testcase")) == len(by_source)
    assert junit.get("errors") == str(len(BAD_FILES))
    index = (tmp_path / "out/index.html").read_text(encoding="utf-8")
    for source in good:
        assert f'href="{by_source[source].outputs["html"]}"' in index
    assert "file is empty" in index
    assert "drafts/bad/empty.md" in (tmp_path / "out/summary.md").read_text(encoding="utf-8")

    # the per-file HTML marks the findings where they are
    entry = by_source["drafts/blog/de_kundenservice.md"]
    reader = MarkReader()
    reader.feed((tmp_path / "out" / entry.outputs["html"]).read_text(encoding="utf-8"))
    report = json.loads((tmp_path / "out" / entry.outputs["json"]).read_text(encoding="utf-8"))
    located = [
        (i, f)
        for i, f in enumerate(report["findings"])
        if f["start"] is not None and f["end"] > f["start"]
    ]
    assert located and all(reader.span_of(i) == (f["start"], f["end"]) for i, f in located)


def test_unchanged_files_are_reused_changed_and_new_ones_reviewed(tmp_path, monkeypatch, counted):
    monkeypatch.chdir(tmp_path)
    write_drafts(tmp_path / "drafts", eval_cases=2)
    options = _options("drafts", formats=parse_formats("json,html,md"))
    first = run_batch(_light(), options)
    assert {e.status for e in first.entries} == {"reviewed"} and len(counted) == len(
        first.entries
    ) == 5
    reports = {
        e.source: (tmp_path / "out" / e.outputs["json"]).read_text(encoding="utf-8")
        for e in first.entries
    }

    changed = tmp_path / "drafts/en_pricing-page.md"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\n## FAQ\n\nYes, you can cancel monthly.\n",
        encoding="utf-8",
    )
    (tmp_path / "drafts/new.md").write_text("# New\n\nA new draft.\n", encoding="utf-8")
    lost_html = tmp_path / "out" / first.entries[0].outputs["html"]
    lost_html.unlink()
    counted.clear()
    second = run_batch(_light(), options)
    status = {e.source: e.status for e in second.entries}
    assert sorted(counted) == ["drafts/en_pricing-page.md", "drafts/new.md"]
    assert status.pop("drafts/en_pricing-page.md") == status.pop("drafts/new.md") == "reviewed"
    assert set(status.values()) == {"cached"}
    for source in status:
        entry = next(e for e in second.entries if e.source == source)
        assert (tmp_path / "out" / entry.outputs["json"]).read_text(encoding="utf-8") == reports[
            source
        ]
    assert lost_html.is_file() and "<mark" in lost_html.read_text(encoding="utf-8")
    rereviewed = json.loads(
        (tmp_path / "out/files/en_pricing-page.md.json").read_text(encoding="utf-8")
    )
    assert not [
        f for f in rereviewed["findings"] if f["rule"] == "structure.missing_required_section"
    ]

    counted.clear()
    run_batch(_light(), _options("drafts", force=True))
    assert len(counted) == 6  # --force reviews everything again

    counted.clear()
    stricter = _light()
    stricter.rules = {"structure.empty_section": "error"}
    run_batch(stricter, options)
    assert len(counted) == 6  # a different configuration is a different review

    counted.clear()
    stricter.fail_on = "warning"
    result = run_batch(stricter, options)
    assert counted == [] and {e.status for e in result.entries} == {
        "cached"
    }  # fail_on changes no report


def test_exit_codes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.md").write_text(
        "# A clean draft\n\nNothing to see here, just text.\n", encoding="utf-8"
    )
    (tmp_path / "warn.md").write_text(
        "# Title\n\n## Empty section\n\n## Next\n\nText.\n", encoding="utf-8"
    )
    (tmp_path / "empty.md").write_bytes(b"")
    config = _light()
    clean = run_batch(config, _options("clean.md", fail_on="info"))
    assert (
        clean.entries[0].severities == {"error": 0, "warning": 0, "info": 0}
        and clean.exit_code == 0
    )
    assert run_batch(config, _options("warn.md", fail_on="error")).exit_code == 0
    assert run_batch(config, _options("warn.md", fail_on="warning")).exit_code == 1
    assert run_batch(config, _options("warn.md", "empty.md", fail_on="warning")).exit_code == 2
    missing = run_batch(config, _options("clean.md", "nowhere"))
    assert [e.status for e in missing.entries] == ["cached", "error"] and missing.exit_code == 2
    assert missing.entries[1].error == "nowhere: no such file or folder"


def test_discovery(tmp_path):
    for name in (
        "a.md",
        "b.txt",
        "c.markdown",
        "img.png",
        ".hidden.md",
        "sub/d.MD",
        "sub/deep/e.md",
        ".git/f.md",
        "out/files/a.md.md",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# x\n", encoding="utf-8")
    sources = lambda targets: [t.source for t in targets]  # noqa: E731
    found = discover(["."], exclude=tmp_path / "out", cwd=tmp_path)
    assert sources(found) == ["a.md", "b.txt", "sub/d.MD", "sub/deep/e.md"]
    assert sources(discover(["."], glob="*.markdown", cwd=tmp_path)) == ["c.markdown"]
    assert sources(discover(["sub"], glob="deep/*.md", cwd=tmp_path)) == ["sub/deep/e.md"]
    assert sources(discover(["."], glob="**/*.md", exclude=tmp_path / "out", cwd=tmp_path)) == [
        "a.md",
        "sub/deep/e.md",
    ]
    # files named explicitly are taken whatever their name; each file only once
    assert sources(
        discover(["img.png", "a.md", ".", "a.md"], exclude=tmp_path / "out", cwd=tmp_path)
    )[:2] == ["img.png", "a.md"]
    assert len(discover(["a.md", "./a.md", str(tmp_path / "a.md")], cwd=tmp_path)) == 1
    missing = discover(["gone.md"], cwd=tmp_path)
    assert missing[0].problem == "gone.md: no such file or folder"
    assert matches("x/y.TXT", None) and not matches("x/y.png", None)


def test_no_drafts_and_bad_formats_are_clear_errors(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty_folder").mkdir()
    with pytest.raises(InputError, match="no drafts found"):
        run_batch(_light(), _options("empty_folder"))
    with pytest.raises(InputError, match="unknown format pdf"):
        parse_formats("json,pdf")
    assert parse_formats(["md", "sarif,junit"]) == {"json", "md", "sarif", "junit"}


def test_worker_processes_give_the_same_reports(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_drafts(tmp_path / "drafts", eval_cases=5, bad=True)
    config = _light()
    config.checks.guidelines = True  # a real rule engine in the workers, cheap to build
    single = run_batch(config, _options("drafts", out_dir=Path("one")))
    double = run_batch(config, _options("drafts", out_dir=Path("two"), jobs=2))
    assert [(e.source, e.status, e.error) for e in single.entries] == [
        (e.source, e.status, e.error) for e in double.entries
    ]
    for one, two in zip(single.entries, double.entries, strict=True):
        if one.status == "reviewed":
            assert (tmp_path / "one" / one.outputs["json"]).read_text() == (
                tmp_path / "two" / two.outputs["json"]
            ).read_text()
    assert double.exit_code == 2


def test_submit_stores_each_revision_once(tmp_path, monkeypatch):
    from reviewer.store import open_store

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REVIEWER_DATABASE_URL", raising=False)
    write_drafts(tmp_path / "drafts", eval_cases=1)
    config = _light()
    config.store.url = str(tmp_path / "reviews.db")
    # two worker processes: the parsed drafts travel back to the parent, which stores them
    first = run_batch(config, _options("drafts", submit=True, jobs=2))
    assert first.exit_code in (0, 1) and not any(e.submit_error for e in first.entries)
    with open_store(config) as store:
        assert len(store.queue()) == 4
    manifest = [
        json.loads(line) for line in (tmp_path / "out/manifest.jsonl").read_text().splitlines()
    ]
    assert all(entry["submitted"] for entry in manifest)

    changed = tmp_path / "drafts/notes/plain.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nNew: free shipping.\n", encoding="utf-8"
    )
    second = run_batch(config, _options("drafts", submit=True))
    assert sorted(e.status for e in second.entries) == ["cached", "cached", "cached", "reviewed"]
    with open_store(config) as store:
        revisions = store.queue(status=None)
        assert len(revisions) == 5  # only the changed draft became a new revision
        assert sum(1 for r in revisions if r.status == "superseded") == 1


def test_critique_runs_in_the_parent_with_bounded_concurrency(tmp_path, monkeypatch):
    from tests.critique_helpers import GUIDELINES, make_config, write_guidelines
    from tests.openai_stub_server import StubServer

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REVIEWER_MAX_CONCURRENCY", raising=False)
    write_drafts(tmp_path / "drafts", eval_cases=4)
    with StubServer(latency=0.5) as stub:
        config = make_config(
            tmp_path,
            write_guidelines(tmp_path / "guidelines", GUIDELINES),
            stub=stub,
            max_concurrency=2,
        )
        config.checks.pii = False
        result = run_batch(config, _options("drafts", review=ReviewOptions(use_cache=False)))
        assert stub.calls == len(result.entries) == 7
        assert stub.max_in_flight == 2
    for entry in result.entries:
        report = json.loads((tmp_path / "out" / entry.outputs["json"]).read_text(encoding="utf-8"))
        assert report["checks"]["critique"]["status"] in ("pass", "warn", "fail"), report["checks"][
            "critique"
        ]


def test_command_line(tmp_path):
    write_drafts(tmp_path / "drafts", eval_cases=2, bad=True)
    light_config(tmp_path)
    run = subprocess.run(
        batch_command(
            "--jobs", "2", "--format", "json,md", "-f", "sarif,junit", "--fail-on", "warning"
        ),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "COLUMNS": "160"},
    )
    assert run.returncode == 2, run.stderr
    for name in BAD_FILES:
        assert f"skipped drafts/{name}" in " ".join(run.stderr.split())
    assert "drafts/blog/de_kundenservice.md" in run.stdout and "4 error" in run.stdout
    out = tmp_path / "out"
    assert {p.name for p in out.iterdir()} >= {
        "summary.jsonl",
        "manifest.jsonl",
        "results.sarif",
        "junit.xml",
        "summary.md",
        "files",
    }
    assert not (out / "index.html").exists()  # html was not asked for
    assert len((out / "summary.jsonl").read_text().splitlines()) == 5 + len(BAD_FILES)
