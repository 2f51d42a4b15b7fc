"""The seed case: Union Resolve 2022 under the Vienna Document 2011."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from csbm import Outcome, Scenario, assess, load_dossier
from csbm.model.dossier import ActType


def _assess(path: Path, **changes: object) -> dict[Scenario, object]:
    d = load_dossier(path)
    if changes:
        d = d.model_copy(update={"activity": d.activity.model_copy(update=changes)})
    [result] = assess([d])
    assert result.ruleset is not None and result.ruleset.id == "vd2011"
    return result.scenarios  # type: ignore[return-value]


def test_no_figures_declared(union_resolve: Path) -> None:
    [result] = assess([load_dossier(union_resolve)])
    declared = result.scenarios[Scenario.DECLARED]
    assert declared.estimates.by_quantity == {}
    # The States' own statements are on record, without figures, and the reason says so.
    assert declared.estimates.without_figures
    f = declared.finding("ch05.prior_notification")
    assert f.outcome is Outcome.INDETERMINATE
    assert "no figures" in f.reason and "statements by the States" in f.reason


def test_independent_estimates_exceed_both_thresholds(union_resolve: Path) -> None:
    [result] = assess([load_dossier(union_resolve)])
    est = result.scenarios[Scenario.INDEPENDENT].estimates
    troops = est.by_quantity[next(iter(est.by_quantity))].interval
    assert troops.low >= 13000 and troops.high <= 40000
    assert len(est.by_quantity[next(iter(est.by_quantity))].claims) >= 2


def test_notification_deadline_and_single_command_unknown(union_resolve: Path) -> None:
    scenarios = _assess(union_resolve)
    f = scenarios[Scenario.INDEPENDENT].finding("ch05.prior_notification")  # type: ignore[attr-defined]
    assert f.deadline.due == date(2021, 12, 30)
    assert f.deadline.met is False
    assert f.outcome is Outcome.INDETERMINATE
    assert "single operational command" in f.reason
    assert "9,000" in f.reason


def test_non_compliant_if_under_single_command(union_resolve: Path) -> None:
    scenarios = _assess(union_resolve, single_operational_command=True)
    notify = scenarios[Scenario.INDEPENDENT].finding("ch05.prior_notification")  # type: ignore[attr-defined]
    observe = scenarios[Scenario.INDEPENDENT].finding("ch06.observation_invitation")  # type: ignore[attr-defined]
    assert notify.outcome is Outcome.NON_COMPLIANT and notify.applies is True
    assert observe.outcome is Outcome.NON_COMPLIANT and "13,000" in observe.reason
    # The declared scenario still has no figures: it stays indeterminate.
    declared = scenarios[Scenario.DECLARED].finding("ch05.prior_notification")  # type: ignore[attr-defined]
    assert declared.outcome is Outcome.INDETERMINATE


def test_chapter3_reply_within_48_hours(union_resolve: Path) -> None:
    d = load_dossier(union_resolve)
    request = next(a for a in d.acts if a.type is ActType.CHAPTER3_REQUEST)
    assert request.date == date(2022, 2, 9)
    [result] = assess([d])
    f = result.scenarios[Scenario.ALL].finding("ch03.unusual_activity_reply")
    # In time, but it did not answer the questions asked (the requesting States' word):
    # the duty of ¶16 is an explanation, not only a reply (issue 12 §4).
    assert f.outcome is Outcome.NON_COMPLIANT
    assert "did not answer the questions asked" in f.reason
    assert f.deadline is not None
    assert f.deadline.done == date(2022, 2, 11) and f.deadline.met is True


def test_every_citation_shows_verified_status(union_resolve: Path) -> None:
    [result] = assess([load_dossier(union_resolve)])
    data = result.as_json()
    for scenario in data["scenarios"].values():
        for finding in scenario["findings"]:
            assert finding["citations"], finding["rule"]
            for c in finding["citations"]:
                assert c["verified"] in (True, False)
            for p in finding["parameters"]:
                assert "verified" in p["citation"]


def test_as_of_before_nato_estimate(union_resolve: Path) -> None:
    # Before NATO's 3 February statement no independent figure was known.
    [before] = assess([load_dossier(union_resolve)], as_of=date(2022, 2, 2))
    [after] = assess([load_dossier(union_resolve)], as_of=date(2022, 2, 4))
    assert before.scenarios[Scenario.INDEPENDENT].estimates.by_quantity == {}
    assert after.scenarios[Scenario.INDEPENDENT].estimates.by_quantity


def test_seed_article_figure_is_in_the_dossier(union_resolve: Path, shared: Path) -> None:
    article = (shared / "seed" / "union-resolve-2022-article.txt").read_text()
    assert "30,000 Russian troops" in article
    d = load_dossier(union_resolve)
    media = [c for c in d.claims if d.source(c.source).publisher == "The National Interest"]
    assert media and media[0].value == 30000
    assert media[0].quote and media[0].quote.split()[0] in article
