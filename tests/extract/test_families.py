"""Families of phrasing the third pass of issue 16 reads, one synthetic sentence each (our own
words): speakers (a wire lead's source, quotations over several sentences, "according to
him", "reported the press service of ...", a headline's colon, organs of one State), the clause
about another activity ("up from 12,700 in 2017"), a unit's size ("each can have up to 900"),
ceilings as guesses ("as high as", "could reach"), dates ("Aug. 30-Sept. 16", "10-16.09.2021",
"from the 10th to the 16th of September", "from late August to September 16") and names
("dubbed 'Iron Wolf'", "the Grom-2019 strategic nuclear drill")."""

from __future__ import annotations

from datetime import date

import pytest

from csbm.extract import extract

PUB = date(2021, 9, 10)  # a Friday


def _by(text: str) -> dict[int | None, tuple[str | None, str | None]]:
    return {
        (f.value if f.value is not None else f.high): (f.attributed_to, f.declared_by)
        for f in extract(text, published=PUB).claims()
    }


@pytest.mark.parametrize(
    ("text", "value", "want"),
    [
        # the source a wire lead names at its end speaks for the later paragraphs
        (
            "A large joint exercise of Russia and Belarus is getting under way, the Russian "
            "Defence Ministry said on Tuesday.\n\nThe plan is defensive.\n\nTaking part will be "
            "up to 40 aircraft and 6,000 servicemen.",
            6000,
            ("Russian Defence Ministry", "RUS"),
        ),
        # a quotation over two sentences: its speaker is named after it closes
        (
            '"Moscow has moved at least 30 thousand soldiers to the border for the exercise. '
            'This must stop," Linkevicius said.',
            30000,
            ("Linkevicius", None),
        ),
        # "according to him", "according to the minister": the person named before
        (
            "Belarusian Defence Minister Viktor Khrenin visited the range on Tuesday. According "
            "to him, 12,800 troops were involved in the exercise.",
            12800,
            ("Viktor Khrenin", "BLR"),
        ),
        (
            "Belarusian Defence Minister Viktor Khrenin visited the range on Tuesday. According "
            "to the minister, 12,800 troops were involved in the exercise.",
            12800,
            ("Viktor Khrenin", "BLR"),
        ),
        # the speaker after the verb, in lower case after "the"; a Military District is Russian
        (
            "The exercise involves 12,800 troops, reported the press service of the Western "
            "Military District.",
            12800,
            ("press service of the Western Military District", "RUS"),
        ),
        # "report that"
        (
            "The Swedish Armed Forces report that 19,000 troops take part in the exercise.",
            19000,
            ("Swedish Armed Forces", "SWE"),
        ),
        # a headline's speaker before a colon
        (
            "Russian Defence Ministry: about 12,800 troops are involved in the exercise.",
            12800,
            ("Russian Defence Ministry", "RUS"),
        ),
        # the State of a speaker from the apposition after the name
        (
            "The exercise involves 12,800 troops, said Major General Ivan Petrov, a spokesman "
            "for the Russian ministry.",
            12800,
            ("Ivan Petrov", "RUS"),
        ),
        # the owner of the figures; "said a spokesperson for ..."; "As Minsk announced"
        (
            "The Russian Defence Ministry's figures show 12,800 troops in the exercise.",
            12800,
            ("Russian Defence Ministry's", "RUS"),
        ),
        (
            "The exercise involves 12,800 troops, said a spokesperson for the Lithuanian army.",
            12800,
            ("a spokesperson for the Lithuanian army", "LTU"),
        ),
        (
            "As Minsk announced, 12,800 troops take part in the exercise.",
            12800,
            ("Minsk", "BLR"),
        ),
        # a town's name is also a first name: "Linas" does not end the person's name
        (
            "Lithuanian Foreign Minister Linas Linkevicius spoke on Monday. He said as many as "
            "100,000 troops could take part in the exercise.",
            100000,
            ("Linas Linkevicius", "LTU"),
        ),
    ],
)
def test_speaker_family(text: str, value: int, want: tuple[str | None, str | None]) -> None:
    assert _by(text)[value] == want


def test_a_lead_opened_by_its_speaker_is_not_carried() -> None:
    found = _by(
        "Belarus says it wants to practise new tasks in the joint exercise next month.\n\n"
        "Over 13,000 military personnel are expected in the manoeuvres."
    )
    assert found[13000] == (None, None)


def test_an_adjective_participle_is_no_speaker_verb() -> None:
    found = _by(
        "Russia's armed forces have started their announced strategic exercise. The "
        "official number of troops is 12,500."
    )
    assert found[12500] == (None, None)


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        ("The exercise involves 12,000 troops, up from 10,000 in 2017.", 12000, 10000),
        ("The exercise involves 12,000 troops, compared with 10,000 last year.", 12000, 10000),
        (
            "The exercise involves 12,000 troops; in 2017 the exercise involved 10,000.",
            12000,
            10000,
        ),
    ],
)
def test_the_clause_about_another_activity_keeps_what_comes_before(
    text: str, kept: int, dropped: int
) -> None:
    found = _by(text)
    assert kept in found
    assert dropped not in found


def test_the_size_of_each_unit_is_not_a_total() -> None:
    found = _by(
        "Russia has massed more than 50 battalion tactical groups for the exercise. Each can "
        "have up to 900 personnel; they took part in the 2014 operations."
    )
    assert 900 not in found


@pytest.mark.parametrize(
    "text",
    [
        "Estimates of the troops in the exercise run as high as 13,000 troops.",
        "The number of troops taking part in the exercise could reach 13,000.",
    ],
)
def test_a_guessed_ceiling_is_up_to(text: str) -> None:
    (f,) = extract(text, published=PUB).claims()
    assert (f.value, f.qualifier.value) == (13000, "up_to")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The Zapad-2021 exercise runs Aug. 30-Sept. 16.", ("2021-08-30", "2021-09-16")),
        ("The Zapad-2021 exercise will be held 10.09-16.09.2021.", ("2021-09-10", "2021-09-16")),
        ("The Zapad-2021 exercise will be held on 10-16.09.2021.", ("2021-09-10", "2021-09-16")),
        (
            "The Zapad-2021 exercise will take place from the 10th to the 16th of September.",
            ("2021-09-10", "2021-09-16"),
        ),
        # a month is no day: the start stays open, and "September 16" is the end
        (
            "The Zapad-2021 exercise will run from late August to September 16.",
            (None, "2021-09-16"),
        ),
        (
            "The Zapad-2021 exercise begins on 10 September, a week later than in 2017.",
            ("2021-09-10", None),
        ),
        # a part or a phase of the activity, or something before it, gives no period
        ("The airborne part of exercise Zapad-2021 begins today.", (None, None)),
        (
            "The live training part of the Zapad-2021 exercise, which started on 6 September, "
            "had 230 units.",
            (None, None),
        ),
        (
            "A snap check on August 25-31, which in fact became the first phase of the "
            "Zapad-2021 exercise, massed troops.",
            (None, None),
        ),
        (
            "Preparations for Zapad-2021, a large exercise, begin on Monday, September 13.",
            (None, None),
        ),
        (
            "The inspection, held from Sept. 1 to Sept. 5 before the drill, involves 9,000 troops "
            "of Zapad-2021.",
            (None, None),
        ),
        # a date in apposition to a weekday takes its role; "to close" ends the activity
        (
            "The Zapad-2021 exercise begins in Belarus on Monday, September 13.",
            ("2021-09-13", None),
        ),
        (
            "Troops came together on September 16 at the range to close Zapad-2021.",
            (None, "2021-09-16"),
        ),
    ],
)
def test_date_family(text: str, want: tuple[str | None, str | None]) -> None:
    p = extract(text, published=PUB).period
    got = (
        str(p.start) if p is not None and p.start else None,
        str(p.end) if p is not None and p.end else None,
    )
    assert got == want


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name with no year takes the publication year, as a known series does
        ('The drills, dubbed "Iron Wolf", involve 3,000 troops in Lithuania.', "Iron Wolf 2021"),
        ("The Grom-2019 strategic nuclear drill involves 12,000 troops.", "Grom 2019"),
    ],
)
def test_name_family(text: str, name: str) -> None:
    assert name in [e.name for e in extract(text, published=PUB).exercises]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a list its words name as taking part
        (
            "Sixteen other nations will take part in the exercise, among them Belgium, Canada "
            "and Denmark.",
            {"BEL": "participant", "CAN": "participant", "DNK": "participant"},
        ),
        (
            "Taking part in the exercise are the United States, Poland and Lithuania.",
            {"USA": "participant", "POL": "participant", "LTU": "participant"},
        ),
        (
            "The United States, Poland and Lithuania are among the participants in the exercise.",
            {"USA": "participant", "POL": "participant", "LTU": "participant"},
        ),
        (
            "The exercise started with allies and partners of 4 nations: Finland, Sweden, "
            "Poland and Denmark.",
            {
                "FIN": "participant",
                "SWE": "participant",
                "POL": "participant",
                "DNK": "participant",
            },
        ),
        (
            "The exercise involves servicemen of Russia, Belarus, Armenia and Kazakhstan.",
            {
                "RUS": "participant",
                "BLR": "participant",
                "ARM": "participant",
                "KAZ": "participant",
            },
        ),
        # a list that ends in a group, a list continued with "as well as"
        (
            "Around 1,500 troops from the United States, France, Norway and other NATO allies "
            "are in the exercise.",
            {"USA": "participant", "FRA": "participant", "NOR": "participant"},
        ),
        (
            "The exercise involves 2,000 troops from Denmark, Norway and Finland, as well as the "
            "United States and France.",
            {"USA": "participant", "FRA": "participant"},
        ),
        (
            "About 5,000 soldiers come from NATO countries, mainly the United States and the "
            "United Kingdom, for the exercise.",
            {"USA": "participant", "GBR": "participant"},
        ),
        # a service's capitalised name after the adjective
        (
            "The active phase of the Russian Armed Forces' strategic exercise has begun.",
            {"RUS": "participant"},
        ),
        # "participants" (not only "participating"), "Besides X, ...", "take part: ...",
        # forces of other arms "from" a State
        (
            "Besides Estonia, Latvia and Lithuania, the participants in the exercise were "
            "Denmark, Finland and the U.S.",
            {"EST": "participant", "DNK": "participant", "USA": "participant"},
        ),
        (
            "In the exercise more than 10,000 soldiers of nine countries take part: Norway, "
            "Finland and the UK.",
            {"NOR": "participant", "FIN": "participant", "GBR": "participant"},
        ),
        (
            "Hurried to the exercise were air mobile troops from the Czech Republic, and "
            "mechanised infantry from Germany and Norway.",
            {"CZE": "participant", "DEU": "participant", "NOR": "participant"},
        ),
        # who leads it; named among the participants
        (
            "Nordic Response, a twice-yearly drill led by Norway, begins with 20,000 troops.",
            {"NOR": "participant"},
        ),
        (
            "The exercise begins with 20,000 troops from 14 countries, under Norway's lead.",
            {"NOR": "participant"},
        ),
        (
            "NATO is starting big exercises with the Nordic nations Finland, Sweden and Norway.",
            {"FIN": "participant", "SWE": "participant", "NOR": "participant"},
        ),
        (
            "Around 30,000 troops from 27 nations, NATO partners Finland and Sweden among them, "
            "take part in the exercise.",
            {"FIN": "participant", "SWE": "participant"},
        ),
        # observers: invited, watching, attending, named among them
        (
            "NRK News says Russia's defence was invited to send observers to the exercise but "
            "declined.",
            {"RUS": "observer"},
        ),
        (
            "More than 30 observers from 15 countries, Russia and Belarus among them, are "
            "monitoring the exercise.",
            {"RUS": "observer", "BLR": "observer"},
        ),
        (
            "For the first time the U.S. military watched Zapad-2025, the exercise.",
            {"USA": "observer"},
        ),
        (
            "23 states were watching the troops at the exercise, among them three NATO "
            "countries, the United States, Turkey and Hungary.",
            {"USA": "observer", "TUR": "observer", "HUN": "observer"},
        ),
        # hosts: every State of a list, and regions of a State
        (
            "Norway, Sweden and Finland will host the exercise.",
            {"NOR": "host", "SWE": "host", "FIN": "host"},
        ),
        (
            "Soldiers from 13 nations are drilling in the northern regions of Finland, Norway "
            "and Sweden in the exercise.",
            {"FIN": "host", "NOR": "host", "SWE": "host"},
        ),
    ],
)
def test_role_family(text: str, want: dict[str, str]) -> None:
    got = {s.code: s.roles for s in extract(text, published=PUB).states}
    assert {k: v for k, v in want.items() if v not in got.get(k, [])} == {}


@pytest.mark.parametrize(
    "text",
    [
        # observers, not participants; an adversary's forces; a capital as a seat
        "About 1,000 troops from Armenia will take part in the exercise, with observers from "
        "Kazakhstan and Iran.",
        "The plan of the exercise was to train for confronting the forces of Poland and Ukraine.",
        "The exercise matters for the governments in Helsinki and Stockholm, he said.",
        "The drill with Poland as the enemy involves 3,000 troops.",
    ],
)
def test_role_family_traps(text: str) -> None:
    got = {s.code: s.roles for s in extract(text, published=PUB).states}
    for code in ("KAZ", "IRN", "POL", "UKR", "FIN", "SWE"):
        assert got.get(code, ["mentioned"]) in (["mentioned"], ["observer"]), (code, got)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # forces "based in" a place are there; "out of" a port; a transliteration's ending
        ("Fighter jets based in Tver will join the drills with 300 troops.", "Tver"),
        ("The naval exercise with 40 ships runs out of Kiel, the German port.", "Kiel"),
        (
            "Troops trained at the Obuz-Lesnovsk military range in the exercise.",
            "Obuz-Lesnovsky range",
        ),
    ],
)
def test_place_family(text: str, place: str) -> None:
    assert place in [p.name for p in extract(text, published=PUB).locations]


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        # a count of States, a few officers, forces not sent, another edition
        ("The exercise involves 36,000 soldiers of more than 30 nationalities.", 30),
        ("The minister greeted the two American officers at the exercise.", 2),
        (
            "On Saturday Finland said it would not send the 400 troops it had planned for the "
            "exercise.",
            400,
        ),
        ("Finland, with 400 soldiers, has already pulled out of the exercise.", 400),
        ("The largest edition so far was the one of 2016, with 31,000 soldiers.", 31000),
        (
            "Around 13,000 troops take part in Zapad-2021, against roughly 200,000 in 2017, the "
            "last Zapad before the war.",
            200000,
        ),
    ],
)
def test_figure_family_traps(text: str, dropped: int) -> None:
    found = _by(text)
    assert dropped not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a series with "in" or "of" and a year names that edition; a common word does not
        (
            "The exercise is compared to Trident Juncture in 2018, with 50,000 participants.",
            "Trident Juncture 2018",
        ),
        (
            "Allied soldiers took part in the previous Siil exercise in May 2015 with 13,000 "
            "troops.",
            "Siil 2015",
        ),
    ],
)
def test_name_with_in_year(text: str, name: str) -> None:
    assert name in [e.name for e in extract(text, published=PUB).exercises]


def test_a_common_word_with_in_year_is_no_edition() -> None:
    found = extract(
        "Relations with the West in 2017 were tense as 12,000 troops drilled.", published=PUB
    )
    assert "Zapad 2017" not in [e.name for e in found.exercises]


def test_the_year_a_series_began_is_no_edition() -> None:
    found = extract(
        "Some 4,000 troops are in the BALTOPS exercise on the Baltic Sea. NATO launched BALTOPS "
        "in 1972.",
        published=None,
    )
    assert "BALTOPS 1972" not in [e.name for e in found.exercises]


def test_the_year_before_a_series_names_an_edition_in_passing() -> None:
    found = extract(
        "Close to 14,000 soldiers are in the Cold Response exercise, which was to start on "
        "March 12. Finland had taken part in the 2014 Cold Response exercise with 400 troops.",
        published=None,
    )
    names = {e.name: e.main for e in found.exercises}
    assert names.get("Cold Response 2014") is False
    assert found.period is None or found.period.start is None or found.period.start.year != 2014
