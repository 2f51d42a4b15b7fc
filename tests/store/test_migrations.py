"""The schema comes from Alembic migrations, and the models agree with them."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from csbm.store import Store, init_store, resolve_url
from csbm.store.engine import head_revision, make_engine, migrate
from csbm.store.models import Base
from tests.store.gen import make_dossier


def test_upgrade_downgrade_upgrade(fresh_url: str) -> None:
    _where, revision = init_store(fresh_url)
    assert revision == head_revision() == "0003"
    engine = make_engine(resolve_url(fresh_url))
    try:
        tables = set(inspect(engine).get_table_names())
        assert {t.name for t in Base.metadata.sorted_tables} <= tables
        with engine.connect() as conn:
            diffs = compare_metadata(
                MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
            )
        assert diffs == []
        assert migrate(engine, "base", down=True) is None
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        assert migrate(engine) == "0003"
    finally:
        engine.dispose()
    with Store(fresh_url) as store:
        store.import_dossiers([make_dossier("ex-1")], by="t")
        assert store.verify() == []


def test_a_database_behind_the_code_asks_for_an_upgrade(fresh_url: str) -> None:
    import pytest

    from csbm.store import StoreError

    init_store(fresh_url)
    engine = make_engine(resolve_url(fresh_url))
    try:
        migrate(engine, "base", down=True)
    finally:
        engine.dispose()
    with pytest.raises(StoreError, match=r"csbm db (init|upgrade)"):
        Store(fresh_url)
