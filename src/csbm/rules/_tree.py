"""Loading instruments and the parameter tree from the bundled YAML files."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from csbm._yaml import read_yaml
from csbm.errors import InputError, ParameterError, Problem
from csbm.model.finding import CheckSource, Citation, Level, ParameterUse
from csbm.model.load import problems_from

Scalar = int | float | str | bool | None
_M = TypeVar("_M", bound=BaseModel)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class InstrumentSource(_Strict):
    title: str
    url: str
    publisher: str


class Instrument(_Strict):
    id: str
    title: str
    symbol: str
    adopted: date
    adopted_by: str | None = None
    in_force: date
    supersedes: str | None = None
    dates_confidence: Literal["high", "medium", "low"]
    url: str | None
    method: bool = False
    sources: list[InstrumentSource]
    note: str | None = None
    # Where this issue numbers a chapter differently from VD2011, the text the rules were
    # written against: {VD2011 chapter: this chapter}, e.g. {"VI": "V"}. A chapter
    # not listed is taken to carry the same number.
    chapters: dict[str, str] = Field(default_factory=dict)
    chapters_note: str | None = None


class Decision(_Strict):
    """A decision that amends an instrument without being a ruleset of its own."""

    id: str
    title: str
    symbol: str
    adopted_between: tuple[date, date]
    amends: str
    topics: list[str]
    changes_encoded_parameters: bool
    sources: list[InstrumentSource]
    note: str | None = None


class _Instruments(_Strict):
    instruments: list[Instrument] = Field(min_length=1)
    decisions: list[Decision] = Field(default_factory=list)


class _Cite(_Strict):
    instrument: str
    paragraph: str = Field(min_length=1)
    level: Level
    language: str | None = None
    sources: list[CheckSource] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> _Cite:
        if (self.level is Level.OFFICIAL_TRANSLATION) != (self.language is not None):
            raise ValueError("name the language exactly when the level is official_translation")
        if self.level is not Level.UNVERIFIED and not self.sources:
            raise ValueError(f"level {self.level.value} needs the sources it was checked against")
        return self


class ParagraphCheck(_Cite):
    """What one cited paragraph was checked against (rule citations read these)."""

    note: str | None = None


class _Paragraphs(_Strict):
    paragraphs: list[ParagraphCheck]


class ParameterValue(_Strict):
    value: int | float | str | bool | None = Field(
        description='null: the value under this instrument is unknown; "none": the '
        "instrument has no such criterion."
    )
    confidence: Literal["high", "medium", "low"]
    citation: _Cite
    note: str | None = None


class ParameterFile(_Strict):
    description: str = Field(min_length=1)
    unit: str
    comparator: Literal[">=", ">", "<=", "<"] | None = None
    values: dict[date, ParameterValue] = Field(min_length=1)

    @field_validator("values")
    @classmethod
    def _plausible_dates(cls, values: dict[date, ParameterValue]) -> dict[date, ParameterValue]:
        for since in values:
            if since.year < 1900 or since > date.today():
                raise ValueError(f"{since} is not a plausible date for a rule to take effect")
        return values


class _ParamError(ParameterError, InputError):
    """A parameter or instrument file that does not validate (names file and line)."""


def _validate(model: type[_M], path: Path) -> _M:
    located = read_yaml(path, _ParamError)
    try:
        return model.model_validate(located.data)
    except ValidationError as exc:
        raise _ParamError(path, problems_from(exc, located)) from None


@dataclass(frozen=True)
class Parameter:
    """One parameter: its dated values, each with citation and confidence."""

    path: str
    description: str
    unit: str
    comparator: str | None
    dates: tuple[date, ...]
    values: tuple[ParameterValue, ...]
    # Rules read the same parameter for the same date many times over a large set.
    _memo: dict[date, ParameterUse] = field(default_factory=dict, compare=False, repr=False)

    def at(self, when: date, instruments: dict[str, Instrument]) -> ParameterUse:
        found = self._memo.get(when)
        if found is None:
            found = self._memo[when] = self._lookup(when, instruments)
        return found

    def _lookup(self, when: date, instruments: dict[str, Instrument]) -> ParameterUse:
        i = bisect.bisect_right(self.dates, when) - 1
        if i < 0:
            raise ParameterError(f"parameter {self.path} has no value in force on {when}")
        pv = self.values[i]
        inst = instruments[pv.citation.instrument]
        return ParameterUse(
            path=self.path,
            value=pv.value,
            since=self.dates[i],
            confidence=pv.confidence,
            citation=Citation(
                instrument=inst.id,
                symbol=inst.symbol,
                paragraph=pv.citation.paragraph,
                level=pv.citation.level,
                language=pv.citation.language,
                sources=pv.citation.sources,
            ),
        )


def _root() -> Path:
    return Path(str(resources.files("csbm.rules")))


@cache
def load_instruments(root: Path | None = None) -> dict[str, Instrument]:
    path = (root or _root()) / "instruments.yaml"
    parsed = _validate(_Instruments, path)
    out: dict[str, Instrument] = {}
    for inst in parsed.instruments:
        if inst.id in out:
            raise _ParamError(path, [Problem(f"instrument {inst.id!r} is listed twice")])
        if inst.in_force < inst.adopted and not inst.method:
            raise _ParamError(path, [Problem(f"{inst.id}: in force before it was adopted")])
        out[inst.id] = inst
    return out


@cache
def load_parameters(root: Path | None = None) -> dict[str, Parameter]:
    base = root or _root()
    instruments = load_instruments(root)
    params: dict[str, Parameter] = {}
    for path in sorted((base / "parameters").rglob("*.yaml")):
        parsed = _validate(ParameterFile, path)
        name = path.relative_to(base / "parameters").with_suffix("").as_posix().replace("/", ".")
        for since, pv in parsed.values.items():
            inst = instruments.get(pv.citation.instrument)
            if inst is None:
                raise _ParamError(
                    path,
                    [
                        Problem(
                            f"cites unknown instrument {pv.citation.instrument!r}",
                            field=f"values.{since}.citation.instrument",
                        )
                    ],
                )
            if since < inst.in_force:
                raise _ParamError(
                    path,
                    [
                        Problem(
                            f"value dated {since} cites {inst.id}, in force only from "
                            f"{inst.in_force}",
                            field=f"values.{since}",
                        )
                    ],
                )
        dates = tuple(sorted(parsed.values))
        params[name] = Parameter(
            path=name,
            description=parsed.description,
            unit=parsed.unit,
            comparator=parsed.comparator,
            dates=dates,
            values=tuple(parsed.values[d] for d in dates),
        )
    return params


@cache
def load_paragraph_checks(root: Path | None = None) -> dict[tuple[str, str], ParagraphCheck]:
    """Checks of cited paragraphs, by (instrument, paragraph); a paragraph not listed is
    unverified."""
    path = (root or _root()) / "paragraphs.yaml"
    parsed = _validate(_Paragraphs, path)
    instruments = load_instruments(root)
    out: dict[tuple[str, str], ParagraphCheck] = {}
    for i, check in enumerate(parsed.paragraphs):
        where = f"paragraphs.{i}"
        if check.instrument not in instruments:
            raise _ParamError(
                path, [Problem(f"unknown instrument {check.instrument!r}", field=where)]
            )
        key = (check.instrument, check.paragraph)
        if key in out:
            raise _ParamError(path, [Problem(f"{key} is listed twice", field=where)])
        out[key] = check
    return out
