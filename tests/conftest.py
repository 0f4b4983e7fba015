"""Shared fixtures: the labelled dev set, a clean config, and a document parser."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reviewer.config import Config
from reviewer.document import parse_document

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def _eval_dir() -> Path:
    configured = os.environ.get("REVIEWER_EVAL_DIR")
    return Path(configured) if configured else REPO.parent / "shared" / "eval" / "dev"


EVAL_DIR = _eval_dir()


def eval_cases() -> list[tuple[str, Path, dict]]:
    """(name, draft path, expectation) for every labelled case; fails loudly when the set is gone."""
    if not EVAL_DIR.is_dir():
        raise RuntimeError(f"labelled dev set not found at {EVAL_DIR} (set REVIEWER_EVAL_DIR)")
    cases = []
    for expect in sorted(EVAL_DIR.glob("*.expect.json")):
        name = expect.name.removesuffix(".expect.json")
        cases.append(
            (name, EVAL_DIR / f"{name}.md", json.loads(expect.read_text(encoding="utf-8")))
        )
    return cases


@pytest.fixture
def config() -> Config:
    """Defaults, with the critique off so no test depends on a model unless it asks for one."""
    cfg = Config()
    cfg.checks.critique = False
    return cfg


@pytest.fixture
def parse():
    def _parse(text: str, source: str = "draft.md", **kwargs):
        return parse_document(text, source, **kwargs)

    return _parse


# --- store fixtures (issue 8: store owner) ---------------------------------------------------
# The store suite runs on SQLite and on a real PostgreSQL: `store_url` / `store` are parametrised
# over both backends; `pg_database` is a fresh database for the session. See tests/store_helpers.py.
# --- critique fixtures (issue 7: critique owner) ------------------------------------------------
# `stub`: an OpenAI-compatible server on 127.0.0.1 (tests/openai_stub_server.py), scripted per test;
# `guideline_dir`: a small guideline pack in tmp_path. See tests/critique_helpers.py.
from tests.critique_helpers import guideline_dir, stub  # noqa: E402, F401
from tests.store_helpers import pg_database, store, store_url  # noqa: E402, F401
