"""`csbm batch ingest` and `csbm db review`, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from csbm.batch.ingest import ingest
from csbm.errors import InputError
from csbm.store import Store, read_dossiers
from csbm.store.review import (
    ACCEPTED,
    REJECTED,
    accept_proposal,
    list_proposals,
    reject_proposal,
)
from tests.batch.conftest import run_csbm


def _claims_by_activity(store: Store) -> dict[str, int]:
    return {a.activity_id: a.claims for a in store.activities()}


def test_ingest_links_proposes_and_is_idempotent(
    db_url: str, local_out: tuple[Path, dict[str, Any]]
) -> None:
    out, summary = local_out
    with Store(db_url) as store:
        store.import_dossiers(read_dossiers([], bundled=True))
        before = _claims_by_activity(store)
    report = ingest(out, db_url, by="test")
    assert report.documents == summary["with_claims"]
    assert report.linked > 0 and report.proposed > 0
    # The archive's invented exercises are not on record: they are proposed.
    with Store(db_url) as store:
        after = _claims_by_activity(store)
        names = {p.name for p in list_proposals(store)}
    assert {"Iron Harbour 2023", "Northern Lynx 2024", "Amber Gate 2025"} <= names
    gained = {k: after[k] - before[k] for k in after if after[k] != before[k]}
    assert "zapad-2021" in gained and "union-resolve-2022" in gained
    assert sum(gained.values()) == report.claims_added
    # The Zapad-2021 documents' claims are on zapad-2021, each document a source with its
    # URL (the .txt files have none: their text's hash is the symbol).
    with Store(db_url) as store:
        [zapad] = store.load(["zapad-2021"])
    batch_sources = [s for s in zapad.sources if s.id.startswith("batch-")]
    assert batch_sources
    assert all(s.url or (s.symbol or "").startswith("sha256:") for s in batch_sources)

    again = ingest(out, db_url, by="test")
    assert again.linked == 0 and again.claims_added == 0
    assert again.already == report.linked
    assert again.proposals["created"] == 0 and again.proposals["updated"] == 0
    with Store(db_url) as store:
        assert _claims_by_activity(store) == after
        assert {a.activity_id: a.version for a in store.activities()}["zapad-2021"] == 2


def test_review_accept_and_reject(db_url: str, local_out: tuple[Path, dict[str, Any]]) -> None:
    out, _ = local_out
    ingest(out, db_url, by="test")
    with Store(db_url) as store:
        pending = {p.name: p for p in list_proposals(store)}
        iron = pending["Iron Harbour 2023"]
        decided, report = accept_proposal(store, iron.pk, by="ana")
        assert decided.status == ACCEPTED and decided.decided_by == "ana"
        assert report.created == ["iron-harbour-2023"]
        [dossier] = store.load(["iron-harbour-2023"])
        assert len(dossier.claims) == iron.claims
        assert dossier.activity.conducting_states
        lynx = pending["Northern Lynx 2024"]
        assert reject_proposal(store, lynx.pk, by="ana").status == REJECTED
        with pytest.raises(Exception, match="already rejected"):
            reject_proposal(store, lynx.pk)
        assert {p.name for p in list_proposals(store)} == set(pending) - {
            "Iron Harbour 2023",
            "Northern Lynx 2024",
        }
    # A later ingest adds the accepted exercise's documents to the activity, never
    # re-proposes the rejected one.
    again = ingest(out, db_url, by="test")
    assert again.linked == 0  # the accepted proposal's sources are the activity's already
    assert again.proposals["decided"] >= 1 and again.proposals["created"] == 0
    with Store(db_url) as store:
        names = [p.name for p in list_proposals(store, None)]
    assert names.count("Northern Lynx 2024") == 1
    assert names.count("Iron Harbour 2023") == 1


def test_incomplete_proposal_is_refused_with_what_is_missing(
    db_url: str, local_out: tuple[Path, dict[str, Any]]
) -> None:
    out, _ = local_out
    ingest(out, db_url, by="test")
    with Store(db_url) as store:
        p = list_proposals(store)[0]

        def write(conn: Any, now: Any) -> None:
            from sqlalchemy import update

            from csbm.store.models import ReviewProposalRow

            payload = {**p.payload, "activity": {**p.payload["activity"], "start": None}}
            conn.execute(
                update(ReviewProposalRow)
                .where(ReviewProposalRow.pk == p.pk)
                .values(payload_json=json.dumps(payload))
            )

        store._write("test", write)
        with pytest.raises(InputError, match=r"activity\.start"):
            accept_proposal(store, p.pk)
        # Into a recorded activity it goes (its dates are the activity's).
        store.import_dossiers(read_dossiers([], bundled=True))
        decided, report = accept_proposal(store, p.pk, as_id="zapad-2021")
        assert decided.activity_id == "zapad-2021" and report.updated == ["zapad-2021"]


def test_cli_ingest_and_review(local_out: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    out, _ = local_out
    db = str(tmp_path / "csbm.sqlite")
    run_csbm("db", "init", "--db", db)
    result = run_csbm("batch", "ingest", str(out), "--db", db, "--format", "json")
    assert json.loads(result.stdout)["proposed"] > 0
    listed = json.loads(run_csbm("db", "review", "--db", db, "--format", "json").stdout)
    assert listed and all(p["status"] == "pending" for p in listed)
    table = run_csbm("db", "review", "--db", db).stdout
    assert "Iron Harbour 2023" in table
    first = next(p for p in listed if p["name"] == "Amber Gate 2025")
    accepted = run_csbm("db", "review", "--db", db, "--accept", str(first["id"]), "--by", "ana")
    assert "amber-gate-2025 created" in accepted.stdout
    second = next(p for p in listed if p["name"] == "Iron Harbour 2023")
    run_csbm("db", "review", "--db", db, "--reject", str(second["id"]))
    left = json.loads(run_csbm("db", "review", "--db", db, "--format", "json").stdout)
    assert {p["id"] for p in left} == {p["id"] for p in listed} - {first["id"], second["id"]}
    bad = run_csbm("db", "review", "--db", db, "--reject", str(second["id"]), check=False)
    assert bad.returncode == 2 and "already rejected" in bad.stderr
    assert run_csbm("batch", "ingest", str(tmp_path), "--db", db, check=False).returncode == 2


def test_an_archive_reference_becomes_the_source_symbol(tmp_path: Path) -> None:
    # Archives name documents by their own references, not web addresses: the dossier
    # keeps such a reference as the source's symbol (a url must be http or https).
    archive = tmp_path / "in"
    archive.mkdir()
    doc = {
        "text": "Russia sent 30,000 troops to Belarus for the Union Resolve 2022 exercise, "
        "NATO Secretary General Jens Stoltenberg said on Thursday.",
        "url": "archive:lexis/2022-02-03/0042",
        "published": "2022-02-03",
    }
    (archive / "docs.jsonl").write_text(json.dumps(doc) + "\n", encoding="utf-8")
    out, db = tmp_path / "out", str(tmp_path / "csbm.sqlite")
    run_csbm("batch", "extract", str(archive), "--out", str(out), "--workers", "1",
             "--no-progress")  # fmt: skip
    run_csbm("db", "init", "--db", db)
    run_csbm("db", "import", "--bundled", "--db", db)
    report = ingest(out, db, by="test")
    assert report.linked == 1
    with Store(db) as store:
        [union] = store.load(["union-resolve-2022"])
    [source] = [s for s in union.sources if s.id.startswith("batch-")]
    assert (source.url, source.symbol) == (None, "archive:lexis/2022-02-03/0042")
