"""Acts under the Vienna Document that a text reports: who made them, and whether they were made.

The dossier records, besides claims about an activity's size, the official acts around it
(:class:`csbm.model.dossier.ActType`): a notification, an invitation of observers, a request
for an explanation under Chapter III, the reply, the meeting, an inspection or an evaluation
visit. The press reports them in a few shapes, read here sentence by sentence:

- a State as the subject of the act's verb: "Belarus notified ...", "Lithuania, Latvia and
  Estonia had asked Minsk to explain ...", "Kyiv demanded a meeting", "Belarus answered";
- the State's possessive on the act's noun: "Minsk's answer", "Ukraine's request";
- "by" after a passive: "the request submitted by Ukraine";
- a passive with no agent, or observers watching: "observers were invited", "observers from
  ... watched": the act of the State hosting the activity (the Vienna Document has the host
  invite observers): the first host named in that sentence, else the first host of the
  text; a text that names no host gives no such act (unknown stays unknown).

An act is *not made* when the text says so: a negation between the State and the verb ("did
not invite", "has not answered", "no NATO officials will be invited"), a refusal ("refused to
take part"), a failure ("let the deadline pass", "gave no answer"). An act under a condition
or a duty ("if Russia gives no data, Ukraine would call a meeting", "Belarus must answer",
"a State may ask ...") is not reported as made or not made: it is not an act yet. A reply is
read only in a text that reports a request, a meeting only in a text that names the Vienna
Document, the OSCE or Chapter III: "Russia responded by moving troops" is no reply.

Inspections: a Russian "snap inspection" or "combat readiness inspection" is a national check
of its own forces, not a visit under Chapter IX; only inspectors or an inspection from
another State, or an inspection in a sentence naming the Vienna Document or Chapter IX, count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from csbm.extract.dates import DateMention
from csbm.extract.states import StateMention
from csbm.model.dossier import ActType

# Words without one of which no act is read (see has_act_cue): requests, replies and
# meetings need the forum (the Vienna Document, the OSCE, Chapter III, risk reduction), the
# other acts their own word.
ACT_STEMS = (
    "vienna",
    "osce",
    "chapter iii",
    "risk reduction",
    "invit",
    "observ",
    "notif",
    "notice",
    "inspect",
    "evaluat",
    "delegation",
    "attach",
    "monitor",
    "calendar",
    "represent",
)


def has_act_cue(folded: str) -> bool:
    """Whether a text (case-folded with :func:`csbm.extract.relevance.fold`) can report an
    act: :func:`find` reads none in a text without one of ``ACT_STEMS``."""
    return any(stem in folded for stem in ACT_STEMS)


# A cheap test first: most sentences name no act at all.
_ANY = re.compile(
    r"invit|observ|notif|notice|request|\bask|explain|explanation|answer|repl[yi]|respon|meeting"
    r"|inspect|evaluat|clarif|questions|attach[eé]|deadline|refus|mechanism|Vienna\s+Document"
    r"|calendar|unanswered|advance|representatives|inform|brief|foreign|countries|open\s+to"
    r"|away|boycott|attend",
    re.I,
)
_BE = r"(?:is|are|was|were|be|been|being|has\s+been|have\s+been|had\s+been|will\s+be|would\s+be)"
# Words of those who watch an activity. The weak ones ("to attend", "representatives",
# "delegations") are guests of anything, a forum or a conference too: they count only with
# the activity named after them ("invited representatives of 30 countries to the exercise").
_ACTIVITY_AFTER = (
    r"(?=[^.;]{0,60}?\b(?:exercises?|drills?|manoeuvres|maneuvers|war\s+games|it|them"
    r"|training|range)\b)"
)
_OBSERVE_WORDS = (
    r"(?:observers?|to\s+observe|to\s+watch|to\s+monitor|inspectors|monitors"
    r"|military\s+attach[eé]s?|attach[eé]s?"
    r"|(?:to\s+attend|delegations?|experts|representatives(?!\s+of\s+(?:the\s+)?(?:media|press"
    r"|mass\s+media))|foreign\s+military)" + _ACTIVITY_AFTER + r")"
)
_WATCH = (
    r"(?:watch(?:ed|es|ing)?|observ(?:ed|es|ing)|monitor(?:ed|s|ing)?|attend(?:ed|s|ing)?"
    r"|follow(?:ed|s|ing)|were\s+present|was\s+present|com(?:e|es|ing)\s+from|came\s+from"
    r"|arriv(?:e|ed|es|ing)|(?:will\s+)?be\s+present|(?:are|is|were)\s+(?:expected|due)\s+to"
    r"\s+(?:attend|come|arrive|be\s+present))"
)
# Who watches, after "observed by": observers, attachés, representatives of States.
_WATCHERS = (
    r"(?:observers|military\s+attach[eé]s|attach[eé]s|representatives|delegations|officers"
    r"|inspectors|monitors)"
)
# Recipients of a word of warning that make it no notification: "notified its own troops".
_NOT_RECIPIENT = (
    r"(?!\s+(?:its|their|the)\s+(?:own\s+)?(?:troops|units|forces|personnel|soldiers"
    r"|servicemen|residents|population|citizens|public|crews)\b)"
)
_NOTIFY_NOUN = r"(?:advance\s+|prior\s+|formal\s+)?(?:notice|notifications?)"
_CALENDAR = r"(?:\w+\s+){0,2}?(?:annual\s+)?calendar\b"
_UNANSWERED = (
    r"\b(?:(?:received|receiving|got|getting|had|having\s+received)\s+no\s+(?:\w+\s+)?"
    r"(?:answer|reply|response)|(?:went|go|goes|remained|remains|was\s+left|were\s+left)\s+"
    r"unanswered|no\s+(?:\w+\s+)?(?:answer|reply|response)\s+(?:came|has\s+come|was\s+"
    r"(?:given|received|sent))|there\s+(?:was|has\s+been|is)\s+(?:still\s+)?no\s+(?:\w+\s+)?"
    r"(?:answer|reply|response)|(?:with|to)\s+no\s+(?:answer|reply|response)\b)"
)
_EXPLAIN = (
    r"(?:to\s+(?:explain|clarify|provide\s+(?:\w+\s+){0,2}?(?:information|details|data|explanations?)"
    r"|give\s+(?:\w+\s+){0,2}?(?:information|details|data|explanations?)|disclose)"
    r"|for\s+(?:\w+\s+){0,3}?(?:explanations?|clarifications?|information|details|data))"
)


@dataclass(frozen=True, slots=True)
class _Rule:
    type: ActType
    rx: re.Pattern[str]
    how: str  # "subject", "possessive", "host", "agent", "visit"
    made: bool
    reason: str
    # Lower-case words one of which every match contains: a cheap test before the pattern.
    stems: tuple[str, ...] = ()


def _r(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# Negative rules come first: their words are taken, so "let the deadline to answer pass" is
# not also read as an answer.
_RULES: tuple[_Rule, ...] = (
    _Rule(
        ActType.CHAPTER3_REPLY,
        _r(
            r"\b(?:(?:did|does|do|has|have|had)\s+not|(?:did|does|has|have|had)n['’]t|never|failed"
            r"\s+to|refus(?:ed|es)\s+to)\s+(?:yet\s+)?(?:answer|repl(?:y|ied)|respond|react)\w*"
            # "Russia refused to provide the information requested"
            r"|\brefus(?:ed|es|ing)\s+to\s+(?:provide|give|share|explain|clarify)\b"
        ),
        "subject",
        False,
        "did not answer",
        ("answer", "repl", "respond", "react", "refus"),
    ),
    _Rule(
        ActType.CHAPTER3_REPLY,
        _r(
            r"\b(?:gave|gives|has\s+given|provided|sent)\s+no\s+(?:\w+\s+)?(?:answer|reply|response)"
            r"|\bignor(?:ed|es|ing)\s+(?:the|our|a|its|their|\w+['’]s)\s+(?:\w+\s+){0,3}?request"
            r"|\blet\s+(?:pass\s+)?(?:the|a|its)\s+(?:[\w-]+\s+){0,2}?deadline"
            r"|\bmissed\s+(?:the|a|its)\s+(?:[\w-]+\s+){0,2}?deadline"
            r"|\bwithout\s+(?:ever\s+)?(?:answering|replying|responding)\b"
        ),
        "subject",
        False,
        "gave no answer",
        ("answer", "repl", "respons", "ignor", "deadline", "without"),
    ),
    _Rule(
        ActType.CHAPTER3_REPLY,
        _r(r"['’]s\s+(?:\w+\s+)?(?:failure|refusal)\s+to\s+(?:answer|reply|respond)"),
        "possessive",
        False,
        "its failure to answer",
        ("failure", "refusal"),
    ),
    _Rule(
        ActType.CHAPTER3_MEETING,
        _r(
            r"\b(?:refus(?:ed|es)|declin(?:ed|es))\s+to\s+(?:take\s+part|attend|participate|join)"
            r"|\b(?:did|does|has|have)\s+not\s+(?:attend|take\s+part|participate|join)"
            r"|\b(?:stayed|stays)\s+away|\bboycott(?:ed|s)\b"
            r"|\b(?:did|does)\s+not\s+(?:show\s+up|turn\s+up|come)|\bfailed\s+to\s+(?:show|turn)\s+up"
            r"|\b(?:skipped|ignored|snubbed)\s+(?:the\s+|this\s+)?(?:\w+\s+){0,3}?meeting"
        ),
        "subject",
        False,
        "did not take part in the meeting",
        (
            "refus",
            "declin",
            "attend",
            "part",
            "particip",
            "join",
            "away",
            "boycott",
            "show",
            "turn",
            "come",
            "meeting",
        ),
    ),
    _Rule(
        ActType.CHAPTER3_MEETING,
        _r(r"['’]s\s+(?:refusal|failure)\s+to\s+(?:take\s+part|attend|participate|join)"),
        "possessive",
        False,
        "its refusal to take part",
        ("refusal", "failure"),
    ),
    _Rule(
        ActType.NOTIFICATION,
        _r(
            rf"\b(?:(?:did|does|do|has|have|had)\s+not|(?:did|does|do|has|have|had)n['’]t|never"
            rf"|failed\s+to|fails\s+to|neglected\s+to|refus(?:ed|es)\s+to"
            rf"|(?:chose|chosen|chooses|decided|decides|opted|opts)\s+not\s+to)\s+(?:yet\s+)?(?:even\s+)?"
            rf"(?:notif(?:y|ied)|(?:give|gave|given|issue[sd]?|send|sent|submit(?:ted)?|provide[sd]?"
            rf"|make|made|file[sd]?)\s+(?:\w+\s+){{0,4}}?{_NOTIFY_NOUN}|inform(?:ed)?\s+(?:the\s+)?OSCE)\b"
            # "without notice" alone is a snap check's ("checked without notice"): only
            # without a word to the States or under the Document
            rf"|\bwithout\s+(?:any\s+)?(?:prior\s+|advance\s+|formal\s+)?(?:notifying|notification"
            rf"|notice|informing|giving\s+(?:\w+\s+){{0,3}}?notice)\b"
            rf"(?=[^.;]{{0,40}}?\b(?:OSCE|States|neighbou?rs|Vienna\s+Document|partners|allies)\b)"
        ),
        "subject_or_host",
        False,
        "did not notify",
        ("notif", "notice", "inform"),
    ),
    _Rule(
        ActType.NOTIFICATION,
        _r(
            rf"\b(?:no|without)\s+(?:prior\s+|advance\s+|formal\s+)?notification\b"
            rf"|\b{_BE}\s+not\s+(?:been\s+)?(?:duly\s+|properly\s+)?notified\b"
        ),
        "host",
        False,
        "not notified",
        ("notif",),
    ),
    _Rule(
        ActType.CALENDAR_ENTRY,
        _r(
            rf"\b{_BE}\s+(?:not|never)\s+(?:been\s+)?(?:included|listed|entered|announced|shown"
            rf"|planned)\s+in\s+(?:its|their|the)\s+{_CALENDAR}"
            rf"|\b(?:not|never)\s+(?:in|on)\s+(?:its|their|the)\s+{_CALENDAR}"
            rf"|\b(?:absent|missing)\s+from\s+(?:its|their|the)\s+{_CALENDAR}"
        ),
        "host",
        False,
        "not in the annual calendar",
        ("calendar",),
    ),
    _Rule(
        ActType.CALENDAR_ENTRY,
        _r(
            rf"\b(?:included|includes|include|listed|lists|entered|enters|put|puts)\s+"
            rf"(?:\w+\s+){{0,4}}?(?:in|on)\s+(?:its|their|the)\s+{_CALENDAR}"
        ),
        "subject_or_host",
        True,
        "included in the annual calendar",
        ("calendar",),
    ),
    _Rule(
        ActType.CHAPTER3_REPLY,
        _r(_UNANSWERED),
        "addressee",
        False,
        "the request got no answer",
        ("answer", "repl", "respons"),
    ),
    _Rule(
        ActType.OBSERVATION_INVITATION,
        _r(
            rf"\b(?:(?:did|does|do|will|would|has|have|had)\s+not|(?:did|does|do|has|have|had|wo)n['’]t"
            rf"|never|refus(?:ed|es)\s+to|declin(?:ed|es)\s+to)\s+invite\b"
            rf"(?=[^.;]{{0,80}}?\b{_OBSERVE_WORDS}\b|\s+any\b(?!\s+\w+\s+to\b))"
            # "Russia has invited no observers"
            rf"|\binvit(?:ed|es|e)\s+no\b(?=\s+(?:\w+\s+){{0,3}}?{_OBSERVE_WORDS}\b)"
        ),
        "subject",
        False,
        "did not invite observers",
        ("invite",),
    ),
    _Rule(
        ActType.OBSERVATION_INVITATION,
        _r(
            rf"\b(?:no|not)\s+(?:\w+\s+){{0,4}}?(?:observers?|officials|monitors|inspectors"
            rf"|attach[eé]s|delegations?|experts|one)\s+(?:\w+\s+){{0,3}}?{_BE}\s+"
            rf"(?:invited|allowed|permitted|admitted|present)\b"
            rf"|\bobservers\s+(?:\w+\s+){{0,3}}?{_BE}\s+not\s+(?:been\s+)?"
            rf"(?:invited|allowed|permitted|admitted)\b"
            rf"|\bwithout\s+(?:inviting\s+)?(?:any\s+)?(?:foreign\s+|international\s+)?observers\b"
            # "Poland and Lithuania were not invited to observe", "received no invitation to
            # send observers", "no invitations were sent"
            rf"|\b{_BE}\s+not\s+(?:been\s+)?invited\s+(?:to\s+(?:send\s+observers|observe|watch"
            rf"|monitor|attend)|as\s+observers)"
            rf"|\b(?:received|got|had|get|receive)\s+no\s+invitations?\b"
            rf"|\b(?:did|do|does)\s+not\s+(?:get|receive)\s+(?:an?\s+|any\s+)?invitations?\b"
            rf"|\bno\s+invitations?\s+(?:\w+\s+){{0,2}}?{_BE}\s+(?:sent|issued|extended)\b"
            rf"|\boff\s+the\s+invitation\s+list"
        ),
        "host",
        False,
        "no observers invited",
        ("invited", "without", "invitation"),
    ),
    _Rule(
        ActType.OBSERVATION_INVITATION,
        _r(rf"\binvit(?:e|es|ed|ing)\b(?=[^.;]{{0,80}}?\b{_OBSERVE_WORDS}\b)"),
        "subject",
        True,
        "invited observers",
        ("invit",),
    ),
    _Rule(
        ActType.OBSERVATION_INVITATION,
        _r(
            rf"\b{_BE}\s+(?:also\s+)?invited\s+(?:to\s+(?:send\s+observers|observe|watch|monitor|attend))"
        ),
        "host",
        True,
        "were invited to observe",
        ("invited",),
    ),
    _Rule(
        ActType.OBSERVATION_INVITATION,
        _r(
            # not observers in the sense of commentators: "Western observers say ...", "some
            # observers fear ..."
            rf"(?<!Western\s)(?<!western\s)(?<!Some\s)(?<!some\s)(?<!many\s)(?<!Many\s)"
            rf"(?<!political\s)(?<!independent\s)"
            # (not the monitors of a standing mission: "OSCE SMM monitors observed ...")
            rf"\b(?:observers|delegations|military\s+attach[eé]s|inspectors|(?<!SMM\s)(?<!OSCE\s)"
            rf"(?<!Mission\s)monitors)\b"
            rf"(?!\s+(?:\w+\s+){{0,3}}?(?:say|said|says|believe[sd]?|note[sd]?|fear(?:ed|s)?|warn(?:ed|s)?"
            rf"|think|thought|suggest(?:ed|s)?|argue[sd]?|point(?:ed)?\s+out|expect(?:ed)?\s+that)\b)"
            rf"(?:[^.;]{{0,120}}?)\b{_WATCH}\b"
            # (guests of a forum, not of the activity: "delegations ... to attend the forum")
            rf"(?![^.;]{{0,40}}?\b(?:forum|conference|summit|seminar|session|ceremony|parade"
            rf"|exhibition|expo)\b)"
            rf"|\b{_WATCH}\s+(?:\w+\s+){{0,2}}by\s+(?:\w+\s+){{0,4}}?{_WATCHERS}"
        ),
        "host",
        True,
        "observers watched the activity",
        ("observ", "delegation", "attach", "inspector", "monitor", "represent", "officers"),
    ),
    _Rule(
        ActType.OBSERVATION_INVITATION,
        _r(
            r"\b(?:(?:foreign|international)\s+(?:military\s+)?(?:representatives|officers|officials"
            r"|guests|military)|(?:representatives|officers|officials|guests)\s+(?:from|of)\s+"
            r"(?:\w+\s+)?(?:countries|States|nations))\b[^.;]{0,120}?\b(?:watched|observed|attended"
            r"|(?:were|was|will\s+be)\s+present\s+at|visited)\b" + _ACTIVITY_AFTER
        ),
        "host",
        True,
        "foreign guests watched the activity",
        ("foreign", "international", "countries", "states", "nations"),
    ),
    _Rule(
        ActType.OBSERVATION_INVITATION,
        _r(
            r"\b(?:is|are|was|were|will\s+be)\s+(?:also\s+)?open\s+to\s+(?:\w+\s+){0,3}?observers\b"
        ),
        "host",
        True,
        "open to observers",
        ("open",),
    ),
    _Rule(
        ActType.OBSERVATION_INVITATION,
        _r(r"\bobservation\s+(?:programmes?|programs?|visits?|missions?|days?)\b"),
        "host",
        True,
        "an observation programme",
        ("observation",),
    ),
    _Rule(
        ActType.OBSERVATION_INVITATION,
        # "Russia declined Norway's invitation to send observers": made, whatever the answer
        _r(rf"['’]s\s+(?:\w+\s+)?invitations?\b(?=[^.;]{{0,60}}?\b{_OBSERVE_WORDS})"),
        "possessive",
        True,
        "its invitation to observe",
        ("invitation",),
    ),
    _Rule(
        ActType.OBSERVATION_INVITATION,
        _r(rf"\binvitations?\s+(?:\w+\s+){{0,4}}?{_OBSERVE_WORDS}"),
        "host",
        True,
        "invitations to observe",
        ("invitation",),
    ),
    _Rule(
        ActType.NOTIFICATION,
        _r(
            rf"\b(?:notif(?:y|ies|ied){_NOT_RECIPIENT}|(?:gave|gives|give|sent|sends|send|issued"
            rf"|submitted|provided|transmitted)\s+(?:\w+\s+){{0,4}}?{_NOTIFY_NOUN}|informed\s+"
            rf"(?:the\s+)?(?:OSCE|other\s+(?:participating\s+)?States|participating\s+States"
            rf"|(?:its\s+|their\s+)?neighbou?rs|(?:foreign\s+)?(?:military|defen[cs]e)\s+attach[eé]s)"
            rf"|(?:briefed|warned)\s+(?:the\s+)?(?:OSCE|other\s+(?:participating\s+)?States"
            rf"|participating\s+States)"
            rf"|(?:provided|sent|gave|submitted|passed)\s+(?:\w+\s+){{0,3}}?information\s+(?:\w+\s+){{0,6}}?"
            rf"to\s+(?:the\s+)?(?:OSCE|(?:other\s+)?participating\s+States)"
            rf"|announced\s+(?:\w+\s+){{0,4}}?(?:in\s+advance\s+to\s+(?:the\s+)?(?:OSCE|other|participating)"
            rf"|to\s+the\s+OSCE\s+in\s+advance))\b"
        ),
        "subject",
        True,
        "notified",
        ("notif", "notice", "informed", "advance", "briefed", "warned", "information"),
    ),
    _Rule(
        ActType.NOTIFICATION,
        # the participle: "Anakonda, notified to the OSCE in March, opened ..."
        _r(r"\bnotified\s+to\s+(?:the\s+)?(?:OSCE|(?:other\s+)?participating\s+States)\b"),
        "host",
        True,
        "notified to the OSCE",
        ("notified",),
    ),
    _Rule(
        ActType.NOTIFICATION,
        _r(
            rf"\b(?:exercises?|drills?|manoeuvres|maneuvers|activity|activities|which|it|they)\s+"
            rf"{_BE}\s+(?:duly\s+|properly\s+|also\s+)?notified\b"
        ),
        "host",
        True,
        "the activity was notified",
        ("notified",),
    ),
    _Rule(
        ActType.NOTIFICATION,
        _r(
            rf"\b(?:the\s+)?(?:OSCE(?:\s+participating\s+States|\s+members?|\s+member\s+States)?"
            rf"|(?:other\s+)?participating\s+States|(?:foreign\s+)?(?:military\s+)?attach[eé]s)\s+"
            rf"{_BE}\s+(?:duly\s+|properly\s+|also\s+)?(?:notified|informed)\b"
            rf"|\bnotifications?\s+(?:\w+\s+){{0,8}}?{_BE}\s+(?:sent|submitted|issued|transmitted)\b"
        ),
        "host",
        True,
        "the OSCE States were notified",
        ("notified", "informed", "notification"),
    ),
    _Rule(
        ActType.CHAPTER3_REQUEST,
        _r(
            rf"\bask(?:s|ed)?\b(?=\s+(?:[\w’']+,?\s+){{0,12}}?{_EXPLAIN})"
            rf"|\b(?:request(?:s|ed)?|demand(?:s|ed)?|sought|seek(?:s)?)\s+(?:\w+\s+){{0,3}}?"
            rf"(?:explanations?|clarifications?|information|details)\b"
            rf"|\binvok(?:e|es|ed|ing)\s+(?:the\s+)?(?:OSCE['’]s\s+)?(?:20[0-9]{{2}}\s+)?Vienna\s+Document"
            rf"|\b(?:invok|activat|us|appl|employ)(?:e|es|ed|ing|y|ied|ies)\s+(?:the\s+)?(?:\w+\s+){{0,4}}?"
            rf"(?:mechanism|Chapter\s+III)"
            rf"|\btrigger(?:s|ed)?\s+the\s+(?:\w+\s+){{0,4}}?mechanism"
            rf"|\bput\s+questions\s+to\b"
            rf"|\b(?:sent|sends|submitted|submits|filed|lodged|made)\s+(?:\w+\s+){{0,3}}?(?:a|an)\s+"
            rf"(?:\w+\s+){{0,3}}?request\b"
        ),
        "subject",
        True,
        "asked for an explanation",
        (
            "ask",
            "request",
            "demand",
            "sought",
            "seek",
            "invok",
            "trigger",
            "questions",
            "mechanism",
            "chapter iii",
        ),
    ),
    _Rule(
        ActType.NOTIFICATION,
        _r(
            r"\bnotifications?\b[^.;]{0,60}?\b(?:submitted|sent|made|issued|given|filed)\s+by\s+(?=\S)"
        ),
        "agent",
        True,
        "a notification sent by",
        ("notification",),
    ),
    _Rule(
        ActType.NOTIFICATION,
        _r(r"['’]s\s+(?:\w+\s+)?notifications?\b"),
        "possessive",
        True,
        "its notification",
        ("notification",),
    ),
    _Rule(
        ActType.CHAPTER3_MEETING,
        _r(
            r"(?<=\bmeeting\b)[^.;]{0,80}?\b(?:at|on)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?['’]s\s+request\b"
        ),
        "possessive_after",
        True,
        "a meeting at its request",
        ("request",),
    ),
    _Rule(
        ActType.CHAPTER3_MEETING,
        _r(r"['’]s\s+(?:\w+\s+)?request\s+for\s+(?:an?\s+|the\s+)?(?:\w+\s+)?meeting\b"),
        "possessive",
        True,
        "its request for a meeting",
        ("request",),
    ),
    _Rule(
        ActType.CHAPTER3_MEETING,
        # "the meeting that Ukraine had requested"
        _r(
            r"\bmeeting\s+(?:that|which)\s+(?:the\s+)?(?=[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?\s+"
            r"(?:had\s+|has\s+|have\s+)?(?:requested|called|sought|convened|asked\s+for)\b)"
        ),
        "agent",
        True,
        "the meeting it requested",
        ("meeting",),
    ),
    _Rule(
        ActType.CHAPTER3_MEETING,
        _r(r"\bmeeting\b[^.;]{0,80}?\b(?:at|on)\s+the\s+request\s+of\s+(?=\S)"),
        "agent",
        True,
        "a meeting at the request of",
        ("request",),
    ),
    _Rule(
        ActType.CHAPTER3_REQUEST,
        _r(r"['’]s\s+(?:\w+\s+){0,2}?request\b(?!\s+(?:for|to)\s+(?:an?\s+|the\s+)?meeting)"),
        "possessive",
        True,
        "its request",
        ("request",),
    ),
    _Rule(
        ActType.CHAPTER3_REQUEST,
        _r(r"\brequest\w*\b[^.;]{0,60}?\b(?:submitted|sent|made|filed)\s+by\s+(?=\S)"),
        "agent",
        True,
        "a request made by",
        ("request",),
    ),
    _Rule(
        ActType.CHAPTER3_MEETING,
        _r(
            r"\b(?:ask(?:s|ed)?|request(?:s|ed)?|demand(?:s|ed)?|call(?:s|ed)?(?:\s+for)?|want(?:s|ed)?"
            r"|convene[sd]?|convening|seek(?:s)?|sought|urg(?:ed|es)|initiat(?:e|es|ed)"
            r"|arrang(?:e|es|ed)|organi[sz](?:e|es|ed))\b"
            r"(?=\s+(?:[\w’']+\s+){0,8}?(?:meeting|consultations)\b)"
        ),
        "subject",
        True,
        "asked for a meeting",
        ("meeting", "consultations"),
    ),
    _Rule(
        ActType.CHAPTER3_REPLY,
        # the passive with its agent, and a reply received from a State: "was answered by
        # Russia", "got a reply from Moscow" (not the requester's act, whose possessive may
        # stand before: "Georgia's request was answered by Russia")
        _r(
            r"\b(?:answered|replied\s+to|responded\s+to)\s+by\s+(?:the\s+)?(?=\S)"
            r"|\b(?:got|gets|received|receives|had|obtained)\s+(?:an?\s+|its\s+|the\s+)?(?:\w+\s+)?"
            r"(?:answer|reply|response)\s+from\s+(?:the\s+)?(?=\S)"
        ),
        "agent",
        True,
        "answered by",
        ("answered", "replied", "responded", "answer", "reply", "response"),
    ),
    _Rule(
        ActType.CHAPTER3_REPLY,
        _r(
            # (not the noun: "calling the reply insufficient")
            r"(?<!\bthe\s)(?<!\ba\s)(?<!\bits\s)(?<!\bno\s)(?<!\btheir\s)"
            r"\b(?:answer(?:s|ed)|repl(?:y|ies|ied)|respond(?:s|ed)|(?:gave|provided|sent|delivered"
            r"|submitted)\s+(?:an?\s+|its\s+|their\s+)?(?:\w+\s+)?(?:answer|reply|response))\b"
        ),
        "subject",
        True,
        "answered",
        ("answer", "repl", "respond", "respons"),
    ),
    _Rule(
        ActType.CHAPTER3_REPLY,
        _r(r"['’]s\s+(?:\w+\s+)?(?:answer|reply|response)\b"),
        "possessive",
        True,
        "its answer",
        ("answer", "reply", "response"),
    ),
    _Rule(
        ActType.INSPECTION,
        # the noun, the passive with its agent ("was inspected by Turkey"), the verb after its
        # State ("Latvia inspected a specified area")
        _r(
            r"\binspect(?:ion\s+teams?|ions?|ors?)\b|\binspected(?=\s+by\b)|(?<=\s)inspect(?:s|ed)?\b"
        ),
        "visit",
        True,
        "inspection",
        ("inspect",),
    ),
    _Rule(
        ActType.EVALUATION_VISIT,
        _r(r"\bevaluat(?:ion\s+(?:visits?|teams?|missions?)|ors)\b"),
        "visit",
        True,
        "evaluation visit",
        ("evaluat",),
    ),
)
_EVALUATION_RULE = next(r for r in _RULES if r.type is ActType.EVALUATION_VISIT)
_NEEDS_REQUEST = frozenset({ActType.CHAPTER3_REPLY})
_NEEDS_FORUM = frozenset(
    {ActType.CHAPTER3_MEETING, ActType.CHAPTER3_REQUEST, ActType.CALENDAR_ENTRY}
)
# Acts a text announces before they are made: "Belarus will notify", "Ukraine intends to
# request" (an observer's coming is reported as the invitation made: "observers will come").
_PLANNED = frozenset(
    {
        ActType.NOTIFICATION,
        ActType.CHAPTER3_REQUEST,
        ActType.CHAPTER3_REPLY,
        ActType.CALENDAR_ENTRY,
    }
)
# (A meeting a State says it will convene is reported as called for: "Kyiv says it will
# convene a meeting" is the keys' chapter3_meeting, as "Kyiv called for a meeting" is.)
_WILL = re.compile(r"\b(?:will|shall|is\s+going\s+to|are\s+going\s+to)\s+(?:\w+\s+){0,2}$", re.I)
# A demand or a duty on another: "NATO demanded that Russia notify", "Belarus is obliged to".
_DEMAND = re.compile(
    r"\b(?:demand\w*|insist\w*|urg\w*|requir\w*|call\w*\s+for|want\w*|expect\w*)\s+that\b"
    r"|\b(?:obliged|required|expected|due|supposed|bound|ready|willing|prepared)\s+to\b",
    re.I,
)
# A visit to a unit is an evaluation (Chapter IX, section on evaluation), whatever the press
# calls its team ("a Belarusian inspection team visits a unit of ..."); an inspection is of a
# specified area.
_UNIT_VISITED = re.compile(
    r"\b(?:units?|brigades?|divisions?|battalions?|regiments?|formations?)\b", re.I
)
_UNIT_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:units?|brigades?|divisions?|battalions?|regiments?|formations?)\b",
    re.I,
)
_SPECIFIED_AREA = re.compile(r"\bspecified\s+area", re.I)
_FORUM = re.compile(r"Vienna\s+Document|\bOSCE\b|Chapter\s+III|risk\s+reduction", re.I)
_NATIONAL_CHECK = re.compile(
    r"\b(?:snap|surprise|sudden|readiness|combat|unannounced)[\s-]+(?:\w+\s+)?$", re.I
)
_CHAPTER9 = re.compile(r"Vienna\s+Document|\bOSCE\b|Chapter\s+IX", re.I)
_VISIT_VERB = re.compile(
    r"\b(?:conduct(?:s|ed)?|carr(?:y|ied|ies)\s+out|made|makes?|held|holds?|request(?:s|ed)?"
    r"|sen[dt]s?|perform(?:s|ed)?|undert(?:ake|akes|ook|aken)|pa(?:y|ys|id))\s+(?:\w+\s+){0,3}$",
    re.I,
)
# A refused request for a visit, ending where the visit's noun begins: "refused an Estonian
# request for an", "turned down Latvia's request for a".
_REFUSED_VISIT = re.compile(
    r"\b(?:refus(?:ed|es)|reject(?:ed|s)|turn(?:ed|s)\s+down|den(?:ied|ies)|declin(?:ed|es))\s+"
    r"(?P<request>(?:an?\s+|the\s+)?(?:[\w’'-]+\s+){0,3}?requests?\s+(?:\w+\s+){0,2}?for\s+"
    r"(?:an?\s+|the\s+)?)$",
    re.I,
)
_VISIT_TO = re.compile(r"\s*(?:\w+\s+){0,9}?(?:in|to|of|on)\s+(?:the\s+|an?\s+)?$", re.I)
# Words after which a verb is no act yet: a duty, a condition, a possibility, a plan to be.
_HEDGE = re.compile(
    r"\b(?:must|should|would|could|may|might|can|cannot|shall|if|unless|whether|to|ought"
    r"|has\s+to|have\s+to|needs?\s+to|able\s+to|until)\s+(?:\w+\s+){0,2}$",
    re.I,
)
_CONDITION = re.compile(r"\b(?:if|unless|whether|should\s+\w+\s+fail)\b", re.I)
_NEGATION = re.compile(r"\b(?:not|never|no)\b|n['’]t\b", re.I)
_CLAUSE_BREAK = re.compile(r"[;:“”\"]|,\s+(?:but|while|whereas|although|though|and)\b|\bbut\b")
# Between a subject and its verb: adverbs, auxiliaries, a short apposition; no new clause.
_GAP_BREAK = re.compile(r"[.;:!?“”\"]|\b(?:that|which|who|whom|when|after|before|because|as)\b")
# A subject that stands for the State whose activity it is: "it had informed the OSCE", "the
# ministry has invited observers" (no State named in the clause).
_STANDS_FOR_HOST = re.compile(
    r"(?:^|[\s,])(?:(?P<pronoun>it|they)|the\s+(?:\w+\s+)?(?:ministry|government|authorities|side|command"
    r"|general\s+staff|armed\s+forces|defen[cs]e\s+forces))\s+(?:\w+\s+){0,2}$",
    re.I,
)
_NOT_SUBJECT = re.compile(
    r"\b(?:of|from|to|in|into|near|with|against|by|for|on|across|at|between|than|about|asked"
    r"|told|urged)\s+(?:the\s+)?$",
    re.I,
)
_ORGAN = re.compile(
    r"\s*(?:(?:foreign|defen[cs]e|armed|interior)\s+)?(?:ministry|ministries|government|MoD"
    r"|military|authorities|officials|forces|side|foreign\s+minister|minister|president"
    r"|delegation|mission|chairmanship|army|team|teams|inspectors|experts|officers)\b",
    re.I,
)


_ADDRESSEE = "?"  # placeholder for the State a request was sent to, resolved in find()


@dataclass(frozen=True, slots=True)
class ActFound:
    """An act the text reports: its type, the acting State, made or not, and the words."""

    type: ActType
    by: str
    made: bool
    to: str | None
    date: date | None
    date_text: str | None
    evidence_text: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class SentenceView:
    """What the act rules need of one sentence."""

    start: int
    end: int
    states: Sequence[StateMention]
    dates: Sequence[DateMention]
    other: bool  # the sentence is about another activity


def find(
    text: str,
    sentences: Sequence[SentenceView],
    hosts: Sequence[str],
) -> list[ActFound]:
    """The acts reported in the text, one per (type, acting State, made), first mention kept.

    ``hosts`` are the States the text has host the reported activity, in order of mention.
    """
    from csbm.extract.relevance import fold

    if not has_act_cue(fold(text)):
        return []  # the relevance gate's guarantee rests on this test
    forum = _FORUM.search(text) is not None
    found: list[ActFound] = []
    for view in sentences:
        if view.other or not _ANY.search(text, view.start, view.end):
            continue
        found.extend(_in_sentence(text, view, hosts, forum))
    has_request = any(a.type is ActType.CHAPTER3_REQUEST for a in found)
    resolved: list[ActFound] = []
    addressee: str | None = None
    for a in found:
        if a.type is ActType.CHAPTER3_REQUEST and a.to is not None:
            addressee = a.to
        if a.by == _ADDRESSEE:
            # "the request went unanswered": the act of the State the request went to
            if addressee is None:
                continue
            a = replace(a, by=addressee, to=None)
        resolved.append(a)
    # One team's visit named both ways ("inspectors ... during this evaluation visit"): the
    # evaluation visit.
    evaluators = {a.by for a in resolved if a.type is ActType.EVALUATION_VISIT}
    found = [a for a in resolved if not (a.type is ActType.INSPECTION and a.by in evaluators)]
    out: list[ActFound] = []
    seen: set[tuple[ActType, str, bool]] = set()
    for a in found:
        if a.type in _NEEDS_REQUEST and not has_request:
            continue
        key = (a.type, a.by, a.made)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def _in_sentence(
    text: str, view: SentenceView, hosts: Sequence[str], forum: bool
) -> list[ActFound]:
    out: list[tuple[int, ActFound]] = []
    taken: list[tuple[int, int]] = []
    low = text[view.start : view.end].casefold()
    for rule in _RULES:
        if rule.type in _NEEDS_FORUM and not forum:
            continue
        if not any(stem in low for stem in rule.stems):
            continue
        for m in rule.rx.finditer(text, view.start, view.end):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            if rule.how == "visit":
                acts = _visit(text, view, rule, m, hosts)
            else:
                acts = _read(text, view, rule, m, hosts)
            if acts:
                taken.append((m.start(), m.end()))
                out.extend((m.start(), a) for a in acts)
    out.sort(key=lambda pa: pa[0])  # in the order the text reports them
    return [a for _, a in out]


def _clause_start(text: str, floor: int, pos: int) -> int:
    cut = floor
    for b in _CLAUSE_BREAK.finditer(text, max(floor, pos - 200), pos):
        cut = b.end()
    return cut


def _read(
    text: str, view: SentenceView, rule: _Rule, m: re.Match[str], hosts: Sequence[str]
) -> list[ActFound]:
    clause = _clause_start(text, view.start, m.start())
    before = text[clause : m.start()]
    if _CONDITION.search(before) or _HEDGE.search(before[-40:]) or _DEMAND.search(before):
        return []  # a condition, a duty, a demand or a possibility: no act yet
    if rule.type in _PLANNED and rule.made and _WILL.search(before[-40:]):
        return []  # announced, not yet made: "Belarus will notify the OSCE"
    made = rule.made
    codes: list[str] = []
    how = rule.reason
    to: str | None = None
    if rule.how == "addressee":
        return _found(text, view, rule, m, clause, [_ADDRESSEE], made=made, to=None, reason=how)
    if rule.how in ("subject", "subject_or_host"):
        subject = _subject(text, view, clause, m.start())
        if subject is None and rule.how == "subject_or_host":
            codes = _host(view, hosts)
            how += " (no subject: the host's act)"
        elif (
            subject is None
            and rule.type in (ActType.NOTIFICATION, ActType.OBSERVATION_INVITATION)
            and (stands := _STANDS_FOR_HOST.search(before)) is not None
        ):
            earlier = _pronoun_antecedent(view, clause) if stands["pronoun"] else []
            codes = earlier if earlier else _host(view, hosts)
            how += (
                " (its subject a pronoun for the State named before)"
                if earlier
                else " (its subject a pronoun or an organ: the host's act)"
            )
        elif subject is None:
            passive = re.search(rf"\b{_BE}\s+(?:\w+\s+)?$", before)
            if passive is None or rule.type is not ActType.OBSERVATION_INVITATION:
                return []
            codes = _host(view, hosts)
            how += " (passive: the host's act)"
        else:
            codes, gap = subject
            if rule.made and _NEGATION.search(gap):
                made = False
                how += " (negated)"
            if rule.type is ActType.CHAPTER3_REQUEST:
                to = _addressee(text, view, clause, m.start(), codes)
    elif rule.how == "possessive":
        owner = _owner(view, m.start())
        if owner is None:
            return []
        codes = list(owner.codes)
    elif rule.how == "possessive_after":
        owner = next(
            (
                s
                for s in reversed(view.states)
                if s.possessive and m.start() <= s.start < m.end() and s.kind != "adjective"
            ),
            None,
        )
        if owner is None:
            return []
        codes = list(owner.codes)
    elif rule.how == "agent":
        agent = next((s for s in view.states if 0 <= s.start - m.end() <= 4), None)
        if agent is None or agent.kind == "adjective":
            return []
        codes = list(agent.codes)
    else:  # the host's act
        if rule.made and _NEGATION.search(text[max(clause, m.start() - 40) : m.start()]):
            made = False
            how += " (negated)"
        codes = _host(view, hosts)
    if not codes:
        return []
    span_start = min(
        [m.start()] + [s.start for s in view.states if s.codes[0] in codes and clause <= s.start]
    )
    reason = f"{how}: '{text[span_start : m.end()].strip()}'"
    return _found(text, view, rule, m, clause, codes, made=made, to=to, reason=reason)


def _pronoun_antecedent(view: SentenceView, clause: int) -> list[str]:
    """The State "it" or "they" stands for: the last State the sentence names, as a noun,
    before the clause ("Russia would have had to invite observers, but it did not")."""
    earlier = [
        s for s in view.states if s.end <= clause and s.kind != "adjective" and not s.possessive
    ]
    return list(earlier[-1].codes[:1]) if earlier else []


def _addressee(
    text: str, view: SentenceView, clause: int, pos: int, by: Sequence[str]
) -> str | None:
    """The State a request goes to: the first other State after the verb in its clause
    ("asked Belarus", "sent Russia a request", "an explanation from Russia")."""
    stop = _NEXT_CLAUSE.search(text, pos + 1, view.end)
    hi = stop.start() if stop is not None else view.end
    for s in view.states:
        if pos <= s.start < hi + 40 and s.codes and s.codes[0] not in by:
            return s.codes[0]
    return None


def _found(
    text: str,
    view: SentenceView,
    rule: _Rule,
    m: re.Match[str],
    clause: int,
    codes: Sequence[str],
    *,
    made: bool,
    to: str | None,
    reason: str,
) -> list[ActFound]:
    """One act per acting State, dated from its clause, with the sentence as evidence."""
    day, day_text = _when(text, view, clause, m.start(), m.end())
    evidence = text[view.start : view.end].strip()
    return [
        ActFound(
            type=rule.type,
            by=code,
            made=made,
            to=to,
            date=day,
            date_text=day_text,
            evidence_text=evidence,
            start=view.start,
            end=view.end,
            reason=reason,
        )
        for code in codes
    ]


def _visit(
    text: str, view: SentenceView, rule: _Rule, m: re.Match[str], hosts: Sequence[str]
) -> list[ActFound]:
    """An inspection or evaluation visit: the visiting State and the receiving one."""
    before = text[max(view.start, m.start() - 40) : m.start()]
    if _NATIONAL_CHECK.search(before):
        return []  # "a snap inspection": a national check of readiness, not Chapter IX
    clause = _clause_start(text, view.start, m.start())
    if _CONDITION.search(text[clause : m.start()]) or _HEDGE.search(before):
        return []
    by: list[str] = []
    how = rule.reason
    refused = _REFUSED_VISIT.search(text, clause, m.start())
    if refused is not None:
        # "Russia refused an Estonian request for an inspection": the requester's visit,
        # not made
        asking = [s for s in view.states if refused.start("request") <= s.start < refused.end()]
        if not asking:
            return []
        reason = f"{rule.reason} requested and refused: '{text[refused.start() : m.end()]}'"
        return _found(
            text, view, rule, m, clause, list(asking[0].codes), made=False, to=None, reason=reason
        )
    after = [s for s in view.states if 0 <= s.start - m.end() <= 24]
    lead = [s for s in view.states if 0 <= m.start() - s.end <= 3]
    if after and re.fullmatch(
        r"\s+(?:(?:sent|dispatched|led|deployed|requested|conducted|carried\s+out|made)\s+)?"
        r"(?:from|by|of)\s+(?:the\s+)?",
        text[m.end() : after[0].start],
    ):
        by = list(after[0].codes)
        # and the rest of the list: "inspectors from Germany, France and Latvia"
        last = after[0]
        for s in view.states:
            if s.start <= last.start:
                continue
            if not re.fullmatch(r"\s*(?:,|,?\s*and|&)\s*(?:the\s+)?", text[last.end : s.start]):
                break
            by.extend(c for c in s.codes if c not in by)
            last = s
        how += " from or by that State"
    elif lead and lead[-1].kind != "metonym":
        by = list(lead[-1].codes)
        how += " of that State"
    elif re.fullmatch(r"inspect(?:s|ed)?", m.group(), re.I):
        # "Hungary will inspect a specified area in Ukraine", "Latvia inspected ..."
        subject = _subject(text, view, clause, m.start())
        if subject is not None and not _NEGATION.search(subject[1]):
            by = subject[0]
            how += " (its subject)"
    else:
        verb = _VISIT_VERB.search(before)
        if verb is not None:
            subject = _subject(text, view, clause, m.start() - len(before) + verb.start())
            if subject is not None and not _NEGATION.search(subject[1]):
                by = subject[0]
                how += " (its subject)"
    if not by:
        return []
    to: str | None = None
    for s in view.states:
        if (
            s.start >= m.end()
            # (an adjective only before the unit visited: "to a Belarusian brigade")
            and (s.kind != "adjective" or _UNIT_AFTER.match(text, s.end, s.end + 40) is not None)
            and s.codes[0] not in by
            and _VISIT_TO.fullmatch(text, m.end(), s.start)
        ):
            to = s.codes[0]
            break
    if to is None:
        receiving = [h for h in hosts if h not in by]
        to = receiving[0] if receiving else None
    # Only another State's visit, or one the sentence puts under the Document.
    if to is None and not _CHAPTER9.search(text, view.start, view.end):
        return []
    reason = f"{how}: '{text[m.start() : m.end()]}'"
    if (
        rule.type is ActType.INSPECTION
        and _UNIT_VISITED.search(text, m.end(), min(view.end, m.end() + 120))
        and not _SPECIFIED_AREA.search(text, view.start, view.end)
    ):
        rule = _EVALUATION_RULE
        reason += " (a visit to a unit: an evaluation)"
    return _found(text, view, rule, m, clause, by, made=True, to=to, reason=reason)


def _subject(text: str, view: SentenceView, clause: int, pos: int) -> tuple[list[str], str] | None:
    """The States of the nearest list before pos in its clause that can be the verb's subject,
    with the words between them and the verb."""
    before = [s for s in view.states if clause <= s.start and s.end <= pos]
    if not before:
        return None
    # The last mention and the list it closes: "Estonia, Latvia and Lithuania have asked".
    last = before[-1]
    gap = text[last.end : pos]
    if last.kind == "adjective" or last.possessive:
        organ = _ORGAN.match(re.sub(r"^(?:['’]s|-led)", "", gap))
        if organ is None:
            return None  # "the Russian exercise asked ...": no State speaks
    # a relative clause on the State is its subject: "Sweden, which notified the exercise"
    relative = re.fullmatch(r"\s*,\s*(?:which|who)\s+(?:\w+\s+){0,2}", gap)
    if (len(gap) > 70 or _GAP_BREAK.search(gap)) and relative is None:
        return None
    items = [last]
    for s in reversed(before[:-1]):
        between = text[s.end : items[0].start]
        if re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or|&)\s*(?:the\s+)?", between) is None:
            break
        items.insert(0, s)
    lead = text[max(clause, items[0].start - 30) : items[0].start]
    if _NOT_SUBJECT.search(lead):
        return None
    codes: list[str] = []
    for s in items:
        codes.extend(c for c in s.codes if c not in codes)
    return codes, gap


def _owner(view: SentenceView, pos: int) -> StateMention | None:
    """The State whose possessive ends right at pos ("Minsk's answer")."""
    for s in view.states:
        if s.possessive and s.end == pos and s.kind != "adjective":
            return s
    return None


def _host(view: SentenceView, hosts: Sequence[str]) -> list[str]:
    """The host whose act it is: the one host named in the sentence, else the text's one host."""
    named = [c for s in view.states for c in s.codes if c in hosts]
    named = list(dict.fromkeys(named))
    if len(named) >= 1:
        return named[:1]
    return list(hosts[:1])


_NEXT_CLAUSE = re.compile(r"[;:]|,\s|\s(?:and|but|while|after|before|which)\s")


def _when(
    text: str, view: SentenceView, clause: int, start: int, end: int
) -> tuple[date | None, str | None]:
    """The day the act's clause gives ("On 9 February the Baltic States asked ...", "Belarus
    answered on 11 February"): not a day of another verb joined by "and"."""
    lo = clause
    for m in re.finditer(r"\band\s", text[clause:start]):
        lo = clause + m.end()
    if any(lo <= s.start for s in view.states if s.end <= start):
        lo = clause  # "and" inside the subject list: "Latvia and Estonia asked ..."
    nxt = _NEXT_CLAUSE.search(text, end, view.end)
    hi = nxt.start() if nxt is not None else view.end
    days = [
        d
        for d in view.dates
        if d.first is not None and d.first == d.last and lo <= d.start and d.end <= hi
    ]
    if not days:
        return None, None
    d = min(days, key=lambda d: min(abs(d.start - end), abs(d.end - start)))
    return d.first, d.text


__all__ = ["ActFound", "SentenceView", "find"]
