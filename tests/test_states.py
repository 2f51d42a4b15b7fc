"""The participating States file: counts on known dates, codes, sources."""

from __future__ import annotations

from datetime import date

import pycountry
import pytest

from csbm.data.states import participating_on, participating_states


@pytest.mark.parametrize(
    ("day", "count"),
    [
        (date(1986, 1, 1), 35),
        (date(1990, 11, 19), 34),  # after German unification, at the Paris summit
        (date(1992, 3, 31), 51),
        (date(1995, 1, 15), 53),
        (date(2006, 6, 22), 56),
        (date(2012, 11, 21), 57),
        (date(2026, 1, 1), 57),
    ],
)
def test_counts_on_known_dates(day: date, count: int) -> None:
    states = participating_states().values()
    assert sum(1 for s in states if s.participating_on(day)) == count


def test_codes_and_sources() -> None:
    states = participating_states()
    current = [s for s in states.values() if s.left is None]
    assert len(current) == 57
    for s in current:
        assert pycountry.countries.get(alpha_3=s.code) is not None, s.code
    for s in states.values():
        assert s.sources and all(src.url.startswith("http") for src in s.sources)


def test_successions() -> None:
    assert participating_on("SUN", date(1991, 6, 1)) is True
    assert participating_on("RUS", date(1991, 6, 1)) is False
    assert participating_on("RUS", date(1992, 1, 1)) is True
    assert participating_on("MNG", date(2012, 11, 20)) is False
    assert participating_on("XXK", date(2020, 1, 1)) is None
