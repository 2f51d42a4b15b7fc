"""States and their roles (csbm.extract.states through the pipeline)."""

from __future__ import annotations

from datetime import date

import pytest

from csbm.extract import extract


def _roles(text: str, published: date | None = date(2021, 9, 9)) -> dict[str, list[str]]:
    return {s.code: s.roles for s in extract(text, published=published).states}


def test_adjectives_names_and_hosts() -> None:
    roles = _roles("Russian troops have poured into Belarus for the joint drills.")
    assert roles == {"RUS": ["participant"], "BLR": ["host"]}


def test_coordinated_adjectives_and_territory() -> None:
    roles = _roles("Russia and Belarus launched the drills on Belarusian and Russian territory.")
    assert roles == {"RUS": ["host", "participant"], "BLR": ["host", "participant"]}


def test_observers_and_mentions() -> None:
    roles = _roles(
        "Norway invited observers from Russia, Belarus and Kazakhstan to the exercise, "
        "held in Norway. Sweden and Finland, which are not NATO members, are taking part. "
        "Lithuania's president criticised Moscow."
    )
    assert roles["RUS"] == ["observer"]
    assert roles["KAZ"] == ["observer"]
    assert roles["NOR"] == ["host"]
    assert roles["SWE"] == roles["FIN"] == ["participant"]
    assert roles["LTU"] == ["mentioned"]


def test_groups_and_led() -> None:
    roles = _roles("The U.S.-led exercise takes place in Poland and the Baltic states.")
    assert roles == {
        "USA": ["participant"],
        "POL": ["host"],
        "EST": ["host"],
        "LVA": ["host"],
        "LTU": ["host"],
    }


def test_a_speaker_is_not_a_participant() -> None:
    roles = _roles("The Norwegian armed forces said the exercise starts in Norway.")
    assert roles["NOR"] == ["host"]


def test_capital_in_an_office_is_not_a_host() -> None:
    roles = _roles("Belarus began a snap check on Friday, the defence ministry in Minsk said.")
    assert roles == {"BLR": ["participant"]}


def test_places_give_hosts() -> None:
    roles = _roles("Union Shield 2019 begins today at the Mulino range with Russian troops.")
    assert roles == {"RUS": ["host", "participant"]}


def test_other_activity_sentences_give_no_roles() -> None:
    roles = _roles(
        "Zapad-2021 begins. In 1981, the Soviet Union held an exercise with 100,000 troops."
    )
    assert roles == {"SUN": ["mentioned"]}


def test_former_names_count_only_in_their_time() -> None:
    text = "Observers from Serbia and Montenegro attended the exercise."
    assert set(_roles(text, date(2021, 5, 4))) == {"SRB", "MNE"}
    assert set(_roles(text, date(2004, 5, 4))) == {"SRB"}
    assert set(_roles(text, None)) == {"SRB", "MNE"}


def test_roles_have_reasons() -> None:
    x = extract("Russian troops have poured into Belarus for the drills.")
    blr = next(s for s in x.states if s.code == "BLR")
    assert blr.role == "host"
    assert any("into Belarus" in r for r in blr.reasons)


def test_a_list_of_commas_alone_is_one_list() -> None:
    roles = _roles(
        "Observers from the Czech Republic, Denmark, Finland, Russia, Sweden watched the Siil "
        "exercise in Estonia."
    )
    for code in ("CZE", "DNK", "FIN", "RUS", "SWE"):
        assert roles[code] == ["observer"], code


def test_two_states_and_a_speaker_after_a_comma_are_no_list() -> None:
    roles = _roles("Troops from Finland and Sweden, the U.S. Sixth Fleet said, joined the drill.")
    assert roles["USA"] != ["participant"]


def test_an_item_the_lexicon_lacks_or_itself_does_not_end_a_list() -> None:
    roles = _roles(
        "Fourteen countries are taking part in the exercise: Sweden itself plus the USA, the "
        "UK and Finland. Troops of Albania, Kosovo, Moldova and Bulgaria will be in the drill."
    )
    for code in ("SWE", "USA", "GBR", "FIN", "ALB", "MDA", "BGR"):
        assert roles[code] == ["participant"], code


def test_the_coasts_of_states_host_the_activity() -> None:
    roles = _roles(
        "Crews train on areas along the coasts of Sweden, Poland and Germany during the exercise."
    )
    for code in ("SWE", "POL", "DEU"):
        assert "host" in roles[code], code


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("Russia declined the invitation to observe the exercise.", {"RUS": ["observer"]}),
        ("Observers came from Germany, France and Italy.", {"DEU": ["observer"]}),
        (
            "The exercise will be observed by representatives of Hungary and Slovakia.",
            {"HUN": ["observer"], "SVK": ["observer"]},
        ),
        (
            "An observation team including officers from Finland and Austria attended.",
            {"FIN": ["observer"], "AUT": ["observer"]},
        ),
        (
            "The exercise, which involves Georgia, Ukraine and Azerbaijan, started on Monday.",
            {"GEO": ["participant"], "AZE": ["participant"]},
        ),
        (
            "The exercise involves 15 countries, among them Spain, Italy and Turkey.",
            {"ESP": ["participant"], "TUR": ["participant"]},
        ),
        (
            "Russia's contingent will consist of units of the Eastern Military District.",
            {"RUS": ["participant"]},
        ),
        (
            "It is held with the participation of Armenia and Kazakhstan.",
            {"ARM": ["participant"], "KAZ": ["participant"]},
        ),
        ("Joining the exercise are Finland and Sweden.", {"FIN": ["participant"]}),
        ("The exercise is conducted in cooperation with Georgia.", {"GEO": ["participant"]}),
        (
            "Troops of the two countries, Russia and Belarus, trained.",
            {"RUS": ["participant"], "BLR": ["participant"]},
        ),
        ("Military observers of Austria and Switzerland were present.", {"CHE": ["observer"]}),
        ("Sweden's observers were present.", {"SWE": ["observer"]}),
        # not a participant: a compound about a port, and forces that speak
        ("The admiral spoke at Poland's navy port on Friday.", {"POL": ["mentioned"]}),
        ("Poland's armed forces said the exercise went well.", {"POL": ["mentioned"]}),
        # inspectors in a State: the visitors observe, the State hosts
        (
            "Arms control inspectors from Belarus are visiting a brigade in western Lithuania.",
            {"BLR": ["observer"], "LTU": ["host"]},
        ),
    ],
)
def test_observer_and_participant_phrasings(sentence: str, want: dict[str, list[str]]) -> None:
    roles = _roles(f"The exercise Spring Storm began on Monday. {sentence}")
    for code, role in want.items():
        assert roles[code] == role, code


@pytest.mark.parametrize("lead", ["Read more:", "Related:", "See also -", "Also read |"])
def test_states_in_a_line_linking_to_other_pages_are_not_the_texts(lead: str) -> None:
    text = (
        "Russian troops have poured into Belarus for the joint drills.\n\n"
        f"{lead} Ukraine and Poland sign a pact on border crossings"
    )
    assert _roles(text) == {"RUS": ["participant"], "BLR": ["host"]}
    # the same words in the text itself are the text's
    assert "UKR" in _roles(text.replace(lead, "Meanwhile,"))
