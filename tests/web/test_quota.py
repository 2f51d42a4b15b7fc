"""The State-year quota page and its JSON twin, over real HTTP against the running app."""

from __future__ import annotations

import httpx


def test_quota_json_gives_the_ledger(client: httpx.Client) -> None:
    r = client.get("/states/RUS/2014/quota.json")
    assert r.status_code == 200
    data = r.json()
    inspections = data["ledgers"]["inspection"]
    assert (inspections["quota"], inspections["used"], inspections["remaining"]) == (3, 3, 0)
    assert inspections["exhausted_on"] == "2014-03-19" and inspections["exhausted_by"] == 3
    assert {f["rule"] for f in data["findings"]} >= {
        "ch09.inspection_quota",
        "ch01.annual_exchange",
    }
    assert "provenance" in data


def test_quota_page_shows_the_ledger_and_links_its_twin(client: httpx.Client) -> None:
    page = client.get("/states/RUS/2017/quota").text
    assert "Quota exhausted on or before 2017-01-16 by 3" in page
    assert 'href="/states/RUS/2017/quota.json"' in page
    assert "UKR" in page and "DEU" in page and "SRB" in page
    assert 'id="source-lb-2017-01-15"' in page
    assert "/states/RUS/2017/quota" in client.get("/states/RUS/2017").text


def test_quota_unknown_state_year_and_bad_input(client: httpx.Client) -> None:
    assert client.get("/states/AUT/1995/quota.json").status_code == 404
    assert client.get("/states/RUSS/2014/quota").status_code == 400
    assert client.get("/states/RUS/20x4/quota.json").status_code == 400
