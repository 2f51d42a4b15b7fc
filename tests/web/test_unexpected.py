"""A failure nobody planned for: a 500 page with a message and the security headers, the
traceback in the server's log only. The app runs in uvicorn in a thread, with one extra
route that fails."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from csbm.store import init_store
from csbm.web import create_app
from tests.web.conftest import free_port


@pytest.fixture
def failing_server(tmp_path: Path) -> Iterator[str]:
    db = str(tmp_path / "empty.sqlite")
    init_store(db)
    app = create_app(db)

    @app.get("/boom")
    @app.get("/boom.json")
    def boom() -> None:
        raise ZeroDivisionError("secret internals")

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, port=port, log_level="critical"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


def test_unexpected_error_is_a_page(failing_server: str) -> None:
    r = httpx.get(failing_server + "/boom")
    assert r.status_code == 500
    assert "ZeroDivisionError" in r.text and "see the log" in r.text
    assert "secret internals" not in r.text and "Traceback" not in r.text
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    j = httpx.get(failing_server + "/boom.json")
    assert j.status_code == 500 and j.json()["error"]["status"] == 500
    # An empty record is a record: the table says so.
    assert httpx.get(failing_server + "/activities.json").json()["rows"] == []
