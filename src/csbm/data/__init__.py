"""Bundled, sourced data: the dossiers of activities csbm ships with."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def dossiers_dir() -> Path:
    return Path(str(resources.files("csbm.data") / "dossiers"))


def bundled_dossier(activity_id: str) -> Path | None:
    """The bundled dossier file for an activity id, if csbm ships one."""
    path = dossiers_dir() / f"{activity_id}.yaml"
    return path if path.is_file() else None


def bundled_ids() -> list[str]:
    return sorted(p.stem for p in dossiers_dir().glob("*.yaml"))


__all__ = ["bundled_dossier", "bundled_ids", "dossiers_dir"]
