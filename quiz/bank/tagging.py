"""Which themed days a question belongs to: what it tests, through the topic map
``question_bank/themed_days.toml`` (see the comments there).

* Advice and scenario questions: the days of their fraud situation (``[situations]``) and of
  the advice's own words (如不慎被骗…拨打110报警 is about fraud and about the police).
* A fact whose clause names exactly one themed day (9月10日为校园日, 校园日的主题是…) is that
  day's question.
* Facts about the week itself - when and where it opens, its theme, organisers, list of days,
  edition - are ``general``: they fit any day's paper.
* Any other question: the keywords of its *tested text* - the answer and the clause stating
  it in the source (the clause before it too when that one is short) - without organisation
  names, people and roles, places, the week's name and the themed-day names. So a list of
  co-organisers (教育厅、省通信管理局、团省委…) is not a campus, telecom or youth question, and the
  awards of a 知识技能大赛 are not a campus question.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .constants import GENERAL_TAG, THEMED_DAYS
from .document import Document
from .extract.advice import list_audience, section_situation, situation_key, situations
from .extract.people import SPEAKER_RE
from .facts import Fact
from .layout import DATELINE_RE
from .lexicon import places, themed_day_names
from .quality import advice_formula
from .recommend import law_effective_date
from .stem_context import survey_source
from .stem_text import REPORT_LEAD, aligned
from .themes import ThemeMap

_ORG_RE = re.compile(
    r"[\u4e00-\u9fa5]{0,12}?(?:宣传部|网信办|教育厅|教育局|公安厅|公安局|分局|通信管理局|广电局|"
    r"总工会|团省委|团市委|共青团[\u4e00-\u9fa5]{0,8}|妇联|人民银行[\u4e00-\u9fa5]{0,6}?分行|分行|"
    r"监管局|管理局|信息化厅|[\u4e00-\u9fa5]{1,6}部(?=[、，,和与及等])|[\u4e00-\u9fa5]{1,8}(?:厅|局|委|办|中心)"
    r"(?=[、，,和与及等联主承协指]))"
)
_INCIDENTAL_RE = re.compile(
    r"[\u4e00-\u9fa5]{0,8}(?:学生|大学生|青年|师生|教师)代表|退休教师|退休职工|大学同学|同学的|"
    r"(?:进|走进)(?:校园|学校|课堂)|高校多|[\u4e00-\u9fa5]{2,10}(?:大学|学院|中学|小学)(?=的|学生|代表)|"
    # 接到…投诉举报1360余件: the complaints a regulator receives are its caseload, not the law
    r"投诉举报|"
    # 受理网络违法和不良信息举报1.2万件: the reporting centre's caseload (12377), not the law
    # (round 35)
    r"违法和不良信息|"
    # 编造“某学校食堂饭菜有毒”的虚假信息: an unnamed school in a rumour is its scene (round 22)
    r"某(?:学校|小学|中学|高校|大学)"
)
_WEEK_WORDS = re.compile(r"宣传周|开幕|启动仪式|启动|主题日|开幕式|闭幕")
_WEEK_KINDS = {"date", "place", "edition"}


@lru_cache(maxsize=1)
def _place_re() -> re.Pattern:
    names = sorted((n for n in places() if len(n) >= 2), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def _strip_context(document: Document, text: str) -> str:
    """The tested text without organisations, people, places, the week and day names."""
    text = SPEAKER_RE.sub("", text)
    text = _ORG_RE.sub("", text)
    # 集资诈骗 is a fundraising crime (金融日, 法治日), not a telecom fraud (round 23)
    text = text.replace("集资诈骗", "集资犯罪")
    if document.event:
        text = text.replace(aligned(document.event), "")
    text = re.sub(
        r"(?:\d{4}年)?(?:[\u4e00-\u9fa5]{2,6}?(?:省|市))?(?:国家)?网络安全宣传周", "", text
    )
    for name in themed_day_names():
        text = text.replace(name, "")
    # Who someone is and where outreach goes are not what a question tests: 学生代表宣读…,
    # 退休教师黄先生…, 进校园、进社区 (a campus word there is no campus question).
    text = _INCIDENTAL_RE.sub("", text)
    return _place_re().sub("", text)


def _clause_text(document: Document, fact: Fact) -> str:
    clauses = document.clauses(fact.sentence)
    for index, clause in enumerate(clauses):
        if clause.start <= fact.start < clause.end:
            text = DATELINE_RE.sub("", clause.analysis) if index == 0 else clause.analysis
            previous = clauses[index - 1].analysis if index else ""
            if index == 1 and DATELINE_RE.match(previous + "："):
                previous = ""  # 西安晚报 记者 赵琳 报道：9月10日，…
            if len(text) < 10 and previous:
                text = previous + "，" + text
            elif len(text) < 10 and index + 1 < len(clauses):
                text += "，" + clauses[index + 1].analysis  # 9月10日，…校园日活动在…举行
            if fact.end > clause.end:
                text += document.analysis[clause.end : fact.end]
            return text
    return document.analysis[fact.start : fact.end]


def _names_a_day(document: Document, fact: Fact) -> bool:
    """A date whose clause names exactly one themed day (9月10日为校园日)."""
    clause = _clause_text(document, fact)
    return sum(name in clause for name in THEMED_DAYS.values()) == 1


# The situation a hotline is for: 发现孩子可能卷入违法犯罪活动时 / 遇到问题 / 接到…来电
_WHEN_CLAUSE = re.compile(r"^(?:如果|如|若|一旦|当|发现|遇到|如遇|接到|收到)")
_OFFENDERS = re.compile(
    r"涉案人员|犯罪嫌疑人|被告人|起诉|判处|罪犯|犯罪活动案件|受理[^，。]{0,12}案件|\d+件\d+人"
)


def _clauses_before(document: Document, fact: Fact) -> list[str]:
    return [c.analysis for c in document.clauses(fact.sentence) if c.end <= fact.start]


def is_about_the_week(document: Document, fact: Fact) -> bool:
    """A fact about the week itself: its dates, place, theme, organisers, days or edition."""
    clause = _clause_text(document, fact)
    if fact.kind == "enumeration":
        return fact.attrs.get("category") in ("themed_day", "organization") and bool(
            re.search(r"主办|举办|联合|开展|主题日|承办|协办", fact.sentence.analysis)
        )
    if fact.kind == "term":
        return fact.attrs.get("shape") == "slogan"
    return fact.kind in _WEEK_KINDS and bool(_WEEK_WORDS.search(clause))


def _keyword_days(themes: ThemeMap, document: Document, text: str) -> list[str]:
    days = themes.tag(_strip_context(document, text))
    return [] if days == [GENERAL_TAG] else days


_LAW_NAME = re.compile(
    r"《[^《》]{2,24}?法》|(?:个人信息保护|数据安全|网络安全|反电信网络诈骗|未成年人保护)法"
)


def _law_names(question: dict, text: str, *, about_the_law: bool = False) -> str:
    """The tested text with law names read as "法律": 《数据安全法》 is a law, not a data or
    privacy question; 《个人信息保护法》, 《反电信网络诈骗法》 and 《未成年人保护法》 keep their words
    (privacy, telecom fraud, minors) only when the question tests them (the answer, or the claim
    of a true/false)."""
    if question["type"] == "true_false":
        tested = aligned(question["stem"])
    elif question["type"] == "fill_blank":
        tested = aligned(" ".join(question["answer"]))
    else:
        tested = aligned(" ".join(question["options"][i] for i in question["answer"]))

    def law(match: re.Match) -> str:
        name = match.group(0)
        # (《反电信网络诈骗法》对银行业金融机构…提出了明确要求 is 电信日's too, and
        # 《未成年人保护法》设立了“网络保护”专章 青少年日's, round 25)
        for subject in ("个人信息保护法", "反电信网络诈骗法", "未成年人保护法"):
            if subject in name and (subject in tested or about_the_law):
                # (when 《个人信息保护法》 took effect is a question about that law, round 40)
                return name
        return "法律"

    return _LAW_NAME.sub(law, text)


def _list_topic_words(fact: Fact) -> bool:
    """Whether a tips list's heading names a topic (四、防沉迷) rather than counting its items."""
    heading = aligned(fact.attrs.get("heading", ""))
    return not re.search(r"^(?:以下|下面|如下)|[一二三四五六七八九十\d]+(?:条|要)", heading)


_HEAD_COUNT = re.compile(r"(?:名|人|个|伙)$")
_FINANCE_TOPIC = re.compile(
    # (资金结算 in a list of the services a gang sold is laundering, police work: round 20)
    r"银行|金融|理财|投资|集资|保险|退保|保单|理赔|证券|股票|基金|期货|贷款|资金(?!结算)|账户|转账|止付|"
    r"冻结"
)
_FINANCE_SCAMS = re.compile(
    r"代理退保|非法集资|非法荐股|虚假投资|投资理财诈骗|理财诈骗|非法证券|非法期货"
)
_RETURNED_TO_VICTIMS = re.compile(
    r"(?:发还|返还|退还)[^。；]{0,20}(?:追回|被骗|受骗|涉案)?(?:资金|款)"
)
_BANKING = re.compile(r"银行|金融|理财|投资|集资|保险|证券|账户|止付|冻结|支付")
_FRAUD_FIGURES = re.compile(
    r"电信网络诈骗|电信诈骗|电诈|网络诈骗|反诈|涉诈|(?<!集资)诈骗案件|诈骗警情|"
    # 查处伪基站案件12起，…缴获设备15套 / 清理…物联网卡12.6万张: the telecom network's own crimes
    r"伪基站|物联网卡|电话卡|猫池"
)


def _stated_situation(question: dict) -> str:
    """The key of the curated situation whose phrase the stem states (有人在网上低价卖游戏装备…:
    ``game``; 面对电话、网络诈骗: ``general``, the fraud's), '' for none."""
    stem = aligned(question["stem"])
    for key, situation in situations().items():
        phrase = situation.get("phrase")
        if phrase and aligned(phrase) in stem:
            return key
    return ""


def _for_minors(document: Document, sentence) -> bool:
    """Whether the list holding ``sentence`` addresses minors (【给青少年】, not 【给家长】)."""
    return bool(re.search(r"青少年|未成年|少年|儿童|孩子", list_audience(document, sentence)))


def _finance_day_source(document: Document) -> bool:
    """Is the article a bank's own release, or a report on a finance day?"""
    title = aligned(document.article.title or "")
    return bool(_BANK.search(aligned(document.article.publisher or ""))) or "金融日" in title


def _with_finance_of_a_bank(document: Document, days: list[str]) -> list[str]:
    """A fraud tip's days, with 金融日 when a bank gives it or a finance-day report carries it
    (华汇银行琮湑分行: 不要把验证码、密码告诉任何人 / 不要相信…贷款广告 guard the customers'
    money, round 42). A tip of no day's words stays general."""
    if not days or days == [GENERAL_TAG] or not _finance_day_source(document):
        return days
    return [code for code in THEMED_DAYS if code in {*days, "finance"}]


def tag_question(themes: ThemeMap, question: dict, fact: Fact, document: Document) -> list[str]:
    """The themed days of a question (see module docstring), in programme order."""
    if fact.kind == "advice" and fact.attrs.get("numbered"):
        # A tips list's item is about its section (四、防沉迷 / 位置与照片), whatever fraud words
        # it lacks: the keywords of the heading and the item decide, any day.
        # (接到96110来电 + 一定要接听: a long item's clause says its situation, round 35)
        text = "，".join(
            (
                fact.attrs.get("heading", ""),
                fact.attrs.get("situation", ""),
                document.analysis[fact.start : fact.end],
            )
        )
        days = _keyword_days(themes, document, aligned(text))
        if not days and fact.attrs.get("situation"):
            # 签任何“培训”协议前 + 逐页看清合同内容: a long item's clause says its situation.
            days = list(themes.situations.get(fact.attrs.get("situation_key", "general"), ()))
        if not days and fact.attrs.get("heading") and not _list_topic_words(fact):
            # 以下是十条实用提示： names no topic: the situation most of its items are about
            # (ten tips on apps, passwords and 快递单 are a personal-information list).
            days = list(themes.situations.get(section_situation(document, fact.sentence), ()))
            days = [] if days == themes.situations.get("general") else days
        if _for_minors(document, fact.sentence):
            # 【给青少年】 + 要—— + 1.要设置复杂密码…: the list's audience is the youth day's
            # (round 26).
            days = [code for code in THEMED_DAYS if code in {*days, "youth"}]
        stated = _stated_situation(question)
        if stated:
            # …提醒：有人在网上低价卖游戏装备或免费送皮肤，下列做法错误的是？: the situation the
            # stem states is what the item is asked about (a mixed list's item, round 25).
            named = {*days, *themes.situations.get(stated, ())}
            days = [code for code in THEMED_DAYS if code in named][: themes.general_above]
        return _with_finance_of_a_bank(document, days) or [GENERAL_TAG]  # (no day's words: a
        # general tip, not a fraud situation)
    if (
        fact.kind == "term"
        and fact.attrs.get("shape") == "hotline"
        and fact.text in ("110", "96110")
        and re.search(r"诈骗|骗|冒充|可疑|核实|自称", fact.sentence.analysis)
    ):
        # 接到自称公检法的电话，先挂断，…拨打110核实: anti-fraud advice, the telecom day's (with
        # the law, finance or privacy words of its clause).
        extra = set(_keyword_days(themes, document, _clause_text(document, fact)))
        days = {"telecom"} | (extra & {"law", "finance", "privacy"})
        if _finance_day_source(document):
            # 湉嶅农商银行…“金融日”: a bank's advice to its customers guards their money, the
            # finance day's as much as the telecom day's (round 40).
            days.add("finance")
        return [code for code in THEMED_DAYS if code in days]
    if fact.kind == "term" and advice_formula(fact):
        # 要牢记“三不一多”：未知链接不点击，…: an anti-fraud rule, tagged as advice is.
        extra = set(_keyword_days(themes, document, _clause_text(document, fact)))
        days = set(themes.situations.get("general", ())) | (extra & {"law", "finance", "privacy"})
        return [code for code in THEMED_DAYS if code in days][: themes.general_above]
    if fact.kind in ("advice", "scenario"):
        form = fact.attrs.get("form")
        text = document.analysis[fact.start : fact.end]
        if form == "report" or re.search(r"报警|举报|报案", text):
            key = "report"
        else:
            # A rule is about what it says (公检法机关不会通过电话办案: the fake-police situation),
            # not about the rest of its sentence.
            key = fact.attrs.get("situation_key") or situation_key(text)
        # The situation decides; the advice's own words may add the law, finance or privacy
        # day (报警, 转账, 个人信息) - never campus or youth for a word like 同学.
        extra = set(_keyword_days(themes, document, _clause_text(document, fact)))
        if fact.kind == "scenario" and key != "general":
            # How a named victim was tricked tests the trick: 王女士…输入银行卡号…被转走 is the
            # fake customer-service situation's, not the finance day's (round 22).
            extra = set()
        days = set(themes.situations.get(key, ())) | (extra & {"law", "finance", "privacy"})
        ordered = [code for code in THEMED_DAYS if code in days]
        return _with_finance_of_a_bank(document, ordered[: themes.general_above]) or [GENERAL_TAG]
    if (
        fact.kind == "title"
        and (
            re.search(r"倡议|公约|承诺|宣言", document.analysis[fact.start : fact.end])
            # 开幕式上发布了《…应急预案》和《…个人信息保护十大典型案例》: what the week's ceremony
            # released is the week's news, whatever its title's words (round 41)
            or re.search(
                r"(?:开幕式|启动仪式|启动式|开幕)(?:上|现场|期间)?[^。；]{0,12}?发布",
                document.analysis[fact.sentence.start : fact.start],
            )
        )
    ):
        return [GENERAL_TAG]  # the release of an initiative is about the week, not a day
    if fact.kind == "schedule" or (fact.kind == "date" and _names_a_day(document, fact)):
        # 9月13日为金融日 / ____为校园日: the week's schedule, which fits any day's paper (rounds
        # 5 and 6 read a themed day's date as the week's, not as that day's topic).
        return [GENERAL_TAG]
    if aligned(document.analysis[fact.start : fact.end]).strip('“”"') in THEMED_DAYS.values():
        # 9月18日是…宣传周的“____” (个人信息保护日): which day falls when is the schedule too.
        return [GENERAL_TAG]
    named = [code for code, name in THEMED_DAYS.items() if name in _clause_text(document, fact)]
    if len(named) == 1:
        return named  # 校园日的主题是… / 校园日活动在…举行: a question about that day
    if is_about_the_week(document, fact):
        return [GENERAL_TAG]
    clause = _clause_text(document, fact)
    about_the_law = fact.kind == "date" and law_effective_date(fact)
    if about_the_law:
        # 《个人信息保护法》于…通过，自____起施行: the law the date is of, from its own clause.
        before = fact.sentence.analysis[: fact.start - fact.sentence.start]
        clause = "".join(_LAW_NAME.findall(before)[-1:]) + clause
    text = _law_names(question, clause, about_the_law=about_the_law)
    if fact.kind == "term" and fact.attrs.get("shape") == "hotline":
        # 发现孩子可能卷入违法犯罪活动时，请…拨打12309检察服务热线: when to call is part of what is
        # tested (round 27: the youth day was missing).
        clauses = document.clauses(fact.sentence)
        here = next((i for i, c in enumerate(clauses) if c.start <= fact.start < c.end), 0)
        # (4. 收到骚扰电话和诈骗短信，要…向12321举报: a list item's number first, round 33)
        before = (
            re.sub(
                r"^(?:\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、)\s*",
                "",
                clauses[here - 1].analysis,
            )
            if here
            else ""
        )
        if here and _WHEN_CLAUSE.match(before):
            text = _law_names(question, before + "，" + text)
    days = _keyword_days(themes, document, text)
    if not days and fact.kind == "quantity":
        # 共接获涉及未成年人网络游戏充值的投诉157宗，涉及金额约46万元: an amount whose own
        # clause names nothing is about what the clauses before it count (…非法证券期货活动的
        # 投诉举报1360余件，同比增长12.4%，其中涉及非法荐股的占比约58%: the nearest that names
        # a topic).
        for clause in reversed(_clauses_before(document, fact)):
            days = _keyword_days(themes, document, _law_names(question, clause))
            if days:
                break
    if question["type"] == "true_false" and fact.kind == "quantity":
        # A true/false on a figure claims its whole statement (各中小学共开展主题班会约860节，
        # 发放《…手册》2万余册): the days of the statement's other clauses count too.
        claim = re.sub(
            rf"^(?:{REPORT_LEAD})|《[^》]*》|这一说法是否正确[?？]?$",
            "",
            aligned(question["stem"]),
        )
        days = [
            code for code in THEMED_DAYS if code in {*days, *_keyword_days(themes, document, claim)}
        ]
    if "campus" in days and _OFFENDERS.search(fact.sentence.analysis):
        # 涉案人员…其中在校学生81人 / 受理帮信案件67件112人，其中在校学生19人: who the offenders
        # are, a law-day figure, not a campus question (round 27: 法治日 was missing too).
        days = [code for code in THEMED_DAYS if code in ({*days} - {"campus"}) | {"law"}]
    if (
        "finance" in days
        and fact.kind == "quantity"
        and _HEAD_COUNT.search(aligned(fact.text))
        # (为诈骗团伙提供转账洗钱、引流推广服务的…团伙: the services a gang sold, round 22)
        and not _FINANCE_TOPIC.search(
            re.sub(r"提供[^，。；]{0,30}?服务", "", _clause_text(document, fact))
        )
    ):
        # 打掉为诈骗团伙提供“两卡”的帮信犯罪团伙9个 / 打击处理“两卡”违法犯罪人员10万余名: a count
        # of gangs or offenders is police work, whatever the cards they traded.
        days = [day for day in days if day != "finance"] or ["law"]
    if fact.kind == "quantity" and _FINANCE_SCAMS.search(
        document.analysis[fact.sentence.start : fact.end]
    ):
        # 移送涉嫌“代理退保”黑产线索23条，…抓获犯罪嫌疑人31名: figures on a financial scam
        # are the finance day's, whichever clause holds them.
        days = [code for code in THEMED_DAYS if code in {*days, "finance"}]
        if not _TELECOM_FRAUD.search(document.analysis[fact.sentence.start : fact.sentence.end]):
            # 关闭涉嫌非法荐股的微信群、QQ群及自媒体账号520余个: where the groups met is not the
            # telecom day's; the securities enforcement is the finance day's (round 38).
            days = [day for day in days if day != "telecom"]
    if (
        "finance" in days
        and fact.kind == "quantity"
        and _RETURNED_TO_VICTIMS.search(fact.sentence.analysis)
        and not _BANKING.search(fact.sentence.analysis)
    ):
        # 为受诈骗的网民集中发还了72万元追回资金: money the police recovered for fraud victims is
        # the fraud's and the law's, not the finance day's (round 25, three readers of three).
        fraud = {"telecom"} if re.search(r"诈骗|被骗|受骗", fact.sentence.analysis) else set()
        days = [code for code in THEMED_DAYS if code in ({*days} - {"finance"}) | fraud] or ["law"]
    if (
        "finance" in days
        and fact.kind == "quantity"
        and re.search(r"止付|冻结", fact.sentence.analysis)
        and (
            re.search(r"公安|警方|民警|反诈中心", fact.sentence.analysis)
            # 全县破获…案件87起，抓获犯罪嫌疑人132名，…紧急止付冻结涉案资金286.5万元 (round 31)
            or _POLICE_WORK.search(fact.sentence.analysis)
        )
        # (打掉…提供银行卡、电话卡的“两卡”团伙 names cards, not a bank: round 39)
        and not re.search(r"银行|金融|支付机构", re.sub(r"银行卡", "", fact.sentence.analysis))
        # (涉“两卡”嫌疑人79名 beside the freezing is the police's: only the figure's own clause)
        and "两卡" not in _clause_text(document, fact)
    ):
        # 蒲坞县公安局累计止付、冻结涉案资金626万元: the police's anti-fraud figure, not the
        # finance day's (round 27; a bank's or the 金融 departments' freezing stays finance's).
        days = [code for code in THEMED_DAYS if code in ({*days} - {"finance"}) | {"telecom"}]
    # (…“两卡”团伙46个；止付冻结涉案资金…，返还被骗资金…: the part of the sentence the figure
    # is in, up to its semicolon, round 39)
    part = re.split(r"[;；]", document.analysis[fact.sentence.start : fact.end])[-1]
    part += re.split(r"[;；]", document.analysis[fact.end : fact.sentence.end])[0]
    cards = fact.kind == "quantity" and bool(re.search(r"断卡|两卡", part))
    if cards:
        # 在“断卡”行动中，…对其中358人依法实施了金融惩戒 / 打掉出租出售“两卡”团伙6个，抓获犯罪
        # 嫌疑人41名: the card crackdown's figures are law enforcement against telecom fraud, in
        # every clause of the sentence (round 41 tagged one clause telecom, the other law); the
        # finance day's only where the figure's own clause names a bank (or both cards).
        days = {*days, "telecom", "law"}
        if not re.search(r"银行|金融|支付|两卡", _clause_text(document, fact)):
            days.discard("finance")
        days = [code for code in THEMED_DAYS if code in days]
    if fact.kind == "quantity" and _FRAUD_FIGURES.search(
        document.analysis[fact.sentence.start : fact.end]
    ):
        # 破获电信网络诈骗案件412起，抓获犯罪嫌疑人538名: a figure that follows the telecom
        # fraud it counts, in its sentence, is a telecom-day figure whichever clause holds it.
        days = [code for code in THEMED_DAYS if code in {*days, "telecom"}]
    if (
        "law" in days
        and fact.kind == "quantity"
        and _CASE_TREND.search(aligned(question["stem"]))
        and not _ENFORCEMENT.search(aligned(question["stem"]))
    ):
        # 立案数同比下降23.6%，群众财产损失同比下降10.4%，打击治理工作取得阶段性成效: how many
        # frauds happened is the fraud's day, not the law's (round 20).
        days = [day for day in days if day != "law"] or ["telecom"]
    if (
        "law" in days
        and fact.kind == "quantity"
        and "telecom" in days
        and (
            _POLICE_WORK.search(_clause_text(document, fact))
            # …共受理电信网络诈骗警情412起，同比下降9.7%；破获电诈及关联案件138起: a stem that
            # carries the police's work beside the figure (round 29)
            or _POLICE_WORK.search(aligned(question["stem"]))
        )
        and not _JUDICIAL.search(document.analysis[fact.sentence.start : fact.sentence.end])
        and not cards
    ):
        # 全市公安机关共破获电信网络诈骗案件1,137起，抓获犯罪嫌疑人2,046名: how many fraud cases
        # the police solved is the fraud's day; the law's is what courts, prosecutors and the
        # statutes do (round 21, the fourth reviewer to say so).
        days = [day for day in days if day != "law"]
    if (
        "law" in days
        and fact.kind == "quantity"
        and _BANK_STOPS.search(document.analysis[fact.sentence.start : fact.end])
        and not _JUDICIAL.search(document.analysis[fact.sentence.start : fact.sentence.end])
    ):
        # 稷原农商银行…成功堵截电信网络诈骗和非法集资案件23起，为客户避免损失286.4万元: what a
        # bank stopped at its counters is the finance day's (and the fraud's), not the law's,
        # whatever 非法集资 weighs (round 30).
        days = [day for day in days if day != "law"] or ["finance"]
    if fact.kind == "quantity" and _BANK_STOPS.search(
        document.analysis[fact.sentence.start : fact.end]
    ):
        # 各网点柜面成功劝阻疑似受骗客户416人次: what a bank stopped at its counters is the
        # finance day's too (round 37).
        days = [code for code in THEMED_DAYS if code in {*days, "finance"}]
    if (
        "telecom" in days
        and "finance" in days
        and fact.kind == "quantity"
        and _BANK_STOPS.search(document.analysis[fact.sentence.start : fact.end])
        and not _TELECOM_CHANNEL.search(fact.sentence.analysis)
    ):
        # 棂山县一家农商银行网点还成功劝阻一名68岁老人向所谓“养老项目”汇款5万元: a pension scam
        # stopped at a bank's counter, with no call, message or app in it, is the finance day's
        # (round 32).
        days = [day for day in days if day != "telecom"]
    if (
        fact.kind == "quantity"
        and _BANK_ACCOUNTS.search(document.analysis[fact.sentence.start : fact.end])
        and (_BANK.search(document.article.publisher or "") or _BANK.search(fact.sentence.analysis))
    ):
        # 兴汇银行崧原省分行…识别涉诈可疑账户3862户 / 拦截可疑交易2.17万笔: a bank's own account
        # and transaction controls are the finance day's, not the telecom day's unless a call, a
        # message or an app is in the clause (round 37's reader).
        span = document.analysis[fact.sentence.start : fact.end]
        telecom = {"telecom"} if _CALLS_AND_APPS.search(span) else set()
        days = [
            code for code in THEMED_DAYS if code in ({*days} - {"telecom"}) | telecom | {"finance"}
        ]
    if fact.kind == "quantity" or "campus" in days:
        survey = survey_source(document, fact.sentence)
        if survey and _MINORS.search(aligned(survey)):
            # 《云溪区中小学生网络使用情况调查报告（2023）》显示，…上网超过两小时的学生占21.3%:
            # how minors use the internet is the youth day's, not the school's (round 21), and
            # so is every share of such a survey (…有22.5%的孩子在学龄前就开始独立使用平板电脑,
            # which names no day's word: round 25's league survey).
            days = [code for code in THEMED_DAYS if code in ({*days} - {"campus"}) | {"youth"}]
    if (
        "campus" in days
        and re.search(r"未成年|青少年", fact.sentence.analysis)
        and not _SCHOOL_LIFE.search(_clause_text(document, fact))
    ):
        # 以未成年人为对象的网络游戏类诈骗警情13起，…一名初一学生用家长手机先后转出6,000元: a
        # minor as a fraud's victim is the youth day's, whatever 学生 says (round 28).
        days = [code for code in THEMED_DAYS if code in ({*days} - {"campus"}) | {"youth"}]
    return days[: themes.general_above] or [GENERAL_TAG]


_TELECOM_FRAUD = re.compile(r"电信网络诈骗|电信诈骗|电诈|诈骗电话|诈骗短信|通信|运营商|电话卡")
# A bank by any of its names (a bank card is no bank).
_BANK_WORDS = r"银行(?!卡)|农商行|信用社|信用联社|支行|分行"
_BANK = re.compile(rf"{_BANK_WORDS}|支付机构|支付公司")
_BANK_ACCOUNTS = re.compile(r"账户|可疑交易|非柜面|销户|管控措施")
# How a scam reaches its victim: a call, a message, an app, a link.
_CALLS_AND_APPS_WORDS = r"电话|短信|来电|App|APP|app|网上|屏幕|微信|QQ|链接|二维码|96110"
_CALLS_AND_APPS = re.compile(_CALLS_AND_APPS_WORDS)
_BANK_STOPS = re.compile(
    rf"(?:{_BANK_WORDS}|网点|柜面)[^。；;]{{0,30}}?(?:堵截|拦截|劝阻|止付|识别|避免损失)"
)
# (通过“96110”预警劝阻、银行网点联动止付等措施: the warning line is a telecom channel, round 36)
_TELECOM_CHANNEL = re.compile(
    rf"{_CALLS_AND_APPS_WORDS}|电信|电诈|网络|线上|手机|涉诈|诈骗|受骗|被骗|预警劝阻"
)
_SCHOOL_LIFE = re.compile(r"校园|学校|课堂|班会|课程|教师|师生|开学|校内|校方")
_POLICE_WORK = re.compile(r"破获|侦破|抓获|打掉|捣毁|侦办|止付冻结|返还被骗|发还被骗")
_JUDICIAL = re.compile(
    r"法院|检察|起诉|公诉|判处|判决|审结|宣判|有期徒刑|罚金|刑事责任|法律|《[^》]*法》|条例|立法"
)
_MINORS = re.compile(
    # (面向全县37所中小学四年级至九年级学生开展的问卷调查: pupils, round 28)
    r"中小学生|青少年|未成年|少年儿童|儿童|小学生|中学生|初中生|中小学[^，。]{0,12}学生|[一二三四五六七八九]年级"
)


_CASE_TREND = re.compile(
    r"(?:发案|立案|警情|损失|被骗)[^，。；]{0,8}?(?:同比|环比)?(?:下降|上升|增长|减少|增加)"
)
_ENFORCEMENT = re.compile(r"破获|抓获|起诉|判处|逮捕|审结|判决|侦办|打掉|查处|受理")
