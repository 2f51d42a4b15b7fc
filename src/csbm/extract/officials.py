"""Office holders who speak for States: who "Defence Minister Sergei Shoigu" speaks for.

The data lives in ``csbm/extract/data/officials.yaml``: people as the press names them, the
offices they held with their dates, the State each office speaks for (none for officials of
NATO, the EU, the OSCE or the UN) and the public page the dates come from. It is read once, on
the first look-up, and turned into a dictionary from normalised word sequences (the name and
its aliases, case-folded, diacritics folded) to people. :func:`state_of` walks the words of a
speaker phrase once and looks up the longest listed name starting at each word, so its cost
grows with the length of the phrase, not with the size of the list.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from csbm.extract.gazetteer import CitedSource, read_data, tokens

__all__ = [
    "Office",
    "Official",
    "OfficialsData",
    "key",
    "officials",
    "officials_data",
    "state_of",
]

_UNKNOWN = "?"  # an office's end no page gave
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
# Letters NFKD does not decompose: Polish ł, Nordic ø, Turkish dotless ı, ...
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ı": "i", "đ": "d"})


def _fold(phrase: str) -> str:
    """The phrase without diacritics ('Błaszczak' -> 'Blaszczak'); Cyrillic stays Cyrillic."""
    decomposed = unicodedata.normalize("NFKD", phrase.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def key(phrase: str) -> tuple[str, ...]:
    """The normalised key of a name: its words, case-folded, diacritics folded."""
    return tokens(_fold(phrase))


def _first_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Office(_Strict):
    """One office and its term: ``from``/``to`` are YYYY-MM-DD, YYYY-MM or YYYY, ``to`` null
    while it is held and ``"?"`` where no page gave the end. A date given as a year or month
    covers all of it (``from: 2014`` starts on 1 January, ``to: 2014`` ends on 31 December).
    An office whose end is unknown counts on its first day only. ``stateless`` marks an office
    in which a national speaks for no State (an American officer as NATO's SACEUR)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    title: str
    from_: str = Field(alias="from")
    to: str | None
    stateless: bool = False

    @field_validator("from_", "to")
    @classmethod
    def _is_date(cls, value: str | None) -> str | None:
        if value is not None and value != _UNKNOWN:
            if _DATE.fullmatch(value) is None:
                raise ValueError(f"not YYYY, YYYY-MM or YYYY-MM-DD: {value!r}")
            _first_day(value)
        return value

    @model_validator(mode="after")
    def _ordered(self) -> Office:
        if self.to not in (None, _UNKNOWN) and self.end < self.start:
            raise ValueError(f"{self.title}: ends ({self.to}) before it starts ({self.from_})")
        return self

    @property
    def start(self) -> date:
        return _first_day(self.from_)

    @property
    def end(self) -> date:
        """The last day known to be held: ``date.max`` while it is held, the first day when
        the end is unknown."""
        if self.to is None:
            return date.max
        return self.start if self.to == _UNKNOWN else _last_day(self.to)

    def held_on(self, on: date) -> bool:
        return self.start <= on <= self.end


class Official(_Strict):
    """A person as the press names them, with the State they speak for (ISO 3166-1 alpha-3),
    or none for officials of NATO, the EU, the OSCE or the UN."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    state: str | None
    offices: list[Office] = Field(min_length=1)
    source: CitedSource
    # Further pages, where one page does not give every office or date.
    see_also: list[CitedSource] = Field(default_factory=list)
    note: str | None = None

    @field_validator("state")
    @classmethod
    def _alpha3(cls, value: str | None) -> str | None:
        if value is not None and re.fullmatch(r"[A-Z]{3}", value) is None:
            raise ValueError(f"not an ISO 3166-1 alpha-3 code: {value!r}")
        return value

    def office_state(self, office: Office) -> str | None:
        return None if office.stateless else self.state

    def state_on(self, on: date | None) -> tuple[bool, str | None]:
        """Whether a State can be told, and which (None: speaks for no State).

        On a date, the offices held then decide; when they disagree, a stateless office
        (NATO's) wins over the national one it is held with. With no date, or on a date no
        listed office covers, the State counts only when every office shares it.
        """
        if on is not None:
            held = {self.office_state(o) for o in self.offices if o.held_on(on)}
            if held:
                return True, None if None in held else held.pop()
        states = {self.office_state(o) for o in self.offices}
        if len(states) == 1:
            return True, states.pop()
        return False, None

    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class OfficialsData(_Strict):
    officials: list[Official]
    # Surnames too common to stand alone for one person: never an alias.
    ignore: list[str] = Field(default_factory=list)


@dataclass
class _Index:
    people: dict[tuple[str, ...], Official] = field(default_factory=dict)
    # The longest name starting with each word: most words start none.
    first_words: dict[str, int] = field(default_factory=dict)


@cache
def officials_data() -> OfficialsData:
    """The validated contents of officials.yaml, read on first use."""
    return OfficialsData.model_validate(read_data("officials.yaml"))


@cache
def officials() -> dict[str, Official]:
    """The listed office holders, by name."""
    return {o.name: o for o in officials_data().officials}


@cache
def _index() -> _Index:
    data = officials_data()
    ignored = {key(n) for n in data.ignore}
    index = _Index()
    for person in data.officials:
        for name in person.names():
            k = key(name)
            if not k or k in ignored:
                continue
            other = index.people.setdefault(k, person)
            if other is not person:
                raise ValueError(f"{name!r} names both {other.name} and {person.name}")
            index.first_words[k[0]] = max(index.first_words.get(k[0], 0), len(k))
    return index


def _find(words: tuple[str, ...]) -> Official | None:
    """The first listed person named in the words, preferring one not in the possessive
    ("Putin's spokesman Dmitry Peskov" is Peskov)."""
    index = _index()
    possessor: Official | None = None
    i = 0
    while i < len(words):
        reach = min(index.first_words.get(words[i], 0), len(words) - i)
        for size in range(reach, 0, -1):
            person = index.people.get(words[i : i + size])
            if person is None:
                continue
            if i + size < len(words) and words[i + size] == "s":
                possessor = possessor or person
                break
            return person
        i += 1
    return possessor


def state_of(phrase: str, on: date | None = None) -> tuple[str | None, Official] | None:
    """The State the person named in a speaker phrase spoke for, and the person.

    ``phrase`` is a speaker phrase ("Defence Minister Sergei Shoigu", "Mr Shoigu",
    "Lukashenko"); names and aliases match as whole words, in any case, with or without
    diacritics. ``on`` is the date of the statement: the offices held then decide. Without a
    date, the State counts only when all the person's offices share it. The State is None
    for an official of NATO and the like, who speaks for no State. Returns None when no listed
    person is named, or when the person is found but the State cannot be told (no date, and
    offices for different States or for NATO as well as a State).
    """
    person = _find(key(phrase))
    if person is None:
        return None
    known, state = person.state_on(on)
    return (state, person) if known else None
