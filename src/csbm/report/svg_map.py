"""Where an activity was reported, as one inline SVG: country borders, the zone, the places.

Pure: locations in, an SVG string out (or None when no location has coordinates). The
borders are Natural Earth 1:50m (public domain) via world-atlas, the file the zone check
reads (``csbm/data/zone/countries.geojson``); the zone tint and the Ural line come from the
same data as ``csbm.rules.zone``. The map shows where an activity was reported to take
place, nothing more: no ranges, no coverage, no distances.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry.base import BaseGeometry

from csbm.errors import RulesetError
from csbm.report._svg import attr, shorten, text
from csbm.rules.zone import countries_path, default_zone, line_path, load_line

ATTRIBUTION = "Borders: Natural Earth 1:50m (public domain), via world-atlas 2.0.2"

# Smallest half-extent of the frame, in degrees of latitude: a single point still shows
# its country and neighbours.
_MIN_HALF_DEG = 3.5
# Frame shape (height / width): kept between these so a north–south spread is not a sliver.
_MIN_ASPECT, _MAX_ASPECT = 0.55, 1.1
# Geometry is simplified to about a third of a pixel: invisible, and it keeps the file small.
_SIMPLIFY_PX = 0.35
# Legend lines are cut to fit the map's width at 11px (the places table has the full names).
_LEGEND_CHARS = 88
# A country is named on the map when its visible part covers this share of the frame.
_LABEL_SHARE = 0.03


@dataclass(frozen=True)
class _Country:
    iso3: str | None
    name: str
    geometry: BaseGeometry


@dataclass(frozen=True)
class _Frame:
    """The map window in degrees and its equirectangular projection to pixels."""

    west: float
    south: float
    east: float
    north: float
    width: float
    height: float

    @property
    def kx(self) -> float:
        return self.width / (self.east - self.west)

    @property
    def ky(self) -> float:
        return self.height / (self.north - self.south)

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.kx, (self.north - lat) * self.ky

    def project(self, coords: NDArray[np.float64]) -> NDArray[np.float64]:
        out = np.empty_like(coords)
        out[:, 0] = (coords[:, 0] - self.west) * self.kx
        out[:, 1] = (self.north - coords[:, 1]) * self.ky
        return out


@cache
def _countries(path: Path) -> tuple[_Country, ...]:
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise RulesetError(
            f"{path}: the country boundaries cannot be read ({exc}); run `make install`"
        ) from None
    out = []
    for feature in data.get("features", []):
        props = feature.get("properties") or {}
        polygons = [shapely.Polygon(r[0], r[1:]) for r in feature["geometry"]["coordinates"]]
        out.append(
            _Country(props.get("iso3"), props.get("name") or "", shapely.MultiPolygon(polygons))
        )
    return tuple(out)


@cache
def _ural() -> tuple[shapely.LineString, shapely.Polygon]:
    """The Ural line and the polygon west of it (the part of Russia in the zone)."""
    parsed = load_line(line_path())
    line = [(v.lon, v.lat) for v in parsed.line]
    closure = [(p.lon, p.lat) for p in parsed.west_closure.points]
    return shapely.LineString(line), shapely.Polygon(line + closure)


def _located(locations: Sequence[Mapping[str, Any]]) -> list[tuple[str, float, float]]:
    out = []
    for loc in locations:
        lat, lon = loc.get("lat"), loc.get("lon")
        if isinstance(lat, int | float) and isinstance(lon, int | float):
            out.append((str(loc.get("name") or "unnamed place"), float(lat), float(lon)))
    return out


def _frame(points: list[tuple[str, float, float]], width: float) -> _Frame:
    lats = [p[1] for p in points]
    lons = [p[2] for p in points]
    mid_lat = (min(lats) + max(lats)) / 2
    # Degrees of longitude shrink by cos(latitude): work in "equal" degrees, then convert back.
    c = max(math.cos(math.radians(mid_lat)), 0.2)
    half_h = max((max(lats) - min(lats)) / 2 * 1.5, _MIN_HALF_DEG)
    half_w = max((max(lons) - min(lons)) / 2 * 1.5 * c, _MIN_HALF_DEG)
    if half_h / half_w < _MIN_ASPECT:
        half_h = half_w * _MIN_ASPECT
    elif half_h / half_w > _MAX_ASPECT:
        half_w = half_h / _MAX_ASPECT
    mid_lon = (min(lons) + max(lons)) / 2
    south, north = max(mid_lat - half_h, -89.9), min(mid_lat + half_h, 89.9)
    west, east = max(mid_lon - half_w / c, -180.0), min(mid_lon + half_w / c, 180.0)
    height = width * (north - south) / ((east - west) * c)
    return _Frame(west, south, east, north, width, round(height, 1))


def _path(geom: BaseGeometry, frame: _Frame) -> str:
    """SVG path data for a (multi)polygon or (multi)line in pixels."""
    parts: list[str] = []
    for g in getattr(geom, "geoms", [geom]):
        if g.is_empty:
            continue
        if isinstance(g, shapely.Polygon):
            rings = [g.exterior, *g.interiors]
            for ring in rings:
                parts.append(_ring(np.asarray(ring.coords), frame, close=True))
        elif isinstance(g, shapely.LineString):
            parts.append(_ring(np.asarray(g.coords), frame, close=False))
    return "".join(p for p in parts if p)


def _ring(coords: NDArray[np.float64], frame: _Frame, *, close: bool) -> str:
    if len(coords) < 2:
        return ""
    xy = frame.project(coords[:, :2])
    pts = [f"{x:.1f} {y:.1f}" for x, y in xy]
    # Drop repeats that rounding made, to keep the path short.
    kept = [pts[0]] + [p for prev, p in itertools.pairwise(pts) if p != prev]
    return "M" + "L".join(kept) + ("Z" if close else "")


def _pieces(frame: _Frame) -> list[tuple[_Country, BaseGeometry, str]]:
    """Each country's part inside the frame, with its zone status (inside/uncertain/outside)."""
    box = (frame.west, frame.south, frame.east, frame.north)
    tolerance = _SIMPLIFY_PX / frame.kx
    line, west = _ural()
    zone = default_zone()
    out: list[tuple[_Country, BaseGeometry, str]] = []
    for country in _countries(countries_path()):
        if not shapely.intersects(country.geometry, shapely.box(*box)):
            continue
        clipped = shapely.clip_by_rect(country.geometry, *box)
        clipped = shapely.simplify(clipped, tolerance, preserve_topology=True)
        if clipped.is_empty:
            continue
        # Russia straddles the Ural line: judge its two sides apart.
        halves = (
            [clipped.intersection(west), clipped.difference(west)]
            if country.iso3 == "RUS" and shapely.intersects(clipped, line.buffer(0.01))
            else [clipped]
        )
        for half in halves:
            if half.is_empty or half.area == 0:
                continue
            rep = half.representative_point()
            status = zone.check(rep.y, rep.x).status
            out.append((country, half, status))
    return out


def _zone_edge(pieces: list[tuple[_Country, BaseGeometry, str]], frame: _Frame) -> BaseGeometry:
    """Where land in the zone meets land outside it (the zone's outline on land).

    At sea the zone takes in the adjoining sea area, so a coast is not its edge; along the
    Ural line the line itself is drawn. Borders are simplified country by country, so the
    two sides are matched within a pixel rather than exactly.
    """
    inside = [g for _c, g, status in pieces if status != "outside"]
    outside = [g for _c, g, status in pieces if status == "outside"]
    if not inside or not outside:
        return shapely.GeometryCollection()
    near = shapely.union_all(outside).buffer(1.0 / frame.kx)
    edge = shapely.union_all(inside).boundary.intersection(near)
    lines = [g for g in getattr(edge, "geoms", [edge]) if isinstance(g, shapely.LineString)]
    return shapely.MultiLineString(lines) if lines else shapely.GeometryCollection()


def map_svg(
    locations: Sequence[Mapping[str, Any]], *, width: int = 720, title: str | None = None
) -> str | None:
    """An SVG map of the located places, or None when no location has coordinates.

    ``locations`` are mappings with ``name``, ``lat`` and ``lon`` (the view's ``locations``);
    those without both coordinates are left out. Every text is escaped.
    """
    points = _located(locations)
    if not points:
        return None
    frame = _frame(points, float(width))
    pieces = _pieces(frame)
    edge = _zone_edge(pieces, frame)
    line, _ = _ural()
    ural = shapely.clip_by_rect(line, frame.west, frame.south, frame.east, frame.north)
    lines_key = "; ".join(
        k
        for k, shown in (
            ("Brown line: the zone's edge on land", not edge.is_empty),
            ("dashed: the Ural line csbm uses to divide Russia", not ural.is_empty),
        )
        if shown
    )
    legend_rows = len(points) + 2 + (1 if lines_key else 0)
    legend_h = 16 * legend_rows + 8
    total_h = frame.height + legend_h
    caption = title or "Where the activity was reported"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="csbm-map" role="img" '
        f'viewBox="0 0 {frame.width:.0f} {total_h:.0f}" width="{frame.width:.0f}" '
        f'height="{total_h:.0f}" font-family="sans-serif" font-size="11">',
        f"<title>{text(caption)}</title>",
        f'<rect x="0" y="0" width="{frame.width:.0f}" height="{frame.height:.1f}" fill="#dfeaf2"/>',
    ]
    fills = {"inside": "#f1ead2", "uncertain": "#ece5d8", "outside": "#e4e4e4"}
    for country, geom, status in pieces:
        d = _path(geom, frame)
        if d:
            out.append(
                f'<path class="country {attr(status)}" data-iso3="{attr(country.iso3 or "")}" '
                f'd="{d}" fill="{fills.get(status, "#e4e4e4")}" stroke="#8a8a8a" '
                'stroke-width="0.6" fill-rule="evenodd"/>'
            )
    if not edge.is_empty:
        out.append(
            f'<path class="zone-edge" d="{_path(edge, frame)}" fill="none" stroke="#9a5b00" '
            'stroke-width="1.6"/>'
        )
    if not ural.is_empty:
        out.append(
            f'<path class="ural-line" d="{_path(ural, frame)}" fill="none" stroke="#9a5b00" '
            'stroke-width="1.4" stroke-dasharray="6 3"/>'
        )
    frame_area = frame.width * frame.height
    for country, geom, _status in pieces:
        share = geom.area * frame.kx * frame.ky / frame_area
        if share >= _LABEL_SHARE and country.name:
            rep = geom.representative_point()
            x, y = frame.xy(rep.x, rep.y)
            out.append(
                f'<text class="country-name" x="{x:.1f}" y="{y:.1f}" text-anchor="middle" '
                f'fill="#6b6b6b" font-size="10" letter-spacing="1">'
                f"{text(country.name.upper())}</text>"
            )
    for i, (name, lat, lon) in enumerate(points, start=1):
        x, y = frame.xy(lon, lat)
        out.append(
            f'<g class="place"><title>{text(name)}</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="#b3261e" stroke="#fff" '
            'stroke-width="1.2"/>'
            f'<text x="{x:.1f}" y="{y + 3.5:.1f}" text-anchor="middle" fill="#fff" '
            f'font-size="9" font-weight="bold">{i}</text></g>'
        )
    out.append(
        f'<rect x="0" y="0" width="{frame.width:.0f}" height="{frame.height:.1f}" '
        'fill="none" stroke="#555" stroke-width="1"/>'
    )
    y = frame.height + 18
    for i, (name, lat, lon) in enumerate(points, start=1):
        out.append(
            f'<text class="legend" x="4" y="{y:.1f}"><tspan font-weight="bold">{i}</tspan> '
            f"{text(shorten(name, _LEGEND_CHARS))} ({_deg(lat, 'N', 'S')}, {_deg(lon, 'E', 'W')})"
            "</text>"
        )
        y += 16
    out.append(
        f'<text class="legend" x="4" y="{y:.1f}" fill="#555">Tinted land: in the zone of '
        "application (Vienna Document Annex I); grey: outside</text>"
    )
    y += 16
    if lines_key:
        out.append(f'<text class="legend" x="4" y="{y:.1f}" fill="#555">{text(lines_key)}</text>')
        y += 16
    out.append(
        f'<text class="attribution" x="4" y="{y:.1f}" fill="#555" font-size="9">'
        f"{text(ATTRIBUTION)}; frame {_deg(frame.south, 'N', 'S')} to "
        f"{_deg(frame.north, 'N', 'S')}, {_deg(frame.west, 'E', 'W')} to "
        f"{_deg(frame.east, 'E', 'W')}</text>"
    )
    out.append("</svg>")
    return "\n".join(out)


def _deg(value: float, pos: str, neg: str) -> str:
    return f"{abs(value):.2f}°{pos if value >= 0 else neg}"


__all__ = ["ATTRIBUTION", "map_svg"]
