"""Qualifiers and how a hedge spreads over a list (csbm.extract.qualifiers, figures)."""

from __future__ import annotations

import pytest

from csbm.extract import qualifiers
from csbm.extract.figures import read
from csbm.extract.numbers import find_numbers
from csbm.model.dossier import Qualifier, Quantity


def _qualifier_of(phrase: str) -> Qualifier:
    text = f"{phrase} 30,000 troops"
    [c] = [c for c in read(text, 0, len(text), find_numbers(text)) if c.quantity]
    return c.qualifier


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [
        ("", Qualifier.EXACT),
        ("with", Qualifier.EXACT),
        ("about", Qualifier.APPROX),
        ("around", Qualifier.APPROX),
        ("some", Qualifier.APPROX),
        ("nearly", Qualifier.APPROX),
        ("roughly", Qualifier.APPROX),
        ("approximately", Qualifier.APPROX),
        ("an estimated", Qualifier.APPROX),
        ("almost", Qualifier.APPROX),
        ("more than", Qualifier.AT_LEAST),
        ("over", Qualifier.AT_LEAST),
        ("at least", Qualifier.AT_LEAST),
        ("no fewer than", Qualifier.AT_LEAST),  # longest reading wins
        ("in excess of", Qualifier.AT_LEAST),
        ("fewer than", Qualifier.AT_MOST),
        ("less than", Qualifier.AT_MOST),
        ("no more than", Qualifier.AT_MOST),
        ("will not exceed", Qualifier.AT_MOST),
        ("would not exceed", Qualifier.AT_MOST),
        ("won't exceed", Qualifier.AT_MOST),
        ("a maximum of", Qualifier.AT_MOST),
        ("up to", Qualifier.UP_TO),
        ("as many as", Qualifier.UP_TO),
        ("up to a total of", Qualifier.UP_TO),
    ],
)
def test_qualifier_before(phrase: str, qualifier: Qualifier) -> None:
    assert _qualifier_of(phrase) is qualifier


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("9,000 or more troops", Qualifier.AT_LEAST),
        ("30,000-plus troops", Qualifier.AT_LEAST),
        ("9,000 troops or more", Qualifier.EXACT),  # after the noun: not read (known limit)
    ],
)
def test_qualifier_after(text: str, qualifier: Qualifier) -> None:
    [c] = [c for c in read(text, 0, len(text), find_numbers(text)) if c.quantity]
    assert c.qualifier is qualifier


def test_comparison_with_a_stated_figure_is_not_a_hedge() -> None:
    assert qualifiers.before("far more than the 12,700", 18) is None
    hedge = qualifiers.before("far more than 12,700", 14)
    assert hedge is not None and hedge.qualifier is Qualifier.AT_LEAST


def test_hedge_spreads_over_the_list() -> None:
    text = "some 3,000 vehicles, 105 aircraft and 12 vessels took part"
    found = [c for c in read(text, 0, len(text), find_numbers(text)) if c.quantity]
    assert [(c.quantity, c.value, c.qualifier) for c in found] == [
        (Quantity.AIRCRAFT, 105, Qualifier.APPROX),
        (Quantity.SHIPS, 12, Qualifier.APPROX),
    ]
    assert "spreads over the list" in found[0].qualifier_reason


def test_own_qualifier_stops_the_spread_and_starts_its_own() -> None:
    text = "about 30 thousand servicemen, over 200 tanks and 50 helicopters"
    found = [c for c in read(text, 0, len(text), find_numbers(text)) if c.quantity]
    assert [c.qualifier for c in found] == [
        Qualifier.APPROX,
        Qualifier.AT_LEAST,
        Qualifier.AT_LEAST,
    ]


def test_including_breaks_the_list() -> None:
    text = "more than 50 ships and 1,100 combat vehicles, including 133 tanks"
    found = {
        c.quantity: c.qualifier for c in read(text, 0, len(text), find_numbers(text)) if c.quantity
    }
    assert found == {Quantity.SHIPS: Qualifier.AT_LEAST, Quantity.TANKS: Qualifier.EXACT}


def test_c_dot_is_circa_only_in_lower_case() -> None:
    assert _qualifier_of("c.") is Qualifier.APPROX
    assert _qualifier_of("Washington D.C.") is Qualifier.EXACT
