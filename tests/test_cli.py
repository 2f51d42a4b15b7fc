"""The command line, run as a real subprocess, as a person would."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import BUNDLED, env_without_color


def run(
    cmd: list[str], *args: str, env_extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = env_without_color() | (env_extra or {})
    return subprocess.run([*cmd, *args], capture_output=True, text=True, env=env, timeout=120)


def test_assess_bundled_by_id(csbm_cmd: list[str]) -> None:
    r = run(csbm_cmd, "assess", "union-resolve-2022", "--details")
    assert r.returncode == 0, r.stderr
    assert "Union Resolve 2022" in r.stdout
    assert "ch05.prior_notification" in r.stdout
    assert "2021-12-30" in r.stdout
    assert "unverified" in r.stdout


def test_assess_prints_one_screen(csbm_cmd: list[str]) -> None:
    # Issue 15: the headline, key figures and sources in at most 40 lines (at 100 columns);
    # --details gives the full account.
    r = run(csbm_cmd, "assess", "union-resolve-2022", env_extra={"COLUMNS": "100"})
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) <= 40, len(lines)
    assert lines[0].startswith("Union Resolve 2022")
    text = r.stdout.replace("\n", " ")
    for title in ("Prior notification:", "Observation:", "Annual calendar:"):
        assert title in text
    assert "very likely not kept (85%), indeterminate" in text
    assert "hinges on: single operational command (presumed)" in text
    assert "Key figures" in text and "--details" in text
    details = run(csbm_cmd, "assess", "union-resolve-2022", "--details")
    assert len(details.stdout.splitlines()) > 2 * len(lines)


def test_assess_json_shape(csbm_cmd: list[str], union_resolve: Path) -> None:
    r = run(csbm_cmd, "assess", str(union_resolve), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert isinstance(data, list) and len(data) == 1
    item = data[0]
    assert set(item) >= {"activity", "ruleset", "as_of", "scenarios"}
    assert item["ruleset"]["id"] == "vd2011"
    assert set(item["scenarios"]) == {"declared", "independent", "all"}
    finding = next(
        f
        for f in item["scenarios"]["independent"]["findings"]
        if f["rule"] == "ch05.prior_notification"
    )
    assert set(finding) >= {
        "rule",
        "applies",
        "outcome",
        "reason",
        "citations",
        "parameters",
        "claims",
        "deadline",
    }
    assert finding["deadline"]["due"] == "2021-12-30"
    assert item["scenarios"]["independent"]["estimates"]["troops"]["low"] >= 13000


def test_scenario_and_as_of_options(csbm_cmd: list[str]) -> None:
    r = run(
        csbm_cmd,
        "assess",
        "union-resolve-2022",
        "--format",
        "json",
        "--scenario",
        "independent",
        "--as-of",
        "2022-02-02",
    )
    assert r.returncode == 0, r.stderr
    [item] = json.loads(r.stdout)
    assert list(item["scenarios"]) == ["independent"]
    assert item["as_of"] == "2022-02-02"
    assert "troops" not in item["scenarios"]["independent"]["estimates"]


def test_markdown_output(csbm_cmd: list[str]) -> None:
    r = run(csbm_cmd, "assess", "union-resolve-2022", "--format", "markdown", "--details")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("## Union Resolve 2022")
    assert "| `ch05.prior_notification` |" in r.stdout
    assert "- **Prior notification**: very likely not kept (85%)" in r.stdout
    brief = run(csbm_cmd, "assess", "union-resolve-2022", "--format", "markdown")
    assert brief.stdout.startswith("## Union Resolve 2022")
    assert "- **Prior notification**: very likely not kept (85%)" in brief.stdout
    assert "ch05.prior_notification" not in brief.stdout


def test_bad_dossier_exits_2_with_location(
    csbm_cmd: list[str], tmp_path: Path, union_resolve: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(union_resolve.read_text().replace("end: 2022-02-20", "end: 2022-01-20"))
    r = run(csbm_cmd, "assess", str(bad))
    assert r.returncode == 2
    assert f"{bad}:" in r.stderr and "before start" in r.stderr
    assert "Traceback" not in r.stderr
    assert r.stdout == ""


def test_unknown_inputs_exit_2(csbm_cmd: list[str], tmp_path: Path) -> None:
    for args, words in [
        (["assess", str(tmp_path / "missing.yaml")], "no such file"),
        (["assess", "union-resolve-2022", "--ruleset", "vd2031"], "unknown ruleset"),
        (["assess", "union-resolve-2022", "--as-of", "2022-02-31"], "not a date"),
        (["rules", "show", "ch99.nothing"], "no rule"),
    ]:
        r = run(csbm_cmd, *args)
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        assert words in r.stderr, (args, r.stderr)
        assert "Traceback" not in r.stderr


def test_bad_option_value_is_a_usage_error(csbm_cmd: list[str]) -> None:
    r = run(csbm_cmd, "assess", "union-resolve-2022", "--scenario", "rumour")
    assert r.returncode == 2 and "rumour" in r.stderr


def test_rules_list_and_show(csbm_cmd: list[str]) -> None:
    r = run(csbm_cmd, "rules", "list", "--format", "json")
    assert r.returncode == 0, r.stderr
    ids = {x["id"] for x in json.loads(r.stdout)}
    assert {
        "ch05.prior_notification",
        "ch06.observation_invitation",
        "ch07.annual_calendar",
        "ch08.large_activity_communication",
        "ch03.unusual_activity_reply",
        "ch03.meeting",
        "ch08.constraint_1",
        "ch08.constraint_4",
    } <= ids
    r = run(csbm_cmd, "rules", "show", "ch05.prior_notification")
    assert r.returncode == 0, r.stderr
    assert "at least 9,000" in r.stdout and "V 40.1.1" in r.stdout and "verified" in r.stdout
    # Values as a person writes them: no "None", no "> None" (issue 15).
    shown = run(csbm_cmd, "rules", "show", "ch08.constraint_4")
    assert "None" not in shown.stdout and "unknown" in shown.stdout


def test_schema_dossier(csbm_cmd: list[str]) -> None:
    r = run(csbm_cmd, "schema", "dossier")
    assert r.returncode == 0, r.stderr
    schema = json.loads(r.stdout)
    assert "activity" in schema["properties"]
    assert "Claim" in schema["$defs"]


def test_check_command(csbm_cmd: list[str], union_resolve: Path) -> None:
    r = run(csbm_cmd, "check", str(union_resolve.parent))
    assert r.returncode == 0 and "valid" in r.stdout


def test_python_module_entry(union_resolve: Path) -> None:
    import sys

    r = run([sys.executable, "-m", "csbm"], "--version")
    assert r.returncode == 0 and r.stdout.startswith("csbm ")


def test_generated_docs_are_current() -> None:
    import sys

    r = run([sys.executable, "-m", "csbm.docgen"], "check")
    assert r.returncode == 0, r.stderr


def test_assess_all_one_line_per_activity(csbm_cmd: list[str]) -> None:
    from csbm.data import bundled_ids

    r = run(csbm_cmd, "assess", "--all", "--format", "json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert len(rows) == len(bundled_ids()) >= 40
    by_id = {row["id"]: row for row in rows}
    assert by_id["zapad-2009"]["ruleset"] == "vd1999"
    assert by_id["union-resolve-2022"]["ruleset"] == "vd2011"
    assert "subset_counting" in by_id["kavkaz-2020"]["signals"]
    assert "splitting" in by_id["zapad-2013"]["signals"]
    assert "revision" in by_id["kavkaz-2016"]["signals"]
    assert "alert_use" in by_id["russia-snap-check-feb-2014"]["signals"]
    assert by_id["trident-juncture-2018"]["signals"] == ""
    # Open outcomes carry their lean beside them (issue 12).
    assert by_id["union-resolve-2022"]["all_notification"] == "indeterminate"
    assert by_id["union-resolve-2022"]["all_notification_lean"] == "non_compliant"
    r = run(csbm_cmd, "assess", "--all", "--format", "csv")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("id,name,start,end") and len(lines) == len(rows) + 1
    r = run(csbm_cmd, "assess", "--all")
    assert r.returncode == 0 and "union-resolve-2022" in r.stdout


def test_state_year_constraints(csbm_cmd: list[str]) -> None:
    r = run(csbm_cmd, "assess", "--state", "RUS", "--year", "2021", "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    rules = {f["rule"] for f in data["scenarios"]["all"]}
    assert rules == {f"ch08.constraint_{n}" for n in range(1, 5)}
    assert all(f["subject"] == "RUS 2021" for f in data["scenarios"]["all"])
    r = run(csbm_cmd, "assess", "--state", "RUS")
    assert r.returncode == 2 and "together" in r.stderr
    r = run(csbm_cmd, "assess", "--state", "ISL", "--year", "2001")
    assert r.returncode == 0 and "No activity" in r.stdout


def test_zone_check_command(csbm_cmd: list[str]) -> None:
    r = run(csbm_cmd, "zone", "check", "53.9", "27.56", "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["status"] == "inside" and data["country"] == "BLR"
    r = run(csbm_cmd, "zone", "check", "55.0", "82.9")
    assert r.returncode == 0 and r.stdout.startswith("outside")
    r = run(csbm_cmd, "zone", "check", "95", "10")
    assert r.returncode == 2 and "latitude" in r.stderr


def test_csv_is_one_row_per_finding(csbm_cmd: list[str]) -> None:
    import csv
    import io

    r = run(csbm_cmd, "assess", "union-resolve-2022", "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0])[:9] == [
        "activity",
        "scenario",
        "rule",
        "outcome",
        "lean",
        "likelihood",
        "due",
        "met",
        "citations",
    ]
    j = run(csbm_cmd, "assess", "union-resolve-2022", "--format", "json")
    [item] = json.loads(j.stdout)
    count = sum(len(s["findings"]) for s in item["scenarios"].values())
    assert len(rows) == count
    notice = next(
        x for x in rows if x["rule"] == "ch05.prior_notification" and x["scenario"] == "all"
    )
    assert notice["due"] == "2021-12-30" and notice["met"] in {"yes", "no", ""}
    r = run(csbm_cmd, "assess", "--state", "RUS", "--year", "2021", "--format", "csv")
    assert r.returncode == 0 and r.stdout.startswith("activity,scenario,rule")
    assert "RUS 2021" in r.stdout


def test_a_format_a_command_cannot_give_is_refused(csbm_cmd: list[str]) -> None:
    for args in (
        ["assess", "--all", "--format", "markdown"],
        ["assess", "--state", "RUS", "--year", "2021", "--format", "markdown"],
        ["assess", "union-resolve-2022", "--format", "yaml"],
        ["report", "union-resolve-2022", "--format", "csv"],
    ):
        r = run(csbm_cmd, *args)
        assert r.returncode == 2, (args, r.stdout)
        assert r.stdout == ""


def test_state_and_year_are_checked(csbm_cmd: list[str]) -> None:
    r = run(csbm_cmd, "assess", "--state", "RUSS", "--year", "2021")
    assert r.returncode == 2 and "did you mean RUS" in r.stderr
    r = run(csbm_cmd, "assess", "--state", "Russia", "--year", "2021")
    assert r.returncode == 2 and "did you mean RUS" in r.stderr
    r = run(csbm_cmd, "assess", "--state", "RUS", "--year", "1821")
    assert r.returncode == 2 and "--year 1821" in r.stderr
    r = run(csbm_cmd, "assess", "--state", "rus", "--year", "2021", "--format", "json")
    assert r.returncode == 0 and json.loads(r.stdout)["state"] == "RUS"


def test_assess_and_report_read_the_default_database(
    csbm_cmd: list[str], tmp_path: Path, union_resolve: Path
) -> None:
    env = {k: v for k, v in env_without_color().items() if k != "CSBM_DATABASE_URL"}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")

    def go(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*csbm_cmd, *args], capture_output=True, text=True, env=env, timeout=120
        )

    # No default database: the bundled dossier, and no note.
    r = go("assess", "union-resolve-2022", "--format", "json")
    assert r.returncode == 0 and "database" not in r.stderr
    # A database holding a changed version: that version is assessed, and it says so.
    changed = tmp_path / "union-resolve-2022.yaml"
    changed.write_text(
        union_resolve.read_text().replace("name: Union Resolve 2022", "name: Union Resolve (db)")
    )
    assert go("db", "init").returncode == 0
    assert go("db", "import", str(changed)).returncode == 0
    r = go("assess", "union-resolve-2022", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)[0]["activity"]["name"] == "Union Resolve (db)"
    assert "read from the database" in r.stderr
    r = go("report", "union-resolve-2022", "--format", "markdown")
    assert r.returncode == 0 and "Union Resolve (db)" in r.stdout
    # A file path is the file.
    r = go("assess", str(union_resolve), "--format", "json")
    assert json.loads(r.stdout)[0]["activity"]["name"] == "Union Resolve 2022"


def test_help_shows_no_python_types(csbm_cmd: list[str]) -> None:
    for args in (["--help"], ["assess", "--help"], ["db", "import", "--help"], ["serve", "--help"]):
        r = run(csbm_cmd, *args)
        assert r.returncode == 0
        for python in ("<list[", "<bool>", "<str>", "<int>", "list[str]"):
            assert python not in r.stdout, (args, python)


def test_record_coverage_counts_the_bundled_files(csbm_cmd: list[str]) -> None:
    r = run(csbm_cmd, "record", "coverage", "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["dossiers"] == len(list(BUNDLED.glob("*.yaml")))
    assert 0 < data["with_act"] <= data["dossiers"]
    assert 0 < data["top_level_with_notification"] <= data["top_level"] < data["dossiers"]
    assert data["years"][0] == 2009 and data["missing_years"] == []
    table = run(csbm_cmd, "record", "coverage")
    assert f"dossiers: {data['dossiers']}" in table.stdout
