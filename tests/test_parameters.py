"""The parameter tree: every value cited, dated plausibly, with a valid confidence."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from csbm.errors import ParameterError
from csbm.rules._tree import load_instruments, load_parameters
from csbm.rules.engine import load_ruleset, rules

RULES_DIR = Path(__file__).resolve().parent.parent / "src" / "csbm" / "rules"


def test_every_value_is_cited_and_dated() -> None:
    params = load_parameters()
    instruments = load_instruments()
    assert len(params) >= 25
    for name, param in params.items():
        for since, value in zip(param.dates, param.values, strict=True):
            assert value.citation.paragraph.strip(), name
            assert value.citation.instrument in instruments, name
            assert value.confidence in {"high", "medium", "low"}, name
            assert (
                date(1975, 1, 1) <= since <= date.today()
                or instruments[value.citation.instrument].method
            ), name


def test_headline_vd2011_values() -> None:
    # The figures the shared brief marks high-confidence; a typo here changes every verdict.
    rs = load_ruleset("vd2011")
    assert rs is not None
    when = date(2022, 2, 10)
    expected = {
        "ch05.lead_days": 42,
        "ch05.land.troops": 9000,
        "ch05.land.tanks": 250,
        "ch05.land.acv": 500,
        "ch05.land.artillery": 250,
        "ch05.amphibious_parachute.troops": 3000,
        "ch06.land.troops": 13000,
        "ch06.land.tanks": 300,
        "ch06.amphibious_parachute.troops": 3500,
        "ch06.alert_max_hours": 72,
        "ch08.large.troops": 40000,
        "ch08.large.tanks": 900,
        "ch03.reply_hours": 48,
    }
    for path, value in expected.items():
        assert rs.parameters[path].at(when, rs.instruments).value == value, path


def test_comparators_follow_the_text() -> None:
    params = load_parameters()
    for name, p in params.items():
        if name.startswith(("ch05.land", "ch06.land", "ch05.amph", "ch06.amph")):
            assert p.comparator == ">=", name
        if name.startswith(("ch08.large.t", "ch08.band.")):
            assert p.comparator == ">", name


def test_no_value_before_the_first_encoded_instrument() -> None:
    rs = load_ruleset("vd2011")
    assert rs is not None
    with pytest.raises(ParameterError, match="no value in force"):
        rs.parameters["ch05.land.troops"].at(date(1990, 12, 31), rs.instruments)


def test_every_rule_has_its_parameters_from_the_day_it_takes_effect() -> None:
    from csbm.rules import ruleset_ids

    for rs_id in ruleset_ids():
        rs = load_ruleset(rs_id)
        assert rs is not None
        for spec in rules():
            when = rs.lookup_date(rs.instrument.in_force)
            if not spec.in_force_on(when):
                continue
            for path in spec.parameter_paths(rs):
                use = rs.parameters[path].at(when, rs.instruments)
                # each value is cited to the instrument in force then, or to csbm's method
                assert use.citation.instrument in (rs.id, "csbm-method"), (rs_id, path)


def test_historical_values_follow_the_brief() -> None:
    from csbm.rules import load_ruleset as rs_of

    def value(rs_id: str, path: str) -> object:
        rs = rs_of(rs_id)
        assert rs is not None
        return rs.parameters[path].at(rs.instrument.in_force, rs.instruments).value

    assert value("vd1990", "ch05.land.troops") == 13000
    assert value("vd1990", "ch06.land.troops") == 17000
    assert value("vd1990", "ch05.land.acv") == "none"
    assert value("vd1992", "ch05.land.troops") == 9000
    assert value("vd1992", "ch05.land.acv") is None  # unknown, never a silent default
    assert value("vd1992", "ch08.constraint_1.window_years") == 2
    assert value("vd1999", "ch08.constraint_1.window_years") == 3


def test_rules_read_only_declared_parameters() -> None:
    rs = load_ruleset("vd2011")
    assert rs is not None
    for spec in rules():
        # a rule that declares parameter prefixes must find parameters under them
        assert spec.parameter_paths(rs) or not spec.parameters, spec.id
        assert spec.citations, spec.id
        assert spec.summary, spec.id


def _broken_tree(tmp_path: Path, rel: str, old: str, new: str) -> Path:
    root = tmp_path / "rules"
    shutil.copytree(RULES_DIR / "parameters", root / "parameters")
    shutil.copy(RULES_DIR / "instruments.yaml", root / "instruments.yaml")
    target = root / rel
    text = target.read_text()
    assert old in text
    target.write_text(text.replace(old, new))
    return root


@pytest.mark.parametrize(
    ("rel", "old", "new", "words"),
    [
        (
            "parameters/ch05/land/troops.yaml",
            '    citation: {instrument: vd1999, paragraph: "V (paragraph not identified)", '
            "level: unverified}\n",
            "",
            "citation",
        ),
        ("parameters/ch05/land/troops.yaml", "2011-12-01:", "2011-02-30:", "date"),
        ("parameters/ch05/land/troops.yaml", "2011-12-01:", "2099-01-01:", "plausible"),
        ("parameters/ch05/land/troops.yaml", "confidence: high", "confidence: certain", "high"),
        ("parameters/ch05/land/troops.yaml", "instrument: vd2011", "instrument: vd2031", "vd2031"),
        ("parameters/ch05/land/troops.yaml", "2011-12-01:", "2011-06-01:", "in force only"),
        ("parameters/ch05/land/troops.yaml", "level: secondary", "level: maybe", "level"),
        (
            "parameters/ch05/land/troops.yaml",
            "level: secondary",
            "level: official_translation",
            "language",
        ),
        (
            "parameters/ch05/land/troops.yaml",
            "level: unverified}",
            "level: secondary}",
            "sources",
        ),
    ],
)
def test_broken_parameters_are_refused(
    tmp_path: Path, rel: str, old: str, new: str, words: str
) -> None:
    root = _broken_tree(tmp_path, rel, old, new)
    with pytest.raises(ParameterError) as info:
        load_parameters(root)
    msg = str(info.value)
    assert "troops.yaml" in msg and words in msg, msg
