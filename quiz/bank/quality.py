"""How good a generated question is: a 0-100 score with the reasons behind it, and the shapes
that are bad by construction (dropped before they reach a bank).

The score starts from what the question tests (its *shape*: an advice or scenario question, a
key figure, the week's theme, a date, ... down to a catchword or a case code) and moves with
what a teacher would notice: a stem that does not say when or where, words pointing outside
the question (此次, 其间, 辖区), a victim's personal details, a very long stem, a judgement
that merely restates the sentence. :data:`REASONS` gives every code its Chinese explanation
for the organizer UI; codes never reach a student.

Questions scoring at least ``RECOMMEND_THRESHOLD`` (constants) are *recommended*; every
generated question stays a draft until an organizer approves it.

:func:`construction_problem` names the shapes that are never acceptable: a stem starting
mid-clause or naming no actor, an incomplete statement, an option printed in the stem, an
answer readable off the stem, a cloze on one item of an open list (…等), a false version made
by swapping a metaphor or negating a line, case codes and operation code names, and a speaker
that cannot be told for sure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .constants import BLANK
from .document import Document
from .extract.people import CITIZEN_RE, is_name, surnames
from .facts import Fact
from .lexicon import places
from .recommend import VETO_PENALTY, VETO_REASONS, precision_vetoes
from .stem_anchor import place_anchored, time_anchored
from .stem_text import CONDITION_ONLY, aligned, without_report_lead
from .textutil import compare_key

# code -> Chinese explanation (what the organizer sees next to the score).
REASONS: dict[str, str] = {
    # shapes (the base score)
    "shape_advice": "考查防范建议（应当怎么做）",
    "shape_scenario": "考查情境应对或案例中的骗术",
    "shape_report": "考查举报、报警渠道",
    "shape_theme": "考查活动主题",
    "shape_hotline": "考查热线电话",
    "shape_formula": "考查防范口诀",
    "shape_figure": "考查关键数据",
    "shape_date": "考查时间",
    "shape_period": "考查统计时段",
    "shape_place": "考查地点",
    "shape_title": "考查发布的文件",
    "shape_title_other": "考查讲座、节目等的名称（偏记忆细节）",
    "shape_list": "考查文中列举的内容",
    "shape_list_item": "考查列举中的一项（多为一般词语，知识价值有限）",
    "shape_organisers": "考查主办、协办单位名单（偏记忆细节）",
    "shape_open_list": "考查文中列举的部分内容（原文列举以“等”结尾）",
    "shape_edition": "考查届次",
    "shape_award": "考查获奖情况",
    "shape_person": "考查人物姓名（偏记忆细节）",
    "shape_role": "考查人物职务（偏记忆细节）",
    "shape_principle": "考查法律原则或基本判断",
    "shape_rhetoric": "修辞性表述，知识价值低",
    "shape_catchword": "考查引号中的词语或口号，多为修辞",
    "shape_other": "其他类型",
    # adjustments
    "judge_restates": "判断题只是复述原句",
    "no_time": "题干未说明年份或活动",
    "no_place": "题干未说明地点或主体",
    "no_context": "题干没有交代所说的是谁、哪里或哪份文件",
    "report_lead": "题干以“据…报道”交代时间",
    "deixis": "题干含指代不明的词（此次、其间、辖区等）",
    "narrative_detail": "案例当事人的个人细节，不值得考查",
    "long_stem": "题干较长",
    "very_long_stem": "题干过长",
    "many_numbers": "题干中数字过多",
    "long_quote": "题干含大段引语",
    "connective_start": "题干以承接上文的词开头",
    "two_releases": "同一场合发布了多份文件",
    # shapes that are never acceptable (dropped; listed for the drop report)
    "mid_clause": "题干从句子中间开始或没有主语",
    "incomplete": "题干不是完整的句子",
    "distractor_in_stem": "干扰项出现在题干中",
    "answer_guessable": "答案可从题干直接看出",
    "open_list_cloze": "对以“等”结尾的列举中的一项出填空或单选，其他同类项也可能正确",
    "metaphor_swap": "错误版本只是替换了比喻或口号用词",
    "negated_rhetoric": "错误版本只是否定了一句修辞",
    "case_code": "案件编号不值得考查",
    "code_name": "专项行动代号不值得考查",
    "speaker_unsure": "无法确定说话人",
    "obvious_list_item": "题干列出了其余各项，答案一望而知",
    "schedule_line": "日程表里的一行（日期 主题日），由“某主题日是哪一天”一题考查",
    # precision vetoes (recommend.py): kept in the bank, never recommended
    **VETO_REASONS,
}

_SHAPES: tuple[tuple[str, str, int], ...] = (
    # (rule prefix, shape code, base score); first match wins.
    ("advice.report", "shape_report", 90),
    ("advice.scenario", "shape_scenario", 90),
    ("advice.", "shape_advice", 90),
    ("scenario.", "shape_scenario", 90),
    ("term.slogan", "shape_theme", 86),
    ("term.hotline", "shape_hotline", 84),
    ("term.app", "shape_hotline", 80),
    ("term.formula", "shape_formula", 82),
    ("term.day", "shape_date", 76),
    ("schedule.", "shape_date", 78),
    ("quantity.", "shape_figure", 80),
    ("date.period", "shape_period", 66),
    ("date.", "shape_date", 76),
    ("place.", "shape_place", 74),
    ("title.other", "shape_title_other", 60),
    ("title.", "shape_title", 80),
    ("edition.", "shape_edition", 76),
    ("award.", "shape_award", 70),
    ("enumeration.organisers.members", "shape_organisers", 74),
    ("enumeration.organisers", "shape_organisers", 60),
    ("enumeration.parallel", "shape_list", 76),
    ("enumeration.members", "shape_list", 78),
    ("enumeration.rule_item", "shape_list", 74),
    ("enumeration.plain_item", "shape_list_item", 64),
    ("enumeration.listed", "shape_open_list", 72),
    ("person.role", "shape_role", 50),
    ("person.", "shape_person", 56),
    ("statement.principle", "shape_principle", 78),
    ("statement.", "shape_rhetoric", 45),
    ("term.", "shape_catchword", 50),
)
_PENALTY = {
    "judge_restates": 6,
    "no_time": 18,
    "no_place": 18,
    "no_context": 25,
    "report_lead": 4,
    "deixis": 35,
    "narrative_detail": 35,
    "long_stem": 8,
    "very_long_stem": 18,
    "many_numbers": 10,
    "long_quote": 10,
    "connective_start": 30,
    "two_releases": 0,
    **dict.fromkeys(VETO_REASONS, VETO_PENALTY),
}
# Kinds whose facts are events or figures: their stems must say when and where.
EVENT_KINDS = {"quantity", "date", "place", "title", "edition", "award", "person", "enumeration"}
# Lists of an event (its organisers, days, places, outreach); other lists (crime types, advice)
# are not tied to a date.
_EVENT_LISTS = {"organization", "themed_day", "place", "outreach"}


def needs_anchor(fact: Fact) -> bool:
    """Whether a stem about ``fact`` must say when and where it happened."""
    if fact.kind == "enumeration":
        return fact.attrs.get("category") in _EVENT_LISTS
    return fact.kind in EVENT_KINDS


_DEIXIS_RE = re.compile(
    r"此次|本次|这次|本届|(?<![应])该(?![死])[\u4e00-\u9fa5]|其间|上述|(?<![院局])(?<!院及)(?<!局及)辖区|当天|当日|同日|"
    r"记者|笔者|本报|本台|本市|本区|本县|我市|我区|我县|我省|(?:^|，)(?:他|她|其)(?!他|它|中|间|实)|"
    r"(?:^|，)(?:本次|此次|该)?活动(?=由|在|以|于|吸引|共|邀请)"
)
_CONNECTIVE_RE = re.compile(
    r"^(?:随后|然后|接着|于是|事后|此后|之后|后来|其后|而且|并且|此外|另外|同时)"
)
# Figures, not the parts of a date (2021年10月11日).
_DAY_NAMES = frozenset(("校园日", "电信日", "法治日", "金融日", "青少年日", "个人信息保护日"))
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?(?![\d.]|年|月|日)")


@dataclass
class Assessment:
    """A question's score (0-100) and the codes explaining it."""

    score: int
    reasons: list[str] = field(default_factory=list)


_DOCUMENT_TITLE = re.compile(
    r"(?:报告|白皮书|蓝皮书|办法|条例|规定|法|倡议书|公约|案例|指南|清单|预案|意见|方案|规划|标准|"
    r"汇编|纲要|通知|决定|建议|手册)(?:[(（][^)）]*[)）])?》$"
)
_PRINCIPLE_RE = re.compile(r"法外之地|违法|犯罪|诈骗|法律|法规|责任|义务|权益|个人信息|安全账户")
_METAPHOR_RE = re.compile(
    r"家园|延伸|阵地|前沿|堤坝|防线|底线|净土|钱袋子|铜墙铁壁|一份子|桥梁|纽带"
)


# 三不一多 / 一不二要: a numbered formula of advice, in a sentence that asks people to remember it.
_ADVICE_FORMULA = re.compile(r"^[一二三四五六七八九十][不要][一二三四五六七八九十][不要多]$")
_ADVICE_FRAME = re.compile(r"做到|牢记|记住|谨记|遵循|口诀|原则")


def advice_formula(fact: Fact) -> bool:
    """三不一多 beside its four rules (要牢记“三不一多”：未知链接不点击，…): one answer. (A 不X不Y不Z
    formula alone - 要做到“____” - has others that fit: 不轻信、不透露、不转账.)"""
    after = fact.sentence.analysis[fact.end - fact.sentence.start :]
    return bool(
        _ADVICE_FORMULA.match(aligned(fact.text).strip('“”「」"'))
        and _ADVICE_FRAME.search(fact.sentence.analysis)
        and re.match(r"^[”」\"]?(?:原则|口诀)?[，,]?(?:即)?[:：]", after)
    )


def shape_key(rule: str, fact: Fact, document: Document) -> str:
    """The rule refined by what the fact is: term.slogan…, date.period…, statement.principle…"""
    kind, _, rest = rule.partition(".")
    if kind == "term":
        shape = fact.attrs.get("shape") or "term"
        if shape == "term" and re.match(
            r"^(?:APP|App|app|客户端|软件)", document.analysis[fact.end + 1 : fact.end + 5]
        ):
            shape = "app"
        if shape == "term" and fact.text in _DAY_NAMES:
            shape = "day"  # 9月12日是…“校园日”: which themed day a date is
        if shape not in ("slogan", "hotline", "app", "day") and advice_formula(fact):
            shape = "formula"  # 只要做到“不听、不信、不转账”，…: what to remember
        return f"term.{shape}.{rest}"
    if kind == "date" and fact.attrs.get("shape") == "period":
        return f"date.period.{rest}"
    if kind == "title" and not _DOCUMENT_TITLE.search(document.analysis[fact.start : fact.end]):
        return f"title.other.{rest}"  # a lecture's or a TV series' name, not a document
    if kind == "statement" and not rest.startswith("ordinal"):
        text = document.analysis[fact.start : fact.end]
        if _PRINCIPLE_RE.search(text) and not _METAPHOR_RE.search(text):
            return f"statement.principle.{rest}"
    if kind == "enumeration" and fact.attrs.get("category") == "organization":
        return f"enumeration.organisers.{rest}"
    if kind == "enumeration" and fact.attrs.get("category") == "themed_day" and fact.closed:
        # The week's six days (a day swapped for one that is not among them is a fact).
        return f"enumeration.members.{rest}"
    if kind == "enumeration" and rest.startswith("item"):
        # One item of a list: worth asking for a rule (不造谣、不信谣、不传谣) or crime types,
        # hardly for a list of generic words (机关、企业、媒体…) or catchwords.
        items = [document.analysis[a:b] for a, b in fact.items]
        category = fact.attrs.get("category")
        if category in ("advice", "crime") or all(i.startswith("不") for i in items):
            return f"enumeration.rule_item.{rest}"
        return f"enumeration.plain_item.{rest}"
    return rule


def _shape(key: str) -> tuple[str, int]:
    for prefix, code, base in _SHAPES:
        if key.startswith(prefix):
            return code, base
    return "shape_other", 55


def _outside_quotes(text: str) -> str:
    return re.sub(r"“[^”]*”|「[^」]*」", "“”", text)


def is_narrative(document: Document, fact: Fact) -> bool:
    """A sentence telling a victim's story (案例一：…, 家住…的刘女士…, 小陈…)."""
    sentence = fact.sentence
    if sentence.section >= 0 and re.match(
        r"^(?:案例|真实案例|典型案例|以案说法)", document.sentences[sentence.section].analysis
    ):
        heading = document.sentences[sentence.section]
        first_body = next(
            (s.paragraph for s in document.sentences[heading.index + 1 :] if not s.heading), -1
        )
        if sentence.paragraph == first_body:
            return True  # the case told right under its heading
    paragraph = [s for s in document.sentences if s.paragraph == sentence.paragraph]
    text = "".join(s.analysis for s in paragraph if s.start <= sentence.start)
    if re.search(r"^案例[一二三四五六七八九十\d]*[:：]", text):
        return True
    for match in CITIZEN_RE.finditer(text):
        if match.group("name")[:-2] in surnames():
            return True
    return bool(
        re.search(
            r"(?:^|[，。、\s])小(?:" + "|".join(surnames()) + r")(?![\u4e00-\u9fa5]{2})", text
        )
    )


def _has_context(document: Document, stem: str) -> bool:
    """Whether a stem names anyone or anything it is about: a place, a year or the week, a
    person, an organisation, a document or a quoted name."""
    text = aligned(stem)
    if place_anchored(document, stem) or time_anchored(document, stem):
        return True
    if re.search(
        r"《|“|[\u4e00-\u9fa5]{1,12}(?:局|厅|办|中心|委|院|分行|银行|公司|大学|学院|学校|平台)",
        text,
    ):
        return True
    return any(
        is_name(m.group(0))
        for m in re.finditer(r"[\u4e00-\u9fa5]{2,3}(?=表示|说|提醒|介绍|指出)", text)
    )


def _names_giver(document: Document, giver: str) -> bool:
    """Whether the words before 提醒 say who advises: a place or organisation with its place,
    or a named person (工作人员 alone does not)."""
    if place_anchored(document, giver):
        return True
    return any(is_name(m.group(0)) for m in re.finditer(r"[\u4e00-\u9fa5]{2,3}$", aligned(giver)))


_SUBJECTLESS_EVENT = re.compile(r"^在[^，。]{2,24}?(?:举办|举行|开展|召开|发布)")


def assess(question: dict, fact: Fact, document: Document) -> Assessment:
    """Score a generated question (see module docstring)."""
    rule = question["generator"]["rule"]
    shape, score = _shape(shape_key(rule, fact, document))
    reasons = [shape]
    stem = question["stem"]
    body = aligned(stem)

    def penalise(code: str) -> None:
        nonlocal score
        reasons.append(code)
        score -= _PENALTY[code]

    if question["type"] == "true_false" and question["answer"] == [0]:
        penalise("judge_restates")
    advice_like = rule.startswith(("advice.", "scenario."))
    # The report lead (据西安晚报2024年9月报道) says when, never where: 西安晚报 is no place.
    own_words = without_report_lead(stem)
    if needs_anchor(fact) and not advice_like:
        if not time_anchored(document, stem):
            penalise("no_time")
        elif question.get("_report_lead"):
            penalise("report_lead")
        if fact.kind != "place" and not place_anchored(document, own_words):
            penalise("no_place")  # (a place question blanks the place)
    elif advice_like:
        giver = re.split(r"提醒|说|的提醒", re.sub(r"^根据", "", own_words), maxsplit=1)[0]
        if not _names_giver(document, giver):
            penalise("no_context")  # 工作人员提醒… : nobody's advice
    elif not _has_context(document, own_words):
        penalise("no_context")
    if _SUBJECTLESS_EVENT.match(without_report_lead(body)):
        # 在鷺原市民中心廣場舉辦主題宣傳活動，並發佈《…》: who held it was cut off (round 17).
        penalise("no_context")
    scene = body
    if document.event:
        # <week>启动当天 names the day: no deixis left.
        scene = re.sub(re.escape(aligned(document.event)) + r"(?:启动|开幕)当[天日]", "", body)
    if _DEIXIS_RE.search(_outside_quotes(scene)):
        penalise("deixis")
    if not advice_like and is_narrative(document, fact):
        penalise("narrative_detail")
    length = len(stem.replace(BLANK, "__"))
    if length > 130:
        penalise("very_long_stem")
    elif length > 95:
        penalise("long_stem")
    if len(_NUMBER_RE.findall(_outside_quotes(body))) >= 5:
        penalise("many_numbers")
    if re.search(r"(?<!写道)[：:]“[^”]{28,}”", stem) and not advice_like:
        penalise("long_quote")
    if _CONNECTIVE_RE.match(without_report_lead(body)):
        penalise("connective_start")
    for code in precision_vetoes(question, fact, document, shape_key(rule, fact, document)):
        penalise(code)
    return Assessment(max(0, min(100, score)), reasons)


# --- shapes that are bad by construction -------------------------------------------------

_SUBJECTLESS_START = re.compile(
    r"^(?:成功|通过|即|设置|并|及|以及|而|但|还|也|又|就|将|已经|已|正在|共同|共(?=\d|计|有)|累计|先后|同时|对于|"
    r"对|由于|因此|所以|从而|进而|为了|为受|为群众|为网民|为广大|让|使|把|被|开展|举办|举行|侦办|侦破|"
    r"破获|抓获|打掉|收缴|冻结|查处|清理|推动|组织|发布(?!会)|表彰|推出|加强|提升|强化|坚持|持续|深入|"
    r"积极|应当|需要|可以|能够|不断|进一步|全力|切实|始终|向|给|集中|同步|随后|然后|接着|于是|事后|"
    r"最终|帮助|督促|配合|联合|会同|依托|拦截|发现|监测|处置|受理|完成|实现|达到|覆盖|吸引|接待|邀请|"
    r"宣读|颁发|签订|启动(?!仪式)|参观|观看|体验(?!区|馆)|展示(?!区)|成立(?!大会)|建立|建成|出台|印发|"
    r"召开|开设|设立|梳理|展望|采取|宣传(?!周|部|日)|普及|提高|增强|扩大|发动|筑牢|守住|守好|营造|"
    r"以“|以[\u4e00-\u9fa5]{1,12}为(?:主题|由)|于\d|是|为(?![\u4e00-\u9fa5]{0,3}(?:主题|人民))|"
    r"其中|其间|据此|"
    # 依法约谈网站平台38家，下架违规App 116款 (the subject, 全省网信部门, cut off: round 30)
    r"依法|约谈|下架|关停|紧急止付|便|遂|"
    # 四是建议下载“国家反诈中心”App: advice whose giver the list item does not say (round 32)
    r"建议|提醒|呼吁)"
)
# Clauses that only set the scene before the subject: they are skipped when looking for it.
_SCENE_CLAUSE = re.compile(
    r"^(?:据[^，]{0,24}(?:报道|消息|介绍|了解|悉|统计|通报|显示)|根据报道|根据[^，]{0,20}|"
    r"(?:近年来|近几年|目前|当前|如今|今后|下一步|当天|当日|同日|会上|现场|活动现场)|"
    r"[^，]{0,20}(?:期间|以来|现场|上|中|后|时|前|之际|方面|当天|当日)|"
    r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:上午|下午|晚)?(?:至\d{1,2}月(?:\d{1,2}日)?)?|"
    r"\d{4}年(?:以来|上半年|下半年|前三季度)?|截至[^，]{1,12}|自[^，]{1,12}起|"
    r"随着[^，]*|面对[^，]*|按照[^，]*|针对[^，]*|围绕[^，]*|为了[^，]*|为进一步[^，]*)$"
)


_SUBJECT_NOUNS = (
    "网络|网民|群众|市民|公众|居民|报告|白皮书|倡议书|公约|博览会|论坛|活动|大赛|竞赛|宣传周|主题日|"
    "校园日|电信日|法治日|金融日|青少年日|个人信息保护日|公安机关|警方|民警|骗子|诈骗分子|犯罪分子|"
    "受害人|学生|师生|同学|青少年|未成年人|家长|老人|我们|大家|各地|各级|各部门|全体|国家|中央|党|"
    "政府|企业|银行|平台|机构|部门|单位|学校|高校|媒体|记者|专家|教授|志愿者|代表|本届|今年|该|"
    "开幕式|启动仪式|仪式|会议|展区|展览|凡是|所有|任何|一些|部分|多数|其中|此外"
)
_ORG_START = re.compile(
    r"^[\u4e00-\u9fa5]{1,12}?(?:局|厅|办|中心|委|会|院|队|所|行|部|公司|集团|协会|平台|机构|部门|"
    r"学校|大学|学院|中学|小学|政府|法院|检察院|分局|支队|大队)"
)


def starts_with_subject(clause: str, document: Document) -> bool:
    """Whether a clause opens with something that can act: a place, a scope word, an
    organisation, a person, the week, a title or quotation, or a common subject noun."""
    text = clause.lstrip("“”‘’（(")
    if not text or text.startswith(("《", "“", "‘", BLANK[:2])):
        return True
    if re.match(rf"^(?:全|各|我|本|该|{_SUBJECT_NOUNS})", text):
        return True
    if any(text.startswith(name) for name in places() if len(name) >= 2):
        return True
    if document.event and text.startswith(aligned(document.event)):
        return True
    if _ORG_START.match(text) and not _SUBJECTLESS_START.match(text):
        return True
    citizen = CITIZEN_RE.search(text[:14])
    if citizen and citizen.group("name")[:-2] in surnames():
        return True  # 退休教师黄先生接到…
    name = re.match(r"^[\u4e00-\u9fa5]{2,3}?(?=表示|说|介绍|指出|强调|提醒|认为|告诉)", text)
    return bool(name and is_name(name.group(0)))


def _body_clauses(stem: str) -> list[str]:
    text = aligned(stem)
    text = re.sub(r"^根据报道，", "", without_report_lead(text))
    return [c for c in re.split(r"[，；：]", text) if c]


def subject_missing(stem: str, document: Document, *, cut_head: bool = False) -> bool:
    """The stem's first clause after its scene-setting leads starts with a verb, adverb or
    connective (成功冻结…, 通过对…, 即…, 设置…), or - when the frame dropped the start of its
    sentence - with anything but a subject (常态化开展…): it starts mid-clause or names no actor."""
    clauses = _body_clauses(stem)
    for clause in clauses:
        core = clause.lstrip("“”‘’（(")
        if core.startswith(BLANK[:2]):
            return False
        if _SCENE_CLAUSE.match(core) and clause is not clauses[-1]:
            continue
        counted = re.sub(r"^(?:最终|最后|目前|现已|已|共|累计)", "", core)
        if counted.startswith(BLANK[:2]) and counted != core:
            return False  # 最终____代表队进入决赛: the blanked count and its noun are the subject
        if _SUBJECTLESS_START.match(core):
            return True
        if re.match(r"^[\u4e00-\u9fa5]{1,6}?[省市县区](?:便|遂)", core):
            # 2024年，蘩州市便把自己的银行卡…借给对方: a place put where the cut subject (某高校大三
            # 学生小林) stood (round 34)
            return True
        return cut_head and not starts_with_subject(core, document)
    return False


_DANGLING_END = re.compile(
    r"(?:的|和|及|、|把|被|较|(?<![自理缘事])由|(?<![服遵盲听跟顺])从|(?<![参给赋授])与)$"
)
_LEAD_ONLY = re.compile(
    r"^(?:[^，。]{0,24}(?:当天|当日|期间|以来|现场|之际)|[^，。]{0,16}(?:开幕式|启动仪式|仪式|会议|大会|"
    r"发布会|会|活动)上|据[^，]{0,20}(?:介绍|了解|悉|统计|报道|消息)|"
    r"(?:\d{4}年)?\d{1,2}月(?:(?:至|到)(?:\d{4}年)?\d{1,2}月)?(?:\d{1,2}日)?(?:上午|下午|晚)?|近年来|目前|当前|"
    r"凡是[^都均]*|(?:正值|适逢|恰逢)[^，。]*)$"
)


# A clause that is only a coverb and its object (曹振宇结合…发布的《…通知》。): the verb it
# introduces (向学生讲解了…) was in the next clause, so the statement asserts nothing.
_COVERB_ONLY = re.compile(
    r"(?:结合|根据|按照|依据|围绕|针对|借助|对照|依托|紧扣|对照|参照|通过|利用|依照)[^，。；：]*》$|"
    # 通过开学第一课、情景剧表演…等形式。: the means, with what was done by them cut off
    r"^(?:通过|以|采取|借助|利用|采用)[^，。；：]*?(?:形式|方式|方法|途径|渠道|手段)$|"
    # …保险行业协会联合市内34家保险公司。: who acted with whom, and not what they did
    r"(?:联合|会同|携手|协同)[^，。；：]*?(?:公司|单位|部门|机构|企业|学校|社区)$|"
    # …强调，根据《中华人民共和国证券法》规定。: the source of a rule, with the rule cut off
    r"(?:根据|按照|依据|依照)[^，。；：]*》的?(?:有关|相关)?(?:规定|要求)$|"
    # 栖川市围绕校园日、…六个主题日。: around what, it says; what was done, it does not
    r"围绕[^，。；：]*(?:日|主题|方面|领域|问题|重点|工作)$|"
    # 作为2023年国家网络安全宣传周“法治日”的重点活动。: in what role, and not who did what
    # (round 21)
    r"^作为[^，。；：]*(?:活动|内容|举措|项目|环节|重点|之一|部分)$|"
    # 为深入开展2025年网络安全宣传周“金融日”活动。: what for, and not what was done
    r"^为(?:了)?(?:深入|进一步|更好|扎实|切实|全面)?[^，。；：]*(?:活动|工作|宣传)$|"
    # …施行的《中华人民共和国反电信网络诈骗法》明确规定。: what it provides was cut off
    # (a cloze is read with its blank as 答案)
    r"(?:》|答案)(?:也|还|同样|均)?(?:明确|专门)?(?:规定|指出|要求|强调)$|"
    # …自2021年11月1日起施行，法律规定。: the same, said of "the law"
    r"(?:^|[,，])(?:法律|该法|此法|这部法律|条例|该条例|办法|该办法)(?:也|还|同样|均)?(?:明确|专门)?"
    r"(?:规定|指出|要求|强调)$|"
    # 9月14日，在2024年国家网络安全宣传周“青少年日”主题活动现场。: where, and not what happened
    # (round 25)
    r"^在[^，。；：]*(?:现场|会上|期间|仪式上|活动中|活动上)$|"
    # 虽然有83.5%的家长认为“有必要管理孩子上网”。: the concession, with its 但… cut off
    r"^(?:虽然|虽|尽管|虽说)[^，。；：]*$|"
    # …超过2小时的学生占14.6%，到了周末。/ …，其中损失最多的一起。: a time or a case named, and
    # what it says of them cut off (round 28)
    r"^(?:而)?(?:到了|在)?(?:周末|节假日|假期|寒暑假|晚上|夜间|双休日)$|^其中[^，。；：]*的一(?:起|次|个|名|人)$|"
    # …拦截可疑退保申请19件；经过耐心沟通。: the means, with what it achieved cut off (round 26)
    r"^(?:经过|经|通过|借助)[^，。；：]{0,12}(?:沟通|劝说|劝阻|解释|核实|调解|努力|排查|走访|审查|审理|调查|侦查|研判)$"
)


_REPORT_VERB_END = re.compile(
    r"(?:反映|表示|介绍|透露|指出|提到|认为|发现|显示|坦言|称|说|告诉记者)$"
)


def statement_incomplete(statement: str) -> bool:
    """A statement is not a complete claim: it ends on a scene-setting clause (…当天。, 据介绍。,
    …1月至8月。), a dangling word, a coverb and its object (…结合《…通知》。), or a 凡是…
    without its 都是."""
    text = re.sub(r"这一说法是否正确[?？]?$", "", aligned(statement)).rstrip("。！？?!”")
    if not text:
        return True
    last = re.split(r"[，；：。]", text)[-1].strip("“”")
    if (
        _DANGLING_END.search(text)
        or _LEAD_ONLY.match(last)
        or _COVERB_ONLY.search(last)
        or CONDITION_ONLY.search(last)
    ):
        return True
    if re.search(r"[\u4e00-\u9fa5”]{3,}(?<![落滞最然此以今随其之过前])后$", last):
        return True  # 张阿姨按照“客服”提示操作后。: what happened next was cut off
    if _REPORT_VERB_END.search(last):
        return True  # 约有62%的受害人反映。: what they reported was in the next clause
    return bool(re.search(r"凡是", text)) and not re.search(
        r"凡是[^。；]*(?:都|均|一律|就是|必是)", text
    )


def _wrong_options(question: dict) -> list[str]:
    if question["type"] in ("fill_blank", "true_false"):
        return []
    answer = set(question["answer"])
    return [o for i, o in enumerate(question["options"]) if i not in answer]


def _bigrams(text: str) -> set[str]:
    key = compare_key(text)
    return {key[i : i + 2] for i in range(len(key) - 1)}


_RELEASE_RE = re.compile(r"([\u4e00-\u9fa5]{2,12}?)(?:发布|印发|公布|发出)了?$")


def _publisher_of(document: Document, title_start: int) -> str | None:
    """Who released the title at ``title_start`` (省委网信办发布了《…》), None when not released."""
    head = document.analysis[max(0, title_start - 16) : title_start]
    found = _RELEASE_RE.search(head)
    if not found:
        return None
    return re.split(r"[，。,上]", found.group(1))[-1]


def _released_alongside(document: Document, fact: Fact) -> bool:
    """Another document of the article was released by the same body (or the stem names none):
    发布了____ would have two right answers."""
    mine = _publisher_of(document, fact.start)
    if mine is None:
        return False
    titles = {m.start() for m in re.finditer(r"《", document.analysis)} - {fact.start}
    others = [p for p in (_publisher_of(document, at) for at in titles) if p is not None]
    return any(not other or not mine or other == mine for other in others)


_SCHEDULE_LINE = re.compile(r"[ \u3000]+(?:校园日|电信日|法治日|金融日|青少年日|个人信息保护日)")


def construction_problem(
    question: dict, fact: Fact, document: Document, *, cut_head: bool = False
) -> str | None:
    """The reason code when the question is bad by construction (see module docstring)."""
    rule = question["generator"]["rule"]
    stem = question["stem"]
    stem_key = compare_key(stem.replace(BLANK, "|"))
    if fact.kind == "term" and fact.attrs.get("shape") == "case":
        return "case_code"
    if fact.attrs.get("code_name"):
        return "code_name"
    if fact.kind == "date" and _SCHEDULE_LINE.match(document.analysis, fact.end):
        # 9月16日 校园日。: a programme line has no verb; the schedule fact asks which day it is.
        return "schedule_line"
    if rule.startswith("statement.copula_judge.false"):
        return "negated_rhetoric"
    if (
        fact.kind == "title"
        and question["type"] == "fill_blank"
        and _released_alongside(document, fact)
    ):
        return "two_releases"
    if rule.startswith("statement.ordinal") and "最" in stem:
        return "answer_guessable"
    if rule.startswith("term.judge.false") and fact.attrs.get("shape") not in ("slogan", "hotline"):
        return "metaphor_swap"
    if rule.startswith("term.choice") and fact.attrs.get("metaphor"):
        return "metaphor_swap"
    if (
        rule.startswith(("enumeration.item.", "enumeration.item_choice"))
        or rule == "enumeration.item"
    ):
        if not fact.closed:
            return "open_list_cloze"
        if fact.attrs.get("category") == "themed_day":
            return "obvious_list_item"
    if rule.startswith("enumeration.item_judge.false") and not fact.closed:
        return "open_list_cloze"
    if any(
        compare_key(option) and compare_key(option) in stem_key
        for option in _wrong_options(question)
    ):
        return "distractor_in_stem"
    if question["type"] == "fill_blank":
        answers = question["answer"][:1]
    elif question["type"] == "single_choice":
        answers = [question["options"][question["answer"][0]]]
    else:
        answers = []
    for answer in answers:
        # Chinese bigrams only: shared digits (2021年 / 200名) say nothing.
        grams = {g for g in _bigrams(answer) if re.fullmatch(r"[\u4e00-\u9fff]{2}", g)}
        if len(grams) >= 2 and len(grams & _bigrams(stem.replace(BLANK, "|"))) * 2 >= len(grams):
            return "answer_guessable"
    if rule.startswith(("advice.", "scenario.")):
        return None
    if re.match(r"^(?:他|她)(?!们)", aligned(stem)) or re.search(
        r"(?:^|[，。\u4e00-\u9fa5])(?:他|她)(?:还|也)?(?:表示|说|提醒|介绍|指出|强调)",
        aligned(_outside_quotes(stem)),
    ):
        return "speaker_unsure"
    if fact.kind == "date" and question["type"] != "true_false":
        body = aligned(stem.replace(BLANK, "〇"))
        others = re.findall(r"\d{1,2}月\d{1,2}日", body)
        # ____为校园日，9月11日为电信日: the programme's order gives the blanked day away.
        if len(others) >= 2 or (others and re.search(r"〇为[^，。]{2,8}日", body)):
            return "answer_guessable"
    if subject_missing(stem, document, cut_head=cut_head):
        return "mid_clause"
    if question["type"] == "true_false" and statement_incomplete(stem):
        return "incomplete"
    if question["type"] != "true_false" and statement_incomplete(stem.replace(BLANK, "答案")):
        return "incomplete"
    if question["type"] == "multiple_choice" and re.search(
        r"围绕哪些[^，。?？]*[?？]", aligned(stem)
    ):
        return "incomplete"  # 七天里，栖川市围绕哪些主题日？: around which days it did what?
    return None
