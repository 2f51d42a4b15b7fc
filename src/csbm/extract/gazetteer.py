"""Gazetteers: exercise series, places with coordinates, and the names of States.

The data lives in ``csbm/extract/data/*.yaml`` (each file says where its entries come from)
and in csbm's participating States (``csbm/data/states.yaml``) and pycountry. It is read
once, validated, and turned into one :class:`Lexicon`: a dictionary from normalised word
sequences to entries. Matching walks the capitalised words of a sentence and looks up the
longest word sequence starting there, so its cost grows with the length of the text, not
with the size of the gazetteer (a regular expression with a thousand alternatives would try
each of them at every position).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any, Literal

import pycountry
import yaml
from pydantic import BaseModel, ConfigDict, Field

from csbm.data.states import participating_states

EntryKind = Literal["state", "adjective", "metonym", "group", "series", "place"]

_TOKEN = re.compile(r"[^\W_]+")
# Words starting with a capital (Latin, Greek, Cyrillic): the only places a name can start.
_CAPITALISED = re.compile(
    r"(?<![^\W_])[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u017F\u0370-\u03FF\u0400-\u042F"
    r"\u0460-\u052F][^\W_]*"
)
# What may separate the words of one name: "Obuz-Lesnovsky", "U.S.", "Belarus's" is not one.
_GAP = re.compile(r"[\s\-–‐.]{0,3}")


def tokens(phrase: str) -> tuple[str, ...]:
    """The normalised key of a phrase: its words, case-folded ('U.S.' -> ('u', 's'))."""
    return tuple(t.casefold() for t in _TOKEN.findall(phrase))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SeriesData(_Strict):
    name: str
    aliases: list[str] = Field(default_factory=list)
    dossier_id: str | None = None
    needs_year: bool = False


class PlaceSource(_Strict):
    dossier: str
    location: str


class PlaceData(_Strict):
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    precision: str
    source: PlaceSource


class StateWords(_Strict):
    adjectives: list[str] = Field(default_factory=list)
    metonyms: list[str] = Field(default_factory=list)
    names: list[str] = Field(default_factory=list)


class GroupData(_Strict):
    names: list[str]
    codes: list[str]


class DemonymData(_Strict):
    states: dict[str, StateWords]
    groups: list[GroupData] = Field(default_factory=list)
    ignore_names: list[str] = Field(default_factory=list)


class _ExercisesFile(_Strict):
    series: list[SeriesData]


class _PlacesFile(_Strict):
    places: list[PlaceData]


@dataclass(frozen=True, slots=True)
class Entry:
    """What a phrase stands for.

    kind: ``state`` (a State's name), ``adjective`` ("Russian"), ``metonym`` ("Minsk",
    "the Kremlin"), ``group`` (several States: "the Baltic states"), ``series`` (an
    exercise series) or ``place`` (a range or airfield). ``codes`` are State codes;
    ``ref`` names the series or place; ``needs_year`` marks aliases that are ordinary
    words; ``valid`` limits a former name to the years it was used.
    """

    kind: EntryKind
    codes: tuple[str, ...] = ()
    ref: str = ""
    needs_year: bool = False
    valid: tuple[date, date] | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer phrase found in the text."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]


@dataclass
class Lexicon:
    """Phrases to entries, looked up word by word."""

    index: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    longest: int = 1
    # The longest phrase starting with each word: most capitalised words start none, and are
    # skipped with one dictionary look-up.
    first_words: dict[str, int] = field(default_factory=dict)

    def add(self, phrase: str, entry: Entry) -> None:
        key = tokens(phrase)
        if not key:
            return
        bucket = self.index.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        self.longest = max(self.longest, len(key))
        self.first_words[key[0]] = max(self.first_words.get(key[0], 0), len(key))

    def find(
        self, text: str, start: int = 0, end: int | None = None, on: date | None = None
    ) -> list[Match]:
        """Longest phrases starting at a capitalised word in text[start:end].

        ``on`` is the publication date: a former name ("Serbia and Montenegro") counts only
        when the text was written while it was in use; without a date it does not count,
        and its parts are matched instead.
        """
        stop = len(text) if end is None else end
        found: list[Match] = []
        done = start
        for cap in _CAPITALISED.finditer(text, start, stop):
            if cap.start() < done:
                continue
            reach = self.first_words.get(cap.group().casefold(), 0)
            if not reach:
                continue
            words: list[re.Match[str]] = []
            for w in _TOKEN.finditer(text, cap.start(), stop):
                words.append(w)
                if len(words) >= reach:
                    break
            hit: Match | None = None
            for size in range(len(words), 0, -1):
                span = words[:size]
                if any(_GAP.fullmatch(text, a.end(), b.start()) is None for a, b in pairwise(span)):
                    continue
                entries = self.index.get(tuple(w.group().casefold() for w in span))
                if not entries:
                    continue
                usable = tuple(e for e in entries if _valid(e, on))
                if usable:
                    s, e = span[0].start(), span[-1].end()
                    if text[e : e + 1] == "." and _is_initialism(span):
                        e += 1  # "U.S." ends with its full stop
                    hit = Match(s, e, text[s:e], usable)
                    break
            if hit is not None:
                found.append(hit)
                done = hit.end
        return found


def _is_initialism(span: list[re.Match[str]]) -> bool:
    return len(span) > 1 and all(len(w.group()) == 1 for w in span)


def _valid(entry: Entry, on: date | None) -> bool:
    if entry.valid is None:
        return True
    if on is None:
        return False
    return entry.valid[0] <= on < entry.valid[1]


def _read(name: str) -> Any:
    path = resources.files("csbm.extract").joinpath("data").joinpath(name)
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def series_list() -> tuple[SeriesData, ...]:
    return tuple(_ExercisesFile.model_validate(_read("exercises.yaml")).series)


@cache
def places() -> dict[str, PlaceData]:
    return {p.name: p for p in _PlacesFile.model_validate(_read("places.yaml")).places}


@cache
def demonyms() -> DemonymData:
    return DemonymData.model_validate(_read("demonyms.yaml"))


@cache
def state_names() -> dict[str, str]:
    """A display name for every State code the lexicon knows."""
    names = {code: s.name for code, s in participating_states().items()}
    for code in demonyms().states:
        if code not in names:
            country = pycountry.countries.get(alpha_3=code)
            if country is not None:
                names[code] = getattr(country, "common_name", None) or country.name
    return names


@cache
def lexicon() -> Lexicon:
    """Every phrase the extractor recognises, built once per process."""
    lex = Lexicon()
    words = demonyms()
    ignored = {tokens(n) for n in words.ignore_names}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name and tokens(name) not in ignored:
                lex.add(name, Entry("state", (country.alpha_3,)))
    for code, state in participating_states().items():
        former = {f.name: (f.from_, f.until) for f in state.former_names}
        for name in [state.name, *state.aliases]:
            lex.add(name, Entry("state", (code,), valid=former.get(name)))
    for code, extra in words.states.items():
        for name in extra.names:
            lex.add(name, Entry("state", (code,)))
        for adjective in extra.adjectives:
            lex.add(adjective, Entry("adjective", (code,)))
        for metonym in extra.metonyms:
            lex.add(metonym, Entry("metonym", (code,)))
    for group in words.groups:
        for name in group.names:
            lex.add(name, Entry("group", tuple(group.codes)))
    for series in series_list():
        lex.add(series.name, Entry("series", ref=series.name, needs_year=series.needs_year))
        for alias in series.aliases:
            common = alias.endswith("*")
            lex.add(alias.rstrip("*"), Entry("series", ref=series.name, needs_year=common))
    for place in places().values():
        entry = Entry("place", (place.country,) if place.country else (), ref=place.name)
        for name in [place.name, *place.aliases]:
            lex.add(name, entry)
    return lex


__all__ = [
    "Entry",
    "Lexicon",
    "Match",
    "PlaceData",
    "SeriesData",
    "demonyms",
    "lexicon",
    "places",
    "series_list",
    "state_names",
    "tokens",
]
