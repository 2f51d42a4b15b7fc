"""Runs every YAML rule case in tests/cases (see tests/rule_cases.py for the format)."""

from __future__ import annotations

import pytest

from csbm.model import Outcome
from tests.rule_cases import Case, check, load_cases, run

CASES = load_cases()


@pytest.mark.parametrize(("name", "case"), CASES, ids=[name for name, _ in CASES])
def test_rule_case(name: str, case: Case) -> None:
    errors = check(case, run(case))
    assert not errors, "\n".join(errors)


def test_enough_cases() -> None:
    assert len(CASES) >= 60


def test_every_outcome_is_covered() -> None:
    seen = set()
    for _, case in CASES:
        for wanted in case.expect.values():
            for exp in wanted if isinstance(wanted, list) else [wanted]:
                seen.add(exp.outcome)
    assert seen == set(Outcome)


def test_every_rule_is_covered() -> None:
    from csbm.rules import rules

    covered = {rule_id for _, case in CASES for rule_id in case.expect}
    # State-year rules are exercised in tests/test_state_year.py.
    assert {r.id for r in rules() if r.needs != "state_year"} <= covered


def test_a_wrong_expectation_is_caught() -> None:
    # The checker must be able to fail: flip one expected outcome and see it reported.
    name, case = next((n, c) for n, c in CASES if "ch05.prior_notification" in c.expect)
    wrong = case.model_copy(deep=True)
    exp = wrong.expect["ch05.prior_notification"]
    first = exp[0] if isinstance(exp, list) else exp
    first.outcome = Outcome.CONFLICT if first.outcome is not Outcome.CONFLICT else Outcome.COMPLIANT
    assert check(wrong, run(wrong)), name
