"""Names of exercises the gazetteer does not know, in the forms real texts use."""

from __future__ import annotations

from datetime import date

from csbm.extract import extract

PUB = date(2024, 3, 3)


def _names(text: str) -> list[tuple[str, bool]]:
    return [(e.name, e.main) for e in extract(text, published=PUB).exercises]


def test_a_state_word_before_a_name_is_no_part_of_it() -> None:
    assert ("Nordic Response 2024", True) in _names(
        "The big Norwegian-led Nordic Response 24 exercise begins on Monday with 20,000 troops."
    )


def test_names_after_led_after_a_comma_and_with_a_two_digit_year() -> None:
    assert _names("The Norway-led Nordic Response 2024 is the largest drill.")[0][0] == (
        "Nordic Response 2024"
    )
    assert _names("NATO began the exercises, Nordic Response 2024, on Sunday.")[0][0] == (
        "Nordic Response 2024"
    )
    assert _names("On Monday the large exercise Nordic Response 24 begins in Norway.")[0][0] == (
        "Nordic Response 2024"
    )
    # a count after an exercise word is no year
    assert _names("The exercise Sea Breeze 12 km off the coast drew crowds.") == []


def test_a_name_named_again_without_its_year_is_the_same_exercise() -> None:
    x = extract(
        "A soldier at the exercise Brilliant Jump 2024 in Poland. NATO began the exercises, "
        "Nordic Response 2024, on Sunday. Nordic Response, with more than 20,000 troops, runs "
        "until March 14.",
        published=PUB,
    )
    main = x.main_exercise
    assert main is not None and main.name == "Nordic Response 2024"
    assert len(main.mentions) == 2
    assert [f.value for f in x.claims()] == [20000]


def test_a_name_compared_with_or_an_umbrella_is_not_the_one_reported() -> None:
    # "more troops than the Zapad 2017 drills": a comparison; "part of the larger ... series":
    # an umbrella; the other exercise is the one the text reports
    names = dict(
        _names(
            "Sweden holds its biggest drills, with more troops than the Zapad 2017 drills. "
            "Sweden's Aurora 17 exercise brings together 19,000 troops."
        )
    )
    assert names["Aurora 2017"] and not names["Zapad 2017"]
    names = dict(
        _names(
            "In Exercise Dragon-24 in Poland, about 20,000 soldiers train. It is part of the "
            "larger Steadfast Defender 24 series. Steadfast Defender 24 has 90,000 troops."
        )
    )
    assert names["Dragon 2024"] and not names["Steadfast Defender 2024"]


def test_a_series_named_without_its_edition_can_be_the_one_reported() -> None:
    # named first and as often as a dated exercise in a later paragraph: the one reported
    x = extract(
        "Norway's armed forces on Wednesday cancelled Cold Response, a military exercise that "
        "was to have gathered 15,000 soldiers.\n\nNATO said big exercises would go ahead, among "
        "them Defender Europe 20, for which 20,000 troops are to be moved to Europe.",
        published=date(2020, 3, 11),
    )
    main = x.main_exercise
    assert main is not None and main.series == "Cold Response"
    assert [f.value for f in x.claims()] == [15000]


def test_an_umbrella_named_after_an_exercise_word_is_an_aside() -> None:
    x = extract(
        "NATO began Nordic Response 2024 on Sunday. It is part of a bigger NATO exercise, "
        "Steadfast Defender, that lasts through May. Steadfast Defender drills go on.",
        published=PUB,
    )
    main = x.main_exercise
    assert main is not None and main.name == "Nordic Response 2024"
