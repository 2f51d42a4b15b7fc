"""`csbm report` as a real command: every format, the examples kept, bad input, hostile text."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, ROOT, env_without_color
from tests.report.checks import assert_self_contained
from tests.report.conftest import HOSTILE, pdf_page_count, pdf_text
from tests.report.test_claimreview import check_claim_review

# The rendered examples for people to look at (gitignored).
ARTIFACTS = ROOT / "test-artifacts" / "reports"


def run(cmd: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*cmd, "report", *args],
        capture_output=True,
        text=True,
        env=env_without_color(),
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def examples() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.mark.parametrize(
    ("fmt", "suffix"), [("html", "html"), ("markdown", "md"), ("claimreview", "jsonld")]
)
def test_union_resolve_formats(csbm_cmd: list[str], examples: Path, fmt: str, suffix: str) -> None:
    out = examples / f"union-resolve-2022.{suffix}"
    done = run(csbm_cmd, "union-resolve-2022", "--format", fmt, "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert "Union Resolve 2022" in text
    if fmt == "html":
        assert_self_contained(text)
        assert 'class="csbm-map"' in text and 'class="csbm-timeline"' in text
        assert "notification indeterminate" in text
    elif fmt == "markdown":
        assert "notification indeterminate" in text
    else:
        items = json.loads(text)
        for item in items:
            check_claim_review(item)
            assert item["url"].startswith("urn:csbm:report:union-resolve-2022#")


def test_union_resolve_pdf(csbm_cmd: list[str], examples: Path) -> None:
    out = examples / "union-resolve-2022.pdf"
    done = run(csbm_cmd, "union-resolve-2022", "--format", "pdf", "--out", str(out))
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert pdf_page_count(data) >= 1
    text = " ".join(pdf_text(out).split())
    # Page 1 carries the bottom line, one line per obligation with its lean.
    first_page = " ".join(pdf_text(out).split("\f")[0].split())
    assert "Bottom line" in first_page
    assert "Prior notification: very likely not kept (85%)" in first_page
    assert "Union Resolve 2022 under the Vienna Document" in text
    assert "notification indeterminate" in text
    assert "Page 1 of" in text


def test_stdout_and_a_dossier_file(csbm_cmd: list[str], union_resolve: Path) -> None:
    done = run(csbm_cmd, str(union_resolve), "--format", "markdown", "--as-of", "2022-02-12")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Union Resolve 2022 under the Vienna Document")
    assert "only what was known on 2022-02-12" in done.stdout


def test_claimreview_url_option(csbm_cmd: list[str]) -> None:
    done = run(
        csbm_cmd, "zapad-2017", "--format", "claimreview", "--url", "https://example.org/z17"
    )
    assert done.returncode == 0, done.stderr
    items = json.loads(done.stdout)
    assert all(i["url"].startswith("https://example.org/z17#ch") for i in items)


def test_unknown_activity_exits_2(csbm_cmd: list[str], tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    done = run(csbm_cmd, "no-such-exercise-1999", "--out", str(out))
    assert done.returncode == 2
    assert "no-such-exercise-1999" in done.stderr
    assert "nor a bundled activity id" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_unwritable_out_leaves_nothing(csbm_cmd: list[str], tmp_path: Path) -> None:
    # A folder where the file should be: the rename fails after the temporary file is written.
    folder = tmp_path / "taken"
    folder.mkdir()
    done = run(csbm_cmd, "union-resolve-2022", "--out", str(folder))
    assert done.returncode == 2
    assert f"--out {folder}: cannot write it" in done.stderr
    assert list(tmp_path.iterdir()) == [folder] and list(folder.iterdir()) == []
    # A path under a file: the temporary file cannot even be made.
    blocker = tmp_path / "file"
    blocker.write_text("keep", encoding="utf-8")
    done = run(csbm_cmd, "union-resolve-2022", "--out", str(blocker / "r.html"))
    assert done.returncode == 2 and "cannot write it" in done.stderr
    assert blocker.read_text(encoding="utf-8") == "keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "taken"]


def test_existing_file_is_replaced_whole(csbm_cmd: list[str], tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    out.write_text("old", encoding="utf-8")
    done = run(csbm_cmd, "union-resolve-2022", "--format", "markdown", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("# Union Resolve 2022")
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]
    assert os.stat(out).st_mode & 0o044  # readable like any new file, not private


def test_bad_option_values_exit_2(csbm_cmd: list[str]) -> None:
    done = run(csbm_cmd, "union-resolve-2022", "--as-of", "yesterday")
    assert done.returncode == 2 and "--as-of" in done.stderr
    done = run(csbm_cmd, "union-resolve-2022", "--ruleset", "vd1066")
    assert done.returncode == 2 and "vd1066" in done.stderr


def test_hostile_text_is_escaped(csbm_cmd: list[str], hostile_dossier: Path) -> None:
    done = run(csbm_cmd, str(hostile_dossier), "--format", "html")
    assert done.returncode == 0, done.stderr
    doc = done.stdout
    assert HOSTILE not in doc and "<script" not in doc
    assert_self_contained(doc)
    escaped = html.escape(HOSTILE, quote=False)
    # In the quote, the place table, the map's legend and title, the source title.
    assert doc.count(escaped) >= 4
    svg = doc[doc.index('<svg xmlns="http://www.w3.org/2000/svg" class="csbm-map"') :]
    svg = svg[: svg.index("</svg>")]
    assert escaped in svg
    assert 'href="javascript' not in doc
    done = run(csbm_cmd, str(hostile_dossier), "--format", "markdown")
    assert done.returncode == 0, done.stderr
    assert "<script" not in done.stdout and "&lt;script&gt;" in done.stdout
    assert re.search(r"(?<!\\)\]\(<?javascript", done.stdout) is None
    done = run(csbm_cmd, str(hostile_dossier), "--format", "claimreview")
    assert done.returncode == 0, done.stderr
    json.loads(done.stdout)
    assert "javascript" not in done.stdout


def test_a_script_address_is_refused(csbm_cmd: list[str], tmp_path: Path) -> None:
    # A source's url becomes a link: the dossier model takes only http(s) addresses, so a
    # javascript: one stops the report with the file, line and field.
    text = (BUNDLED / "union-resolve-2022.yaml").read_text(encoding="utf-8")
    text = text.replace("url: https://tass.com/defense/1389595", "url: 'javascript:alert(1)//'", 1)
    path = tmp_path / "script-url.yaml"
    path.write_text(text, encoding="utf-8")
    done = run(csbm_cmd, str(path), "--format", "html")
    assert done.returncode == 2 and done.stdout == ""
    assert re.search(r"script-url\.yaml:\d+: sources\[\d+\]\.url: .*not a web address", done.stderr)


def test_from_a_database(csbm_cmd: list[str], union_resolve: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "record.sqlite")
    env = env_without_color()
    for args in (["db", "init", "--db", db], ["db", "import", "--db", db, str(union_resolve)]):
        done = subprocess.run(
            [*csbm_cmd, *args], capture_output=True, text=True, env=env, timeout=300, check=False
        )
        assert done.returncode == 0, done.stderr
    done = run(csbm_cmd, "union-resolve-2022", "--db", db, "--format", "markdown")
    assert done.returncode == 0, done.stderr
    assert "notification indeterminate" in done.stdout
    done = run(csbm_cmd, "zapad-2017", "--db", db)
    assert done.returncode == 2 and "zapad-2017" in done.stderr
