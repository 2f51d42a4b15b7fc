"""Acts under the Vienna Document in many wordings (csbm.extract.acts): each class of act in
the phrasings the press uses, and the sentences that must give no act (a demand, a plan, a
duty, a national check). The sentences are our own; none comes from a real text."""

from __future__ import annotations

from datetime import date

import pytest

from csbm.extract import extract

PUBLISHED = date(2023, 5, 4)

Act = tuple[str, str, bool]


def _acts(text: str) -> set[Act]:
    return {(a.type.value, a.by, a.made) for a in extract(text, published=PUBLISHED).acts}


MADE: list[tuple[str, set[Act]]] = [
    # notification
    ("Belarus notified the OSCE of the drills on 2 May.", {("notification", "BLR", True)}),
    (
        "Minsk gave the OSCE participating States advance notice of the exercise.",
        {("notification", "BLR", True)},
    ),
    (
        "Russia informed the OSCE in advance about the exercise with 13,000 troops.",
        {("notification", "RUS", True)},
    ),
    (
        "Belarus sent a notification of the exercise to all OSCE States under the Vienna Document.",
        {("notification", "BLR", True)},
    ),
    (
        "Latvia hosts the exercise, which was notified under the Vienna Document.",
        {("notification", "LVA", True)},
    ),
    (
        "Estonia announced the exercise in advance to the OSCE participating States.",
        {("notification", "EST", True)},
    ),
    # notification not made
    ("Russia did not notify the OSCE of the troop build-up.", {("notification", "RUS", False)}),
    ("Russia failed to notify the OSCE of the drills.", {("notification", "RUS", False)}),
    (
        "Russia massed 30,000 troops at the border without notifying the OSCE.",
        {("notification", "RUS", False)},
    ),
    ("Belarus never gave notice of the snap exercise.", {("notification", "BLR", False)}),
    # observation
    (
        "Belarus invited military attachés from 20 countries to watch the exercise.",
        {("observation_invitation", "BLR", True)},
    ),
    (
        "Sweden hosts the drills; observers from 12 OSCE countries attended the live firing.",
        {("observation_invitation", "SWE", True)},
    ),
    (
        "Ukraine hosts the naval exercise. Observers will come from Georgia and Norway.",
        {("observation_invitation", "UKR", True)},
    ),
    (
        "The exercise in Estonia was observed by military attachés from ten countries.",
        {("observation_invitation", "EST", True)},
    ),
    (
        "The drills in Belarus were followed by representatives of 15 OSCE States.",
        {("observation_invitation", "BLR", True)},
    ),
    (
        "Belarus hosts the exercise. Poland declined the invitation to observe it.",
        {("observation_invitation", "BLR", True)},
    ),
    # observation not made
    ("Russia did not invite observers to the drills.", {("observation_invitation", "RUS", False)}),
    (
        "Belarus declined to invite OSCE observers to the exercise.",
        {("observation_invitation", "BLR", False)},
    ),
    (
        "The exercise in Belarus is held without any foreign observers.",
        {("observation_invitation", "BLR", False)},
    ),
    (
        "The drills in Russia go on; no foreign observers were allowed to attend.",
        {("observation_invitation", "RUS", False)},
    ),
    # inspections and evaluation visits
    (
        "An inspection team from Latvia visited the specified area in Belarus under the "
        "Vienna Document 2011.",
        {("inspection", "LVA", True)},
    ),
    (
        "Lithuanian inspectors carried out an inspection in Belarus during the drills.",
        {("inspection", "LTU", True)},
    ),
    (
        "Finland conducted an inspection of a specified area in Russia under the Vienna Document.",
        {("inspection", "FIN", True)},
    ),
    (
        "A team of evaluators sent by Sweden will visit an infantry brigade in Norway.",
        {("evaluation_visit", "SWE", True)},
    ),
    (
        "Inspectors from Belarus are visiting a mechanised brigade in Lithuania under the "
        "Vienna Document.",
        {("evaluation_visit", "BLR", True)},
    ),
    (
        "A German inspection team checks a unit of the armed forces of Poland under the "
        "Vienna Document, to verify the data Poland gave.",
        {("evaluation_visit", "DEU", True)},
    ),
    (
        "Inspectors from Germany, France and Latvia checked a specified area in Belarus under "
        "the Vienna Document.",
        {("inspection", "DEU", True), ("inspection", "FRA", True), ("inspection", "LVA", True)},
    ),
    (
        "Under the Vienna Document a specified area in Greece was inspected by Turkey.",
        {("inspection", "TUR", True)},
    ),
    (
        "Latvia inspected a specified area in Belarus under the Vienna Document in March.",
        {("inspection", "LVA", True)},
    ),
    (
        "Belarus hosts the drills; the U.S. embassy got an invitation for its military attaché "
        "to attend.",
        {("observation_invitation", "BLR", True)},
    ),
    (
        "The exercise is held in Belarus. Poland and Lithuania were not invited to observe it.",
        {("observation_invitation", "BLR", False)},
    ),
    (
        "The drills are held in Russia, and NATO States received no invitation to send observers.",
        {("observation_invitation", "RUS", False)},
    ),
    (
        "Belarus's notification under the Vienna Document put the exercise at 12,800 troops.",
        {("notification", "BLR", True)},
    ),
    # Chapter III
    (
        "Under the Vienna Document, a meeting in Vienna was held at Ukraine's request.",
        {("chapter3_meeting", "UKR", True)},
    ),
    (
        "The OSCE meeting under the Vienna Document was convened at the request of Lithuania.",
        {("chapter3_meeting", "LTU", True)},
    ),
    (
        "Ukraine requested an explanation from Russia under Chapter III of the Vienna Document.",
        {("chapter3_request", "UKR", True)},
    ),
    (
        "Lithuania asked Belarus for clarification of the unusual military activities under "
        "the Vienna Document.",
        {("chapter3_request", "LTU", True)},
    ),
    (
        "Ukraine activated the risk reduction mechanism of the Vienna Document.",
        {("chapter3_request", "UKR", True)},
    ),
    (
        "Ukraine sent Russia a request under the Vienna Document. Having received no answer, "
        "Kyiv called for a meeting of the OSCE States.",
        {
            ("chapter3_request", "UKR", True),
            ("chapter3_reply", "RUS", False),
            ("chapter3_meeting", "UKR", True),
        },
    ),
    (
        "Latvia asked Russia to explain the build-up under the Vienna Document, but the "
        "request went unanswered.",
        {("chapter3_request", "LVA", True), ("chapter3_reply", "RUS", False)},
    ),
    (
        "Estonia requested information from Belarus under the Vienna Document. Belarus "
        "replied within 48 hours.",
        {("chapter3_request", "EST", True), ("chapter3_reply", "BLR", True)},
    ),
    (
        "Under the Vienna Document, Ukraine initiated a meeting in Vienna on the Russian build-up.",
        {("chapter3_meeting", "UKR", True)},
    ),
    (
        "Estonia asked Russia for information under the Vienna Document; Russia provided an "
        "answer two days later.",
        {("chapter3_request", "EST", True), ("chapter3_reply", "RUS", True)},
    ),
    (
        "Under the Vienna Document Ukraine called for a meeting in Vienna, but Russia did not "
        "show up.",
        {("chapter3_meeting", "UKR", True), ("chapter3_meeting", "RUS", False)},
    ),
    (
        "Belarus invited representatives of 30 countries to the exercise.",
        {("observation_invitation", "BLR", True)},
    ),
    (
        "The drills are held in Belarus; observers from six States are expected to attend.",
        {("observation_invitation", "BLR", True)},
    ),
    (
        "Belarus informed the foreign military attachés about the coming exercise.",
        {("notification", "BLR", True)},
    ),
    (
        "Under the Vienna Document the notification was submitted by Belarus in July.",
        {("notification", "BLR", True)},
    ),
    (
        "Inspection teams of Sweden and Norway visited a specified area in Russia under the "
        "Vienna Document.",
        {("inspection", "SWE", True), ("inspection", "NOR", True)},
    ),
    (
        "Under the Vienna Document 2011, Hungary will inspect a specified area in Ukraine.",
        {("inspection", "HUN", True)},
    ),
    (
        "Russia will carry out an inspection of a specified area in Greece under the Vienna "
        "Document.",
        {("inspection", "RUS", True)},
    ),
    (
        "The exercise is held in Belarus. Foreign military attachés and officers from 12 "
        "countries watched the live firing at the range.",
        {("observation_invitation", "BLR", True)},
    ),
    (
        "Belarus provided information about the exercise to the OSCE participating States.",
        {("notification", "BLR", True)},
    ),
    (
        "Ukraine asked Russia for details under the Vienna Document; Russia refused to provide "
        "them, and Ukraine called for consultations in the OSCE.",
        {
            ("chapter3_request", "UKR", True),
            ("chapter3_reply", "RUS", False),
            ("chapter3_meeting", "UKR", True),
        },
    ),
    (
        "The drills in Belarus began; the OSCE participating States were notified in July.",
        {("notification", "BLR", True)},
    ),
    (
        "The exercise in Russia is large; its notification under the Vienna Document was sent "
        "on 1 August.",
        {("notification", "RUS", True)},
    ),
    (
        "The exercise is held in Estonia, with an observation programme for six OSCE States.",
        {("observation_invitation", "EST", True)},
    ),
    (
        "Ukraine received an inspection requested by Russia under the Vienna Document.",
        {("inspection", "RUS", True)},
    ),
    # calendar entries
    (
        "Belarus included the exercise in its annual calendar under the Vienna Document.",
        {("calendar_entry", "BLR", True)},
    ),
    (
        "The drills in Russia were listed in the annual calendar of military activities "
        "exchanged in the OSCE.",
        {("calendar_entry", "RUS", True)},
    ),
    (
        "The drills in Russia, which were not included in the annual calendar of the Vienna "
        "Document, began on Monday.",
        {("calendar_entry", "RUS", False)},
    ),
]


@pytest.mark.parametrize(("text", "want"), MADE)
def test_acts_in_many_wordings(text: str, want: set[Act]) -> None:
    assert _acts(text) == want


NONE: list[str] = [
    # a demand, a call, a duty: no act made
    "Lithuania called on Belarus to notify the OSCE of the drills.",
    "NATO demanded that Russia notify the exercise under the Vienna Document.",
    "Russia should notify the OSCE of any exercise with more than 9,000 troops.",
    "Under the Vienna Document a State must invite observers to exercises of 13,000 troops.",
    "Belarus is obliged to notify exercises above the threshold.",
    # a plan or an intention
    "Belarus will notify the OSCE of the drills next month.",
    "Ukraine intends to request an explanation under the Vienna Document.",
    "Lithuania plans to ask Belarus for information under the Vienna Document.",
    "Ukraine is ready to call a meeting under the Vienna Document.",
    # a condition
    "If Russia does not answer, Ukraine would call a meeting under the Vienna Document.",
    # a national check is no Chapter IX inspection
    "Russia began a surprise combat readiness inspection of 40,000 troops.",
    "The defence minister inspected the troops of the Western Military District.",
    # words of the same stems about other things
    "Journalists were invited to a press tour of the base.",
    "Russia notified its own troops of the alert at dawn.",
    "The drills were announced by the ministry on Monday.",
    "Russia inspected its own troops in the Southern Military District.",
    "Journalists from Poland were not invited to the briefing.",
    "Belarus invited representatives of the media to a press tour.",
    "Officials from ten countries attended the security conference in Minsk.",
    "Russia inspects its own troops each autumn.",
    "The soldiers manned an observation post near the border.",
    # observers in the sense of commentators
    "The drills are held in Belarus; Western observers watch them with concern.",
    "The exercise is held in Russia. Some observers fear it could hide a build-up.",
    "The drills in Belarus go on, and observers say they are watching the border closely.",
]


@pytest.mark.parametrize("text", NONE)
def test_no_act_in_these_wordings(text: str) -> None:
    assert _acts(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Belarus invited representatives of 30 countries to a security conference in Minsk.",
        "Russia invited delegations from ten States to attend the Army forum near Moscow.",
    ],
)
def test_guests_of_a_forum_are_no_observers(text: str) -> None:
    assert _acts(text) == set()


def test_a_standing_missions_monitors_are_no_observers_of_an_activity() -> None:
    assert (
        _acts("Russian troops drill in Russia; OSCE SMM monitors observed tanks near the line.")
        == set()
    )
