"""Hostile inputs for the regression tests of issue 21, and a bounded way to run the CLI on them.

A regression here would eat the machine (a YAML bomb grew to 24 GB), so every CLI run is capped:
address space via ``RLIMIT_AS`` and wall time via ``timeout``.
"""

from __future__ import annotations

import resource
import subprocess
from pathlib import Path

from tests.test_cli import run

MEMORY_CAP = 1536 * 1024 * 1024


def billion_laughs(levels: int = 9) -> str:
    """Front matter of about 700 bytes that expands to 9**levels strings once aliases are followed."""
    lines = [
        "---",
        "title: Laughs",
        'l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ]
    for level in range(1, levels):
        refs = ",".join([f"*l{level - 1}"] * 9)
        lines.append(f"l{level}: &l{level} [{refs}]")
    return "\n".join(lines) + "\n---\n# Laughs\n\nA short body.\n"


def cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_capped(
    *args: str, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    """``python -m reviewer ARGS`` offline, under a memory cap, killed after ``timeout`` seconds."""
    return run(*args, cwd=cwd, timeout=timeout, preexec_fn=cap_memory)
