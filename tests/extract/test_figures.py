"""What becomes a figure, a threshold mention, or nothing (csbm.extract.pipeline)."""

from __future__ import annotations

from datetime import date

import pytest

from csbm.extract import extract
from csbm.model.dossier import Qualifier, Quantity

PUB = date(2021, 9, 9)


def _figures(text: str) -> list[tuple[str, int | None, str]]:
    x = extract(text, published=PUB)
    return [(f.quantity.value, f.value, f.qualifier.value) for f in x.claims()]


def test_quantity_nouns() -> None:
    text = (
        "Zapad-2021 involves 12,800 servicemen, 12 Su-35 fighter jets, 30 helicopters, 15 "
        "warships, 300 tanks, 250 artillery pieces, 500 armoured personnel carriers and two "
        "S-400 air defence systems."
    )
    assert {(q, v) for q, v, _ in _figures(text)} == {
        ("troops", 12800),
        ("aircraft", 12),
        ("helicopters", 30),
        ("ships", 15),
        ("tanks", 300),
        ("artillery", 250),
        ("acv", 500),
        ("air_defence_systems", 2),
    }


def test_compound_and_force_of() -> None:
    assert _figures("Zapad-2021 brings a 30,000-strong force to Belarus.") == [
        ("troops", 30000, "exact")
    ]
    assert _figures("Zapad-2021 involves a force of some 30,000.") == [("troops", 30000, "approx")]


def test_noun_before_the_number() -> None:
    text = "The number of troops taking part in Zapad-2021 will not exceed 12,800."
    assert _figures(text) == [("troops", 12800, "at_most")]


def test_distances_percentages_years_money_and_durations_are_not_figures() -> None:
    text = (
        "In 2021 Zapad drills moved troops over 10,000 km; the number of tanks rose by 25% "
        "and the drills cost $1.5 billion over 12 days."
    )
    x = extract(text, published=PUB)
    assert x.claims() == []
    reasons = {d.text: d.reason for d in x.dropped}
    assert reasons == {
        "over 10,000 km": "a distance, not a count of forces",
        "25%": "a percentage, not a count of forces",
        "1.5 billion": "an amount of money, not a count of forces",
        "over 12 days": "a duration, not a count of forces",
    }


def test_vehicles_and_equipment_are_set_aside() -> None:
    x = extract("Zapad-2021 involves 3,000 vehicles and 700 pieces of equipment.", published=PUB)
    assert x.claims() == []
    assert len(x.dropped) == 2


def test_threshold_mentions_are_not_claims() -> None:
    text = (
        "Zapad-2021 involves 12,800 troops. Under the Vienna Document, exercises exceeding "
        "13,000 troops or 300 tanks must be opened to observers."
    )
    x = extract(text, published=PUB)
    assert [(f.quantity, f.value) for f in x.claims()] == [(Quantity.TROOPS, 12800)]
    assert [(t.quantity, t.value) for t in x.vienna_document.threshold_mentions] == [
        (Quantity.TROOPS, 13000),
        (Quantity.TANKS, 300),
    ]
    assert x.vienna_document.mentioned


def test_named_threshold() -> None:
    x = extract("Zapad-2021 stays below the 13,000-troop threshold.", published=PUB)
    assert [t.value for t in x.vienna_document.threshold_mentions] == [13000]
    assert x.claims() == []


def test_threshold_value_without_obligation_is_a_claim() -> None:
    # 250 tanks is a threshold value, but nothing here speaks of the Document's duties.
    assert _figures("The ministry said 250 tanks would take part in Zapad-2021.") == [
        ("tanks", 250, "exact")
    ]


def test_figures_of_other_exercises_and_years() -> None:
    text = (
        "Zapad-2021 involves 200,000 troops. The previous edition, Zapad-2017, officially "
        "involved 12,700 troops. In 1981, the Soviet Union held an exercise of the same name "
        "with about 100,000 troops. Last year's drills involved 80,000 troops."
    )
    x = extract(text, published=PUB)
    assert [(f.value, f.exercise) for f in x.claims()] == [(200000, "Zapad 2021")]
    assert [(f.value, f.exercise) for f in x.figures if f not in x.claims()] == [
        (12700, "Zapad 2017")
    ]
    dropped = {d.text: d.reason for d in x.dropped}
    assert "another activity" in dropped["about 100,000 troops"]
    assert "another activity" in dropped["80,000 troops"]


def test_texts_without_an_activity_give_no_claims() -> None:
    x = extract("Poland has ordered 1,000 K2 tanks and the army will grow to 300,000 soldiers.")
    assert x.claims() == []
    assert any("no exercise" in n for n in x.notes)


def test_attribution_and_declared_by() -> None:
    text = (
        "According to NATO Secretary-General Jens Stoltenberg, 30,000 Russian troops are in "
        "Belarus for Union Resolve 2022. Minsk says 12,000 troops take part, while Western "
        "analysts expect more than 40,000 troops, Russia's Defence Minister Sergei Shoigu "
        "said 9,500 troops."
    )
    x = extract(text, published=date(2022, 2, 11))
    found = {f.value: (f.attributed_to, f.declared_by) for f in x.claims()}
    assert found[30000] == ("Jens Stoltenberg", None)
    assert found[12000] == ("Minsk", "BLR")
    assert found[40000] == ("Western analysts", None)


def test_passive_agent_wins() -> None:
    text = (
        "Western officials estimate that 60,000 troops take part in Zapad-2017, far more than "
        "the 12,700 declared by Moscow and Minsk."
    )
    found = {f.value: (f.attributed_to, f.qualifier) for f in extract(text).claims()}
    assert found[12700] == ("Moscow and Minsk", Qualifier.EXACT)
    assert found[60000] == ("Western officials", Qualifier.EXACT)


def test_repeated_figure_is_merged_keeping_hedge_and_speaker() -> None:
    text = (
        "About 30,000 Russian troops are in Belarus for Union Resolve 2022. According to NATO "
        "Secretary-General Jens Stoltenberg, 30,000 Russian troops have arrived."
    )
    [f] = extract(text, published=date(2022, 2, 11)).claims()
    assert (f.value, f.qualifier, f.attributed_to) == (30000, Qualifier.APPROX, "Jens Stoltenberg")
    assert len(f.mentions) == 2
    assert any("another mention" in r for r in f.reasons)


def test_contingents() -> None:
    text = "Union Shield 2019 brings around 12.000 Russian and 4.000 Belarusian servicemen."
    found = {f.value: (f.scope, f.contingent) for f in extract(text).claims()}
    assert found == {
        12000: ("Russian contingent", "RUS"),
        4000: ("Belarusian contingent", "BLR"),
    }


def test_combined_count_gets_a_scope() -> None:
    [f] = extract("Zapad-2021 involves 80 aircraft and helicopters.").claims()
    assert (f.quantity, f.scope) == (Quantity.AIRCRAFT, "aircraft and helicopters together")


def test_ranges_become_low_and_high() -> None:
    [f] = extract("Zapad-2021 involves between 20,000 and 30,000 troops.").claims()
    assert (f.value, f.low, f.high) == (None, 20000, 30000)


def test_evidence_offsets_point_into_the_text() -> None:
    text = "NATO says\u202fthat about 30\u202f000 Russian troops are in Belarus for Zapad-2021."
    x = extract(text)
    [f] = x.claims()
    assert (
        text[f.evidence.start : f.evidence.end]
        == f.evidence.text
        == "about 30\u202f000 Russian troops"
    )


def test_forces_people_and_officers_count_troops_where_they_take_part() -> None:
    text = (
        "Cold Response 2022 will have around 14,000 ground forces and 8,000 naval forces. "
        "About 80,000 people are expected in the exercise. The exercise involves 1,000 "
        "officers and soldiers."
    )
    values = {f.value for f in extract(text, published=date(2022, 3, 11)).claims()}
    assert {14000, 8000, 80000, 1000} <= values


def test_forces_that_are_armies_or_countries_are_no_figure() -> None:
    text = (
        "Zapad 2021 improved coordination between the two armed forces. Forces of 24 allied "
        "and partner countries take part in the exercise. Some 2 million people live in the "
        "region."
    )
    assert extract(text, published=date(2021, 9, 10)).claims() == []


def test_a_combat_readiness_inspection_is_an_activity() -> None:
    text = "As many as 38,000 troops and 41 vessels are in the combat readiness inspection."
    values = {f.value for f in extract(text, published=date(2015, 3, 18)).claims()}
    assert values == {38000, 41}


def test_a_list_of_state_adjectives_shares_the_last_noun() -> None:
    x = extract(
        "Besides the Finns, about 3,000 Swedish, 450 French and about 50 British soldiers train "
        "in the exercise Zapad-2021.",
        published=PUB,
    )
    assert [(f.value, f.qualifier.value, f.contingent) for f in x.claims()] == [
        (3000, "approx", "SWE"),
        (450, "approx", "FRA"),
        (50, "approx", "GBR"),
    ]
    # an adjective and a comma before a figure of another noun share nothing
    assert ("tanks", 2500) not in {
        (f.quantity.value, f.value)
        for f in extract(
            "Zapad-2021 involves 12,800 troops, of which 2,500 Russian, and 300 tanks."
        ).claims()
    }


def test_modifiers_joined_by_and_and_lists_of_modifiers_share_the_noun() -> None:
    x = extract("Exercise Siil 2018 involves over 15,000 Allied and partner troops.", published=PUB)
    assert [(f.value, f.qualifier.value) for f in x.claims()] == [(15000, "at_least")]
    x = extract(
        "Taking part in Siil 2018 are nearly 1,800 professional; 2,600 conscript; 9,000 "
        "voluntary reserve and 2,100 Allied and partner troops.",
        published=PUB,
    )
    assert [(f.quantity.value, f.value, f.qualifier.value) for f in x.claims()] == [
        ("troops", 1800, "approx"),
        ("troops", 2600, "approx"),
        ("troops", 9000, "approx"),
        ("troops", 2100, "approx"),
    ]
    # a comma list whose last item has no modifiers of its own shares nothing
    values = {
        (f.quantity.value, f.value)
        for f in extract("Zapad-2021 brings 40 modern, 20 tanks and 5 ships.").claims()
    }
    assert ("tanks", 40) not in values


def test_a_part_named_after_or_before_its_number() -> None:
    for text in (
        "Some 12,800 troops will join the Zapad-2021 drill (a mere 2,500 of them Russian).",
        "Zapad-2021 involves 12,800 troops, of which 2,500 Russian.",
    ):
        parts = [
            (f.value, f.scope, f.contingent) for f in extract(text).claims() if f.value == 2500
        ]
        assert parts == [(2500, "Russian contingent", "RUS")], text


def test_units_of_artillery_and_a_number_cut_to() -> None:
    assert ("artillery", 100, "approx") in _figures(
        "Zapad-2021 will involve about 100 units of artillery and ten ships."
    )
    assert ("troops", 30000, "exact") in _figures(
        "Zapad-2021 was expected to have 35,000 soldiers, but the number had been cut to 30,000."
    )


def test_parts_from_a_state_sorties_pilots_and_stray_spaces() -> None:
    x = extract("Anaconda 2018 will draw about 100,000 troops, with 20,000 of them from Poland.")
    part = [f for f in x.claims() if f.value == 20000]
    assert part and part[0].scope is not None and "Poland" in part[0].scope
    x = extract("Kavkaz-2012: the air force will fly about 80 flights, and 50 pilots take part.")
    assert {(f.quantity.value, f.value) for f in x.claims()} == {("sorties", 80), ("troops", 50)}
    # "13 ,000": a reflowed copy's stray space before the comma
    assert [f.value for f in extract("Zapad-2017 would involve 13 ,000 troops.").claims()] == [
        13000
    ]
    assert [f.value for f in extract("A unit 400- strong joined Zapad-2017.").claims()] == [400]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia has some 30,000 troops stationed in Belarus permanently.",
        "The army has 300,000 soldiers in total.",
        "Poland aims to build an army of 300,000 soldiers.",
        "The US keeps about 100,000 troops in Europe.",
        "The alliance plans to raise its high-readiness forces to 300,000 troops.",
        "About 7,000 troops were killed in the war.",
    ],
)
def test_forces_a_state_keeps_or_lost_are_no_claims(sentence: str) -> None:
    x = extract(f"The exercise Spring Storm began on Monday in Estonia. {sentence}")
    assert x.claims() == []
    assert any("keeps or lost" in d.reason for d in x.dropped)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("About 7,000 troops stationed in Estonia take part in the exercise.", 7000),
        ("Some 3,000 troops permanently based in Lithuania joined.", 3000),
        ("In total, 7,000 troops take part.", 7000),
        ("The exercise involves 7,000 members of the armed forces.", 7000),
        ("Some 12,000 military will take part.", 12000),
        ("Up to 7,000 members of the Estonian Defence League take part.", 7000),
    ],
)
def test_forces_of_the_activity_stay_claims(sentence: str, value: int) -> None:
    x = extract(f"The exercise Spring Storm began on Monday in Estonia. {sentence}")
    assert [f.value for f in x.claims()] == [value]


def test_military_before_a_noun_is_a_modifier() -> None:
    x = extract("The exercise Spring Storm began on Monday. It involves 7,000 military vehicles.")
    assert x.claims() == []


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("It involves five nuclear submarines.", []),
        ("It involves 12 submarines and 40 surface ships.", [("ships", 40)]),
        ("It involves about 50 ships and submarines.", [("ships", 50)]),
        ("A total of 7,000 take part.", [("troops", 7000)]),
        ("Nearly 7,000 are taking part.", [("troops", 7000)]),
        ("Two will take part in the drill.", []),
    ],
)
def test_submarines_alone_and_bare_numbers_taking_part(
    sentence: str, want: list[tuple[str, int]]
) -> None:
    x = extract(f"The exercise Spring Storm began on Monday in Estonia. {sentence}")
    assert [(f.quantity.value, f.value) for f in x.claims()] == want


@pytest.mark.parametrize(
    "sentence",
    ["The troops number 6,000.", "The force will total 6,000.", "Forces totalling 6,000."],
)
def test_a_force_that_numbers_a_figure(sentence: str) -> None:
    x = extract(f"The exercise Spring Storm began on Monday in Estonia. {sentence}")
    assert [(f.quantity.value, f.value) for f in x.claims()] == [("troops", 6000)]


@pytest.mark.parametrize(
    ("sentences", "want"),
    [
        # a part opening the next sentence, of the figure before
        (
            "The army said 7,000 troops take part. Of them, 2,000 are reservists.",
            [("troops", 7000), ("troops", 2000)],
        ),
        # a bare number after "sent" or "another": the count spoken of before
        (
            "The exercise involves 7,000 troops. Another 500 come from Latvia, it added.",
            [("troops", 7000), ("troops", 500)],
        ),
        (
            "The exercise involves 7,000 troops. Latvia sent 500.",
            [("troops", 7000), ("troops", 500)],
        ),
        # never a year, nor a number under ten
        ("The exercise involves 40 ships. Finland sent 3.", [("ships", 40)]),
    ],
)
def test_numbers_without_a_noun_take_the_count_before(
    sentences: str, want: list[tuple[str, int]]
) -> None:
    x = extract(f"The Spring Storm exercise began on Monday in Estonia. {sentences}")
    assert [(f.quantity.value, f.value) for f in x.claims()] == want


def test_figures_pass_of_2026_12_08() -> None:
    """Classes found by probing with our own sentences (tests/extract/probes/figures)."""
    # "fighters" with a model designation are aircraft; a militia's fighters are not
    assert _figures("The drill used 12 Su-35 fighters.") == [("aircraft", 12, "exact")]
    assert _figures("The exercise repelled 5,000 fighters of the enemy.") == []
    # a noun, a comma and "numbering"; a contingent "is the largest, at"
    assert _figures("In the exercise, U.S. marines, numbering roughly 3,000, landed.") == [
        ("troops", 3000, "approx")
    ]
    text = "The exercise has 9,000 troops. The Polish contingent is the largest, at 5,000."
    assert ("troops", 5000, "exact") in _figures(text)
    # "participation stands at"; "N of them" opening the next sentence
    text = "In the drill, 400 marines landed. Total participation stands at 3,000."
    assert ("troops", 3000, "exact") in _figures(text)
    text = "About 10.000 soldiers take part in the exercise. 3.500 of them are Latvian."
    assert ("troops", 3500, "exact") in _figures(text)
    # values compared with, of another time; a call-up of conscripts; another actor's drill
    text = "The exercise grows from 3,000 troops last spring to 5,000, the army said."
    assert _figures(text) == [("troops", 5000, "exact")]
    text = "The drill involves 8,000 troops, up from 6,000."
    assert _figures(text) == [("troops", 8000, "exact")]
    text = "Russia will call up 128,000 conscripts aged 18 to 27. A drill involved 1,500 troops."
    assert _figures(text) == [("troops", 1500, "exact")]
    text = (
        "As the allies began Exercise Union Resolve 2022 with 30,000 troops, Ukraine started "
        "its own drills involving 10,000 servicemen."
    )
    assert _figures(text) == [("troops", 30000, "exact")]
    # a phase's figure is a part when the text gives the whole; else it is the figure
    text = "The exercise has 9,000 troops. About 800 paratroopers jumped over Latvia."
    assert _figures(text) == [("troops", 9000, "exact")]
    text = "In the exercise, about 800 paratroopers jumped over Latvia."
    assert _figures(text) == [("troops", 800, "approx")]
