"""Write an extraction as a csbm dossier, for a person to review and assess.

The article becomes one new ``media`` source (its URL and publication date from the command
line); each figure about the reported exercise becomes a claim citing it, with the words it
was read from as ``quote``, the speaker as ``attributed_to`` and ``originator`` (so copies of
one speaker's figure count once), and ``declared_by`` when the speaker speaks for one State.
Thresholds, figures about other exercises and numbers set aside are not claims. Each act the
text reports (a notification, an invitation of observers, a Chapter III request, reply or
meeting, an inspection or evaluation visit; made or said not to be made) becomes a dossier act
citing the source, with the sentence it was read from in its note; a made act whose day the
text does not give gets ``date_text`` saying so (csbm invents no date), and an inspection or
evaluation visit whose receiving State the text does not give is left out (the source's note
says so), since a dossier act must name it.

A new dossier also needs the activity: its name, the States conducting and hosting it, and
its first and last day. They are taken from the text; when the text does not give one of
them, no dossier is written (csbm never fills a gap with a default): merge the claims into a
dossier that has the activity with ``into`` instead. The activity's ``kind`` cannot be read
reliably and is set to ``land_exercise`` unless the text speaks of an amphibious landing or a
parachute assault; the notes say so.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlparse

import yaml

from csbm._yaml import quote_like_yaml_1_2
from csbm.errors import InputError, Problem
from csbm.extract.gazetteer import tokens
from csbm.extract.result import Extraction
from csbm.extract.version import EXTRACTOR_VERSION
from csbm.model.bounds import day_problem
from csbm.model.dossier import (
    CHAPTER9_ACTS,
    Act,
    Activity,
    ActivityKind,
    Claim,
    Dossier,
    Location,
    Qualifier,
    Quantity,
    Source,
    SourceKind,
    is_web_address,
)

_AMPHIBIOUS = re.compile(r"\bamphibious\s+(?:landing|assault)s?\b", re.I)
_PARACHUTE = re.compile(r"\b(?:parachute|airborne)\s+(?:assault|landing|drop)s?\b", re.I)


class ExtractDossierError(InputError):
    """The text does not give what a dossier needs, or does not fit the dossier given."""


@dataclass(frozen=True)
class Given:
    """What the person gives on the command line for a new dossier's activity, where the
    text does not say it or says it wrongly (``--id``, ``--name``, ``--conducting``,
    ``--host``, ``--start``, ``--end``). Each one given wins over the text and the notes say
    so."""

    id: str | None = None
    name: str | None = None
    conducting: tuple[str, ...] = ()
    host: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None

    def __bool__(self) -> bool:
        return any(v not in (None, ()) for v in vars(self).values())

    def named(self) -> list[str]:
        flags = {"id": "--id", "name": "--name", "conducting": "--conducting", "host": "--host"}
        flags |= {"start": "--start", "end": "--end"}
        return [flag for key, flag in flags.items() if getattr(self, key) not in (None, ())]


def slug(text: str) -> str:
    """A dossier slug from any text: lower case, runs of other characters become '-'."""
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s if s and s[0].isalnum() else f"x-{s}".strip("-")


def _publisher(url: str | None, publisher: str | None) -> str:
    if publisher:
        return publisher
    if url:
        host = urlparse(url).hostname
        if host:
            return host.removeprefix("www.")
    return "unknown publisher (to be filled in)"


def _source_id(x: Extraction, publisher: str, taken: set[str]) -> str:
    """`PUBLISHER-DATE-DIGEST`: readable, and stable and unique because the digest is of
    the text's URL (else of the text itself). Publisher and date alone collide: one site
    publishes several reports a day."""
    base = slug(publisher)[:40]
    if x.published is not None:
        base = f"{base}-{x.published.isoformat()}"
    ident = x.url or x.text
    source_id = f"{base}-{hashlib.sha256(ident.encode('utf-8')).hexdigest()[:10]}"
    if source_id in taken:
        what = f"the URL {x.url}" if x.url else "this very text"
        raise ExtractDossierError(
            None, [Problem(f"the dossier already has the source {source_id}, read from {what}")]
        )
    return source_id


def _source(
    x: Extraction,
    source_id: str,
    publisher: str,
    title: str | None,
    acts_left_out: list[str] | None = None,
) -> Source:
    note = (
        f"Claims extracted by csbm extract {EXTRACTOR_VERSION} (rule-based); "
        "review each claim against the text before relying on it."
    )
    if acts_left_out:
        note += " Acts read but not written: " + "; ".join(acts_left_out) + "."
    symbol = None
    url = x.url
    if url and not is_web_address(url):
        # An archive reference rather than a web address: kept, as the document's symbol.
        url, symbol = None, url
    elif not url:
        digest = hashlib.sha256(x.text.encode("utf-8")).hexdigest()[:16]
        symbol = f"sha256:{digest}"
        note += " No URL was given: the symbol is the start of the text's SHA-256."
    return Source(
        id=source_id,
        kind=SourceKind.MEDIA,
        publisher=publisher,
        title=title,
        published=x.published,
        url=url,
        symbol=symbol,
        note=note,
    )


def figure_claim(
    source_id: str,
    seen: Counter[str],
    *,
    quantity: Quantity | str,
    value: int | None,
    low: int | None,
    high: int | None,
    qualifier: Qualifier | str,
    scope: str | None,
    contingent: str | None,
    declared_by: str | None,
    attributed_to: str | None,
    quote: str,
) -> Claim:
    """One extracted figure as a dossier claim, with the id `SOURCE.QUANTITY.AMOUNT` (and
    `.2`, `.3`… for repeats, counted in `seen`). `csbm extract` and `csbm batch ingest`
    both build claims here, so one text gives the same claim ids either way."""
    kind = quantity.value if isinstance(quantity, Quantity) else quantity
    amount = f"{value}" if value is not None else f"{low}-{high}"
    base = f"{source_id}.{kind}.{amount}"
    seen[base] += 1
    return Claim(
        id=base if seen[base] == 1 else f"{base}.{seen[base]}",
        quantity=quantity,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        scope=scope,
        contingent=contingent if scope else None,
        declared_by=declared_by,
        attributed_to=attributed_to,
        originator=attributed_to,
        source=source_id,
        quote=quote if len(quote) <= 200 else quote[:199] + "…",
    )


def _claims(x: Extraction, source_id: str) -> list[Claim]:
    seen: Counter[str] = Counter()
    return [
        figure_claim(
            source_id,
            seen,
            quantity=f.quantity,
            value=f.value,
            low=f.low,
            high=f.high,
            qualifier=f.qualifier,
            scope=f.scope,
            contingent=f.contingent,
            declared_by=f.declared_by,
            attributed_to=f.attributed_to,
            quote=f.evidence.text,
        )
        for f in x.claims()
    ]


def _acts(x: Extraction, source_id: str) -> tuple[list[Act], list[str]]:
    """The acts read from the text as dossier acts, and what was left out and why."""
    out: list[Act] = []
    left_out: list[str] = []
    for a in x.acts:
        what = f"{'' if a.made else 'not '}{a.type.value} by {a.by}"
        if a.type in CHAPTER9_ACTS and a.to is None:
            left_out.append(f"{what} (the text names no receiving State)")
            continue
        date_text = None
        if a.made and a.date is None:
            date_text = "the text gives no date" + (
                f"; reported in a text published {x.published.isoformat()}"
                if x.published is not None
                else ""
            )
        quote = a.evidence_text if len(a.evidence_text) <= 240 else a.evidence_text[:239] + "…"
        out.append(
            Act(
                type=a.type,
                by=[a.by],
                to=[a.to] if a.to is not None else None,
                made=a.made,
                date=a.date if a.made else None,
                date_text=date_text,
                source=source_id,
                note=f'read by csbm extract ({a.reason}); the text: "{quote}"',
            )
        )
    return out, left_out


def _same_activity(x: Extraction, dossier: Dossier) -> bool:
    """Whether the text's exercise is the dossier's activity (or the whole it is part of)."""
    main = x.main_exercise
    if main is None:
        return True
    activity = dossier.activity
    if main.activity_id is not None and main.activity_id in (activity.id, activity.parent):
        return True
    key = tokens(main.name)
    return any(tokens(n)[: len(key)] == key for n in [activity.name, *activity.aliases])


def to_dossier(
    x: Extraction,
    *,
    into: Dossier | None = None,
    publisher: str | None = None,
    title: str | None = None,
    given: Given | None = None,
) -> Dossier:
    """A new dossier from the text (with what ``given`` supplies for its activity), or
    ``into`` with the text's source and claims added."""
    pub = _publisher(x.url, publisher)
    given = given or Given()
    if into is not None:
        if given:
            raise ExtractDossierError(
                None,
                [
                    Problem(
                        f"{', '.join(given.named())} describe a new dossier's activity; with "
                        "--into the dossier has its own"
                    )
                ],
            )
        if x.url and any(s.url == x.url for s in into.sources):
            raise ExtractDossierError(
                None, [Problem(f"the dossier already has a source with the URL {x.url}")]
            )
        main = x.main_exercise
        if main is not None and not _same_activity(x, into):
            raise ExtractDossierError(
                None,
                [
                    Problem(
                        f"the text is about {main.name}, the dossier about "
                        f"{into.activity.name} ({into.activity.id})"
                    )
                ],
            )
        source_id = _source_id(x, pub, {s.id for s in into.sources})
        acts, left_out = _acts(x, source_id)
        return Dossier.model_validate(
            {
                **into.model_dump(exclude_defaults=True, exclude_none=True),
                "sources": [*into.sources, _source(x, source_id, pub, title, left_out)],
                "claims": [*into.claims, *_claims(x, source_id)],
                "acts": [*into.acts, *acts],
            }
        )
    return _new(x, pub, title, given)


def _new(x: Extraction, publisher: str, title: str | None, given: Given) -> Dossier:
    main = x.main_exercise
    name = given.name or (main.name if main is not None else None)
    participants = list(given.conducting) or [s.code for s in x.states if "participant" in s.roles]
    hosts = list(given.host) or [s.code for s in x.states if "host" in s.roles]
    start = given.start or (x.period.start if x.period else None)
    end = given.end or (x.period.end if x.period else None)
    missing = []
    if name is None:
        missing.append("the exercise's name (give it with --name)")
    if not participants:
        missing.append("the States conducting it (--conducting, e.g. BLR,RUS)")
    if not hosts:
        missing.append("the States hosting it (--host)")
    if start is None or end is None:
        ask = " and ".join(f for f, v in (("--start", start), ("--end", end)) if v is None)
        missing.append(f"its first and last day ({ask}, YYYY-MM-DD)")
    if missing:
        problems = [
            Problem(
                "the text does not give "
                + "; ".join(missing)
                + ". A new dossier needs them and csbm fills no gap with a default: give "
                "them, or add the claims to an existing dossier with --into FILE."
            )
        ]
        raise ExtractDossierError(None, problems)
    assert start is not None and end is not None and name is not None
    # What the model would refuse, said here rather than as a validation traceback.
    wrong = [p for p in (day_problem(start), day_problem(end)) if p is not None]
    if end < start:
        wrong.append(f"the text's last day {end} is before its first {start}")
    if wrong:
        raise ExtractDossierError(
            None,
            [
                Problem(f"period: {w}; check the dates, give --start/--end, or use --into FILE")
                for w in wrong
            ],
        )
    source_id = _source_id(x, publisher, set())
    kind = ActivityKind.LAND_EXERCISE
    kind_note = "kind land_exercise is assumed (the text does not say otherwise); check it"
    if _AMPHIBIOUS.search(x.text):
        kind, kind_note = (
            ActivityKind.AMPHIBIOUS_LANDING,
            "kind from 'amphibious landing' in the text; check it",
        )
    elif _PARACHUTE.search(x.text):
        kind, kind_note = (
            ActivityKind.PARACHUTE_ASSAULT,
            "kind from 'parachute/airborne assault' in the text; check it",
        )
    roles = "; ".join(
        f"{s.code} {'+'.join(s.roles)}: {s.reasons[0]}" for s in x.states if s.role != "mentioned"
    )
    period = "; ".join(
        f"{which} given on the command line"
        if value is not None
        else f"{which} {reason if x.period else 'not in the text'}"
        for which, value, reason in (
            ("start", given.start, x.period.start_reason if x.period else ""),
            ("end", given.end, x.period.end_reason if x.period else ""),
        )
    )
    by_hand = [f for f in given.named() if f not in ("--start", "--end")]
    notes = (
        f"Written by csbm extract {EXTRACTOR_VERSION} from one text "
        f"({x.url or 'no URL'}, published {x.published or 'unknown'}); every field was read by "
        f"rules and needs review. {kind_note}. Period: {period}. States: {roles or 'none read'}."
        + (f" Given on the command line: {', '.join(by_hand)}." if by_hand else "")
    )
    locations = [
        Location(
            name=p.name,
            lat=p.lat,
            lon=p.lon,
            precision=(
                f"{p.precision}; coordinate from {p.source}" if p.lat is not None else p.precision
            ),
            source=source_id,
        )
        for p in x.locations
    ]
    known_id = main.activity_id if main is not None and given.name is None else None
    activity = Activity(
        id=given.id or known_id or slug(name),
        name=name,
        kind=kind,
        conducting_states=participants,
        host_states=hosts,
        start=start,
        end=end,
        locations=locations,
        notes=notes,
    )
    acts, left_out = _acts(x, source_id)
    return Dossier(
        csbm=1,
        activity=activity,
        sources=[_source(x, source_id, publisher, title, left_out)],
        claims=_claims(x, source_id),
        acts=acts,
    )


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, quoting what csbm's YAML 1.2 reader would not read as text."""


quote_like_yaml_1_2(_Dumper)


def to_yaml(dossier: Dossier) -> str:
    """The dossier as YAML (comments of a merged file are not kept)."""
    data = dossier.model_dump(mode="json", exclude_defaults=True, exclude_none=True)
    data = {"csbm": 1, **data}
    header = (
        "# Dossier written by csbm extract: claims read by rules from a news text.\n"
        "# Review every claim against its quote and source before relying on it.\n"
    )
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return header + body


__all__ = ["ExtractDossierError", "Given", "figure_claim", "slug", "to_dossier", "to_yaml"]
