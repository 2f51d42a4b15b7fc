"""The seed article (a third party's text in ../shared, never copied into the repository)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from csbm.extract import extract, to_dict, to_dossier, to_yaml
from csbm.extract.result import Extraction
from csbm.model.dossier import Qualifier, Quantity
from csbm.model.load import parse_dossier


@pytest.fixture
def seed(shared: Path) -> Extraction:
    path = shared / "seed" / "union-resolve-2022-article.txt"
    if not path.is_file():
        pytest.skip("the seed article is not in ../shared")
    return extract(path.read_text(encoding="utf-8"), published=date(2022, 2, 11))


def test_exercise(seed: Extraction) -> None:
    main = seed.main_exercise
    assert main is not None and main.name == "Union Resolve 2022"
    assert main.activity_id == "union-resolve-2022"
    assert [e.name for e in seed.exercises] == ["Union Resolve 2022"]


def test_states(seed: Extraction) -> None:
    roles = {s.code: s.role for s in seed.states}
    assert roles["RUS"] == "participant"
    assert roles["BLR"] == "host"


def test_period(seed: Extraction) -> None:
    assert seed.period is not None
    assert (seed.period.start, seed.period.end) == (date(2022, 2, 10), date(2022, 2, 20))
    assert seed.period.exercise == "Union Resolve 2022"
    assert "publication date 2022-02-11" in seed.period.start_reason


def test_the_30000_figure(seed: Extraction) -> None:
    [troops] = [f for f in seed.claims() if f.quantity is Quantity.TROOPS]
    assert troops.value == 30000
    assert troops.qualifier is Qualifier.APPROX
    assert troops.attributed_to == "Jens Stoltenberg"
    assert troops.exercise == "Union Resolve 2022"
    assert seed.text[troops.evidence.start : troops.evidence.end] == troops.evidence.text
    assert "30,000 Russian troops" in troops.evidence.text


def test_thresholds_are_not_figures(seed: Extraction) -> None:
    held = {(t.quantity, t.value) for t in seed.vienna_document.threshold_mentions}
    assert held == {
        (Quantity.TROOPS, 13000),
        (Quantity.TANKS, 300),
        (Quantity.ARTILLERY, 250),
    }
    values = {f.value for f in seed.figures}
    assert not values & {13000, 300, 250}
    assert seed.vienna_document.mentioned


def test_json_contract(seed: Extraction) -> None:
    data = to_dict(seed)
    assert data["document"]["published"] == "2022-02-11"
    assert data["exercises"][0]["name"] == "Union Resolve 2022"
    assert {"code": "RUS", "role": "participant"}.items() <= data["states"][0].items()
    assert data["period"]["start"] == "2022-02-10"
    fig = data["figures"][0]
    assert (fig["quantity"], fig["value"], fig["qualifier"], fig["attributed_to"]) == (
        "troops",
        30000,
        "approx",
        "Jens Stoltenberg",
    )
    assert data["vienna_document"]["mentioned"] is True


def test_dossier_validates(seed: Extraction) -> None:
    dossier = parse_dossier(to_yaml(to_dossier(seed)))
    assert dossier.activity.id == "union-resolve-2022"
    assert dossier.activity.conducting_states == ["RUS", "BLR"]
    assert dossier.activity.host_states == ["BLR"]
    [claim] = dossier.claims
    assert (claim.value, claim.qualifier, claim.attributed_to, claim.originator) == (
        30000,
        Qualifier.APPROX,
        "Jens Stoltenberg",
        "Jens Stoltenberg",
    )
