"""An interrupted batch resumes: killed (SIGKILL) or stopped with Ctrl-C, the next run reviews
only the files the first run did not finish."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.batch_helpers import OWN_DRAFTS, batch_command, light_config

# The real command, with the checks slowed down so that the test can stop it half-way: the
# first three drafts take 0.3 s each, every later one 1 s, so that a busy machine (the test
# polls for three results) still has seconds to send the signal before the batch is done.
SLOW_REVIEWER = """
import itertools, sys, time
from reviewer import pipeline
from reviewer.cli import main

original = pipeline.run_checks
reviewed = itertools.count()

def slow_run_checks(doc, config, options=None):
    if not doc.source.startswith("<warm-up"):
        time.sleep(0.3 if next(reviewed) < 3 else 1.0)
    return original(doc, config, options)

pipeline.run_checks = slow_run_checks
sys.argv = ["reviewer", *sys.argv[1:]]
main()
"""

FILES = 16


def _drafts(folder: Path) -> list[str]:
    texts = list(OWN_DRAFTS.values())
    sources = []
    for n in range(FILES):
        name = f"drafts/draft_{n:02d}.md"
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(texts[n % len(texts)] + f"\nVariant {n}.\n", encoding="utf-8")
        sources.append(name)
    return sources


def _summary(folder: Path) -> list[dict]:
    path = folder / "out" / "summary.jsonl"
    return [
        json.loads(line)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.endswith("}")
    ]


def _manifest_sources(folder: Path) -> set[str]:
    done = set()
    for line in (folder / "out" / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        try:
            done.add(Path(json.loads(line)["path"]).relative_to(folder).as_posix())
        except ValueError:
            continue  # a line torn by the kill
    return done


def _start(folder: Path, *extra: str) -> subprocess.Popen:
    script = folder / "slow_reviewer.py"
    script.write_text(SLOW_REVIEWER, encoding="utf-8")
    command = batch_command("--jobs", "1", *extra, program=str(script))
    # A shell's background job inherits SIGINT ignored, and Python then never turns it into
    # KeyboardInterrupt: the child gets the default disposition, as in a terminal.
    return subprocess.Popen(
        command,
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_sigint_as_in_a_terminal,
    )


def _sigint_as_in_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_for_results(folder: Path, process: subprocess.Popen, count: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if (folder / "out" / "summary.jsonl").exists() and len(_summary(folder)) >= count:
            return
        if process.poll() is not None:
            pytest.fail(f"batch ended before it could be interrupted: {process.stderr.read()}")
        time.sleep(0.05)
    process.kill()
    pytest.fail("batch produced no results")


def _rerun(folder: Path) -> subprocess.CompletedProcess:
    command = batch_command("--jobs", "2")
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("stop", ["kill", "interrupt"])
def test_interrupted_batch_reviews_only_the_rest(tmp_path, stop):
    sources = _drafts(tmp_path)
    light_config(tmp_path)
    process = _start(tmp_path)
    _wait_for_results(tmp_path, process, 3)
    if stop == "kill":
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        assert process.returncode == -signal.SIGKILL
    else:
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == 130, stderr
        assert "interrupted" in stderr and "Traceback" not in stderr

    finished_before = {line["source"] for line in _summary(tmp_path)}
    done = _manifest_sources(tmp_path)
    assert finished_before <= done  # a file's manifest line is written before its summary line
    assert 3 <= len(done) < FILES, "the batch was not stopped half-way"

    result = _rerun(tmp_path)
    assert result.returncode in (0, 1), result.stderr
    rerun = {line["source"]: line["status"] for line in _summary(tmp_path)}
    assert set(rerun) == set(sources)
    cached = {s for s, status in rerun.items() if status == "cached"}
    assert cached == done, f"reused {sorted(cached)}, finished before {sorted(done)}"
    assert {s for s, status in rerun.items() if status == "reviewed"} == set(sources) - done
    for source in sources:  # every file has its report, whichever run wrote it
        assert (tmp_path / "out" / "files" / f"{Path(source).name}.json").is_file()
    assert os.path.getsize(tmp_path / "out" / "index.html") > 0
