"""The record in a database: SQLite by default, PostgreSQL by URL (see docs/store.md).

Dossiers go in (`csbm db import`), come back out unchanged (`load_from_db`, `csbm db
export`), keep every earlier version (`csbm db history`), and can be read as they were
known on a date (``as_of``, knowledge time) or as the database held them at a moment
(``recorded_as_of``, transaction time).

>>> from csbm.store import load_from_db
>>> dossiers = load_from_db(None, ["union-resolve-2022"])  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from csbm._lazy import exports
from csbm.store.errors import StoreError

if TYPE_CHECKING:
    from csbm.model.dossier import Dossier
    from csbm.rules.assess import Assessment
    from csbm.store.files import dossier_yaml, export_dossiers, read_dossiers
    from csbm.store.repository import (
        ActivitySummary,
        ClaimRecord,
        ImportReport,
        Revision,
        SavedAssessment,
        Store,
        default_user,
        init_store,
        open_store,
    )
    from csbm.store.url import ENV_VAR, default_path, resolve_url

__getattr__, __dir__ = exports(
    __name__,
    {
        **dict.fromkeys(["dossier_yaml", "export_dossiers", "read_dossiers"], "csbm.store.files"),
        **dict.fromkeys(
            [
                "ActivitySummary",
                "ClaimRecord",
                "ImportReport",
                "Revision",
                "SavedAssessment",
                "Store",
                "default_user",
                "init_store",
                "open_store",
            ],
            "csbm.store.repository",
        ),
        **dict.fromkeys(["ENV_VAR", "default_path", "resolve_url"], "csbm.store.url"),
    },
)


def load_from_db(
    url: str | None,
    ids: Sequence[str] | None = None,
    as_of: date | None = None,
    *,
    recorded_as_of: datetime | None = None,
) -> list[Dossier]:
    """Dossiers from the database, for `csbm assess --db`.

    `url` is a database URL or SQLite path (None: `CSBM_DATABASE_URL`, else the default
    file). `ids` are activity ids (None or empty: every activity, sorted by id); an
    unknown id is a StoreError. `as_of` keeps only the claims and acts known on that day;
    `recorded_as_of` gives the record as it stood at that moment (an aware datetime).

    For `csbm assess --as-of D`, pass D to `assess` as well (or only to `assess`): the
    verdicts are the same, and `assess` then lists what it left out and why.
    """
    from csbm.store.repository import Store

    with Store(url) as store:
        return store.load(ids or None, as_of=as_of, recorded_as_of=recorded_as_of)


def save_assessments(
    url: str | None, results: Iterable[Assessment], *, by: str | None = None
) -> list[int]:
    """Keep assessments in the database (for `csbm assess --db … --save`)."""
    from csbm.store.repository import Store

    with Store(url) as store:
        return store.save_assessments(results, by=by)


__all__ = [
    "ENV_VAR",
    "ActivitySummary",
    "ClaimRecord",
    "ImportReport",
    "Revision",
    "SavedAssessment",
    "Store",
    "StoreError",
    "default_path",
    "default_user",
    "dossier_yaml",
    "export_dossiers",
    "init_store",
    "load_from_db",
    "open_store",
    "read_dossiers",
    "resolve_url",
    "save_assessments",
]
