"""Shared fixtures: the labelled dev set, a clean config, and a document parser.

Everything the tests read lives inside the repository (``tests/data/``): the labelled dev set
(``tests/data/eval/dev/``, format in ``tests/data/eval/FORMAT.md``) and the seed article
(``tests/data/seed/``), so the suite passes on a fresh clone with nothing beside it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.checks.pii.evaluation import load_cases
from reviewer.config import Config
from reviewer.document import parse_document

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
EXAMPLES = REPO / "examples"
EVAL_DIR = DATA / "eval" / "dev"
SEED = DATA / "seed" / "000_7cc2bb56c908b3a3.txt"


def eval_cases() -> list[tuple[str, Path, dict]]:
    """(name, draft path, expectation) for every labelled case of the dev set."""
    return load_cases(EVAL_DIR)


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
