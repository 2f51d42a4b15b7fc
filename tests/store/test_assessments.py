"""Saved assessments keep the ruleset, overlays, as-of date and every finding."""

from __future__ import annotations

from datetime import date

import pytest

from csbm import assess
from csbm.model.finding import Scenario
from csbm.rules.overlay import load_overlay
from csbm.store import Store, StoreError, save_assessments
from csbm.store.convert import content_hash
from tests.store.gen import make_dossier


def test_save_and_list_assessments(store: Store) -> None:
    dossiers = [make_dossier("ex-1"), make_dossier("ex-2", troops=8000)]
    store.import_dossiers(dossiers, by="t")
    plain = assess(store.load(), as_of=date(2021, 6, 30))
    what_if = assess(store.load(["ex-2"]), overlays=[load_overlay("lower-thresholds")])
    keys = store.save_assessments(plain, by="analyst")
    keys += save_assessments(store.url, what_if, by="analyst")
    assert len(keys) == 3

    saved = store.assessments()
    assert [s.activity_id for s in saved] == ["ex-1", "ex-2", "ex-2"]
    first = saved[0]
    assert first.ruleset == "vd2011" and first.as_of == date(2021, 6, 30)
    assert first.created_by == "analyst" and first.overlays == []
    assert first.dossier_hash == content_hash(dossiers[0])
    findings = plain[0].scenarios[Scenario.ALL].findings
    counted = sum(first.outcomes["all"].values())
    assert counted == len(findings)
    assert saved[2].overlays == ["lower-thresholds"]
    assert saved[2].result(store)["overlays"][0]["id"] == "lower-thresholds"
    assert [s.pk for s in store.assessments("ex-2")] == keys[1:]


def test_an_assessment_needs_its_activity_in_the_database(store: Store) -> None:
    with pytest.raises(StoreError, match="not in"):
        store.save_assessments(assess([make_dossier("elsewhere")]), by="t")
    assert store.assessments() == []
