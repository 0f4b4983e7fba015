"""Turn bytes from a file or stdin into text, or refuse them with a clear reason."""

from __future__ import annotations

import sys
from pathlib import Path

from reviewer.errors import InputError

MAX_BYTES = 5 * 1024 * 1024  # a marketing draft is kilobytes; megabytes mean a wrong file


def read_source(path: str) -> tuple[str, str]:
    """Return ``(source_name, text)`` for a path or ``-`` (stdin)."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return "<stdin>", decode(data, "<stdin>")
    file = Path(path)
    if not file.exists():
        raise InputError(f"{path}: no such file")
    if file.is_dir():
        raise InputError(f"{path}: is a directory (use 'reviewer batch' for folders)")
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: file is {size // 1024} KiB; drafts over {MAX_BYTES // 1024 // 1024} MiB are refused")
        data = file.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return path, decode(data, path)


def decode(data: bytes, origin: str) -> str:
    """Decode UTF-8 (with or without BOM); detect legacy encodings; refuse binary data."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{origin}: input is over {MAX_BYTES // 1024 // 1024} MiB; refused")
    if not data.strip():
        raise InputError(f"{origin}: file is empty")
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            return _normalise(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise InputError(f"{origin}: broken UTF-16 text") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{origin}: looks like a binary file, not text")
    try:
        return _normalise(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        utf8_error = exc
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "ascii") or _control_share(str(best)) > 0.01:
        raise InputError(
            f"{origin}: not valid UTF-8 (byte {utf8_error.start}) and no other text encoding fits; "
            "save the file as UTF-8"
        )
    return _normalise(str(best))


def _normalise(text: str) -> str:
    """Newlines become \\n so offsets, lines and columns mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t\r\f")
    return controls / max(len(text), 1)
