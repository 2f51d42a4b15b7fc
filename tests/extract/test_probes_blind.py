"""Blind probe texts (tests/extract/probes/blind): the set parses; no score floors.

The blind set is a held-out set never tuned on: whole news items in many genres (wires, state
media, ministry releases, think-tank analysis, translated regional press, wiki-like summaries,
live blogs, page debris), written in our own words and keyed before the extractor was run on
them. It is scored to measure (`BASELINE.md`), never to change rules, so this test checks only
that it loads.
"""

from __future__ import annotations

from pathlib import Path

from csbm.extract.gold import load

ROOT = Path(__file__).parent / "probes" / "blind"
NEEDED = (
    "publisher:",
    "published:",
    "title:",
    "exercises:",
    "states:",
    "period:",
    "places:",
    "acts:",
)


def test_blind_set_loads_with_enough_texts() -> None:
    records = load(ROOT)
    assert len(records) >= 36


def test_every_blind_file_has_the_needed_header_lines() -> None:
    files = sorted(ROOT.glob("*.txt"))
    assert len(files) >= 36
    for path in files:
        header = path.read_text(encoding="utf-8").split("\n---\n", 1)[0]
        keys = {line.split(" ", 1)[0] for line in header.splitlines() if not line.startswith("#")}
        missing = [k for k in NEEDED if k not in keys]
        assert not missing, f"{path.name}: header lacks {missing}"
        assert "publisher: probe-blind" in header, path.name
