"""Turn bytes from a file or stdin into text, or refuse them with a clear reason."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from reviewer.errors import InputError

MAX_BYTES = 5 * 1024 * 1024  # a marketing draft is kilobytes; megabytes mean a wrong file


def shown(path: str) -> str:
    """A file name fit for every report: bytes that are not UTF-8 (Python keeps them as lone
    surrogates, ``surrogateescape``) appear as ``\\xNN``, any other lone surrogate (from JSON)
    as ``\\uNNNN``. JSON, SARIF, XML and the store cannot hold a lone surrogate; without this one
    odd file name ended a whole batch."""
    if not any("\ud800" <= ch <= "\udfff" for ch in path):
        return path
    return "".join(
        (f"\\x{ord(ch) - 0xDC00:02x}" if ch >= "\udc80" and ch <= "\udcff" else f"\\u{ord(ch):04x}")
        if "\ud800" <= ch <= "\udfff"
        else ch
        for ch in path
    )


def read_source(path: str) -> tuple[str, str]:
    """Return ``(source_name, text)`` for a path or ``-`` (stdin)."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return "<stdin>", decode(data, "<stdin>")
    source, data = read_bytes(path, MAX_BYTES)
    return source, decode(data, source)


def read_bytes(path: str, limit: int, *, too_large_hint: str = "") -> tuple[str, bytes]:
    """``(name as shown, bytes)`` of a file of at most ``limit`` bytes, or one clear InputError."""
    file = Path(path)
    path = shown(path)
    if not file.exists():
        raise InputError(f"{path}: no such file")
    if file.is_dir():
        raise InputError(f"{path}: is a directory (use 'reviewer batch' for folders)")
    try:
        size = file.stat().st_size
        if size > limit:
            raise InputError(
                f"{path}: file is {size / 1024 / 1024:.1f} MiB; drafts over "
                f"{limit // 1024 // 1024} MiB are refused{too_large_hint}"
            )
        data = file.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return path, data


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
    legacy = _decode_legacy(data)
    if legacy is None:
        raise InputError(
            f"{origin}: not valid UTF-8 (bad byte at offset {utf8_error.start}) and not a Western "
            "legacy encoding either; save the file as UTF-8"
        )
    return _normalise(legacy)


# Characters a German or English text in Windows-1252 / Latin-1 plausibly contains.
_PLAUSIBLE_NON_ASCII = set("äöüÄÖÜßéèêëàâáçïîíôóûùúñÉÈÀÇ€–—„“”‘’‚…«»°§©®™•·\u00a0½¼¾²³µ×")
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _decode_legacy(data: bytes) -> str | None:
    """Windows-1252 when the bytes decode cleanly into plausible German/English characters.

    Statistical detectors guess wildly on short drafts (a Latin-1 German text comes back as
    Turkish Mac Roman), so this accepts only the one legacy encoding marketing teams still
    produce, and refuses everything else, including broken or mixed UTF-8."""
    if _UTF8_MULTIBYTE.search(data):
        return None  # real UTF-8 sequences next to invalid bytes: a broken UTF-8 file
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return text
    plausible = sum(1 for ch in non_ascii if ch in _PLAUSIBLE_NON_ASCII)
    return text if plausible / len(non_ascii) >= 0.9 else None


def _normalise(text: str) -> str:
    """Newlines become \\n so offsets, lines and columns mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
