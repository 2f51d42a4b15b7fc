"""Annex I: whether an activity lies in the zone of application, from its locations."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from csbm.model.dossier import Dossier
from csbm.model.finding import Finding, Outcome
from csbm.rules.engine import Context, rule

Where = Literal["inside", "outside", "mixed", "unknown"]

NO_LOCATION_ASSUMPTION = (
    "No location is on record, so the activity is taken to lie in the zone of application."
)


@dataclass(frozen=True)
class ActivityZone:
    where: Where
    reason: str
    # Per place with coordinates: (name, the country it lies in or, at sea, off; None
    # where the boundaries name none), for the places outside the host's territory.
    countries: tuple[tuple[str, str | None], ...] = ()


@lru_cache(maxsize=4096)
def _check(points: tuple[tuple[str, float, float], ...]) -> ActivityZone:
    if not points:
        return ActivityZone("unknown", "no location with coordinates is on record")
    key = _cache_key(points)
    found = _read_cached(key)
    if found is not None:
        return found
    result = _judge(points)
    _write_cached(key, result)
    return result


# Judging places loads the country boundaries (shapely, numpy: most of a one-activity
# `csbm assess`), so each set of places judged is kept in the user's cache directory under
# a digest of the places, the boundary files and the code that judges them; a cache that
# cannot be read or written is simply not used.
_CODE = ("zone.py", "ch_zone.py")


def _cache_key(points: tuple[tuple[str, float, float], ...]) -> str:
    from importlib import resources

    from csbm._cache import digest_of, file_marks

    data = Path(str(resources.files("csbm.data"))) / "zone"
    here = Path(__file__).parent
    return digest_of(
        repr(points),
        file_marks([data / "countries.geojson", data / "ural_line.yaml"]),
        *((here / name).read_bytes() for name in _CODE),
    )


def _read_cached(key: str) -> ActivityZone | None:
    from csbm._cache import read_entry

    data = read_entry("zone", key)
    try:
        where, reason = data["where"], data["reason"]
        countries = tuple((str(n), None if c is None else str(c)) for n, c in data["countries"])
    except (KeyError, TypeError, ValueError):
        return None
    if where not in ("inside", "outside", "mixed") or not isinstance(reason, str):
        return None
    return ActivityZone(where, reason, countries)


def _write_cached(key: str, result: ActivityZone) -> None:
    from csbm._cache import write_entry

    data = {"where": result.where, "reason": result.reason, "countries": result.countries}
    write_entry("zone", key, data)


def _judge(points: tuple[tuple[str, float, float], ...]) -> ActivityZone:
    # The country boundaries (shapely, numpy) only once a place is to be judged.
    from csbm.rules import zone

    results = [(name, zone.check(lat, lon)) for name, lat, lon in points]
    countries = tuple((n, r.country) for n, r in results)
    inside = [n for n, r in results if r.status == "inside"]
    outside = [n for n, r in results if r.status == "outside"]
    unsure = [n for n, r in results if r.status == "uncertain"]
    sea = [n for n, r in results if r.sea and r.status == "inside"]
    details = "; ".join(f"{n}: {r.reason.rstrip('.')}" for n, r in results)
    if inside and not outside and not unsure:
        extra = (
            f" (at sea: {', '.join(sea)}, which counts only as part of a land activity)"
            if sea
            else ""
        )
        return ActivityZone(
            "inside", f"all {len(inside)} location(s) in the zone{extra}", countries
        )
    if outside and not inside and not unsure:
        return ActivityZone(
            "outside", f"every location lies outside the zone ({details})", countries
        )
    return ActivityZone(
        "mixed",
        f"{len(inside)} location(s) inside, {len(outside)} outside, {len(unsure)} uncertain "
        f"({details})",
        countries,
    )


def activity_zone(dossier: Dossier) -> ActivityZone:
    points = tuple(
        (loc.name, loc.lat, loc.lon)
        for loc in dossier.activity.locations
        if loc.lat is not None and loc.lon is not None
    )
    return _check(points)


def _outside_hosts(z: ActivityZone, hosts: list[str]) -> str:
    """A sentence naming the places that lie in (or off) a State that is not a host: the
    host acts for the activity on its territory (V 38), so such a place is worth a look."""
    abroad = [(n, c) for n, c in z.countries if c is not None and c not in hosts]
    if not abroad:
        return ""
    listed = "; ".join(f"{n} in or off {c}" for n, c in abroad)
    return f" Outside the host State's territory ({', '.join(hosts)}): {listed}."


@rule(
    "zone.in_zone",
    title="The activity lies in the zone of application",
    cites=[("vd2011", "Annex I")],
    since="1991-01-01",
    reads=[],
)
def in_zone(ctx: Context) -> list[Finding]:
    """The measures cover the whole of Europe with its adjoining sea area and air space,
    Russia west of the Urals and the Central Asian participating States; activities at sea
    count only as part of a notifiable land activity. Thresholds count only what lies in
    the zone."""
    z = activity_zone(ctx.dossier)
    abroad = _outside_hosts(z, ctx.dossier.activity.host_states)
    if z.where == "inside":
        return [ctx.finding(Outcome.COMPLIANT, f"In the zone: {z.reason}.{abroad}", applies=True)]
    if z.where == "outside":
        return [
            ctx.finding(
                Outcome.NOT_APPLICABLE, f"Outside the zone: {z.reason}.{abroad}", applies=False
            )
        ]
    if z.where == "unknown":
        return [
            ctx.finding(
                Outcome.INDETERMINATE,
                f"Zone unknown: {z.reason}.",
                applies=None,
                assumptions=[NO_LOCATION_ASSUMPTION],
            )
        ]
    return [
        ctx.finding(
            Outcome.INDETERMINATE,
            f"Partly or possibly outside the zone: {z.reason}. Figures for the whole activity "
            f"may include forces outside it.{abroad}",
            applies=None,
        )
    ]
