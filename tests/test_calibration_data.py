"""The hand judgements of the calibration bench are data about third-party texts: well formed,
and quoting at most a short finding span (the texts themselves stay out of the repository)."""

from __future__ import annotations

import json
from pathlib import Path

JUDGEMENTS = Path(__file__).resolve().parents[1] / "bench" / "calibration" / "adjudication.json"


def test_every_judgement_is_complete_and_quotes_only_a_short_span():
    data = json.loads(JUDGEMENTS.read_text(encoding="utf-8"))
    assert data["judgements"]
    seen = set()
    for entry in data["judgements"]:
        assert set(entry) == {"file", "rule", "quote", "true", "why"}, entry
        assert isinstance(entry["true"], bool) and entry["why"].strip()
        assert 0 < len(entry["quote"]) <= 80, entry["quote"]
        key = (entry["file"], entry["rule"], entry["quote"])
        assert key not in seen, key
        seen.add(key)
