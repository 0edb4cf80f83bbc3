"""Advice, rules and cases: what the article tells a reader to do, and how victims were tricked.

Kind ``advice`` (``attrs['form']``):

* ``do`` / ``dont`` - one action of a piece of advice: ``务必通过电话或当面核实身份``, the lines
  of a tips text (``要：通过官方客服核实`` / ``不要：点击陌生人发来的退款链接``), the clauses after
  提醒/建议/提示/希望 (``不要在陌生网站填写……``). The answer span is the action without its
  modal (要/务必/请) or negation (不要/切勿); ``attrs['clause']`` is the whole clause.
  ``attrs['situation']`` is the clause saying when it applies (``亲友通过微信、QQ等方式借钱时``),
  else the section heading of a tips text; ``attrs['situation_key']`` the matching entry of
  ``data/situations.toml``; ``attrs['who']`` who gives the advice (``警方``, a speaker).
* ``report`` - where to report or call: ``及时向公安机关举报`` (span 公安机关).
* ``rule`` - a rule stated as fact: ``凡是要求先垫付资金的刷单兼职，都是诈骗``,
  ``公检法机关不会通过电话办案`` (``attrs['negation']`` is the span of 不会/不存在…).

Kind ``scenario`` - a victim's case (``attrs['form']``: ``discovery``, how the victim found out:
``给朋友打电话核实``; ``method``, how they were tricked: ``骗子盗用我朋友的微信号找我借钱``),
with the victim's name and ``situation_key``.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache

from ..document import Document
from ..facts import Fact
from ..lexicon import DATA_DIR
from ..segment import Sentence
from ..stem_text import aligned, display
from .common import make_fact
from .people import CITIZEN_RE, SPEAKER_RE, is_name, surnames


def _advice_fact(document: Document, sentence: Sentence, start: int, end: int, **fields) -> Fact:
    """An ``advice`` fact of kind ``advice`` on ``[start, end)`` (every extractor here but the
    scenarios makes one)."""
    return make_fact(document, sentence, "advice", "advice", start, end, **fields)


_ADVICE_VERB = re.compile(r"(提醒|建议|提示|呼吁|希望|告诫|倡导|叮嘱)")
# 季文澜说，遇到网络欺凌，不要默默忍受，也不要以牙还牙，应当第一时间截图保存证据: advice said,
# not announced: a situation right after the verb, then what (not) to do (round 29).
_SAID_ADVICE = re.compile(
    r"(说|表示|强调|指出)[,，:：](?=(?:如果|若|一旦|遇到|面对|发现|收到|接到|当)[^。;；]{2,30}?[,，]"
    r"(?:也|更|还|千万)?(?:不要|千万不要|切勿|应当|应该|要(?!求)|务必|一定要|请))"
)
_AUDIENCE = re.compile(
    r"^(?:广大|各位)?(?:市民|群众|人民群众|网民|居民|公众|同学们|同学|学生|家长|老年朋友|大家|消费者|用户|朋友们?)"
    r"(?:朋友)?[,，:：]?"
)
_DONT = re.compile(
    r"^(?:更|也|还|并|且|切记)?(?:不要|切勿|千万不要|千万别|别|不能|不可|严禁|不得|勿)"
)
_DO = re.compile(
    r"^(?:更|也|还|并|且)?(?:务必|一定要|要(?!求)|请务必|请(?!求)|应当|应该|应(?!用)|须|必须|需要|最好|可以|可(?!能)|要及时|及时|"
    r"第一时间)"
)
_SITUATION = re.compile(
    r"(?:时|后|前|的话)$|^(?:如|如果|若|一旦|遇到|遇|面对|发现|收到|接到|对于|凡是|当)"
)
_REPORT = re.compile(
    r"(?:向|到|通过|登录|拨打)(?P<channel>[\u4e00-\u9fa5A-Za-z0-9“”]{2,24}?)"
    r"(?:或[^,，。;；]{1,12}?)?(?:进行)?(?:举报|报警|报案|反映)(?!中心|平台|电话|热线|受理)"
)
_RULE = re.compile(r"凡是[^。;；]{2,60}?[,，]?(?:都是|均是|一律是|就是|一定是)[^。;；,，]{1,8}")
_NEGATED_RULE = re.compile(
    r"(?P<subject>公检法机关|公安机关|公检法|真正的公安机关|正规平台|正规机构|银行|警方|民警)"
    r"(?P<neg>不会|从不|绝不会|绝不|不存在)"
)
_SITUATION_THEN_ACTION = re.compile(
    r"^(?P<situation>(?:如|如果|若|一旦|遇到|面对|发现|收到|接到|当)?[^,，;；]{2,20}?(?:时|后|的话))"
    r"(?P<action>(?:请|要|务必|一定要|应当|应|千万|不要|切勿|别|可).{2,})$|"
    # 买卖游戏账号和装备一定要通过正规平台: a topic, then what to do about it.
    r"^(?P<topic>[^,，;；]{4,16}?)(?P<action2>(?:一定要|务必|千万不要|切勿|一定不要).{3,})$|"
    # 接到96110来电请务必接听: a situation opened by 接到/遇到… without 时.
    r"^(?P<event>(?:接到|收到|遇到|面对|发现)[^,，;；]{2,16}?)"
    r"(?P<action3>(?:请务必|请|务必|一定要|千万不要|千万|不要|切勿)[^,，;；]{2,})$|"
    # 在遇到强制收集信息时保留截图等证据: an advised action after 在…时 (the advice verb before).
    r"^(?:广大)?(?:市民|群众|网民|居民|公众|消费者|用户|家长|学生|大家)?在(?P<event2>(?:遇到|面对|发现|收到|接到)[^,，;；]{2,16}?时)(?P<action4>[^,，;；]{3,})$"
)
# The counter of an inline list (一是…；二是…) or of a sequence (其一，/ 首先，).
_ORDINAL_LEAD = re.compile(
    r"^(?:[一二三四五六七八九十]是|其[一二三四五六]是?[,，、]?|首先[,，]?|其次[,，]?|最后[,，]?)"
)
# A tips text: 要：…  /  不要：… lines.
_TIP_LINE = re.compile(
    r"^(?P<modal>要|不要|应|不应|可以|禁止)\s*[:：]|"
    # 1. 要通过游戏官方渠道充值；/ 4. 不要相信“免费领皮肤”：a numbered 要/不要 list item.
    r"^\d{1,2}[.．、]\s*(?P<nmodal>不要|要(?!求))"
)


def list_audience(document: Document, sentence: Sentence) -> str:
    """Whom the list holding ``sentence`` addresses, from the nearest heading above it (within
    three) that names an audience: 【给青少年】 -> 青少年, 【给家长】 -> 家长; '' if none."""
    seen = 0
    for other in reversed(document.sentences[: sentence.index]):
        if other.heading:
            audience = re.search(r"(?:给|致|写给|面向)([\u4e00-\u9fa5]{1,6})", other.analysis)
            if audience:
                return audience.group(1)
            seen += 1
            if seen == 3:
                break
    return ""


@lru_cache(maxsize=1)
def situations() -> dict[str, dict]:
    """The fraud situations of ``data/situations.toml`` (in file order)."""
    return tomllib.loads((DATA_DIR / "situations.toml").read_text(encoding="utf-8"))


def situation_key(text: str) -> str:
    """The first situation whose trigger occurs in ``text`` ('general' when none)."""
    for key, entry in situations().items():
        if any(word in text for word in entry.get("triggers", ())):
            return key
    return "general"


def _who(document: Document, sentence: Sentence, verb_at: int) -> str:
    """Who gives the advice: the text before the advice verb when it is short (警方, 民警,
    省公安厅副厅长钟立新), else ''."""
    head = document.analysis[sentence.start : verb_at]
    head = re.split(r"[,，。；:：]", head)[-1].strip("“”")
    if not head or len(head) > 24:
        return ""
    start = verb_at - len(head)
    return document.article.text[start:verb_at]


# An advised "action" that names no action (务必认真对待, 要高度重视): the only sensible-sounding
# option among wrong behaviours, so the answer is guessed from the options (round 40).
_VAGUE_ACTION = re.compile(
    r"(?:认真|高度|足够|引起)?(?:对待|重视|注意|留意|小心|当心|警惕)(?:起来)?|提高警惕|保持警惕"
)


def _strip_modal(text: str, pattern: re.Pattern) -> int:
    match = pattern.match(text)
    return match.end() if match else 0


def _action_fact(document, sentence, clause, form, situation, who, section_heading) -> Fact | None:
    text = clause.analysis
    skip = _strip_modal(text, _DONT if form == "dont" else _DO)
    body = text[skip:]
    body = re.sub(r"^(?:随意|随手|轻易)?", "", body) if form == "do" else body
    start = clause.start + skip
    if 2 <= len(body) < 4 and situation and form == "do":
        # 接到96110来电请务必接听: a short action keeps its 务必 (务必接听).
        start = clause.start + (1 if text.startswith("请") else 0)
        body = text[start - clause.start :]
    end = clause.end
    joined = (
        re.search(r"[、,，](?:也|更|还)?(?:不要|切勿|千万不要|别)", body)
        if form == "dont"
        else None
    )
    if joined:
        # 不要继续与对方联系、不要转账: two don'ts in one clause; the first is the advice (the
        # whole, with its second 不要 left in, read as a half-right wrong behaviour in round 40).
        body = body[: joined.start()]
        end = start + len(body)
    if len(body) < 4 or len(body) > 40 or re.search(r"[“”]$", body):
        return None
    if form == "do" and _VAGUE_ACTION.fullmatch(body):
        return None  # 务必认真对待: no action a student could tell from a wrong one
    key = situation_key(situation + section_heading + text)
    return _advice_fact(
        document,
        sentence,
        start,
        end,
        form=form,
        clause=(clause.start, clause.end),
        situation=situation,
        heading=section_heading,
        situation_key=key,
        who=who,
        verb_at=clause.start,
    )


def _heading_of(document: Document, sentence: Sentence) -> str:
    if sentence.section < 0:
        return ""
    heading = document.sentences[sentence.section]
    text = re.sub(
        r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])",
        "",
        heading.text,
    )
    return text.strip()


def section_situation(document: Document, sentence: Sentence) -> str:
    """The situation most items of a tips list's section are about (personal_info for ten tips
    on apps, passwords and 快递单), 'general' when none has half of them."""
    section = sentence.section
    keys = [
        situation_key(s.analysis)
        for s in document.sentences
        if s.section == section and s.index != section
    ]
    top = max(sorted(set(keys)), key=keys.count) if keys else "general"
    return top if top != "general" and keys.count(top) * 2 >= len(keys) else "general"


def _advice_units(document: Document, sentence: Sentence) -> list[Fact]:
    analysis = sentence.analysis
    tip = _TIP_LINE.match(analysis)
    clauses = document.clauses(sentence)
    who = ""
    first = 0
    numbered = _NUMBERED_ITEM.match(analysis)
    if (
        not numbered
        and sentence.section >= 0
        and _TIPS_HEADING.search(document.sentences[sentence.section].analysis)
        and re.search(r"[;；]$", analysis.rstrip())
        or (
            not numbered
            and sentence.section >= 0
            and sentence.section + 1 < sentence.index
            and _TIPS_HEADING.search(document.sentences[sentence.section].analysis)
            and (
                re.match(r"(?:不要|要(?!求))", document.sentences[sentence.index - 1].analysis)
                # 不透露。 + 不要随意在网上填写…: the item under its label line (round 25)
                or _ITEM_LABEL.match(document.sentences[sentence.index - 1].analysis)
            )
        )
    ):
        # 要下载安装…；/ 不要点击陌生短信中的链接…；: an unnumbered 要/不要 list under 警方提醒：
        numbered = re.match(r"(?=不要|要(?!求))", analysis)
    if numbered and (
        re.match(r"不要|要(?!求)", analysis[numbered.end() :])
        or (
            sentence.section >= 0
            and _TIPS_HEADING.search(document.sentences[sentence.section].analysis)
        )
        or tips_lead_above(document, sentence)
    ):
        return _numbered_tip(document, sentence, numbered)
    if tip:
        modal = tip.group("modal") or tip.group("nmodal")
        default = "dont" if modal.startswith(("不", "禁")) else "do"
        first = 0
    else:
        verb = _ADVICE_VERB.search(analysis) or _SAID_ADVICE.search(analysis)
        if not verb:
            return []
        verb_at = sentence.start + verb.start()
        who = _who(document, sentence, verb_at)
        if re.search(r"[这此该]", who):
            return []
        after = verb.end()
        first = next(
            (i for i, c in enumerate(clauses) if c.start >= sentence.start + after), len(clauses)
        )
        at = sentence.start + after
        if first and clauses[first - 1].start < at < clauses[first - 1].end - 3:
            # 她建议市民在遇到强制收集信息时保留截图: the advice starts inside the verb's clause.
            whole = clauses[first - 1]
            clauses = list(clauses)
            clauses[first - 1] = type(whole)(at, whole.end, document.analysis[at : whole.end])
            first -= 1
        default = ""
    # A tips text's heading names the situation (一、冒充电商物流客服); elsewhere it is a headline.
    heading = _heading_of(document, sentence) if tip else ""
    facts: list[Fact] = []
    situation = held = ""  # held: the last situation said in this piece of advice
    for index in range(first, len(clauses)):
        clause = clauses[index]
        text = clause.analysis
        if document.analysis[clause.start - 1 : clause.start] in (";", "；", "。"):
            situation = held = ""  # a new piece of advice
        ordinal = _ORDINAL_LEAD.match(text)
        if ordinal and ordinal.end() < len(text):
            # 提醒广大用户：一是收到12381预警短信时…；二是…: the list's counter is no part of the
            # situation (round 40 printed 一是 in the stem).
            clause = type(clause)(clause.start + ordinal.end(), clause.end, text[ordinal.end() :])
            text = clause.analysis
        split = _SITUATION_THEN_ACTION.match(text)
        advised = False
        if split:
            # 接到96110来电时请及时接听: the situation and the action share one clause.
            group, action = next(
                (g, a)
                for g, a in (
                    ("situation", "action"),
                    ("topic", "action2"),
                    ("event", "action3"),
                    ("event2", "action4"),
                )
                if split.group(g)
            )
            said = document.article.text[
                clause.start + split.start(group) : clause.start + split.end(group)
            ]
            # …，告诉老师和家长，必要时可以向平台投诉: 必要时 is still the situation before (round 29).
            if held and re.fullmatch(r"(?:在)?(?:必要|有必要|需要)的?(?:时|时候)", aligned(said)):
                situation = held
            else:
                situation = said
            advised = group == "event2" and not tip
            if group in ("topic", "event"):
                situation += "时"
            clause = type(clause)(
                clause.start + split.start(action), clause.end, split.group(action)
            )
            text = clause.analysis
        if index == first and not tip:
            trimmed = _AUDIENCE.sub("", text)
            if not trimmed:
                continue
            if trimmed != text:
                offset = len(text) - len(trimmed)
                clause = type(clause)(clause.start + offset, clause.end, trimmed)
                text = trimmed
        if index == first and tip:
            colon = re.match(r"^(?:要|不要|应|不应|可以|禁止)\s*[:：]\s*|^\d{1,2}[.．、]\s*", text)
            if colon:
                clause = type(clause)(clause.start + colon.end(), clause.end, text[colon.end() :])
                text = clause.analysis
        if _SITUATION.search(text) and not _DONT.match(text) and not _DO.match(text):
            situation = document.article.text[clause.start : clause.end]
            continue
        if _DONT.match(text):
            form = "dont"
        elif _DO.match(text) or default == "do" or (split and advised):
            form = "do"
        elif default == "dont":
            form = "dont"
        else:
            situation = ""
            continue
        held = situation or held
        fact = _action_fact(document, sentence, clause, form, situation, who, heading)
        if fact is not None:
            facts.append(fact)
    return facts


# A numbered list item (1. / 一、) and the headings of a tips list (小贴士：…, “要”与“不要”).
_NUMBERED_ITEM = re.compile(
    r"^(?:\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、|——|[一二三四五六七八九十]是)\s*"
)
_TIPS_HEADING = re.compile(
    r"小贴士|小提示|温馨提示|提示|提醒|建议|要与不要|“要”与“不要”|“要”和“不要”|防范|做到这几点|"
    # 【警方提醒】 + 要做到： / 不要做： over the 要…；/ 不要…； lines (round 27)
    r"^(?:要|不要)(?:做到|做|这样做)?\s*[:：]?$"
)
_ITEM_DONT = re.compile(
    r"^(?:不要|千万不要|切勿|禁止|严禁|勿|别|不(?=随意|轻易|要|在|把|向|给|点|扫|接|转|泄|透|填|下载|安装|参与|相信|"
    # 不出租、出借、出售本人银行卡 (round 39)
    r"出租|出借|出售|租借|借用|买卖|帮助))"
)
# A tips item's label on a line of its own: 不轻信。 / 不透露。
_ITEM_LABEL = re.compile(r"^[\u4e00-\u9fa5]{2,5}[。.]$")
_ITEM_DO = re.compile(r"^(?:要(?!求)|应当|应该|应|请|务必|一定要)")


def tips_lead_above(document: Document, sentence: Sentence) -> bool:
    """Whether the line above a numbered list (past its other items) is a tips lead ending in a
    colon: 学院保卫处也在活动中向同学们发出提醒： + 一是…；二是…；三是… (round 39)."""
    for other in reversed(document.sentences[max(0, sentence.index - 12) : sentence.index]):
        if _NUMBERED_ITEM.match(other.analysis):
            continue
        text = other.analysis.rstrip()
        return text.endswith((":", "：")) and bool(re.search(r"提醒|提示|建议", text))
    return False


def _tips_topic(document: Document, sentence: Sentence) -> str:
    """小贴士：守护个人信息 做到这几点 -> 守护个人信息 (in the article's script); '' if the heading
    is not of that form."""
    if sentence.section < 0:
        return ""
    heading = document.sentences[sentence.section]
    key = heading.analysis
    match = re.match(
        r"^[【\[]?(?:小贴士|小提示|温馨提示|提示)[:：]\s*(.+?)\s*(?:要?做到这几点|请注意)?[】\]]?$",
        key,
    )
    if not match:
        return ""
    return display(
        document.article.text[heading.start + match.start(1) : heading.start + match.end(1)]
    )


def _numbered_tip(document: Document, sentence: Sentence, item: re.Match) -> list[Fact]:
    """``3. 要在听到“账号冻结”等说法时，第一时间告诉家长；`` / ``二、谨慎授予APP权限…；`` under a
    tips heading: the whole item is one piece of advice (its clauses are not advice of their
    own), under its section heading. ``1. 要从官方应用商店下载应用程序；不要通过陌生链接…安装…``
    is two: the do and the don't."""
    start = sentence.start + item.end()
    end = sentence.end
    while end > start and document.analysis[end - 1] in ";；。.":
        end -= 1
    heading = _tips_topic(document, sentence) or _heading_of(document, sentence)
    cut = re.search(r"[;；](?=不要|千万不要|切勿|严禁|要(?!求))", document.analysis[start:end])
    parts = [(start, start + cut.start()), (start + cut.end(), end)] if cut else [(start, end)]
    facts = []
    for part_start, part_end in parts:
        fact = _tip_part(document, sentence, part_start, part_end, heading)
        if fact is not None:
            facts.append(fact)
        elif part_end - part_start > 40:
            facts.extend(_long_tip(document, sentence, part_start, part_end, heading))
    return facts


# A numbered tip's clause that says when (签任何“培训”协议前 / 发现被骗或拿不准时 / 凡涉及…的).
_TIP_WHEN = re.compile(r"^(?:凡是?|如果|若|一旦|遇到|面对|发现|收到|接到|对于)|(?:时|前|后|的)$")
# 找实习、找工作请通过…正规渠道: the situation, then 请 and the action, in one clause.
_TIP_PLEASE = re.compile(
    r"^(?P<situation>[^,，]{2,12}?)(?<![申邀聘提])(?P<modal>请务必|请(?![求假示教])|务必|一定要)(?P<action>[^,，]{2,})$"
)
# A clause that only judges or explains (都属于违法行为 / 可能涉嫌…) is no action.
_TIP_NOT_ACTION = re.compile(
    r"属于|涉嫌|是违法|可能|容易|往往|^[“”‘’]|^(?:可向|可到|也可)|^(?:都|就|一律|统统)?是(?:诈骗|骗局)"
)


def _long_tip(
    document: Document, sentence: Sentence, start: int, end: int, heading: str
) -> list[Fact]:
    """A numbered tip written as one long compound item (vocational college's 《实习求职防骗提示》:
    ``3. 签任何“培训”协议前逐页看清合同内容，凡涉及分期付款…的，先停下来问老师、问家长``): each
    action clause is a piece of advice, with the clause before it that says when it applies
    (round 33's list gave no advice at all as whole 40+-character items)."""
    facts: list[Fact] = []
    situation = ""
    at = start
    for piece in re.split(r"([,，;；])", document.analysis[start:end]):
        piece_start, at = at, at + len(piece)
        if piece in (",", "，", ";", "；") or not piece:
            continue
        split = _TIP_PLEASE.match(piece)
        if _TIP_WHEN.search(piece) and at < end and not split:
            situation = document.article.text[piece_start:at]
            continue
        act_start = piece_start
        when = situation
        if split and not situation:
            when = document.article.text[piece_start : piece_start + split.end("situation")]
            when = when if when.endswith("时") else when + "时"
            # (接到96110来电务必接听: a two-character action keeps its 务必)
            short = len(split.group("action")) < 4
            act_start = piece_start + split.start("modal" if short else "action")
        elif not situation:
            # 签任何“培训”协议前逐页看清合同内容: a situation ending 前/时 opens the clause.
            opened = re.match(r"^[^,，]{3,16}?(?:前|时)(?=[\u4e00-\u9fa5]{4,})", piece)
            if opened and not _TIP_NOT_ACTION.search(piece[: opened.end()]):
                when = document.article.text[piece_start : piece_start + opened.end()]
                act_start = piece_start + opened.end()
        text = document.analysis[act_start:at]
        if (
            _TIP_NOT_ACTION.search(text)
            or not when
            and act_start == start
            and not (_ITEM_DONT.match(text) or _ITEM_DO.match(text))
        ):
            situation = ""
            continue
        dont = _ITEM_DONT.match(text) or _DONT.match(text)
        modal = dont or _ITEM_DO.match(text) or _DO.match(text)
        body_start = act_start + (modal.end() if modal else 0)
        if at - body_start < 4:
            body_start = act_start  # 务必接听 keeps its modal
        body = document.analysis[body_start:at]
        situation = ""
        # (三是不出租、出借、出售本人银行卡…: an item's first clause that opens on its own 不 is
        # a don't without a when, round 39; a bare do, 保护好个人信息, says too little)
        stated = act_start == start and bool(_ITEM_DONT.match(text))
        if not (when or stated) or not 4 <= len(body) <= 30 or re.search(r"[“”]$", body):
            continue
        every = re.match(r"^凡是?(.{2,})的$", when)
        if every:
            when = every.group(1) + "时"  # 凡涉及分期付款…的 -> 涉及分期付款…时
        # The clause's own situation first (发现被骗 is after_fraud in a list on job hunting).
        key = situation_key(when + body)
        key = key if key != "general" else situation_key(when + heading + body)
        facts.append(
            _advice_fact(
                document,
                sentence,
                body_start,
                at,
                form="dont" if dont else "do",
                clause=(act_start, at),
                situation=when,
                heading=heading,
                numbered=True,
                situation_key=key,
                who="",
                verb_at=body_start,
            )
        )
    return facts


def _tip_part(
    document: Document, sentence: Sentence, start: int, end: int, heading: str
) -> Fact | None:
    text = document.analysis[start:end]
    dont = _ITEM_DONT.match(text)
    form = "dont" if dont else "do"
    modal = dont or _ITEM_DO.match(text)
    if modal:
        start += modal.end()
    aside = re.match(r"(?:记住|牢记|记得)[,，]", document.analysis[start:end])
    if aside:
        start += aside.end()  # 要记住，接到“退款”电话先挂断…
    if form == "dont":
        # 不要和网友单独见面，确实需要见面的，要有家长陪同 / 不要相信“免费领皮肤”等信息，充值只走
        # 官方渠道: only the first 不要 part is said as a wrong thing to do.
        mixed = re.search(r"[,，]", document.analysis[start:end])
        if mixed:
            end = start + mixed.start()
    body = document.analysis[start:end]
    if not 4 <= len(body) <= 40 or re.search(r"[“”]$", body):
        return None
    return _advice_fact(
        document,
        sentence,
        start,
        end,
        form=form,
        clause=(start, end),
        situation="",
        heading=heading,
        numbered=True,
        situation_key=situation_key(heading + body),
        who="",
        verb_at=start,
    )


def _reports(document: Document, sentence: Sentence) -> list[Fact]:
    facts = []
    for match in _REPORT.finditer(document.analysis, sentence.start, sentence.end):
        before = document.analysis[sentence.start : match.start()]
        if not (_ADVICE_VERB.search(before) or _TIP_LINE.match(sentence.analysis)) or re.search(
            r"(?:才|于是|随即|立即|马上|赶紧|这才)$", before
        ):
            continue  # 李先生这才察觉被骗，立即到派出所报案: what a victim did, not advice
        channel = match.group("channel")
        channel = re.sub(r"(?:咨询|反映|进行)$", "", re.split(r"或", channel)[0])
        if re.fullmatch(r"\d{3,5}", channel) or len(channel) < 3:
            continue  # a hotline is a term fact (拨打110报警)
        if re.search(r"[这此该其]|记者", channel):
            continue
        start = match.start("channel")
        end = start + len(channel)
        facts.append(_advice_fact(document, sentence, start, end, form="report"))
    return facts


_RULE_GIVER = re.compile(r"(提醒|建议|提示|呼吁|告诫|解释|表示|介绍|强调|指出|说)")


def _rule_giver(document: Document, sentence: Sentence, at: int) -> str:
    """Who states a rule: the subject before the sentence's speech verb (警方提醒, 民警向黄先生解释)."""
    verb = _RULE_GIVER.search(document.analysis, sentence.start, at)
    if not verb:
        return ""
    who = _who(document, sentence, verb.start())
    if not who:
        # …等运营商也设置了展台，提醒市民，凡是…: the subject of the clause before 提醒.
        head = re.split(r"[。；]", document.analysis[sentence.start : verb.start()])[-1]
        previous = [c for c in re.split(r"[，,]", head) if c][-1:] or [""]
        found = re.match(
            r"^([^，]{2,30}?(?:运营商|银行|公司|平台|机构|局|中心|办|院|分行|协会|警方))(?=[也还都]|设|在|联合|共同)",
            previous[0],
        )
        if found:
            at = sentence.start + head.rfind(previous[0])
            return document.article.text[at : at + len(found.group(1))]
    return re.split(r"向|给|对", who)[0] if who else ""


# A rule a law or regulation sets (按照国家规定，网络游戏企业只能在…每日20时至21时向未成年人提供
# 服务): the clause after 规定, with a time window or a limit the rule fixes.
_REGULATION = re.compile(
    r"(?P<lead>(?:按照|根据|依照|依据)(?:国家|法律|有关|相关)[^，,。；;]{0,10}?规定|(?:国家|法律)规定|"
    r"(?:按照|根据|依照|依据)[^，,。；;]{2,24}?(?:发布|印发|出台)的(?:通知|规定|办法|条例))[,，]"
    r"(?P<rule>[^。；;,，]{2,40}?(?:只能|不得|应当|必须|禁止|仅可)[^。；;]{4,200}?)(?=[。；;]|$)"
)
_RULE_WINDOW = re.compile(r"(?P<a>\d{1,2})时至(?P<b>\d{1,2})时")


def _regulations(document: Document, sentence: Sentence) -> list[Fact]:
    facts = []
    for match in _REGULATION.finditer(document.analysis, sentence.start, sentence.end):
        window = _RULE_WINDOW.search(document.analysis, match.start("rule"), match.end("rule"))
        if not window:
            continue
        # The rule ends at the first break at least a few characters after its window: …每日
        # 20时至21时向未成年人提供服务，(同学们要…) / …每日20时至21时，向未成年人提供1小时…服务。
        tail = re.compile(r"[^,，。；;]{4,}?(?=[,，。；;]|$)")
        rest = document.analysis[window.end() : match.end("rule")]
        skip = len(rest) - len(rest.lstrip(",，"))
        after = tail.match(rest, skip)
        end = window.end() + (after.end() if after else len(rest))
        facts.append(
            _advice_fact(
                document,
                sentence,
                match.start(),
                end,
                form="regulation",
                window=window.span(),
                who="",
            )
        )
    return facts


# The one clause right before a 凡是 rule, when it gives advice of its own (务必/要/应当…).
_RULE_SCOPE = re.compile(
    r"(?:^|(?<=[：:，,。；;]))(?P<scope>[^：:，,。；;]{2,24}?(?:务必|一定要|应当|应该|要|请|切勿|不要)"
    r"[^：:，,。；;]{2,24})[，,](?=凡是)"
)


def _rules(document: Document, sentence: Sentence) -> list[Fact]:
    facts = []
    for match in _RULE.finditer(document.analysis, sentence.start, sentence.end):
        who = _rule_giver(document, sentence, match.start())
        start = match.start()
        # 警方提示：游戏账号、装备交易务必通过官方平台进行，凡是以“保证金”为由要求转账的，都是诈骗:
        # the clause before says what the rule is about; without it the rule is too wide (round 35).
        scope = _RULE_SCOPE.search(document.analysis, sentence.start, start + 2)
        if scope and not _RULE_GIVER.search(scope.group("scope")):
            start = scope.start("scope")
        facts.append(_advice_fact(document, sentence, start, match.end(), form="rule", who=who))
    for match in _NEGATED_RULE.finditer(document.analysis, sentence.start, sentence.end):
        clause_end = re.search(r"[，。；,;]", document.analysis[match.end() : sentence.end])
        end = match.end() + (clause_end.start() if clause_end else sentence.end - match.end())
        facts.append(
            _advice_fact(
                document,
                sentence,
                match.start(),
                end,
                form="rule",
                negation=match.span("neg"),
                who=_rule_giver(document, sentence, match.start()),
            )
        )
    return facts


_DISCOVERY = re.compile(
    r"(?P<act>(?:给|向|拨通了?|拨打|打电话给|联系|便拨打|便给)[^,，。;；“”]{1,14}?"
    r"(?:打电话|电话|视频|手机号码?)(?:核实|确认|询问)?(?:[^,，。;；“”]{0,8}?(?:核实|确认|询问)[^,，。;；“”]{0,6})?)"
    r"(?=[，,]?(?:才|却|后|之后)?)"
)
_FOUND_OUT = re.compile(r"才(?:发现|知道|得知|意识到)|却说|发现被骗|识破")
_METHOD = re.compile(r"(?P<method>骗子(?:盗用|冒用|冒充|假冒|仿冒|以|通过|利用)[^,，。;；”]{4,30})")


def _citizen_in(document: Document, start: int, end: int) -> str:
    for match in CITIZEN_RE.finditer(document.analysis, start, end):
        if match.group("name")[:-2] in surnames():
            return match.group("name")
    return ""


def _victim(document: Document, sentence: Sentence) -> str:
    """The citizen the case is about: named in the sentence, else in its paragraph before it."""
    name = _citizen_in(document, sentence.start, sentence.end)
    if name:
        return name
    start = min(s.start for s in document.sentences if s.paragraph == sentence.paragraph)
    name = _citizen_in(document, start, sentence.start)
    if name:
        return name
    for other in reversed(document.sentences[: sentence.index]):
        if other.heading:
            break
        name = _citizen_in(document, other.start, other.end)
        if name:
            return name
    return ""


def _case_text(document: Document, sentence: Sentence) -> str:
    """The sentence and the two before it in its section: what the case is about."""
    earlier = [
        s
        for s in document.sentences[max(0, sentence.index - 3) : sentence.index + 1]
        if s.section == sentence.section and not s.heading
    ]
    return "".join(s.analysis for s in earlier)


def _scenarios(document: Document, sentence: Sentence) -> list[Fact]:
    facts = []
    analysis = document.analysis
    victim = _victim(document, sentence)
    if not victim:
        return []
    key = situation_key(_case_text(document, sentence))
    for match in _DISCOVERY.finditer(analysis, sentence.start, sentence.end):
        if not _FOUND_OUT.search(analysis, match.end(), min(sentence.end, match.end() + 30)):
            continue
        start, end = match.span("act")
        if analysis[start] == "便":
            start += 1
        facts.append(
            make_fact(
                document,
                sentence,
                "scenario",
                "advice",
                start,
                end,
                form="discovery",
                victim=victim,
                situation_key=key,
            )
        )
    told = bool(_METHOD.search(_case_after(document, sentence)))
    curated = "" if told else _curated_method(document, sentence, victim)
    if curated:
        # The case in the article's own words (自称某购物平台客服…开启屏幕共享): the curated one-line
        # account of its kind, which the case supports point by point (``requires``).
        first = document.clauses(sentence)[0]
        facts.append(
            make_fact(
                document,
                sentence,
                "scenario",
                "advice",
                sentence.start,
                max(first.end, sentence.end - 1),
                form="method",
                victim=victim,
                situation_key=curated,
                curated=True,
            )
        )
    for match in _METHOD.finditer(analysis, sentence.start, sentence.end):
        start, end = match.span("method")
        facts.append(
            make_fact(
                document,
                sentence,
                "scenario",
                "advice",
                start,
                end,
                form="method",
                victim=victim,
                situation_key=situation_key(match.group(0)),
            )
        )
    return facts


def _case_after(document: Document, sentence: Sentence) -> str:
    """The sentence and the two after it in its paragraph: how the case goes on."""
    following = [
        s.analysis
        for s in document.sentences[sentence.index : sentence.index + 3]
        if s.paragraph == sentence.paragraph
    ]
    return "".join(following)


def _curated_method(document: Document, sentence: Sentence, victim: str) -> str:
    """The situation whose curated ``method`` this case supports, for the sentence that first
    names the victim in its paragraph ('' otherwise)."""
    if victim not in sentence.analysis:
        return ""
    start = min(s.start for s in document.sentences if s.paragraph == sentence.paragraph)
    if victim in document.analysis[start : sentence.start]:
        return ""
    case = _case_after(document, sentence)
    for key, entry in situations().items():
        needs = entry.get("requires")
        if (
            entry.get("method")
            and needs
            and all(re.search(alternatives, case) for alternatives in needs)
        ):
            return key
    return ""


def extract(document: Document, sentence: Sentence) -> list[Fact]:
    """Advice, report, rule and scenario facts of one sentence."""
    facts = _advice_units(document, sentence) + _reports(document, sentence)
    facts += _rules(document, sentence) + _scenarios(document, sentence)
    facts += _regulations(document, sentence)
    return facts


def speaker_name(text: str) -> str:
    """The person named in a ``who`` (省公安厅副厅长钟立新 -> 钟立新), '' when none."""
    match = SPEAKER_RE.search(text + "表示")
    if match and is_name(match.group("name")):
        return match.group("name")
    return ""
