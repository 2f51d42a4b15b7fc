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

The output is a compact GeoJSON FeatureCollection holding only the countries in and near
the zone of application (the zone's own countries and their neighbours, so that a point
at sea can be attributed to its nearest coast). Coordinates are rounded to 4 decimals
(about 10 m), finer than the source's quantization grid.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pycountry

FORMAT = 1

# Countries that have no ISO 3166-1 numeric code in Natural Earth get a code by name.
# XKX is the user-assigned code widely used for Kosovo (EU, IMF); it is not ISO 3166-1.
# "N. Cyprus" is, for this tool, territory of the Republic of Cyprus (the UN position).
NAMED_CODES = {"Kosovo": "XKX", "N. Cyprus": "CYP"}

# Keep a country if its bounding box meets this box (lon_min, lat_min, lon_max, lat_max):
# Europe, the Mediterranean, the Middle East, Central Asia and the North Atlantic, so
# every coast within reach of the zone's adjoining sea area is present. Russia and
# Kazakhstan are kept whatever their extent.
KEEP_BOX = (-80.0, 10.0, 100.0, 90.0)
ALWAYS_KEEP = {"RUS", "KAZ"}

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
        ring.extend([round(x, 4), round(y, 4)] for x, y in points[start:])
    if ring and ring[0] != ring[-1]:
        ring.append(list(ring[0]))
    return ring


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
            coordinates.append(rings)
    return {"type": "MultiPolygon", "coordinates": coordinates}


def iso3_for(numeric: str | None, name: str) -> str | None:
    if name in NAMED_CODES:
        return NAMED_CODES[name]
    if numeric is None:
        return None
    country = pycountry.countries.get(numeric=str(numeric).zfill(3))
    return country.alpha_3 if country is not None else None


def _bbox(geometry: dict[str, Any]) -> tuple[float, float, float, float]:
    xs = [p[0] for poly in geometry["coordinates"] for ring in poly for p in ring]
    ys = [p[1] for poly in geometry["coordinates"] for ring in poly for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def _meets(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


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
        if iso3 not in ALWAYS_KEEP and not _meets(_bbox(geometry), KEEP_BOX):
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"iso3": iso3, "name": name, "numeric": numeric},
                "geometry": geometry,
            }
        )
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
