"""py3langid's model for our languages, kept in the user's cache folder in a form that loads fast.

py3langid ships its model as an LZMA-compressed archive of 68 MB of arrays for 97 languages;
decompressing it costs about 0.45 s CPU, in every process that detects a draft's language (a
draft without ``language:`` in its brief, the common case). After the first load the arrays
that classification between our languages reads — the byte-n-gram automaton and the two
languages' columns of the feature weights — are written uncompressed (about 40 MB) to the
user's cache folder and read back in milliseconds. Same arrays, so the same classifications;
a cache that cannot be written or read just means the slow load, never an error.
"""

from __future__ import annotations

import contextlib
import os
import zipfile
from pathlib import Path
from typing import Any

# Bump when the cached layout changes.
_LAYOUT = 1


def load_identifier(languages: tuple[str, ...]) -> Any:
    """A ``py3langid`` LanguageIdentifier restricted to ``languages``, with normalised probabilities."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    model = Path(MODEL_FILE)
    model = model if model.is_absolute() else MODEL_DIR / model
    cached = _cache_path(model, languages)
    if cached is not None and cached.is_file():
        with contextlib.suppress(OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
            return _from_cache(cached, languages)
    identifier = _from_package(model, languages)
    if cached is not None:
        with contextlib.suppress(OSError, ValueError):
            _write_cache(cached, identifier)
    return identifier


def _from_package(model: Path, languages: tuple[str, ...]) -> Any:
    from py3langid.langid import LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(model, norm_probs=True)
    identifier.set_languages(list(languages))
    return identifier


def _from_cache(path: Path, languages: tuple[str, ...]) -> Any:
    import numpy as np
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array

    with np.load(path, allow_pickle=False) as data:
        classes = data["classes"].tolist()
        if sorted(classes) != sorted(languages):
            raise ValueError(f"{path}: cached for other languages")
        identifier = LanguageIdentifier(
            np.asarray(data["ptc"]),
            np.asarray(data["pc"]),
            classes,
            _to_array(data["nextmove"]),
            data["out_feat"].tolist(),
            norm_probs=True,
            tk_row=_to_array(data["row"]),
        )
    identifier.set_languages(list(languages))
    return identifier


def _write_cache(path: Path, identifier: Any) -> None:
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with partial.open("wb") as out:
            np.savez(
                out,
                ptc=identifier.nb_ptc,
                pc=identifier.nb_pc,
                classes=np.array(identifier.nb_classes),
                nextmove=np.frombuffer(
                    identifier.tk_nextmove, dtype=_dtype(identifier.tk_nextmove)
                ),
                row=np.frombuffer(identifier.tk_row, dtype=_dtype(identifier.tk_row)),
                out_feat=np.asarray(identifier.tk_output, dtype=np.int32),
            )
        partial.replace(path)  # atomic: a concurrent reader sees the old file or the whole new one
    finally:
        partial.unlink(missing_ok=True)


def _dtype(values: Any) -> str:
    """The NumPy type of a stdlib ``array`` ('H', 'I', 'L': unsigned, by item size)."""
    return f"u{values.itemsize}"


def _cache_path(model: Path, languages: tuple[str, ...]) -> Path | None:
    """A file name that changes with py3langid's model file and with our layout."""
    try:
        import platformdirs

        stat = model.stat()
    except (ImportError, OSError):
        return None
    key = f"{'-'.join(languages)}-{stat.st_size}-{stat.st_mtime_ns}-v{_LAYOUT}"
    return Path(platformdirs.user_cache_dir("reviewer")) / "langid" / f"model-{key}.npz"
