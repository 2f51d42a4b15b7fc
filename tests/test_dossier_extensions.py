"""The extended dossier format: partial dates, bounds, alliances, Chapter III attendance
and answers, Chapter IX inspections. Each loads, dumps back, and fails with file, line
and field."""

from __future__ import annotations

from datetime import date

import pytest

from csbm import DossierError, parse_dossier
from csbm.model import Dossier, PartialDate, earliest_day, latest_day
from csbm.model.dossier import Claim
from csbm.store import dossier_yaml

HEAD = """\
csbm: 1
activity:
  id: demo
  name: Demo
  kind: land_exercise
  conducting_states: [NOR, USA]
  host_states: [NOR]
  conducting_organisation: NATO
  start: 2018-10-25
  end: 2018-11-07
sources:
  - {id: s1, kind: alliance_statement, publisher: NATO, organisation: NATO, url: "https://example.org"}
  - {id: s2, kind: government_statement, publisher: MoD, state: RUS, url: "https://example.org/r"}
"""

FULL = (
    HEAD
    + """\
claims:
  - {quantity: troops, bound: {upper: 13000, strict: true}, source: s2}
  - {quantity: tanks, bound: {thresholds: observation}, source: s2}
  - {quantity: troops, value: 50000, source: s1}
acts:
  - {type: notification, by: NOR, date: 2018-09, date_text: in September, source: s1}
  - {type: observation_invitation, by: NOR, date: 2018, source: s1}
  - {type: calendar_entry, by: NOR, date_text: in the annual calendar, source: s1}
  - {type: chapter3_reply, by: RUS, to: UKR, date: 2022-02-13, answered: false, source: s2}
  - type: chapter3_meeting
    by: UKR
    to: RUS
    date: 2022-02-15
    attended: [UKR, USA]
    stayed_away: RUS
    source: s2
  - type: inspection
    by: UKR
    to: RUS
    date: 2022-02-01
    response: refused
    quota_cited: true
    reason: quota for the year already used
    source: s2
  - type: evaluation_visit
    by: LVA
    to: BLR
    date: 2021-03-01
    response: accepted
    held_from: 2021-03-10
    held_to: 2021-03-11
    source: s2
"""
)


def error_for(text: str) -> str:
    with pytest.raises(DossierError) as info:
        parse_dossier(text, "demo.yaml")
    return str(info.value)


def test_every_extension_loads_and_dumps_back() -> None:
    d = parse_dossier(FULL, "demo.yaml")
    notification, invitation, calendar, reply, meeting, inspection, visit = d.acts
    assert notification.date == PartialDate(2018, 9)
    assert notification.window == (date(2018, 9, 1), date(2018, 9, 30))
    assert invitation.window == (date(2018, 1, 1), date(2018, 12, 31))
    assert calendar.date is None and calendar.window is None
    assert reply.answered is False
    assert meeting.attended == ["UKR", "USA"] and meeting.stayed_away == ["RUS"]
    assert inspection.quota_cited is True and inspection.response == "refused"
    assert visit.held_from == date(2021, 3, 10)
    # JSON keeps the precision as written; the dump reads back equal.
    data = d.model_dump(mode="json")
    assert data["acts"][0]["date"] == "2018-09"
    assert data["acts"][1]["date"] == "2018"
    assert data["claims"][0]["bound"] == {"upper": 13000, "strict": True, "thresholds": None}
    assert Dossier.model_validate(data) == d
    assert Dossier.model_validate(d.model_dump()) == d
    text = dossier_yaml(d)
    assert parse_dossier(text, "export.yaml") == d


def test_earliest_and_latest_day() -> None:
    assert earliest_day(PartialDate(2024, 2)) == date(2024, 2, 1)
    assert latest_day(PartialDate(2024, 2)) == date(2024, 2, 29)
    assert latest_day(PartialDate(2023, 2)) == date(2023, 2, 28)
    assert latest_day(date(2023, 5, 1)) == date(2023, 5, 1)


def test_a_bound_has_no_figure_and_says_what_it_bounds() -> None:
    c = Claim.model_validate({"quantity": "troops", "bound": {"upper": 13000}, "source": "x"})
    assert not c.has_figure and c.bound is not None and c.bound.text() == "at most 13,000"


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        (
            "acts:\n  - {type: notification, by: NOR, date: 2018-13, source: s1}\n",
            "demo.yaml:15: acts[0].date: '2018-13' is not a date: give a day (YYYY-MM-DD), "
            "a date-time, a month (YYYY-MM) or a year (YYYY)",
        ),
        (
            "acts:\n  - {type: notification, by: NOR, source: s1}\n",
            "demo.yaml:15: acts[0]: an act that was made needs a date (a day, a month such as "
            "2018-10, or a year), or date_text",
        ),
        (
            "acts:\n  - {type: notification, by: NOR, date: 2018, attended: [RUS], source: s1}\n",
            "demo.yaml:15: acts[0].attended: attended is for chapter3_meeting acts, "
            "not notification",
        ),
        (
            "acts:\n  - {type: chapter3_meeting, by: UKR, date: 2022, attended: RUS,"
            " stayed_away: RUS, source: s1}\n",
            "demo.yaml:15: acts[0]: RUS both attended and stayed away",
        ),
        (
            "acts:\n  - {type: inspection, by: UKR, date: 2022, source: s1}\n",
            "demo.yaml:15: acts[0]: an inspection act names the receiving State in to",
        ),
        (
            "acts:\n  - {type: inspection, by: UKR, to: RUS, date: 2022, quota_cited: true,"
            " source: s1}\n",
            "demo.yaml:15: acts[0]: quota_cited: true goes with response: refused",
        ),
        (
            "acts:\n  - {type: inspection, by: UKR, to: RUS, date: 2022, response: maybe,"
            " source: s1}\n",
            "demo.yaml:15: acts[0].response: Input should be 'accepted' or 'refused'",
        ),
        (
            "claims:\n  - {quantity: troops, value: 5, bound: {upper: 9000}, source: s1}\n",
            "demo.yaml:15: claims[0]: give a bound or a figure (value, or low and high), not both",
        ),
        (
            "claims:\n  - {quantity: troops, bound: {upper: 9000, thresholds: notification},"
            " source: s1}\n",
            "demo.yaml:15: claims[0].bound: a bound needs upper (a number) or thresholds",
        ),
        (
            "claims:\n  - {quantity: troops, bound: {thresholds: calendar}, source: s1}\n",
            "demo.yaml:15: claims[0].bound.thresholds: Input should be 'notification' or "
            "'observation'",
        ),
    ],
)
def test_bad_extensions_name_line_and_field(fragment: str, expected: str) -> None:
    assert expected in error_for(HEAD + fragment)
