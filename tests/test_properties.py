"""Property-based tests: interval logic, and the loader on arbitrary input."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from csbm.errors import DossierError
from csbm.evidence.interval import INF, Interval
from csbm.model import Claim, Qualifier, Quantity
from csbm.model.load import parse_dossier

counts = st.integers(min_value=0, max_value=10_000_000)
margins = st.floats(min_value=0, max_value=0.5, allow_nan=False)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low = draw(counts)
    high = draw(st.one_of(st.integers(min_value=low, max_value=20_000_000), st.just(INF)))
    return Interval(low, high)


@given(intervals(), counts)
def test_at_least_is_decided_only_when_every_point_agrees(i: Interval, t: int) -> None:
    verdict = i.at_least(t)
    points = [i.low] + ([i.high] if i.high != INF else [i.low + 10**9])
    answers = {p >= t for p in points}
    if verdict is None:
        assert answers == {True, False}
    else:
        assert answers == {verdict}


@given(intervals(), counts)
def test_more_than_is_at_least_plus_one(i: Interval, t: int) -> None:
    assert i.more_than(t) == i.at_least(t + 1)


@given(intervals(), intervals())
def test_hull_contains_both(a: Interval, b: Interval) -> None:
    h = a.hull(b)
    assert h.low <= min(a.low, b.low) and h.high >= max(a.high, b.high)
    assert h.hull(a) == h and h == b.hull(a)


@given(intervals(), intervals(), counts)
def test_hull_never_decides_what_its_parts_disagree_on(a: Interval, b: Interval, t: int) -> None:
    va, vb, vh = a.at_least(t), b.at_least(t), a.hull(b).at_least(t)
    if va != vb:
        assert vh is None
    elif va is not None:
        assert vh == va


@given(counts, margins, st.sampled_from(list(Qualifier)))
def test_claim_interval_contains_the_stated_value(v: int, m: float, q: Qualifier) -> None:
    claim = Claim(quantity=Quantity.TROOPS, value=v, qualifier=q, source="s")
    i = Interval.from_claim(claim, m)
    assert i.low <= v <= i.high
    if q is Qualifier.EXACT:
        assert i.low == i.high == v
    if q is Qualifier.APPROX:
        assert i.low >= math.floor(v * (1 - m)) and i.high <= math.ceil(v * (1 + m))


@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_range_claims(a: int, b: int) -> None:
    low, high = sorted((a, b))
    i = Interval.from_claim(Claim(quantity=Quantity.TANKS, low=low, high=high, source="s"), 0.1)
    assert (i.low, i.high) == (low, high)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_loader_never_crashes_on_random_bytes(data: bytes) -> None:
    try:
        parse_dossier(data, "random.yaml")
    except DossierError as exc:
        assert str(exc).startswith("random.yaml")


YAML_BITS = st.sampled_from(
    [
        "csbm: 1\n",
        "activity:\n",
        "  id: x\n",
        "  start: 2022-02-30\n",
        "claims:\n",
        "  - {quantity: troops, value: 5}\n",
        "- a\n",
        "{",
        "]",
        ": :",
        "&a [*a]\n",
        "!!python/object:os.system ls\n",
        "  kind: land_exercise\n",
        "\t",
        "\x00",
        "ü",
        "sources: []\n",
        "acts: [{type: notification}]\n",
        "'",
        '"',
        "? x\n",
        "---\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(YAML_BITS, max_size=14).map("".join))
def test_loader_never_crashes_on_yaml_like_text(text: str) -> None:
    try:
        parse_dossier(text, "fuzz.yaml")
    except DossierError as exc:
        assert str(exc).startswith("fuzz.yaml")
