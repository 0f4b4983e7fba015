"""What changed between two revisions of a draft, line by line (difflib's unified diff)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "add", "del", "same", "hunk", "file"
    text: str


def diff_lines(
    old: str, new: str, *, old_name: str, new_name: str, context: int = 3
) -> list[DiffLine]:
    """The unified diff of two texts, each line tagged for colouring; empty when equal."""
    lines = difflib.unified_diff(
        old.splitlines(),
        new.splitlines(),
        fromfile=old_name,
        tofile=new_name,
        n=context,
        lineterm="",
    )
    result: list[DiffLine] = []
    for line in lines:
        if line.startswith(("---", "+++")) and len(result) < 2:
            result.append(DiffLine("file", line))
        elif line.startswith("@@"):
            result.append(DiffLine("hunk", line))
        elif line.startswith("+"):
            result.append(DiffLine("add", line))
        elif line.startswith("-"):
            result.append(DiffLine("del", line))
        else:
            result.append(DiffLine("same", line))
    return result


def diff_text(lines: list[DiffLine]) -> str:
    """The diff as plain text, as ``diff -u`` prints it (for the JSON API)."""
    return "\n".join(line.text for line in lines) + ("\n" if lines else "")
