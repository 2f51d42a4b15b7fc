"""Shared helpers for the report tests: real dossiers assessed once per session."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from csbm import assess, load_dossier
from csbm.report.view import activity_view
from tests.conftest import BUNDLED

# Union Resolve plus dossiers that differ in what they hold: declared figures and a
# notification (Zapad 2017), many places (Trident Juncture 2018), outside the zone
# (Vostok 2018), no coordinates at all (Kavkaz 2016 snap check).
ACTIVITIES = [
    "union-resolve-2022",
    "zapad-2017",
    "trident-juncture-2018",
    "vostok-2018",
    "kavkaz-2016-snap-check",
]
MADE = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
HOSTILE = "<script>alert(1)</script>"


@cache
def view_of(path: Path) -> dict[str, Any]:
    [result] = assess([load_dossier(path)])
    return activity_view(result)


@pytest.fixture
def bundled_view() -> Callable[[str], dict[str, Any]]:
    return lambda activity_id: view_of(BUNDLED / f"{activity_id}.yaml")


@pytest.fixture
def hostile_dossier(tmp_path: Path) -> Path:
    """Union Resolve with a script tag in a quote, a place name and a source title, and a
    Markdown link to a javascript: address in that title. (A javascript: url itself is
    refused by the dossier model: see test_a_script_address_is_refused.)"""
    text = (BUNDLED / "union-resolve-2022.yaml").read_text(encoding="utf-8")
    text = text.replace("- name: Obuz-Lesnovsky range", f"- name: 'Obuz {HOSTILE} range'", 1)
    text = text.replace(
        "quote: About 30,000 Russian troops have poured into Belarus",
        f"quote: 'About 30,000 {HOSTILE} & \"friends\"'",
        1,
    )
    text = text.replace(
        "title: U.S. Statement for the Vienna Document Joint PC-FSC Chapter III Meeting",
        f"title: 'US statement {HOSTILE} [x](javascript:alert(1))'",
        1,
    )
    assert text.count(HOSTILE) == 3
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def pdf_page_count(data: bytes) -> int:
    """Pages of a WeasyPrint PDF: its page tree may sit in a compressed object stream."""
    blobs = [data]
    for m in re.finditer(rb"stream\r?\n", data):
        end = data.find(b"endstream", m.end())
        try:
            blobs.append(zlib.decompress(data[m.end() : end].rstrip(b"\r\n")))
        except zlib.error:
            continue
    for blob in blobs:
        found = re.search(rb"/Type\s*/Pages\b.*?/Count\s+(\d+)", blob, re.S)
        if found:
            return int(found.group(1))
    raise AssertionError("no page tree found")


def pdf_text(path: Path) -> str:
    """The PDF's text, by poppler's pdftotext or else pypdf; skip when neither is there."""
    exe = shutil.which("pdftotext")
    if exe is not None:
        done = subprocess.run(
            [exe, "-layout", str(path), "-"], capture_output=True, check=True, timeout=60
        )
        return done.stdout.decode("utf-8")
    try:
        from pypdf import PdfReader  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        message = "neither pdftotext (poppler-utils) nor pypdf is installed"
        # CI installs poppler-utils (.ci/run): there a missing reader is a set-up failure.
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
