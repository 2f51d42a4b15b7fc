"""The conversion itself, without a database."""

from __future__ import annotations

from datetime import date

import pytest

from csbm.model.dossier import Dossier
from csbm.store import Store, StoreError
from csbm.store.convert import (
    HANDLED_FIELDS,
    known_by,
    storable_problems,
    unhandled_fields,
)
from csbm.store.diff import summarize
from tests.store.gen import make_dossier, revised


def test_every_model_field_is_stored() -> None:
    # A field added to the dossier model needs a column, a migration and a line in
    # csbm.store.convert; until then the store refuses to import (see check_model_coverage).
    assert unhandled_fields() == []
    assert Dossier in HANDLED_FIELDS


def test_storable_problems() -> None:
    d = make_dossier("ex-1")
    assert storable_problems(d) == []
    # The model caps figures far lower (csbm.model.bounds); a dossier built without
    # validation (model_copy) still meets the store's own check.
    claims = [d.claims[0].model_copy(update={"value": 2**63}), *d.claims[1:]]
    assert storable_problems(d.model_copy(update={"claims": claims})) == [
        (("claims", 0, "value"), f"{2**63} does not fit in 64 bits, the database limit")
    ]
    named = revised(d, activity=d.activity.model_copy(update={"name": "a\x00b"}))
    assert storable_problems(named)[0][0] == ("activity", "name")


def test_the_store_refuses_unstorable_dossiers(store: Store) -> None:
    d = make_dossier("ex-1")
    claims = [d.claims[0].model_copy(update={"value": 2**63}), *d.claims[1:]]
    # Validated again on import: the model's ceiling answers first, as a StoreError.
    with pytest.raises(StoreError, match=r"ex-1: claims\.0\.value: .*less than or equal"):
        store.import_dossiers([d.model_copy(update={"claims": claims})], by="t")
    assert store.activities() == []


def test_known_by_drops_what_was_not_yet_known() -> None:
    d = make_dossier("ex-1")  # mod published 2021-05-01, press 2021-06-05, act 2021-04-15
    nothing = known_by(d, date(2021, 4, 1))
    assert nothing.claims == nothing.acts == nothing.sources == []
    act_only = known_by(d, date(2021, 4, 15))
    assert len(act_only.acts) == 1 and act_only.claims == []
    assert [s.id for s in act_only.sources] == ["mod"]  # cited by the act, published later
    assert [c.source for c in known_by(d, date(2021, 5, 1)).claims] == ["mod", "mod"]
    assert known_by(d, date(2021, 6, 5)) == d


def test_summary_of_changes() -> None:
    d = make_dossier("ex-1")
    assert summarize(d, d) == []
    fewer = revised(d, claims=d.claims[:2], sources=d.sources)
    assert summarize(d, fewer) == ["claims: removed mod.tanks.1"]
    moved = revised(d, sources=list(reversed(d.sources)))
    assert summarize(d, moved) == ["sources: order changed"]
