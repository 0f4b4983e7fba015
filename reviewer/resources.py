"""Locate the default guideline pack and prompt templates.

They live at the top of the repository (so people find and edit them), which is also where an
editable install reads them; a wheel installs them under ``<prefix>/share/reviewer``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def data_dir(name: str) -> Path:
    """Return the folder of bundled data called ``name`` ("guidelines" or "prompts")."""
    candidates = [
        Path(__file__).resolve().parent.parent / name,
        Path(sys.prefix) / "share" / "reviewer" / name,
    ]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]
