"""Questions that test what to do: advice, rules, where to report, and victims' cases.

Built from the ``advice`` and ``scenario`` facts of :mod:`extract.advice` (and the rule of
three 不听不信不转账 of :mod:`extract.statements`). Every correct option is a span of the article;
every distractor is a behaviour that is certainly wrong - the article's own 不要… advice said
positively, or the curated wrong behaviours of ``data/situations.toml`` for the situation:

* ``advice.do_choice`` - ``<who>提醒：<situation>，下列做法正确的是？`` (the advice vs. wrong
  behaviours); ``advice.dont_choice`` - ``……下列做法错误的是？`` (one 不要… behaviour vs. the
  article's right ones); ``advice.judge`` - the advice as said (正确) or a wrong behaviour put in
  its place (错误: false in substance);
* ``advice.slogan`` - 不听不信不转账 as the answer to what the advice is (fill-blank and choice);
* ``advice.report`` - where to report (``及时向____举报`` -> 公安机关), fill-blank and choice;
* ``advice.rule`` - ``根据<who>的提醒，凡是……都是诈骗`` (正确) / ``公检法机关会通过电话办案`` (错误);
* ``scenario.discovery`` - how the victim found out (``给朋友打电话核实``), ``scenario.first`` -
  what to do first when a friend's account asks to borrow money, ``scenario.method`` - how the
  victim was tricked.
"""

from __future__ import annotations

import re

from .constants import BLANK, TRUE_FALSE_OPTIONS
from .document import Document
from .extract.advice import (
    list_audience,
    section_situation,
    situation_key,
    situations,
    speaker_name,
)
from .extract.people import CITIZEN_RE, is_name
from .facts import Fact
from .lexicon import short_place_name
from .questions import Result, rng_for
from .relative_places import home_institution, most_local_home, resolve_relative
from .script import in_script
from .speakers import introduce, speaker_before, subject_person
from .stem_anchor import (
    expand_organisation,
    full_organisations,
    named_publisher,
    place_anchored,
    resolve_organisations,
    resolve_years,
    tips_author,
)
from .stem_text import aligned, display
from .textutil import GIVEAWAY_RE

TRUE_FALSE_TAIL = "这一说法是否正确？"


def _pronoun(name: str) -> str:
    """他 or 她 for a citizen (王女士 -> 她)."""
    return "她" if re.search(r"女士|阿姨|大妈|奶奶|小姐|女", name) else "他"


def _base(fact: Fact, qtype: str, rule: str, spans: list[tuple[int, int]]) -> dict:
    return {
        "type": qtype,
        "fact": fact.id,
        "rule": f"{fact.kind}.{rule}",
        "answer_spans": [list(span) for span in spans],
        "sentence": fact.sentence,
    }


def _shown(document: Document, start: int, end: int) -> str:
    return display(document.article.text[start:end])


# --- who gives the advice ---------------------------------------------------------------


_TIPS_TEXT = re.compile(r"(?m)^\s*(?:要|不要|应|不应|禁止)\s*[:：]")


def _police(document: Document) -> str:
    """The article's police organisation (长沙市公安局岳麓分局), '' when none is named."""
    for _offset, name in full_organisations(document):
        if re.search(r"公安|警", aligned(name)):
            return name
    return ""


def giver_verb(document: Document, fact: Fact) -> tuple[str, str]:
    """Who gives the advice and how a stem says it: (广元市…方万云, 提醒), (…的穆先生, 说)."""
    who = giver(document, fact)
    citizen = CITIZEN_RE.search(aligned(who)[-6:]) if who else None
    return who, "说" if citizen else "提醒"


# A list's heading naming who gives it: 市委网信办副主任陈嘉怡在现场提醒市民： / 警方提醒：….
# (以下是十条实用提示： / 下面这几条建议 name no giver: the list is then the publisher's.)
_LIST_GIVER = re.compile(
    r"^(?!以下|下面|如下|这|那|[\d一二三四五六七八九十几]+条)"
    r"(?P<who>[^，,。:：“”]{2,24}?)(?:在[^，,。:：]{1,8}?)?"
    # 消委會提出六條建議 (round 17)
    r"(?:(?:提出|给出|总结了?|发布了?)(?:[\d一二三四五六七八九十几]+[条点项])?)?(?:提醒|建议|提示)"
    r"(?:[^，,。:：]{0,10})[:：]?(?:[^，,。]{0,16})$"
)


def _section_heading(document: Document, sentence) -> str:
    """The nearest heading above ``sentence`` (its own section's, or the one above a bare 要：)
    that names a giver, without its number; '' if none within a few headings."""
    seen = 0
    for other in reversed(document.sentences[: sentence.index]):
        if not other.heading:
            continue
        heading = re.sub(
            r"^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、]\s*)", "", other.analysis.strip()
        )
        if _LIST_GIVER.match(heading):
            return heading
        seen += 1
        if seen == 3:
            break
    return ""


# A list's lead line (its section heading) naming who sums it up: 针对老年人的特点，分局消费者权益
# 保护处处长戴秋萍在现场为居民总结了防范要点： (round 29).
_LEAD_LINE = re.compile(
    r"(?:^|[，,])(?P<who>[^，,。:：“”]{2,30}?)(?:在[^，,。:：]{1,8}?)?(?:(?:为|向|给)[^，,。:：]{1,8}?)?"
    r"(?:总结了?|归纳了?|提出了?|给出了?|梳理了?|支招|提醒|建议|提示)"
    r"[^，,。:：]{0,12}?(?:要点|建议|提醒|提示|方法|妙招|[\d一二三四五六七八九十几]+[条点招])?[:：]$"
)


_SCHOOL_LEAD = re.compile(
    r"(?:^|[，,])(?:学校|我校|本校|学院|我院)(?=[^:：]*(?:提示|提醒|建议|总结)[^，,:：]{0,8}[:：]$)"
)


_BODY_LEAD = re.compile(
    r"(?:^|[，,。])(?P<body>[\u4e00-\u9fa5]{0,8}?(?:协会|分局|中心|网信办|委|局|院|分行|支行|公司|"
    # 学院保卫处也在活动中向同学们发出提醒： (round 39)
    r"保卫处|学生处|学生工作处|团委))"
    r"(?:同时|还|也|现场|当场)?(?:在[^，,:：]{1,8}?[中上])?(?:(?:向|为|给)[^，,:：]{1,8}?)?"
    r"(?:发布|发出|提出|给出|总结)了?[^，,:：]{0,8}(?:提示|提醒|建议)[:：]$"
)


# A numbered item (一、 / 1. / 1、).
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])")
# A lead line that says who by a pronoun: 她建议家长： / 他还提醒同学们：.
_PRONOUN_LEAD = re.compile(
    r"^[他她](?:还|也|又|同时)?(?:建议|提醒|提示|叮嘱)[^，,。:：]{0,8}[:：]$"
)
# A lead line whose subject is a bank's staff (银行员工…总结出「四个凡是」：).
_STAFF_LEAD = re.compile(r"(?:^|[，,])(?:银行|支行|分行|该行)(?:的)?(?:员工|工作人员|客户经理)")


_ORG_END = r"(?:协会|分局|中心|网信办|委|局|院|分行|支行|公司)"
# Two bodies giving one list: 瑀澧监管局和省保险行业协会向消费者发出如下提示：
_JOINT_LEAD = re.compile(
    rf"(?:^|[，,。])(?P<body>[\u4e00-\u9fa5]{{2,10}}?{_ORG_END})(?:和|与|及|、|会同|联合)"
    rf"(?P<other>[\u4e00-\u9fa5]{{2,12}}?{_ORG_END})(?:(?:向|为|给)[^，,:：]{{1,8}}?)?"
    r"(?:共同|联合)?(?:发布|发出|提出|给出|总结)了?[^，,:：]{0,8}(?:提示|提醒|建议)[:：]$"
)


def lead_line_giver(document: Document, fact: Fact) -> str:
    """The person a numbered list's lead line names (the item's section heading, ending in a
    colon), introduced as a stem names them; '' when it names no person."""
    sentence = fact.sentence
    lead = None
    for other in reversed(document.sentences[max(0, sentence.index - 12) : sentence.index]):
        # 协会同时发布防骗提示： + 一、… 六、…: the line above the list's first item (round 33)
        if _NUMBERED.match(other.analysis):
            continue
        if other.analysis.rstrip().endswith((":", "：")):
            lead = other
        break
    if lead is None:
        if sentence.section < 0:
            return ""
        lead = document.sentences[sentence.section]
    found = _LEAD_LINE.search(lead.analysis.rstrip())
    person = speaker_name(found.group("who")) if found else ""
    if not person and _PRONOUN_LEAD.match(lead.analysis):
        # …督导颜书禾在活动中与家长分享了经验。她说，…。她建议家长：: the one 她 refers to
        # (round 35).
        speaker = speaker_before(document, lead.index)
        person = speaker.name if speaker else ""
    if not person and _SCHOOL_LEAD.search(lead.analysis.rstrip()):
        # 活动现场，学校向新生发放了《防诈安全手册》，并提示同学们：: the school whose news it is
        # (round 30).
        return home_institution(document)
    joint = _JOINT_LEAD.search(lead.analysis.rstrip())
    if not person and joint:
        # 瑀澧监管局和省保险行业协会向消费者发出如下提示：: both bodies, each by its full name
        # (round 36).
        names = [
            expand_organisation(document, joint.group(g), lead.start)
            or resolve_relative(document, display(joint.group(g)))
            for g in ("body", "other")
        ]
        return "和".join(names)
    body = _BODY_LEAD.search(lead.analysis.rstrip())
    if not person and body:
        # 协会同时发布防骗提示：: the bankers' association's tips, not the police's (round 33).
        full = expand_organisation(document, body.group("body"), lead.start)
        office = re.match(
            r"(?:学院|学校|我校|本校|我院|本院)(?=[\u4e00-\u9fa5]{2,5}$)", body.group("body")
        )
        if not full and office and home_institution(document):
            # 学院保卫处: the office of the school whose news it is (round 39).
            return home_institution(document) + body.group("body")[office.end() :]
        return full
    if not person and _STAFF_LEAD.search(lead.analysis) and lead.analysis.rstrip()[-1:] in ":：":
        # 活动现场，银行员工通过展板…，并总结出「四个凡是」：: the bank the article is about
        # (round 35).
        banks = [
            name
            for offset, name in full_organisations(document)
            if offset < lead.start and re.search(r"(?:银行|分行|支行)$", aligned(name))
        ]
        return banks[0] if banks else ""
    if not person:
        return ""
    return re.sub(r"^.*?(?:邀请|请来|由)", "", introduce(document, person, lead.start))


def heading_giver(document: Document, fact: Fact) -> str:
    """The giver a heading above ``fact`` names (四、消委會提出六條建議 -> 鷺原市消費者權益保護
    委員會), '' if none."""
    section = _LIST_GIVER.match(_section_heading(document, fact.sentence) or "-")
    return _named_giver(document, fact, section.group("who"), body_ok=True) if section else ""


def _named_giver(document: Document, fact: Fact, who: str, *, body_ok: bool = False) -> str:
    """The giver a list heading names, as :func:`giver` would name it in a sentence ('' when
    unsure); with ``body_ok`` an organisation (金管局) too."""
    if re.search(r"[这此该]", who):
        return ""
    if re.fullmatch(r"(?:警方|民警|公安机关)", who):
        return _police(document) or ""
    person = speaker_name(who) or (who if is_name(who) else "")
    if not person and body_ok and re.search(rf"(?:{_ROLE_BODY}|局|办|委|会|中心)$", who):
        return resolve_organisations(document, display(who), fact.sentence.start)
    if not person:
        return ""
    # 学校邀请法治副校长、城南派出所副所长崔立军: the role, not the clause that introduced it.
    return re.sub(r"^.*?(?:邀请|请来|由)", "", introduce(document, person, fact.sentence.start))


def giver(document: Document, fact: Fact) -> str:
    """Who gives the advice of ``fact``, as a stem names them; '' when that is unsure."""
    who = fact.attrs.get("who", "")
    sentence = fact.sentence
    if fact.attrs.get("numbered"):
        # A numbered 要/不要 list is the publisher's own (雁屿共青团), whoever it quotes elsewhere;
        # under a heading that is a sentence (学生工作部…总结了六条提醒) it may be someone else's.
        publisher = named_publisher(document)
        # 【警方提示】: the brackets are the layout's, 警方 is who (round 40's alert gave none).
        heading = re.sub(r"^[【\[]|[】\]]$", "", aligned(fact.attrs.get("heading", "")))
        intro = _LIST_GIVER.match(heading)
        if intro:
            # 市委网信办副主任陈嘉怡在现场提醒市民： / 崔立军提醒同学们记住几条： / 警方提醒：…:
            # the list is the advice of the one the heading names.
            named = _named_giver(document, fact, intro.group("who"))
            # 给老年朋友的几点提醒 names only the audience: the lead line under it may name who.
            return named or lead_line_giver(document, fact)
        lead = lead_line_giver(document, fact)
        if lead:
            return lead
        section = heading_giver(document, fact)
        if section:
            # 四、金管局提示市民「四要四不要」 over 要： / 一、要…: the section names the giver.
            return section
        # 【实习兼职防骗七条提示，请同学们牢记】: the plea after the comma says no one else's
        # (round 35).
        heading = re.sub(
            r"[，,](?:请|希望)[^，,。]{0,8}(?:牢记|记住|收藏|收好|转发|转给)[^，,。]{0,6}$",
            "",
            heading,
        )
        if not publisher or re.search(r"[，,。]", heading) or len(heading) > 24:
            return ""
        event = document.event
        return f"{publisher}在{event}期间" if event else publisher
    if fact.attrs.get("heading"):
        return tips_author(document)
    if re.match(
        r"^(?:并|还|也|又|同时|并且)|提出[^，]{0,4}点|[一二三四五六七八九十\d]点$", aligned(who)
    ):
        return ""  # 并向家长提出三点提醒： names no giver: unsure who advises
    if re.fullmatch(r"(?:风险|温馨|特别|友情|安全|重要)", aligned(who)):
        return tips_author(
            document
        )  # 风险提醒：… is a rubric, not a giver: the article's own advice
    if who in ("他", "她") or not who:
        name = subject_person(document, sentence) if who == "" else ""
        if name is None:
            return ""  # the sentence's subject is not a person: unsure who advises
        if not name:
            speaker = speaker_before(document, sentence.index)
            if speaker is None:
                return ""
            name = speaker.name
        return introduce(document, name, sentence.start)
    who_key = aligned(who)
    role = re.fullmatch(r"(?:检察官|法官|民警|警官|辅警|律师|专家|老师|工作人员)", who_key)
    if role:
        # 检察官提醒… <- 县人民检察院的检察官走进甘谷县第一中学 (a sentence before): the role with
        # the body it belongs to.
        body = _body_of_role(document, sentence, who_key)
        if body:
            return resolve_relative(document, f"{body}的{display(who)}")
    if re.fullmatch(r"(?:警方|民警|公安机关)", who_key):
        return _police(document) or who
    person = speaker_name(who_key)
    if person:
        return introduce(document, person, sentence.start)
    if is_name(who_key):
        return introduce(document, who_key, sentence.start)
    return resolve_organisations(document, display(who), sentence.start)


_ROLE_BODY = (
    r"(?:人民检察院|检察院|人民法院|法院|公安局|公安分局|分局|派出所|反诈中心|银行|分行|支行|"
    r"律师事务所|大学|学院|网信办|监管局)"
)


def _body_of_role(document: Document, sentence, role: str) -> str:
    """The body a bare role (检察官) belongs to: ``<body>的<role>`` in the sentence or the three
    before it in the same section; '' when the article does not say."""
    earlier = [
        s
        for s in document.sentences[max(0, sentence.index - 3) : sentence.index + 1]
        if s.section == sentence.section and not s.heading
    ]
    for other in reversed(earlier):
        found = list(
            re.finditer(
                rf"(?:^|(?<=[，。、；：”,;:\s]))([\u4e00-\u9fa5]{{0,20}}?{_ROLE_BODY})的{role}",
                other.analysis,
            )
        )
        if found:
            match = found[-1]
            return display(
                document.article.text[other.start + match.start(1) : other.start + match.end(1)]
            )
    return ""


def _list_topic(fact: Fact) -> str:
    """The topic a numbered list's heading names (防沉迷, 守护个人信息); '' for a bare label
    (五要：) or a heading that is a sentence (活动现场，学生工作部…总结了六条提醒)."""
    # (要—— / 不要——: a label and its dash, round 26's 关于“不要——”)
    topic = re.sub(r"[“”:：\s—－-]", "", display(fact.attrs.get("heading", "")))
    if (
        not topic
        or _LIST_GIVER.match(aligned(topic))
        or len(topic) > 14
        or re.search(r"[，,。；]", topic)
        or re.fullmatch(
            r"[一二三四五六七八九十\d]*(?:要|不要|要与不要|要和不要)(?:做|做到|这样做|这么做)?",
            aligned(topic).strip("“”"),
        )
        # 反诈小贴士 / 安全提示 / 防骗指南: the list's own name, not what it is about
        or re.search(
            r"(?:小贴士|贴士|提示|须知|指南|清单|提醒|建议|妙招|攻略|锦囊)$", aligned(topic)
        )
        # 防骗六要六不要, 以下是十条实用提示: a label that counts the items, not a topic
        or re.search(r"[一二三四五六七八九十\d]+要[一二三四五六七八九十\d]*不要", aligned(topic))
        or re.match(r"^(?:以下|下面|如下)|^.{0,4}[一二三四五六七八九十\d]+条", aligned(topic))
        # 请和孩子一起记住 / 牢记: an instruction heading the list, not what it is about (round 19)
        or re.match(r"^(?:请|要|记住|牢记|谨记|切记)", aligned(topic))
        # 案例三李某侵犯公民个人信息案 / 一封家长信… / 民警现场支招…: a case's, a letter's or a
        # scene's title heads the list, not its topic (round 39)
        or re.search(r"案例|案$|一封|信$|书$|支招|现场|讲座|活动", aligned(topic))
    ):
        return ""
    return topic


# A section heading that is a scam's name (冒充熟人、领导借钱, 刷单返利陷阱); a heading that is a
# sentence or a call (游戏充值须谨慎，“免费领皮肤”是陷阱 / 遇到网络欺凌，勇敢说不 / 用好“未成年人模式”)
# is advice, not a kind of scam (round 37).
_SCAM_HEADING = re.compile(
    r"^(?!用好|拒绝|远离|遇到|学会|保护|守好|管好|看好|合理|文明|及时|不要|要|别|谨防|警惕|注意|"
    r"防止|预防|抵制|养成|开启|设置)(?![^，,：:；。！!]*(?:要|须|别|勿|用起来|说不))[^，,：:；。！!]{2,16}$"
)
_FRAUD_WORDS = re.compile(
    r"骗|诈|转账|汇款|付款|验证码|密码|银行卡|陷阱|返现|返利|刷单|代充|贷|金融|银行|账户|支付|资金|理财|"
    r"投资|保险|证券|警方|公安|民警|派出所|电话指示|陌生来电|ATM|冻结"
)


# 主办方向居民发放了“个人信息保护要与不要”提示卡： over 要： / 不要： and their items (round 30).
_CARD_TOPIC = re.compile(
    r"“([^”]{2,12}?)(?:要与不要|“要”与“不要”|须知|小贴士|十要十不要|[五六七八九十]要[五六七八九十]不要)”"
)


def _card_topic(document: Document, fact: Fact) -> str:
    """The topic a tips card above the list names (“个人信息保护要与不要”提示卡 -> 个人信息保护),
    in the article's script; '' when none of the few headings above names one."""
    seen = 0
    for other in reversed(document.sentences[: fact.sentence.index]):
        if not other.heading:
            continue
        found = _CARD_TOPIC.search(other.analysis)
        if found:
            return display(
                document.article.text[other.start + found.start(1) : other.start + found.end(1)]
            )
        seen += 1
        if seen == 3:
            break
    return ""


_ONLINE = re.compile(
    r"网|App|APP|app|链接|扫码|二维码|短信|电话|验证码|密码|WiFi|wifi|平台|手机|账号|权限"
)


def _headline_like(document: Document, heading: str) -> bool:
    """个人信息保护日丨App权限、刷脸、快递单……九个身边问题: the article's headline (or one like
    it), not the name of a kind of scam (round 31)."""
    key = aligned(heading)
    return (
        key == aligned(document.article.title or "")
        or bool(re.search(r"[丨｜|…]|……", key))
        or len(key) > 20
    )


def _situation(document: Document, fact: Fact) -> str:
    """When the advice applies: the article's clause (亲友通过微信、QQ等方式借钱时), a tips
    text's heading (遇到“冒充电商物流客服”时), else the curated phrase."""
    text = fact.attrs.get("situation", "")
    if text:
        shown = display(text)
        starts = r"[时前]$|^(?:如|如果|若|一旦|遇到|面对|凡是|发现|收到|接到|注册|买卖|对于)"
        return shown if re.search(starts, aligned(shown)) else f"面对{shown}"
    heading = fact.attrs.get("heading", "")
    if fact.attrs.get("numbered"):
        topic = _list_topic(fact) or _card_topic(document, fact)
        if topic:
            return f"关于“{topic}”"  # 四、防沉迷: a topic, not a kind of fraud
        # 陈嘉怡在现场提醒市民：/ 以下是十条实用提示： + items on personal information: the
        # situation most of the list's items are about, when one is (else the general one).
        top = section_situation(document, fact.sentence)
        if top == "general" and heading:
            # 【实习兼职防骗七条提示】 over items on deposits, 刷单, cards and 96110: the heading's
            # situation (round 35).
            top = situation_key(aligned(heading))
        own = fact.attrs.get("situation_key", "general")
        if top == "general" and situations()[own].get("conduct"):
            # 不轻信。/ 不透露。/ 不转账。: a mixed list. An item on personal data says so (在网上
            # 使用各类平台和APP, broad enough for the list's other items as its options); a
            # fraud's phrase would not fit options taken from the rest of the list (round 25),
            # nor a parent's rule among fraud advice (round 35).
            top = own
        if top == "parenting" and own != "parenting":
            # 请和孩子一起记住：保护好自己的名字、学校…: a child's rule in a letter to parents is not
            # how a parent guides (round 35)
            top = "general"
        if (
            top == "personal_info"
            and not _ONLINE.search(fact.sentence.analysis)
            and "个人信息" not in aligned(fact.text)  # (保护好个人信息 would be given away)
        ):
            # 不要为了领鸡蛋、领挂面登记身份证号码: offline, not 在网上使用各类平台和APP (round 33).
            return "关于保护个人信息"  # (the stem is put in the article's script as a whole)
        if top != "general":
            return situations()[top]["phrase"]
        # 五要： names no topic; the curated phrase of a keyword (96110) may not fit the item.
        if not _FRAUD_WORDS.search(
            document.analysis[fact.sentence.start : fact.sentence.end]
            + aligned(document.article.title or "")
        ):
            # 要合理安排上网时间，自觉遵守防沉迷规定: no fraud in it or in the article's title
            # (a police alert's list is all fraud advice), so no fraud's situation (round 26's
            # mixed list for teenagers and parents).
            return in_script(document, "关于日常上网安全")
        return situations()["general"]["phrase"]
    if heading and not _headline_like(document, heading):
        if re.match(r"^(?:保护|防范|谨防|警惕|注意|守好|看好|管好)", aligned(heading)):
            return f"为了{display(heading)}"  # 六、保护好个人信息
        if _SCAM_HEADING.search(aligned(heading)):
            return f"遇到“{display(heading)}”类骗局时"
        # 三、遇到网络欺凌，勇敢说不 / 四、未成年人模式，用起来: a tips text's section is no scam,
        # and its heading's own words would give the key away (round 37): the item's situation.
        key = fact.attrs.get("situation_key", "general")
        if key == "general" and not _FRAUD_WORDS.search(
            document.analysis[fact.sentence.start : fact.sentence.end]
        ):
            return in_script(document, "关于日常上网安全")
        return situations()[key]["phrase"]
    key = fact.attrs.get("situation_key", "general")
    return situations()[key]["phrase"]


def _wrong_behaviours(document: Document, fact: Fact, facts: list[Fact]) -> list[str]:
    """Certainly wrong things to do in the fact's situation: the article's own 不要… advice of
    the same situation said positively, then the curated ones (never text of the fact)."""
    key = fact.attrs.get("situation_key", "general")
    if fact.attrs.get("numbered"):
        # The list's own 不要… items of the same section, then of the others: same kind, and
        # certainly wrong by the article itself.
        heading = fact.attrs.get("heading")
        dont = [f for f in facts if f.kind == "advice" and f.attrs.get("numbered")]
        # (a parent's 不要在朋友圈晒孩子的证件 is no wrong choice for a teenager's question)
        audience = _audience(document, fact)
        dont = [
            f for f in dont if f.attrs.get("form") == "dont" and _audience(document, f) == audience
        ]
        same = [_shown(document, f.start, f.end) for f in dont if f.attrs["heading"] == heading]
        other = [_shown(document, f.start, f.end) for f in dont if f.attrs["heading"] != heading]
        rng_for(fact.id, "wrong").shuffle(other)
        # Then the curated wrong behaviours of the item's own situation (a game item: 用父母的
        # 手机给对方付款), before another section's items (a parent's 一味没收手机).
        curated = list(situations()[key]["wrong"]) if key != "general" else []
        rng_for(fact.id, "curated").shuffle(curated)
        return _distinct(
            same + curated + other, document, avoid=_shown(document, fact.start, fact.end)
        )
    own = [
        _shown(document, f.start, f.end)
        for f in facts
        if f.kind == "advice"
        and f.attrs.get("form") == "dont"
        and f.attrs.get("situation_key") == key
        and f.id != fact.id
    ]
    # The situation's own wrong behaviours first (they are of the same kind as the advice),
    # the general ones only to fill up.
    rng = rng_for(fact.id, "wrong")
    curated = list(situations()[key]["wrong"])
    rng.shuffle(curated)
    if key != "general" and not situations()[key].get("conduct"):
        general = list(situations()["general"]["wrong"])
        rng.shuffle(general)
        curated += general
    return _distinct([*own[:1], *curated], document, avoid=_shown(document, fact.start, fact.end))


def _bigram_set(text: str) -> set[str]:
    key = aligned(text)
    return {key[i : i + 2] for i in range(len(key) - 1)}


def _alike(first: set[str], second: set[str]) -> bool:
    """Two options that say one thing: half their bigrams shared, or - short ones - two of the
    shorter's few (向老师、家长求助 / 告诉老师或家长 share 老师 and 家长)."""
    if not first or not second:
        return False
    shared = len(first & second)
    if shared / len(first | second) >= 0.5:
        return True
    return shared >= 2 and shared / min(len(first), len(second)) >= 0.3


def _distinct(values: list[str], document: Document, avoid: str) -> list[str]:
    """Values without repeats, without ``avoid`` and without near-copies of one another
    (通过电话、视频或当面向本人核实 / 通过电话或当面向本人核实): options must differ clearly."""
    result: list[str] = []
    for value in values:
        if not value or value == avoid or value in result:
            continue
        if re.search(r"[:：]", value):
            continue  # 转账：凡是要求…的 - a tip's label and its gloss, no behaviour
        number = re.search(r"\d{3,}", value)
        if number and document.traditional and number.group(0) not in document.analysis:
            continue  # 拨打96110 in a report whose hotline is another (警方防騙熱線): not ours
        grams = _bigram_set(value)
        if any(_alike(grams, _bigram_set(other)) for other in [*result, avoid]):
            continue
        result.append(value)
    return result


def _choice(fact: Fact, rule: str, stem: str, correct: str, wrong: list[str], span) -> Result:
    if len(wrong) < 3:
        return None, ("too_few_distractors", f"“{correct}”只有 {len(wrong)} 个确定错误的做法")
    question = _base(fact, "single_choice", rule, [span])
    question.update(stem=stem, options=[correct, *wrong[:3]], answer=[0])
    return question, None


def _judge(fact: Fact, rule: str, stem_body: str, claim: str, truth: bool, span) -> Result:
    question = _base(fact, "true_false", f"{rule}.{'true' if truth else 'false'}", [span])
    body = stem_body.rstrip("。")
    question.update(
        stem=f"{body}。{TRUE_FALSE_TAIL}",
        options=list(TRUE_FALSE_OPTIONS),
        answer=[0 if truth else 1],
        claim=claim,
    )
    return question, None


def _as_long_as(key: str, others: list[str]) -> str | None:
    """The key cut to its first clause when it is far longer than every other option (通过正规
    金融机构和官方渠道购买理财产品，投资前查验…金融牌照 beside 相信群里其他人晒出的收益截图): the
    longest option is not to give itself away."""
    longest = max((len(o) for o in others), default=0)
    head = re.split(r"[，；]", key, maxsplit=1)[0]
    if longest and len(key) > 1.6 * longest and len(head) >= 8 and head != key:
        # 接获亲友以视像要求汇款，应先挂线…: a first clause that says when, not what to do (or
        # judges, 凡是…都是诈骗, or binds someone else, 经营者不得…) is no key: None (round 35).
        return None if _NO_ACTION_HEAD.search(aligned(head)) else head
    return key


_NO_ACTION_HEAD = re.compile(
    r"^(?:接到|接获|遇到|如果|如|若|一旦|收到|发现|面对|凡是?|对于|当)|时$|后$|"
    r"都是|一律是|就是|属于|不得"
)


def _action(document: Document, fact: Fact, facts: list[Fact]) -> list[Result]:
    who = giver(document, fact)
    if not who:
        return [(None, ("speaker_unsure", "无法确定是谁给出的建议"))]
    situation = _situation(document, fact)
    action = _shown(document, fact.start, fact.end)
    if re.search(r"[:：]", action):
        return [(None, ("labelled_tip", "建议是“标签：说明”格式，无法作为选项"))]
    span = (fact.start, fact.end)
    results: list[Result] = []
    if fact.attrs["form"] == "do":
        wrong = _wrong_behaviours(document, fact, facts)
        cut = _as_long_as(action, wrong[:3])
        if cut is None:
            return [(None, ("long_key", "正确做法远长于其他选项，又不能截短"))]
        if cut != action:
            # the key is its first clause: so is the span it comes from
            head = re.split(r"[，；,;]", document.analysis[fact.start : fact.end], maxsplit=1)[0]
            action, span = cut, (fact.start, fact.start + len(head))
        stem = f"{who}{_reminds(document, fact)}：{situation}，下列做法正确的是？"
        # No false version: a curated wrong behaviour put in a named official's mouth
        # (何敬舟提醒…可以把验证码告诉陌生人) is not what they said, and is guessed at sight.
        results.append(_choice(fact, "do_choice", stem, action, wrong, span))
    else:
        audience = _audience(document, fact)
        # (advice to parents - 要多陪伴、多沟通 - is no option among a child's choices)
        facts = [f for f in facts if f.kind != "advice" or _audience(document, f) == audience]
        right = [
            _shown(document, f.start, f.end)
            for f in facts
            if f.kind == "advice" and f.attrs.get("form") == "do" and len(f.text) <= 30
        ]
        key = fact.attrs.get("situation_key", "general")
        same = [
            _shown(document, f.start, f.end)
            for f in facts
            if f.kind == "advice"
            and f.attrs.get("form") == "do"
            and f.attrs.get("situation_key") == key
        ]
        if fact.attrs.get("numbered"):
            heading = fact.attrs.get("heading")
            same = [
                _shown(document, f.start, f.end)
                for f in facts
                if f.kind == "advice"
                and f.attrs.get("numbered")
                and f.attrs.get("form") == "do"
                and f.attrs["heading"] == heading
                # (接到96110来电务必接听 -> 务必接听 says nothing away from its situation)
                and f.attrs.get("situation", "") == ""
            ]
        same += list(situations()[key].get("right", ()))
        rng_for(fact.id, "right").shuffle(same)
        others = [r for r in right if len(r) >= 6] + list(situations()["general"]["right"])
        if situations()[key].get("conduct"):
            others = []  # bullying, personal information: fraud advice is another topic
        rng_for(fact.id, "others").shuffle(others)
        right = _distinct(same + others, document, avoid=action)
        action = GIVEAWAY_RE.sub("", action)
        stem = f"{who}{_reminds(document, fact)}：{situation}，下列做法错误的是？"
        # No "X提醒：…可以<the wrong thing>" true/false: rounds 6 and 8 read an official
        # advising the opposite of the advice as absurd, and guessed at sight.
        results.append(_choice(fact, "dont_choice", stem, action, right, span))
    return results


_TO_PARENTS = re.compile(
    r"(?:提醒|建议|呼吁|提示)(?:各位|广大)?(?:家长|父母)|(?:家长|父母)(?:们)?(?:要|应|应当|需要)"
)


def _audience(document: Document, fact: Fact) -> str:
    """家长 for advice the sentence addresses to parents (…并提醒家长：…要多陪伴), else ''."""
    head = document.analysis[fact.sentence.start : fact.start]
    if _TO_PARENTS.search(head):
        return "家长"
    # 【给家长】 + 不要—— + 1.不要在朋友圈晒孩子的证件…: a list for parents (round 26)
    return "家长" if re.search(r"家长|父母", list_audience(document, fact.sentence)) else ""


def _reminds(document: Document, fact: Fact) -> str:
    """提醒家长 for a list addressed to parents (【给家长】), else 提醒: a parent's 要为孩子的手机
    开启“青少年模式” is no advice to the student reading the paper (round 26)."""
    if fact.attrs.get("numbered") and _audience(document, fact) == "家长":
        return in_script(document, "提醒家长")
    return "提醒"


def _clause_around(document: Document, fact: Fact) -> tuple[int, int]:
    for clause in document.clauses(fact.sentence):
        if clause.start <= fact.start and fact.end <= clause.end:
            return clause.start, clause.end
    return fact.start, fact.end


def _situation_before(document: Document, fact: Fact) -> str:
    """The nearest clause before the fact's (at most three back) that sets the situation
    (面对网上违法犯罪信息, 电话、网络诈骗局)."""
    clauses = document.clauses(fact.sentence)
    here = next((i for i, c in enumerate(clauses) if c.start <= fact.start < c.end), 0)
    for index in range(here - 1, max(-1, here - 4), -1):
        previous = clauses[index].analysis.strip("“”")
        if re.search(r"^(?:面对|遇到|如果|如|一旦|发现|收到|接到)|时$|诈骗局|骗局$", previous):
            return _shown(document, clauses[index].start, clauses[index].end).strip("“”")
    return ""


def _slogan(document: Document, fact: Fact, facts: list[Fact]) -> list[Result]:
    """不听不信不转账: the answer to what the advice is."""
    who = giver(document, fact)
    if not who:
        return [(None, ("speaker_unsure", "无法确定是谁给出的建议"))]
    situation = _situation_before(document, fact) or "电话、网络诈骗"
    if not re.match(r"^(?:面对|遇到|如果)", situation):
        situation = f"面对{situation}"
    slogan = _shown(document, fact.start, fact.end)
    span = (fact.start, fact.end)
    question = _base(fact, "fill_blank", "slogan", [span])
    _who, verb = giver_verb(document, fact)
    question.update(stem=f"{who}{verb}：{situation}，要做到“{BLANK}”。", answer=[slogan])
    # Options of one kind: slogans that are not the one said (不听不信不声张, 不理不睬不报警…),
    # never the article's own words; a citizen says what they will do from now on.
    wrong = [w for w in situations()["slogan"]["wrong"] if w not in document.analysis]
    rng_for(fact.id, "slogan").shuffle(wrong)
    stem = (
        f"{who}说，今后{situation}要怎么做？"
        if verb == "说"
        else f"{who}提醒：{situation}，下列做法正确的是？"
    )
    return [(question, None), _choice(fact, "slogan_choice", stem, slogan, wrong, span)]


def _report(document: Document, fact: Fact) -> list[Result]:
    """Where to report: 及时向____举报 (公安机关) with wrong channels as distractors."""
    who = giver(document, fact)
    if not who:
        return [(None, ("speaker_unsure", "无法确定是谁给出的建议"))]
    start, end = _clause_around(document, fact)
    text = document.article.text
    before = display(text[start : fact.start])
    after = display(text[fact.end : end])
    if not re.match(r"^(?:要|请|务必|应|可|可以|一定要|也可以)", aligned(before)):
        before = f"要{before}"
    situation = _situation_before(document, fact)
    lead = f"{who}提醒：{situation}，" if situation else f"{who}提醒："
    channel = _shown(document, fact.start, fact.end)
    span = (fact.start, fact.end)
    question = _base(fact, "fill_blank", "report", [span])
    question.update(stem=f"{lead}{before}{BLANK}{after}。", answer=[channel])
    wrong = list(situations()["report"]["wrong"])
    rng_for(fact.id, "report").shuffle(wrong)
    stem = f"{lead}{before}{BLANK}{after}。"
    # What to do, with what people do instead (转发到朋友圈, 私下联系发布者): a police chief's
    # 向____举报 names his own force, the act is what a student must know (round 26).
    modal = re.match(r"(?:要|请|务必|应|一定要)", document.analysis[start:end])
    act_span = (start + (modal.end() if modal else 0), end)
    others = list(situations()["report"]["instead"])
    cheated = situations()["after_fraud"]
    if any(
        trigger in aligned(situation or "") + document.analysis[start : fact.start]
        for trigger in cheated["triggers"]
    ):
        # 一旦发现被骗，第一时间向公安机关报案: what victims do instead of reporting (删除聊天记录,
        # 找“追款”中介), not what bystanders do with a rumour (round 38).
        others = list(cheated["wrong"])
    rng_for(fact.id, "report_act").shuffle(others)
    act = _shown(document, *act_span)
    return [
        (question, None),
        _choice(fact, "report_choice", stem, channel, wrong, span),
        _choice(fact, "report_act", f"{lead}应当怎么做？", act, others, act_span),
    ]


def _regulation(document: Document, fact: Fact) -> list[Result]:
    """A rule a law sets, asked on the window it fixes: 按照国家规定，网络游戏企业只能在…每日
    ____向未成年人提供服务 (20时至21时 among other windows, all outside the rule)."""
    start, end = fact.attrs["window"]
    window = re.fullmatch(r"(\d{1,2})时至(\d{1,2})时", aligned(document.analysis[start:end]))
    if not window:
        return []
    a, b = int(window.group(1)), int(window.group(2))
    # Windows of the same length, shifted (19时至20时, 21时至22时…): a longer one is ruled out
    # by the stem's own "1小时" (round 7), and none overlaps the rule's.
    wrong = [
        f"{x}时至{y}时" for x, y in ((a + d, b + d) for d in (-2, -1, 1, 2)) if 0 <= x < y <= 24
    ]
    rng_for(fact.id, "window").shuffle(wrong)
    # 根据国家新闻出版署今年8月发布的通知 -> 2021年8月
    before = resolve_years(_shown(document, fact.start, start), document.year)
    after = _shown(document, end, fact.end)
    answer = _shown(document, start, end)
    span = (start, end)
    wrong = [in_script(document, w) for w in wrong]
    results = [_choice(fact, "regulation_choice", f"{before}{BLANK}{after}。", answer, wrong, span)]
    if wrong:
        flip = int(fact.id[-1], 16) % 2
        shown = wrong[0] if flip else answer
        body = f"{before}{shown}{after}"
        results.append(_judge(fact, "regulation_judge", body, body, not flip, span))
    return results


def _rule(document: Document, fact: Fact) -> list[Result]:
    who = giver(document, fact)
    if who and CITIZEN_RE.search(aligned(who)):
        # 市民何女士: a victim telling what she learned, not someone who advises (round 8).
        return [(None, ("speaker_unsure", "讲述经历的市民不是给出提醒的人"))]
    if not who and (fact.attrs.get("heading") or _TIPS_TEXT.search(document.analysis)):
        who = _police(document) or tips_author(document)  # a tips text speaks for its author
    if not who and _NUMBERED.match(fact.sentence.analysis):
        who = lead_line_giver(document, fact)  # 一、凡是… under the list's lead line (round 35)
    lead = f"根据{who}的提醒，" if who else ""
    text = _shown(document, fact.start, fact.end)
    if text.count("”") > text.count("“"):
        text = text.rstrip("”")  # …，“凡是…，一律都是骗局”: the quotation's own closing mark
    span = (fact.start, fact.end)
    negation = fact.attrs.get("negation")
    if negation:
        neg_text = document.article.text[negation[0] : negation[1]]
        positive = {"不会": "会", "从不": "会", "绝不会": "会", "绝不": "会", "不存在": "存在"}
        flipped = text.replace(display(neg_text), positive.get(aligned(neg_text), "会"), 1)
        if fact.attrs.get("flip", int(fact.id[-1], 16) % 2):
            return [_judge(fact, "rule", f"{lead}{flipped}", flipped, False, span)]
    return [_judge(fact, "rule", f"{lead}{text}", text, True, span)]


def _victim(document: Document, fact: Fact) -> str:
    """The victim as the article introduces them, with the article's own place when that
    introduction names none (市民王女士 -> 潍坊市民王女士, 家住大石镇的 -> 家住甘谷县大石镇的)."""
    intro = introduce(document, fact.attrs["victim"], fact.sentence.start)
    if place_anchored(document, intro):
        return intro
    place = most_local_home(document)
    if not place:
        return intro
    if intro.startswith("市民") and place.endswith("市"):
        return short_place_name(place) + intro  # 潍坊市民王女士
    found = re.match(r"^(家住|来自|住在|在)", intro)
    if found:
        return found.group(1) + place + intro[found.end() :]
    if re.search(r"工作的", intro):
        return f"在{place}{intro}"  # (在)寒亭区一家企业工作的赵先生
    if intro == fact.attrs["victim"]:
        return f"{place}的{intro}"  # 潆阳市的王阿姨 (never 潆阳市王阿姨, round 37)
    return f"{place}{intro}"


_CASE_TIME = re.compile(r"(?:(?:今年|去年|\d{4}年))?\d{1,2}月(?:上旬|中旬|下旬|初|底|的一天)?")


def case_time(document: Document, fact: Fact) -> str:
    """When the case happened, with its year (今年5月 -> 2021年5月), from the sentence or the
    two before it in its paragraph; '' when the article does not say or the year is unknown."""
    sentence = fact.sentence
    texts = [
        s.analysis
        for s in document.sentences[max(0, sentence.index - 2) : sentence.index + 1]
        if s.paragraph == sentence.paragraph or s.index == sentence.index
    ]
    for text in reversed(texts):
        found = _CASE_TIME.search(text)
        if not found:
            continue
        said = found.group(0)
        year = document.year
        if said.startswith("今年") and year:
            return f"{year}年{said[2:]}"
        if said.startswith("去年") and year:
            return f"{year - 1}年{said[2:]}"
        if re.match(r"\d{4}年", said):
            return said
        return f"{year}年{said}" if year else ""
    return ""


def _scenario(document: Document, fact: Fact, facts: list[Fact]) -> list[Result]:
    victim = fact.attrs["victim"]
    intro = _victim(document, fact)
    when = case_time(document, fact)
    # 2021年5月，广元市朝天区的穆先生遭遇了网络诈骗: who, where and when, so the case stands
    # alone (the report lead adds whose report it is).
    told_when = f"{when}，" if when else ""
    span = (fact.start, fact.end)
    key = fact.attrs.get("situation_key", "general")
    form = fact.attrs["form"]
    shown = _shown(document, fact.start, fact.end)
    he = _pronoun(victim)
    if form == "discovery":
        wrong = list(situations()["discovery"]["wrong"])
        rng_for(fact.id, "discovery").shuffle(wrong)
        if key == "impersonation":
            stem = (
                f"{told_when}{intro}遇到了骗局：有人用{he}朋友的微信号向{he}借钱。"
                f"{victim}是怎样发现对方是骗子的？"
            )
        else:
            stem = f"{told_when}{intro}遭遇了网络诈骗。{victim}是怎样发现自己被骗的？"
        results = [_choice(fact, "discovery", stem, shown, wrong, span)]
        advised = any(
            f.kind == "advice"
            and f.attrs.get("situation_key") == key
            and f.attrs.get("form") == "do"
            for f in facts
        )
        if key == "impersonation" and not advised:
            # The article's own advice for this situation, when it gives one, is asked instead.
            first_wrong = list(situations()["impersonation"]["wrong"])
            rng_for(fact.id, "first").shuffle(first_wrong)
            stem = f"{intro}的经历提醒我们：如果朋友的微信号发来消息向你借钱，首先应当怎么做？"
            results.append(_choice(fact, "first", stem, shown, first_wrong, span))
        return results
    methods = [
        entry["method"].format(victim=he)
        for name, entry in situations().items()
        if "method" in entry and name not in (key, "general", "personal_info")
    ]
    rng_for(fact.id, "method").shuffle(methods)
    stem = f"{told_when}{intro}遭遇了网络诈骗。骗子是怎样骗{he}的？"
    if fact.attrs.get("curated"):
        # The case in the article's words; the answer is the curated account it supports.
        told = situations()[key]["method"].format(victim=he)
        posed = re.search(r"冒充([\u4e00-\u9fa5]{2,6}?)(?=[，,以])", aligned(told))
        claimed = re.search(r"(?:自称|冒充|假冒|假扮)“?([^”，。,]{2,14})", fact.sentence.analysis)
        if posed and claimed:
            role = posed.group(1)
            if not any(role[i : i + 2] in claimed.group(1) for i in range(len(role) - 1)):
                # 自称“泰衡人寿理赔专员” is not 冒充电商客服, whatever 理赔 and 屏幕共享 share
                # (round 32); 自称某购物平台客服 is.
                return []
            courier = situations()[key].get("courier_method")
            if courier and re.search(r"快递", claimed.group(1)):
                # 自称“快递客服”…包裹丢失，双倍赔偿: the courier's agent the victim was told of,
                # not an online shop's (round 41).
                told = courier.format(victim=he)
        return [_choice(fact, "case_method", stem, told, methods, span)]
    told = shown.replace("我", he)
    return [_choice(fact, "method", stem, told, methods, span)]


def advice_questions(document: Document, fact: Fact, facts: list[Fact]) -> list[Result]:
    """Candidate questions for an advice or scenario fact."""
    if fact.kind == "scenario":
        return _scenario(document, fact, facts)
    form = fact.attrs.get("form")
    if form in ("do", "dont"):
        return _action(document, fact, facts)
    if form == "slogan":
        return _slogan(document, fact, facts)
    if form == "report":
        return _report(document, fact)
    if form == "rule":
        return _rule(document, fact)
    if form == "regulation":
        return _regulation(document, fact)
    return []
