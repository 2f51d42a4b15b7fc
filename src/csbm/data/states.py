"""The OSCE participating States and the dates they took part (data/states.yaml)."""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from csbm._yaml import read_yaml
from csbm.errors import InputError, RulesetError
from csbm.model.load import problems_from


class _StatesFileError(RulesetError, InputError):
    """The bundled states file does not validate."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class StateSource(_Strict):
    url: str
    publisher: str
    date: str


class Predecessor(_Strict):
    code: str
    until: date


class FormerName(_Strict):
    name: str
    from_: date = Field(alias="from")
    until: date


class ParticipatingState(_Strict):
    code: str = Field(pattern="^[A-Z]{3}$")
    name: str
    aliases: list[str] = Field(default_factory=list)
    joined: date
    left: date | None = None
    left_reason: str | None = None
    left_verified: bool | None = None
    suspended: date | None = None
    basis: str | None = None
    predecessor: Predecessor | None = None
    former_names: list[FormerName] = Field(default_factory=list)
    continued_by: str | list[str] | None = None
    merged_into: str | None = None
    successors: list[str] = Field(default_factory=list)
    confidence: Literal["high", "medium", "low"]
    verified: bool
    notes: str | None = None
    sources: list[StateSource] = Field(min_length=1)

    def participating_on(self, day: date) -> bool:
        if day < self.joined or (self.left is not None and day >= self.left):
            return False
        return self.predecessor is None or day >= self.predecessor.until


class _StatesFile(_Strict):
    states: list[ParticipatingState]


def _path() -> Path:
    return Path(str(resources.files("csbm.data") / "states.yaml"))


@cache
def participating_states() -> dict[str, ParticipatingState]:
    """Every seat that took part in the CSCE/OSCE, current and historical, by code."""
    path = _path()
    located = read_yaml(path, _StatesFileError)
    try:
        parsed = _StatesFile.model_validate(located.data)
    except ValidationError as exc:
        raise _StatesFileError(path, problems_from(exc, located)) from None
    return {s.code: s for s in parsed.states}


def participating_on(code: str, day: date) -> bool | None:
    """Was `code` a participating State on `day`? None when csbm has no record of it."""
    state = participating_states().get(code)
    return None if state is None else state.participating_on(day)


__all__ = ["ParticipatingState", "participating_on", "participating_states"]
