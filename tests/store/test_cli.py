"""`csbm db …` as a person uses it (the Typer sub-app; one run as a real subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from csbm.errors import DossierError, UsageError
from csbm.store import StoreError
from csbm.store.cli import db_app
from csbm.store.files import dossier_yaml
from tests.conftest import BUNDLED, ROOT, env_without_color
from tests.store.gen import make_dossier

runner = CliRunner()
# The bundled record grows; count its files rather than pin a number.
BUNDLED_COUNT = len(list(BUNDLED.glob("*.yaml")))


def db(*args: str, env: dict[str, str] | None = None) -> str:
    result = runner.invoke(db_app, list(args), env=env, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.output
    return result.output


def test_import_list_history_export(db_url: str, tmp_path: Path) -> None:
    out = db("import", "--bundled", "--by", "alice", "--db", db_url)
    assert f"{BUNDLED_COUNT} new, 0 updated, 0 unchanged" in out
    listed = json.loads(db("list", "--format", "json", "--db", db_url))
    assert len(listed) == BUNDLED_COUNT
    union = next(a for a in listed if a["id"] == "union-resolve-2022")
    assert union["version"] == 1 and union["recorded_by"] == "alice"
    assert union["conducting_states"] == ["RUS", "BLR"]

    changed = tmp_path / "in" / "ex.yaml"
    changed.parent.mkdir()
    changed.write_text(dossier_yaml(make_dossier("ex-1", troops=5000)), encoding="utf-8")
    db("import", str(changed.parent), "--by", "alice", "--db", db_url)
    changed.write_text(dossier_yaml(make_dossier("ex-1", troops=6000)), encoding="utf-8")
    out = db("import", str(changed), "--by", "bob", "--db", db_url)
    assert "0 new, 1 updated, 0 unchanged" in out and "updated: ex-1" in out

    table = db("history", "ex-1", "--db", db_url)
    assert "bob" in table and "value 5000 → 6000" in table
    history = json.loads(db("history", "ex-1", "--format", "json", "--db", db_url))
    assert [h["version"] for h in history] == [1, 2]
    assert history[1]["previous"]["claims"][0]["value"] == 5000
    old = db("history", "ex-1", "--show", "1", "--db", db_url)
    assert "value: 5000" in old and "value: 6000" not in old

    db("export", str(tmp_path / "a"), "--db", db_url)
    db("export", str(tmp_path / "b"), "--db", db_url)
    a = sorted((tmp_path / "a").iterdir())
    assert len(a) == BUNDLED_COUNT + 1  # the bundled record and ex-1
    for path in a:
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes()
    db("export", str(tmp_path / "one"), "--activity", "ex-1", "--db", db_url)
    assert [p.name for p in (tmp_path / "one").iterdir()] == ["ex-1.yaml"]
    db(
        "export",
        str(tmp_path / "early"),
        "--activity",
        "ex-1",
        "--as-of",
        "2021-05-31",
        "--db",
        db_url,
    )
    assert "press" not in (tmp_path / "early" / "ex-1.yaml").read_text(encoding="utf-8")

    assert "consistent" in db("verify", "--db", db_url)


def test_default_database_is_in_the_user_data_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CSBM_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with pytest.raises(StoreError, match="csbm db init"):
        db("list")
    out = db("init")
    assert str(tmp_path / "data" / "csbm" / "csbm.sqlite") in out
    assert (tmp_path / "data" / "csbm" / "csbm.sqlite").is_file()
    db("import", "--bundled")
    assert len(json.loads(db("list", "--format", "json"))) == BUNDLED_COUNT


def test_environment_variable_names_the_database(tmp_path: Path) -> None:
    env = {"CSBM_DATABASE_URL": str(tmp_path / "env.sqlite")}
    db("init", env=env)
    db("import", str(ROOT / "src/csbm/data/dossiers/zapad-2009.yaml"), env=env)
    assert [a["id"] for a in json.loads(db("list", "--format", "json", env=env))] == ["zapad-2009"]


def test_upgrade_is_idempotent(db_url: str) -> None:
    assert "schema revision 0003" in db("upgrade", "--db", db_url)
    assert "schema revision 0003" in db("init", "--db", db_url)


def test_usage_errors(db_url: str) -> None:
    with pytest.raises(UsageError):
        db("import", "--db", db_url)
    with pytest.raises(UsageError):
        db("export", "out", "--as-of", "yesterday", "--db", db_url)
    with pytest.raises(StoreError, match="not in"):
        db("history", "no-such-activity", "--db", db_url)


def test_a_bad_file_exits_2_with_file_line_and_field(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(dossier_yaml(make_dossier("ex-1")), encoding="utf-8")
    bad = dossier_yaml(make_dossier("ex-2")).replace("kind: media", "kind: rumour")
    (tmp_path / "bad.yaml").write_text(bad, encoding="utf-8")
    line = bad.splitlines().index("    kind: rumour") + 1
    database = str(tmp_path / "x.sqlite")
    db("init", "--db", database)
    env = env_without_color() | {"CSBM_DATABASE_URL": database}
    r = subprocess.run(
        [sys.executable, "-m", "csbm.store", "import", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2
    assert f"bad.yaml:{line}: sources[1].kind: " in r.stderr
    assert "Traceback" not in r.stderr
    assert json.loads(db("list", "--format", "json", "--db", database)) == []


def test_dossier_errors_are_not_swallowed(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("csbm: 2\n", encoding="utf-8")
    db("init", "--db", str(tmp_path / "x.sqlite"))
    with pytest.raises(DossierError):
        db("import", str(tmp_path / "bad.yaml"), "--db", str(tmp_path / "x.sqlite"))
    assert os.path.exists(tmp_path / "x.sqlite")
