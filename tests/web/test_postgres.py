"""The same app on PostgreSQL: one server over the bundled record, pages and a write."""

from __future__ import annotations

import httpx

from tests.conftest import BUNDLED
from tests.web.conftest import Server


def test_postgres_smoke(pg_server_url: Server) -> None:
    with httpx.Client(base_url=pg_server_url.url, timeout=60) as c:
        rows = c.get("/activities.json").json()["rows"]
        assert len(rows) == len(list(BUNDLED.glob("*.yaml")))
        page = c.get("/activities/zapad-2017")
        assert page.status_code == 200 and "Zapad-2017" in page.text
        data = c.get("/activities/zapad-2017.json").json()
        assert data["verdicts"] and data["evidence"]
        assert c.get("/states/RUS/2017.json").json()["findings"]
        assert c.post("/api/activities/zapad-2017/claims", json={"text": "x"}).status_code == 401
        r = c.post(
            "/api/activities/zapad-2017/claims",
            json={
                "text": "Zapad-2017 involved about 100,000 troops, Ukraine's ministry said.",
                "published": "2017-09-20",
                "url": "https://example.org/pg-smoke",
            },
            headers={"Authorization": f"Bearer {pg_server_url.token}"},
        )
        assert r.status_code == 200, r.text
        assert r.json()["claims_added"]
        after = c.get("/activities/zapad-2017.json").json()
        assert len(after["evidence"]) == len(data["evidence"]) + len(r.json()["claims_added"])
