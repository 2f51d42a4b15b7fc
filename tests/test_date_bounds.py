"""Publication dates at the edge of the calendar (issue 17, section 2).

A publication date is checked once, where it enters (the `--published` option, a batch
record's field, the web form, the JSON API), against the range in csbm.model.bounds; the
extractor's own date arithmetic never raises, whatever date a library caller hands it.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from csbm.batch.inputs import BadRecord, Document, Fields, _document
from csbm.extract.dates import choose_period, find_dates
from csbm.extract.pipeline import extract
from csbm.model.bounds import EARLIEST_DAY, LATEST_DAY, parse_day
from csbm.store import init_store
from csbm.web import create_app
from tests.conftest import env_without_color

# Relative dates of every kind the extractor resolves from the publication date.
RELATIVE = [
    "The exercise began on Thursday with 5,000 troops.",
    "The exercise will run until next Friday with 5,000 troops.",
    "The drills began last Monday with 3,000 troops.",
    "The exercise ran from 28 December to 5 January with 3,000 troops.",
    "Troops arrived yesterday and the exercise starts tomorrow with 4,000 soldiers.",
    "The drills will start on Dec. 31 and run to 5 January.",
    "The exercise began on Sunday and ended on Saturday.",
]
EDGES = [date.min, date.max, date(1, 1, 2), date(9999, 12, 30), date(9999, 1, 1)]


@pytest.mark.parametrize("published", EDGES, ids=str)
@pytest.mark.parametrize("text", RELATIVE)
def test_extractor_date_arithmetic_never_raises(text: str, published: date) -> None:
    result = extract(text, published=published, read_all=True)
    for d in find_dates(text, 0, len(text), published):
        # Either a day inside the calendar, or none with the reason why.
        assert d.first is None or date.min <= d.first <= date.max
        assert d.reason
    assert result.period is not None or result.exercises == []


def test_a_day_past_the_calendar_is_unresolved_with_its_reason() -> None:
    [d] = find_dates("It began yesterday.", 0, 19, date.min)
    assert d.first is None and "end of the calendar" in d.reason
    [n] = find_dates("It ends next Friday.", 0, 20, date.max)
    assert n.first is None and "end of the calendar" in n.reason


def test_a_weekday_end_before_the_start_at_the_calendar_end_is_dropped() -> None:
    text = "The exercise began on 31 December 9999, ending Friday."
    found = find_dates(text, 0, len(text), date.max)
    period = choose_period(found, None)
    assert period.start == date(9999, 12, 31)
    assert period.end is None or period.end >= period.start


def test_parse_day_names_the_range() -> None:
    assert parse_day(EARLIEST_DAY.isoformat()) == EARLIEST_DAY
    assert parse_day(LATEST_DAY.isoformat()) == LATEST_DAY
    for bad in ("0001-01-01", "9999-12-31", "1975-07-31", "2100-01-01"):
        with pytest.raises(ValueError, match="outside the range csbm accepts"):
            parse_day(bad)
    with pytest.raises(ValueError, match="is not a date"):
        parse_day("2022-02-30")


# ---------------------------------------------------------------------------------------
# The command line


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "1975-07-31"])
def test_cli_published_out_of_range_exits_2(csbm_cmd: list[str], published: str) -> None:
    r = subprocess.run(
        [*csbm_cmd, "extract", "-", "--published", published],
        input=RELATIVE[0],
        capture_output=True,
        text=True,
        env=env_without_color(),
        timeout=120,
    )
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    assert f"--published: {published} is outside the range csbm accepts" in r.stderr
    assert f"{EARLIEST_DAY} to {LATEST_DAY}" in r.stderr


# ---------------------------------------------------------------------------------------
# The batch reader


def test_batch_record_out_of_range_is_a_bad_record_naming_the_field() -> None:
    fields = Fields()
    for value in ("0001-01-01", "9999-12-31T10:00:00Z", date(9999, 12, 31)):
        got = _document({"text": "x", "published": value}, "a.jsonl", 7, fields, True)
        assert isinstance(got, BadRecord), value
        assert (got.line, got.field, got.kind) == (7, "published", "bad date")
        assert "outside the range csbm accepts" in got.reason
    ok = _document({"text": "x", "published": "2022-02-03"}, "a.jsonl", 8, fields, True)
    assert isinstance(ok, Document) and ok.published == date(2022, 2, 3)


def test_batch_first_line_out_of_range_exits_2(tmp_path: Path) -> None:
    from tests.batch.conftest import run_csbm

    record = {"text": RELATIVE[0], "published": "9999-12-31"}
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    r = run_csbm(
        "batch",
        "extract",
        str(tmp_path),
        "--out",
        str(tmp_path / "out"),
        "--no-progress",
        check=False,
    )
    assert r.returncode == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    assert "a.jsonl:1: published: 9999-12-31 is outside the range" in " ".join(r.stderr.split())


# ---------------------------------------------------------------------------------------
# The web form and the JSON API


@pytest.fixture
def web(tmp_path: Path) -> Iterator[TestClient]:
    db = str(tmp_path / "empty.sqlite")
    init_store(db)
    with TestClient(create_app(db)) as client:
        yield client


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", 0, "2100-01-01"])
def test_api_published_out_of_range_is_422_naming_the_field(
    web: TestClient, published: object
) -> None:
    r = web.post("/extract.json", json={"text": RELATIVE[0], "published": published})
    assert r.status_code == 422, r.text
    assert "Traceback" not in r.text
    detail = r.json()
    assert "published" in json.dumps(detail)


def test_api_published_in_range_reads_the_text(web: TestClient) -> None:
    r = web.post("/extract.json", json={"text": RELATIVE[0], "published": "2022-02-03"})
    assert r.status_code == 200, r.text


def test_form_published_out_of_range_is_400_naming_the_field(web: TestClient) -> None:
    page = web.get("/extract")
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    r = web.post(
        "/extract",
        data={"text": RELATIVE[0], "published": "9999-12-31", "csrf_token": token},
        headers={"Origin": str(web.base_url)},
    )
    assert r.status_code == 400, r.text
    assert "published" in r.text and "outside the range csbm accepts" in r.text
    assert "Traceback" not in r.text
