"""Who a figure is attributed to.

csbm weighs a claim by who makes it: a figure a State gives about its own activity is
*declared*, anyone else's is *independent*, and copies of one originator's figure count once
(docs/evidence.md). News reports name the speaker around the figure: "according to NATO
Secretary-General Jens Stoltenberg, 30,000 ...", "... 30,000 troops, the ministry said",
"Minsk says 12,700 ...", "while Western analysts expect more than 200,000 ...". A figure takes
the nearest speaker before it in its sentence, else the first one after it; a speaker in
another sentence is not used (no pronoun resolution: "he said" gives nothing).

The speaker is reduced to a person's name when it ends with one ("NATO Secretary-General Jens
Stoltenberg" -> "Jens Stoltenberg"); offices stay whole ("Belarus's defence ministry"). When
it speaks for exactly one State ("Russia's Defence Minister Sergei Shoigu", "Minsk"), that
State is recorded as ``declared_by``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from csbm.extract.gazetteer import lexicon

_VERB = re.compile(
    r"\b(?:(?:has|have|had|also|reportedly|earlier|previously|now)\s+)*"
    r"(?P<verb>said|says|say|told|tells|estimated|estimates|estimate|believe|believes|believed"
    r"|claimed|claims|expects|expect|expected|puts|put\s+the\s+(?:\w+\s+)?(?:number|figure|total)"
    r"|counted|counts"
    r"|reported|reports|declared|declares|announced|announces|stated|noted|warned|warns|insisted"
    r"|insists|wrote|writes|added|adds|spoke\s+of|speaks\s+of|cited|cites)\b"
)
_ACCORDING = re.compile(
    r"\b[Aa]ccording\s+to\s+(?P<who>(?:[^,;:.()“”\"]|\.(?=\S)){2,90}?)"
    r"(?=\s*(?:[,;:()“”\"]|\.(?:\s|$)|$)|\s+that\b)"
)
_INVERTED = re.compile(
    r"(?:[,”\"]\s*)(?:said|says|according\s+to)\s+(?P<who>(?:(?:[A-Z][\w.'’-]*|to|of|the|for)\s+){0,7}[A-Z][\w'’-]+)"
)
_BY = re.compile(
    r"\b(?:declared|announced|reported|claimed|given|stated|cited|notified|estimated|put\s+forward)"
    r"\s+by\s+(?P<who>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|of|the|defen[cs]e"
    r"|ministry|officials|government|military|intelligence)){0,6})"
)
_BOUNDARY = re.compile(r"[,;:(“”\"—–]|\b(?:while|but|whereas|which)\b")
_PRONOUN = re.compile(r"^(?:it|he|she|they|we|i|you|this|that|these|those|who|which)$", re.I)
_SPEAKER_NOUN = re.compile(
    r"\b(?:officials?|ministry|minister|analysts?|experts?|intelligence|sources?|spokes(?:man|woman|person)"
    r"|government|military|army|command|staff|observers|diplomats?|officers?|commander|chief"
    r"|media|agency|estimates?|generals?|president|ambassador|delegation|authorities|alliance"
    r"|press\s+service|fleet|headquarters)\b",
    re.I,
)
_ORGAN = re.compile(
    r"\b(?:ministry|minister|government|staff|army|forces|military|intelligence|officials?|ambassador"
    r"|president|spokes(?:man|woman|person)|delegation|MoD|defen[cs]e|command|fleet|navy|embassy"
    r"|mission|general|chief|authorities|kremlin|pentagon)\b",
    re.I,
)
_NOT_NAME = frozenset(
    [
        "ministry",
        "minister",
        "defence",
        "defense",
        "foreign",
        "forces",
        "force",
        "fleet",
        "staff",
        "general",
        "army",
        "navy",
        "command",
        "council",
        "office",
        "department",
        "intelligence",
        "service",
        "services",
        "committee",
        "union",
        "organization",
        "organisation",
        "alliance",
        "nato",
        "osce",
        "eu",
        "un",
        "secretary",
        "secretary-general",
        "president",
        "prime",
        "chief",
        "spokesman",
        "spokeswoman",
        "ambassador",
        "commander",
        "colonel",
        "lieutenant",
        "major",
        "admiral",
        "marshal",
        "deputy",
        "head",
        "director",
        "saceur",
        "gen",
        "gen.",
        "lt",
        "lt.",
        "col",
        "col.",
        "mr",
        "mr.",
        "mrs",
        "dr",
        "kremlin",
        "pentagon",
        "government",
        "parliament",
        "duma",
        "agency",
        "tass",
        "reuters",
        "interfax",
        "sixth",
        "military",
        "district",
        "western",
        "eastern",
        "southern",
        "northern",
        "central",
        "joint",
        "operational",
        "strategic",
    ]
)


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker cue in a sentence: who, where the cue is, and the State it speaks for."""

    who: str
    phrase: str
    start: int
    end: int
    declared_by: str | None
    how: str


def _clean(phrase: str) -> str:
    phrase = phrase.strip().strip("’'\"”“,")
    if re.search(r"[a-z]{2}\.$", phrase):
        phrase = phrase[:-1]  # a sentence's full stop, not the one of "U.S."
    phrase = re.sub(r"^(?:the|The)\s+", "", phrase)
    phrase = re.sub(
        r"\s+(?:on|in|at)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$",
        "",
        phrase,
    )
    return phrase.strip()


def _plausible(phrase: str) -> bool:
    words = phrase.split()
    if not words or len(words) > 10 or any(ch.isdigit() for ch in phrase):
        return False
    if len(words) == 1 and _PRONOUN.match(words[0]):
        return False
    if not any(w[:1].isupper() for w in words) and _SPEAKER_NOUN.search(phrase) is None:
        return False
    return not re.match(r"^(?:it|he|she|they|we)\b", phrase, re.I)


def _person(phrase: str) -> str | None:
    """The person's name a speaker phrase ends with, if any."""
    words = phrase.split()
    lex = lexicon()
    run: list[str] = []
    for w in reversed(words):
        bare = w.strip("’'\".,")
        parts = bare.lower().split("-")
        if (
            not bare[:1].isupper()
            or bare.lower() in _NOT_NAME
            or any(p in _NOT_NAME for p in parts)
            or lex.find(bare)
        ):
            break
        run.append(bare)
    run.reverse()
    if len(run) >= 2 or (len(run) == 1 and len(words) == 1):
        return " ".join(run)
    return None


def _declared_by(phrase: str) -> str | None:
    codes: set[str] = set()
    kinds: set[str] = set()
    for m in lexicon().find(phrase):
        for e in m.entries:
            if e.kind in ("state", "adjective", "metonym"):
                codes.update(e.codes)
                kinds.add(e.kind)
    if len(codes) != 1:
        return None
    bare = re.sub(r"['’]s$", "", phrase.strip())
    whole = lexicon().find(bare)
    just_the_state = len(whole) == 1 and whole[0].start == 0 and whole[0].end == len(bare)
    if _ORGAN.search(phrase) or just_the_state:
        return next(iter(codes))
    return None


def _speaker(phrase: str, start: int, end: int, how: str) -> Speaker | None:
    phrase = _clean(phrase)
    if not _plausible(phrase):
        return None
    who = _person(phrase) or phrase
    return Speaker(who, phrase, start, end, _declared_by(phrase), how)


def speakers(text: str, start: int, end: int) -> list[Speaker]:
    """Every speaker cue in text[start:end] (one sentence), in order of position."""
    found: list[Speaker] = []
    for m in _ACCORDING.finditer(text, start, end):
        sp = _speaker(m.group("who"), m.start(), m.end(), "according to")
        if sp is not None:
            found.append(sp)
    for m in _BY.finditer(text, start, end):
        sp = _speaker(m.group("who"), m.start(), m.end(), "by")
        if sp is not None:
            found.append(sp)
    for m in _INVERTED.finditer(text, start, end):
        sp = _speaker(m.group("who"), m.start(), m.end(), "said (inverted)")
        if sp is not None:
            found.append(sp)
    for m in _VERB.finditer(text, start, end):
        lo = max(start, m.start() - 110)
        window = text[lo : m.start()]
        cut = 0
        for b in _BOUNDARY.finditer(window):
            cut = b.end()
        phrase = window[cut:]
        if not phrase.strip():
            continue
        sp = _speaker(phrase, lo + cut, m.end(), m.group("verb"))
        if sp is not None:
            found.append(sp)
    found.sort(key=lambda s: s.start)
    return found


def for_figure(cues: list[Speaker], fig_start: int, fig_end: int) -> Speaker | None:
    """The speaker the figure names ('the 12,700 declared by Moscow'), else the nearest
    speaker before it in its sentence, else the first after it."""
    agent = [c for c in cues if c.how == "by" and fig_end <= c.start <= fig_end + 20]
    if agent:
        return agent[0]
    before = [
        c for c in cues if c.end <= fig_start or (c.how == "according to" and c.start < fig_start)
    ]
    if before:
        return max(before, key=lambda c: c.end)
    after = [c for c in cues if c.start >= fig_end]
    return after[0] if after else None


__all__ = ["Speaker", "for_figure", "speakers"]
