"""The map and timeline SVG builders: well-formed, complete, escaped, pure."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

from csbm.report.svg_map import ATTRIBUTION, map_svg
from csbm.report.svg_timeline import day_text, timeline_svg, undated_acts
from tests.report.conftest import HOSTILE

SVG = "{http://www.w3.org/2000/svg}"
View = Callable[[str], dict[str, Any]]


def _parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def test_map_of_union_resolve_has_borders_zone_and_every_place(bundled_view: View) -> None:
    view = bundled_view("union-resolve-2022")
    svg = map_svg(view["locations"])
    assert svg is not None
    root = _parse(svg)
    places = root.findall(f"{SVG}g[@class='place']")
    assert len(places) == len(view["locations"]) == 6
    countries = {p.get("data-iso3") for p in root.iter(f"{SVG}path") if p.get("data-iso3")}
    assert {"BLR", "POL", "LTU", "UKR"} <= countries
    # Belarus is in the zone of application: tinted as inside.
    blr = [p for p in root.iter(f"{SVG}path") if p.get("data-iso3") == "BLR"]
    assert all("inside" in (p.get("class") or "") for p in blr)
    for loc in view["locations"]:
        assert loc["name"] in svg
    assert ATTRIBUTION in svg
    # Simplified and clipped: a few kilobytes, not the whole world.
    assert len(svg) < 40_000


def test_map_marks_the_ural_line_and_outside_land(bundled_view: View) -> None:
    svg = map_svg([{"name": "Orenburg", "lat": 51.77, "lon": 55.1}])
    assert svg is not None
    assert 'class="ural-line"' in svg
    # Tsentr 2019 reaches east of the Urals: the zone's edge on land is drawn, with its key.
    tsentr = map_svg(bundled_view("tsentr-2019")["locations"])
    assert tsentr is not None
    assert 'class="zone-edge"' in tsentr and "the zone's edge on land" in tsentr
    assert 'class="zone-edge"' not in (
        map_svg(bundled_view("union-resolve-2022")["locations"]) or ""
    )
    vostok = map_svg(bundled_view("vostok-2018")["locations"])
    assert vostok is not None
    assert "country outside" in vostok


def test_map_is_none_without_coordinates(bundled_view: View) -> None:
    assert map_svg([]) is None
    assert map_svg([{"name": "somewhere", "lat": None, "lon": None}]) is None
    assert map_svg(bundled_view("kavkaz-2016-snap-check")["locations"]) is None


def test_map_escapes_names() -> None:
    svg = map_svg([{"name": f'{HOSTILE} "q" & \x00', "lat": 53.9, "lon": 27.56}])
    assert svg is not None
    _parse(svg)
    assert HOSTILE not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert "<script" not in svg


def test_map_is_pure() -> None:
    places = [{"name": "Minsk", "lat": 53.9, "lon": 27.56}]
    assert map_svg(places) == map_svg(list(places))
    assert places == [{"name": "Minsk", "lat": 53.9, "lon": 27.56}]


def test_timeline_of_union_resolve(bundled_view: View) -> None:
    view = bundled_view("union-resolve-2022")
    svg = timeline_svg(view["timeline"], undated=undated_acts(view["acts"]))
    assert svg is not None
    root = _parse(svg)
    events = [g for g in root.iter(f"{SVG}g") if "event" in (g.get("class") or "")]
    assert len(events) == len(view["timeline"])
    for e in view["timeline"]:
        assert e["label"] in svg
    assert "Union Resolve 2022: 10 Feb 2022 to 20 Feb 2022" in svg
    assert "Notification due: 30 Dec 2021 (missed)" in svg
    assert "Chapter III reply: 11 Feb 2022 (done)" in svg
    # The year-long gap before the activity is drawn as a labelled break.
    assert "months" in svg
    assert "Prior notification by BLR: not made" in svg


def test_timeline_none_and_escaping() -> None:
    assert timeline_svg([]) is None
    assert timeline_svg([{"date": None, "kind": "act", "label": "x"}]) is None
    svg = timeline_svg(
        [{"date": "2022-02-09", "end": None, "kind": "act", "label": HOSTILE, "status": "made"}],
        undated=[HOSTILE],
    )
    assert svg is not None
    _parse(svg)
    assert "<script" not in svg
    assert svg.count("&lt;script&gt;") == 3  # title, label, undated line


def test_day_text() -> None:
    from datetime import date

    assert day_text(date(2022, 2, 9)) == "9 Feb 2022"


def test_long_texts_are_cut_to_fit_with_the_full_text_kept() -> None:
    name = "A place with a very long description " * 6
    svg = map_svg([{"name": name, "lat": 53.9, "lon": 27.56}])
    assert svg is not None
    root = _parse(svg)
    legend = next(t for t in root.iter(f"{SVG}text") if t.get("class") == "legend")
    assert "".join(legend.itertext()).count("…") == 1
    assert f"<title>{name}</title>" in svg
    label = "Chapter III meeting " * 10
    timeline = timeline_svg(
        [{"date": "2022-02-14", "end": None, "kind": "act", "label": label, "status": "made"}]
    )
    assert timeline is not None
    texts = ["".join(t.itertext()) for t in _parse(timeline).iter(f"{SVG}text")]
    assert any(t.endswith("…") and len(t) < 120 for t in texts)
    assert label in timeline  # in the event's title
