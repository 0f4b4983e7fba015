"""Which files a batch reviews.

Files named on the command line are always taken (the user asked for them). Folders are walked
recursively without following symbolic links to folders (no loops), skipping hidden folders and
files and the output folder itself (its Markdown reports must never become drafts). A symbolic
link to a file is followed only to a file inside the folder given; other links (outside, broken,
looping) are reported as skipped, with why. From the folders we take
``.md``, ``.txt`` and ``.docx`` files (not Word's ``~$`` lock files), or what ``--glob``
matches (``--glob '*.html'`` for web pages).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from reviewer.reading import shown

DRAFT_SUFFIXES = (".md", ".txt", ".docx")
WORD_LOCK_PREFIX = "~$"  # Word's owner file beside an open document: not a draft


@dataclass(frozen=True, slots=True)
class Target:
    """One file to review, or a command-line path that cannot be reviewed (``problem``)."""

    path: Path  # absolute, not resolved through symlinks: what the user sees
    source: str  # as shown in reports: relative to the working folder when below it
    problem: str | None = None

    @property
    def file(self) -> str:
        """The path to open: ``source`` before ``shown`` made odd bytes printable."""
        return file_name(self.path)


def discover(
    paths: list[str],
    *,
    glob: str | None = None,
    exclude: Path | None = None,
    cwd: Path | None = None,
) -> list[Target]:
    """Targets in command-line order (folders sorted), each file once."""
    cwd = (cwd or Path.cwd()).absolute()
    excluded = exclude.resolve() if exclude is not None else None
    seen: set[Path] = set()
    targets: list[Target] = []
    for raw in paths:
        given = Path(os.path.normpath(cwd / raw))
        unreadable: list[OSError] = []
        skipped: list[tuple[Path, str]] = []
        if given.is_dir():
            files = _walk(given, glob, excluded, unreadable.append, skipped)
        elif given.exists():
            files = iter([given])
        else:
            targets.append(Target(given, _source(given, cwd), f"{raw}: no such file or folder"))
            continue
        for file in files:
            key = file.resolve()
            if key in seen:
                continue
            seen.add(key)
            targets.append(Target(file, _source(file, cwd)))
        for link, reason in skipped:
            shown_link = _source(link, cwd)
            targets.append(Target(link, shown_link, f"{shown_link}: skipped: {reason}"))
        for error in unreadable:
            where = Path(error.filename or given)
            targets.append(
                Target(
                    where,
                    _source(where, cwd),
                    f"{_source(where, cwd)}: cannot read folder: {error.strerror}",
                )
            )
    return targets


def matches(relative: str, glob: str | None) -> bool:
    """Does a path (relative to the folder given, with '/') belong to the batch?

    Without a pattern: a ``.md``, ``.txt`` or ``.docx`` file. A pattern without '/' is matched against the
    file name at any depth (``*.markdown``); one with '/' against the whole relative path, where
    ``*`` also crosses folders and a leading ``**/`` may match no folder at all."""
    if glob is None:
        return relative.lower().endswith(DRAFT_SUFFIXES)
    if "/" not in glob:
        return fnmatchcase(relative.rsplit("/", 1)[-1], glob)
    return fnmatchcase(relative, glob) or (
        glob.startswith("**/") and fnmatchcase(relative, glob[3:])
    )


def _walk(
    folder: Path,
    glob: str | None,
    excluded: Path | None,
    onerror: Callable[[OSError], None],
    skipped: list[tuple[Path, str]],
) -> Iterator[Path]:
    root = folder.resolve()
    for current, dirs, files in os.walk(folder, onerror=onerror, followlinks=False):
        here = Path(current)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and (excluded is None or (here / d).resolve() != excluded)
        )
        for name in sorted(files):
            if name.startswith((".", WORD_LOCK_PREFIX)):
                continue
            file = here / name
            if not matches(file.relative_to(folder).as_posix(), glob):
                continue
            problem = _link_problem(file, root) if file.is_symlink() else None
            if problem is not None:
                skipped.append((file, problem))
            elif file.is_file():
                yield file


def _link_problem(link: Path, root: Path) -> str | None:
    """Why a symbolic link found in a folder is not reviewed, or None when it may be.

    A link is followed only to a file inside the folder given: a batch must not copy
    ``/etc/passwd`` (or any file outside) into its reports because a link in the folder said so.
    """
    try:
        target = link.resolve(strict=True)
    except RuntimeError:  # Python 3.11/3.12 report a loop this way
        return "symbolic link that refers to itself (a loop)"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link that refers to itself (a loop)"
        return "symbolic link to a file that does not exist"
    if not target.is_relative_to(root):
        return f"symbolic link to {shown(str(target))}, outside {shown(str(root))}; not followed"
    return None


def _source(path: Path, cwd: Path) -> str:
    return shown(file_name(path, cwd))


def file_name(path: Path, cwd: Path | None = None) -> str:
    """The name a batch opens a file by: relative to the working folder when below it."""
    try:
        return path.relative_to(cwd or Path.cwd().absolute()).as_posix()
    except ValueError:
        return str(path)
