"""Map layers, served by the app itself: country borders and the zone of application.

Borders are csbm's bundled Natural Earth file, cut to the OSCE area and simplified for the
browser. The zone's outline is the union of the land the zone rules count inside
(csbm.rules.zone): European participating States' European territory, the Caucasus,
Central Asia, Turkey and Cyprus, and Russia west of the Ural line.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import shapely
from fastapi import APIRouter, Response

from csbm.rules.zone import countries_path, default_zone

router = APIRouter(tags=["map"])

# West, south, east, north: Europe, Central Asia and the North Atlantic in one view.
FRAME = (-60.0, 20.0, 100.0, 84.0)
_GEOJSON = "application/geo+json"
_LICENCE = "Natural Earth (public domain), via world-atlas 2.0.2 (ISC); csbm (MIT)"


def _round(geom: shapely.Geometry) -> dict[str, Any]:
    mapping: dict[str, Any] = json.loads(shapely.to_geojson(shapely.set_precision(geom, 0.01)))
    return mapping


@cache
def countries_geojson() -> bytes:
    frame = shapely.box(*FRAME)
    data = json.loads(countries_path().read_bytes())
    features = []
    for feature in data["features"]:
        geom = shapely.geometry.shape(feature["geometry"])
        if not geom.intersects(frame):
            continue
        geom = shapely.simplify(geom.intersection(frame), 0.05, preserve_topology=True)
        if geom.is_empty:
            continue
        props = {k: feature["properties"].get(k) for k in ("iso3", "name")}
        features.append({"type": "Feature", "properties": props, "geometry": _round(geom)})
    out = {"type": "FeatureCollection", "licence": _LICENCE, "features": features}
    return json.dumps(out, separators=(",", ":")).encode()


@cache
def zone_geojson() -> bytes:
    zone = default_zone()
    area = zone.land_area().buffer(0.05).buffer(-0.05)
    area = shapely.simplify(area, 0.05, preserve_topology=True)
    line = shapely.LineString([(v.lon, v.lat) for v in zone.line.line])
    out = {
        "type": "FeatureCollection",
        "licence": _LICENCE,
        "features": [
            {
                "type": "Feature",
                "properties": {"name": "Zone of application (Vienna Document Annex I)"},
                "geometry": _round(area),
            },
            {
                "type": "Feature",
                "properties": {"name": "Ural line (conventional Europe–Asia boundary)"},
                "geometry": _round(line),
            },
        ],
    }
    return json.dumps(out, separators=(",", ":")).encode()


@router.get("/geo/countries.geojson", summary="Country borders (Natural Earth, simplified)")
def countries() -> Response:
    return Response(countries_geojson(), media_type=_GEOJSON)


@router.get("/geo/zone.geojson", summary="The zone of application's outline and the Ural line")
def zone() -> Response:
    return Response(zone_geojson(), media_type=_GEOJSON)
