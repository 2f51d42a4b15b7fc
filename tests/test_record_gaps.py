"""`csbm record gaps`: the gaps of the bundled record and the verdicts each would settle,
checked against the real assessment (no mocks)."""

from __future__ import annotations

import json
import subprocess

import pytest

from csbm import load_dossier
from csbm.model.dossier import ActType, Dossier
from csbm.model.finding import Outcome, Scenario
from csbm.model.load import load_dossiers
from csbm.record.gaps import HEADLINE_RULES, Gap, gaps_of, record_gaps, trials
from csbm.rules.assess import assess
from tests.conftest import BUNDLED, env_without_color

OPEN = {Outcome.INDETERMINATE, Outcome.CONFLICT}


@pytest.fixture(scope="module")
def record() -> list[Dossier]:
    return load_dossiers([BUNDLED])


@pytest.fixture(scope="module")
def gaps(record: list[Dossier]) -> list[Gap]:
    return record_gaps(record)


def _outcomes(dossiers: list[Dossier], activity: str) -> dict[str, Outcome]:
    results = assess(dossiers, scenarios=[Scenario.ALL])
    [mine] = [r for r in results if r.dossier.activity.id == activity]
    return {
        f.rule: f.outcome
        for f in mine.scenarios[Scenario.ALL].findings
        if f.rule in HEADLINE_RULES and f.subject is None
    }


def test_headline_rules_read_only_their_own_dossier(record: list[Dossier]) -> None:
    # gaps assesses each dossier alone; that is sound only if the headline verdicts do not
    # depend on the other activities of the record.
    whole = assess(record, scenarios=[Scenario.ALL], strict=True)
    for result in whole:
        [alone] = assess([result.dossier], scenarios=[Scenario.ALL], strict=True)
        got = [
            (f.rule, f.subject, f.outcome)
            for f in alone.scenarios[Scenario.ALL].findings
            if f.rule in HEADLINE_RULES
        ]
        want = [
            (f.rule, f.subject, f.outcome)
            for f in result.scenarios[Scenario.ALL].findings
            if f.rule in HEADLINE_RULES
        ]
        assert got == want, result.dossier.activity.id


def test_most_decisive_first(gaps: list[Gap]) -> None:
    assert gaps, "the bundled record has gaps"
    keys = [(g.count, len(g.bears_on)) for g in gaps]
    assert keys == sorted(keys, reverse=True)
    assert gaps[0].count >= 2  # some single fact settles more than one verdict
    assert all(g.count or g.bears_on for g in gaps)  # idle gaps only with include_idle


def test_a_settled_count_holds_when_the_whole_record_is_assessed_again(
    record: list[Dossier], gaps: list[Gap]
) -> None:
    # Take the top gap, set the fact both ways by hand in the whole record, and check the
    # verdicts it claims to settle are open now and decided under both values.
    top = next(g for g in gaps if g.kind == "unknown_fact" and g.count >= 2)
    field = top.fact.split(":")[0].replace(" ", "_")
    index = next(i for i, d in enumerate(record) if d.activity.id == top.activity)
    now = _outcomes(record, top.activity)
    settled = {s for s in top.settles}
    assert settled and all(now[rule] in OPEN for rule in settled)
    for value in (True, False):
        changed = list(record)
        d = record[index]
        changed[index] = Dossier.model_validate(
            {**dict(d), "activity": d.activity.model_copy(update={field: value})}
        )
        after = _outcomes(changed, top.activity)
        assert all(after[rule] not in OPEN for rule in settled), (value, after)
    # and a verdict it only bears on stays open under at least one value
    for rule in top.bears_on:
        outcomes = set()
        for value in (True, False):
            changed = list(record)
            d = record[index]
            changed[index] = Dossier.model_validate(
                {**dict(d), "activity": d.activity.model_copy(update={field: value})}
            )
            outcomes.add(_outcomes(changed, top.activity)[rule] in OPEN)
        assert outcomes == {True, False}


def test_an_undated_act_is_a_gap_with_its_words() -> None:
    # Trident Juncture 2018's invitation is on record in words only (no day, no month).
    d = load_dossier(BUNDLED / "trident-juncture-2018.yaml")
    found = {t.fact: t for t in trials(d)}
    inv = found["observation invitation by NOR: on record, no date"]
    assert inv.kind == "act_undated" and inv.words and "2 October 2018" in inv.words
    assert [label.split()[0] for label, _ in inv.values] == ["dated", "dated"]
    # An act on record with a date is no gap; an act not on record is one.
    assert "notification by NOR: not on record" not in found
    assert "calendar entry by NOR: not on record" in found


def test_values_tried_never_reach_the_dossier() -> None:
    d = load_dossier(BUNDLED / "aurora-23.yaml")
    before = d.model_dump(mode="json")
    gaps = gaps_of(d)
    assert any(g.kind == "act_missing" for g in gaps)
    assert d.model_dump(mode="json") == before
    assert not any(a.source == "csbm-gaps-hypothesis" for a in d.acts)


def test_a_missing_act_settles_only_its_own_chapter() -> None:
    # Aurora 23 is notifiable and observable on its figures: each act decides its rule.
    d = load_dossier(BUNDLED / "aurora-23.yaml")
    by_fact = {g.fact: g for g in gaps_of(d)}
    note = by_fact["notification by SWE: not on record"]
    assert note.settles == ("ch05.prior_notification",)
    inv = by_fact["observation invitation by SWE: not on record"]
    assert inv.settles == ("ch06.observation_invitation",)
    assert note.tried[-1] == "not made"
    assert [a.type for a in d.acts if a.type is ActType.NOTIFICATION] == []


def test_cli_gaps_json_and_errors(csbm_cmd: list[str]) -> None:
    r = subprocess.run(
        [*csbm_cmd, "record", "gaps", "aurora-23", "--format", "json"],
        capture_output=True,
        text=True,
        env=env_without_color(),
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["headline_rules"] == list(HEADLINE_RULES)
    assert {g["activity"] for g in data["gaps"]} == {"aurora-23"}
    first = data["gaps"][0]
    assert first["would_settle"] == len(first["settles"]) >= 1
    table = subprocess.run(
        [*csbm_cmd, "record", "gaps", "aurora-23"],
        capture_output=True,
        text=True,
        env=env_without_color(),
        timeout=120,
    )
    assert "aurora-23" in table.stdout and "notification by SWE" in table.stdout
    bad = subprocess.run(
        [*csbm_cmd, "record", "gaps", "no-such-activity"],
        capture_output=True,
        text=True,
        env=env_without_color(),
        timeout=120,
    )
    assert bad.returncode == 2 and "no-such-activity" in bad.stderr
