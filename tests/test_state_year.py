"""State-year records and the rules over them (Chapters I, II, III ¶17, IV, IX): the bundled
real cases, and constructed cases at and either side of every figure."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from csbm.errors import InputError
from csbm.model.finding import Finding, Outcome
from csbm.model.state_year import StateYear
from csbm.rules import rules
from csbm.rules.state_year import (
    bundled_state_years,
    judge_state_year,
    load_state_year,
    quota_report,
)

BASE: dict[str, Any] = {
    "csbm_state_year": 1,
    "state": "RUS",
    "year": 2021,
    "sources": [
        {
            "id": "mod",
            "kind": "government_statement",
            "publisher": "A ministry",
            "url": "https://example.org/mod",
        }
    ],
}


def record(**extra: Any) -> StateYear:
    data = copy.deepcopy(BASE)
    data.update(extra)
    return StateYear.model_validate(data)


def insp(by: str | None, day: str, answer: str = "accepted", **more: Any) -> dict[str, Any]:
    return {
        "kind": "inspection",
        "by": by,
        "requested": day,
        "answer": answer,
        "source": "mod",
        **more,
    }


def found(findings: list[Finding], rule_id: str) -> list[Finding]:
    out = [f for f in findings if f.rule == rule_id]
    assert out, rule_id
    return out


# --- the bundled record ------------------------------------------------------------------


def test_bundled_records_load_and_at_least_five_carry_inspections_or_evaluations() -> None:
    records = {k: load_state_year(p) for k, p in bundled_state_years().items()}
    with_visits = [k for k, r in records.items() if r.verifications]
    assert len(with_visits) >= 5, with_visits
    for r in records.values():
        assert all(s.url for s in r.sources)  # every fact's source has an address


def test_russia_2014_quota_was_exhausted_by_19_march_by_three_inspections() -> None:
    r = load_state_year(bundled_state_years()["RUS-2014"])
    data = quota_report(r)
    lg = data["ledgers"]["inspection"]
    assert (lg["used"], lg["remaining"], lg["exhausted_by"]) == (3, 0, 3)
    assert lg["exhausted_on"] == "2014-03-19" and lg["exhausted_date_exact"] is False
    [f] = found(judge_state_year(r), "ch09.inspection_quota")
    assert f.outcome is Outcome.COMPLIANT
    assert "quota exhausted on or before 2014-03-19 by 3 inspections" in f.reason


def test_russia_2023_annual_exchange_not_sent() -> None:
    r = load_state_year(bundled_state_years()["RUS-2023"])
    [f] = found(judge_state_year(r), "ch01.annual_exchange")
    assert f.outcome is Outcome.NON_COMPLIANT and f.deadline and str(f.deadline.due) == "2022-12-15"


# --- inspection quota: 3 a year, 1 from the same State -----------------------------------


def test_three_inspections_use_the_quota_and_a_fourth_refused_is_allowed() -> None:
    r = record(
        verifications=[
            insp("UKR", "2021-03-01"),
            insp("DEU", "2021-03-02"),
            insp("CHE", "2021-03-05"),
            insp("POL", "2021-04-01", "refused"),
        ]
    )
    out = judge_state_year(r)
    [q] = found(out, "ch09.inspection_quota")
    assert q.outcome is Outcome.COMPLIANT
    assert "quota exhausted on 2021-03-05 by 3 inspections" in q.reason
    [ref] = found(out, "ch09.inspection_refusal")
    assert ref.outcome is Outcome.COMPLIANT and "used up" in ref.reason


def test_refused_while_quota_remained_is_non_compliant() -> None:
    r = record(
        verifications=[
            insp("UKR", "2021-03-01"),
            insp("DEU", "2021-03-02"),
            insp("POL", "2021-04-01", "refused", grounds="none given"),
        ]
    )
    out = judge_state_year(r)
    [q] = found(out, "ch09.inspection_quota")
    assert q.outcome is Outcome.NON_COMPLIANT and q.reason.startswith(
        "Refused while quota remained"
    )
    [ref] = found(out, "ch09.inspection_refusal")
    assert ref.outcome is Outcome.NON_COMPLIANT and "2 of 3 used" in ref.reason


def test_a_second_request_from_the_same_state_may_be_refused() -> None:
    r = record(verifications=[insp("UKR", "2021-03-01"), insp("UKR", "2021-05-01", "refused")])
    [ref] = found(judge_state_year(r), "ch09.inspection_refusal")
    assert ref.outcome is Outcome.COMPLIANT


def test_a_refusal_to_an_unnamed_state_with_quota_left_is_indeterminate() -> None:
    r = record(verifications=[insp(None, "2021-03-01", "refused")])
    [ref] = found(judge_state_year(r), "ch09.inspection_refusal")
    assert ref.outcome is Outcome.INDETERMINATE


def test_force_majeure_does_not_count_against_the_quota() -> None:
    r = record(
        verifications=[
            insp("UKR", "2021-03-01", counts_against_quota=False),
            insp("DEU", "2021-03-02"),
            insp("CHE", "2021-03-05"),
            insp("POL", "2021-04-01", "refused"),
        ]
    )
    [ref] = found(judge_state_year(r), "ch09.inspection_refusal")
    assert ref.outcome is Outcome.NON_COMPLIANT  # only two counted: one left


def test_no_requests_is_not_applicable() -> None:
    [q] = found(judge_state_year(record()), "ch09.inspection_quota")
    assert q.outcome is Outcome.NOT_APPLICABLE


# --- reply within 24 hours (dates only: one day) --------------------------------------


@pytest.mark.parametrize(
    ("answered", "outcome"),
    [
        ("2021-03-01", Outcome.COMPLIANT),
        ("2021-03-02", Outcome.COMPLIANT),
        ("2021-03-03", Outcome.NON_COMPLIANT),
        (None, Outcome.INDETERMINATE),
    ],
)
def test_inspection_reply_within_24_hours(answered: str | None, outcome: Outcome) -> None:
    r = record(verifications=[insp("UKR", "2021-03-01", answered=answered)])
    [f] = found(judge_state_year(r), "ch09.inspection_reply")
    assert f.outcome is outcome


# --- evaluation quota: one per 60 units, at most 15, a fifth from one State ---------------


def ev(by: str, day: str, answer: str = "accepted") -> dict[str, Any]:
    return {"kind": "evaluation", "by": by, "requested": day, "answer": answer, "source": "mod"}


@pytest.mark.parametrize(
    ("units", "quota", "per_state"),
    [
        (60, 1, 1),
        (61, 2, 1),
        (239, 4, 1),
        (240, 4, 1),
        (241, 5, 1),
        (299, 5, 1),
        (300, 5, 1),
        (600, 10, 2),
        (900, 15, 3),
        (901, 15, 3),
        (5000, 15, 3),
    ],
)
def test_evaluation_quota_at_and_either_side_of_each_figure(
    units: int, quota: int, per_state: int
) -> None:
    r = record(units_reported=units, verifications=[ev("FIN", "2021-02-01")])
    lg = quota_report(r)["ledgers"]["evaluation"]
    assert (lg["quota"], lg["from_one_state"]) == (quota, per_state)


def test_evaluation_refused_with_quota_left_and_quota_unknown() -> None:
    r = record(units_reported=120, verifications=[ev("FIN", "2021-02-01", "refused")])
    [f] = found(judge_state_year(r), "ch09.evaluation_refusal")
    assert f.outcome is Outcome.NON_COMPLIANT
    r = record(verifications=[ev("FIN", "2021-02-01")])
    [q] = found(judge_state_year(r), "ch09.evaluation_quota")
    assert q.outcome is Outcome.INDETERMINATE and "units reported" in q.reason


# --- Chapter I: by 15 December of the year before -----------------------------------------


@pytest.mark.parametrize(
    ("made", "day", "outcome"),
    [
        (True, "2020-12-14", Outcome.COMPLIANT),
        (True, "2020-12-15", Outcome.COMPLIANT),
        (True, "2020-12-16", Outcome.NON_COMPLIANT),
        (False, None, Outcome.NON_COMPLIANT),
    ],
)
def test_annual_exchange_due_15_december(made: bool, day: str | None, outcome: Outcome) -> None:
    r = record(annual_exchange={"made": made, "date": day, "source": "mod"})
    [f] = found(judge_state_year(r), "ch01.annual_exchange")
    assert f.outcome is outcome


def test_no_exchange_on_record_is_indeterminate() -> None:
    [f] = found(judge_state_year(record()), "ch01.annual_exchange")
    assert f.outcome is Outcome.INDETERMINATE


# --- Chapter II, III ¶17, IV ----------------------------------------------------------------


def test_defence_planning_made_or_not() -> None:
    r = record(defence_planning={"made": True, "date": "2021-04-01", "source": "mod"})
    [f] = found(judge_state_year(r), "ch02.defence_planning")
    assert f.outcome is Outcome.COMPLIANT and "unknown" in f.reason
    r = record(defence_planning={"made": False, "source": "mod"})
    [f] = found(judge_state_year(r), "ch02.defence_planning")
    assert f.outcome is Outcome.NON_COMPLIANT


@pytest.mark.parametrize(
    ("answered", "outcome"),
    [
        (True, Outcome.COMPLIANT),
        (False, Outcome.NON_COMPLIANT),
        (None, Outcome.INDETERMINATE),
    ],
)
def test_hazardous_incident_clarification(answered: bool | None, outcome: Outcome) -> None:
    r = record(
        incident_requests=[
            {"by": "POL", "date": "2021-05-01", "answered": answered, "source": "mod"}
        ]
    )
    [f] = found(judge_state_year(r), "ch03.hazardous_incident")
    assert f.outcome is outcome


@pytest.mark.parametrize(
    ("visit_year", "outcome"),
    [
        (2020, Outcome.COMPLIANT),
        (2017, Outcome.COMPLIANT),
        (2016, Outcome.INDETERMINATE),
    ],
)
def test_air_base_visit_once_in_five_years(visit_year: int, outcome: Outcome) -> None:
    old = record(
        year=visit_year,
        air_combat_units=True,
        contacts=[{"kind": "air_base_visit", "date": f"{visit_year}-06-01", "source": "mod"}],
    )
    now = record(air_combat_units=True)
    [f] = found(judge_state_year(now, [old]), "ch04.air_base_visit")
    assert f.outcome is outcome
    [f] = found(judge_state_year(record(air_combat_units=False), [old]), "ch04.air_base_visit")
    assert f.outcome is Outcome.NOT_APPLICABLE


def test_demonstration_of_a_new_type() -> None:
    new = [{"name": "Type X", "first_deployed": "2021-02-01", "source": "mod"}]
    shown = [
        {"kind": "demonstration", "date": "2021-09-01", "what": "type x launcher", "source": "mod"}
    ]
    [f] = found(judge_state_year(record(new_types=new, contacts=shown)), "ch04.demonstration")
    assert f.outcome is Outcome.COMPLIANT and "time limit is not known" in f.reason
    [f] = found(judge_state_year(record(new_types=new)), "ch04.demonstration")
    assert f.outcome is Outcome.INDETERMINATE


def test_every_state_year_rule_is_exercised_here() -> None:
    ids = {r.id for r in rules() if r.needs == "state_year"}
    text = Path(__file__).read_text()
    assert all(f'"{i}"' in text for i in ids), ids


# --- bad input, the command --------------------------------------------------------------


def test_bad_state_year_file_names_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "RUS-2021.yaml"
    path.write_text(
        "csbm_state_year: 1\nstate: RUS\nyear: 2021\nsources:\n"
        "  - {id: mod, kind: media, publisher: X, url: 'https://example.org'}\n"
        "verifications:\n  - {kind: inspection, by: UKR, answer: maybe, requested: 2021-01-01,"
        " source: mod}\n"
    )
    with pytest.raises(InputError) as info:
        load_state_year(path)
    msg = str(info.value)
    assert "RUS-2021.yaml" in msg and ":7" in msg and "verifications[0].answer" in msg


def test_csbm_quota_command_json() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "csbm", "quota", "RUS", "2017", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(out.stdout)
    assert data["ledgers"]["inspection"]["exhausted_by"] == 3
    bad = subprocess.run(
        [sys.executable, "-m", "csbm", "quota", "AUT", "1995"], capture_output=True, text=True
    )
    assert bad.returncode != 0 and "no bundled record" in bad.stderr
