"""Results csbm keeps in the user's cache directory between runs.

Each entry is one JSON file named by a digest of everything its value depends on, so an
entry can never be stale: a change to an input is a new name. The cache is an optimisation
only: an entry that cannot be read is worked out again, and one that cannot be written is
not kept.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def digest_of(*parts: bytes | str) -> str:
    """A digest of the inputs an entry depends on."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
    return digest.hexdigest()[:32]


def file_marks(paths: Iterable[Path]) -> str:
    """Name, size and modification time of each file: what a key holds of large data files
    whose contents would cost more to read than the entry saves."""
    marks = []
    for path in paths:
        stat = path.stat() if path.exists() else None
        size, mtime = (stat.st_size, stat.st_mtime_ns) if stat else (0, 0)
        marks.append(f"{path.name}:{size}:{mtime}")
    return ";".join(marks)


def _path(kind: str, name: str) -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("csbm") / kind / f"{name}.json"


def read_entry(kind: str, name: str) -> Any:
    """The entry's JSON value, or None when there is none (or it cannot be read)."""
    try:
        return json.loads(_path(kind, name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_entry(kind: str, name: str, value: Any) -> None:
    """Keep an entry, written whole or not at all (a temporary file, then a rename)."""
    path = _path(kind, name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(value), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


__all__ = ["digest_of", "file_marks", "read_entry", "write_entry"]
