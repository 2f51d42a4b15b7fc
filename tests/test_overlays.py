"""What-if overlays and the history of the rules."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from csbm import Outcome, Scenario, assess
from csbm.errors import UsageError
from csbm.rules.history import diff_rulesets, parameter_timeline
from csbm.rules.overlay import OverlayError, load_overlay, overlay_from_settings, parse_overlay
from tests.conftest import env_without_color
from tests.rule_cases import build


def _six_thousand() -> list:  # type: ignore[type-arg]
    return [
        build(
            {
                "claims": [
                    {"quantity": "troops", "value": 6000, "source": "official"},
                    {"quantity": "tanks", "value": 100, "source": "official"},
                    {"quantity": "acv", "value": 100, "source": "official"},
                    {"quantity": "artillery", "value": 100, "source": "official"},
                ],
                "acts": [
                    {
                        "type": "notification",
                        "by": "RUS",
                        "date": "2023-04-01",
                        "source": "official",
                    }
                ],
            }
        )
    ]


def test_lower_thresholds_make_a_6000_troop_exercise_notifiable() -> None:
    overlay = load_overlay("lower-thresholds")
    [result] = assess(_six_thousand(), overlays=[overlay], scenarios=[Scenario.DECLARED])
    assert result.baseline is not None
    base = result.baseline.scenarios[Scenario.DECLARED].finding("ch05.prior_notification")
    new = result.scenarios[Scenario.DECLARED].finding("ch05.prior_notification")
    assert base.outcome is Outcome.NOT_APPLICABLE
    assert new.outcome is Outcome.COMPLIANT and "5,000" in new.reason
    troops = next(p for p in new.parameters if p.path == "ch05.land.troops")
    assert troops.citation.instrument == "overlay:lower-thresholds"
    assert troops.confidence == "what-if"
    changes = result.changes()
    assert any(c.rule == "ch05.prior_notification" for c in changes)
    data = result.as_json()
    assert data["baseline"]["scenarios"]["declared"]["findings"]
    assert data["changes"][0]["baseline_outcome"] == "not_applicable"


def test_alert_overlay_opens_a_48_hour_snap_exercise_to_observers() -> None:
    d = build(
        {
            "activity": {
                "alert": True,
                "start": "2023-06-10",
                "end": "2023-06-11",
                "duration_hours": 48,
            },
            "claims": [{"quantity": "troops", "value": 15000, "source": "official"}],
        }
    )
    [result] = assess([d], overlays=[load_overlay("alert-24h")], scenarios=[Scenario.ALL])
    assert result.baseline is not None
    base = result.baseline.scenarios[Scenario.ALL].finding("ch06.observation_invitation")
    new = result.scenarios[Scenario.ALL].finding("ch06.observation_invitation")
    assert base.outcome is Outcome.NOT_APPLICABLE
    assert new.applies is True and new.outcome is Outcome.INDETERMINATE


def test_set_option_builds_an_overlay() -> None:
    o = overlay_from_settings(["ch05.land.troops=5000", "ch08.constraint_1.window_reading=fixed"])
    assert o.parameters == {"ch05.land.troops": 5000, "ch08.constraint_1.window_reading": "fixed"}
    for bad in ["ch05.land.troops", "=5", "ch05.land.troops=[1]"]:
        with pytest.raises(UsageError):
            overlay_from_settings([bad])
    with pytest.raises(OverlayError, match="no parameter"):
        overlay_from_settings(["ch05.land.troop=5000"])
    with pytest.raises(OverlayError, match="takes a number"):
        overlay_from_settings(["ch05.land.troops=many"])


def test_fixed_window_reading_changes_constraint_1() -> None:
    # Large activities in 2013 and 2015: within a rolling three-year window, but in
    # different fixed blocks (2012-2014, 2015-2017).
    first = build(
        {
            "activity": {"id": "a2013", "start": "2013-06-01", "end": "2013-06-10"},
            "claims": [{"quantity": "troops", "value": 50000, "source": "official"}],
        },
        "a2013",
    )
    second = build(
        {
            "activity": {"id": "a2015", "start": "2015-06-01", "end": "2015-06-10"},
            "claims": [{"quantity": "troops", "value": 50000, "source": "official"}],
        },
        "a2015",
    )
    fixed = overlay_from_settings(["ch08.constraint_1.window_reading=fixed"])
    [_, result] = assess([first, second], overlays=[fixed], scenarios=[Scenario.ALL])
    assert result.baseline is not None
    base = result.baseline.scenarios[Scenario.ALL].finding("ch08.constraint_1")
    new = result.scenarios[Scenario.ALL].finding("ch08.constraint_1")
    assert base.outcome is Outcome.NON_COMPLIANT and "rolling" in base.reason
    assert new.outcome is Outcome.COMPLIANT and "fixed" in new.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("id: x\ntitle: T\nsource: illustrative\nparameters: {ch05.land.troop: 5}\n", ":4"),
        (
            "id: x\ntitle: T\nsource: illustrative\nparameters: {ch05.land.troops: lots}\n",
            "takes a number",
        ),
        ("id: x\ntitle: T\nsource: rumour\nparameters: {ch05.land.troops: 5}\n", "source"),
        ("id: x\ntitle: T\nsource: illustrative\nparameters: {}\n", "parameters"),
        ("id: x\ntitle: [T\n", "YAML syntax"),
    ],
)
def test_bad_overlays_are_refused_with_location(text: str, words: str) -> None:
    with pytest.raises(OverlayError) as info:
        parse_overlay(text, "o.yaml")
    assert str(info.value).startswith("o.yaml") and words in str(info.value)


def test_bundled_overlays_are_labelled_illustrative() -> None:
    from csbm.rules.overlay import bundled_overlays

    assert set(bundled_overlays()) >= {"lower-thresholds", "alert-24h"}
    for name in bundled_overlays():
        assert load_overlay(name).source == "illustrative"


def test_rules_diff_between_versions() -> None:
    rows = {r["parameter"]: r for r in diff_rulesets("vd1990", "vd2011")}
    troops = rows["ch05.land.troops"]
    assert troops["old"]["value"] == 13000 and troops["new"]["value"] == 9000
    assert troops["old"]["citation"]["instrument"] == "vd1990"
    assert rows["ch08.band.troops"]["old"] is None  # no constraints under VD1990
    assert "ch05.lead_days" not in rows  # unchanged
    window = {r["parameter"]: r for r in diff_rulesets("vd1994", "vd1999")}
    assert window["ch08.constraint_1.window_years"]["new"]["value"] == 3


def test_parameter_timeline() -> None:
    rows = parameter_timeline("ch05.land.troops")
    assert [r["value"] for r in rows] == [13000, 9000, 9000, 9000, 9000]
    assert rows[0]["citation"]["instrument"] == "vd1990"


def test_cli_overlay_and_history(csbm_cmd: list[str], tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*csbm_cmd, *args], capture_output=True, text=True, env=env_without_color(), timeout=120
        )

    r = run("assess", "union-resolve-2022", "--overlay", "lower-thresholds", "--format", "json")
    assert r.returncode == 0, r.stderr
    [item] = json.loads(r.stdout)
    assert item["overlays"][0]["id"] == "lower-thresholds" and "changes" in item
    r = run("assess", "union-resolve-2022", "--overlay", "alert-24h")
    assert r.returncode == 0 and "What-if" in r.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: T\nsource: illustrative\nparameters: {nope: 1}\n")
    r = run("assess", "union-resolve-2022", "--overlay", str(bad))
    assert r.returncode == 2 and f"{bad}:4" in r.stderr
    r = run("rules", "diff", "vd1990", "vd2011", "--format", "json")
    assert r.returncode == 0 and any(
        x["parameter"] == "ch05.land.troops" for x in json.loads(r.stdout)
    )
    r = run("rules", "diff", "vd1990", "vd2031")
    assert r.returncode == 2 and "unknown ruleset" in r.stderr
    r = run("rules", "timeline", "ch06.land.troops")
    assert r.returncode == 0 and "17,000" in r.stdout
    r = run("rules", "timeline", "ch06.land.troop")
    assert r.returncode == 2
