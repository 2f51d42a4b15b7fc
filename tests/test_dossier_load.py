"""Reading dossiers: valid ones load, bad ones fail with file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from csbm import DossierError, load_dossier, parse_dossier
from csbm.model.load import load_dossiers

GOOD = """\
csbm: 1
activity:
  id: demo
  name: Demo
  kind: land_exercise
  conducting_states: [RUS]
  host_states: [RUS]
  start: 2023-06-10
  end: 2023-06-20
sources:
  - {id: s1, kind: media, publisher: P, url: "https://example.org"}
claims:
  - {quantity: troops, value: 9000, source: s1}
acts:
  - {type: notification, by: RUS, date: 2023-04-20, source: s1}
"""


def error_for(text: str) -> str:
    with pytest.raises(DossierError) as info:
        parse_dossier(text, "demo.yaml")
    return str(info.value)


def test_good_dossier_loads() -> None:
    d = parse_dossier(GOOD, "demo.yaml")
    assert d.activity.id == "demo"
    assert d.claims[0].value == 9000
    assert d.claim_id(0) == "s1.troops.1"


def test_yaml_syntax_error_names_line() -> None:
    text = GOOD.replace("  name: Demo\n", "  name: [Demo\n")
    msg = error_for(text)
    assert msg.startswith("demo.yaml:")
    assert "YAML syntax error" in msg


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "words"),
    [
        ("  name: Demo\n", "  name: Demo\n  colour: red\n", 5, "activity.colour", "unknown field"),
        ("  kind: land", "  knd: land", 5, "activity.knd", "did you mean 'kind'?"),
        ("[RUS]\n  host", "[RUS, XYZ]\n  host", 6, "activity.conducting_states[1]", "XYZ"),
        ("  end: 2023-06-20", "  end: 2023-06-01", 9, "activity.end", "before start"),
        ("  start: 2023-06-10", "  start: 2023-02-30", 8, "activity.start", "date"),
        ("value: 9000, source: s1", "value: lots, source: s1", 13, "claims[0].value", "integer"),
        ("value: 9000, source: s1", "value: 9000, source: s9", 13, "claims[0].source", "s9"),
        ("by: RUS, date: 2023-04-20, ", "by: RUS, ", 15, "acts[0]", "needs a date"),
        ("kind: land_exercise", "kind: naval_exercise", 5, "activity.kind", "land_exercise"),
        ("csbm: 1", "csbm: 2", 1, "csbm", "1"),
        # A url becomes a link in pages and reports: only web addresses.
        ('url: "https://example.org"', 'url: "javascript:alert(1)"', 11, "sources[0].url", "web"),
        ('url: "https://example.org"', 'url: "data:text/html,x"', 11, "sources[0].url", "web"),
        ('url: "https://example.org"', 'url: "https://"', 11, "sources[0].url", "web"),
    ],
)
def test_bad_dossiers_name_line_and_field(
    old: str, new: str, line: int, field: str, words: str
) -> None:
    assert old in GOOD
    msg = error_for(GOOD.replace(old, new))
    assert f"demo.yaml:{line}: {field}:" in msg, msg
    assert words in msg


def test_duplicate_key_is_an_error() -> None:
    msg = error_for(GOOD.replace("  name: Demo\n", "  name: Demo\n  name: Again\n"))
    assert "demo.yaml:5" in msg and "twice" in msg


def test_alias_bomb_is_refused() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 8):
        bomb += f"b{i}: &b{i} [*{'a' if i == 1 else 'b' + str(i - 1)}] \n".replace(
            "] \n", ", " + ", ".join(["*" + ("a" if i == 1 else f"b{i - 1}")] * 9) + "]\n"
        )
    msg = error_for(bomb)
    assert "alias" in msg or "values" in msg


def test_not_a_mapping() -> None:
    assert "mapping" in error_for("- just\n- a list\n")


def test_empty_file() -> None:
    assert "empty" in error_for("")


def test_not_utf8() -> None:
    with pytest.raises(DossierError, match="UTF-8"):
        parse_dossier(b"\xff\xfe\x00bad", "x.yaml")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DossierError, match="cannot read"):
        load_dossier(tmp_path / "nope.yaml")


def test_many_files_all_problems_reported_and_nothing_loaded(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD)
    (tmp_path / "b.yaml").write_text(
        GOOD.replace("id: demo", "id: other").replace("value: 9000", "value: x")
    )
    (tmp_path / "c.yaml").write_text("csbm: [")
    with pytest.raises(DossierError) as info:
        load_dossiers([tmp_path])
    text = str(info.value)
    assert "b.yaml:13" in text and "c.yaml:1" in text
    assert "a.yaml" not in text


def test_same_activity_twice_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD)
    (tmp_path / "b.yaml").write_text(GOOD)
    with pytest.raises(DossierError, match="more than one dossier"):
        load_dossiers([tmp_path])


def test_dates_and_moments_are_kept_apart() -> None:
    d = parse_dossier(GOOD.replace("date: 2023-04-20", "date: 2023-04-20T10:30:00"))
    from datetime import date, datetime

    assert isinstance(d.acts[0].date, datetime)
    assert type(parse_dossier(GOOD).acts[0].date) is date


def test_every_bundled_dossier_is_valid() -> None:
    from csbm.data import bundled_ids, dossiers_dir

    assert "union-resolve-2022" in bundled_ids()
    dossiers = load_dossiers([dossiers_dir()])
    for d in dossiers:
        for s in d.sources:
            assert s.url or s.symbol, s.id
        for loc in d.activity.locations:
            assert loc.source, f"{d.activity.id}: location {loc.name} has no source"


def test_derived_and_explicit_claim_ids_cannot_collide() -> None:
    text = GOOD.replace(
        "  - {quantity: troops, value: 9000, source: s1}\n",
        "  - {quantity: troops, value: 9000, source: s1}\n"
        "  - {id: s1.troops.1, quantity: troops, value: 9500, source: s1}\n",
    )
    msg = error_for(text)
    assert "demo.yaml:14: claims[1].id" in msg and "used twice" in msg


def test_derived_ids_count_per_source_and_quantity() -> None:
    text = GOOD.replace(
        "  - {quantity: troops, value: 9000, source: s1}\n",
        "  - {quantity: tanks, value: 90, source: s1}\n"
        "  - {quantity: troops, value: 9000, source: s1}\n",
    )
    d = parse_dossier(text)
    assert [d.claim_id(0), d.claim_id(1)] == ["s1.tanks.1", "s1.troops.1"]


def test_duplicate_act_ids() -> None:
    text = GOOD.replace(
        "  - {type: notification, by: RUS, date: 2023-04-20, source: s1}\n",
        "  - {id: n, type: notification, by: RUS, date: 2023-04-20, source: s1}\n"
        "  - {id: n, type: calendar_entry, by: RUS, date: 2022-11-01, source: s1}\n",
    )
    assert "act id 'n' is used twice" in error_for(text)


def test_schema_allows_one_state_or_a_list() -> None:
    from csbm import Dossier

    schema = Dossier.model_json_schema()
    by = schema["$defs"]["Act"]["properties"]["by"]
    assert {"string", "array"} <= {x.get("type") for x in by["anyOf"]}
    assert schema["$defs"]["Activity"]["properties"]["id"]["pattern"].startswith("^[a-z0-9]")
