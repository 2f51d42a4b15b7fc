"""Acts under the Vienna Document read from text (csbm.extract.acts), and in the dossier."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from csbm.extract import extract
from csbm.extract.output.dossier import to_dossier, to_yaml
from csbm.model.load import parse_dossier

PUBLISHED = date(2021, 9, 21)


def _acts(text: str) -> list[tuple[str, str, bool]]:
    return [(a.type.value, a.by, a.made) for a in extract(text, published=PUBLISHED).acts]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Belarus notified the OSCE of the exercise on 29 August 2021.",
            [("notification", "BLR", True)],
        ),
        (
            "Russia did not invite observers to the drills.",
            [("observation_invitation", "RUS", False)],
        ),
        (
            "Russia and Belarus will hold the exercise in Belarus. No NATO officials will be "
            "invited to observe it, the ministry said.",
            [("observation_invitation", "BLR", False)],
        ),
        (
            "Lithuania requested an explanation under Chapter III of the Vienna Document.",
            [("chapter3_request", "LTU", True)],
        ),
        (
            "Estonia, Latvia and Lithuania asked Minsk, under the Vienna Document, to explain "
            "the drills.",
            [
                ("chapter3_request", "EST", True),
                ("chapter3_request", "LVA", True),
                ("chapter3_request", "LTU", True),
            ],
        ),
        (
            "Ukraine asked Russia to explain the build-up under the Vienna Document. Russia did "
            "not reply, and Kyiv demanded a meeting of the OSCE participating States.",
            [
                ("chapter3_request", "UKR", True),
                ("chapter3_reply", "RUS", False),
                ("chapter3_meeting", "UKR", True),
            ],
        ),
        (
            "The Baltic states asked Belarus to explain the exercise under the Vienna Document. "
            "Minsk's answer gave no detail.",
            [
                ("chapter3_request", "EST", True),
                ("chapter3_request", "LVA", True),
                ("chapter3_request", "LTU", True),
                ("chapter3_reply", "BLR", True),
            ],
        ),
        (
            "Observers from Poland and Lithuania watched the drills in Belarus.",
            [("observation_invitation", "BLR", True)],
        ),
        (
            "Inspectors from Latvia visited the exercise area in Belarus under the Vienna "
            "Document.",
            [("inspection", "LVA", True)],
        ),
        (
            "A Swedish evaluation visit to a Russian unit took place during the drills in Russia.",
            [("evaluation_visit", "SWE", True)],
        ),
    ],
)
def test_acts_are_read(text: str, want: list[tuple[str, str, bool]]) -> None:
    assert _acts(text) == want


@pytest.mark.parametrize(
    "text",
    [
        # a national readiness check is no Chapter IX inspection
        "Russia launched a snap inspection of the combat readiness of 40,000 troops.",
        # a reply needs a request in the text
        "Russian troops held drills. The ministry responded by moving 3,000 troops.",
        # a duty, a condition, a possibility: no act yet
        "Under the Vienna Document a State may ask another to explain unusual military "
        "activity, and Belarus must answer within 48 hours.",
        "If Russia gives no answer, Ukraine would call a meeting under the Vienna Document.",
        # an invitation with no inviting State and no host: unknown stays unknown
        "Observers were invited to watch the exercise.",
    ],
)
def test_no_act_is_read(text: str) -> None:
    assert _acts(text) == []


def test_the_act_takes_the_day_of_its_own_clause() -> None:
    x = extract(
        "Belarus notified the OSCE on 29 August 2021 and invited observers from seven "
        "countries. On 5 September 2021 Lithuania requested an explanation under the Vienna "
        "Document.",
        published=PUBLISHED,
    )
    days = {(a.type.value, a.by): a.date for a in x.acts}
    assert days == {
        ("notification", "BLR"): date(2021, 8, 29),
        ("observation_invitation", "BLR"): None,
        ("chapter3_request", "LTU"): date(2021, 9, 5),
    }
    inspection = extract(
        "A German inspection team carried out an inspection under the Vienna Document in Belarus.",
        published=PUBLISHED,
    ).acts
    assert [(a.by, a.to) for a in inspection] == [("DEU", "BLR")]


def test_acts_become_dossier_acts() -> None:
    text = (
        "Zapad 2021 was held from 10 to 16 September 2021 in Belarus with 12,800 Russian and "
        "Belarusian troops. Belarus notified the OSCE of the exercise on 29 August 2021 and "
        "invited observers from seven countries. Russia did not invite observers."
    )
    x = extract(text, published=PUBLISHED, url="https://example.org/zapad")
    rendered = to_yaml(to_dossier(x, publisher="Example"))
    dossier = parse_dossier(rendered, "<test>")
    got = [(a.type.value, a.by, a.made, a.date, a.date_text) for a in dossier.acts]
    assert got == [
        ("notification", ["BLR"], True, date(2021, 8, 29), None),
        (
            "observation_invitation",
            ["BLR"],
            True,
            None,
            "the text gives no date; reported in a text published 2021-09-21",
        ),
        ("observation_invitation", ["RUS"], False, None, None),
    ]
    source = dossier.sources[0].id
    assert all(a.source == source for a in dossier.acts)
    assert "Belarus notified the OSCE" in (dossier.acts[0].note or "")
    assert yaml.safe_load(rendered)["acts"][2]["made"] is False


def test_every_rule_match_holds_one_of_its_stems() -> None:
    """The cheap test before each act pattern never skips a sentence the pattern matches."""
    from pathlib import Path

    from csbm.extract.acts import _RULES
    from csbm.extract.gold import load

    root = Path(__file__).parent / "realworld"
    texts = [r.text for d in ("dev", "test") for r in load(root / d)]
    texts += [
        "Russia did not invite observers; no NATO officials will be invited. Kyiv demanded a "
        "meeting. Minsk's answer came late and Moscow let the deadline pass; Russia refused to "
        "take part. Observers from Poland watched. Belarus gave notice. Inspectors from Latvia "
        "and a Swedish evaluation visit. The request submitted by Ukraine was ignored."
    ]
    matched = 0
    for rule in _RULES:
        for text in texts:
            for m in rule.rx.finditer(text):
                matched += 1
                # the match and what its look-ahead read ("asked ... a meeting")
                seen = text[m.start() : m.end() + 150].casefold()
                assert any(stem in seen for stem in rule.stems), (rule.reason, m.group())
    assert matched > 50
