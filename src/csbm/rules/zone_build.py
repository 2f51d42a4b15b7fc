"""Build the country-boundary file that `csbm.rules.zone` reads, from world-atlas TopoJSON.

Run at set-up time (``make install``), never at run time::

    python -m csbm.rules.zone_build node_modules/world-atlas/countries-50m.json OUT

The input is the npm package world-atlas 2.0.2 (ISC licence), a TopoJSON redistribution
of Natural Earth 4.1.0's 1:50m admin-0 countries (public domain). Countries there carry
ISO 3166-1 *numeric* codes in ``id``; we map them to alpha-3 with pycountry.

TopoJSON in brief (https://github.com/topojson/topojson-specification): the file has a
list of *arcs* shared between neighbouring countries. With a ``transform``, each arc is
quantized and delta-encoded: its first position is absolute, every later one is the
difference from the previous, all in integer grid units; the real coordinate is
``grid * scale + translate``. A polygon ring is a list of arc indexes; a negative index
``~i`` means arc ``i`` reversed. Consecutive arcs share their end and start position, so
that position is written once.

The output is a GeoJSON FeatureCollection (RFC 7946: rings closed, polygons split at the
antimeridian) with every country, so that any point on land is named and a point at sea
can be attributed to its nearest coast. Coordinates are rounded to 4 decimals (about
10 m), finer than the source's quantization grid (about 0.0036° by 0.0017°).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pycountry
import shapely
import shapely.affinity
from shapely.geometry.base import BaseGeometry

FORMAT = 1

# Countries that have no ISO 3166-1 numeric code in Natural Earth get a code by name.
# XKX is the user-assigned code widely used for Kosovo (EU, IMF); it is not ISO 3166-1.
# "N. Cyprus" is, for this tool, territory of the Republic of Cyprus (the UN position).
NAMED_CODES = {"Kosovo": "XKX", "N. Cyprus": "CYP"}

# Natural Earth 4.1 draws Crimea inside Russia (its de facto view). The territory is
# Ukraine's under UN General Assembly resolution 68/262 (27 March 2014), the position of
# the great majority of OSCE participating States, so the build moves the Russian polygon
# that lies in this box (lon_min, lat_min, lon_max, lat_max) to Ukraine. Either way the
# point is in the zone of application; only the country named changes.
CRIMEA_BOX = (32.4, 44.2, 36.7, 46.3)

Ring = list[list[float]]
Polygon = list[Ring]


class TopoJSONError(ValueError):
    """The input is not the TopoJSON this builder expects."""


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """All arcs of a topology as absolute (lon, lat) positions."""
    raw = topology.get("arcs")
    if not isinstance(raw, list):
        raise TopoJSONError("no 'arcs' list")
    transform = topology.get("transform")
    if transform is None:
        return [[(float(p[0]), float(p[1])) for p in arc] for arc in raw]
    sx, sy = (float(v) for v in transform["scale"])
    tx, ty = (float(v) for v in transform["translate"])
    arcs: list[list[tuple[float, float]]] = []
    for arc in raw:
        x = y = 0
        points: list[tuple[float, float]] = []
        for position in arc:
            x += int(position[0])
            y += int(position[1])
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_from(indexes: Sequence[int], arcs: list[list[tuple[float, float]]]) -> Ring:
    """Stitch a ring from arc indexes; ~i is arc i reversed."""
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        start = 1 if ring else 0  # the shared position is written once
        ring.extend([x, y] for x, y in points[start:])
    if ring and ring[0] != ring[-1]:
        ring.append(list(ring[0]))
    return ring


def _jumps(ring: Ring) -> list[int]:
    """Indexes i where the ring jumps across the antimeridian between i and i + 1."""
    return [i for i in range(len(ring) - 1) if abs(ring[i][0] - ring[i + 1][0]) > 180]


def _winding(ring: Ring) -> float:
    """Net change in longitude going once round the ring: ±360 for a ring round a pole."""
    total = 0.0
    for a, b in itertools.pairwise(ring):
        total += (b[0] - a[0] + 180) % 360 - 180
    return total


def _round_pole(ring: Ring) -> Ring:
    """A ring that goes round a pole (Antarctica), closed through that pole instead.

    TopoJSON writes it as a ring running once round the globe with one jump from +180 to
    -180 (or back); on the plane we open it at the jump and close it along the pole's edge.
    """
    jump = _jumps(ring)[0]
    opened = ring[jump + 1 : -1] + ring[: jump + 1]
    pole = -90.0 if sum(p[1] for p in ring) < 0 else 90.0
    closed = [*opened, [opened[-1][0], pole], [opened[0][0], pole]]
    return [*closed, list(closed[0])]


def _polygons(geom: BaseGeometry) -> list[shapely.Polygon]:
    if isinstance(geom, shapely.Polygon):
        return [] if geom.is_empty else [geom]
    if isinstance(geom, shapely.MultiPolygon | shapely.GeometryCollection):
        return [p for part in geom.geoms for p in _polygons(part)]
    return []  # lines and points left over by make_valid


def _clean(rings: list[Ring]) -> list[shapely.Polygon]:
    """Valid polygons for one TopoJSON polygon, split at the antimeridian if it crosses it.

    Natural Earth's Russia (Chukotka, Wrangel Island) crosses 180°; TopoJSON writes such a
    ring with jumps from +180 to -180. We shift its western-hemisphere longitudes by 360,
    repair it, and cut it back into the two halves GeoJSON (RFC 7946 §3.1.9) expects.
    """
    if any(abs(_winding(r)) > 180 for r in rings):
        # On the sphere Antarctica is a ring along 89.999°S with the coast as its hole; on
        # the plane each ring closes through the pole, and the land is what lies between.
        # The ring along 89.999°S only marks the pole; dropping it keeps the pole on land.
        land: BaseGeometry = shapely.Polygon()
        for ring in rings:
            if all(abs(p[1]) > 89.9 for p in ring):
                continue
            closed = _round_pole(ring) if abs(_winding(ring)) > 180 else ring
            land = shapely.symmetric_difference(land, shapely.make_valid(shapely.Polygon(closed)))
        return _polygons(land)
    if any(_jumps(r) for r in rings):
        rings = [[[x + 360 if x < 0 else x, y] for x, y in r] for r in rings]
        whole = shapely.make_valid(shapely.Polygon(rings[0], rings[1:]))
        east = shapely.clip_by_rect(whole, -180, -90, 180, 90)
        west = shapely.affinity.translate(shapely.clip_by_rect(whole, 180, -90, 540, 90), -360)
        return _polygons(east) + _polygons(west)
    polygon = shapely.Polygon(rings[0], rings[1:])
    return [polygon] if polygon.is_valid else _polygons(shapely.make_valid(polygon))


def _coords(polygon: shapely.Polygon) -> Polygon:
    rings = [polygon.exterior, *polygon.interiors]
    return [[[round(x, 4), round(y, 4)] for x, y in ring.coords] for ring in rings]


def geometry_from(obj: dict[str, Any], arcs: list[list[tuple[float, float]]]) -> dict[str, Any]:
    kind = obj.get("type")
    if kind == "Polygon":
        polygons = [obj["arcs"]]
    elif kind == "MultiPolygon":
        polygons = obj["arcs"]
    else:
        raise TopoJSONError(f"unexpected geometry type {kind!r}")
    coordinates: list[Polygon] = []
    for polygon in polygons:
        rings = [ring_from(r, arcs) for r in polygon]
        rings = [r for r in rings if len(r) >= 4]
        if rings:
            coordinates.extend(_coords(p) for p in _clean(rings))
    return {"type": "MultiPolygon", "coordinates": coordinates}


def iso3_for(numeric: str | None, name: str) -> str | None:
    if name in NAMED_CODES:
        return NAMED_CODES[name]
    if numeric is None:
        return None
    country = pycountry.countries.get(numeric=str(numeric).zfill(3))
    return country.alpha_3 if country is not None else None


def _in_box(polygon: Polygon, box: tuple[float, float, float, float]) -> bool:
    point = shapely.Polygon(polygon[0], polygon[1:]).representative_point()
    return box[0] <= point.x <= box[2] and box[1] <= point.y <= box[3]


def _crimea_to_ukraine(features: list[dict[str, Any]]) -> None:
    russia = next((f for f in features if f["properties"]["iso3"] == "RUS"), None)
    if russia is None:
        return
    polygons = russia["geometry"]["coordinates"]
    crimea = [p for p in polygons if _in_box(p, CRIMEA_BOX)]
    if not crimea:
        return
    russia["geometry"]["coordinates"] = [p for p in polygons if not _in_box(p, CRIMEA_BOX)]
    features.append(
        {
            "type": "Feature",
            "properties": {"iso3": "UKR", "name": "Ukraine (Crimea)", "numeric": "804"},
            "geometry": {"type": "MultiPolygon", "coordinates": crimea},
        }
    )


def build(topology: dict[str, Any], source: str, digest: str) -> dict[str, Any]:
    """The compact FeatureCollection for a decoded world-atlas topology."""
    try:
        collection = topology["objects"]["countries"]["geometries"]
    except (KeyError, TypeError):
        raise TopoJSONError("no objects.countries.geometries") from None
    arcs = decode_arcs(topology)
    features: list[dict[str, Any]] = []
    for obj in collection:
        name = str((obj.get("properties") or {}).get("name", ""))
        numeric = obj.get("id")
        iso3 = iso3_for(numeric, name)
        geometry = geometry_from(obj, arcs)
        if not geometry["coordinates"]:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"iso3": iso3, "name": name, "numeric": numeric},
                "geometry": geometry,
            }
        )
    _crimea_to_ukraine(features)
    features.sort(key=lambda f: (f["properties"]["iso3"] or "~", f["properties"]["name"]))
    return {
        "type": "FeatureCollection",
        "csbm": {
            "format": FORMAT,
            "source": source,
            "source_sha256": digest,
            "licence": "Natural Earth: public domain; world-atlas package: ISC",
        },
        "features": features,
    }


def _source_label(path: Path) -> str:
    package = path.parent / "package.json"
    try:
        meta = json.loads(package.read_text(encoding="utf-8"))
        return f"{meta['name']}@{meta['version']} {path.name}"
    except (OSError, ValueError, KeyError):
        return path.name


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print("usage: python -m csbm.rules.zone_build COUNTRIES_50M_JSON OUT", file=sys.stderr)
        return 2
    src, out = Path(args[0]), Path(args[1])
    started = time.perf_counter()
    try:
        raw = src.read_bytes()
        topology = json.loads(raw)
        result = build(topology, _source_label(src), hashlib.sha256(raw).hexdigest())
    except OSError as exc:
        print(f"{src}: cannot read: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        print(f"{src}: not world-atlas TopoJSON: {exc}", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(json.dumps(result, separators=(",", ":")), encoding="utf-8")
    tmp.replace(out)
    took = time.perf_counter() - started
    size = out.stat().st_size
    print(f"{out}: {len(result['features'])} countries, {size:,} bytes, {took:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
