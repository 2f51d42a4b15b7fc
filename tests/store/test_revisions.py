"""Identity: the same dossier twice changes nothing; a changed one is updated in place and
its previous version kept, with who, when and what changed."""

from __future__ import annotations

from csbm.model.dossier import Dossier
from csbm.store import Store
from tests.store.gen import make_dossier, revised


def _with_troops(d: Dossier, claim: int, value: int) -> Dossier:
    claims = list(d.claims)
    claims[claim] = claims[claim].model_copy(update={"value": value})
    return revised(d, claims=claims)


def test_importing_the_same_dossier_twice_changes_nothing(store: Store) -> None:
    d = make_dossier("ex-1")
    first = store.import_dossiers([d], by="alice")
    before = store.counts()
    [summary] = store.activities()
    second = store.import_dossiers([d], by="bob")
    assert first.created == ["ex-1"] and second.unchanged == ["ex-1"]
    assert second.created == second.updated == []
    assert store.counts() == before
    assert store.activities() == [summary]  # same version, time and recorder
    assert len(store.history("ex-1")) == 1


def test_a_changed_dossier_is_updated_in_place_and_the_old_one_kept(store: Store) -> None:
    old = make_dossier("ex-1", notes="first draft")
    store.import_dossiers([old, make_dossier("ex-2")], by="alice")
    new = revised(
        _with_troops(old, 0, 14_000),
        activity=old.activity.model_copy(update={"notes": "checked"}),
    )
    report = store.import_dossiers([new, make_dossier("ex-2")], by="bob")
    assert report.updated == ["ex-1"] and report.unchanged == ["ex-2"]
    assert store.load(["ex-1"]) == [new]
    counts = store.counts()
    assert counts["activities"] == 2 and counts["claims"] == 6  # in place: no copies

    first, second = store.history("ex-1")
    assert (first.version, first.change, first.recorded_by) == (1, "created", "alice")
    assert first.previous() is None
    assert (second.version, second.change, second.recorded_by) == (2, "updated", "bob")
    assert second.previous() == old
    assert second.recorded_at >= first.recorded_at
    assert "activity.notes: 'first draft' → 'checked'" in second.summary
    assert "claims mod.troops.1: value 12000 → 14000" in second.summary
    [summary] = [a for a in store.activities() if a.activity_id == "ex-1"]
    assert summary.version == 2 and summary.recorded_by == "bob"


def test_unchanged_claims_keep_their_transaction_time(store: Store) -> None:
    old = make_dossier("ex-1")
    first = store.import_dossiers([old], by="alice")
    second = store.import_dossiers([_with_troops(old, 2, 150)], by="alice")
    times = {
        c.claim_key: c.recorded_at for src in ("mod", "press") for c in store.claims_of_source(src)
    }
    assert times["mod.troops.1"] == first.recorded_at
    assert times["press.troops.1"] == first.recorded_at
    assert times["mod.tanks.1"] == second.recorded_at


def test_claims_of_a_source_across_dossiers(store: Store) -> None:
    store.import_dossiers([make_dossier("ex-1"), make_dossier("ex-2", troops=9000)], by="t")
    found = store.claims_of_source("mod")
    assert [(c.activity_id, c.claim_key) for c in found] == [
        ("ex-1", "mod.troops.1"),
        ("ex-1", "mod.tanks.1"),
        ("ex-2", "mod.troops.1"),
        ("ex-2", "mod.tanks.1"),
    ]
    assert found[2].claim.value == 9000
    assert str(found[0].known_from) == "2021-05-01"
