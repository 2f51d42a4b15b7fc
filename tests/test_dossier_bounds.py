"""What a dossier may hold (issue 17 §3): documented bounds, YAML 1.2 reading, no repeats,
file limits that say which limit was reached, and nothing raw reaches the terminal."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from csbm import DossierError, parse_dossier
from csbm._printable import console_class, printable
from csbm._yaml import MAX_BYTES, MAX_REPEATS, MAX_VALUES, parse_yaml
from csbm.errors import InputError
from csbm.model.bounds import MAX_FIGURE
from tests.test_dossier_load import GOOD


def problem(text: str) -> tuple[int | None, str | None, str]:
    with pytest.raises(DossierError) as info:
        parse_dossier(text, "demo.yaml")
    first = info.value.problems[0]
    return first.line, first.field, first.message


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "words"),
    [
        ("value: 9000", "value: 1" + "0" * 309, 13, "claims[0].value", "less than or equal"),
        ("value: 9000", "value: 100000000000000000000", 13, "claims[0].value", "10000000"),
        ("value: 9000", "value: 3:00:00", 13, "claims[0].value", "integer"),
        ("value: 9000", "bound: {upper: 10000001}", 13, "claims[0].bound.upper", "10000000"),
        ("csbm: 1", "csbm: true", 1, "csbm", "not a whole number"),
        ("csbm: 1", "csbm: 1.0", 1, "csbm", "not a whole number"),
        ("source: s1}", "source: s1, credibility: true}", 13, "claims[0].credibility", "whole"),
        ("start: 2023-06-10", "start: 0", 8, "activity.start", "a number, not a date"),
        ("start: 2023-06-10", "start: 0001-06-10", 8, "activity.start", "outside the range"),
        ("end: 2023-06-20", "end: 9999-12-31", 9, "activity.end", "outside the range"),
        ('org"', 'org", published: 9999-12-31', 11, "sources[0].published", "range"),
        ("date: 2023-04-20", "date: 1960", 15, "acts[0].date", "outside the range"),
        ("date: 2023-04-20", "date: 0001-01-01T00:00", 15, "acts[0].date", "outside the range"),
        ("host_states: [RUS]", "host_states: [RUS, BLR, RUS]", 7, "activity.host_states", "twice"),
        ("conducting_states: [RUS]", "conducting_states: [RUS, RUS]", 6, None, "twice"),
        ("by: RUS,", "by: [RUS, RUS],", 15, "acts[0].by", "RUS is listed twice"),
        ("  end: 2023-06-20", "  end: 2023-06-20\n  duration_hours: 99999999", 10, None, "10000"),
        # 2023-06-10 to 2023-06-20: 11 days, so between 216 and 264 hours.
        ("  end: 2023-06-20", "  end: 2023-06-20\n  duration_hours: 265", 10, None, "at most 264"),
        ("  end: 2023-06-20", "  end: 2023-06-20\n  duration_hours: 215", 10, None, "(216 hours)"),
        ("value: 9000", "value: !!binary aGVsbG8=", 13, None, "tag"),
        # Only true and false are booleans: what YAML 1.1 or a lax reader would turn into
        # one is refused, never guessed.
        ("  end: 2023-06-20", "  end: 2023-06-20\n  alert: 'no'", 10, "activity.alert", "'no' is"),
        ("  end: 2023-06-20", "  end: 2023-06-20\n  alert: off", 10, "activity.alert", "true or"),
        ("  end: 2023-06-20", "  end: 2023-06-20\n  alert: 0", 10, "activity.alert", "0 is not"),
        (
            "  end: 2023-06-20",
            "  end: 2023-06-20\n  single_operational_command: 1",
            10,
            "activity.single_operational_command",
            "not true or false",
        ),
        ("source: s1}", "source: s1, counted_under_vd: yes}", 13, None, "not true or false"),
        ("date: 2023-04-20,", "date: 2023-04-20, made: 'false',", 15, "acts[0].made", "true or"),
    ],
)
def test_refused_with_line_and_field(
    old: str, new: str, line: int, field: str | None, words: str
) -> None:
    assert old in GOOD
    got_line, got_field, message = problem(GOOD.replace(old, new))
    assert got_line == line
    if field is not None:
        assert got_field == field
    assert words in message


@pytest.mark.parametrize("hours", [216, 240, 264])
def test_a_duration_the_dates_allow_is_accepted(hours: int) -> None:
    text = GOOD.replace("  end: 2023-06-20", f"  end: 2023-06-20\n  duration_hours: {hours}")
    assert parse_dossier(text, "demo.yaml").activity.hours_range == (hours, hours)


def test_figure_ceiling_is_accepted() -> None:
    d = parse_dossier(GOOD.replace("value: 9000", f"value: {MAX_FIGURE}"), "demo.yaml")
    assert d.claims[0].value == MAX_FIGURE


@pytest.mark.parametrize(
    ("scalar", "value"),
    [
        ("050000", 50000),  # YAML 1.1: octal 20,480
        ("3:00:00", "3:00:00"),  # YAML 1.1: sexagesimal 10,800
        ("1_000", "1_000"),  # YAML 1.1: 1000
        ("yes", "yes"),  # YAML 1.1: true
        ("off", "off"),  # YAML 1.1: false
        ("0o17", 15),
        ("0x1F", 31),
        ("-012", -12),
        ("1e3", 1000.0),  # YAML 1.1: text
        ("true", True),
        ("~", None),
        ("2022-02-30", "2022-02-30"),  # dates stay text for the model to check
    ],
)
def test_scalars_read_as_yaml_1_2(scalar: str, value: object) -> None:
    assert parse_yaml(f"a: {scalar}", "f.yaml", InputError).data == {"a": value}


def test_octal_looking_figure_is_decimal() -> None:
    d = parse_dossier(GOOD.replace("value: 9000", "value: 050000"), "demo.yaml")
    assert d.claims[0].value == 50000


def test_large_file_without_aliases_names_the_real_limit() -> None:
    text = "a: [" + "0," * (MAX_VALUES + 5) + "]\n"
    assert len(text) < MAX_BYTES
    with pytest.raises(InputError) as info:
        parse_yaml(text, "big.yaml", InputError)
    message = str(info.value)
    assert f"holds more than {MAX_VALUES:,} values" in message
    assert "alias" not in message
    assert "big.yaml:" in message


def test_alias_expansion_is_named() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 8)]
    with pytest.raises(InputError) as info:
        parse_yaml("\n".join(lines), "laughs.yaml", InputError)
    assert f"aliases repeat more than {MAX_REPEATS:,} values" in str(info.value)


def test_file_over_the_byte_limit_says_so() -> None:
    text = "a: '" + "x" * MAX_BYTES + "'\n"
    with pytest.raises(InputError) as info:
        parse_yaml(text, "huge.yaml", InputError)
    assert f"up to {MAX_BYTES:,} bytes" in str(info.value)


def test_errors_without_a_node_still_name_a_line() -> None:
    with pytest.raises(InputError) as info:
        parse_yaml(b"a: 1\nb: \xff\n", "bin.yaml", InputError)
    assert info.value.problems[0].line == 2
    with pytest.raises(InputError) as info:
        parse_yaml("a: 1\nb: \x07\n", "ctl.yaml", InputError)
    assert info.value.problems[0].line == 2
    with pytest.raises(InputError) as info:
        parse_yaml("", "empty.yaml", InputError)
    assert info.value.problems[0].line == 1


def test_printable_drops_control_characters() -> None:
    assert printable("Demo\x1b[31m\x07\x9b\u202eX\tY\n") == "Demo[31mX\tY\n"


def test_console_drops_data_escapes_and_keeps_its_own_styling() -> None:
    buffer = io.StringIO()
    console = console_class()(file=buffer, force_terminal=True, color_system="standard")
    console.print("[red]bad[/red] Demo\x1b]0;title\x07\x1b[2J")
    out = buffer.getvalue()
    assert "\x1b[31m" in out  # csbm's own colour
    assert "\x1b]0" not in out and "\x1b[2J" not in out and "\x07" not in out


def test_cli_prints_names_without_escapes(tmp_path: Path) -> None:
    dossier = tmp_path / "esc.yaml"
    dossier.write_text(GOOD.replace("name: Demo", 'name: "Demo\\e[2J\\x07"'), encoding="utf-8")
    for fmt in ("table", "markdown", "json", "csv"):
        run = subprocess.run(
            [sys.executable, "-m", "csbm", "assess", str(dossier), "--format", fmt],
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == 0, run.stderr
        assert "demo" in run.stdout.lower()
        assert "\x1b" not in run.stdout and "\x07" not in run.stdout


def test_cli_refusal_exits_2_naming_file_line_field(tmp_path: Path) -> None:
    dossier = tmp_path / "big.yaml"
    dossier.write_text(GOOD.replace("value: 9000", "value: 1" + "0" * 20), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "csbm", "check", str(dossier)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert f"{dossier}:13: claims[0].value:" in run.stderr
    assert "Traceback" not in run.stderr


def test_extracted_figure_above_the_ceiling_is_dropped_with_the_reason() -> None:
    from datetime import date

    from csbm.extract.pipeline import extract

    text = (
        "Russia and Belarus will hold the Zapad-2021 exercise from 10 to 16 September, "
        "with 12,000,000,000 troops and 9,000 troops in reserve, the ministry said."
    )
    result = extract(text, published=date(2021, 9, 1))
    assert result.figures and all(f.value != 12_000_000_000 for f in result.figures)
    assert any("the most csbm accepts" in d.reason for d in result.dropped)
    # what becomes a dossier's claims stays inside the model's bounds
    assert all((f.value or 0) <= MAX_FIGURE and (f.high or 0) <= MAX_FIGURE for f in result.figures)


@pytest.mark.parametrize("text", ["1e5", "0o17", "0x1F", ".5", "TRUE", "050000", "yes", "~"])
def test_written_dossiers_keep_text_that_yaml_1_2_would_read_as_a_number(text: str) -> None:
    from csbm.extract.output import to_yaml
    from csbm.store.files import dossier_yaml

    d = parse_dossier(GOOD.replace("name: Demo", f"name: Demo\n  notes: '{text}'"), "demo.yaml")
    assert d.activity.notes == text
    for written in (dossier_yaml(d), to_yaml(d)):
        assert parse_dossier(written, "written.yaml").activity.notes == text


def test_console_prints_emoji_codes_as_text() -> None:
    buffer = io.StringIO()
    console_class()(file=buffer, width=200).print("demo.yaml:100: name :fire:", markup=False)
    assert buffer.getvalue() == "demo.yaml:100: name :fire:\n"


def test_a_weekday_end_a_week_short_is_left_out_not_an_inverted_period() -> None:
    # Found by the fuzz suite: "Thursday" read as before publication, moved on a week, was
    # still before a "next Friday" start, and the dossier made of it failed to validate.
    from datetime import date

    from csbm.extract.pipeline import extract

    text = (
        " next Friday BALTOPS 22 began on Sunday in Stockholm with about 45 ships, 75 aircraft "
        "and 7,000 sailors and marines from 14 NATO allies and two partner nations, Finland "
        "and Sweden, the U.S. Sixth Fleet said.\n\n on Thursday The exercise, now in its 51st "
        "year, ends on 17 June in Kiel, Germany.\n"
    )
    period = extract(text, published=date(2000, 1, 1)).period
    assert period is not None
    assert period.start is None or period.end is None or period.start <= period.end
