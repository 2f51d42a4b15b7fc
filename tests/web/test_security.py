"""Writes need a token; forms need a CSRF token; hostile text stays text; headers are set."""

from __future__ import annotations

import html
import re
from typing import Any

import httpx
import pytest
import yaml
from markupsafe import escape

from csbm.store import Store
from csbm.store.tokens import create_token, revoke_token
from tests.web.conftest import Server

UR = "union-resolve-2022"
XSS = '<script>alert("xss")</script><img src=x onerror=alert(1)>'
TEXT = "Zapad-2017 will involve 12,700 troops, the Belarusian ministry said on 29 August."


def small_dossier(activity_id: str) -> dict[str, Any]:
    """An activity near Pskov, one source giving figures below every threshold."""
    return {
        "csbm": 1,
        "activity": {
            "id": activity_id,
            "name": "Web revision test",
            "kind": "land_exercise",
            "conducting_states": ["RUS"],
            "host_states": ["RUS"],
            "start": "2023-06-01",
            "end": "2023-06-05",
            "locations": [{"name": "Pskov", "lat": 57.8, "lon": 28.3}],
        },
        "sources": [
            {
                "id": "paper",
                "kind": "media",
                "publisher": "A paper",
                "published": "2023-06-02",
                "url": "https://example.org/paper",
            }
        ],
        "claims": [
            {"source": "paper", "quantity": q, "value": n, "qualifier": "exact"}
            for q, n in (("troops", 5000), ("tanks", 40), ("acv", 90), ("artillery", 30))
        ],
    }


def browser_session(server: Server) -> tuple[httpx.Client, str]:
    """A client with its own session cookie, and the CSRF token of that session."""
    c = httpx.Client(base_url=server.url, timeout=60)
    page = c.get("/extract").text
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found and "csbm_session" in c.cookies
    return c, found.group(1)


def hostile_dossier() -> dict[str, Any]:
    return {
        "csbm": 1,
        "activity": {
            "id": "hostile-test-2023",
            "name": f"Hostile {XSS}",
            "aliases": ["</script><script>alert(2)</script>"],
            "kind": "land_exercise",
            "conducting_states": ["RUS"],
            "host_states": ["RUS"],
            "start": "2023-05-01",
            "end": "2023-05-05",
            "locations": [{"name": f"Range {XSS}", "lat": 54.0, "lon": 30.0}],
        },
        "sources": [
            {
                "id": "evil",
                "kind": "media",
                "publisher": f"Evil {XSS}",
                "url": "https://example.org/evil",
                "published": "2023-05-02",
            },
        ],
        "claims": [
            {
                "source": "evil",
                "quantity": "troops",
                "value": 5000,
                "qualifier": "approx",
                "quote": XSS,
            },
        ],
    }


# ---------------------------------------------------------------------------------------
# Tokens


def test_api_writes_need_a_token(client: httpx.Client) -> None:
    body = {"text": TEXT}
    for headers in [{}, {"Authorization": "Bearer csbm_wrong"}, {"Authorization": "Basic x"}]:
        r = client.post(f"/api/activities/{UR}/claims", json=body, headers=headers)
        assert r.status_code == 401, r.text
        assert "token" in r.json()["error"]["message"]
        r = client.post("/api/dossiers", json={"dossiers": [hostile_dossier()]}, headers=headers)
        assert r.status_code == 401
    # Refused before the body is even read: an invalid body without a token is still 401.
    assert client.post("/api/dossiers", json={"nonsense": 1}).status_code == 401


def test_revoked_token_is_refused(server: Server, client: httpx.Client) -> None:
    with Store(server.db) as store:
        _, secret = create_token(store, "short-lived", by="tests")
    auth = {"Authorization": f"Bearer {secret}"}
    ok = client.post("/api/dossiers", json={"dossiers": [hostile_dossier()]}, headers=auth)
    assert ok.status_code == 200, ok.text
    with Store(server.db) as store:
        revoke_token(store, "short-lived")
    again = client.post("/api/dossiers", json={"dossiers": [hostile_dossier()]}, headers=auth)
    assert again.status_code == 401


def test_api_adds_claims_as_a_new_revision(server: Server, client: httpx.Client) -> None:
    auth = {"Authorization": f"Bearer {server.token}"}
    made = client.post(
        "/api/dossiers", json={"dossiers": [small_dossier("web-revision-test")]}, headers=auth
    )
    assert made.status_code == 200 and made.json()["created"] == ["web-revision-test"]
    before = client.get("/activities/web-revision-test.json").json()
    r = client.post(
        "/api/activities/web-revision-test/claims",
        json={
            "text": "About 50,000 troops took part in the exercise, NATO said.",
            "published": "2023-06-03",
            "url": "https://example.org/api-test",
            "publisher": "API test desk",
        },
        headers=auth,
    )
    assert r.status_code == 200, r.text
    result = r.json()
    assert result["updated"] and result["claims_added"]
    assert result["recorded_by"] == "token:web-tests"
    assert [v["scenario"] for v in result["before"]] == [v["scenario"] for v in result["after"]]
    assert result["version"] == 2
    after = client.get("/activities/web-revision-test.json").json()
    assert len(after["evidence"]) == len(before["evidence"]) + len(result["claims_added"])
    assert "API test desk" in {s["publisher"] for s in after["sources"]}
    # 5,000 was below every threshold; 50,000 from another source makes notification
    # an open question on independent evidence.
    moved = {(c["scenario"], c["rule"]) for c in result["changes"]}
    assert ("independent", "ch05.prior_notification") in moved, result["changes"]


def test_api_errors_on_bad_input(server: Server, client: httpx.Client) -> None:
    auth = {"Authorization": f"Bearer {server.token}"}
    r = client.post("/api/activities/nope/claims", json={"text": TEXT}, headers=auth)
    assert r.status_code == 404
    r = client.post("/api/dossiers", json={"dossiers": [{"activity": {}}]}, headers=auth)
    assert r.status_code == 400 and "not a valid dossier" in r.json()["error"]["message"]
    r = client.post(f"/api/activities/{UR}/claims", json={"text": ""}, headers=auth)
    assert r.status_code == 422
    r = client.post(
        f"/api/activities/{UR}/claims", json={"text": "Nothing to see here."}, headers=auth
    )
    assert r.status_code == 400 and "no figure" in r.json()["error"]["message"]


# ---------------------------------------------------------------------------------------
# CSRF


def test_forms_without_csrf_are_refused(server: Server) -> None:
    c, token = browser_session(server)
    try:
        form = {"text": TEXT, "activity": "zapad-2017", "token": server.token}
        assert c.post("/extract/add", data=form).status_code == 403
        assert c.post("/extract/add", data=form | {"csrf_token": "forged"}).status_code == 403
        assert c.post("/extract", data={"text": TEXT}).status_code == 403
        assert c.post("/login", data={"token": server.token}).status_code == 403
        # A token from another session does not fit this one.
        other, other_token = browser_session(server)
        other.close()
        r = c.post("/extract/add", data=form | {"csrf_token": other_token})
        assert r.status_code == 403 and "CSRF" in r.text
        # Another site's page naming itself as the origin is refused too.
        r = c.post(
            "/extract",
            data={"text": TEXT, "csrf_token": token},
            headers={"Origin": "https://evil.example"},
        )
        assert r.status_code == 403
        # So is "null", the origin of sandboxed frames and data: or file: pages.
        r = c.post("/extract", data={"text": TEXT, "csrf_token": token}, headers={"Origin": "null"})
        assert r.status_code == 403 and "another site (null)" in r.text
        # With the right token the same form is read.
        r = c.post("/extract", data={"text": TEXT, "csrf_token": token})
        assert r.status_code == 200 and 'class="k-figure"' in r.text
    finally:
        c.close()


def test_form_write_needs_a_token_too(server: Server) -> None:
    c, csrf = browser_session(server)
    try:
        form = {"text": TEXT, "activity": "zapad-2017", "csrf_token": csrf}
        r = c.post("/extract/add", data=form)
        assert r.status_code == 401 and "sign in" in r.text
        r = c.post("/extract/add", data=form | {"token": "csbm_not-a-token"})
        assert r.status_code == 401
    finally:
        c.close()


NEW_TEXT = (
    "Poland and Lithuania will hold the joint exercise Amber Lantern 2031 in Poland from 3 "
    "to 14 March 2031. About 12,000 troops will take part, the Polish defence ministry said."
)


def test_extract_form_chooses_nothing_and_makes_a_new_activity(server: Server) -> None:
    c, csrf = browser_session(server)
    try:
        r = c.post("/extract", data={"text": TEXT, "csrf_token": csrf})
        assert r.status_code == 200
        select = r.text.split('<select name="activity"', 1)[1].split("</select>", 1)[0]
        # Nothing chosen for the reader, though the text names an activity in the record.
        assert select.count(" selected") == 1 and '<option value="" selected disabled>' in select
        assert '<option value="_new">new activity' in select
        assert c.get("/extract.json").json()["new_activity"]["form_value"] == "_new"
        form = {"text": NEW_TEXT, "csrf_token": csrf, "token": server.token}
        r = c.post("/extract/add", data=form | {"activity": ""})
        assert r.status_code == 400 and "choose the activity" in r.text
        r = c.post("/extract/add", data=form | {"activity": "_new", "published": "2031-02-01"})
        assert r.status_code == 200, r.text
        assert "New activity" in r.text and "amber-lantern-2031" in r.text
        made = c.get("/activities/amber-lantern-2031.json").json()["activity"]
        assert made["conducting_states"] == ["POL", "LTU"] and made["start"] == "2031-03-03"
        # The same again: the record holds it now, and says to add to it instead.
        r = c.post("/extract/add", data=form | {"activity": "_new"})
        assert r.status_code == 400
        assert "already holds 'amber-lantern-2031'" in html.unescape(r.text)
        # A text that does not give the days: refused, saying what it lacks.
        r = c.post("/extract/add", data=form | {"activity": "_new", "text": TEXT})
        assert r.status_code == 400
        assert "no new activity from this text" in r.text or "already holds" in r.text
    finally:
        c.close()


def test_sign_in_then_add_by_form(server: Server) -> None:
    c, csrf = browser_session(server)
    try:
        r = c.post("/login", data={"token": "csbm_wrong", "csrf_token": csrf})
        assert r.status_code == 401
        r = c.post("/login", data={"token": server.token, "csrf_token": csrf, "next": "//evil"})
        assert r.status_code == 303 and r.headers["location"] == "/extract"
        assert "csbm_auth" in c.cookies and server.token not in c.cookies["csbm_auth"]
        form = {
            "text": TEXT,
            "activity": "zapad-2017",
            "csrf_token": csrf,
            "published": "2017-08-29",
            "url": "https://example.org/form-test",
        }
        r = c.post("/extract/add", data=form)
        assert r.status_code == 200, r.text
        assert "Added to" in r.text and "zapad-2017" in r.text
        # The sign-in cookie is bound to its session: moved to another session it fails.
        stolen = c.cookies["csbm_auth"]
        d, csrf2 = browser_session(server)
        d.cookies.set("csbm_auth", stolen)
        r = d.post("/extract/add", data=form | {"csrf_token": csrf2})
        d.close()
        assert r.status_code == 401
    finally:
        c.close()


# ---------------------------------------------------------------------------------------
# Hostile content


def test_xss_in_a_claim_is_shown_as_text(server: Server, client: httpx.Client) -> None:
    auth = {"Authorization": f"Bearer {server.token}"}
    r = client.post("/api/dossiers", json={"dossiers": [hostile_dossier()]}, headers=auth)
    assert r.status_code == 200, r.text
    page = client.get("/activities/hostile-test-2023")
    assert page.status_code == 200
    body = page.text
    assert XSS not in body and "<img src=x" not in body
    assert str(escape(XSS)) in body
    # Data for the scripts: JSON in which no "<" can close the script element.
    block = re.search(
        r'<script type="application/json" id="activity-data">(.*?)</script>', body, re.S
    )
    assert block and "<" not in block.group(1) and "\\u003c/script" in block.group(1)
    table = client.get("/activities", params={"q": "hostile"}).text
    assert "<script>alert" not in table and "&lt;script&gt;" in table
    # The JSON twin carries the text as it was given (JSON is not HTML).
    data = client.get("/activities/hostile-test-2023.json").json()
    assert data["evidence"][0]["quote"] == XSS


def test_script_addresses_never_become_links(server: Server, client: httpx.Client) -> None:
    dossier = small_dossier("web-script-address")
    dossier["sources"][0]["url"] = "javascript:alert(document.cookie)"
    auth = {"Authorization": f"Bearer {server.token}"}
    r = client.post("/api/dossiers", json={"dossiers": [dossier]}, headers=auth)
    if r.status_code == 400:  # the dossier model refuses such an address outright
        assert "url" in r.json()["error"]["message"]
        return
    assert r.status_code == 200, r.text
    body = client.get("/activities/web-script-address").text
    assert 'href="javascript:' not in body and "javascript:alert(document.cookie)" in body


@pytest.mark.parametrize(
    "q",
    [
        "' OR '1'='1",
        "'; DROP TABLE activities; --",
        '" UNION SELECT digest FROM api_tokens --',
        "%' OR 1=1 --",
    ],
)
def test_sql_injection_in_search_is_harmless(client: httpx.Client, q: str) -> None:
    r = client.get("/activities.json", params={"q": q})
    assert r.status_code == 200 and r.json()["count"] == 0
    assert client.get("/activities.json").json()["total"] >= 49
    assert client.get("/activities", params={"q": q}).status_code == 200


def test_security_headers_everywhere(client: httpx.Client) -> None:
    for path in ["/", f"/activities/{UR}.json", "/nowhere", "/static/csbm.css"]:
        h = client.get(path).headers
        csp = h["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp, path
        assert "unsafe-inline" not in csp
        assert h["x-content-type-options"] == "nosniff"
        assert h["x-frame-options"] == "DENY"


def test_session_cookie_flags(server: Server) -> None:
    with httpx.Client(base_url=server.url) as c:
        raw = c.get("/").headers["set-cookie"].lower()
    assert "httponly" in raw and "samesite=strict" in raw


# ---------------------------------------------------------------------------------------
# Importing files through the form


def _yaml(activity_id: str) -> bytes:
    return yaml.safe_dump(small_dossier(activity_id), sort_keys=False).encode()


def test_import_form(server: Server) -> None:
    c, csrf = browser_session(server)
    try:
        files = [("files", ("one.yaml", _yaml("web-import-one"), "application/yaml"))]
        assert c.post("/import", files=files, data={"token": server.token}).status_code == 403
        r = c.post("/import", files=files, data={"csrf_token": csrf})
        assert r.status_code == 401
        bad = [
            *files,
            ("files", ("broken.yaml", b"csbm: 1\nactivity:\n  id: Not A Slug\n", "text/plain")),
        ]
        r = c.post("/import", files=bad, data={"csrf_token": csrf, "token": server.token})
        assert r.status_code == 400 and "nothing was imported" in r.text and "broken.yaml" in r.text
        assert c.get("/activities/web-import-one.json").status_code == 404
        r = c.post("/import", files=files, data={"csrf_token": csrf, "token": server.token})
        assert r.status_code == 200 and 'href="/activities/web-import-one"' in r.text
        again = c.post("/import", files=files, data={"csrf_token": csrf, "token": server.token})
        assert "unchanged: <a" in again.text
        assert c.get("/activities/web-import-one.json").json()["activity"]["id"] == "web-import-one"
    finally:
        c.close()
