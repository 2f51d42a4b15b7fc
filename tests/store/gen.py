"""Dossiers for the store tests: a small fixed shape (`make_dossier`) and arbitrary valid
ones (`dossiers()`, a hypothesis strategy that covers every field of the model)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from csbm.model.bounds import EARLIEST_DAY, LATEST_DAY, MAX_FIGURE
from csbm.model.dossier import (
    CHAPTER9_ACTS,
    ActivityKind,
    ActType,
    Dossier,
    PartialDate,
    Qualifier,
    Quantity,
    SourceKind,
)


def make_dossier(activity_id: str, *, troops: int = 12_000, notes: str | None = None) -> Dossier:
    """A plain land exercise with two sources, three claims and one act."""
    return Dossier.model_validate(
        {
            "csbm": 1,
            "activity": {
                "id": activity_id,
                "name": f"Exercise {activity_id}",
                "kind": "land_exercise",
                "conducting_states": ["POL"],
                "host_states": ["POL"],
                "start": "2021-06-01",
                "end": "2021-06-10",
                "notes": notes,
            },
            "sources": [
                {
                    "id": "mod",
                    "kind": "government_statement",
                    "publisher": "MoD",
                    "url": "https://example.org/mod",
                    "state": "POL",
                    "published": "2021-05-01",
                },
                {
                    "id": "press",
                    "kind": "media",
                    "publisher": "Press",
                    "url": "https://example.org/press",
                    "published": "2021-06-05",
                },
            ],
            "claims": [
                {"quantity": "troops", "value": troops, "source": "mod"},
                {
                    "quantity": "troops",
                    "value": troops + 3000,
                    "qualifier": "approx",
                    "source": "press",
                },
                {"quantity": "tanks", "value": 120, "source": "mod"},
            ],
            "acts": [{"type": "notification", "by": "POL", "date": "2021-04-15", "source": "mod"}],
        }
    )


def revised(dossier: Dossier, **update: Any) -> Dossier:
    """A changed copy, validated (model_copy alone skips validation and keeps the cached
    derived claim ids of the original)."""
    return Dossier.model_validate(dossier.model_copy(update=update).model_dump())


STATES = ["RUS", "BLR", "POL", "USA", "DEU", "UKR", "SUN"]
_slug = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,10}", fullmatch=True)
# Any text a person might type (no NUL, no lone surrogates), stripped as the model strips it.
_text = (
    st.text(
        st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)
_opt_text = st.none() | _text
_opt_bool = st.none() | st.booleans()
_state = st.sampled_from(STATES)
_count = st.integers(min_value=0, max_value=MAX_FIGURE)  # the model's ceiling
_zones = st.none() | st.sampled_from(
    [UTC, timezone(timedelta(hours=2)), timezone(-timedelta(hours=5, minutes=30))]
)
# Days inside the model's range (csbm.model.bounds), a month to spare at the end.
_day = st.dates(min_value=EARLIEST_DAY, max_value=LATEST_DAY - timedelta(days=31))
_moment = st.datetimes(
    min_value=datetime(1975, 8, 2), max_value=datetime(2099, 11, 30), timezones=_zones
)
_month = st.builds(PartialDate, st.integers(1976, 2099), st.none() | st.integers(1, 12))
_when = _day | _moment | _month


@st.composite
def dossiers(draw: st.DrawFn) -> Dossier:
    """A valid dossier using every field, built so that it needs no filtering."""
    source_ids = draw(st.lists(_slug, min_size=1, max_size=4, unique=True))
    sources = []
    for sid in source_ids:
        url = draw(st.none() | st.just(f"https://example.org/{sid}"))
        sources.append(
            {
                "id": sid,
                "kind": draw(st.sampled_from(list(SourceKind))).value,
                "publisher": draw(_text),
                "author": draw(_opt_text),
                "title": draw(_opt_text),
                "published": draw(st.none() | _day),
                "url": url,
                "symbol": draw(_opt_text) if url else draw(_text),
                "reliability": draw(st.none() | st.sampled_from("ABCDEF")),
                "state": draw(st.none() | _state),
                "organisation": draw(_opt_text),
                "note": draw(_opt_text),
            }
        )
    start = draw(_day)
    locations = []
    for _ in range(draw(st.integers(0, 3))):
        placed = draw(st.booleans())
        locations.append(
            {
                "name": draw(_text),
                "lat": draw(st.floats(-90, 90)) if placed else None,
                "lon": draw(st.floats(-180, 180)) if placed else None,
                "precision": draw(_opt_text),
                "source": draw(st.none() | st.sampled_from(source_ids)),
            }
        )
    claims = []
    explicit = iter(
        draw(
            st.lists(
                st.from_regex(r"c[0-9a-z]{0,6}", fullmatch=True),
                min_size=6,
                max_size=6,
                unique=True,
            )
        )
    )
    for _ in range(draw(st.integers(0, 6))):
        shape = draw(st.sampled_from(["value", "range", "bound"]))
        ranged = shape == "range"
        low, high = sorted((draw(_count), draw(_count)))
        scope = draw(_opt_text)
        bound = None
        if shape == "bound":
            upper = draw(st.none() | _count)
            bound = (
                {"thresholds": draw(st.sampled_from(["notification", "observation"]))}
                if upper is None
                else {"upper": upper, "strict": draw(st.booleans())}
            )
        claims.append(
            {
                "id": next(explicit) if draw(st.booleans()) else None,
                "quantity": draw(st.sampled_from(list(Quantity))).value,
                "value": draw(_count) if shape == "value" else None,
                "low": low if ranged else None,
                "high": high if ranged else None,
                "bound": bound,
                "qualifier": draw(st.sampled_from(list(Qualifier))).value,
                "scope": scope,
                # A national contingent is a part of the activity: it needs a scope.
                "contingent": draw(st.none() | _state) if scope else None,
                "counted_under_vd": draw(_opt_bool),
                "declared_by": draw(st.none() | _state),
                "attributed_to": draw(_opt_text),
                "originator": draw(_opt_text),
                "source": draw(st.sampled_from(source_ids)),
                "credibility": draw(st.none() | st.integers(1, 6)),
                "quote": draw(_opt_text),
                "stated": draw(st.none() | _day),
            }
        )
    acts = []
    act_ids = iter(draw(st.lists(_slug, min_size=4, max_size=4, unique=True)))
    for _ in range(draw(st.integers(0, 4))):
        made = draw(st.booleans())
        act_type = draw(st.sampled_from(list(ActType)))
        words = draw(_opt_text)
        dated = not made or words is None or draw(st.booleans())
        act: dict[str, Any] = {
            "id": next(act_ids) if draw(st.booleans()) else None,
            "type": act_type.value,
            "by": draw(st.lists(_state, unique=True, min_size=1, max_size=3)),
            "to": draw(st.none() | st.lists(_state, unique=True, max_size=2)),
            "made": made,
            "date": (draw(_when) if made else draw(st.none() | _when)) if dated else None,
            "date_text": words,
            "requested": draw(st.none() | _when),
            "source": draw(st.sampled_from(source_ids)),
            "note": draw(_opt_text),
        }
        if act_type is ActType.CHAPTER3_MEETING:
            came = draw(st.lists(_state, max_size=3, unique=True))
            act["attended"] = came
            act["stayed_away"] = [
                s for s in draw(st.lists(_state, unique=True, max_size=2)) if s not in came
            ]
        if act_type is ActType.CHAPTER3_REPLY:
            act["answered"] = draw(_opt_bool)
        if act_type in CHAPTER9_ACTS:
            act["to"] = draw(st.lists(_state, unique=True, min_size=1, max_size=2))
            response = draw(st.sampled_from([None, "accepted", "refused"]))
            act["response"] = response
            act["quota_cited"] = draw(_opt_bool) if response == "refused" else None
            act["reason"] = draw(_opt_text)
            if response != "refused":
                held = draw(st.none() | _day)
                act["held_from"] = held
                act["held_to"] = held + timedelta(days=draw(st.integers(0, 20))) if held else None
        acts.append(act)
    span = draw(st.integers(0, 30))
    data: dict[str, Any] = {
        "csbm": 1,
        "activity": {
            "id": draw(_slug),
            "name": draw(_text),
            "aliases": draw(st.lists(_text, max_size=3)),
            "kind": draw(st.sampled_from(list(ActivityKind))).value,
            "conducting_states": draw(st.lists(_state, unique=True, min_size=1, max_size=3)),
            "host_states": draw(st.lists(_state, unique=True, min_size=1, max_size=2)),
            "start": start,
            "end": start + timedelta(days=span),
            "alert": draw(_opt_bool),
            "single_operational_command": draw(_opt_bool),
            "parent": draw(st.none() | _slug),
            "series": draw(_opt_text),
            "locations": locations,
            "conducting_organisation": draw(_opt_text),
            # Within what the dates allow: all their days at most, the days between at least.
            "duration_hours": draw(
                st.none() | st.integers(max((span - 1) * 24, 1), (span + 1) * 24)
            ),
            "notes": draw(_opt_text),
        },
        "sources": sources,
        "claims": claims,
        "acts": acts,
    }
    return Dossier.model_validate(data)
