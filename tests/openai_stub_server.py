"""A small OpenAI-compatible chat-completions server on 127.0.0.1, scripted per test.

The real ``openai`` client (through LangChain) talks HTTP to it, so tests exercise the same code
path as a production call: retries, ``Retry-After``, timeouts, malformed bodies, Azure URLs.
Every request is recorded (path, headers, JSON body, arrival time) so tests can assert on what
actually left the process — e.g. that no personal data did.

Run it standalone (the bench does, in its own process so it does not share the client's GIL)::

    python tests/openai_stub_server.py --latency 0.3   # prints the base URL, serves until killed
"""

from __future__ import annotations

import argparse
import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_MARKERS = re.compile(r"<<<BEGIN (DRAFT-[0-9A-F]+)>>>\n(.*)\n<<<END \1>>>", re.DOTALL)


@dataclass
class Reply:
    """One scripted answer. ``body`` may be a dict (sent as JSON) or raw text."""

    status: int = 200
    body: dict[str, Any] | str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    raw: str
    at: float

    @property
    def messages(self) -> list[dict[str, Any]]:
        return self.body.get("messages", [])

    def message_text(self, role: str) -> str:
        return "\n".join(
            _content_text(m.get("content")) for m in self.messages if m.get("role") == role
        )

    @property
    def draft(self) -> str | None:
        """The draft between the boundary markers in the user message, if any."""
        match = _MARKERS.search(self.message_text("user"))
        return match.group(2) if match else None


Responder = Callable[[Recorded], Reply]


def completion(
    content: str, *, model: str = "stub-model", finish_reason: str = "stop"
) -> dict[str, Any]:
    """A chat.completion object with one assistant message."""
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": finish_reason,
                "logprobs": None,
            }
        ],
        "usage": {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150},
    }


def critique(
    guidelines: list[dict[str, Any]] | None = None,
    claims: list[dict[str, Any]] | None = None,
    depth: dict[str, Any] | None = None,
    **extra: Any,
) -> str:
    """The JSON text of a well-formed critique reply."""
    return json.dumps(
        {
            "guidelines": guidelines or [],
            "claims": claims or [],
            "depth": depth
            or {
                "rating": "adequate",
                "severity": "info",
                "explanation": "Fine.",
                "suggestion": "None.",
            },
            **extra,
        },
        ensure_ascii=False,
    )


def answer(content: str, **kwargs: Any) -> Reply:
    return Reply(body=completion(content), **kwargs)


def first_sentence_claim(request: Recorded) -> Reply:
    """Default behaviour: flag the first sentence of the draft's first paragraph as a claim."""
    draft = request.draft or ""
    paragraphs = [
        p.strip()
        for p in draft.split("\n\n")
        if p.strip() and not p.lstrip().startswith(("#", "-", "|"))
    ]
    sentence = re.split(r"(?<=[.!?])\s", paragraphs[0])[0] if paragraphs else ""
    claims = []
    if len(sentence) >= 8:
        claims.append(
            {
                "quote": sentence,
                "assessment": "unverifiable",
                "severity": "warning",
                "explanation": "No source is given.",
                "suggestion": "Cite a source.",
            }
        )
    return answer(critique(claims=claims))


class _Server(ThreadingHTTPServer):
    # The default listen backlog (5) drops SYNs when a batch opens 8+ connections at once; the
    # client then waits a full second to retry — a stub artefact, not the product's latency.
    request_queue_size = 128


class StubServer:
    """Serve scripted replies; ``script(...)`` queues them, ``default`` answers when the queue is empty."""

    def __init__(
        self, *, latency: float = 0.0, default: Responder | None = None, host: str = "127.0.0.1"
    ):
        self.latency = latency
        self.default: Responder = default or first_sentence_claim
        self.requests: list[Recorded] = []
        self._queue: deque[Reply | Responder] = deque()
        self._lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0  # the most requests the server was answering at one time
        self._httpd = _Server((host, 0), self._handler())
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self._thread: threading.Thread | None = None

    # --- lifecycle ---
    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        """The OpenAI-style base URL (``…/v1``)."""
        return self.root + "/v1"

    def start(self) -> StubServer:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="openai-stub", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> StubServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- scripting ---
    def script(self, *replies: Reply | Responder) -> None:
        with self._lock:
            self._queue.extend(replies)

    @property
    def calls(self) -> int:
        return len(self.requests)

    def _next(self, request: Recorded) -> Reply:
        with self._lock:
            self.requests.append(request)
            item = self._queue.popleft() if self._queue else self.default
        return item(request) if callable(item) else item

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # else small replies wait for the client's delayed ACK

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                if self.path == "/stats":
                    self._send(Reply(body={"calls": server.calls}))
                else:
                    self._send(
                        Reply(status=404, body={"error": {"message": f"no route {self.path}"}})
                    )

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8", errors="replace")
                try:
                    body = json.loads(raw) if raw else {}
                except ValueError:
                    body = {}
                recorded = Recorded(
                    path=self.path,
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=body,
                    raw=raw,
                    at=time.monotonic(),
                )
                if not self.path.split("?")[0].endswith("/chat/completions"):
                    self._send(
                        Reply(status=404, body={"error": {"message": f"no route {self.path}"}})
                    )
                    return
                with server._lock:
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    reply = server._next(recorded)
                    delay = reply.delay + server.latency
                    if delay:
                        time.sleep(delay)
                finally:
                    with server._lock:
                        server.in_flight -= 1
                self._send(reply)

            def _send(self, reply: Reply) -> None:
                if isinstance(reply.body, str):
                    payload, kind = reply.body.encode("utf-8"), "text/plain"
                else:
                    payload, kind = json.dumps(reply.body or {}).encode("utf-8"), "application/json"
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(payload)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout tests)

        return Handler


def error(status: int, message: str = "stub error", **headers: str) -> Reply:
    return Reply(
        status=status,
        body={"error": {"message": message, "type": "stub", "code": None}},
        headers=headers,
    )


def _content_text(content: Any) -> str:
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return str(content or "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to every reply")
    args = parser.parse_args()
    server = StubServer(latency=args.latency).start()
    print(server.url, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
