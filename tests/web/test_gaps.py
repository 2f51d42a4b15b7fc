"""The research list `/record/gaps` and its JSON twin, over real HTTP against the running app."""

from __future__ import annotations

import httpx

from csbm.data import dossiers_dir
from csbm.model.load import load_dossiers
from csbm.record.gaps import gaps_json, record_gaps


def test_gaps_json_is_the_cli_list(client: httpx.Client) -> None:
    r = client.get("/record/gaps.json", params={"activity": ["aurora-23", "union-resolve-2022"]})
    assert r.status_code == 200
    data = r.json()
    assert "provenance" in data and data["method"] == "docs/gaps.md"
    want = gaps_json(
        record_gaps(
            d
            for d in load_dossiers([dossiers_dir()])
            if d.activity.id in {"aurora-23", "union-resolve-2022"}
        )
    )
    assert data["gaps"] == want["gaps"]
    assert data["gaps"][0]["activity"] == "union-resolve-2022"  # settles the most
    counts = [(g["would_settle"], len(g["bears_on"])) for g in data["gaps"]]
    assert counts == sorted(counts, reverse=True)
    assert data["coverage"]["dossiers"] >= 60


def test_gaps_page_links_its_twin_and_the_activities(client: httpx.Client) -> None:
    page = client.get("/record/gaps", params={"activity": "aurora-23"}).text
    assert 'href="/record/gaps.json?activity=aurora-23"' in page
    assert 'href="/activities/aurora-23"' in page
    assert "notification by SWE: not on record" in page
    assert "<code>ch05.prior_notification</code>" in page
    assert 'href="/record/gaps"' in client.get("/rules").text  # in the navigation


def test_gaps_unknown_activity_is_404(client: httpx.Client) -> None:
    assert client.get("/record/gaps.json", params={"activity": "no-such"}).status_code == 404
    assert client.get("/record/gaps", params={"activity": "no-such"}).status_code == 404
