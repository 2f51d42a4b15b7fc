"""Engine-level checks: rules read only what they declare; timing edge cases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from csbm import Outcome, Scenario, assess, load_dossier
from csbm.rules import get_rule
from tests.rule_cases import build, load_cases, run


def test_rules_read_only_the_parameters_they_declare(union_resolve: Path) -> None:
    findings = [f for _, case in load_cases() for f in run(case)]
    [ur] = assess([load_dossier(union_resolve)])
    findings += [f for r in ur.scenarios.values() for f in r.findings]
    checked = 0
    for f in findings:
        prefixes = get_rule(f.rule).parameters
        for p in f.parameters:
            assert p.path.startswith(prefixes), (f.rule, p.path)
            checked += 1
    assert checked > 500


def test_mixed_time_zones_compare_by_day() -> None:
    d = build(
        {
            "acts": [
                {
                    "type": "chapter3_request",
                    "by": ["LTU"],
                    "to": "RUS",
                    "date": "2023-09-21T10:00:00",
                    "source": "press",
                },
                {
                    "type": "chapter3_reply",
                    "by": "RUS",
                    "to": ["LTU"],
                    "date": "2023-09-23T15:30:00+02:00",
                    "source": "official",
                },
            ]
        }
    )
    [result] = assess([d], scenarios=[Scenario.ALL])
    f = result.scenarios[Scenario.ALL].finding("ch03.unusual_activity_reply")
    assert f.outcome is Outcome.COMPLIANT  # same day as the deadline, compared by day


def test_sources_without_figures_respect_as_of(union_resolve: Path) -> None:
    [early] = assess([load_dossier(union_resolve)], as_of=date(2022, 2, 5))
    [late] = assess([load_dossier(union_resolve)])
    assert "belsat-2022-02-16" in late.scenarios[Scenario.DECLARED].estimates.without_figures
    assert "belsat-2022-02-16" not in early.scenarios[Scenario.DECLARED].estimates.without_figures


def test_undated_claims_are_named_under_as_of(union_resolve: Path) -> None:
    [r] = assess([load_dossier(union_resolve)], as_of=date(2022, 3, 1))
    reasons = {x.reason for x in r.scenarios[Scenario.ALL].estimates.left_out}
    assert any("undated" in x for x in reasons)
