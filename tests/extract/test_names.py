"""Names of exercises the gazetteer does not know, in the forms real texts use."""

from __future__ import annotations

from datetime import date

import pytest

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
    # (the name itself is read, without a year of its own)
    names = [n for n, _ in _names("The exercise Sea Breeze 12 km off the coast drew crowds.")]
    assert "Sea Breeze 2012" not in names


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


def _found(text: str, published: date | None = PUB) -> set[str]:
    return {e.name for e in extract(text, published=published).exercises}


def test_unknown_names_without_a_year_take_the_publication_year() -> None:
    # a quoted name after or before the exercise word, an apposition, "the X exercise"
    assert "Harbour Shield 2024" in _found(
        'Troops from nine countries joined the military exercise "Harbour Shield" this week.'
    )
    assert "Harbour Shield 2024" in _found(
        'Some 3,000 soldiers took part in the "Harbour Shield" exercises in the country.'
    )
    assert "Granite Gate 2024" in _found(
        "In May the country begins Granite Gate, a large military exercise with 4,000 troops."
    )
    assert "Coral Wave 2024" in _found(
        "The Coral Wave exercise, held by the two navies, takes place on 8 to 10 March."
    )
    assert "Coral Wave 2024" in _found(
        "The navy's yearly maritime exercise, Coral Wave, has begun with 30 ships."
    )


def test_a_quoted_name_with_its_year_before_the_exercise_word() -> None:
    assert "Harbour Shield 2019" in _found(
        '"Harbour Shield 2019" multinational military exercise begins with 3,000 troops.'
    )


def test_bare_names_are_not_read_from_people_headlines_or_other_things() -> None:
    # a person after "exercise,"; a headline in title case; a weapon after a preposition
    assert (
        _found(
            "Some 9,000 troops should take part in the drills, Anna Berg, the ministry's "
            "spokeswoman, told a briefing."
        )
        == set()
    )
    assert _found("Massive Troop Deployments and Exercises Held Close to the Border") == set()
    assert (
        _found('The two armies will practise the use of "Thunderbolt" in military exercises.')
        == set()
    )


def test_a_name_glued_to_its_year_or_with_a_gloss_before_it() -> None:
    assert "Zapad 2009" in _found("The previous exercise, Zapad2009, had only 200 vehicles.")
    assert "Zapad 2013" in _found(
        'Belarus and Russia will hold their joint Zapad ("West") 2013 exercise in September.'
    )


def test_a_town_name_does_not_stop_a_name_with_a_year_and_an_exercise_word() -> None:
    # Efes is also a small town in the gazetteer
    assert "EFES 2022" in _found("Leaders are to watch the EFES-2022 military exercise near Izmir.")
    assert "TUMAK 2022" in _found("Vehicles on the move during the TUMAK-22 NATO exercises.")


def test_a_common_word_series_counts_without_a_year_next_to_an_exercise_word() -> None:
    assert "Aurora 2024" in _found("Sweden launches Aurora, its biggest war games in 20 years.")
    assert "Aurora 2024" in _found("Allies join the exercise, which is named Aurora.")
    # but not as an ordinary word
    assert _found("The aurora lit the sky over the troops' camp.") == set()


def test_an_umbrella_without_a_year_takes_the_year_of_the_exercise_it_contains() -> None:
    assert _found(
        "Allies prepare for exercise Nordic Response 2024, part of the Steadfast Defender series.",
        published=None,
    ) == {"Nordic Response 2024", "Steadfast Defender 2024"}


def test_an_unknown_name_named_again_with_another_year_is_another_edition() -> None:
    assert _found(
        "Preparations began for Joint Efforts 2021, the strategic command and staff exercise. "
        "Joint Efforts 2020, last year's exercise, ran in September.",
        published=None,
    ) == {"Joint Efforts 2021", "Joint Efforts 2020"}


def test_translated_and_renamed_series() -> None:
    assert "Union Shield 2019" in _found("Shield of the Union-2019 exercise to be held at Mulino.")
    assert "Defender 2023" in _found("Troops loaded supplies as part of Defender 23 in Romania.")


def test_quotations_regions_and_people_are_no_bare_names() -> None:
    assert _found('"We are ready for anything," the exercise commander told us.') == set()
    assert _found("The Arctic exercise drew 3,000 troops to the north.") == set()


def test_names_in_guillemets_and_low_opening_quotes() -> None:
    assert "Harbour Shield 2024" in _found("The two States began the exercise «Harbour Shield».")
    assert "Union Shield 2023" in _found("The joint exercise «Щит Союза-2023» began on Monday.")
    assert "Coral Wave 2024" in _found("The navies began the exercise „Coral Wave“ on Monday.")


@pytest.mark.parametrize(
    "text",
    [
        "The NATO-led exercise drew 3,000 troops.",
        "The Marine Corps exercise drew 3,000 troops.",
        "The Cold War exercise was larger, with 125,000 troops.",
        "The Caucasus drills drew 3,000 troops.",
        "During the exercise Lt. Col. Smith led 3,000 troops.",
        "The Pacific exercise drew 3,000 troops.",
    ],
)
def test_words_that_make_no_bare_name(text: str) -> None:
    assert _found(text) == set()


def test_a_clause_opening_with_a_year_dates_the_series_named_in_it() -> None:
    x = extract(
        "The Siil 2023 exercise began on Monday in Estonia. About 14,000 troops take part. "
        "In 2017, Zapad involved 12,700 troops.",
        published=date(2023, 4, 20),
    )
    assert {e.name for e in x.exercises} == {"Siil 2023", "Zapad 2017"}
    assert [f.value for f in x.claims()] == [14000]


def test_unknown_name_with_year_opening_a_sentence_before_a_verb_of_its_course() -> None:
    from csbm.extract.pipeline import extract

    text = (
        "The army said so. Northern Shield 2025 began on Monday in Finland."
        " The exercise involves 2,000 troops."
    )
    assert [e.name for e in extract(text).exercises] == ["Northern Shield 2025"]
    # not inside a sentence: "He said X began" is no opening
    text = "He said Northern Shield 2025 began on Monday in Finland, with 2,000 troops in drills."
    assert "Northern Shield 2025" not in [e.name for e in extract(text).exercises]


def test_unknown_name_with_year_after_hosts_or_the_start_of() -> None:
    from csbm.extract.pipeline import extract

    text = "Finland will host Northern Shield 2025 next year. The exercise involves 2,000 troops."
    assert [e.name for e in extract(text).exercises] == ["Northern Shield 2025"]
    text = (
        "A ceremony marked the start of Northern Shield 2025. The exercise involves 2,000 troops."
    )
    assert [e.name for e in extract(text).exercises] == ["Northern Shield 2025"]


def test_series_of_further_bundled_dossiers_are_known_without_a_year() -> None:
    from datetime import date

    from csbm.extract.pipeline import extract

    text = "Estonia began the exercise Kevadtorm on Wednesday, with 6,000 troops in the drills."
    assert [e.name for e in extract(text, published=date(2016, 5, 5)).exercises] == [
        "Spring Storm 2016"
    ]
