"""Who is speaking: the person a 他/她 or a bare quotation refers to, and who a citizen is.

A pronoun refers to the *subject* of the sentences before it, not to the nearest name: in
``钟立新说，……推广民警刘海峰总结的……工作法。他提醒……`` 他 is 钟立新. :func:`speaker_before`
walks back (same section, at most three sentences) to the nearest sentence whose subject is a
person - ``(role) name + speech verb``, ``name + 表示/说…`` or a citizen (穆先生) - passing over
sentences whose subject is again a pronoun. Sentences naming nobody (what the speaker went on to say) are passed over; a sentence
naming someone else ends the search: the attribution is unsure and no speaker is returned.

Citizens are described where the article introduces them (``来自广元市朝天区的穆先生``,
``福田区市民陈先生``, ``退休教师黄先生``): :func:`citizen_descriptor` gives that description so a
stem can say who 穆先生 is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document
from .extract.people import CITIZEN_RE, ROLE, SPEAKER_RE, is_name, surnames
from .layout import DATELINE_RE

_SPEECH = (
    r"(?:表示|说|指出|介绍|强调|称|认为|提醒|呼吁|透露|坦言|告诉记者|告诉|感慨|讲述|建议|解释|"
    r"出席|主持|致辞|讲话|宣布|宣读|通报)"
)
_BARE_SPEAKER_RE = re.compile(
    rf"^(?P<name>[\u4e00-\u9fa5]{{2,3}}?)(?:还|也|则|又|在[^，。]{{1,24}}?(?:上|中|时))?{_SPEECH}"
)
_PRONOUN_RE = re.compile(rf"^(?:他|她)(?:还|也|则|又|在[^，。]{{1,24}}?(?:上|中|时))?{_SPEECH}?")
# Leading context before a subject: times, places of the scene, 据介绍, a subordinate clause.
_LEAD_CLAUSE = re.compile(
    r"^(?:[^，。]{0,14}(?:后|时|前|上|中|现场|期间|当天|当日|以来)|事后|随后|其后|此后|同时|另外|此外|"
    r"据悉|据了解|据介绍|今年\d{1,2}月|\d{1,2}月(?:下旬|上旬|中旬)?|(?:\d{4}年)?\d{1,2}月\d{1,2}日"
    r"(?:上午|下午|晚)?)$"
)


@dataclass(frozen=True)
class Speaker:
    """A person the text refers to: ``name`` and how a stem introduces them."""

    name: str
    descriptor: str  # 广元市朝天区的 / 福田区市民 / '' (an official's role is in the sentence)

    @property
    def introduced(self) -> str:
        return f"{self.descriptor}{self.name}"


def _subject_clause(document: Document, sentence) -> str:
    """The first clause of ``sentence`` that is not a dateline or a leading context clause."""
    for clause in document.clauses(sentence):
        text = clause.analysis
        if clause.start == sentence.start:
            text = DATELINE_RE.sub("", text, count=1)
        text = text.lstrip("“”")
        if not text or _LEAD_CLAUSE.match(text):
            continue
        return text
    return ""


def subject_person(document: Document, sentence) -> str | None:
    """Name of the person who is the subject of ``sentence``; '' for a pronoun subject (他/她);
    None when the subject is not a person."""
    analysis = sentence.analysis
    quote = re.match(r"^“[^”]*”", analysis)
    if quote:
        # “……。”房方表示 / “……”高一学生王同学说: the speaker follows the quotation.
        after = analysis[quote.end() :]
        found = _speaker_in(after[:40], start=True)
        if found:
            return found
    clause = _subject_clause(document, sentence)
    if not clause:
        return None
    if _PRONOUN_RE.match(clause):
        return ""
    return _speaker_in(clause, start=True)


def _speaker_in(text: str, *, start: bool) -> str | None:
    text = text.lstrip("，,。")
    match = SPEAKER_RE.match(text) if start else SPEAKER_RE.search(text)
    if match and is_name(match.group("name")):
        return match.group("name")
    bare = _BARE_SPEAKER_RE.match(text)
    if bare and is_name(bare.group("name")):
        return bare.group("name")
    citizen = CITIZEN_RE.search(text[:24])
    if (
        citizen
        and citizen.group("name")[:-2] in surnames()
        and not re.search(r"[向给对和与跟帮替为让被把]", text[: citizen.start()])
    ):
        # 高一学生王同学说 / 退休教师黄先生接到…: a citizen at the head of the clause
        # (not 民警向黄先生解释).
        return citizen.group("name")
    return None


def speaker_before(document: Document, index: int) -> Speaker | None:
    """The person a pronoun (or a bare first-person quotation) in sentence ``index`` refers to."""
    sentence = document.sentences[index]
    looked = 0
    for other in reversed(document.sentences[:index]):
        if other.noise:
            continue
        if other.heading or other.section != sentence.section or looked >= 3:
            return None
        looked += 1
        name = subject_person(document, other)
        if name:
            return Speaker(name, citizen_descriptor(document, name))
        if name is None and _names_someone(other.analysis):
            return None  # someone else is named on the way back: unsure who 他 is
    return None


def _names_someone(text: str) -> bool:
    """Whether a sentence names a person (an official with a role, a citizen, a speaker)."""
    if SPEAKER_RE.search(text):
        return True
    return any(m.group("name")[:-2] in surnames() for m in CITIZEN_RE.finditer(text))


_TIME_WORD = re.compile(
    r"此时|这时|那时|当时|随后|之后|此后|后来|于是|原来|其间|同时|当天|当日|当晚|次日|不久|最终|最后|"
    r"事后|如今|现在|目前|起初|一开始|没想到"
)
_DESCRIPTOR_STRIP = re.compile(r"^(?:来自|据|在|是|有|的|一名|一位|位)")


def citizen_descriptor(document: Document, name: str) -> str:
    """How the article introduces a citizen (``广元市朝天区的``, ``福田区市民``), '' for others."""
    if not CITIZEN_RE.fullmatch(name):
        return ""
    for sentence in document.sentences:
        if sentence.heading:
            continue
        for clause in document.clauses(sentence):
            at = clause.analysis.find(name)
            if at <= 0:
                continue
            before = clause.analysis[:at]
            before = re.split(r"[“”]", before)[-1]
            before = _DESCRIPTOR_STRIP.sub("", before)
            if (
                2 <= len(before) <= 16
                and not re.search(r"[他她我你]|发现|接到|收到|看到", before)
                # 此时王阿姨正准备…: when, not who she is (round 37)
                and not _TIME_WORD.fullmatch(before)
            ):
                offset = clause.start + at - len(before)
                return document.article.text[offset : offset + len(before)]
    return ""


def introduce(document: Document, name: str, before: int) -> str:
    """A person as the article introduces them: role + name (广元市副市长、公安局局长方万云,
    西安电子科技大学网络与信息安全学院教授孙立群), a citizen with their description
    (广元市朝天区的穆先生), else the name alone."""
    from .stem_anchor import resolve_organisations
    from .stem_text import display

    found = ""
    cache = document.__dict__.setdefault("_role_mentions", {})
    if name not in cache:
        # Every mention of the name with its roles (the pattern is slow on a whole article).
        pattern = re.compile(rf"(?P<roles>{ROLE}(?:、{ROLE})*){re.escape(name)}")
        cache[name] = (
            [m.span() for m in pattern.finditer(document.analysis)]
            if name in document.analysis
            else []
        )
    for start, end in cache[name]:
        # 五年级（3）班班主任马晓芸: the role pattern takes no digits, so it starts at "）班";
        # the class's number and grade go back in front.
        grade = re.search(
            r"[\u4e00-\u9fa5]{0,6}\(\d{1,2}$", document.analysis[max(0, start - 9) : start]
        )
        if document.analysis[start : start + 1] == ")" and grade:
            start -= len(grade.group(0))
        found = display(document.article.text[start:end])
        if start >= before:
            break
    if found:
        # (特邀柏原县人民法院少年法庭庭长季文澜: invited is how she came, not her role, round 29)
        roles = re.sub(r"^(?:据|在|由|经|来自|特邀|邀请|请)", "", found[: -len(name)])
        roles = resolve_organisations(document, roles, before)
        return _of_the_court(document, _of_the_school(document, roles)) + name
    descriptor = citizen_descriptor(document, name)
    return f"{descriptor}{name}" if descriptor else name


# A role inside a school (法学院教授, 保卫处处长, 校长) names no school of its own.
_SCHOOL_UNIT_ROLE = re.compile(
    r"^(?:[\u4e00-\u9fa5]{1,10}?(?:学院|系|研究院|研究所|研究中心|处|部|办公室)|校长|副校长|校党委)"
)


def _of_the_school(document: Document, roles: str) -> str:
    """法学院教授、数字法治研究中心主任 in 琤嵫理工大学's own news -> 琤嵫理工大学法学院教授、…: a
    question names the university a professor's claim comes from (round 40)."""
    from .relative_places import home_institution
    from .stem_text import aligned

    if not _SCHOOL_UNIT_ROLE.match(aligned(roles)):
        return roles
    school = home_institution(document)
    if (
        not school
        or aligned(school) in aligned(roles)
        or re.match(r"[^、]*(?:大学|中学|小学|学校)", aligned(roles))
    ):
        return roles
    return school + roles


# A role inside a court or a procuratorate (主审法官, 刑事审判第二庭庭长, 检察官) names no court.
_COURT_ROLE = re.compile(
    r"^(?:主审法官|审判长|审判员|法官|检察官|员额检察官|[\u4e00-\u9fa5]{2,8}?庭(?:副)?庭长)"
)
_COURT = re.compile(r"[\u4e00-\u9fa5]{2,10}?(?:中级人民法院|人民法院|人民检察院)")


def _of_the_court(document: Document, roles: str) -> str:
    """主审法官、刑事审判第二庭庭长 in a report on 瑄崟市中级人民法院's open day -> the court's
    judge (round 41: the advice of a judge of no named court was "placeless")."""
    from .stem_text import aligned

    if not _COURT_ROLE.match(aligned(roles)):
        return roles
    courts = {m.group(0) for m in _COURT.finditer(document.analysis)}
    if len(courts) != 1:
        return roles
    court = courts.pop()
    at = document.analysis.find(court)
    return document.article.text[at : at + len(court)] + roles


_BARE_NAME_LEAD = re.compile(
    # (殷和平在讲话中指出，…: the occasion between the name and the verb, round 22)
    rf"(?:^|(?<=，))据?(?P<name>[\u4e00-\u9fa5]{{2,3}}?)(?:还|也|则|又)?"
    rf"(?=(?:在[\u4e00-\u9fa5]{{1,8}}?[上中时])?{_SPEECH})"
)


def introduce_speakers(document: Document, text: str, before: int) -> str:
    """A speaker named bare at the head of a clause (宋立海说，…) gets the role the article
    gives them (潍坊市公安局副局长、市反诈中心主任宋立海说，…); the first one only."""
    from .stem_text import aligned

    analysis = aligned(text)
    for match in _BARE_NAME_LEAD.finditer(analysis):
        name = match.group("name")
        if not is_name(name) or name in ("据介绍", "据了解"):
            continue
        who = introduce(document, name, before)
        if who == name or aligned(who) in analysis:
            continue
        return text[: match.start("name")] + who + text[match.end("name") :]
    return text
