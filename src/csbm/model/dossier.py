"""The dossier: the exchange format between people and csbm (format version 1).

One YAML file per activity: the activity itself, the sources, the claims those
sources make about it, and the official acts under the Vienna Document on
record. Field names are a contract: new fields may be added, none renamed.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

import pycountry
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    SerializationInfo,
    StrictBool,
    StrictInt,
    ValidationError,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from csbm.model.bounds import MAX_FIGURE, Day, day_problem

FORMAT_VERSION = 1

_SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def _check_state(code: str) -> str:
    if not isinstance(code, str) or len(code) != 3 or not code.isupper():
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-3 code (three capital letters)")
    # Historical codes (SUN, DDR, CSK, YUG) are allowed for activities of their time.
    known = pycountry.countries.get(alpha_3=code) or pycountry.historic_countries.get(alpha_3=code)
    if known is None:
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-3 country code")
    return code


def _check_slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(f"{value!r} is not a slug (lower-case letters, digits, '.', '_' and '-')")
    return value


def _one_or_many(value: object) -> object:
    """Acts may name one State (`by: BLR`) or several (`by: [EST, LVA]`)."""
    return [value] if isinstance(value, str) else value


def _no_repeats(codes: list[str]) -> list[str]:
    """A State named twice in one list is a slip (and a list of thousands of repeats, work
    for every page that prints it)."""
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise ValueError(f"{code} is listed twice")
        seen.add(code)
    return codes


def _whole_number(value: object) -> object:
    """Only a whole number, before a Literal of whole numbers: pydantic would take `true` and
    `1.0` for 1."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{value!r} is not a whole number")
    return value


class PartialDate:
    """A month (`2018-10`) or a year (`2018`): what a source gives when it names no day.

    Rules compare it through its earliest and latest possible day, so a month or a year
    proves only what holds for every day in it. (A plain class, not a dataclass, so that
    pydantic keeps it whole in Python dumps.)
    """

    __slots__ = ("month", "year")

    def __init__(self, year: int, month: int | None = None) -> None:
        if not 1 <= year <= 9999:
            raise ValueError(f"year {year} is out of range")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} is not between 1 and 12")
        self.year = year
        self.month = month

    def _key(self) -> tuple[int, int]:
        return self.year, self.month or 0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PartialDate) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(("PartialDate", *self._key()))

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"

    def earliest(self) -> date:
        return date(self.year, self.month or 1, 1)

    def latest(self) -> date:
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def isoformat(self) -> str:
        return f"{self.year:04d}" if self.month is None else f"{self.year:04d}-{self.month:02d}"

    def __str__(self) -> str:
        return self.isoformat()


_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def parse_when(value: object) -> date | datetime | PartialDate:
    """A day (`2022-02-09`), a moment (`2022-02-09T14:00`), a month (`2018-10`) or a
    year (`2018`). Kept apart on purpose: each proves only what its precision allows."""
    if isinstance(value, date | PartialDate):  # datetime is a date too
        return _in_range(value)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # YAML reads an unquoted year as a number
    if isinstance(value, str):
        text = value.strip()
        parsed: date | datetime | PartialDate | None = None
        try:
            match = _PARTIAL.match(text)
            if match:
                month = match.group(2)
                parsed = PartialDate(int(match.group(1)), int(month) if month else None)
            elif len(text) == 10:
                parsed = date.fromisoformat(text)
            else:
                parsed = datetime.fromisoformat(text)
        except ValueError:
            pass
        if parsed is not None:
            return _in_range(parsed)
    raise ValueError(
        f"{value!r} is not a date: give a day (YYYY-MM-DD), a date-time, a month (YYYY-MM) "
        "or a year (YYYY)"
    )


def _in_range(value: date | datetime | PartialDate) -> date | datetime | PartialDate:
    """A day or moment inside csbm's range of days, or a month or year that overlaps it."""
    if isinstance(value, PartialDate):
        problem = day_problem(value.latest()) and day_problem(value.earliest())
        if problem is not None:
            raise ValueError(f"{value.isoformat()} is outside the range of days csbm accepts")
        return value
    problem = day_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


def _when_out(value: date | datetime | PartialDate, info: SerializationInfo) -> Any:
    # A month or a year is its ISO text in JSON and itself in Python; days and moments keep
    # pydantic's own JSON form (stored content hashes depend on it).
    if isinstance(value, PartialDate) and info.mode == "json":
        return value.isoformat()
    return value


When = date | datetime | PartialDate
# Act has a field called `date`, which hides the type inside its class body.
_Day = date


def earliest_day(value: When) -> date:
    """The first day a day, moment, month or year can mean."""
    if isinstance(value, PartialDate):
        return value.earliest()
    return value.date() if isinstance(value, datetime) else value


def latest_day(value: When) -> date:
    """The last day a day, moment, month or year can mean."""
    if isinstance(value, PartialDate):
        return value.latest()
    return value.date() if isinstance(value, datetime) else value


StateCode = Annotated[
    str, AfterValidator(_check_state), WithJsonSchema({"type": "string", "pattern": "^[A-Z]{3}$"})
]
StateCodes = Annotated[list[StateCode], AfterValidator(_no_repeats)]
StateList = Annotated[
    list[StateCode],
    BeforeValidator(_one_or_many),
    AfterValidator(_no_repeats),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": "^[A-Z]{3}$"},
                {"type": "array", "items": {"type": "string", "pattern": "^[A-Z]{3}$"}},
            ]
        }
    ),
]
Slug = Annotated[
    str, AfterValidator(_check_slug), WithJsonSchema({"type": "string", "pattern": _SLUG.pattern})
]
_WHEN_PATTERN = r"^\d{4}(-\d{2}(-\d{2}(T.*)?)?)?$"
DayOrMoment = Annotated[
    date | datetime | PartialDate,
    PlainValidator(parse_when),
    PlainSerializer(_when_out),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": _WHEN_PATTERN},
                {"type": "integer", "minimum": 1, "maximum": 9999},
            ],
            "description": "A day (YYYY-MM-DD), a date-time, a month (YYYY-MM) or a year (YYYY).",
        }
    ),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class ActivityKind(StrEnum):
    LAND_EXERCISE = "land_exercise"
    AMPHIBIOUS_LANDING = "amphibious_landing"
    PARACHUTE_ASSAULT = "parachute_assault"
    TRANSFER = "transfer"
    CONCENTRATION = "concentration"


class SourceKind(StrEnum):
    OFFICIAL_NOTIFICATION = "official_notification"
    OFFICIAL_CALENDAR = "official_calendar"
    GOVERNMENT_STATEMENT = "government_statement"
    ALLIANCE_STATEMENT = "alliance_statement"
    THINK_TANK = "think_tank"
    MEDIA = "media"
    OTHER = "other"


class Quantity(StrEnum):
    TROOPS = "troops"
    TANKS = "tanks"
    ACV = "acv"
    ARTILLERY = "artillery"
    SORTIES = "sorties"
    AIRCRAFT = "aircraft"
    HELICOPTERS = "helicopters"
    SHIPS = "ships"
    AIR_DEFENCE_SYSTEMS = "air_defence_systems"


class Qualifier(StrEnum):
    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    UP_TO = "up_to"


class ActType(StrEnum):
    NOTIFICATION = "notification"
    CALENDAR_ENTRY = "calendar_entry"
    OBSERVATION_INVITATION = "observation_invitation"
    LARGE_ACTIVITY_COMMUNICATION = "large_activity_communication"
    CHAPTER3_REQUEST = "chapter3_request"
    CHAPTER3_REPLY = "chapter3_reply"
    CHAPTER3_MEETING = "chapter3_meeting"
    INSPECTION = "inspection"
    EVALUATION_VISIT = "evaluation_visit"


CHAPTER9_ACTS = frozenset({ActType.INSPECTION, ActType.EVALUATION_VISIT})


class Location(_Model):
    name: str = Field(min_length=1)
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    precision: str | None = Field(
        default=None, description="How precise the coordinate is, e.g. 'approximate, range centre'."
    )
    source: str | None = Field(default=None, description="Id of the source that names the place.")

    @model_validator(mode="after")
    def _both_or_neither(self) -> Location:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("give both lat and lon, or neither")
        return self


class Activity(_Model):
    id: Slug
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    kind: ActivityKind
    conducting_states: StateCodes = Field(min_length=1)
    host_states: StateCodes = Field(min_length=1)
    start: Day
    end: Day
    alert: StrictBool | None = Field(
        default=None,
        description="Carried out without advance notice to the troops involved; null = unknown.",
    )
    single_operational_command: StrictBool | None = Field(
        default=None, description="All forces under a single operational command; null = unknown."
    )
    parent: Slug | None = None
    series: str | None = Field(
        default=None,
        description="A named series the activity belongs to (e.g. 'Zapad'), for spotting "
        "activities split under several names.",
    )
    locations: list[Location] = Field(default_factory=list)
    conducting_organisation: str | None = Field(
        default=None,
        description="The alliance or organisation that conducts the activity (e.g. 'NATO'), "
        "whose own statements about it then count as declared for the conducting States.",
    )
    duration_hours: StrictInt | None = Field(
        default=None,
        gt=0,
        le=MAX_FIGURE,
        description="Length in hours where known more precisely than the dates; "
        "otherwise whole days from start to end inclusive are used.",
    )
    notes: str | None = None

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Activity:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        if self.duration_hours is not None:
            # The dates bound the length: no more than all their days, no less than the
            # whole days strictly between them (docs/dossier.md).
            days = (self.end - self.start).days + 1
            most, least = days * 24, max(days - 2, 0) * 24
            span = f"{self.start} to {self.end}"
            if self.duration_hours > most:
                raise ValueError(
                    f"duration_hours {self.duration_hours} is longer than the {days} day(s) "
                    f"from {span} allow (at most {most} hours)"
                )
            if self.duration_hours < least:
                raise ValueError(
                    f"duration_hours {self.duration_hours} is shorter than the whole days "
                    f"strictly between {span} ({least} hours)"
                )
        return self

    @property
    def hours_range(self) -> tuple[int, int]:
        """How long it lasted, in hours: (at least, at most).

        With `duration_hours` both ends are that figure. With dates only, an activity from
        the 10th to the 13th ran somewhere between just over 48 and 96 hours: the bounds are
        the whole days strictly between start and end, and all the days from start to end.
        """
        if self.duration_hours is not None:
            return self.duration_hours, self.duration_hours
        days = (self.end - self.start).days + 1
        return max(days - 2, 0) * 24, days * 24


def is_web_address(value: str) -> bool:
    """True for an http(s) address with a host: what a dossier accepts as a source's url."""
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and value == value.strip()


class Source(_Model):
    id: Slug
    kind: SourceKind
    publisher: str = Field(min_length=1)
    author: str | None = None
    title: str | None = None
    published: Day | None = None
    url: str | None = None
    symbol: str | None = Field(default=None, description="Document symbol, e.g. FSC.DOC/1/11.")
    reliability: Literal["A", "B", "C", "D", "E", "F"] | None = None
    state: StateCode | None = Field(
        default=None,
        description="The State whose government speaks through this source, if any. "
        "Decides whether its claims count as declared.",
    )
    organisation: str | None = Field(
        default=None,
        description="The alliance or organisation that speaks through this source, if any "
        "(e.g. 'NATO'). When it is the activity's conducting_organisation, its claims count "
        "as declared.",
    )
    note: str | None = None

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        # Only web addresses: a url is shown as a link, and javascript: or data: links in a
        # page or report would run or smuggle content.
        if value is None:
            return value
        if not is_web_address(value):
            raise ValueError(f"{value!r} is not a web address (http:// or https://)")
        return value

    @model_validator(mode="after")
    def _url_or_symbol(self) -> Source:
        if not self.url and not self.symbol:
            raise ValueError("a source needs a url or a document symbol")
        return self


class Bound(_Model):
    """A figure's limit without the figure: "fewer than 13,000", "below the thresholds".

    The lower end is unknown (zero): a bound says how large the activity was not.
    """

    upper: StrictInt | None = Field(
        default=None,
        ge=0,
        le=MAX_FIGURE,
        description="The figure does not exceed this (or stays below it).",
    )
    strict: StrictBool = Field(
        default=False,
        description="With upper: 'fewer than' / 'below' (strictly less), rather than "
        "'does not exceed' / 'not more than'.",
    )
    thresholds: Literal["notification", "observation"] | None = Field(
        default=None,
        description="Below the Vienna Document thresholds for prior notification (Chapter V) "
        "or for observation (Chapter VI) in force for the activity, whatever their figures.",
    )

    @model_validator(mode="after")
    def _one_limit(self) -> Bound:
        if (self.upper is None) == (self.thresholds is None):
            raise ValueError("a bound needs upper (a number) or thresholds, and not both")
        if self.strict and self.upper is None:
            raise ValueError("strict goes with upper; a thresholds bound is always 'below'")
        return self

    def text(self) -> str:
        if self.thresholds is not None:
            return f"below the {self.thresholds} thresholds"
        assert self.upper is not None
        return f"{'below' if self.strict else 'at most'} {self.upper:,}"


class Claim(_Model):
    id: Slug | None = Field(default=None, description="Stable id; derived from source if absent.")
    quantity: Quantity
    value: StrictInt | None = Field(default=None, ge=0, le=MAX_FIGURE)
    low: StrictInt | None = Field(default=None, ge=0, le=MAX_FIGURE)
    high: StrictInt | None = Field(default=None, ge=0, le=MAX_FIGURE)
    bound: Bound | None = Field(
        default=None,
        description="Instead of a figure: the limit the source states (e.g. 'fewer than "
        "13,000', 'below the thresholds').",
    )
    qualifier: Qualifier = Qualifier.EXACT
    scope: str | None = Field(
        default=None, description="null = the whole activity; else the part the figure covers."
    )
    contingent: StateCode | None = Field(
        default=None,
        description="With scope: the figure covers this State's national contingent only. "
        "Contingents of different States are disjoint parts and may be summed.",
    )
    counted_under_vd: StrictBool | None = Field(
        default=None,
        description="true: the figure is what a State says falls under the Vienna Document "
        "(as against its total for the exercise).",
    )
    declared_by: StateCode | None = Field(
        default=None,
        description="The State whose own figure this is (its ministry, its delegation), when "
        "the source itself speaks for nobody or for another party.",
    )
    attributed_to: str | None = Field(
        default=None, description="The person or office the source attributes the figure to."
    )
    originator: str | None = Field(
        default=None,
        description="Who first stated the figure, when the source repeats it (syndicated copies "
        "of one originator's figure count once).",
    )
    source: Slug
    credibility: Annotated[Literal[1, 2, 3, 4, 5, 6], BeforeValidator(_whole_number)] | None = None
    quote: str | None = None
    stated: Day | None = Field(
        default=None, description="When the figure was stated, if not the source's date."
    )

    @model_validator(mode="after")
    def _value_or_range(self) -> Claim:
        if self.contingent is not None and self.scope is None:
            raise ValueError("a contingent figure needs a scope, e.g. 'Russian contingent'")
        has_range = self.low is not None or self.high is not None
        if self.bound is not None:
            if self.value is not None or has_range:
                raise ValueError("give a bound or a figure (value, or low and high), not both")
            return self
        if self.value is None and not has_range:
            raise ValueError("give value, or low and high (or a bound, for a claim with no figure)")
        if self.value is not None and has_range:
            raise ValueError("give value, or low and high, not both")
        if has_range:
            if self.low is None or self.high is None:
                raise ValueError("a range needs both low and high")
            if self.low > self.high:
                raise ValueError(f"low {self.low} is above high {self.high}")
        return self

    @property
    def has_figure(self) -> bool:
        """A value or a range, as against a bound alone."""
        return self.bound is None


class Act(_Model):
    id: Slug | None = None
    type: ActType
    by: StateList = Field(min_length=1)
    to: StateList | None = None
    made: StrictBool = True
    date: DayOrMoment | None = None
    date_text: str | None = Field(
        default=None,
        description="When, in the source's own words ('before the exercise', 'in the "
        "autumn'), when it gives no day, month or year, or to show what a month or year "
        "stands for.",
    )
    requested: DayOrMoment | None = Field(
        default=None, description="For a chapter3_meeting: when the meeting was requested."
    )
    attended: StateList = Field(
        default_factory=list, description="For a chapter3_meeting: the States that took part."
    )
    stayed_away: StateList = Field(
        default_factory=list,
        description="For a chapter3_meeting: the States asked to take part that did not.",
    )
    answered: StrictBool | None = Field(
        default=None,
        description="For a chapter3_reply: whether it answered the questions asked, on the "
        "word of this act's source; null = not said.",
    )
    response: Literal["accepted", "refused"] | None = Field(
        default=None,
        description="For an inspection or evaluation_visit: the receiving State's answer to "
        "the request; null = unknown.",
    )
    quota_cited: StrictBool | None = Field(
        default=None,
        description="For a refused inspection or evaluation_visit: the receiving State gave "
        "its quota for the year as the reason.",
    )
    reason: str | None = Field(
        default=None,
        description="For an inspection or evaluation_visit: the reason the receiving State "
        "gave for its answer, in words.",
    )
    held_from: Day | None = Field(
        default=None, description="For an inspection or evaluation_visit: the first day held."
    )
    held_to: Day | None = Field(
        default=None, description="For an inspection or evaluation_visit: the last day held."
    )
    source: Slug
    note: str | None = None

    @model_validator(mode="after")
    def _date_when_made(self) -> Act:
        if self.made and self.date is None and self.date_text is None:
            raise ValueError(
                "an act that was made needs a date (a day, a month such as 2018-10, or a "
                "year), or date_text with the source's words for when (or say made: false)"
            )
        return self

    @model_validator(mode="after")
    def _fields_of_its_type(self) -> Act:
        only: dict[str, frozenset[ActType]] = {
            "attended": frozenset({ActType.CHAPTER3_MEETING}),
            "stayed_away": frozenset({ActType.CHAPTER3_MEETING}),
            "answered": frozenset({ActType.CHAPTER3_REPLY}),
            "response": CHAPTER9_ACTS,
            "quota_cited": CHAPTER9_ACTS,
            "reason": CHAPTER9_ACTS,
            "held_from": CHAPTER9_ACTS,
            "held_to": CHAPTER9_ACTS,
        }
        for name, types in only.items():
            if getattr(self, name) not in (None, []) and self.type not in types:
                kinds = " or ".join(sorted(t.value for t in types))
                raise ValueError(f"{name} is for {kinds} acts, not {self.type.value}")
        both = sorted(set(self.attended) & set(self.stayed_away))
        if both:
            raise ValueError(f"{', '.join(both)} both attended and stayed away")
        if self.type in CHAPTER9_ACTS:
            if not self.to:
                raise ValueError(f"an {self.type.value} act names the receiving State in to")
            if self.quota_cited and self.response != "refused":
                raise ValueError("quota_cited: true goes with response: refused")
            if self.response == "refused" and (self.held_from or self.held_to):
                raise ValueError("a refused request was not held: drop held_from and held_to")
            if self.held_from and self.held_to and self.held_to < self.held_from:
                raise ValueError(f"held_to {self.held_to} is before held_from {self.held_from}")
        return self

    @property
    def window(self) -> tuple[_Day, _Day] | None:
        """The earliest and the latest day the act can have been made on; None when the
        record gives no date (only words, or not made)."""
        if self.date is None:
            return None
        return earliest_day(self.date), latest_day(self.date)


class Dossier(_Model):
    csbm: Annotated[Literal[1], BeforeValidator(_whole_number)] = Field(
        description="Format version of the dossier (the whole number 1)."
    )
    activity: Activity
    sources: list[Source] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    acts: list[Act] = Field(default_factory=list)

    @field_validator("sources")
    @classmethod
    def _unique_sources(cls, sources: list[Source]) -> list[Source]:
        seen: set[str] = set()
        for source in sources:
            if source.id in seen:
                raise ValueError(f"source id {source.id!r} is used twice")
            seen.add(source.id)
        return sources

    @model_validator(mode="after")
    def _references_resolve(self) -> Dossier:
        known = {s.id for s in self.sources}
        refs: list[tuple[tuple[str | int, ...], str]] = []
        refs += [(("claims", i, "source"), c.source) for i, c in enumerate(self.claims)]
        refs += [(("acts", i, "source"), a.source) for i, a in enumerate(self.acts)]
        refs += [
            (("activity", "locations", i, "source"), loc.source)
            for i, loc in enumerate(self.activity.locations)
            if loc.source is not None
        ]
        errors = [
            InitErrorDetails(
                type=PydanticCustomError(
                    "unknown_source",
                    "names source '{name}', which is not among the dossier's sources",
                    {"name": name},
                ),
                loc=loc,
                input=name,
            )
            for loc, name in refs
            if name not in known
        ]
        seen: set[str] = set()
        for i in range(len(self.claims)):
            cid = self.claim_id(i)
            if cid in seen:
                errors.append(
                    InitErrorDetails(
                        type=PydanticCustomError(
                            "duplicate_id",
                            "claim id '{id}' is used twice (ids not given are derived as "
                            "source.quantity.n)",
                            {"id": cid},
                        ),
                        loc=("claims", i, "id"),
                        input=cid,
                    )
                )
            seen.add(cid)
        act_ids = [a.id for a in self.acts if a.id is not None]
        for i, act in enumerate(self.acts):
            if act.id is not None and act_ids.count(act.id) > 1:
                errors.append(
                    InitErrorDetails(
                        type=PydanticCustomError(
                            "duplicate_id", "act id '{id}' is used twice", {"id": act.id}
                        ),
                        loc=("acts", i, "id"),
                        input=act.id,
                    )
                )
        if errors:
            raise ValidationError.from_exception_data("Dossier", errors)
        return self

    def claim_id(self, index: int) -> str:
        """The claim's own id, or one derived from its source, quantity and position."""
        return self._claim_ids[index]

    # Derived look-ups, computed once: the model is frozen, so they cannot go stale.
    @cached_property
    def _claim_ids(self) -> list[str]:
        ids: list[str] = []
        counts: dict[tuple[str, Quantity], int] = {}
        for claim in self.claims:
            if claim.id is not None:
                ids.append(claim.id)
                continue
            key = (claim.source, claim.quantity)
            counts[key] = counts.get(key, 0) + 1
            ids.append(f"{claim.source}.{claim.quantity.value}.{counts[key]}")
        return ids

    @cached_property
    def _source_map(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    def source(self, source_id: str) -> Source:
        return self._source_map[source_id]
