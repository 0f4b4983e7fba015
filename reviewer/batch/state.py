"""Resume state: which files an output folder already holds an up-to-date report for.

A file counts as unchanged when its bytes hash the same and the run's fingerprint is the same:
the configuration, the guideline and prompt files, whether the critique ran, and the tool
version. The manifest is a JSON Lines file in the output folder, one line per finished file,
appended only after that file's reports are on disk, so a batch killed at any moment leaves whole
entries behind (a torn last line is ignored) and the next run reviews only the rest. It is
compacted (one line per file) when a run opens it.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from reviewer import __version__
from reviewer.config import Config
from reviewer.reading import shown

MANIFEST_NAME = "manifest.jsonl"


@dataclass
class ManifestEntry:
    path: str  # absolute path of the draft, as ``shown`` (JSON holds no undecodable bytes)
    file_sha256: str
    fingerprint: str
    report: str  # the JSON report, relative to the output folder
    summary: dict[str, Any] = field(default_factory=dict)
    submitted: bool = False


class Manifest:
    """The resume manifest of one output folder (one writer: the batch's parent process)."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / MANIFEST_NAME
        self._entries: dict[str, ManifestEntry] = {}
        self._file: IO[str] | None = None

    def __enter__(self) -> Manifest:
        self._load()
        self._compact()
        self._file = self.path.open("a", encoding="utf-8")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def lookup(self, path: Path, file_sha256: str | None, fingerprint: str) -> ManifestEntry | None:
        entry = self._entries.get(shown(str(path)))
        if entry is None or file_sha256 is None:
            return None
        if entry.file_sha256 != file_sha256 or entry.fingerprint != fingerprint:
            return None
        return entry

    def record(self, entry: ManifestEntry) -> None:
        assert self._file is not None, "use the manifest as a context manager"
        entry.path = shown(entry.path)
        self._entries[entry.path] = entry
        self._file.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
        self._file.flush()

    def __len__(self) -> int:
        return len(self._entries)

    def _load(self) -> None:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return
        except (OSError, UnicodeDecodeError):
            lines = []  # an unreadable manifest only costs a full review
        for line in lines:
            try:
                entry = ManifestEntry(**json.loads(line))
            except (ValueError, TypeError):
                continue  # torn by an interrupted write, or from another version
            self._entries[entry.path] = entry

    def _compact(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = "".join(
            json.dumps(asdict(e), ensure_ascii=False) + "\n" for e in self._entries.values()
        )
        atomic_write(self.path, text)


def file_sha256(path: Path) -> str | None:
    """Hash of the file's bytes, or None when it cannot be read (the worker will say why)."""
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def run_fingerprint(config: Config, *, run_critique: bool) -> str:
    """Everything besides the draft that decides its report."""
    digest = hashlib.sha256()
    # fail_on and the store decide what happens with a report, not what it says
    relevant = config.model_dump(mode="json", exclude={"fail_on", "store"})
    settings = {"tool": __version__, "config": relevant, "critique": run_critique}
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode("utf-8"))
    for folder in _rule_folders(config):
        for file in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(file.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            try:
                digest.update(hashlib.sha256(file.read_bytes()).digest())
            except OSError:
                digest.update(b"unreadable")
    return digest.hexdigest()


def _rule_folders(config: Config) -> list[Path]:
    from reviewer.resources import data_dir

    folders = [data_dir("guidelines"), data_dir("prompts")]
    folders += [config.base_dir / extra for extra in config.guidelines.paths]
    return [folder for folder in folders if folder.is_dir()]


def atomic_write(path: Path, text: str) -> None:
    """Write a whole file or nothing: a reader (or a resumed batch) never sees half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
