"""JSON, table and dossier output, and the command (mounted as `csbm extract`)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import typer
from rich.console import Console
from typer.testing import CliRunner

from csbm.errors import InputError, UsageError
from csbm.extract import extract, to_dict, to_dossier, to_terminal, to_yaml
from csbm.extract.cli import extract_command
from csbm.extract.output.dossier import ExtractDossierError, Given
from csbm.model.load import load_dossier, parse_dossier
from tests.conftest import BUNDLED

TEXT = (
    "Russia has moved around 30,000 combat troops into Belarus for Union Resolve 2022, NATO "
    "Secretary-General Jens Stoltenberg said on Thursday. The joint Russian-Belarusian drills "
    "are scheduled for Feb. 10-20 at the Obuz-Lesnovsky range. Under the Vienna Document, "
    "exercises above 13,000 troops must be open to observers.\n"
)
PUB = date(2022, 2, 3)

app = typer.Typer(pretty_exceptions_enable=False)
app.command("extract")(extract_command)


@app.command("noop")
def _noop() -> None:
    """A second command, so that `extract` is a subcommand as in csbm's app."""


def test_json_has_the_contract_fields() -> None:
    data = to_dict(extract(TEXT, published=PUB, url="https://example.org/a"))
    assert set(data) >= {
        "document",
        "exercises",
        "states",
        "period",
        "figures",
        "locations",
        "vienna_document",
    }
    assert data["document"]["url"] == "https://example.org/a"
    assert data["document"]["published"] == "2022-02-03"
    assert set(data["exercises"][0]) >= {"name", "mentions"}
    assert set(data["states"][0]) >= {"code", "role"}
    assert set(data["period"]) >= {"exercise", "start", "end"}
    assert set(data["figures"][0]) >= {
        "quantity",
        "value",
        "low",
        "high",
        "qualifier",
        "attributed_to",
        "exercise",
        "scope",
        "evidence",
    }
    assert set(data["figures"][0]["evidence"]) >= {"text", "start", "end"}
    loc = data["locations"][0]
    assert (loc["name"], loc["lat"], loc["lon"]) == ("Obuz-Lesnovsky range", 52.93, 25.8)
    assert set(loc["evidence"]) >= {"start", "end"}
    assert set(data["vienna_document"]) >= {"mentioned", "threshold_mentions"}
    held = data["vienna_document"]["threshold_mentions"][0]
    assert (held["quantity"], held["value"]) == ("troops", 13000)
    json.dumps(data)


def test_table_prints() -> None:
    console = Console(record=True, width=120)
    to_terminal(extract(TEXT, published=PUB), console)
    out = console.export_text()
    assert "Union Resolve 2022" in out and "Jens Stoltenberg" in out and "13,000" in out


def test_table_does_not_interpret_markup_or_controls() -> None:
    console = Console(record=True, width=120)
    to_terminal(extract("[red]Zapad-2021[/red] with 5,000 troops\x1b[2J", published=PUB), console)
    out = console.export_text()
    assert "\x1b" not in out


def test_new_dossier_validates() -> None:
    x = extract(TEXT, published=PUB, url="https://example.org/nato-belarus")
    dossier = parse_dossier(to_yaml(to_dossier(x)))
    assert dossier.activity.start == date(2022, 2, 10)
    assert dossier.activity.locations[0].source == dossier.sources[0].id
    assert dossier.sources[0].url == "https://example.org/nato-belarus"
    assert dossier.sources[0].published == PUB
    assert dossier.claims[0].attributed_to == "Jens Stoltenberg"
    assert dossier.claims[0].quote == "around 30,000 combat troops"


def test_dossier_without_url_uses_a_hash_symbol() -> None:
    dossier = parse_dossier(to_yaml(to_dossier(extract(TEXT, published=PUB))))
    assert dossier.sources[0].symbol is not None
    assert dossier.sources[0].symbol.startswith("sha256:")


def test_an_archive_reference_is_kept_as_the_symbol_not_as_a_link() -> None:
    x = extract(TEXT, published=PUB, url="archive:2022/02/03/0042")
    source = parse_dossier(to_yaml(to_dossier(x))).sources[0]
    assert (source.url, source.symbol) == (None, "archive:2022/02/03/0042")


def test_new_dossier_refuses_to_guess() -> None:
    with pytest.raises(ExtractDossierError, match="first and last day"):
        to_dossier(extract("Russian troops are in Belarus for Zapad-2021.", published=PUB))


def test_merge_into_an_existing_dossier() -> None:
    base = load_dossier(BUNDLED / "union-resolve-2022.yaml")
    x = extract(TEXT, published=PUB, url="https://example.org/new")
    merged = parse_dossier(to_yaml(to_dossier(x, into=base, publisher="Example News")))
    assert len(merged.sources) == len(base.sources) + 1
    assert len(merged.claims) == len(base.claims) + 1
    assert merged.activity == base.activity
    assert merged.sources[-1].publisher == "Example News"


def test_merge_refuses_another_activity_and_a_known_url() -> None:
    base = load_dossier(BUNDLED / "zapad-2021.yaml")
    with pytest.raises(ExtractDossierError, match="about Union Resolve 2022"):
        to_dossier(extract(TEXT, published=PUB), into=base)
    base = load_dossier(BUNDLED / "union-resolve-2022.yaml")
    url = base.sources[0].url
    with pytest.raises(ExtractDossierError, match="already has a source"):
        to_dossier(extract(TEXT, published=PUB, url=url), into=base)


def test_command_formats(tmp_path: Path) -> None:
    src = tmp_path / "article.txt"
    src.write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(app, ["extract", str(src), "--published", "2022-02-03", "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["figures"][0]["value"] == 30000
    out = runner.invoke(app, ["extract", str(src), "--published", "2022-02-03"])
    assert out.exit_code == 0 and "Jens Stoltenberg" in out.stdout
    out = runner.invoke(
        app,
        [
            "extract",
            "-",
            "--published",
            "2022-02-03",
            "--format",
            "dossier",
            "--url",
            "https://e.org/x",
        ],
        input=TEXT,
    )
    assert out.exit_code == 0, out.output
    assert parse_dossier(out.stdout).claims[0].value == 30000
    target = tmp_path / "merged.yaml"
    out = runner.invoke(
        app,
        [
            "extract",
            str(src),
            "--published",
            "2022-02-03",
            "--format",
            "dossier",
            "--into",
            str(BUNDLED / "union-resolve-2022.yaml"),
            "-o",
            str(target),
        ],
    )
    assert out.exit_code == 0, out.output
    assert len(load_dossier(target).sources) > 1


def test_command_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert isinstance(missing.exception, InputError)
    bad_date = runner.invoke(app, ["extract", "-", "--published", "11/02/2022"], input="x")
    assert isinstance(bad_date.exception, UsageError)
    into_json = runner.invoke(app, ["extract", "-", "--into", "x.yaml"], input="x")
    assert isinstance(into_json.exception, UsageError)


def test_new_dossier_names_the_options_for_what_the_text_lacks() -> None:
    # Issue 16: --format dossier asks for what it cannot infer instead of only failing.
    x = extract("Russian troops are in Belarus for Zapad-2021.", published=PUB)
    with pytest.raises(ExtractDossierError, match=r"--start and --end"):
        to_dossier(x)
    with pytest.raises(ExtractDossierError, match=r"the exercise's name \(give it with --name\)"):
        to_dossier(extract("Troops arrived on 10-20 February.", published=PUB))


def test_what_is_given_fills_the_activity_and_the_notes_say_so() -> None:
    x = extract("Russian troops are in Belarus for Zapad-2021.", published=PUB)
    given = Given(
        id="zapad-2021-test",
        conducting=("RUS", "BLR"),
        host=("BLR",),
        start=date(2021, 9, 10),
        end=date(2021, 9, 16),
    )
    d = parse_dossier(to_yaml(to_dossier(x, given=given)))
    a = d.activity
    assert (a.id, a.conducting_states, a.host_states) == (
        "zapad-2021-test",
        ["RUS", "BLR"],
        ["BLR"],
    )
    assert (a.start, a.end) == (date(2021, 9, 10), date(2021, 9, 16))
    assert a.notes is not None
    assert "start given on the command line" in a.notes
    assert "Given on the command line: --id, --conducting, --host." in a.notes
    base = load_dossier(BUNDLED / "union-resolve-2022.yaml")
    with pytest.raises(ExtractDossierError, match="--host describe a new dossier's activity"):
        to_dossier(extract(TEXT, published=PUB), into=base, given=Given(host=("BLR",)))


def test_command_takes_the_activity_options(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["extract", "-", "--published", "2021-09-01", "--format", "dossier"]
    text = "Russian troops are in Belarus for Zapad-2021."
    asked = runner.invoke(app, args, input=text)
    assert isinstance(asked.exception, ExtractDossierError)
    assert "--start and --end" in str(asked.exception)
    more = ["--start", "2021-09-10", "--end", "2021-09-16", "--conducting", "rus, blr"]
    out = runner.invoke(app, [*args, *more, "--host", "BLR"], input=text)
    assert out.exit_code == 0, out.output
    assert parse_dossier(out.stdout).activity.conducting_states == ["RUS", "BLR"]
    for bad, message in (
        (["--host", "XYZ"], "--host: 'XYZ' is not an ISO 3166-1 alpha-3 country code"),
        (["--start", "10.09.2021"], "--start:"),
        (["--id", "Zapad 2021"], "--id: 'Zapad 2021' is not a slug"),
        (["--conducting", "RUS,RUS"], "--conducting:"),
    ):
        wrong = runner.invoke(app, [*args, *bad], input=text)
        assert isinstance(wrong.exception, UsageError), (bad, wrong.output)
        assert message in str(wrong.exception), (bad, str(wrong.exception))
    table = runner.invoke(app, ["extract", "-", "--host", "BLR"], input=text)
    assert isinstance(table.exception, UsageError)
    assert "--host needs --format dossier" in str(table.exception)
