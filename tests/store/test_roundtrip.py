"""Dossier → database → dossier is the identity, and exports are byte-stable."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings

from csbm.model.dossier import Dossier
from csbm.model.load import load_dossiers, parse_dossier
from csbm.store import Store, dossier_yaml, export_dossiers, read_dossiers
from tests.conftest import BUNDLED
from tests.store.gen import dossiers

DB_EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def test_bundled_record_round_trips(store: Store) -> None:
    originals = load_dossiers([BUNDLED])
    report = store.import_dossiers(originals, by="test")
    assert len(report.created) == len(originals) == len(list(BUNDLED.glob("*.yaml")))
    back = store.load()
    assert [d.activity.id for d in back] == sorted(d.activity.id for d in originals)
    by_id = {d.activity.id: d for d in originals}
    for dossier in back:
        assert dossier == by_id[dossier.activity.id]
    assert store.verify() == []


@DB_EXAMPLES
@given(dossier=dossiers())
def test_generated_dossiers_round_trip(store: Store, dossier: Dossier) -> None:
    # Examples reuse activity ids now and then: that exercises the update path as well.
    store.import_dossiers([dossier], by="hypothesis")
    [back] = store.load([dossier.activity.id])
    assert back == dossier
    [again] = store.load([dossier.activity.id])
    assert again == back


def test_export_is_byte_stable_and_loads_back(store: Store, tmp_path: Path) -> None:
    originals = read_dossiers([], bundled=True)
    store.import_dossiers(originals, by="test")
    first = export_dossiers(store.load(), tmp_path / "one")
    second = export_dossiers(store.load(), tmp_path / "two")
    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()
    reread = {d.activity.id: d for d in load_dossiers([tmp_path / "one"])}
    assert reread == {d.activity.id: d for d in originals}
    # Re-importing the export changes nothing: same content, whatever the comments were.
    report = store.import_dossiers(list(reread.values()), by="test")
    assert report.created == report.updated == []


def test_export_keeps_the_layout_people_write(store: Store) -> None:
    [union] = read_dossiers([BUNDLED / "union-resolve-2022.yaml"])
    text = dossier_yaml(union)
    assert text.startswith("csbm: 1\nactivity:\n  id: union-resolve-2022\n")
    assert "  conducting_states: [RUS, BLR]\n" in text
    assert "  start: 2022-02-10\n" in text
    assert "\n\nsources:\n  - id: tass-2022-01-18\n" in text
    assert "made: true" not in text and "qualifier: exact" not in text
    assert not text.startswith("#")  # the file's comments are not part of the dossier


@settings(max_examples=60, deadline=None)
@given(dossier=dossiers())
def test_export_text_round_trips_and_is_stable(dossier: Dossier) -> None:
    text = dossier_yaml(dossier)
    assert parse_dossier(text, "export.yaml") == dossier
    assert dossier_yaml(parse_dossier(text, "export.yaml")) == text


def test_format_extensions_round_trip(store: Store) -> None:
    """Month, year and word dates; bounds; organisations; Chapter III attendance and answers;
    Chapter IX acts: every one back as written, on both backends."""
    from tests.test_dossier_extensions import FULL

    dossier = parse_dossier(FULL, "full.yaml")
    store.import_dossiers([dossier], by="test")
    [back] = store.load(["demo"])
    assert back == dossier
    assert back.acts[0].date == dossier.acts[0].date and str(back.acts[0].date) == "2018-09"
    assert back.claims[1].bound is not None and back.claims[1].bound.thresholds == "observation"
    assert back.acts[4].stayed_away == ["RUS"] and back.acts[5].quota_cited is True
    assert store.verify() == []
