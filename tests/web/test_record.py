"""The in-process cache: the record is assessed once per change, whoever changes it."""

from __future__ import annotations

from pathlib import Path

from csbm.data import dossiers_dir
from csbm.store import Store, init_store, read_dossiers
from csbm.web.record import Record
from tests.web.conftest import populate


def test_assessed_once_per_change(tmp_path: Path) -> None:
    db = tmp_path / "record.sqlite"
    init_store(str(db))
    populate(str(db))
    record = Record(str(db))
    try:
        first = record.snapshot()
        assert record.snapshot() is first and record.assessed == 1
        view = first.cached(("x",), lambda: object())
        assert first.cached(("x",), lambda: object()) is view
        # A change made by someone else (another Store on the same file) is seen.
        [zapad] = read_dossiers([dossiers_dir() / "zapad-2017.yaml"])
        changed = zapad.model_copy(
            update={"activity": zapad.activity.model_copy(update={"notes": "changed"})}
        )
        with Store(str(db)) as other:
            other.import_dossiers([changed], by="tests")
        second = record.snapshot()
        assert second is not first and record.assessed == 2
        assert record.snapshot() is second
        assert second.dossiers["zapad-2017"].activity.notes == "changed"
    finally:
        record.close()


def test_an_assessed_record_is_left_out_of_later_collector_passes(tmp_path: Path) -> None:
    import gc

    db = tmp_path / "record.sqlite"
    init_store(str(db))
    populate(str(db))
    record = Record(str(db))
    gc.unfreeze()
    try:
        snap = record.snapshot()
        # The snapshot's objects sit in the permanent generation: a full collection no
        # longer walks them (about 90 ms for the bundled record), so requests do not wait.
        assert gc.get_freeze_count() > 50_000
        assert not any(o is snap for o in gc.get_objects())
    finally:
        gc.unfreeze()
        record.close()
