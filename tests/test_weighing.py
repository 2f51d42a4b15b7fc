"""Weighing the evidence, checked against cases worked by hand (docs/weighing.md)."""

from __future__ import annotations

from typing import Any

import pytest

from csbm import Scenario, assess
from csbm.evidence.weighing import likelihood_words, weighted_median, weighted_probability
from csbm.model import Quantity
from tests.rule_cases import build

PRESS = {
    "id": "press2",
    "kind": "media",
    "publisher": "Second paper",
    "url": "https://e.org/2",
    "published": "2023-06-13",
}
THINK = {
    "id": "think",
    "kind": "think_tank",
    "publisher": "A think tank",
    "url": "https://e.org/t",
    "published": "2023-06-14",
    "reliability": "B",
}


def weigh(claims: list[dict[str, Any]], scenario: Scenario = Scenario.INDEPENDENT) -> Any:
    d = build({"claims": claims, "sources": [PRESS, THINK]})
    [r] = assess([d], scenarios=[scenario])
    return r.scenarios[scenario].estimates


def statement(est: Any, parameter: str) -> Any:
    w = est.weighing[Quantity.TROOPS]
    return next(t for t in w.thresholds if t.parameter == parameter)


def test_icd_203_bands() -> None:
    assert likelihood_words(0.02) == "almost no chance"
    assert likelihood_words(0.10) == "very unlikely"
    assert likelihood_words(0.30) == "unlikely"
    assert likelihood_words(0.50) == "roughly even chance"
    assert likelihood_words(0.70) == "likely"
    assert likelihood_words(0.90) == "very likely"
    assert likelihood_words(0.97) == "almost certain"


def test_weighted_median() -> None:
    assert weighted_median([]) is None
    assert weighted_median([(10, 1.0), (20, 1.0), (30, 1.0)]) == 20
    assert weighted_median([(10, 0.1), (20, 0.1), (90, 5.0)]) == 90


def test_agreeing_sources() -> None:
    # Media C4 (0.6 x 0.4 = 0.24), media C4 (0.24), think tank B3 (0.8 x 0.6 = 0.48), all
    # 30,000 exact: above 13,000. Score = (0.24 + 0.24 + 0.48 + 0.5 x 0.5) / (0.96 + 0.5)
    # = 1.21 / 1.46 = 0.829 -> very likely.
    est = weigh(
        [
            {"quantity": "troops", "value": 30000, "source": "press"},
            {"quantity": "troops", "value": 30000, "source": "press2"},
            {"quantity": "troops", "value": 30000, "source": "think"},
        ]
    )
    t = statement(est, "ch06.land.troops")
    assert t.probability == pytest.approx(1.21 / 1.46)
    assert t.words == "very likely"
    assert "3 independent sources graded B3–C4" in t.statement
    assert est.weighing[Quantity.TROOPS].best == 30000


def test_lone_outlier() -> None:
    # Two B3 think-tank-grade estimates of 10,000 below 13,000 against one media C4 at
    # 100,000: score = (0.24 + 0.25) / (0.48 + 0.48 + 0.24 + 0.5) -> well below even.
    est = weigh(
        [
            {"quantity": "troops", "value": 10000, "source": "think"},
            {"quantity": "troops", "value": 10000, "source": "think", "id": "think-again"},
            {"quantity": "troops", "value": 100000, "source": "press"},
        ]
    )
    t = statement(est, "ch06.land.troops")
    assert t.probability == pytest.approx((0.24 + 0.25) / (0.48 + 0.48 + 0.24 + 0.5))
    assert t.words == "unlikely"
    assert est.weighing[Quantity.TROOPS].best == 10000


def test_syndicated_copies_count_once() -> None:
    est = weigh(
        [
            {"quantity": "troops", "value": 30000, "source": "press", "originator": "NATO"},
            {"quantity": "troops", "value": 30000, "source": "press2", "originator": "NATO"},
            {"quantity": "troops", "value": 20000, "source": "think"},
        ]
    )
    assert [m.merged for m in est.merges] == [("press2.troops.1",)]
    assert len(est.weighing[Quantity.TROOPS].claims) == 2
    assert "2 independent sources" in statement(est, "ch05.land.troops").statement


def test_same_quote_is_a_copy_even_without_originator() -> None:
    quote = "Some 30,000 troops took part"
    est = weigh(
        [
            {"quantity": "troops", "value": 30000, "source": "press", "quote": quote},
            {"quantity": "troops", "value": 30000, "source": "press2", "quote": quote.upper()},
        ]
    )
    assert len(est.merges) == 1 and "same quote" in est.merges[0].reason


def test_declared_figure_against_many_estimates() -> None:
    # The independent scenario names the declared figure below the threshold.
    est = weigh(
        [
            {"quantity": "troops", "value": 12700, "source": "official"},
            {"quantity": "troops", "value": 70000, "qualifier": "approx", "source": "press"},
            {"quantity": "troops", "value": 60000, "source": "press2"},
            {"quantity": "troops", "value": 100000, "source": "think"},
        ]
    )
    t = statement(est, "ch06.land.troops")
    assert "1 declared figure below" in t.statement
    assert t.words in {"very likely", "likely"}


def test_straddling_claim_counts_its_share() -> None:
    # 12,000-14,000 against 13,000: 1,001 of 2,001 whole numbers are at or above.
    est = weigh([{"quantity": "troops", "low": 12000, "high": 14000, "source": "think"}])
    t = statement(est, "ch06.land.troops")
    share = 1001 / 2001
    assert t.probability == pytest.approx((0.48 * share + 0.25) / (0.48 + 0.5))


def test_more_than_threshold_is_strict() -> None:
    est = weigh([{"quantity": "troops", "value": 40000, "source": "think"}])
    t = statement(est, "ch08.large.troops")
    assert t.comparator == ">" and t.probability < 0.5  # 40,000 is not more than 40,000


def test_grades_default_by_kind_and_dossier_overrides() -> None:
    est = weigh(
        [
            {"quantity": "troops", "value": 30000, "source": "press"},
            {"quantity": "troops", "value": 31000, "source": "think", "credibility": 1},
        ]
    )
    grades = {g.claim_id: g.grade for g in est.weighing[Quantity.TROOPS].claims}
    assert grades == {"press.troops.1": "C4", "think.troops.1": "B1"}


@pytest.mark.parametrize(
    "claim",
    [
        {"quantity": "troops", "value": 15500, "qualifier": "up_to", "source": "think"},
        {"quantity": "troops", "value": 15500, "qualifier": "at_most", "source": "think"},
        {"quantity": "troops", "bound": {"upper": 15500}, "source": "think"},
    ],
)
def test_a_claim_bounded_only_above_that_straddles_abstains(claim: dict[str, Any]) -> None:
    # B2 think tank, "up to 15,500" against 13,000: it says the figure may lie on either
    # side, not how likely each is, so it carries no weight there and the score is the
    # prior's even chance. (Until 2026-12-06 it counted one half, which gave the same 0.5
    # alone but diluted other claims; before that, the share of [0, 15,500] above 13,000,
    # (0.64 x 2,501/15,501 + 0.25) / 1.14 = 0.31.)
    est = weigh([{**claim, "credibility": 2}])
    t = statement(est, "ch06.land.troops")
    assert t.probability == pytest.approx(0.5)
    assert "1 straddling" in t.statement


def test_an_open_ended_claim_that_straddles_does_not_dilute_the_others() -> None:
    # "At least 13,000" (B2, weight 0.64) settles 13,000; "up to 15,500" (B2) abstains:
    # (0.64 + 0.25) / (0.64 + 0.5), as with the first claim alone. At one half each it was
    # (0.64 + 0.32 + 0.25) / (1.28 + 0.5) = 0.680.
    both = weigh(
        [
            {
                "quantity": "troops",
                "value": 13000,
                "qualifier": "at_least",
                "source": "think",
                "credibility": 2,
            },
            {
                "quantity": "troops",
                "value": 15500,
                "qualifier": "up_to",
                "source": "think",
                "credibility": 2,
                "id": "think-up-to",
            },
        ]
    )
    t = statement(both, "ch06.land.troops")
    assert t.probability == pytest.approx((0.64 + 0.25) / (0.64 + 0.5))
    # Against 20,000 the "up to" figure is wholly below and counts, and "at least 13,000"
    # (open above, on both sides of 20,000) abstains: (0 + 0.25) / (0.64 + 0.5).
    assert weighted_probability(both.weighing[Quantity.TROOPS].claims, 20000, 0.5) == pytest.approx(
        0.25 / (0.64 + 0.5)
    )
