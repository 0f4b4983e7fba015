"""Shared pieces of the web UI tests: configs, a store per test, a real uvicorn server, sign-in."""

from __future__ import annotations

import re
from pathlib import Path

from reviewer.checks import CHECK_NAMES
from reviewer.config import Config
from reviewer.web.live import CHROMIUM, CHROMIUM_ARGS, free_port, live_server

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "free_port", "live_server"]

BASE = "http://127.0.0.1"

# A draft whose findings are fixed by the structure check alone: a missing required section,
# two empty sections and a skipped heading level (the tests' configs turn empty sections into
# errors). The title heading right above its first subheading is not an empty section.
STRUCTURE_DRAFT = """\
---
id: web-test-doc
title: "Web test"
language: en
author: Paula
required_sections: ["Summary"]
---
# Web test

## Empty part

## Blank part

## Filled part

This part has text of its own, so it is not empty.

#### Deep heading

More text below a heading that skips a level.
"""


def web_config(
    tmp_path: Path, *, checks: tuple[str, ...] = ("structure",), rules: dict[str, str] | None = None
) -> Config:
    """Only the named checks (fast and deterministic), a fresh SQLite store under ``tmp_path``;
    ``rules`` are ``[rules]`` severities."""
    config = Config()
    for name in CHECK_NAMES:
        setattr(config.checks, name, name in checks)
    config.rules = dict(rules or {})
    config.store.url = f"sqlite:///{tmp_path / 'reviews.db'}"
    config.base_dir = tmp_path
    return config


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "page has no CSRF token"
    return match.group(1)


def sign_in(client, name: str = "Eva", secret: str = "") -> str:  # noqa: ANN001 - TestClient/httpx.Client
    """Sign in through the form; returns the session's CSRF token."""
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login", data={"name": name, "secret": secret, "csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/queue").text)
