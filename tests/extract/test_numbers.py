"""Numbers in every way the press writes them (csbm.extract.numbers)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from csbm.extract.numbers import as_count, find_numbers, parse_number


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("30,000", 30000),
        ("30 000", 30000),  # ordinary space
        ("30\u00a0000", 30000),  # no-break space
        ("30\u202f000", 30000),  # narrow no-break space (French, Russian typography)
        ("30\u2009000", 30000),  # thin space
        ("30.000", 30000),  # European thousands
        ("3.500", 3500),
        ("30'000", 30000),  # Swiss
        ("1,000,000", 1000000),
        ("12,7 thousand", 12700),  # European decimal, translated from Russian
        ("12.8 thousand", 12800),
        ("30 thousand", 30000),
        ("200 thousand", 200000),
        ("thirty thousand", 30000),
        ("Thirty thousand", 30000),
        ("12 thousand 900", 12900),
        ("twelve thousand seven hundred", 12700),
        ("two hundred and fifty", 250),
        ("three hundred", 300),
        ("thirty-five", 35),
        ("a hundred", 100),
        ("ten", 10),
        ("1.5 million", 1500000),
        ("30k", 30000),
        ("12,700", 12700),
    ],
)
def test_parse_number_every_format(written: str, value: int) -> None:
    parsed = parse_number(written)
    assert parsed is not None
    assert as_count(parsed) == value


@pytest.mark.parametrize("written", ["S-400", "51st", "1980s", "1,2,3", "", "troops", "a", "14:00"])
def test_not_one_number(written: str) -> None:
    assert parse_number(written) is None


def test_decimal_is_exact() -> None:
    assert parse_number("12,7 thousand") == Decimal("12700")


def test_as_count_refuses_fractions() -> None:
    assert as_count(Decimal("1.5")) is None
    assert as_count(Decimal("-3")) is None
    assert as_count(Decimal("12700.0")) == 12700


def _values(text: str) -> list[tuple[str, int | None, int | None]]:
    out = []
    for n in find_numbers(text):
        high = as_count(n.high) if n.high is not None else None
        out.append((n.text, as_count(n.value), high))
    return out


def test_model_designations_ordinals_and_times_are_not_counts() -> None:
    text = "12 Su-35 jets, S-400 units, T-72B3 tanks and Iskander-M; the 51st year; at 14:00"
    assert _values(text) == [("12", 12, None)]


def test_ranges() -> None:
    assert _values("between 20,000 and 30,000 troops") == [("20,000 and 30,000", 20000, 30000)]
    assert _values("20,000-30,000 troops") == [("20,000-30,000", 20000, 30000)]
    assert _values("20,000 to 30,000 troops") == [("20,000 to 30,000", 20000, 30000)]
    # The scale after the second number covers the first.
    assert _values("20 to 30 thousand troops") == [("20 to 30 thousand", 20000, 30000)]


def test_and_without_between_is_not_a_range() -> None:
    assert _values("80 and 290") == [("80", 80, None), ("290", 290, None)]


def test_year_ranges_are_not_ranges() -> None:
    found = find_numbers("from 2021-2022")
    assert [n.year_like for n in found] == [True, True]


def test_years_are_flagged() -> None:
    [year, count] = find_numbers("in 2021 30 troops")
    assert year.year_like and not count.year_like
    assert as_count(count.value) == 30


def test_masked_spans_are_skipped() -> None:
    text = "Zapad-2021 with 12,800 troops"
    assert [n.text for n in find_numbers(text, masked=[(0, 10)])] == ["12,800"]


def test_a_space_separates_thousands_only_before_three_digits() -> None:
    assert _values("in 2021 30 troops") == [("2021", 2021, None), ("30", 30, None)]
    assert _values("8 500 servicemen") == [("8 500", 8500, None)]


def test_halves_of_scales() -> None:
    from csbm.extract.numbers import find_numbers

    for text, value in (
        ("three and a half thousand soldiers", 3500),
        ("2 and a half thousand", 2500),
        ("half a million troops", 500000),
    ):
        assert [n.value for n in find_numbers(text, 0, len(text), [])] == [value], text
