"""Dates resolved against the publication date (csbm.extract.dates)."""

from __future__ import annotations

from datetime import date

from csbm.extract import extract
from csbm.extract.dates import DateMention, choose_period, find_dates


def _dates(text: str, published: date | None, fallback: int | None = None) -> list[DateMention]:
    return find_dates(text, 0, len(text), published, fallback)


def test_range_without_year_takes_the_publication_year() -> None:
    [d] = _dates("The drills are held from February 10-20.", date(2022, 2, 11))
    assert (d.first, d.last, d.role) == (date(2022, 2, 10), date(2022, 2, 20), "range")
    assert "publication date 2022-02-11" in d.reason


def test_tense_decides_the_year() -> None:
    pub = date(2021, 8, 20)
    [past] = _dates("The previous drills ended on 9 February.", pub)
    [future] = _dates("The next drills will start on 9 February.", pub)
    assert (past.first, future.first) == (date(2021, 2, 9), date(2022, 2, 9))


def test_year_is_the_nearest_to_publication() -> None:
    # Published at the end of December, "Feb. 10-20" is next year's.
    [d] = _dates("The exercise is scheduled for Feb. 10-20.", date(2021, 12, 28))
    assert d.first == date(2022, 2, 10)


def test_explicit_year_is_kept() -> None:
    [d] = _dates("It ran from 10 to 16 September 2021.", date(2023, 1, 1))
    assert (d.first, d.last) == (date(2021, 9, 10), date(2021, 9, 16))
    assert d.reason == "date as written"


def test_day_month_forms() -> None:
    pub = date(2021, 8, 20)
    for text, first, last in [
        ("planned for 10-16 September", date(2021, 9, 10), date(2021, 9, 16)),
        ("between 10 and 16 September", date(2021, 9, 10), date(2021, 9, 16)),
        ("from 28 August to 3 September", date(2021, 8, 28), date(2021, 9, 3)),
        ("it began on 9 February", date(2021, 2, 9), date(2021, 2, 9)),
        ("on 9 February", date(2022, 2, 9), date(2022, 2, 9)),  # no tense: the nearest
        ("on 2021-09-10", date(2021, 9, 10), date(2021, 9, 10)),
        ("on 10.09.2021", date(2021, 9, 10), date(2021, 9, 10)),
        ("until Sept. 20", date(2021, 9, 20), date(2021, 9, 20)),
    ]:
        [d] = _dates(text, pub)
        assert (d.first, d.last) == (first, last), text


def test_weekday_past_tense_is_on_or_before_publication() -> None:
    # Published on Friday 11 February 2022.
    [d] = _dates("The drills began on Thursday.", date(2022, 2, 11))
    assert d.first == date(2022, 2, 10)
    assert d.role == "start"
    assert "on or before" in d.reason


def test_weekday_future_is_on_or_after_publication() -> None:
    [d] = _dates("The exercise ends on Sunday.", date(2022, 2, 17))
    assert d.first == date(2022, 2, 20)
    assert d.role == "end"


def test_weekday_same_day() -> None:
    [d] = _dates("Russia and Belarus launched the drills on Thursday.", date(2017, 9, 14))
    assert d.first == date(2017, 9, 14)


def test_last_and_next() -> None:
    pub = date(2022, 2, 11)  # a Friday
    [last] = _dates("It started last Friday.", pub)
    [nxt] = _dates("It starts next Friday.", pub)
    assert (last.first, nxt.first) == (date(2022, 2, 4), date(2022, 2, 18))


def test_relative_days() -> None:
    pub = date(2018, 10, 25)
    assert [d.first for d in _dates("It starts today.", pub)] == [pub]
    assert [d.first for d in _dates("It ended yesterday.", pub)] == [date(2018, 10, 24)]


def test_statement_dates_are_not_the_period() -> None:
    [d] = _dates("Stoltenberg said on Thursday that the troops had arrived.", date(2022, 2, 3))
    assert d.role == "statement"


def test_phase_dates_are_not_the_period() -> None:
    [d] = _dates("The second phase took place on 14-16 September.", date(2021, 9, 17))
    assert d.role == "phase"
    # the active phase too: it need not be the whole activity (held-out gold: "the main
    # phase opened on Monday" of an exercise that began before)
    [a] = _dates("The active phase took place on 14-16 September.", date(2021, 9, 17))
    assert a.role == "phase"


def test_last_day_of() -> None:
    [d] = _dates("Speaking on Wednesday, the last day of the drills, he said", date(2017, 9, 20))
    assert (d.first, d.role) == (date(2017, 9, 20), "end")


def test_without_publication_date_relative_dates_stay_unresolved() -> None:
    [d] = _dates("The drills began on Thursday.", None)
    assert d.first is None
    assert "no publication date" in d.reason
    [m] = _dates("It runs until 20 February.", None)
    assert m.first is None and "no year" in m.reason


def test_without_publication_date_the_exercise_year_is_used() -> None:
    [d] = _dates("It runs until 20 February.", None, fallback=2022)
    assert d.first == date(2022, 2, 20)
    assert "exercise name" in d.reason


def test_month_alone_is_not_a_day() -> None:
    found = _dates("Exercises run between February and May, and again in December 2022.", None)
    assert [(d.precision, d.first) for d in found] == [("month", None)]


def test_period_end_before_start_from_a_weekday_moves_a_week() -> None:
    # Published on Thursday 9 September 2021: "begins on Friday and runs until Thursday".
    text = "Zapad-2021 begins on Friday and runs until Thursday."
    period = choose_period(_dates(text, date(2021, 9, 9)), "Zapad 2021")
    assert (period.start, period.end) == (date(2021, 9, 10), date(2021, 9, 16))
    assert "a week later" in period.end_reason


def test_impossible_dates_are_not_dates() -> None:
    [d] = _dates("on 30 February", date(2022, 1, 1))
    assert d.first is None and d.reason == "not a valid date"


def test_range_across_the_new_year_takes_one_year() -> None:
    [d] = _dates("The drills run from 28 December to 3 January.", date(2021, 12, 20))
    assert (d.first, d.last) == (date(2021, 12, 28), date(2022, 1, 3))
    assert ";" not in d.reason  # one reason: the year comes from the first day


def test_a_present_timetable_under_way_keeps_the_publication_year() -> None:
    from csbm.extract import extract

    x = extract(
        "The Kavkaz exercise runs from September 21 to 26 in southern Russia with 80,000 troops.",
        published=date(2020, 9, 25),
    )
    assert x.period is not None
    assert (x.period.start, x.period.end) == (date(2020, 9, 21), date(2020, 9, 26))


def test_a_day_without_a_year_takes_the_year_of_the_exercise_name() -> None:
    from csbm.extract import extract

    x = extract(
        "Siil 2018 will be held in Estonia with 13,000 troops. The exercise: May 2-12.",
        published=date(2017, 10, 20),
    )
    assert x.period is not None
    assert (x.period.start, x.period.end) == (date(2018, 5, 2), date(2018, 5, 12))
    assert "exercise's name" in x.period.start_reason


def test_the_verb_after_the_date_gives_its_role() -> None:
    [d] = _dates("On Sunday NATO began a naval exercise in the Baltic Sea.", date(2022, 6, 5))
    assert (d.first, d.role) == (date(2022, 6, 5), "start")


def test_dates_in_a_list_of_phases_are_phases() -> None:
    found = _dates(
        "There will be three phases: readiness until May 4; live fire from May 5-7.",
        date(2018, 4, 20),
    )
    assert [d.role for d in found] == ["phase", "phase"]


def test_the_sentences_naming_the_exercise_give_the_period_first() -> None:
    from csbm.extract import extract

    x = extract(
        "A snap check of the troops ran from 25 to 31 August in Russia. The exercise "
        "Kavkaz-2016 began on 5 September and runs until September 10 with 12,500 troops.",
        published=date(2016, 9, 7),
    )
    assert x.period is not None
    assert (x.period.start, x.period.end) == (date(2016, 9, 5), date(2016, 9, 10))


def test_a_speech_verb_between_a_date_and_began_keeps_it_a_statement_day() -> None:
    [d] = _dates("On Monday officials said the drills began last week.", date(2022, 6, 8))
    assert d.role != "start"
    [m] = _dates(
        "On Monday, March 4, the large exercise Nordic Response 24 begins in Norway.",
        date(2024, 3, 4),
    )[-1:]
    assert m.role == "start"


def test_a_pronoun_for_the_activity_gives_its_end() -> None:
    from csbm.extract import extract

    x = extract(
        "Steadfast Defender 2024 started on Wednesday with 90,000 troops. It will be held in "
        "many places and last until May 31."
    )
    assert x.period is not None and x.period.end == date(2024, 5, 31)


def _period(text: str, published: date | None) -> tuple[date | None, date | None] | None:
    from csbm.extract import extract

    p = extract(text, published=published).period
    return None if p is None else (p.start, p.end)


def test_a_part_between_semicolons_and_page_debris_separate_clauses() -> None:
    # another edition in the other part of the sentence does not hide this one's day
    assert _period(
        "Cold Response 2022 is held every two years. The exercise started in Norway on Monday; "
        "the 2020 edition was called off.",
        date(2022, 3, 14),
    ) == (date(2022, 3, 14), None)
    # a page's dateline after "|" is not the day the activity starts from
    assert (
        _period(
            "US recalls troops from NATO's biggest drill Defender Europe 2020 | 17 March 2020 | "
            "The Pentagon says it will cut its part in the exercise.",
            date(2020, 3, 17),
        )
        is None
    )


def test_an_end_left_out_comes_from_the_last_dated_phase() -> None:
    text = (
        "Exercise Siil 2018 began in Estonia on Wednesday (2 May 2018).\n\n"
        "It has two stages. Until 6 May the units work up to readiness.\n\n"
        "The second, battle-training phase runs from 7 May to 13 May."
    )
    p = extract(text, published=date(2018, 5, 2)).period
    assert p is not None and (p.start, p.end) == (date(2018, 5, 2), date(2018, 5, 13))
    assert "last phase" in p.end_reason
    # a phase's single day gives no end, and a phase is never the start
    one_day = text.replace("runs from 7 May to 13 May", "begins on 7 May")
    p2 = extract(one_day, published=date(2018, 5, 2)).period
    assert p2 is not None and p2.end is None


def _ends(text: str, published: date) -> tuple[date | None, date | None]:
    p = extract(text, published=published).period
    return (p.start, p.end) if p is not None else (None, None)


def test_a_range_of_another_activity_before_the_named_start_is_not_the_period() -> None:
    pub = date(2023, 5, 10)  # a Wednesday
    got = _ends(
        "The Baltic Shield exercise began on Monday. Russia held its own snap check from 2 to "
        "5 May.",
        pub,
    )
    assert got == (date(2023, 5, 8), None)
    got = _ends(
        "Exercise Baltic Shield began on 8 May. An earlier inspection took place from 1 to 3 May.",
        pub,
    )
    assert got == (date(2023, 5, 8), None)
    # A range after the named start still wins: that start may be a preparation's.
    got = _ends(
        "On 1 May, snap checks began to get ready for Exercise Baltic Shield. The drills, held "
        "on 15-26 May, tested the troops.",
        date(2023, 5, 30),
    )
    assert got == (date(2023, 5, 15), date(2023, 5, 26))


def test_a_day_before_and_then_the_verb_of_another_clause_is_not_a_start() -> None:
    pub = date(2023, 5, 10)
    [arrive, begin] = _dates("Troops arrived on 2 May and the exercise begins on 15 May.", pub)
    assert (arrive.role, begin.role) == ("other", "start")
    [d] = _dates("Soldiers assembled at the base on June 21 to end the exercise.", pub)
    assert d.role == "end"
    [d] = _dates("On Sunday NATO and its partners began an exercise.", pub)
    assert d.role == "start"


def test_a_participle_after_a_modal_is_the_future() -> None:
    pub = date(2023, 5, 10)
    [d] = _dates("The exercise will be held from 15 May for two weeks.", pub)
    assert (d.first, d.role) == (date(2023, 5, 15), "start")
    # a duration never gives an end
    assert _ends("Exercise Baltic Shield will be held from 15 May for two weeks.", pub) == (
        date(2023, 5, 15),
        None,
    )
    [d] = _dates("The exercise was held from 15 May.", pub)
    assert d.first == date(2022, 5, 15)


def test_the_year_in_the_name_dates_days_in_a_text_published_years_later() -> None:
    x = extract(
        "Agile Spirit 2019, the multinational exercise, is under way. Georgia hosts the "
        "exercise from July 27 to August 9.",
        published=date(2022, 8, 14),
    )
    assert x.period is not None
    assert (x.period.start, x.period.end) == (date(2019, 7, 27), date(2019, 8, 9))


def test_a_battle_within_the_exercise_does_not_date_it() -> None:
    x = extract(
        "The Spring Storm 2017 exercise is the largest in Estonia. Never before had tanks met "
        "tanks, until the mock battle of May 23-24.",
        published=date(2017, 5, 30),
    )
    assert x.period is None or (x.period.start, x.period.end) == (None, None)


def test_another_drill_of_the_kind_keeps_its_days() -> None:
    pub = date(2023, 5, 10)
    [d] = _dates("A similar drill was held from 1 to 5 March.", pub)
    assert d.role == "another"
    [d] = _dates("Another snap check began on 2 May.", pub)
    assert d.role == "another"
    assert _ends(
        "Exercise Baltic Shield is under way. A similar drill was held from 1 to 5 March.", pub
    ) == (None, None)
    # the exercise's own days are kept
    [d] = _dates("The exercise began on 8 May, a week after a similar drill.", pub)
    assert (d.first, d.role) == (date(2023, 5, 8), "start")


def test_a_dateline_before_a_dash_is_not_the_start() -> None:
    pub = date(2023, 5, 10)
    assert _ends("RIGA, 8 May 2023 - The Baltic Shield exercise started in Latvia.", pub) == (
        None,
        None,
    )
    [d] = _dates("On 8 May the exercise started.", pub)
    assert d.role == "start"


def test_a_relative_clause_on_another_exercise_keeps_its_days() -> None:
    pub = date(2023, 5, 10)
    assert _ends(
        "Exercise Baltic Shield started this week. It follows Exercise Iron Wolf, which ended "
        "on 5 May.",
        pub,
    ) == (None, None)
    # the reported exercise's own relative clause still dates it
    assert _ends("Exercise Baltic Shield, which began on 8 May, ends on 19 May.", pub) == (
        date(2023, 5, 8),
        date(2023, 5, 19),
    )


def test_the_phase_the_text_calls_the_last_ends_a_period_with_no_start() -> None:
    text = (
        "Troops of nine nations are in Beja this week for Exercise Baltic Shield. Operations "
        "run in two phases: the first lasts until 16 October, and the second will then run "
        "from 21 October to 6 November."
    )
    assert _ends(text, date(2023, 10, 12)) == (None, date(2023, 11, 6))
    final = "Exercise Baltic Shield is under way. The final phase runs from 21 to 26 May."
    assert _ends(final, date(2023, 5, 10)) == (None, date(2023, 5, 26))
    # a phase not called the last gives no end when the text gives no start
    first = "Exercise Baltic Shield is under way. The first phase runs from 21 to 26 May."
    assert _ends(first, date(2023, 5, 10)) == (None, None)
    three = text.replace("two phases", "three phases")
    assert _ends(three, date(2023, 10, 12)) == (None, None)


def test_their_training_is_the_activity() -> None:
    text = (
        "The start of Exercise Baltic Shield in Zagan marked a first deployment. The units "
        "were ordered to move, and their training lasted until 19 June."
    )
    assert _ends(text, date(2023, 6, 25)) == (None, date(2023, 6, 19))


def test_a_date_in_apposition_to_a_weekday_and_its_time_of_day_takes_its_role() -> None:
    [wd, d] = _dates("The drill began on Tuesday afternoon (9 May 2023) in Latvia.", None)
    assert (wd.role, d.first, d.role) == ("start", date(2023, 5, 9), "start")
    # a date after a time of day with no weekday before it is not affected
    [d] = _dates("In the afternoon (9 May 2023) the troops rested.", None)
    assert d.role == "other"


def test_a_weekday_of_another_states_activity_is_no_period() -> None:
    from datetime import date

    from csbm.extract.pipeline import extract

    text = (
        "Sweden has opened Aurora 2017, its largest exercise in two decades, with 19,000"
        " troops. Officials noted that the Russian manoeuvres start on Thursday."
    )
    x = extract(text, published=date(2017, 9, 12))
    assert x.period is None or (x.period.start is None and x.period.end is None)
