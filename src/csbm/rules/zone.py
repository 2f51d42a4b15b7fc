"""The zone of application (Vienna Document Annex I) as a function: ``check(lat, lon)``.

What the rules brief (§3) and its sources give, and how this module encodes it:

* "The whole of Europe as well as the adjoining sea area and air space" (Stockholm mandate,
  reused by the Vienna Document). Every European participating State's territory *in Europe*
  is inside. Overseas parts outside Europe (French Guiana, the French and Dutch Caribbean,
  Réunion, Mayotte) are outside. The Azores, Madeira and the Canary Islands count as European
  (medium confidence).
* Russia: only "from the western border to the Ural Mountains". The dividing line is the
  conventional Europe–Asia boundary (Ural crest, Ural River, north through the Kara Sea),
  data in ``csbm/data/zone/ural_line.yaml``. West of it: inside; east: outside; within the
  file's ``uncertain_km`` of it: uncertain.
* The five Central Asian participating States (KAZ, KGZ, TJK, TKM, UZB): whole territory
  inside. For Kazakhstan the extent is unconfirmed (low confidence); the reason also says
  on which side of the Ural line the point lies and how far.
* Armenia, Azerbaijan, Georgia, Turkey's Asian part and Cyprus: the brief marks their
  treatment unconfirmed. They are counted inside with low confidence, and the reason says so.
* The sea: a point at sea is inside only as part of the adjoining sea area, where activities
  count only as part of a notifiable land activity. It gets ``sea=True`` and the status of
  its nearest coast, provided that coast is within ``SEA_MAX_KM``; a sea point whose nearest
  coast is outside the zone, or with no coast that near, is outside.
* Everything else (Mongolia, China, Iran, North America, Greenland, …) is outside.

Geometry: Natural Earth 1:50m admin-0 countries via the npm package world-atlas 2.0.2, built
into ``csbm/data/zone/countries.geojson`` by ``python -m csbm.rules.zone_build`` at
``make install``; never fetched at run time. Read ``csbm/data/zone/README.md``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import shapely
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from shapely import STRtree
from shapely.geometry.base import BaseGeometry

from csbm._yaml import read_yaml
from csbm.errors import InputError, Problem, RulesetError, UsageError
from csbm.model.load import problems_from

Status = Literal["inside", "outside", "uncertain"]
Confidence = Literal["high", "medium", "low"]
Side = Literal["west", "east"]

EARTH_RADIUS_KM = 6371.0088

# How far out a point at sea can still be in "the adjoining sea area" of Europe. Annex I gives
# no limit ("ocean areas adjoining Europe" are included); 1,000 km keeps the Norwegian Sea and
# the Atlantic approaches (more than 400 km from any coast in places) and drops mid-ocean
# points such as 0°N 30°W. A compiler's choice: low confidence.
SEA_MAX_KM = 1000.0

# Natural Earth's 1:50m coastline is generalised: a harbour town can fall a kilometre or two
# out to sea. A point at sea this close to land is taken as on that land (and the reason says so).
COAST_SNAP_KM = 3.0

# A European participating State's part counts as Europe if its representative point lies in
# this frame (lon_min, lat_min, lon_max, lat_max); further parts are overseas, outside Europe.
EUROPE_FRAME = (-32.0, 27.0, 45.0, 90.0)
# Parts south of this latitude or west of this longitude are Atlantic islands (Canaries,
# Madeira, Azores): European by convention, with medium confidence.
ATLANTIC_LAT = 34.5
ATLANTIC_LON = -25.0

# European participating States and European territories named by their own ISO code in
# Natural Earth (Åland, the Faroes, the Crown Dependencies, Gibraltar) plus Kosovo (XKX).
_EUROPEAN_CODES = """
    ALB AND AUT BEL BIH BGR BLR CHE CZE DEU DNK ESP EST FIN FRA GBR GRC HRV HUN IRL ISL ITA
    LIE LTU LUX LVA MCO MDA MKD MLT MNE NLD NOR POL PRT ROU SMR SRB SVK SVN SWE UKR VAT
    ALA FRO GGY IMN JEY GIB XKX
"""
EUROPEAN = frozenset(_EUROPEAN_CODES.split())
CENTRAL_ASIAN = frozenset({"KAZ", "KGZ", "TJK", "TKM", "UZB"})
CAUCASUS = frozenset({"ARM", "AZE", "GEO"})
# Ankara: the Turkish part that holds it is Anatolia (Asia); the others are East Thrace and
# Gökçeada, Turkey's European part.
ANKARA = (32.85, 39.93)

# Natural Earth's abbreviated names, spelt out for reasons.
NAMES = {
    "BIH": "Bosnia and Herzegovina",
    "MKD": "North Macedonia",
    "FRO": "the Faroe Islands (Denmark)",
    "ALA": "the Åland Islands (Finland)",
    "IMN": "the Isle of Man",
    "JEY": "Jersey",
    "GGY": "Guernsey",
    "GBR": "the United Kingdom",
    "NLD": "the Netherlands",
    "CZE": "Czechia",
    "XKX": "Kosovo",
    "CYP": "Cyprus",
    "USA": "the United States",
    "GRL": "Greenland (Denmark)",
    "ARE": "the United Arab Emirates",
}
# Outside countries whose treatment the brief flags, with the reason's wording.
OUTSIDE_NOTES: dict[str, tuple[Confidence, str]] = {
    "MNG": ("medium", "Mongolia is not in the zone (unconfirmed recollection in the brief)"),
    "GRL": ("medium", "Greenland is not European territory, so it is not in the zone"),
    "USA": ("high", "only US forces and activities inside the zone are covered"),
    "CAN": ("high", "only Canadian forces and activities inside the zone are covered"),
}


@dataclass(frozen=True)
class ZoneResult:
    """Whether a point is in the zone of application, and why, in one sentence.

    ``country`` is the ISO 3166-1 alpha-3 code of the land the point is on or, at sea, of the
    nearest coast (None far out at sea, or where Natural Earth names no country). ``line_km``
    and ``side`` give the distance to and side of the Ural line, for points in Russia and
    Kazakhstan (and at sea off their coasts).
    """

    status: Status
    country: str | None
    sea: bool
    reason: str
    confidence: Confidence
    line_km: float | None = None
    side: Side | None = None


# ---------------------------------------------------------------------------------------------
# The Ural line file


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class LineSource(_Strict):
    id: str = Field(min_length=1)
    url: str = Field(pattern=r"^https?://\S+$")
    publisher: str = Field(min_length=1)
    says: str = Field(min_length=1)


class _Point(_Strict):
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class LineVertex(_Point):
    name: str = Field(min_length=1)
    source: str = Field(min_length=1)
    placed: Literal["source", "compiler"]


class _Closure(_Strict):
    note: str = Field(min_length=1)
    points: list[_Point] = Field(min_length=1)


class UralLineFile(_Strict):
    version: Literal[1]
    title: str = Field(min_length=1)
    confidence: Confidence
    uncertain_km: float = Field(gt=0, le=500)
    uncertain_km_rationale: str = Field(min_length=1)
    sources: list[LineSource] = Field(min_length=1)
    line: list[LineVertex] = Field(min_length=2)
    west_closure: _Closure


class _ZoneDataError(RulesetError, InputError):
    """A bundled zone data file that does not validate (names file and line)."""


def load_line(path: Path) -> UralLineFile:
    """Read and validate the Ural line file; errors name the file and line."""
    located = read_yaml(path, _ZoneDataError)
    try:
        parsed = UralLineFile.model_validate(located.data)
    except ValidationError as exc:
        raise _ZoneDataError(path, problems_from(exc, located)) from None
    problems: list[Problem] = []
    ids = [s.id for s in parsed.sources]
    for i, source in enumerate(parsed.sources):
        if source.id in ids[:i]:
            where = ("sources", i, "id")
            problems.append(
                Problem(
                    f"source id {source.id!r} appears twice",
                    f"sources[{i}].id",
                    located.line_of(where),
                )
            )
    for i, vertex in enumerate(parsed.line):
        if vertex.source not in ids:
            where = ("line", i, "source")
            problems.append(
                Problem(
                    f"no source with id {vertex.source!r}",
                    f"line[{i}].source",
                    located.line_of(where),
                )
            )
    if not problems:
        line = shapely.LineString([(v.lon, v.lat) for v in parsed.line])
        if not line.is_simple:
            problems.append(Problem("the line crosses itself", "line", located.line_of(("line",))))
        elif not _west_polygon(parsed).is_valid:
            problems.append(
                Problem(
                    "line and west_closure do not make a simple polygon",
                    "west_closure",
                    located.line_of(("west_closure",)),
                )
            )
    if problems:
        raise _ZoneDataError(path, problems)
    return parsed


def _west_polygon(parsed: UralLineFile) -> shapely.Polygon:
    ring = [(v.lon, v.lat) for v in parsed.line] + [
        (p.lon, p.lat) for p in parsed.west_closure.points
    ]
    return shapely.Polygon(ring)


# ---------------------------------------------------------------------------------------------
# Spherical geometry


Vec = tuple[float, float, float]


def _vec(lat: float, lon: float) -> Vec:
    la, lo = math.radians(lat), math.radians(lon)
    return (math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la))


def _cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _angle(a: Vec, b: Vec) -> float:
    c = _cross(a, b)
    return math.atan2(math.sqrt(_dot(c, c)), _dot(a, b))


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return _angle(_vec(lat1, lon1), _vec(lat2, lon2)) * EARTH_RADIUS_KM


def _segment_km(p: Vec, a: Vec, b: Vec) -> float:
    """Distance on the sphere from p to the great-circle arc from a to b."""
    n = _cross(a, b)
    size = math.sqrt(_dot(n, n))
    if size < 1e-15:
        return _angle(p, a) * EARTH_RADIUS_KM
    n = (n[0] / size, n[1] / size, n[2] / size)
    s = _dot(p, n)
    foot = (p[0] - s * n[0], p[1] - s * n[1], p[2] - s * n[2])
    if _dot(_cross(a, foot), n) >= 0 and _dot(_cross(foot, b), n) >= 0:
        return abs(math.asin(max(-1.0, min(1.0, s)))) * EARTH_RADIUS_KM
    return min(_angle(p, a), _angle(p, b)) * EARTH_RADIUS_KM


# ---------------------------------------------------------------------------------------------
# The zone


@dataclass(frozen=True)
class _Part:
    """One polygon of a country, with what the zone rules say about it."""

    iso3: str | None
    name: str
    kind: str  # european | atlantic | overseas | turkey-europe | turkey-asia | ... | outside


@dataclass(frozen=True)
class _Land:
    """The verdict for a point on land (or the nearest coast of a point at sea)."""

    status: Status
    confidence: Confidence
    country: str | None
    where: str  # "in Poland", "in Russia, 98 km east of the Ural line"
    why: str  # the rest of the sentence, without the final full stop
    line_km: float | None = None
    side: Side | None = None


class Zone:
    """Country polygons and the Ural line, ready for point queries."""

    def __init__(self, countries: Path, line: Path) -> None:
        self.line_path = line
        self.line = load_line(line)
        self.band_km = self.line.uncertain_km
        self._west = _west_polygon(self.line)
        shapely.prepare(self._west)
        self._vertices = [_vec(v.lat, v.lon) for v in self.line.line]
        polygons, parts = _read_countries(countries)
        self._polygons = polygons
        self._parts = parts
        shapely.prepare(polygons)
        self._tree = STRtree(polygons)

    # -- public ---------------------------------------------------------------------------

    # The kinds of land `_judge` counts inside whatever the point (Russia depends on the
    # side of the Ural line, so it is not among them).
    INSIDE_KINDS = frozenset(
        {
            "european",
            "atlantic",
            "central-asian",
            "kazakhstan",
            "caucasus",
            "cyprus",
            "turkey-europe",
            "turkey-asia",
        }
    )

    def land_area(self) -> BaseGeometry:
        """The land the zone covers, as `check` judges it: every country part of an inside
        kind, and Russia west of the Ural line (for drawing; not simplified)."""
        inside = [
            p
            for p, part in zip(self._polygons, self._parts, strict=True)
            if part.kind in self.INSIDE_KINDS
        ]
        russia = [
            p for p, part in zip(self._polygons, self._parts, strict=True) if part.kind == "russia"
        ]
        west = shapely.intersection(shapely.union_all(russia), self._west)
        return shapely.union_all([*inside, west])

    def check(self, lat: float, lon: float) -> ZoneResult:
        lat, lon = _coordinates(lat, lon)
        index = self._land_at(lat, lon)
        if index is not None:
            land = self._judge(index, lat, lon)
            reason = f"{land.status.capitalize()}: the point is {land.where}{land.why}."
            return ZoneResult(
                land.status, land.country, False, reason, land.confidence, land.line_km, land.side
            )
        return self._at_sea(lat, lon)

    # -- land -----------------------------------------------------------------------------

    def _land_at(self, lat: float, lon: float) -> int | None:
        for i in self._tree.query(shapely.Point(lon, lat)):
            if shapely.intersects_xy(self._polygons[i], lon, lat):
                return int(i)
        return None

    def _line(self, lat: float, lon: float) -> tuple[float, Side]:
        p = _vec(lat, lon)
        v = self._vertices
        km = min(_segment_km(p, v[i], v[i + 1]) for i in range(len(v) - 1))
        side: Side = "west" if shapely.intersects_xy(self._west, lon, lat) else "east"
        return km, side

    def _judge(self, index: int, lat: float, lon: float) -> _Land:
        part = self._parts[index]
        iso3, name = part.iso3, part.name
        if part.kind == "russia":
            return self._russia(lat, lon)
        if part.kind == "kazakhstan":
            km, side = self._line(lat, lon)
            return _Land(
                "inside",
                "low",
                iso3,
                f"in Kazakhstan, {km:,.0f} km {side} of the Ural line",
                ", and Kazakhstan's whole territory is counted inside, though its extent in the"
                " zone is unconfirmed (low confidence)",
                km,
                side,
            )
        if part.kind == "european":
            return _Land("inside", "high", iso3, f"in {name}", ", European territory of the zone")
        if part.kind == "atlantic":
            return _Land(
                "inside",
                "medium",
                iso3,
                f"on an Atlantic island of {name}",
                ", counted as European territory as the CFE Treaty counted the Azores, Madeira"
                " and the Canary Islands (medium confidence)",
            )
        if part.kind == "overseas":
            return _Land(
                "outside",
                "high",
                iso3,
                f"in an overseas part of {name}",
                ", which is outside Europe",
            )
        if part.kind == "turkey-europe":
            return _Land("inside", "high", iso3, "in Turkey's European part", ", East Thrace")
        if part.kind == "turkey-asia":
            return _Land(
                "inside",
                "low",
                iso3,
                "in Turkey's Asian part",
                ", counted inside although the brief marks Annex I's treatment of it"
                " unconfirmed (low confidence)",
            )
        if part.kind == "caucasus" or part.kind == "cyprus":
            return _Land(
                "inside",
                "low",
                iso3,
                f"in {name}",
                ", counted inside although the brief marks Annex I's treatment of "
                + ("the Caucasus States" if part.kind == "caucasus" else "Cyprus")
                + " unconfirmed (low confidence)",
            )
        if part.kind == "central-asian":
            return _Land(
                "inside",
                "medium",
                iso3,
                f"in {name}",
                ", one of the Central Asian participating States whose territory is in the zone"
                " (whole territory assumed)",
            )
        confidence, note = OUTSIDE_NOTES.get(iso3 or "", ("high", ""))
        why = f"; {note}" if note else ", which is not in the zone of application"
        return _Land("outside", confidence, iso3, f"in {name}", why)

    def _russia(self, lat: float, lon: float) -> _Land:
        km, side = self._line(lat, lon)
        where = f"in Russia, {km:,.0f} km {side} of the Ural line"
        if km <= self.band_km:
            return _Land(
                "uncertain",
                "low",
                "RUS",
                where,
                f", within the {self.band_km:,.0f} km band where the approximate line cannot"
                " decide between Russia's part of the zone and the part beyond the Urals",
                km,
                side,
            )
        confidence: Confidence = "high" if km >= 200 else "medium"
        if side == "west":
            why = ", in Russia's part of the zone (west of the Ural Mountains)"
            return _Land("inside", confidence, "RUS", where, why, km, side)
        why = ", beyond the Ural Mountains and so outside the zone"
        return _Land("outside", confidence, "RUS", where, why, km, side)

    # -- sea ------------------------------------------------------------------------------

    def _at_sea(self, lat: float, lon: float) -> ZoneResult:
        near = self._nearest_coast(lat, lon, COAST_SNAP_KM)
        if near is not None:
            index, km, clat, clon = near
            land = self._judge(index, clat, clon)
            reason = (
                f"{land.status.capitalize()}: the point is {land.where}{land.why}; it lies"
                f" {km:.1f} km off the generalised 1:50m coastline and is taken as on land."
            )
            return ZoneResult(
                land.status, land.country, False, reason, land.confidence, land.line_km, land.side
            )
        found = self._nearest_coast(lat, lon, SEA_MAX_KM)
        if found is None:
            reason = (
                f"Outside: the point is at sea more than {SEA_MAX_KM:,.0f} km from any coast,"
                " beyond the sea area adjoining Europe taken here."
            )
            return ZoneResult("outside", None, True, reason, "high")
        index, km, clat, clon = found
        coast = self._judge(index, clat, clon)
        off = f"at sea, {km:,.0f} km off the coast of {self._parts[index].name}"
        if coast.status == "outside":
            reason = (
                f"Outside: the point is {off}, whose nearest coast is not in the zone"
                f" ({coast.where.removeprefix('in ')}{coast.why})."
            )
            return ZoneResult(
                "outside",
                coast.country,
                True,
                reason,
                _cap(coast.confidence, "medium"),
                coast.line_km,
                coast.side,
            )
        if coast.status == "uncertain":
            reason = (
                f"Uncertain: the point is {off}, {coast.line_km or 0:,.0f} km {coast.side} of the"
                " Ural line; at sea it would count only as part of a notifiable land activity."
            )
            return ZoneResult(
                "uncertain", coast.country, True, reason, "low", coast.line_km, coast.side
            )
        reason = (
            f"Inside (sea area): the point is {off}, in the sea area adjoining the zone, which"
            " counts only as part of a notifiable land activity."
        )
        return ZoneResult(
            "inside",
            coast.country,
            True,
            reason,
            _cap(coast.confidence, "medium"),
            coast.line_km,
            coast.side,
        )

    def _nearest_coast(
        self, lat: float, lon: float, max_km: float
    ) -> tuple[int, float, float, float] | None:
        """(part index, km, lat, lon) of the nearest land within max_km, or None."""
        dlat = max_km / 111.0
        cos = math.cos(math.radians(lat))
        dlon = 180.0 if cos * 111.0 * 180.0 <= max_km else max_km / (111.0 * cos)
        boxes: list[tuple[float, float, float, float, float]] = []  # box and a lon shift
        south, north = max(-90.0, lat - dlat), min(90.0, lat + dlat)
        west, east = lon - dlon, lon + dlon
        boxes.append((max(west, -180.0), south, min(east, 180.0), north, 0.0))
        if west < -180.0:
            boxes.append((west + 360.0, south, 180.0, north, -360.0))
        if east > 180.0:
            boxes.append((-180.0, south, east - 360.0, north, 360.0))
        scale = max(cos, 0.01)
        best: tuple[int, float, float, float] | None = None
        for x0, y0, x1, y1, shift in boxes:
            box = shapely.box(x0, y0, x1, y1)
            for i in self._tree.query(box):
                piece = shapely.clip_by_rect(self._polygons[i], x0, y0, x1, y1)
                if piece.is_empty:
                    continue
                near = _nearest_point(piece, lat, lon + (-shift), scale)
                clon, clat = near
                km = great_circle_km(lat, lon, clat, clon + shift)
                if km <= max_km and (best is None or km < best[1]):
                    best = (int(i), km, clat, clon)
        return best


def _nearest_point(
    piece: BaseGeometry, lat: float, lon: float, scale: float
) -> tuple[float, float]:
    """The point of piece nearest (lon, lat), in a local plane with longitude scaled by cos(lat)."""
    local = shapely.transform(piece, lambda xy: (xy - (lon, lat)) * (scale, 1.0))
    nearest = shapely.shortest_line(local, shapely.Point(0.0, 0.0)).coords[0]
    return nearest[0] / scale + lon, nearest[1] + lat


def _cap(confidence: Confidence, ceiling: Confidence) -> Confidence:
    order: list[Confidence] = ["low", "medium", "high"]
    return order[min(order.index(confidence), order.index(ceiling))]


def _coordinates(lat: float, lon: float) -> tuple[float, float]:
    try:
        la, lo = float(lat), float(lon)
    except (TypeError, ValueError):
        raise UsageError(f"coordinates must be numbers, not {lat!r}, {lon!r}") from None
    if isinstance(lat, bool) or isinstance(lon, bool):
        raise UsageError("coordinates must be numbers, not booleans")
    if not (math.isfinite(la) and math.isfinite(lo)):
        raise UsageError(f"coordinates must be finite numbers, not {lat!r}, {lon!r}")
    if not -90.0 <= la <= 90.0:
        raise UsageError(f"latitude {la} is outside -90..90")
    if not -180.0 <= lo <= 180.0:
        raise UsageError(f"longitude {lo} is outside -180..180")
    return la, lo


def _kind(iso3: str | None, polygon: shapely.Polygon) -> str:
    rep = polygon.representative_point()
    if iso3 == "RUS":
        return "russia"
    if iso3 == "KAZ":
        return "kazakhstan"
    if iso3 in CENTRAL_ASIAN:
        return "central-asian"
    if iso3 in CAUCASUS:
        return "caucasus"
    if iso3 == "CYP":
        return "cyprus"
    if iso3 == "TUR":
        anatolia = shapely.intersects_xy(polygon, *ANKARA)
        return "turkey-asia" if anatolia or rep.x > 29.2 or rep.y < 40.0 else "turkey-europe"
    if iso3 in EUROPEAN:
        x0, y0, x1, y1 = EUROPE_FRAME
        if not (x0 <= rep.x <= x1 and y0 <= rep.y <= y1):
            return "overseas"
        if rep.y < ATLANTIC_LAT or rep.x < ATLANTIC_LON:
            return "atlantic"
        return "european"
    return "outside"


def _read_countries(path: Path) -> tuple[list[shapely.Polygon], list[_Part]]:
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise RulesetError(
            f"{path}: the country boundaries are not built; run `make install` (it runs"
            " `python -m csbm.rules.zone_build node_modules/world-atlas/countries-50m.json"
            f" {path}` after `npm ci`)"
        ) from None
    except (OSError, ValueError) as exc:
        raise RulesetError(f"{path}: unreadable ({exc}); rebuild it with `make install`") from None
    meta = data.get("csbm") if isinstance(data, dict) else None
    if not isinstance(meta, dict) or meta.get("format") != 1:
        raise RulesetError(
            f"{path}: not a csbm country file of format 1; rebuild it with `make install`"
        )
    # Every ring's points in one array and the polygons made in two vectorised calls:
    # about ten times faster than a shapely.Polygon per part, and start-up waits for it.
    points: list[list[float]] = []
    ring_of_point: list[int] = []
    polygon_of_ring: list[int] = []
    owners: list[tuple[str | None, str]] = []
    for feature in data.get("features", []):
        props = feature["properties"]
        iso3 = props.get("iso3")
        name = NAMES.get(iso3 or "", props.get("name") or "an unnamed territory")
        for rings in feature["geometry"]["coordinates"]:
            for ring in rings:
                ring_of_point.extend([len(polygon_of_ring)] * len(ring))
                points.extend(ring)
                polygon_of_ring.append(len(owners))
            owners.append((iso3, name))
    if not owners:
        raise RulesetError(f"{path}: no countries; rebuild it with `make install`")
    rings_made: Any = shapely.linearrings(points, indices=ring_of_point)  # an array of rings
    made: Any = shapely.polygons(rings_made, indices=polygon_of_ring)
    polygons: list[shapely.Polygon] = list(made)
    parts = [
        _Part(iso3, name, _kind(iso3, polygon))
        for (iso3, name), polygon in zip(owners, polygons, strict=True)
    ]
    return polygons, parts


# ---------------------------------------------------------------------------------------------
# Defaults


def data_dir() -> Path:
    return Path(str(resources.files("csbm.data"))) / "zone"


def countries_path() -> Path:
    return data_dir() / "countries.geojson"


def line_path() -> Path:
    return data_dir() / "ural_line.yaml"


@cache
def default_zone() -> Zone:
    """The bundled zone, loaded once."""
    return Zone(countries_path(), line_path())


def check(lat: float, lon: float) -> ZoneResult:
    """Is (lat, lon) in the Vienna Document's zone of application? See the module docstring.

    Raises UsageError for impossible coordinates and RulesetError if the country file has
    not been built (run `make install`) or the bundled line data is broken.
    """
    lat, lon = _coordinates(lat, lon)
    return default_zone().check(lat, lon)


def check_many(points: Iterable[tuple[float, float]]) -> list[ZoneResult]:
    zone = default_zone()
    return [zone.check(lat, lon) for lat, lon in points]


__all__ = [
    "SEA_MAX_KM",
    "UralLineFile",
    "Zone",
    "ZoneResult",
    "check",
    "check_many",
    "countries_path",
    "default_zone",
    "great_circle_km",
    "line_path",
    "load_line",
]
