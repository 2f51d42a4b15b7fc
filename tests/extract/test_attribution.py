"""Speakers across clauses and sentences, pronouns and titles, appositions, citing, quoting."""

from __future__ import annotations

from datetime import date

import pytest

from csbm.extract import extract

PUB = date(2021, 9, 10)


def _by(text: str) -> dict[int | None, tuple[str | None, str | None]]:
    return {
        f.value: (f.attributed_to, f.declared_by) for f in extract(text, published=PUB).claims()
    }


@pytest.mark.parametrize(
    ("text", "value", "want"),
    [
        # the speaker of the sentence before, in the same paragraph
        (
            "The Zapad exercise began on Friday, the Russian Defense Ministry said in a "
            "statement. Altogether 128,000 troops take part.",
            128000,
            ("Russian Defense Ministry", "RUS"),
        ),
        # "the ministry said" after the ministry was named
        (
            "The Belarusian defence ministry said the drills began on Friday in Belarus. The "
            "ministry said about 8,500 troops take part.",
            8500,
            ("Belarusian defence ministry", "BLR"),
        ),
        # "he said" after a named person (his State from the list of office holders)
        (
            "Defence Minister Sergei Shoigu visited the drills in Russia. Some 38,000 troops "
            "and 41 ships are in the exercise, he said.",
            38000,
            ("Sergei Shoigu", "RUS"),
        ),
        # "according to the statement"
        (
            "The Russian Ministry of Defense announced the start of the exercise in Russia on "
            "Monday. According to the statement, about 1,000 foreign troops take part.",
            1000,
            ("Russian Ministry of Defense", "RUS"),
        ),
        # a name and its apposition: the name speaks
        (
            "The exercise in Poland will involve around 90,000 troops, NATO's top commander, "
            "Chris Cavoli, said on Thursday.",
            90000,
            ("Chris Cavoli", None),
        ),
        # "citing": the one cited, not the agency
        (
            "About 20,000 troops will take part in the drills in Poland, Interfax reports, "
            "citing the General Staff of the Polish Army.",
            20000,
            ("General Staff of the Polish Army", "POL"),
        ),
        # "quoted ... as saying", the speaker of a quote after it
        (
            '"Up to 8,000 servicemen will take part in the drills in Russia; the air force '
            'will fly too," news agencies quoted Col. Gen. Postnikov as saying.',
            8000,
            ("Postnikov", None),
        ),
        # a short form of a speaker named more fully before
        (
            "The Russian Defense Ministry announced the drills in Russia. Earlier the Defense "
            "Ministry had said the drills involved more than 10,000 troops.",
            10000,
            ("Russian Defense Ministry", "RUS"),
        ),
        # a word set off by commas between the speaker and the verb
        (
            "A Russian general, though, has hinted that the exercise in Belarus will have "
            "closer to 200,000 troops.",
            200000,
            ("A Russian general", "RUS"),
        ),
        # "think" speaks too, and the nearest speaker before a figure wins
        (
            "According to Moscow, 13,000 troops will take part in the drills in Belarus, but "
            "Western experts think there will really be about 100,000 troops.",
            100000,
            ("Western experts", None),
        ),
        # a capital for its government
        (
            "Moscow later said 200,000 troops took part in the exercise in Belarus.",
            200000,
            ("Moscow", "RUS"),
        ),
    ],
)
def test_speaker_is_found(text: str, value: int, want: tuple[str | None, str | None]) -> None:
    assert _by(text)[value] == want


def test_no_speaker_is_carried_into_a_new_paragraph_or_an_impersonal_report() -> None:
    found = _by(
        "Defence Minister Viktor Khrenin said the drills in Belarus would start soon.\n\n"
        "About 13,000 troops take part.\n"
        "On August 12 it became known that the exercise would have 12,000 troops."
    )
    assert found[13000] == (None, None)
    assert found[12000] == (None, None)


def test_a_speaker_after_a_turn_does_not_take_the_earlier_figure() -> None:
    found = _by(
        "The drill in Norway had been expected to have around 35,000 soldiers, but Lieutenant "
        "Colonel Ivar Moen of the operational headquarters said the number was cut to 30,000 "
        "soldiers."
    )
    assert found[35000] == (None, None)
    assert found[30000][0] == "Ivar Moen"


def test_the_subject_of_what_was_said_is_no_speaker() -> None:
    found = _by(
        "On April 19 Josep Borrell, the EU's top diplomat, said Russia had massed some 100,000 "
        "troops near the border for the exercise, and on April 20 Ukrainian Foreign Minister "
        "Dmytro Kuleba warned that the build-up would reach over 120,000 troops."
    )
    assert found[100000][0] == "Josep Borrell"
    assert found[120000] == ("Dmytro Kuleba", "UKR")


def test_the_cheap_scan_lets_every_speaker_cue_through() -> None:
    from csbm.extract.attribution import _ANY_CUE

    cues = [
        "said",
        "says",
        "say",
        "told",
        "tells",
        "estimated",
        "estimates",
        "estimate",
        "believe",
        "believes",
        "believed",
        "claimed",
        "claims",
        "expects",
        "expect",
        "expected",
        "puts",
        "put",
        "counted",
        "counts",
        "reported",
        "reports",
        "declared",
        "declares",
        "announced",
        "announces",
        "stated",
        "noted",
        "warned",
        "warns",
        "insisted",
        "insists",
        "wrote",
        "writes",
        "added",
        "adds",
        "spoke",
        "speaks",
        "cited",
        "cites",
        "hinted",
        "hints",
        "confirmed",
        "confirms",
        "revealed",
        "reveals",
        "indicated",
        "indicates",
        "explained",
        "explains",
        "specified",
        "disclosed",
        "promised",
        "promises",
        "predicted",
        "predicts",
        "suggested",
        "suggests",
        "informed",
        "informs",
        "think",
        "thinks",
        "thought",
        "reckon",
        "reckons",
        "reckoned",
        "assess",
        "assesses",
        "assessed",
        "fear",
        "fears",
        "feared",
        "given",
        "notified",
        "clarified",
        "according",
        "quoted",
        "citing",
    ]
    missed = [c for c in cues if _ANY_CUE.search(f"The ministry {c} 3,000 troops.") is None]
    assert missed == []


def test_a_statements_heading_names_the_voice_of_its_figures() -> None:
    text = (
        "Comment of the MFA of Ukraine on Russia's exercise Kavkaz-2016\n\n"
        "Russia massed a grouping of about 100,000 soldiers for Kavkaz-2016.\n\n"
        "More than 11,000 soldiers were brought in from other districts."
    )
    got = [(f.value, f.attributed_to, f.declared_by) for f in extract(text).claims()]
    assert got == [(100000, "MFA of Ukraine", "UKR"), (11000, "MFA of Ukraine", "UKR")]
    # once another speaker is named, the heading's body no longer speaks for the text
    text2 = text.replace("More than 11,000", "Analysts at RUSI said more than 11,000")
    got2 = {f.value: f.attributed_to for f in extract(text2).claims()}
    assert got2[11000] is not None and "RUSI" in got2[11000]
    # a heading that names no body (a headline) gives no voice
    plain = "Comment: Russia's Kavkaz-2016 is larger than it says\n\nIt has 100,000 soldiers."
    assert [f.attributed_to for f in extract(plain).claims()] == [None]


@pytest.mark.parametrize(
    ("text", "value", "want"),
    [
        # a listed office holder, named with no State word
        (
            "Lukashenko said that about 9,000 troops would take part in the drills in Belarus.",
            9000,
            ("Lukashenko", "BLR"),
        ),
        (
            "The exercise began on Monday. Some 12,000 servicemen are involved, Sergei Shoigu "
            "told reporters.",
            12000,
            ("Sergei Shoigu", "RUS"),
        ),
        # the State from an apposition after the title and name
        (
            "Colonel General Ivan Petrovsky, deputy chief of the Russian General Staff, said "
            "about 7,000 troops would take part in the exercise.",
            7000,
            ("Ivan Petrovsky", "RUS"),
        ),
        # ... from a relative clause after a name cited with "according to"
        (
            "Over 6,000 personnel will join the drills, according to Pavel Ivanou, who heads "
            "the Belarusian Defence Ministry's international cooperation department.",
            6000,
            ("Pavel Ivanou", "BLR"),
        ),
    ],
)
def test_a_persons_state_comes_from_the_office_list_or_the_apposition(
    text: str, value: int, want: tuple[str, str]
) -> None:
    assert _by(text)[value] == want


def test_an_unknown_person_with_no_state_in_the_words_keeps_none() -> None:
    got = _by("Ivan Petrovsky said about 7,000 troops would take part in the exercise.")
    assert got[7000] == ("Ivan Petrovsky", None)


def test_a_national_organ_that_names_no_state_is_the_state_named_before_it() -> None:
    text = (
        "The strategic exercise of the Hungarian armed forces began on 5 September in Hungary. "
        "About 6,000 troops take part, the defence ministry reported."
    )
    fig = next(f for f in extract(text, published=PUB).claims() if f.value == 6000)
    assert fig.declared_by == "HUN"
    assert any("names no State" in r for r in fig.reasons)


def test_an_alliance_organ_is_never_read_as_a_host_state() -> None:
    text = (
        "The NATO exercise began on 5 September in Estonia. About 6,000 troops take part, "
        "the alliance's military staff said."
    )
    fig = next(f for f in extract(text, published=PUB).claims() if f.value == 6000)
    assert fig.declared_by is None


_CONTEXT = "The exercise Spring Storm began on Monday in Estonia. "


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # a quotation in single quotes, the speaker after it, his body after the name
        (
            "'We have 7,000 troops here,' said Colonel Ivan Petrov of the Estonian army.",
            ("Ivan Petrov", "EST"),
        ),
        # "in his words" names the person named before
        (
            "Colonel Ivan Petrov of the Estonian army visited. In his words, 7,000 troops "
            "take part.",
            ("Ivan Petrov", "EST"),
        ),
        ("Per the Estonian ministry, 7,000 troops take part.", ("Estonian ministry", "EST")),
        # an aside between the speaker and the verb
        (
            "A Russian officer, who declined to be named, said 7,000 troops take part.",
            ("A Russian officer", "RUS"),
        ),
        (
            "The Estonian minister, speaking at a press conference, said 7,000 troops take part.",
            ("Estonian minister", "EST"),
        ),
        # an apposition before the name gives the State "he" speaks for later
        (
            "The head of the Estonian Defence Forces, General Ivan Petrov, said the drill was "
            "vital. About 7,000 troops take part, he added.",
            ("Ivan Petrov", "EST"),
        ),
        ("Some 7,000 troops take part, the organisers said.", ("organisers", None)),
        # "the military" names no State: the host State named before it
        ("The military said about 7,000 troops take part.", ("military", "EST")),
        (
            "As reported by the Estonian ministry, 7,000 troops take part.",
            ("Estonian ministry", "EST"),
        ),
    ],
)
def test_more_speaker_forms(sentence: str, want: tuple[str, str]) -> None:
    assert _by(_CONTEXT + sentence)[7000] == want


def test_per_cent_is_no_speaker() -> None:
    assert _by(_CONTEXT + "Costs rose 7 per cent. About 7,000 troops take part.")[7000] == (
        None,
        None,
    )


def test_the_commander_names_the_person_named_before() -> None:
    got = _by(
        _CONTEXT + "Colonel Ivan Petrov commands the drill. The commander said 7,000 troops "
        "take part."
    )
    assert got[7000] == ("Ivan Petrov", None)


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # an aside naming the outlet between the speaker and the verb
        (
            "Deputy Foreign Minister Oleg Petrenko of Belarus, quoted by BelTA, said 7,000 "
            "troops take part.",
            ("Oleg Petrenko", "BLR"),
        ),
        # an acronym in brackets after the speaker
        ("Ukrainian intelligence (HUR) said 7,000 troops take part.", ("Ukrainian", "UKR")),
        # "according to figures released by" and an abbreviation's stop inside the name
        (
            "According to figures released by U.S. Army Europe, 7,000 troops take part.",
            ("U.S. Army Europe", "USA"),
        ),
        # ", saying": the sentence's subject speaks
        (
            "Ukrainian Defence Minister Stepan Poltorak disagreed, saying 7,000 troops take part.",
            ("Stepan Poltorak", "UKR"),
        ),
        # "it said" after an office that opened the sentence before without speaking
        (
            "The Belarusian Ministry of Defence published a video on Friday. It said 7,000 "
            "troops take part.",
            ("Belarusian Ministry of Defence", "BLR"),
        ),
        # a title written small and a State from the words before it
        (
            "Norwegian Chief of Defence spokeswoman Hilde Strand spoke on Monday. She said "
            "7,000 troops take part.",
            ("Hilde Strand", "NOR"),
        ),
        # a Russian fleet names its State
        (
            "Pacific Fleet commander Admiral Sergei Lobanov put the figure at 7,000 troops.",
            ("Sergei Lobanov", "RUS"),
        ),
    ],
)
def test_speaker_classes_of_the_probes(sentence: str, want: tuple[str, str]) -> None:
    got = _by(_CONTEXT + sentence)[7000]
    assert got[1] == want[1] and want[0].casefold() in (got[0] or "").casefold(), got
