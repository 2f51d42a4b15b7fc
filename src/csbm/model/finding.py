"""What the rules say about an activity: findings and the assessment that holds them."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from csbm.model.scenario import Scenario as Scenario


class Outcome(StrEnum):
    COMPLIANT = "compliant"
    NON_COMPLIANT = "non_compliant"
    INDETERMINATE = "indeterminate"
    NOT_APPLICABLE = "not_applicable"
    CONFLICT = "conflict"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Citation(_Frozen):
    instrument: str = Field(description="Instrument id, e.g. vd2011.")
    symbol: str | None = Field(default=None, description="Document symbol, e.g. FSC.DOC/1/11.")
    paragraph: str = Field(description="Chapter and paragraph, e.g. 'V 40.1.1'.")
    verified: bool = Field(description="Checked against the official text.")

    def label(self) -> str:
        mark = "verified" if self.verified else "unverified"
        return f"{self.symbol or self.instrument} {self.paragraph} ({mark})"


class ParameterUse(_Frozen):
    path: str
    value: int | float | str | bool | None
    since: date = Field(description="The date this value took effect.")
    confidence: str
    citation: Citation


class Deadline(_Frozen):
    due: date | datetime | None
    met: bool | None
    done: date | datetime | None = Field(default=None, description="When the act was done.")


class Finding(_Frozen):
    rule: str
    subject: str | None = Field(
        default=None,
        description="What the finding is about when it is not the whole activity "
        "(a State, a State-year, a request).",
    )
    applies: bool | None
    outcome: Outcome
    reason: str
    citations: list[Citation]
    parameters: list[ParameterUse] = Field(default_factory=list)
    claims: list[str] = Field(default_factory=list)
    deadline: Deadline | None = None
    assumptions: list[str] = Field(
        default_factory=list,
        description="What the rule took as given because the encoding cannot check it.",
    )
