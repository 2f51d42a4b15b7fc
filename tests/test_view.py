"""The shared view of one assessed activity (csbm.report.view), on bundled dossiers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from csbm.model.load import load_dossier
from csbm.report.view import activity_view, worst
from csbm.rules import assess

DOSSIERS = Path(__file__).resolve().parents[1] / "src" / "csbm" / "data" / "dossiers"


@pytest.fixture(scope="module")
def union_resolve() -> dict[str, object]:
    dossier = load_dossier(DOSSIERS / "union-resolve-2022.yaml")
    return activity_view(assess([dossier])[0], parts=["some-part"])


def test_the_view_is_json_ready(union_resolve: dict[str, object]) -> None:
    assert json.loads(json.dumps(union_resolve)) == union_resolve


def test_one_verdict_line_per_scenario_naming_the_headline_rules(union_resolve: dict) -> None:
    lines = {v["scenario"]: v["line"] for v in union_resolve["verdicts"]}
    assert set(lines) == {"declared", "independent", "all"}
    assert lines["independent"].startswith("independent: notification indeterminate")
    assert "observation" in lines["all"]


def test_findings_carry_citations_with_their_verified_flag(union_resolve: dict) -> None:
    notification = [f for f in union_resolve["findings"] if f["rule"] == "ch05.prior_notification"]
    assert len(notification) == 3
    first = notification[0]
    assert first["title"].startswith("Prior notification")
    assert first["citations"] and all(c["verified"] is False for c in first["citations"])
    assert first["deadline"]["due"] == "2021-12-30"
    assert first["deadline"]["met"] is False
    assert any(p["path"].startswith("ch05.") for p in first["parameters"])


def test_evidence_rows_name_source_grade_and_side(union_resolve: dict) -> None:
    rows = {r["claim_id"]: r for r in union_resolve["evidence"]}
    nato = rows["stoltenberg-troops-30000"]
    assert (nato["figure"], nato["qualifier"], nato["side"]) == (
        "about 30,000",
        "approx",
        "independent",
    )
    assert nato["url"].startswith("https://www.politico.eu/")
    assert len(union_resolve["sources"]) == 16


def test_timeline_holds_period_deadlines_and_acts_in_date_order(union_resolve: dict) -> None:
    events = union_resolve["timeline"]
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)
    kinds = {e["kind"] for e in events}
    assert kinds == {"activity", "deadline", "act"}
    due = next(e for e in events if e.get("rule") == "ch05.prior_notification")
    # The deadline passed without a notification; whether one was owed stays open.
    assert (due["date"], due["status"], due["outcome"]) == ("2021-12-30", "missed", "indeterminate")
    assert any(e["label"] == "Chapter III reply" and e["status"] == "made" for e in events)


def test_links_and_locations(union_resolve: dict) -> None:
    assert union_resolve["links"]["parts"] == ["some-part"]
    assert all(loc["name"] for loc in union_resolve["locations"])
    assert union_resolve["what_if"] is None


def test_worst_outcome_order() -> None:
    assert worst(["compliant", "indeterminate"]) == "indeterminate"
    assert worst(["not_applicable", "conflict", "non_compliant"]) == "conflict"
    assert worst([]) is None


def test_every_act_type_has_a_label() -> None:
    # An act type without a label made every page of an activity holding one fail (500).
    from csbm.model.dossier import ActType
    from csbm.report.view import ACT_LABEL

    assert set(ACT_LABEL) == set(ActType)
