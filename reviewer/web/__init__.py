"""The web UI (``reviewer serve``): the review queue, revision pages with the draft and its
findings marked, decisions and waivers, revision diffs, the audit log, a paste-a-draft form, and a
JSON API beside the pages (documented at ``/openapi.json``).

``create_app(config, *, token=None, users=None)`` builds the FastAPI app; FastAPI and the store
are imported only when it is called, so ``reviewer --help`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reviewer.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from reviewer.web.app import create_app

        return create_app
    raise AttributeError(f"module 'reviewer.web' has no attribute {name!r}")
