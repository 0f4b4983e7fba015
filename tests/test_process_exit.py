"""Leaving without the interpreter's teardown (``reviewer.process.leave``, issue 18): exit
handlers still run, output is flushed, the status is the command's, and a running thread that
is not a daemon is waited for."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reviewer.process import exit_status

# A global whose finaliser prints: it runs in the interpreter's teardown, and only there.
_SCRIPT = """
import atexit, sys, threading, time
atexit.register(print, "exit handler ran")

class Teardown:
    def __del__(self):
        print("teardown ran")

keep = Teardown()
if "thread" in sys.argv:
    threading.Thread(target=lambda: (time.sleep(0.3), print("thread finished"))).start()
print("partial line without a newline", end="")
sys.argv = ["reviewer", *sys.argv[1].split()]
from reviewer.cli import {entry}
{entry}()
"""


def _run(entry: str, args: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _SCRIPT.format(entry=entry), args, *extra],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_command_leaves_without_teardown_but_with_exit_handlers() -> None:
    done = _run("run", "--version")
    assert done.returncode == 0, done.stderr
    assert "partial line without a newline" in done.stdout  # flushed
    assert "reviewer " in done.stdout and "exit handler ran" in done.stdout
    assert "teardown ran" not in done.stdout


def test_main_in_a_callers_process_exits_the_normal_way() -> None:
    done = _run("main", "--version")
    assert done.returncode == 0, done.stderr
    assert "exit handler ran" in done.stdout and "teardown ran" in done.stdout


@pytest.mark.parametrize(("args", "status"), [("--version", 0), ("--no-such-option", 2)])
def test_the_status_is_the_commands(args: str, status: int) -> None:
    assert _run("run", args).returncode == status


def test_a_running_thread_is_waited_for() -> None:
    done = _run("run", "--version", "thread")
    assert done.returncode == 0, done.stderr
    assert "thread finished" in done.stdout


def test_exit_status_follows_python(capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_status(None) == 0
    assert exit_status(3) == 3
    assert exit_status("reviewer: stopped") == 1
    assert capsys.readouterr().err == "reviewer: stopped\n"
