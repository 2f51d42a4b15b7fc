"""The lexicon of office holders is sourced and consistent, and names the right State."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pycountry
import pytest

from csbm.extract.officials import Office, key, officials, officials_data, state_of


def _names() -> list[str]:
    return sorted(officials())


@pytest.mark.parametrize("name", _names())
def test_every_entry_is_sourced_and_its_dates_are_ordered(name: str) -> None:
    person = officials()[name]
    for source in [person.source, *person.see_also]:
        assert source.url.startswith("http") and source.publisher and source.date
    assert person.state is None or pycountry.countries.get(alpha_3=person.state) is not None
    for office in person.offices:
        assert office.title
        assert office.start <= office.end
    if person.state is None:
        assert not any(o.stateless for o in person.offices)


def test_every_person_is_listed_once_and_no_alias_names_two() -> None:
    data = officials_data()
    assert len({o.name for o in data.officials}) == len(data.officials)
    claims = Counter(k for o in data.officials for k in {key(n) for n in o.names()})
    assert [k for k, n in claims.items() if n > 1] == []


def test_no_alias_is_a_surname_too_common_to_stand_alone() -> None:
    ignored = {key(n) for n in officials_data().ignore}
    assert ignored
    assert [n for o in officials().values() for n in o.aliases if key(n) in ignored] == []


def test_a_date_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        Office.model_validate({"title": "Minister", "from": "2012-11-06", "to": "2012-01"})
    with pytest.raises(ValueError, match="YYYY"):
        Office.model_validate({"title": "Minister", "from": "6 November 2012", "to": None})


def test_a_year_or_month_covers_all_of_it() -> None:
    office = Office.model_validate({"title": "Minister", "from": "2014", "to": "2015-02"})
    assert (office.start, office.end) == (date(2014, 1, 1), date(2015, 2, 28))
    assert office.held_on(date(2015, 2, 28)) and not office.held_on(date(2015, 3, 1))


@pytest.mark.parametrize(
    ("phrase", "state", "name"),
    [
        ("Defence Minister Sergei Shoigu", "RUS", "Sergei Shoigu"),
        ("Mr Shoigu", "RUS", "Sergei Shoigu"),
        ("Russian Defense Minister Sergey Shoygu", "RUS", "Sergei Shoigu"),
        ("Министр обороны Сергей Шойгу", "RUS", "Sergei Shoigu"),
        ("Lukashenko", "BLR", "Alexander Lukashenko"),
        ("Belarusian leader Alyaksandr Lukashenka", "BLR", "Alexander Lukashenko"),
        ("KREMLIN SPOKESMAN DMITRY PESKOV", "RUS", "Dmitry Peskov"),
        ("Putin's spokesman Dmitry Peskov", "RUS", "Dmitry Peskov"),
    ],
)
def test_a_listed_name_gives_its_state_without_a_date(phrase: str, state: str, name: str) -> None:
    found = state_of(phrase)
    assert found is not None
    assert (found[0], found[1].name) == (state, name)


def test_the_office_held_on_the_date_decides() -> None:
    # Shoigu was Russia's defence minister until May 2024, Belousov after him.
    assert state_of("Defence Minister Shoigu", date(2021, 9, 10)) is not None
    [shoigu] = [o for o in officials()["Sergei Shoigu"].offices if "Defence" in o.title]
    assert shoigu.held_on(date(2021, 9, 10)) and not shoigu.held_on(date(2024, 6, 1))
    [belousov] = officials()["Andrei Belousov"].offices
    assert belousov.held_on(date(2024, 6, 1)) and not belousov.held_on(date(2021, 9, 10))
    found = state_of("Defence Minister Andrei Belousov", date(2024, 6, 1))
    assert found is not None and found[0] == "RUS"


def test_nobody_listed_gives_none() -> None:
    assert state_of("a spokesman for the ministry") is None
    assert state_of("Defence Minister John Doe", date(2020, 1, 1)) is None
    assert state_of("") is None


def test_a_name_inside_a_longer_word_never_matches() -> None:
    assert state_of("the Shoiguist faction") is None
    assert state_of("Lukashenkovich") is None
    assert state_of("Putinism's critics") is None


def test_a_nato_official_speaks_for_no_state() -> None:
    found = state_of("NATO Secretary General Jens Stoltenberg", date(2020, 6, 1))
    assert found is not None and found[0] is None and found[1].name == "Jens Stoltenberg"
    found = state_of("Secretary General Mark Rutte")
    assert found is not None and found[0] is None


def test_a_state_changes_with_the_office_held() -> None:
    # Fogh Rasmussen spoke for Denmark as its Prime Minister and for no State as NATO's
    # Secretary General (1 August 2009 - 1 October 2014); without a date, nothing is told.
    assert state_of("Prime Minister Anders Fogh Rasmussen", date(2005, 1, 1)) is not None
    found = state_of("Prime Minister Anders Fogh Rasmussen", date(2005, 1, 1))
    assert found is not None and found[0] == "DNK"
    found = state_of("Anders Fogh Rasmussen", date(2012, 1, 1))
    assert found is not None and found[0] is None
    assert state_of("Anders Fogh Rasmussen") is None
    # "Rasmussen" alone is too common a name to stand for him.
    assert state_of("Mr Rasmussen", date(2012, 1, 1)) is None


def test_saceur_speaks_for_nato_while_commanding_us_forces_too() -> None:
    found = state_of("Gen. Philip Breedlove", date(2013, 5, 1))
    assert found is not None and found[0] is None
    assert officials()["Philip Breedlove"].state == "USA"


def test_between_two_terms_the_state_all_offices_share_counts() -> None:
    # Kaikkonen, Finland's defence minister, was on leave from 5 January to 28 February 2023.
    found = state_of("Antti Kaikkonen", date(2023, 2, 1))
    assert found is not None and found[0] == "FIN"


def test_an_office_whose_end_is_unknown_counts_on_its_first_day_only() -> None:
    office = Office.model_validate({"title": "Minister", "from": "2021-10-14", "to": "?"})
    assert office.held_on(date(2021, 10, 14)) and not office.held_on(date(2021, 10, 15))
