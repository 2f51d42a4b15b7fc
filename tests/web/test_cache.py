"""Pages and JSON twins made once per record snapshot: ETag, 304 on revalidation, and a
change to the record seen on the next request (a server of its own, since this test
changes a dossier)."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from csbm.data import dossiers_dir
from csbm.store import Store, init_store, read_dossiers
from csbm.web.cache import ResponseCache
from tests.web.conftest import populate, start, stop


def _get(url: str, **kw: object) -> httpx.Response:
    # The first request waits for the record's first assessment: slow on a busy machine.
    return httpx.get(url, timeout=120, **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    tmp = tmp_path_factory.mktemp("web-cache")
    db = str(tmp / "record.sqlite")
    init_store(db)
    populate(db)
    proc, url = start(db, tmp / "server.log")
    try:
        yield url, db
    finally:
        stop(proc)


@pytest.mark.parametrize(
    "path",
    [
        "/activities",
        "/activities.json",
        "/activities/union-resolve-2022",
        "/activities/union-resolve-2022.json",
        "/states/RUS/2021",
        "/rules",
        "/rules/ch05.prior_notification.json",
    ],
)
def test_revalidation_answers_304(own_server: tuple[str, str], path: str) -> None:
    url, _ = own_server
    first = _get(url + path)
    assert first.status_code == 200
    etag = first.headers["etag"]
    assert etag.startswith('"') and first.headers["cache-control"] == "no-cache"
    again = _get(url + path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    assert "frame-ancestors 'none'" in again.headers["content-security-policy"]
    other = _get(url + path, headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and other.content == first.content


def test_a_change_to_the_record_is_seen_at_once(own_server: tuple[str, str]) -> None:
    url, db = own_server
    before = _get(url + "/activities/zapad-2017.json")
    [zapad] = read_dossiers([dossiers_dir() / "zapad-2017.yaml"])
    changed = zapad.model_copy(
        update={"activity": zapad.activity.model_copy(update={"name": "Zapad 2017 (renamed)"})}
    )
    with Store(db) as other:
        other.import_dossiers([changed], by="tests")
    after = _get(
        url + "/activities/zapad-2017.json", headers={"If-None-Match": before.headers["etag"]}
    )
    assert after.status_code == 200
    assert after.json()["activity"]["name"] == "Zapad 2017 (renamed)"
    assert after.headers["etag"] != before.headers["etag"]
    assert "Zapad 2017 (renamed)" in _get(url + "/activities").text


def test_pages_with_forms_are_not_shared(own_server: tuple[str, str]) -> None:
    url, _ = own_server
    # Each browser gets its own CSRF token: such a page carries no ETag and is made anew.
    a = _get(url + "/extract")
    b = _get(url + "/extract")
    assert "etag" not in a.headers
    assert a.cookies["csbm_session"] != b.cookies["csbm_session"]


def test_the_cache_is_bounded() -> None:
    from starlette.requests import Request

    cache = ResponseCache(limit=3)
    for i in range(5):
        scope = {"type": "http", "path": "/x", "query_string": f"q={i}".encode(), "headers": []}
        cache.get(Request(scope), "text/plain", lambda i=i: str(i).encode())
    assert len(cache) == 3 and cache.made == 5
    scope = {"type": "http", "path": "/x", "query_string": b"q=4", "headers": []}
    assert cache.get(Request(scope), "text/plain", lambda: b"new").body == b"4"


def test_a_page_asking_for_a_csrf_token_cannot_be_cached(tmp_path: Path) -> None:
    # Renderer.render gives no CSRF token, and the templates are strict: a page with a
    # form could never be made by the cached path and shared.
    from jinja2 import UndefinedError

    from csbm.web.render import Renderer

    renderer = Renderer(Path(__file__).resolve().parents[2] / "src/csbm/web/templates")
    with pytest.raises(UndefinedError, match="csrf_token"):
        renderer.render("login.html", {"signed_in": None, "next": "/"}, title="x", path="/")


def test_a_browser_gets_the_page_gzipped_once_made(own_server: tuple[str, str]) -> None:
    url, _ = own_server
    path = url + "/activities/union-resolve-2022"
    plain = _get(path, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert plain.headers["vary"] == "Accept-Encoding"
    with httpx.stream("GET", path, headers={"Accept-Encoding": "gzip"}, timeout=120) as packed:
        raw = b"".join(packed.iter_raw())
        assert packed.headers["content-encoding"] == "gzip"
        assert packed.headers["vary"] == "Accept-Encoding"
        # Its own strong ETag: the compressed bytes are another representation.
        assert packed.headers["etag"] != plain.headers["etag"]
        etag = packed.headers["etag"]
    assert gzip.decompress(raw) == plain.content
    assert len(raw) * 5 < len(plain.content)
    # Either tag revalidates, whichever encoding the reader asks for now.
    for tag in (etag, plain.headers["etag"]):
        again = _get(path, headers={"If-None-Match": tag, "Accept-Encoding": "identity"})
        assert again.status_code == 304
    refused = _get(path, headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "content-encoding" not in refused.headers and refused.content == plain.content


def test_accept_encoding_is_read_as_http_says() -> None:
    from starlette.requests import Request

    from csbm.web.cache import accepts_gzip

    def asks(header: str | None) -> bool:
        headers = [] if header is None else [(b"accept-encoding", header.encode())]
        return accepts_gzip(Request({"type": "http", "headers": headers}))

    assert asks("gzip, deflate, br")
    assert asks("br;q=1.0, GZIP;q=0.5")
    assert asks("*")
    assert not asks(None)
    assert not asks("identity")
    assert not asks("gzip;q=0")
    assert not asks("gzip;q=0.000")
    assert not asks("gzip;q=nonsense")
    assert not asks("x-gzip-like")
