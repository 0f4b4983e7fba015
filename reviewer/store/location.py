"""Where the review store is when nothing names it: found the way git finds its folder.

From the current folder upward, the nearest ``.reviewer/`` folder holds the store; the walk stops
at the project folder (the one with ``reviewer.toml`` or a ``pyproject.toml`` with
``[tool.reviewer]``), where the store is created on first use. A config file named from outside
(``--config``) names its project directly. Outside any project the store is
in the user's data folder (``~/.local/share/reviewer`` on Linux), so ``reviewer check-approved``
finds the same store from every folder instead of "no review store at ./.reviewer/reviews.db".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.config import Config

STORE_DIR = ".reviewer"
DB_NAME = "reviews.db"


@dataclass(frozen=True)
class Location:
    """The SQLite file, the folder document paths are keyed relative to, and why this one."""

    path: Path
    root: Path
    reason: str


def default_location(config: Config | None = None, cwd: Path | None = None) -> Location:
    here = (cwd or Path.cwd()).resolve()
    project = config.base_dir.resolve() if config is not None and config.origin else None
    if project is not None and not here.is_relative_to(project):
        # A config named from elsewhere (--config) names the project: its store.
        return _project(project, config)
    for folder in (here, *here.parents):
        if (folder / STORE_DIR).is_dir():
            return Location(
                folder / STORE_DIR / DB_NAME,
                folder,
                f"the nearest {STORE_DIR}/ folder upward from {here}",
            )
        if folder == project:
            return _project(project, config)
    import platformdirs

    data = Path(platformdirs.user_data_dir("reviewer"))
    return Location(
        data / DB_NAME,
        here,
        f"no {STORE_DIR}/ folder upward from {here} and no project config: your user data folder",
    )


def _project(project: Path, config: Config) -> Location:
    return Location(
        project / STORE_DIR / DB_NAME, project, f"the project folder of {config.origin}"
    )
