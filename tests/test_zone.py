"""The zone of application (Annex I) as a function: known places, the sea, bad input, bad data.

The country file is built at set-up time from node_modules/world-atlas (``make install``). If
it is missing, a session fixture builds it; without node_modules/world-atlas the tests that
need it are skipped.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from csbm.errors import InputError, RulesetError, UsageError
from csbm.rules import zone, zone_build
from csbm.rules.zone import Zone, ZoneResult, check, load_line

ROOT = Path(__file__).resolve().parent.parent
WORLD_ATLAS = ROOT / "node_modules" / "world-atlas" / "countries-50m.json"


@pytest.fixture(scope="session")
def built() -> Path:
    path = zone.countries_path()
    if not path.is_file():
        if not WORLD_ATLAS.is_file():
            pytest.skip(
                "node_modules/world-atlas is absent: run `npm ci` (make install does) to build"
                " the country boundaries the zone-of-application tests need"
            )
        assert zone_build.main([str(WORLD_ATLAS), str(path)]) == 0
    return path


needs_countries = pytest.mark.usefixtures("built")


# ---------------------------------------------------------------------------------------------
# Places with known answers


@needs_countries
@pytest.mark.parametrize(
    ("place", "lat", "lon", "country"),
    [
        ("Minsk", 53.90, 27.57, "BLR"),
        ("Kaliningrad", 54.71, 20.51, "RUS"),
        ("Moscow", 55.76, 37.62, "RUS"),
        ("Pskov", 57.82, 28.33, "RUS"),
        ("Rostov-on-Don", 47.24, 39.71, "RUS"),
        ("Almaty", 43.24, 76.89, "KAZ"),
        ("Tashkent", 41.30, 69.24, "UZB"),
    ],
)
def test_inside(place: str, lat: float, lon: float, country: str) -> None:
    result = check(lat, lon)
    assert result.status == "inside", result.reason
    assert result.country == country
    assert result.sea is False
    assert result.reason.startswith("Inside: ")


@needs_countries
@pytest.mark.parametrize(
    ("place", "lat", "lon", "country"),
    [
        # 60 km east of Yekaterinburg (56.84°N 60.61°E): 60 / (111.32 cos 56.84°) ≈ 0.98° of lon.
        ("60 km east of Yekaterinburg", 56.84, 61.59, "RUS"),
        ("Chelyabinsk", 55.16, 61.40, "RUS"),
        ("Chebarkul", 54.98, 60.37, "RUS"),
        ("Novosibirsk", 55.03, 82.92, "RUS"),
        ("Vladivostok", 43.12, 131.89, "RUS"),
        ("Ulaanbaatar", 47.92, 106.92, "MNG"),
    ],
)
def test_outside(place: str, lat: float, lon: float, country: str) -> None:
    result = check(lat, lon)
    assert result.status == "outside", result.reason
    assert result.country == country
    assert result.reason.startswith("Outside: ")


@needs_countries
def test_russia_reason_names_country_side_and_distance() -> None:
    moscow = check(55.76, 37.62)
    assert moscow.side == "west"
    assert moscow.line_km is not None and moscow.line_km > 900
    assert "Russia" in moscow.reason and "km west of the Ural line" in moscow.reason
    assert moscow.confidence == "high"
    novosibirsk = check(55.03, 82.92)
    assert novosibirsk.side == "east" and "km east of the Ural line" in novosibirsk.reason


@needs_countries
def test_yekaterinburg_is_just_beyond_the_band() -> None:
    # Documented in data/zone/README.md: the city lies about 34 km east of the crest line
    # (the monuments near Pervouralsk), just beyond the 30 km band, so outside with medium
    # confidence; a point 60 km further east is outside too.
    result = check(56.84, 60.61)
    assert result.status == "outside"
    assert result.side == "east"
    assert result.line_km is not None and 30 < result.line_km < 45
    assert result.confidence == "medium"


@needs_countries
def test_ural_river_at_orenburg_is_uncertain() -> None:
    result = check(51.77, 55.1)
    assert result.status == "uncertain"
    assert result.country == "RUS"
    assert result.line_km is not None and result.line_km <= 30
    assert result.confidence == "low"
    assert "30 km band" in result.reason


@needs_countries
def test_kazakhstan_whole_territory_inside_with_side_of_line() -> None:
    almaty = check(43.24, 76.89)
    assert almaty.side == "east" and almaty.confidence == "low"
    assert "Kazakhstan" in almaty.reason and "km east of the Ural line" in almaty.reason
    assert "unconfirmed" in almaty.reason
    west_bank = check(50.0, 51.0)  # Kazakhstan west of the Ural River
    assert west_bank.status == "inside" and west_bank.side == "west"


@needs_countries
@pytest.mark.parametrize(
    ("place", "lat", "lon", "country"),
    [
        ("Tbilisi", 41.72, 44.79, "GEO"),
        ("Yerevan", 40.18, 44.51, "ARM"),
        ("Ganja", 40.68, 46.36, "AZE"),
        ("Ankara", 39.93, 32.86, "TUR"),
        ("Nicosia", 35.17, 33.36, "CYP"),
    ],
)
def test_low_confidence_inside(place: str, lat: float, lon: float, country: str) -> None:
    result = check(lat, lon)
    assert (result.status, result.country, result.confidence) == ("inside", country, "low")
    assert "unconfirmed" in result.reason


@needs_countries
def test_turkey_european_part_is_certain() -> None:
    edirne = check(41.68, 26.56)
    assert (edirne.status, edirne.country, edirne.confidence) == ("inside", "TUR", "high")
    assert "European part" in edirne.reason


@needs_countries
def test_overseas_and_atlantic_parts() -> None:
    cayenne = check(4.93, -52.33)  # French Guiana
    assert (cayenne.status, cayenne.country) == ("outside", "FRA")
    las_palmas = check(28.10, -15.43)
    assert (las_palmas.status, las_palmas.country, las_palmas.confidence) == (
        "inside",
        "ESP",
        "medium",
    )


@needs_countries
def test_crimea_is_ukraine() -> None:
    simferopol = check(44.95, 34.10)
    assert (simferopol.status, simferopol.country) == ("inside", "UKR")


@needs_countries
def test_every_russian_arctic_island_is_decided_on_its_side() -> None:
    # Novaya Zemlya, Vaygach and Franz Josef Land are west of the Kara Sea line (Europe);
    # Yamal's islands, Bely, Vize and Severnaya Zemlya east. None falls in the band.
    seen = 0
    for polygon, part in zip(
        zone.default_zone()._polygons, zone.default_zone()._parts, strict=True
    ):
        x0, y0, x1, _ = polygon.bounds
        if part.iso3 != "RUS" or y0 < 69 or x0 > 105 or x1 < 45:
            continue
        point = polygon.representative_point()
        result = check(point.y, point.x)
        expected = "inside" if point.x < 66.0 else "outside"
        assert result.status == expected, (point.y, point.x, result.reason)
        seen += 1
    assert seen > 30


# ---------------------------------------------------------------------------------------------
# The sea


@needs_countries
def test_baltic_sea_is_inside_as_sea_area() -> None:
    result = check(55.5, 18.0)
    assert result.status == "inside"
    assert result.sea is True
    assert "only as part of a notifiable land activity" in result.reason
    assert result.reason.startswith("Inside (sea area): ")


@needs_countries
def test_atlantic_far_from_europe_is_outside() -> None:
    result = check(0.0, -30.0)
    assert result.status == "outside"
    assert result.sea is True


@needs_countries
def test_sea_follows_the_nearest_coast() -> None:
    assert check(68.0, 0.0).status == "inside"  # Norwegian Sea, ~460 km off Norway
    assert check(31.8, 18.5).status == "outside"  # Gulf of Sidra, off Libya
    assert check(37.5, 51.0).status == "outside"  # southern Caspian, off Iran
    kara_west = check(74.0, 62.0)  # off Novaya Zemlya
    kara_east = check(72.0, 67.5)  # off Yamal
    assert (kara_west.status, kara_west.sea) == ("inside", True)
    assert (kara_east.status, kara_east.sea) == ("outside", True)
    assert check(50.0, -30.0).status == "outside"  # mid-Atlantic, over 1,000 km from coasts


@needs_countries
def test_point_just_off_a_generalised_coast_counts_as_land() -> None:
    funchal = check(32.65, -16.92)
    assert funchal.sea is False and funchal.country == "PRT"
    assert "1:50m coastline" in funchal.reason


@needs_countries
@pytest.mark.parametrize(
    ("lat", "lon"), [(90.0, 0.0), (-90.0, 0.0), (65.0, -179.99), (0.0, 180.0), (0.0, -180.0)]
)
def test_poles_and_antimeridian(lat: float, lon: float) -> None:
    result = check(lat, lon)
    assert isinstance(result, ZoneResult)
    assert result.status == "outside"


# ---------------------------------------------------------------------------------------------
# Bad input and bad data


@pytest.mark.parametrize(
    ("lat", "lon"),
    [
        (90.5, 0.0),
        (-91.0, 10.0),
        (10.0, 180.01),
        (10.0, -200.0),
        (math.nan, 10.0),
        (10.0, math.nan),
        (math.inf, 0.0),
        ("north", 0.0),
        (True, 0.0),
    ],
)
def test_impossible_coordinates_raise_usage_error(lat: object, lon: object) -> None:
    with pytest.raises(UsageError):
        check(lat, lon)  # type: ignore[arg-type]


def test_missing_country_file_says_run_make_install(tmp_path: Path) -> None:
    with pytest.raises(RulesetError, match="make install"):
        Zone(tmp_path / "countries.geojson", zone.line_path())


def test_wrong_country_file_says_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "countries.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": []}), encoding="utf-8")
    with pytest.raises(RulesetError, match="rebuild"):
        Zone(path, zone.line_path())


def test_bundled_line_validates() -> None:
    line = load_line(zone.line_path())
    assert line.uncertain_km == 30
    assert line.confidence == "low"
    assert len(line.line) >= 20
    ids = {s.id for s in line.sources}
    assert all(v.source in ids for v in line.line)
    # North to south overall: it starts in the Arctic and ends at the Ural mouth.
    assert line.line[0].lat > 80 and 46 < line.line[-1].lat < 48


def _bad_copy(tmp_path: Path, old: str, new: str) -> Path:
    text = zone.line_path().read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "ural_line.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_number(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, text in enumerate(lines, start=1) if needle in text)


def test_bad_vertex_names_file_line_and_field(tmp_path: Path) -> None:
    path = _bad_copy(tmp_path, "{lat: 82.0, lon: 71.0,", "{lat: 95.0, lon: 71.0,")
    with pytest.raises(InputError) as caught:
        load_line(path)
    assert isinstance(caught.value, RulesetError)
    message = str(caught.value)
    assert f"{path}:{_line_number(path, 'lat: 95.0')}" in message
    assert "line[0].lat" in message


def test_unknown_source_names_file_and_line(tmp_path: Path) -> None:
    path = _bad_copy(tmp_path, "source: narodnaya,", "source: nosuch,")
    with pytest.raises(RulesetError) as caught:
        load_line(path)
    message = str(caught.value)
    assert "no source with id 'nosuch'" in message
    assert f"{path}:{_line_number(path, 'nosuch')}" in message


MINIMAL_LINE = """\
version: 1
title: test
confidence: low
uncertain_km: 30
uncertain_km_rationale: test
sources:
  - {id: s, url: "https://example.org/", publisher: test, says: test}
line:
%s
west_closure:
  note: test
  points:
    - {lat: -20.0, lon: 5.0}
"""


def _minimal(tmp_path: Path, points: list[tuple[float, float]]) -> Path:
    vertices = "\n".join(
        f"  - {{lat: {lat}, lon: {lon}, name: v, source: s, placed: compiler}}"
        for lat, lon in points
    )
    path = tmp_path / "ural_line.yaml"
    path.write_text(MINIMAL_LINE % vertices, encoding="utf-8")
    return path


def test_minimal_line_file_loads(tmp_path: Path) -> None:
    assert len(load_line(_minimal(tmp_path, [(10.0, 0.0), (0.0, 10.0)])).line) == 2


def test_crossing_line_is_refused(tmp_path: Path) -> None:
    bowtie = [(0.0, 0.0), (10.0, 10.0), (0.0, 10.0), (10.0, 0.0)]
    with pytest.raises(RulesetError, match="crosses itself"):
        load_line(_minimal(tmp_path, bowtie))


# ---------------------------------------------------------------------------------------------
# The TopoJSON decoder


Arcs = list[list[list[int]]]


def _topology(arcs: Arcs, rings: list[list[int]], **extra: object) -> dict[str, Any]:
    return {
        "type": "Topology",
        "arcs": arcs,
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {
                        "type": "Polygon",
                        "id": "250",
                        "properties": {"name": "France"},
                        "arcs": rings,
                    }
                ],
            }
        },
        **extra,
    }


def test_decoder_applies_delta_encoding_and_transform() -> None:
    topology = _topology(
        [[[0, 0], [1, 0], [0, 1]], [[1, 1], [-1, 0], [0, -1]]],
        [[0, 1]],
        transform={"scale": [0.5, 2.0], "translate": [10.0, 20.0]},
    )
    built = zone_build.build(topology, "test", "0")
    (feature,) = built["features"]
    assert feature["properties"]["iso3"] == "FRA"
    (polygon,) = feature["geometry"]["coordinates"]
    ring = [tuple(p) for p in polygon[0]]
    assert ring[0] == ring[-1]
    assert set(ring) == {(10.0, 20.0), (10.5, 20.0), (10.5, 22.0), (10.0, 22.0)}


def test_decoder_reverses_negative_arc_indexes() -> None:
    # ~1 is arc 1 reversed, ~0 arc 0 reversed: the same square, the other way round.
    topology = _topology([[[0, 0], [1, 0], [1, 1]], [[1, 1], [0, 1], [0, 0]]], [[~1, ~0]])
    ring = zone_build.build(topology, "test", "0")["features"][0]["geometry"]["coordinates"][0][0]
    assert {tuple(p) for p in ring} == {(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)}


def test_decoder_splits_rings_across_the_antimeridian() -> None:
    ring = [[170, 10], [-170, 10], [-170, 20], [170, 20], [170, 10]]
    topology = _topology([ring], [[0]])
    polygons = zone_build.build(topology, "test", "0")["features"][0]["geometry"]["coordinates"]
    spans = sorted((min(p[0] for p in poly[0]), max(p[0] for p in poly[0])) for poly in polygons)
    assert spans == [(-180.0, -170.0), (170.0, 180.0)]


def test_codes_by_name() -> None:
    assert zone_build.iso3_for(None, "Kosovo") == "XKX"
    assert zone_build.iso3_for(None, "N. Cyprus") == "CYP"
    assert zone_build.iso3_for("643", "Russia") == "RUS"
    assert zone_build.iso3_for("036", "Australia") == "AUS"


def test_build_cli_usage_error() -> None:
    assert zone_build.main([]) == 2


@pytest.mark.skipif(not WORLD_ATLAS.is_file(), reason="node_modules/world-atlas is absent")
def test_build_from_world_atlas(tmp_path: Path) -> None:
    out = tmp_path / "countries.geojson"
    assert zone_build.main([str(WORLD_ATLAS), str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["csbm"]["format"] == 1
    assert data["csbm"]["source"] == "world-atlas@2.0.2 countries-50m.json"
    names = {(f["properties"]["iso3"], f["properties"]["name"]) for f in data["features"]}
    assert ("UKR", "Ukraine (Crimea)") in names
    assert ("RUS", "Russia") in names
    assert len(data["features"]) > 200
