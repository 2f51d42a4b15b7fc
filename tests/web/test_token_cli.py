"""`csbm token …` and `csbm serve` as a person uses them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from csbm.store import Store, StoreError, init_store
from csbm.store.tokens import TOKEN_PREFIX, check_token
from csbm.web.cli import token_app

runner = CliRunner()


def token(*args: str) -> str:
    result = runner.invoke(token_app, list(args), catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.output
    return result.output


def test_create_list_revoke(tmp_path: Path) -> None:
    db = str(tmp_path / "t.sqlite")
    init_store(db)
    secret = token("create", "analyst", "--db", db).splitlines()[0]
    assert secret.startswith(TOKEN_PREFIX) and len(secret) > 40
    listed = json.loads(token("list", "--format", "json", "--db", db))
    assert [t["name"] for t in listed] == ["analyst"]
    assert secret not in json.dumps(listed) and listed[0]["revoked_at"] is None
    assert "analyst" in token("list", "--db", db)
    with Store(db) as store:
        assert check_token(store, secret) is not None
    assert "revoked analyst" in token("revoke", "analyst", "--db", db)
    with Store(db) as store:
        assert check_token(store, secret) is None
    assert json.loads(token("list", "--format", "json", "--db", db))[0]["revoked_at"]
    with pytest.raises(StoreError, match="no active token"):
        token("revoke", "analyst", "--db", db)


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite"
    done = subprocess.run(
        [sys.executable, "-m", "csbm", "serve", "--db", str(missing), "--port", "1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "csbm db init" in done.stderr and "Traceback" not in done.stderr
    assert not missing.exists()
