"""Knowledge time (`as_of`: what was known on a date) and transaction time
(`recorded_as_of`: what the database held at a moment)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csbm import assess
from csbm.model.dossier import Dossier
from csbm.store import Store, StoreError, load_from_db
from csbm.store.convert import known_by
from tests.conftest import BUNDLED
from tests.store.gen import dossiers, make_dossier, revised

UNION = "union-resolve-2022"
NATO_ESTIMATE = date(2022, 2, 3)  # Stoltenberg's ~30,000 (politico-eu-2022-02-03)


@pytest.fixture
def union(store: Store) -> Dossier:
    from csbm.model.load import load_dossier

    d = load_dossier(BUNDLED / f"{UNION}.yaml")
    store.import_dossiers([d], by="test")
    return d


def _independent(dossier: Dossier, as_of: date) -> tuple[str, str, object]:
    [result] = assess([dossier], as_of=as_of)
    scenario = result.scenarios["independent"]  # type: ignore[index]
    finding = scenario.finding("ch05.prior_notification")
    troops = scenario.estimates.by_quantity.get("troops")  # type: ignore[call-overload]
    return finding.outcome.value, finding.reason, troops


def test_union_resolve_before_and_after_natos_estimate(store: Store, union: Dossier) -> None:
    before_day = NATO_ESTIMATE - timedelta(days=1)
    [before] = load_from_db(store.url, [UNION], as_of=before_day)
    [after] = load_from_db(store.url, [UNION], as_of=NATO_ESTIMATE)
    assert "stoltenberg-troops-30000" not in {c.id for c in before.claims}
    assert "stoltenberg-troops-30000" in {c.id for c in after.claims}

    outcome, reason, troops = _independent(before, before_day)
    assert troops is None
    assert "no figures for troops" in reason
    assert outcome == "indeterminate"

    outcome, reason, troops = _independent(after, NATO_ESTIMATE)
    assert troops is not None and (troops.interval.low, troops.interval.high) == (27_000, 33_000)
    assert "troops 27,000–33,000 (at or above 9,000)" in reason
    # Still undecided: whether the forces were under one command is unknown.
    assert outcome == "indeterminate" and "single operational command" in reason

    # Filtering in the database gives the verdicts assess --as-of gives on the whole file.
    for day in (before_day, NATO_ESTIMATE):
        [db] = assess(load_from_db(store.url, [UNION], as_of=day), as_of=day)
        [whole] = assess([union], as_of=day)
        for s, result in whole.scenarios.items():
            assert [(f.rule, f.outcome) for f in db.scenarios[s].findings] == [
                (f.rule, f.outcome) for f in result.findings
            ]


def test_the_estimate_decides_notifiability_once_command_is_settled(
    store: Store, union: Dossier
) -> None:
    """A what-if revision (not the record): with a single command on record, the activity
    becomes notifiable exactly when NATO's figure is known. The outcome stays
    indeterminate: that Belarus did not notify comes from an undated source, so it is not
    known to have been known on either day."""
    settled = revised(
        union, activity=union.activity.model_copy(update={"single_operational_command": True})
    )
    store.import_dossiers([settled], by="what-if")
    before_day = NATO_ESTIMATE - timedelta(days=1)
    findings = {}
    for day in (before_day, NATO_ESTIMATE):
        [result] = assess(store.load([UNION], as_of=day), as_of=day)
        findings[day] = result.scenarios["independent"].finding(  # type: ignore[index]
            "ch05.prior_notification"
        )
    assert findings[before_day].applies is None
    assert findings[before_day].reason.startswith("Possibly notifiable")
    assert findings[NATO_ESTIMATE].applies is True
    assert findings[NATO_ESTIMATE].reason.startswith("Notifiable")


def test_recorded_as_of_gives_the_record_as_it_stood(store: Store) -> None:
    v1 = make_dossier("ex-1", troops=10_000)
    r1 = store.import_dossiers([v1], by="t")
    v2 = make_dossier("ex-1", troops=20_000)
    r2 = store.import_dossiers([v2, make_dossier("ex-2")], by="t")
    assert r2.recorded_at >= r1.recorded_at
    assert store.load(["ex-1"], recorded_as_of=r1.recorded_at) == [v1]
    assert store.load(["ex-1"], recorded_as_of=r2.recorded_at) == [v2]
    assert [d.activity.id for d in store.load(recorded_as_of=r1.recorded_at)] == ["ex-1"]
    with pytest.raises(StoreError, match=r"not in .* as recorded at"):
        store.load(["ex-2"], recorded_as_of=r1.recorded_at)
    with pytest.raises(StoreError, match=r"not in .*: ex-1"):
        store.load(["ex-1"], recorded_as_of=r1.recorded_at - timedelta(seconds=1))
    # Both axes at once: v1 as it was known on 2021-05-15 (the press report was later).
    [early] = store.load(["ex-1"], as_of=date(2021, 5, 15), recorded_as_of=r1.recorded_at)
    assert [c.value for c in early.claims] == [10_000, 120]
    assert [s.id for s in early.sources] == ["mod"]


def test_knowledge_time_is_stored_per_claim(store: Store) -> None:
    store.import_dossiers([make_dossier("ex-1")], by="t")
    known = {c.claim_key: str(c.known_from) for c in store.claims_of_source("press")}
    assert known == {"press.troops.1": "2021-06-05"}


def test_derived_claim_ids_survive_filtering(store: Store) -> None:
    base = make_dossier("ex-1")
    early = base.claims[0].model_copy(update={"stated": date(2021, 7, 1)})  # known later
    d = revised(base, claims=[early, *base.claims])
    store.import_dossiers([d], by="t")
    [cut] = store.load(["ex-1"], as_of=date(2021, 6, 30))
    ids = [cut.claim_id(i) for i in range(len(cut.claims))]
    assert ids == ["mod.troops.2", "press.troops.1", "mod.tanks.1"]
    assert ids == [d.claim_id(i) for i in (1, 2, 3)]


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(dossier=dossiers(), as_of=st.dates())
def test_sql_filter_and_python_filter_agree(store: Store, dossier: Dossier, as_of: date) -> None:
    store.import_dossiers([dossier], by="t")
    [in_sql] = store.load([dossier.activity.id], as_of=as_of)
    assert in_sql == known_by(dossier, as_of)
