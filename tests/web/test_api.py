"""Every JSON twin and page against the running server (see conftest.py)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import httpx
import pytest

from tests.web.conftest import Server

UR = "union-resolve-2022"
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / f"{UR}-article.txt"


def no_traceback(text: str) -> None:
    assert "Traceback" not in text
    assert 'File "' not in text


# ---------------------------------------------------------------------------------------
# JSON twins


def test_activities_json_lists_the_record(client: httpx.Client) -> None:
    data = client.get("/activities.json").json()
    ids = {r["id"] for r in data["rows"]}
    assert data["total"] >= 49 and data["count"] == len(data["rows"]) >= 49
    assert {UR, "zapad-2017", "zapad-2021"} <= ids
    row = next(r for r in data["rows"] if r["id"] == UR)
    assert row["conducting_states"] == ["RUS", "BLR"]
    assert row["ruleset"] == "vd2011"
    assert set(row["notification"]) == {"declared", "independent", "all"}
    assert "borders" in data["provenance"] and "MIT" in data["provenance"]["software"]


def test_activities_timeline_json(client: httpx.Client) -> None:
    """The timeline's data in the JSON twin: colours from the headline line, busiest States
    first, an opening window of at most two years that ends with the last year held."""
    data = client.get("/activities.json").json()
    t = data["timeline"]
    assert len(t["items"]) >= data["count"]
    tones = {x["tone"] for x in t["legend"]}
    assert {x["tone"] for x in t["items"]} <= tones
    assert sum(x["count"] for x in t["legend"]) == data["count"]
    ur = next(r for r in data["rows"] if r["id"] == UR)
    assert ur["headline"]["rule"] == "ch05.prior_notification"
    assert ur["headline"]["text"].startswith("Prior notification: ")
    ur_item = next(x for x in t["items"] if x["activity"] == UR)
    assert ur_item["headline"] == ur["headline"]["text"] and ur_item["tone"] == ur["tone"]
    # A settled outcome gives its colour; an open one its lean's.
    for r in data["rows"]:
        h = r["headline"]
        if h is None:
            assert r["tone"] == "none"
        elif h["outcome"] in ("compliant", "non_compliant", "not_applicable"):
            assert r["tone"] == h["outcome"]
        elif h["lean"] in ("compliant", "non_compliant"):
            assert r["tone"] == "lean_" + h["lean"]
    counts = [s["count"] for s in t["states"]]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    last = max(int(x["end"][:4]) for x in t["items"])
    assert t["window"]["end"] == f"{last + 1}-01-01"
    assert last + 1 - int(t["window"]["start"][:4]) <= 2
    assert t["all"]["start"] == f"{min(t['years'])}-01-01"
    # Filtered to one year, the window is that year.
    one = client.get("/activities.json", params={"year": 2021}).json()["timeline"]
    assert one["window"]["start"][:4] >= "2020" and one["window"]["end"][:4] <= "2023"
    page = client.get("/activities").text
    assert 'id="timeline-legend"' in page
    for x in t["legend"]:
        assert (f'class="swatch t-{x["tone"]}"' in page) == (x["count"] > 0)


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
WORDED_DAY = re.compile(rf"\b\d{{1,2}} {_MONTH},? \d{{4}}\b|\b{_MONTH} \d{{1,2}}, \d{{4}}\b")


def test_dates_are_iso_on_every_page(client: httpx.Client) -> None:
    """No page writes a day in words ("9 April 2021"): the record's source names and notes
    carry such days, and pages print them as ISO dates. Quotes stay as quoted; date fields
    are text fields taking YYYY-MM-DD (a browser's date picker shows the reader's locale)."""
    ids = [r["id"] for r in client.get("/activities.json").json()["rows"]]
    rules = [r["id"] for r in client.get("/rules.json").json()["rules"]]
    paths = ["/activities", "/rules", "/rules/diff?a=vd1999&b=vd2011", "/record/gaps"]
    paths += ["/extract", "/import", "/login", "/states", "/states/RUS/2021"]
    paths += [f"/activities/{i}" for i in ids] + [f"/rules/{r}" for r in rules]
    worded: dict[str, list[str]] = {}
    converted = 0
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        text = re.sub(r"<script.*?</script>", "", response.text, flags=re.S)
        assert 'type="date"' not in text, path
        text = re.sub(r'<td class="quote">.*?</td>', "", text, flags=re.S)
        converted += text.count("2012-04-16")  # a source named with its day in words
        for m in WORDED_DAY.finditer(html.unescape(text)):
            worded.setdefault(m[0], []).append(path)
    assert worded == {}, {k: v[:3] for k, v in worded.items()}
    assert converted > 0
    # The JSON twins keep the record's text as it is.
    assert "16 April 2012" in client.get("/rules.json").text


def test_states_index(client: httpx.Client) -> None:
    data = client.get("/states.json").json()
    by_code = {s["code"]: s for s in data["states"]}
    assert {"RUS", "BLR", "POL", "USA"} <= set(by_code) and data["provenance"]
    rows = client.get("/activities.json").json()["rows"]
    assert by_code["RUS"]["conducted"] == sum("RUS" in r["conducting_states"] for r in rows)
    assert 2021 in by_code["RUS"]["years"] and by_code["RUS"]["participating"]
    busy = [s["conducted"] + s["hosted"] for s in data["states"]]
    assert busy == sorted(busy, reverse=True)
    assert all(s["sources"] for s in data["states"] if s["participating"])
    page = client.get("/states").text
    assert '<a href="/states/RUS/2021">2021</a>' in page
    assert page.count("<tr>") - 1 == data["count"]
    # Every year link opens.
    assert client.get("/states/RUS/2021").status_code == 200


def test_activities_json_filters_and_sorts(client: httpx.Client) -> None:
    by_state = client.get("/activities.json", params={"state": "blr", "year": 2022}).json()
    assert by_state["rows"] and all(
        "BLR" in r["conducting_states"] + r["host_states"] for r in by_state["rows"]
    )
    assert all(r["start"][:4] <= "2022" <= r["end"][:4] for r in by_state["rows"])
    alias = client.get("/activities.json", params={"q": "allied resolve"}).json()
    assert UR in [r["id"] for r in alias["rows"]]
    old = client.get("/activities.json", params={"ruleset": "vd1999"}).json()
    assert old["rows"] and all(r["ruleset"] == "vd1999" for r in old["rows"])
    nc = client.get(
        "/activities.json", params={"verdict": "non_compliant", "scenario": "independent"}
    ).json()
    assert all(r["notification"]["independent"] == "non_compliant" for r in nc["rows"])
    signals = client.get("/activities.json").json()["choices"]["signals"]
    assert signals
    fired = client.get("/activities.json", params={"signal": signals[0]}).json()
    assert fired["rows"] and all(signals[0] in r["signals"] for r in fired["rows"])
    starts = [
        r["start"]
        for r in client.get("/activities.json", params={"sort": "start", "order": "desc"}).json()[
            "rows"
        ]
    ]
    assert starts == sorted(starts, reverse=True)


def test_activity_json_is_the_shared_view(client: httpx.Client) -> None:
    data = client.get(f"/activities/{UR}.json").json()
    assert data["activity"]["id"] == UR
    assert [v["scenario"] for v in data["verdicts"]] == ["declared", "independent", "all"]
    assert all(v["line"].startswith(v["label"]) for v in data["verdicts"])
    notify = next(
        f
        for f in data["findings"]
        if f["rule"] == "ch05.prior_notification" and f["scenario"] == "independent"
    )
    assert notify["reason"] and notify["claims"] and notify["parameters"]
    assert {"instrument", "paragraph", "verified", "label"} <= set(notify["citations"][0])
    assert notify["deadline"]["due"] == "2021-12-30"
    ev = data["evidence"][0]
    assert {"claim_id", "source_id", "publisher", "source_kind", "grade", "figure"} <= set(ev)
    kinds = {e["kind"] for e in data["timeline"]}
    assert {"activity", "deadline", "act"} <= kinds
    assert data["locations"] and all("lat" in p and "lon" in p for p in data["locations"])
    assert data["sources"] and data["provenance"]


def test_activity_as_known_on_a_date(client: httpx.Client) -> None:
    # On the first day of the exercise the Baltic request was known, Belarus's reply of
    # 2022-02-11 was not: it is left out and the reply rule has nothing to judge yet.
    data = client.get(f"/activities/{UR}.json", params={"as_of": "2022-02-10"}).json()
    assert data["judging"]["as_of"] == "2022-02-10" and data["as_of"] == "2022-02-10"
    assert "blr-chapter3-reply-2022-02-11" in data["acts_left_out"]
    everything = client.get(f"/activities/{UR}.json").json()
    assert everything["acts_left_out"] == [] and everything["judging"]["as_of"] is None
    page = client.get(f"/activities/{UR}", params={"as_of": "2022-02-10"}).text
    assert "as known on 2022-02-10" in page and "blr-chapter3-reply-2022-02-11" in page


def test_activity_under_a_what_if_overlay_shows_what_changes(client: httpx.Client) -> None:
    data = client.get("/activities/zapad-2017.json", params={"overlay": "lower-thresholds"})
    what_if = data.json()["what_if"]
    assert [o["id"] for o in what_if["overlays"]] == ["lower-thresholds"]
    assert what_if["changes"] and all(
        c["baseline_outcome"] != c["overlay_outcome"] for c in what_if["changes"]
    )
    page = client.get("/activities/zapad-2017", params={"overlay": "lower-thresholds"}).text
    assert "What the overlay changes" in page and "under the what-if lower-thresholds" in page
    # A form sends empty fields: the same as no choice at all.
    plain = client.get("/activities/zapad-2017.json", params={"as_of": "", "overlay": ""})
    assert plain.json()["what_if"] is None


def test_activity_bottom_line_with_leans_strict_and_assume(client: httpx.Client) -> None:
    data = client.get(f"/activities/{UR}.json").json()
    lines = {x["rule"]: x for x in data["obligations"]["lines"]}
    notify = lines["ch05.prior_notification"]
    assert notify["outcome"] == "indeterminate" and notify["lean"] == "non_compliant"
    assert notify["text"].startswith("Prior notification: very likely not kept (85%)")
    assert any("zone" in s for s in data["obligations"]["scope"])
    finding = next(
        f
        for f in data["findings"]
        if f["rule"] == "ch05.prior_notification" and f["scenario"] == "all"
    )
    assert finding["hinges_on"][0]["fact"] == "single_operational_command"
    assert finding["presumptions"] and finding["likelihood"]["words"] == "very likely"
    page = client.get(f"/activities/{UR}").text
    assert "Bottom line" in page and "very likely not kept (85%)" in page
    strict = client.get(f"/activities/{UR}.json", params={"strict": "true"}).json()
    lines = {x["rule"]: x for x in strict["obligations"]["lines"]}
    assert lines["ch05.prior_notification"]["lean"] is None
    assert strict["judging"]["strict"] is True
    # The form sends several facts in one field, separated by commas.
    given = client.get(
        f"/activities/{UR}.json",
        params={"assume": "single_operational_command=false, alert=false"},
    ).json()
    assert given["judging"]["assume"] == ["single_operational_command=false", "alert=false"]
    lines = {x["rule"]: x for x in given["obligations"]["lines"]}
    assert lines["ch05.prior_notification"]["outcome"] == "not_applicable"
    page = client.get(f"/activities/{UR}", params={"assume": "single_operational_command=false"})
    assert "Conditional on: single_operational_command=false" in page.text


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"assume": "single_command=true"}, "did you mean single_operational_command"),
        ({"as_of": "2022-02-30"}, "as_of must be a date"),
        ({"overlay": "no-such-overlay"}, "no bundled overlay 'no-such-overlay'"),
        # Only bundled overlays by id: never a path on the server.
        ({"overlay": "/etc/passwd"}, "no bundled overlay"),
    ],
)
def test_activity_judging_refuses_bad_values(
    client: httpx.Client, params: dict[str, str], words: str
) -> None:
    for suffix in (".json", ""):
        response = client.get(f"/activities/{UR}{suffix}", params=params)
        assert response.status_code == 400 and words in html.unescape(response.text)
        no_traceback(response.text)


def test_parts_and_parent_are_linked(client: httpx.Client) -> None:
    rows = client.get("/activities.json").json()["rows"]
    part = next(r for r in rows if r["parent"])
    child = client.get(f"/activities/{part['id']}.json").json()
    assert child["links"]["parent"] == part["parent"]
    parent = client.get(f"/activities/{part['parent']}.json").json()
    assert part["id"] in parent["links"]["parts"]
    html = client.get(f"/activities/{part['id']}").text
    assert f'href="/activities/{part["parent"]}"' in html


def test_state_year_json(client: httpx.Client) -> None:
    data = client.get("/states/RUS/2021.json").json()
    assert data["state"] == "RUS" and data["year"] == 2021
    assert data["name"] == "Russian Federation"
    assert "zapad-2021" in [a["id"] for a in data["activities"]]
    rules = {f["rule"] for f in data["findings"]}
    assert {"ch08.constraint_1", "ch08.constraint_2"} <= rules
    assert all(f["reason"] for f in data["findings"])
    c1 = next(f for f in data["findings"] if f["rule"] == "ch08.constraint_1")
    assert "zapad-2021" in c1["activities_named"]
    assert "".join(p["text"] for p in c1["reason_parts"]) == c1["reason"]
    page = client.get("/states/RUS/2021").text
    assert 'href="/activities/zapad-2021"' in page
    empty = client.get("/states/AUT/1995.json").json()
    assert empty["findings"] == [] and "No activity" in empty["note"]


def test_rules_json(client: httpx.Client) -> None:
    rules = client.get("/rules.json").json()["rules"]
    ids = [r["id"] for r in rules]
    assert "ch05.prior_notification" in ids and all(r["summary"] for r in rules)
    one = client.get("/rules/ch05.prior_notification.json").json()
    troops = next(p for p in one["parameters"] if p["path"] == "ch05.land.troops")
    assert [v["value"] for v in troops["values"]][-1] == 9000
    assert all("verified" in v["citation"] for v in troops["values"])
    diff = client.get("/rules/diff.json", params={"a": "vd1999", "b": "vd2011"}).json()
    assert diff["a"] == "vd1999" and isinstance(diff["rows"], list)
    back = client.get("/rules/diff.json", params={"a": "vd1990", "b": "vd2011"}).json()
    assert "ch05.land.troops" in [r["parameter"] for r in back["rows"]]


def test_extract_json_reads_with_spans(client: httpx.Client) -> None:
    info = client.get("/extract.json").json()
    assert UR in [a["id"] for a in info["activities"]]
    text = "Zapad-2017 will involve 12,700 troops, the Belarusian ministry said on 29 August."
    data = client.post("/extract.json", json={"text": text, "published": "2017-08-29"}).json()
    assert data["claims"], data
    c = data["claims"][0]
    assert c["value"] == 12700 and text[c["start"] : c["end"]] == c["quote"]
    # The segments cover the text exactly once, in order.
    assert "".join(s["text"] for s in data["highlights"]) == text
    assert any(s["kind"] == "figure" for s in data["highlights"])


def test_pages_render_with_provenance(client: httpx.Client) -> None:
    for path in [
        "/",
        "/activities",
        f"/activities/{UR}",
        "/states/RUS/2021",
        "/rules",
        "/rules/ch05.prior_notification",
        "/rules/diff?a=vd1999&b=vd2011",
        "/rules/diff",
        "/extract",
        "/import",
        "/login",
    ]:
        r = client.get(path)
        assert r.status_code == 200, path
        assert r.headers["content-type"].startswith("text/html")
        assert "Natural Earth" in r.text and "MIT licence" in r.text, path
    page = client.get(f"/activities/{UR}").text
    assert "(unverified)</small>" in page  # citations show whether they were checked
    rule = client.get("/rules/ch05.prior_notification").text
    assert "(unverified) <small>" not in rule  # said once per citation
    assert "lsm-2022-02-baltic-demand" in page  # the sources are named
    assert 'id="independent-ch05.prior_notification"' in page  # findings can be linked
    assert "Not on the timeline (no date on record)" in page  # undated acts are still shown


def test_map_layers(client: httpx.Client) -> None:
    countries = client.get("/geo/countries.geojson").json()
    names = {f["properties"]["iso3"] for f in countries["features"]}
    assert {"BLR", "RUS", "POL"} <= names and "Natural Earth" in countries["licence"]
    zone = client.get("/geo/zone.geojson").json()
    kinds = [f["geometry"]["type"] for f in zone["features"]]
    assert kinds[0] in ("Polygon", "MultiPolygon") and kinds[1] == "LineString"


# ---------------------------------------------------------------------------------------
# Errors: a message, never a traceback


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/activities/no-such-activity", 404, "no activity 'no-such-activity'"),
        ("/activities/no-such-activity.json", 404, "no activity"),
        ("/activities/%3Cscript%3E", 404, "no activity"),
        ("/states/RUS/abcd", 400, "not a year"),
        ("/states/RUS/1700.json", 400, "not a year"),
        ("/states/R1S/2020", 400, "not a State code"),
        ("/states/QQQ/2020.json", 404, "neither a participating State"),
        ("/rules/no.such.rule", 404, "no rule"),
        ("/rules/diff.json?a=vd1999&b=vd3000", 400, "not a ruleset"),
        ("/activities?year=abc", 400, "year must be a year"),
        ("/activities.json?year=99999", 400, "year must be a year"),
        ("/activities.json?sort=evil", 400, "sort must be one of"),
        ("/nowhere", 404, "there is no page at /nowhere"),
    ],
)
def test_errors_are_messages(client: httpx.Client, path: str, status: int, words: str) -> None:
    r = client.get(path)
    assert r.status_code == status, r.text
    no_traceback(r.text)
    if r.headers["content-type"].startswith("application/json"):
        assert words in r.json()["error"]["message"]
    else:
        assert words in r.text.replace("&#39;", "'")
    assert "<script>" not in r.text


# ---------------------------------------------------------------------------------------
# OpenAPI


def test_openapi_document(client: httpx.Client) -> None:
    doc = client.get("/openapi.json").json()
    assert doc["openapi"].startswith("3.") and doc["info"]["title"] == "csbm"
    paths = doc["paths"]
    for p in [
        "/activities.json",
        "/activities/{activity_id}.json",
        "/states/{code}/{year}.json",
        "/rules.json",
        "/rules/{rule_id}.json",
        "/rules/diff.json",
        "/extract.json",
        "/api/activities/{activity_id}/claims",
        "/api/dossiers",
        "/import.json",
    ]:
        assert p in paths, p
    ids = []
    for path, ops in paths.items():
        for method, op in ops.items():
            assert method in {"get", "post", "put", "delete", "patch"}, path
            assert op["responses"], (path, method)
            ids.append(op["operationId"])
            for param in op.get("parameters", []):
                if param["in"] == "path":
                    assert "{" + param["name"] + "}" in path
    assert len(ids) == len(set(ids))
    writes = [paths["/api/dossiers"]["post"], paths["/api/activities/{activity_id}/claims"]["post"]]
    assert all(op.get("security") for op in writes)
    scheme = next(iter(doc["components"]["securitySchemes"].values()))
    assert scheme["type"] == "http" and scheme["scheme"] == "bearer"
    # Every $ref points at a schema that exists.
    schemas = doc["components"]["schemas"]
    refs = re.findall(r'"\$ref": ?"#/components/schemas/([^"]+)"', client.get("/openapi.json").text)
    assert refs and all(r in schemas for r in refs)


def test_no_swagger_from_a_cdn(client: httpx.Client) -> None:
    assert client.get("/docs").status_code == 404


def test_static_vendor_assets_are_served(client: httpx.Client) -> None:
    for path in [
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/chart.js/chart.umd.min.js",
        "/static/vendor/vis-timeline/vis-timeline-graph2d.min.js",
    ]:
        r = client.get(path)
        assert r.status_code == 200 and len(r.content) > 10_000, path


def test_seed_article_is_beside_the_checkout() -> None:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    assert "Union Resolve 2022" in SEED.read_text(encoding="utf-8")


def test_server_fixture_uses_a_real_file(server: Server) -> None:
    assert Path(server.db).stat().st_size > 0
