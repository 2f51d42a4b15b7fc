"""The PDF pipeline renders offline: the URL fetcher serves data: URLs and refuses the rest."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from csbm.errors import CsbmError
from csbm.report.pdf import OfflineFetchError, html_to_pdf, refuse_fetch
from tests.report.conftest import pdf_page_count


def test_fetcher_refuses_every_outside_address() -> None:
    for url in ("https://example.org/a.css", "http://127.0.0.1:9/x.png", "file:///etc/passwd"):
        with pytest.raises(OfflineFetchError) as caught:
            refuse_fetch(url)
        assert isinstance(caught.value, CsbmError)
    served = refuse_fetch("data:text/plain;base64,aGk=")
    body = served["string"] if isinstance(served, dict) else served.read()
    assert body == b"hi"


def test_a_stray_reference_is_not_fetched_and_the_pdf_is_still_made() -> None:
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"p { color: red }")

        def log_message(self, *_args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        html = (
            "<!DOCTYPE html><html><head><title>t</title>"
            f'<link rel="stylesheet" href="{base}/s.css"></head>'
            f'<body><p>Text</p><img src="{base}/i.png" alt=""></body></html>'
        )
        data = html_to_pdf(html)
    finally:
        server.shutdown()
        server.server_close()
    assert asked == []
    assert data.startswith(b"%PDF")
    assert pdf_page_count(data) == 1
