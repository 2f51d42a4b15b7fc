"""The Chapter IX ledger reads the activity dossiers' inspection and evaluation_visit acts
(response, quota_cited, reason, held_from, held_to) as well as the State-year files."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from csbm.data import bundled_dossier
from csbm.model.dossier import Act, Dossier
from csbm.model.finding import Outcome
from csbm.model.load import load_dossier
from csbm.model.state_year import Answer, StateYear, VerificationKind
from csbm.rules.state_year import (
    dossier_verifications,
    find_state_year,
    judge_state_year,
    known_state_years,
    ledger,
    quota_report,
    with_dossier_acts,
)


def _dossier(*acts: dict[str, Any]) -> Dossier:
    """A bundled dossier (its activity and sources) with the given acts in place of its own."""
    path = bundled_dossier("anakonda-2016")
    assert path is not None
    real = load_dossier(path)
    src = real.sources[0].id
    made = [Act.model_validate({"source": src, **a}) for a in acts]
    return real.model_copy(update={"acts": made})


def _insp(by: str, to: str, day: str, response: str | None, **more: Any) -> dict[str, Any]:
    return {"type": "inspection", "by": [by], "to": [to], "date": day, "response": response, **more}


def _empty(state: str, year: int) -> StateYear:
    return StateYear.model_validate(
        {
            "csbm_state_year": 1,
            "state": state,
            "year": year,
            "sources": [
                {"id": "s", "kind": "media", "publisher": "P", "url": "https://example.org/s"}
            ],
        }
    )


def test_bundled_dossier_inspections_make_state_years_of_their_own() -> None:
    # Russia's three inspections during Trident Juncture 2015 (Italy, Spain, Portugal) and
    # its inspection in Poland during Anakonda-16 are dossier acts only.
    for state, year, start in (
        ("ITA", 2015, "2015-10-26"),
        ("ESP", 2015, "2015-10-27"),
        ("PRT", 2015, "2015-10-27"),
        ("POL", 2016, "2016-06-06"),
        ("NOR", 2014, "2014-03-17"),
    ):
        rec = find_state_year(state, year)
        assert rec is not None, (state, year)
        lg = ledger_of(rec)
        assert [r["start"] for r in lg["rows"]] == [start]
        assert lg["used"] == 1 and lg["remaining"] == 2
        assert all(s.url for s in rec.sources)
    known = known_state_years()
    assert {"ITA-2015", "POL-2016", "RUS-2014"} <= set(known)


def ledger_of(rec: StateYear) -> dict[str, Any]:
    data = quota_report(rec)
    inspection: dict[str, Any] = data["ledgers"]["inspection"]
    return inspection


def test_a_request_on_both_the_file_and_a_dossier_counts_once_and_gains_its_days() -> None:
    # RUS-2014 records Ukraine's 19 March 2014 inspection undated; the snap-check dossier
    # records the same visit (same report) with its day.
    rec = find_state_year("RUS", 2014)
    assert rec is not None
    lg = ledger_of(rec)
    assert lg["requests"] == 3 and lg["used"] == 3
    ukr = [r for r in lg["rows"] if r["by"] == "UKR"]
    assert len(ukr) == 1 and ukr[0]["start"] == "2014-03-19"
    assert lg["exhausted_on"] == "2014-03-19" and lg["exhausted_by"] == 3
    [f] = [f for f in judge_state_year(rec) if f.rule == "ch09.inspection_quota"]
    assert "quota exhausted on 2014-03-19 by 3 inspections" in f.reason  # now dated


def test_refused_citing_the_quota_while_quota_remained_is_non_compliant() -> None:
    d = _dossier(
        _insp("DEU", "POL", "2016-02-01", "accepted", held_from="2016-02-03", held_to="2016-02-04"),
        _insp("RUS", "POL", "2016-03-01", "refused", quota_cited=True, reason="quota used up"),
    )
    rec = with_dossier_acts(_empty("POL", 2016), [d])
    lg = ledger(rec, VerificationKind.INSPECTION, _view(rec))
    assert (lg.requests, lg.used, lg.remaining) == (2, 1, 2)
    [f] = [f for f in judge_state_year(rec) if f.rule == "ch09.inspection_refusal"]
    assert f.outcome is Outcome.NON_COMPLIANT
    assert "citing the quota while quota remained" in f.reason
    assert "quota used up" in f.reason
    [q] = [f for f in judge_state_year(rec) if f.rule == "ch09.inspection_quota"]
    assert q.outcome is Outcome.NON_COMPLIANT and q.reason.startswith(
        "Refused while quota remained"
    )


def test_quota_exhausted_on_the_day_of_the_third_and_a_fourth_refused_is_allowed() -> None:
    d = _dossier(
        _insp("DEU", "POL", "2016-01-10", "accepted"),
        _insp("FRA", "POL", "2016-02-10", "accepted"),
        _insp("RUS", "POL", "2016-03-05", "accepted"),
        _insp("BLR", "POL", "2016-04-01", "refused", quota_cited=True),
    )
    rec = with_dossier_acts(_empty("POL", 2016), [d])
    lg = ledger(rec, VerificationKind.INSPECTION, _view(rec))
    assert (lg.used, lg.remaining, lg.refused) == (3, 0, 1)
    assert str(lg.exhausted_on) == "2016-03-05" and lg.exhausted_by == 3 and lg.exhausted_exact
    by = {f.rule: f for f in judge_state_year(rec)}
    assert by["ch09.inspection_quota"].outcome is Outcome.COMPLIANT
    assert "quota exhausted on 2016-03-05 by 3 inspections" in by["ch09.inspection_quota"].reason
    assert by["ch09.inspection_refusal"].outcome is Outcome.COMPLIANT


def test_acts_not_made_or_of_another_year_or_state_are_left_out_and_no_answer_is_unknown() -> None:
    d = _dossier(
        _insp("DEU", "POL", "2016-01-10", None),
        {**_insp("FRA", "POL", "2016-02-10", None), "made": False, "date": None},
        _insp("RUS", "POL", "2015-03-05", "accepted"),
        _insp("RUS", "LTU", "2016-03-05", "accepted"),
        {
            "type": "evaluation_visit",
            "by": ["SWE"],
            "to": ["POL"],
            "date": "2016-05",
            "response": "accepted",
        },
    )
    found, sources = dossier_verifications("POL", 2016, [d])
    assert [(v.kind, v.by, v.answer) for v in found] == [
        (VerificationKind.INSPECTION, "DEU", Answer.UNKNOWN),
        (VerificationKind.EVALUATION, "SWE", Answer.ACCEPTED),
    ]
    month = found[1]
    assert str(month.day) == "2016-05-31" and not month.exact  # only the month is known
    assert len(sources) == 1 and sources[0].id.startswith("anakonda-2016.")


def test_csbm_quota_shows_a_state_year_made_from_dossier_acts() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "csbm", "quota", "ITA", "2015", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(out.stdout)
    [row] = data["ledgers"]["inspection"]["rows"]
    assert (row["by"], row["start"], row["end"]) == ("RUS", "2015-10-26", "2015-10-28")
    bad = subprocess.run(
        [sys.executable, "-m", "csbm", "quota", "ITA", "1999"], capture_output=True, text=True
    )
    assert bad.returncode != 0 and "ITA-2015" in bad.stderr


def _view(rec: StateYear):  # type: ignore[no-untyped-def]
    from csbm.rules.state_year import _view as view

    v = view(rec)
    assert v is not None
    return v
