"""Errors that end a command with exit code 2 and one clear line, never a traceback."""

from __future__ import annotations


class ReviewerError(Exception):
    """A problem the user can fix: bad input, a broken config, an unknown id.

    The CLI prints ``str(error)`` on stderr and exits 2; everything else is a bug.
    """


class InputError(ReviewerError):
    """The draft or brief cannot be read or parsed."""


class ConfigError(ReviewerError):
    """The configuration file or a guideline file is invalid."""
