"""A fuzz suite (issue 17 §5): mutated dossiers through loading, `csbm check` and the
assessment, mutated texts through extraction. Each input ends in csbm's own error (for a
file: naming its line) or a result; never a traceback, a hang, or an absurd value accepted.

`make test` runs a few hundred inputs (FUZZ_EXAMPLES per target, 100 by default);
`make fuzz` runs 10,000 per target and prints Hypothesis's count of each.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csbm import assess, parse_dossier
from csbm._yaml import MAX_BYTES, parse_yaml
from csbm.errors import CsbmError, DossierError, InputError
from csbm.model import Dossier
from csbm.model.bounds import EARLIEST_DAY, LATEST_DAY, MAX_FIGURE
from csbm.model.dossier import earliest_day, latest_day
from tests.test_dossier_load import GOOD

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "src" / "csbm" / "data" / "dossiers"
GOLD = ROOT / "tests" / "extract" / "gold"

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))
FUZZ = settings(
    max_examples=EXAMPLES,
    # A hang shows as an example over the deadline; a slow shared machine is not one.
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

# Seeds: a small dossier and two bundled ones with every kind of entry.
SEEDS = [
    GOOD,
    (BUNDLED / "union-resolve-2022.yaml").read_text(encoding="utf-8"),
    (BUNDLED / "zapad-2021.yaml").read_text(encoding="utf-8"),
]
SEED_DATA = [parse_yaml(s, "seed.yaml", InputError).data for s in SEEDS]


def _plain(text: str) -> str:
    """A gold text without its header and its [[annotation|words]] markup."""
    body = text.split("\n---\n", 1)[-1]
    return re.sub(r"\[\[[^|\]]*\|([^\]]*)\]\]", r"\1", body)


TEXTS = [_plain(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.txt"))]


# --- values a mutation puts in ------------------------------------------------------------

ODD_SCALARS = [
    "050000",
    "3:00:00",
    "0x1F",
    "0o17",
    "1_000",
    "yes",
    "off",
    "~",
    "1e309",
    "-1",
    ".inf",
    ".nan",
    "true",
    "1.0",
    "0",
    "10" + "0" * 20,
    "1" + "0" * 309,
    "9" * 5000,
    "0001-01-01",
    "9999-12-31",
    "2022-02-30",
    "2022-13-01",
    "!!binary aGVsbG8=",
    "!!python/object/apply:os.system ['true']",
    "!!timestamp 2022-01-01",
    "!!set {a, b}",
    "&a [*a]",
    "*nowhere",
    '"\\e[31mred\\e[0m\\x07"',
    '"\\u202eevil"',
    "[RUS, RUS, RUS]",
    "{}",
    "[]",
    "'",
    "{",
]

junk_values: st.SearchStrategy[Any] = st.one_of(
    st.integers(min_value=-(10**25), max_value=10**25),
    st.sampled_from([10**309, -(10**309), MAX_FIGURE, MAX_FIGURE + 1, 0, -1]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.text(max_size=40),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.sampled_from(["RUS", "BLR", "XYZ", "rus", "SUN", "2022-02-30", "2022-02", "1975"]),
    st.lists(st.sampled_from(["RUS", "BLR", "RUS", "POL"]), max_size=6),
    st.dictionaries(st.text(max_size=8), st.integers(), max_size=3),
)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for k, v in node.items():
            found += _paths(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += _paths(v, (*path, i))
    return found


def _copy(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _copy(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_copy(v) for v in node]
    return node


@st.composite
def mutated_data(draw: st.DrawFn) -> Any:
    """A seed dossier's data with one to three changes: a key deleted, a value replaced by
    another type or an extreme, a list entry repeated, start and end swapped."""
    data = _copy(draw(st.sampled_from(SEED_DATA)))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = [p for p in _paths(data) if p]
        path = draw(st.sampled_from(paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        last = path[-1]
        op = draw(st.sampled_from(["delete", "replace", "replace", "repeat", "swap"]))
        if op == "delete":
            del parent[last]
        elif op == "replace":
            parent[last] = draw(junk_values)
        elif op == "repeat" and isinstance(parent[last], list) and parent[last]:
            parent[last].append(_copy(draw(st.sampled_from(parent[last]))))
        elif op == "swap" and isinstance(data.get("activity"), dict):
            act = data["activity"]
            act["start"], act["end"] = act.get("end"), act.get("start")
    return data


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


LAUGHS = "".join(
    f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9) if i else 'lol'}]\n" for i in range(9)
)
BIG = "csbm: 1\nnotes: |\n" + "  padding line of a large file without any alias\n" * (
    5_000_000 // 48
)


@st.composite
def mutated_text(draw: st.DrawFn) -> str | bytes:
    """A seed dossier's text changed as text: junk inserted, a slice cut, a line repeated
    (duplicate keys), a value replaced by a YAML 1.1 surprise or a tag, aliases that
    expand, deep nesting, another encoding, binary, empty or 5 MB."""
    text = draw(st.sampled_from(SEEDS))
    kind = draw(
        st.sampled_from(
            ["insert", "cut", "repeat", "scalar", "scalar", "laughs", "deep", "encode", "odd"]
        )
    )
    lines = text.splitlines(keepends=True)
    if kind == "insert":
        at = draw(st.integers(min_value=0, max_value=len(text)))
        text = text[:at] + draw(st.text(max_size=30)) + text[at:]
    elif kind == "cut":
        at = draw(st.integers(min_value=0, max_value=len(text)))
        text = text[:at] + text[at + draw(st.integers(min_value=1, max_value=200)) :]
    elif kind == "repeat":
        i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        text = "".join(lines[: i + 1] + lines[i:])
    elif kind == "scalar":
        candidates = [i for i, line in enumerate(lines) if re.search(r": \S", line)]
        i = draw(st.sampled_from(candidates))
        head = lines[i].split(": ", 1)[0]
        lines[i] = f"{head}: {draw(st.sampled_from(ODD_SCALARS))}\n"
        text = "".join(lines)
    elif kind == "laughs":
        text = LAUGHS + text
    elif kind == "deep":
        n = draw(st.integers(min_value=50, max_value=5000))
        text = text + "deep: " + "[" * n + "]" * n + "\n"
    elif kind == "encode":
        codec = draw(st.sampled_from(["utf-16", "utf-32", "latin-1", "utf-8-sig"]))
        return text.encode(codec, "replace")
    else:
        return draw(
            st.one_of(
                st.binary(max_size=200),
                st.just(""),
                st.just(b""),
                st.just(BIG),
                st.text(max_size=200),
            )
        )
    return text


dossier_inputs = st.one_of(mutated_text(), mutated_data().map(_dump))


# --- what every accepted dossier must satisfy ------------------------------------------------


def _sane(d: Dossier) -> None:
    """Nothing absurd got in: figures under the ceiling, days in range, no State twice."""
    for c in d.claims:
        for figure in (c.value, c.low, c.high, c.bound.upper if c.bound else None):
            assert figure is None or 0 <= figure <= MAX_FIGURE
    a = d.activity
    assert EARLIEST_DAY <= a.start <= a.end <= LATEST_DAY
    assert len(set(a.host_states)) == len(a.host_states)
    assert len(set(a.conducting_states)) == len(a.conducting_states)
    for act in d.acts:
        assert len(set(act.by)) == len(act.by)
        if act.date is not None:
            assert earliest_day(act.date) <= LATEST_DAY and latest_day(act.date) >= EARLIEST_DAY
    for s in d.sources:
        assert s.published is None or EARLIEST_DAY <= s.published <= LATEST_DAY


def _load(raw: str | bytes) -> Dossier | None:
    try:
        d = parse_dossier(raw, "fuzz.yaml")
    except DossierError as exc:
        assert exc.problems
        for p in exc.problems:
            assert p.message
            # A file's error names its line, but for the file's size, which has none.
            whole_file = "bytes; csbm reads files" in p.message
            assert p.line is not None or whole_file, p.render("fuzz.yaml")
        return None
    _sane(d)
    return d


# --- the targets -------------------------------------------------------------------------------


@FUZZ
@given(dossier_inputs)
def test_fuzz_dossier_load(raw: str | bytes) -> None:
    _load(raw)


@FUZZ
@given(mutated_data().map(_dump))
def test_fuzz_dossier_assess(raw: str) -> None:
    d = _load(raw)
    if d is None:
        return
    from csbm.report import to_json

    try:
        results = assess([d])
    except CsbmError:
        return  # csbm's own error (e.g. no ruleset for the dates)
    assert len(results) == 1
    assert to_json(results)


@pytest.fixture(scope="module")
def check_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-check")


@FUZZ
@given(raw=dossier_inputs)
def test_fuzz_csbm_check(check_dir: Path, raw: str | bytes) -> None:
    from csbm.cli import main

    path = check_dir / "fuzz.yaml"
    path.write_bytes(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw)
    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["csbm", "check", str(path)]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    finally:
        sys.argv = argv
    assert code in (0, 2), err.getvalue()
    assert "Traceback" not in err.getvalue()
    if code == 2:
        assert err.getvalue().startswith("error:")
        assert f"{path}:" in err.getvalue()
    else:
        assert "valid" in out.getvalue()


@st.composite
def mutated_news(draw: st.DrawFn) -> str:
    """A news text with junk, a cut, a repeated or shuffled sentence, extreme numbers and
    dates, control characters, or nothing but junk."""
    text = draw(st.sampled_from(TEXTS))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        kind = draw(st.sampled_from(["insert", "cut", "number", "date", "junk"]))
        at = draw(st.integers(min_value=0, max_value=len(text)))
        if kind == "insert":
            text = text[:at] + draw(st.text(max_size=40)) + text[at:]
        elif kind == "cut":
            text = text[:at] + text[at + draw(st.integers(min_value=1, max_value=400)) :]
        elif kind == "number":
            big = draw(st.sampled_from(["1" + "0" * 309, "99,999,999,999", "-5,000", "0", "1e309"]))
            text = text[:at] + f" {big} troops " + text[at:]
        elif kind == "date":
            words = draw(
                st.sampled_from(
                    ["on Thursday", "next Friday", "to 5 January", "31 February", "in 0001"]
                )
            )
            text = text[:at] + f" {words} " + text[at:]
        else:
            text = draw(st.text(max_size=300))
    return text


@FUZZ
@given(
    mutated_news(),
    st.one_of(st.none(), st.dates(min_value=EARLIEST_DAY, max_value=LATEST_DAY)),
)
def test_fuzz_extract(text: str, published: date | None) -> None:
    from csbm.errors import InputError as Refused
    from csbm.extract.output import to_dossier, to_json, to_yaml
    from csbm.extract.pipeline import extract

    result = extract(text, published=published)
    assert to_json(result)
    try:
        dossier = to_dossier(result)
    except Refused:
        return  # e.g. no exercise to make a dossier of: csbm's own error
    parse_dossier(to_yaml(dossier), "<extracted>")  # what extract hands out is valid


def test_big_file_is_refused_quickly() -> None:
    """The 5 MB input: refused by its size, not after seconds of parsing."""
    assert len(BIG) > MAX_BYTES
    with pytest.raises(DossierError, match="bytes"):
        parse_dossier(BIG, "big.yaml")
