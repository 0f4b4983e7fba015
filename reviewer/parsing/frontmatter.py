"""Split YAML front matter from the body, with errors that name the line."""

from __future__ import annotations

import re
from typing import Any

import yaml

from reviewer.errors import InputError
from reviewer.parsing.safe_yaml import load_yaml

# A brief is a few hundred bytes; front matter past this is not a brief but an attack or an accident.
MAX_FRONT_MATTER_BYTES = 64 * 1024

_OPEN = re.compile(r"\A(?:\ufeff)?---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def split_front_matter(text: str, origin: str) -> tuple[dict[str, Any] | None, int]:
    """Return ``(front_matter or None, offset where the body starts)``."""
    opening = _OPEN.match(text)
    if not opening:
        return None, 0
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        raise InputError(f"{origin}: front matter opened with '---' on line 1 is never closed")
    raw = text[opening.end() : closing.start()]
    try:
        data = load_yaml(raw, origin, what="front matter", max_bytes=MAX_FRONT_MATTER_BYTES)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"{origin}:{line}: front matter is not valid YAML: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(
            f"{origin}: front matter must be a mapping of keys to values, not {type(data).__name__}"
        )
    body_start = closing.end()
    if text[body_start : body_start + 1] == "\n":
        body_start += 1
    return data, body_start
