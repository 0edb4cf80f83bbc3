"""Making a stem stand alone: the context a frame adds (dropped subject, scope, time frame,
inherited lead) and the deictic words it resolves (本届宣传周, 当天, 我省, 该局, 他/她)."""

from __future__ import annotations

import re

from .document import Document
from .extract.people import CITIZEN_RE, is_name
from .facts import Fact
from .layout import SPEAKER_LABEL
from .lexicon import places
from .script import in_script
from .speakers import citizen_descriptor, introduce, speaker_before
from .stem_anchor import expand_organisation, named_publisher, place_anchored
from .stem_text import aligned, display, mentions, sub_aligned
from .textutil import analysis_text

LEAD_RE = re.compile(
    r"^(?:近年来|近几年|目前|当前|今年以来|当天|当日|同日|会上|开幕式上|启动仪式上|启动仪式现场|"
    r"返还仪式现场|活动现场|(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚)?|今年\d{1,2}月|"
    r"\d{1,2}月?(?:至|到)\d{1,2}月|自\d{1,2}月\d{1,2}日起|[\u4e00-\u9fa5]{0,8}期间|其间|"
    # 2022年至2025年8月 / 2023年1月至2024年6月: a period across years (round 36)
    r"\d{4}年(?:\d{1,2}月)?(?:至|到)\d{4}年(?:\d{1,2}月)?(?:底|末)?|"
    r"(?:今年)?\d{1,2}月(?:上旬|中旬|下旬|初|底|中)|[\u4e00-\u9fa5]{1,8}当天|"
    r"据[\u4e00-\u9fa5]{2,24}?(?:介绍|通报|透露))$"
)


def attribute_quote(
    document: Document, fact: Fact, prefix: str, suffix: str, spans: list[tuple[int, int]]
) -> tuple[str, str]:
    """A sentence that is only a quotation in the first person (“今年5月，骗子盗用我朋友的
    微信号……”) is attributed to the person speaking before it: 穆先生说：“今年____，……”."""
    sentence = fact.sentence
    if not sentence.analysis.startswith("“") or spans[0][0] > sentence.start + 1:
        return prefix, suffix
    if not re.search(r"我|咱", aligned(prefix + suffix)) or re.search(
        r"(?:表示|说|指出|介绍|强调)[:：]", sentence.analysis
    ):
        return prefix, suffix
    speaker = speaker_before(document, sentence.index)
    if speaker is None:
        return prefix, suffix
    prefix = prefix.lstrip("“")
    suffix = suffix.rstrip("。”")
    return f"{speaker.introduced}说：“{prefix}", suffix + "。”"


_NARRATIVE_RE = re.compile(r"[\u4e00-\u9fa5](?:先生|女士|同学|大爷|阿姨)|^案例")


_PERIOD = re.compile(
    r"(?:今年|去年|\d{4}年)?(?:前[一二三四五六七八九十\d]{1,2}个月|上半年|"
    r"\d{1,2}月(?:\d{1,2}日)?(?:至|到|-)\d{1,2}月(?:\d{1,2}日)?|\d{1,2}-\d{1,2}月|"
    # 今年一月至八月 (a traditional report's numerals, round 37)
    r"[一二三四五六七八九十]{1,3}月(?:至|到)[一二三四五六七八九十]{1,3}月)|(?:今年|\d{4}年)以来"
)


def _previous_period(document: Document, sentence) -> str:
    """The period (今年前八个月, 1月至8月) the sentence before, in the same paragraph, counts
    over; '' when there is none or the sentence opens no 同期."""
    if sentence.index == 0 or not sentence.analysis.startswith("同期"):
        return ""
    # (…今年一月至八月…。其中，中国移动…。同期，…: the breakdown between says no period of its
    # own, so the one before it counts, round 37)
    for previous in reversed(document.sentences[max(0, sentence.index - 3) : sentence.index]):
        if previous.heading or previous.paragraph != sentence.paragraph:
            return ""
        found = _PERIOD.search(previous.analysis)
        if found:
            at = previous.start + found.start()
            return display(document.article.text[at : at + len(found.group(0))])
        if not previous.analysis.startswith("其中"):
            return ""
    return ""


def _inherited_lead(document: Document, sentence) -> str:
    """For a sentence opening with 其中, the lead clause (宣传周期间) of the sentence before."""
    if not sentence.analysis.startswith("其中") or sentence.index == 0:
        return ""
    previous = document.sentences[sentence.index - 1]
    if previous.heading or previous.paragraph != sentence.paragraph:
        return ""
    clauses = document.clauses(previous)
    if clauses and LEAD_RE.match(clauses[0].analysis):
        return display(document.article.text[clauses[0].start : clauses[0].end])
    return ""


# 他说， / 陈志刚表示， opening a frame: context goes after it, not before the speaker.
_SPEECH_LEAD = re.compile(
    r"^(?:他|她|[\u4e00-\u9fa5]{2,4})(?:还|也)?(?:说|表示|介绍|指出|强调|认为)$"
)
_SOURCE_CLAUSE = re.compile(r"^据[^，,。]{2,30}?(?:介绍|通报|透露|表示)$")


def inherited_source(document: Document, sentence) -> str:
    """``据广元市公安局相关负责人介绍`` when the sentence before, in the same paragraph, opens
    with it and this one names no source of its own: the statement is still that person's."""
    if sentence.index == 0:
        return ""
    previous = document.sentences[sentence.index - 1]
    if previous.heading or previous.paragraph != sentence.paragraph:
        return ""
    if re.match(r"^据", sentence.analysis) or re.search(
        r"表示|介绍|说|指出", sentence.analysis[:30]
    ):
        return ""
    clauses = document.clauses(previous)
    if clauses and _SOURCE_CLAUSE.match(clauses[0].analysis):
        return display(document.article.text[clauses[0].start : clauses[0].end])
    return ""


# A share of people (71.5%的学生, 占受访家长的六成): a survey's finding, not a count.
_SURVEY_SHARE = re.compile(
    r"(?:\d+(?:\.\d+)?[%％]|百分之[一二三四五六七八九十点]+|[一二三四五六七八九]成)"
)
_RESPONDENTS = re.compile(
    r"学生|家长|受访|青少年|未成年人|网民|市民|居民|用户|老人|老年人|群众|职工"
)
_SURVEY_WORD = re.compile(r"调查|问卷|调研|抽样|受访")
# 调查结果显示， / 本次调查发现， : the survey said without its name.
_BARE_SURVEY = re.compile(
    r"^(?:(?:本次|此次|该|这次|这项|此项)?(?:问卷)?(?:调查|调研|问卷)(?:结果|数据)?|结果|数据)"
    r"(?=显示|表明|发现)"
)
# 但也有12.8%的学生… : a contrast with the finding before, which the stem does not give.
_CONTRAST = re.compile(r"^(?:但是?|不过|然而)(?:也|仍|还)?(?=有|[\u4e00-\u9fa5])")


def survey_source(document: Document, sentence) -> str:
    """The title of the survey whose shares the sentence reports (《云溪区中小学生网络使用情况
    调查报告（2023）》, the last survey or report title before it), when a sentence of the same
    passage - this one or one of the six before it, with no heading between that is not about
    the survey - says it is a survey's; '' otherwise (round 21: 云溪区在上网时长方面，…学生占
    21.3% named no survey and no population)."""
    if not _SURVEY_SHARE.search(sentence.analysis):
        return ""
    said = None
    for index in range(sentence.index, max(-1, sentence.index - 7), -1):
        other = document.sentences[index]
        if _SURVEY_WORD.search(other.analysis):
            said = other
            break
        if other.heading:
            break
    # (排在前三位的依次是短视频、网络游戏… names no one: its paragraph's survey does)
    if said is None or not (
        _RESPONDENTS.search(sentence.analysis) or said.paragraph == sentence.paragraph
    ):
        return ""
    found = list(
        re.finditer(
            r"《[^《》]{0,40}(?:调查|问卷|调研)[^《》]{0,20}》", document.analysis[: sentence.start]
        )
    )
    if not found:
        return _untitled_survey(document, sentence)
    return display(document.article.text[found[-1].start() : found[-1].end()])


# 校保卫处面向全校学生开展了一次线上问卷调查: who ran an untitled survey, and what it was.
_SURVEY_RUN = re.compile(
    r"(?:^|(?<=[,，。;；:：]))(?P<actor>[^,，。;；:：“”]{2,30}?)(?:组织|联合)?"
    r"(?P<verb>开展|进行|组织|发起|完成)了?(?:一次|一项|一轮|一份)?"
    r"(?P<what>[^,，。;；:：、“”了]{0,20}?(?:问卷调查|调查问卷|问卷|调查|调研))(?=[,，。;；:：]|$)"
)


def _untitled_survey(document: Document, sentence) -> str:
    """An untitled survey named by who ran it (校保卫处面向全校学生开展的线上问卷调查), from the
    sentence of the passage that says it was run (this one or one of the six before, no heading
    between); '' when that clause names no one (round 24's 结果显示，23.4%的受访学生… named no
    survey, only the report's lead)."""
    found = said = None
    for index in range(sentence.index, max(-1, sentence.index - 7), -1):
        said = document.sentences[index]
        found = _SURVEY_RUN.search(said.analysis)
        if found or said.heading:
            break
    if not found or re.search(r"^(?:为|为了|在|据|此前|活动前)", found.group("actor")):
        return ""
    actor = document.article.text[
        said.start + found.start("actor") : said.start + found.end("actor")
    ]
    what = document.article.text[said.start + found.start("what") : said.start + found.end("what")]
    from .relative_places import resolve_relative

    # (全校学生 -> 明湖大学全校学生: the survey is named on its own, before any lead)
    actor = resolve_relative(document, display(actor))
    return actor + in_script(document, found.group("verb") + "的") + display(what)


def _turn_speaker(document: Document, sentence) -> str:
    """The speaker of a transcript turn (周牧野： heading the sentence's section), '' if none."""
    if sentence.section < 0 or sentence.heading:
        return ""
    label = SPEAKER_LABEL.match(document.sentences[sentence.section].analysis.strip())
    name = label.group("name") if label else ""
    if not name or name in ("主持人", "发布人", "记者"):
        return ""
    # 要做到： heading a list of tips is no speaker: a turn is a person's name or title.
    return name if is_name(name) or _TITLE_END.search(name) else ""


_TITLE_END = re.compile(r"(?:长|主任|书记|记者|警官|法官|检察官|老师|教授|专家|代表)$")


def add_context(
    document: Document, fact: Fact, prefix: str, suffix: str, offset: int, subject: str = ""
) -> tuple[str, str]:
    """Add the sentence's dropped subject, the fact's scope and (counts) its time frame.

    A case narrative (家住洪山区的王女士…) is about its person: no scope or time frame from
    the paragraph or heading is added to it.
    """
    whole = prefix + fact.text + suffix
    sentence = fact.sentence
    leads_end = 0
    # (据省通信管理局网络安全管理处处长郑怀远介绍，: a source clause can be long, round 23)
    lead_match = re.match(r"^(?:[^，]{1,30}，)*", prefix)
    if lead_match:
        for piece in lead_match.group(0).split("，")[:-1]:
            if (
                LEAD_RE.match(aligned(piece))
                or _SPEECH_LEAD.match(aligned(piece))
                or re.match(r"^截至[^，]{1,10}$", aligned(piece))  # 截至8月底，<agent>共核查…
            ):
                leads_end += len(piece) + 1
            else:
                break
    narrative = bool(_NARRATIVE_RE.search(aligned(sentence.text)))
    source = inherited_source(document, sentence)
    if source and not prefix.startswith("据"):
        # 网络犯罪已成为…第一大犯罪类型 <- 据广元市公安局相关负责人介绍，(the sentence before)
        prefix = f"{source}，{prefix}"
        leads_end += len(source) + 1
        whole = prefix + fact.text + suffix
    turn = _turn_speaker(document, sentence)
    if turn and not mentions(whole, turn) and not prefix.startswith("据"):
        # 周牧野： + 去年，全省公安机关共侦破…: a transcript's answer is its speaker's statement.
        said = f"{introduce(document, turn, sentence.start)}介绍"
        prefix = f"{said}，{prefix}"
        leads_end += len(said) + 1
        whole = prefix + fact.text + suffix
    survey = survey_source(document, sentence)
    if survey and not mentions(whole, survey):
        bare = _BARE_SURVEY.match(aligned(prefix[leads_end:]))
        if bare:
            # 调查结果显示，… -> 《…调查报告（2023）》显示，…
            prefix = prefix[:leads_end] + survey + prefix[leads_end + bare.end() :]
        elif not _SURVEY_WORD.search(aligned(prefix + suffix)):
            # 在上网时长方面，工作日每天上网超过两小时的学生占____: whose survey says so
            body = prefix[leads_end:]
            contrast = _CONTRAST.match(aligned(body))
            if contrast:
                body = body[contrast.end() :]
            prefix = prefix[:leads_end] + survey + "显示，" + body
            leads_end += len(survey) + 3
        whole = prefix + fact.text + suffix
    inherited = _inherited_lead(document, sentence)
    if inherited and not mentions(whole, inherited):
        # 其中，9月12日为校园日 <- 宣传周期间，将陆续举办……
        prefix = f"{inherited}，{prefix}"
        leads_end += len(inherited) + 1
        whole = prefix + fact.text + suffix
    if (
        subject
        and not mentions(whole, subject)
        # (…通报：今年以来，全市公安机关侦破…: the clause names its own actor, round 23)
        and not re.match(r"(?:全[省市县区]|各地|各级)", aligned(prefix[leads_end:]))
    ):
        # The sentence's agent (广元市, 网络安全博览会) when the frame starts after it.
        glue = "，" if leads_end == len(prefix) else ""
        prefix = prefix[:leads_end] + subject + glue + prefix[leads_end:]
        whole = prefix + fact.text + suffix
    needs_scope = fact.kind == "quantity" or (
        fact.kind == "date" and fact.attrs.get("shape") == "period"
    )
    scope = document.scope(sentence, offset) if needs_scope else ""
    if narrative and scope and not mentions(aligned(sentence.text), scope):
        scope = ""
    rest = aligned(prefix[leads_end:])
    names_place = any(rest.startswith(name) for name in places() if len(name) >= 2) or bool(
        re.match(r"^(?:省|市|县|区)(?:委|公安|人民|检察|法院|政府|教育|网信|反诈)", rest)
        # 省通信管理局累计处置…: a body of the level names it (蘅阳全省省通信管理局, round 26)
        # (省网络违法和不良信息举报中心共受理…: 澂岺全省省网络… in round 43)
        or re.match(r"^(?:省|市|县|区)[\u4e00-\u9fa5]{1,14}?(?:局|厅|办|委员会|中心)", rest)
    )
    if (
        scope
        and not names_place  # 广东还将组织…: the clause names its place already
        and not mentions(whole, scope)
        and not re.search(r"全省|全市|全国|我省|我市", prefix)
        # 分局消费者权益保护处处长任雪鸿介绍: a body opens the clause; a scope before it reads as
        # part of its name (我市分局, round 41)
        and not re.match(r"^(?:该)?(?:分局|分行|支行|分公司|总公司|公司)", rest)
        # 今年1月至8月，岚山县公安局共破获…: the actor names the place (no 全县 before it)
        and not (scope.startswith("全") and place_anchored(document, whole))
    ):
        # Directly before the answer the scope gets its own clause, so the blank keeps its
        # original left context.
        glue = "，" if leads_end == len(prefix) else ""
        prefix = prefix[:leads_end] + scope + glue + prefix[leads_end:]
    if fact.kind == "quantity" and not narrative:
        frame_time = document.time_frame(sentence, offset)
        if (
            frame_time
            and not mentions(prefix + suffix, frame_time)
            # (1至8月，全市电信网络诈骗立案数…: the clause's own period, round 23)
            and not re.search(r"\d{1,2}月?(?:至|到|-)\d{1,2}月|以来", aligned(prefix))
        ):
            # After leads such as 活动现场/开幕式上, before the rest.
            non_time = 0
            for piece in prefix[:leads_end].split("，")[:-1]:
                if re.search(r"\d|今年|去年|近年|以来|当天|当日|同日", aligned(piece)):
                    break
                non_time += len(piece) + 1
            prefix = f"{prefix[:non_time]}{frame_time}，{prefix[non_time:]}"
    return prefix, suffix


def resolve_deixis(document: Document, fact: Fact, prefix: str, suffix: str) -> tuple[str, str]:
    """Replace words that point elsewhere (本届宣传周, 当天, 我省, 该局, 他) with what they name."""
    event = document.event
    stem = prefix + suffix
    if event and not mentions(stem, event):
        prefix = sub_aligned(
            r"本届(?:国家)?网络安全宣传周|(?:本届|今年|本年度)的?宣传周(?!期间)",
            event,
            prefix,
            count=1,
        )
        # 9月9日上午，宣传周开幕式在…举行: whose week's opening (round 17), also after the blank
        bare = r"(?:(?<=^)|(?<=，)|(?<=上午，)|(?<=下午，))宣传周(?=开幕式|启动仪式|闭幕式)"
        if not mentions(prefix + suffix, event):
            prefix = sub_aligned(bare, event, prefix, count=1)
        if not mentions(prefix + suffix, event):
            suffix = sub_aligned(bare, event, suffix, count=1)
        if not mentions(prefix + suffix, event):
            # 主办单位表示，…: the week's organisers (which week, where).
            prefix = sub_aligned(
                r"^(主办单位|主办方)(?=表示|介绍|称|指出)", lambda g: event + g[1], prefix, count=1
            )
        prefix = sub_aligned(r"^本次活动", f"{event}活动", prefix, count=1)
        # 杜振海在活动中通报，…: which activity (the week's, by the article's own account)
        prefix = sub_aligned(
            r"在(?:本次)?活动(中|上|现场)", lambda g: f"在{event}活动{g[1]}", prefix, count=1
        )
        prefix = sub_aligned(
            r"(^|，)(开幕式上|启动仪式上|启动仪式现场|开幕式(?=还|期间|现场|定于|将于|于|在)|"
            r"启动仪式(?=还|现场|定于|将于|于|在)|闭幕式(?=定于|将于|于|在))",
            lambda g: g[1] + event + g[2],
            prefix,
            count=1,
        )
        if re.search(r"\d{4}年", event):
            prefix = sub_aligned(
                r"(^|，)(宣传周期间)", lambda g: g[1] + event + "期间", prefix, count=1
            )
            # 开幕当天 / 开幕首日: the week's opening day.
            prefix = sub_aligned(
                r"(^|，)(开幕当天|开幕首日|开幕当日)",
                lambda g: g[1] + event + g[2],
                prefix,
                count=1,
            )
    activity = re.match(
        r"^(?:本次|此次|该)?活动(?=由|在|以|于|吸引|共|邀请|主题|现场)", aligned(prefix)
    )
    if activity and fact.sentence.index:
        # 活动由…联合主办 <- 西安市2024年网络安全宣传周校园日活动在…举行 (the sentence before)
        named = _activity_before(document, fact.sentence)
        if named:
            prefix = named + prefix[activity.end() :]
    # 报告显示 -> 《…报告》显示; 该局 -> 国家金融监督管理总局湖北监管局; 市教育局 -> 南京市教育局.
    report = re.match(r"^(?:该)?(报告|白皮书|蓝皮书)(?=显示|指出|称|认为|提出)", aligned(prefix))
    if report:
        named = _title_before(document, fact.sentence.start, report.group(1))
        if named:
            prefix = named + prefix[report.end() :]
    pointer = re.search(
        r"(?:^|(?<=，))该(分局|分行|支行|支队|大队|派出所|局|中心|行|院|办|会(?!议|上|后|同|员))",
        aligned(prefix),
    )
    if pointer:
        # 该分局 -> 桐溪市公安局临渚分局 (the full name given before), else the last one named.
        head = pointer.group(1)
        if head == "会":
            organisation = _committee_before(document, fact)
        else:
            # 莲洲银行…总经理许嘉豪介绍，该行…: a body named earlier in the same sentence first.
            own = document.analysis.find("该" + head, fact.sentence.start, fact.sentence.end)
            before = own if own >= 0 else fact.sentence.start
            organisation = (
                expand_organisation(document, head, before) if len(head) > 1 else ""
            ) or document.last_organisation(before, head)
        if organisation:
            prefix = prefix[: pointer.start()] + organisation + prefix[pointer.end() :]
    city_here = document.last_place(fact.sentence.start + 1, "city")
    if city_here:
        prefix = sub_aligned(
            r"(^|，)市(?=[\u4e00-\u9fa5]{1,5}(?:局|委|办|中心))",
            lambda g: g[1] + city_here,
            prefix,
            count=1,
        )
    this = re.match(r"^(?:本次|此次)(知识竞赛|大赛|比赛|竞赛|论坛|博览会)", aligned(prefix))
    if this:
        # 本次知识竞赛 -> 全市中小学网络安全知识竞赛 (the last full name of it before).
        named = re.findall(
            rf"(?:^|[，。、：；”\s,])([\u4e00-\u9fa5]{{2,16}}{this.group(1)})",
            document.analysis[: fact.sentence.start],
        )
        if named:
            # 现场举行了全市中小学生网络安全知识竞赛 -> the name starts after the verb.
            name = re.split(
                r".*(?:举行了?|举办了?|开展了?|组织了?|启动了?|进行了?|参加了?|的)", named[-1]
            )[-1]
            if len(name) > len(this.group(0)):
                at = document.analysis.rfind(name, 0, fact.sentence.start)
                shown = display(document.article.text[at : at + len(name)])
                prefix = shown + prefix[this.end() :]
    period = _previous_period(document, fact.sentence)
    if period:
        # 同期，全市公安机关破获… <- 今年前八个月，全市共接报… (the sentence before): the period
        # it points back to (round 16), which also says the year a 今年， added before it did.
        # (今年，瀚湄全省同期，…: the place a frame put before it stays, after the period)
        prefix = sub_aligned(
            r"^(?:(?:今年|\d{4}年)，)?((?:[\u4e00-\u9fa5]{0,6}?(?:全省|全市|全县|全区|省|市|县|区))?)同期，",
            lambda g: f"{period}，{g[1]}",
            prefix,
            count=1,
        )
    if re.search(
        r"\d{1,2}月|\d{4}年|以来|上半年", aligned(prefix).replace("其间", "").replace("同期", "")
    ):
        # 今年1月至8月，其间，… / …，同期，… : the frame already says which period it means.
        # (…，樾岑县同期，县反诈中心…: the place a frame put before it stays, round 38)
        prefix = sub_aligned(
            r"(^|，)((?:[\u4e00-\u9fa5]{0,6}?(?:省|市|县|区))?)(?:其间|同期)，",
            lambda g: g[1] + g[2],
            prefix,
            count=1,
        )
    if event and not mentions(prefix + suffix, event):
        # 六大主题日依次为：… -> 江岚省2024年网络安全宣传周六大主题日依次为：…
        prefix = sub_aligned(
            r"(^|，|报道，|消息，)((?:六大|七大|各)?主题日(?=依次|分别|为|是))",
            lambda g: g[1] + event + g[2],
            prefix,
            count=1,
        )
    published = re.fullmatch(r"\d{4}-(\d{2})-(\d{2})", document.article.date or "")
    said_at = re.search(r"今天|今日", fact.sentence.analysis)
    head = fact.sentence.analysis[: said_at.start()] if said_at else ""
    if published and said_at and head.count("“") == head.count("”"):
        # 今天是2023年网络安全宣传周“个人信息保护日”: a release's today is its date (round 22).
        today = f"{int(published.group(1))}月{int(published.group(2))}日"
        prefix = sub_aligned(
            r"(^|，)(?:今天|今日)(?=是|为|，)", lambda g: g[1] + today, prefix, count=1
        )
    date = document.last_date(fact.sentence.start)
    if date:
        opening, verb = document.event_day
        said = date
        if (
            opening
            and analysis_text(date).endswith(opening)
            and not mentions(prefix + suffix, event)
        ):
            # 当天，网络安全新技术新应用在广元集中展示 -> the week's opening day, said as such
            # (another city's week may have opened the same day).
            said = f"{event}{verb}当天"
        prefix = sub_aligned(
            # (当天是…宣传周“金融日”: the day is the date before, round 21)
            r"(^|，)(当天|当日|同日)(?=，|是|为)",
            lambda g: g[1] + said,
            prefix,
            count=1,
        )
        if said == date:
            # 瑄崟市中級人民法院當天舉辦公眾開放日活動: the day of the sentence before, after
            # its actor (round 41).
            prefix = sub_aligned(
                r"(?<=[院局会委办司行校])(?:当天|当日)(?=举办|举行|召开|开展|组织|发布|启动)",
                lambda g: date,
                prefix,
                count=1,
            )
    day = re.match(
        r"^(?:\d{4}年|今年)?(校园日|电信日|法治日|金融日|青少年日|个人信息保护日)", aligned(prefix)
    )
    if day and event and not mentions(prefix + suffix, event):
        # 今年校园日的主题是… -> 西安市2024年网络安全宣传周校园日的主题是…
        prefix = event + prefix[day.start(1) :]
    if re.search(r"我校|本校|该校|我院|本院|(?:^|，)学校(?!财务|保卫|党委|官方)", aligned(prefix)):
        # 我校以“…”为主题 / ，学校邮件系统共拦截… -> 青岚科技大学… (the school the title names).
        school = _school(document)
        if school and school not in prefix:
            prefix = sub_aligned(
                r"我校|本校|该校|我院|本院|(^|，)学校(?!财务|保卫|党委|官方)",
                lambda g: (g[1] or "") + school,
                prefix,
                count=1,
            )
    elif re.search(r"我校|本校|我院|本院", aligned(suffix)):
        # …系列活动在我院南校区体育馆拉开帷幕 (after the blank): the same school.
        school = _school(document)
        if school and school not in prefix + suffix:
            suffix = sub_aligned(r"我校|本校|我院|本院", school, suffix, count=1)
    region = document.region
    stem = prefix + fact.text + suffix
    if region and region not in stem:
        prefix = sub_aligned(r"我省", region, prefix, count=1)
        suffix = sub_aligned(r"我省", region, suffix)
        prefix = sub_aligned(r"(，|^)全省", lambda g: g[1] + region + "全省", prefix, count=1)
    each = re.search(
        r"(?:^|(?<=，))各(?=银行|商业银行|银行业金融机构|金融机构|学校|中小学|高校|派出所|社区|街道|乡镇)",
        aligned(prefix),
    )
    if each and not place_anchored(document, prefix + suffix):
        # 各银行对大额转账…的客户进行电话回访: the banks of the article's own city (round 22).
        from .relative_places import most_local_home

        place = most_local_home(document)
        if place:
            shown = in_script(document, display(place))
            prefix = prefix[: each.start()] + shown + prefix[each.start() :]
    district = document.home_district
    if district and "辖区" in aligned(prefix + suffix):
        # 辖区发案最多的三类诈骗 -> 岳麓区发案最多的三类诈骗 (the article's one district)
        prefix = sub_aligned(r"辖区(?:内)?", district, prefix, count=1)
        suffix = sub_aligned(r"辖区(?:内)?", district, suffix, count=1)
    city = document.last_place(fact.sentence.start + 1, "city")
    if city and "全市" in analysis_text(prefix) and city[:-1] not in analysis_text(prefix):
        # 全市120所中小学 -> 西安市120所中小学 (西安全市 could be misread as 西/安全/市).
        prefix = sub_aligned(r"全市", city, prefix, count=1)
    pronoun = re.match(r"^(?:[^，]{0,8}，)?(他|她)", aligned(prefix))
    if pronoun:
        speaker = speaker_before(document, fact.sentence.index)
        if speaker is not None:
            who = introduce(document, speaker.name, fact.sentence.start)
            prefix = prefix[: pronoun.start(1)] + who + prefix[pronoun.end(1) :]
    return introduce_citizens(document, fact, prefix), suffix


def introduce_citizens(document: Document, fact: Fact, prefix: str) -> str:
    """A citizen named outside the sentence that introduces them gets that introduction:
    转完账后，穆先生… -> 转完账后，广元市朝天区的穆先生…"""
    for match in CITIZEN_RE.finditer(aligned(prefix)):
        name = match.group("name")
        descriptor = citizen_descriptor(document, name)
        if not descriptor or aligned(descriptor) in aligned(prefix)[: match.start()]:
            continue
        if aligned(prefix)[: match.start()].endswith(aligned(descriptor)[-2:]):
            continue
        return prefix[: match.start()] + descriptor + prefix[match.start() :]
    return prefix


def _school(document: Document) -> str:
    """The school a campus report is about: the first one its title names, else the school
    that publishes it when the article names it (来源：澄江工贸职业技术学院党委宣传部 over
    我院举办…, round 22); '' if none."""
    for source in (document.article.title or "", named_publisher(document)):
        match = re.search(r"[\u4e00-\u9fa5]{2,12}?(?:大学|学院|中学|小学|学校)", aligned(source))
        if match and not match.group(0).startswith(("我", "本", "该")):
            return display(source[match.start() : match.end()])
    return ""


_COMMITTEE = re.compile(
    r"(?:(?<=[从据在向与和,，。:：])|^)([市县区省]?[\u4e00-\u9fa5]{2,10}?(?:委员会|协会|学会|商会))"
)


def _committee_before(document: Document, fact: Fact) -> str:
    """记者从市消费者委员会了解到，…该会共受理…: the last committee or association named before
    该会 (this sentence or the one before), '' if none."""
    at = document.analysis.find("该会", fact.sentence.start, fact.sentence.end)
    if at < 0:
        return ""
    base = document.sentences[max(0, fact.sentence.index - 1)].start
    found = list(_COMMITTEE.finditer(document.analysis, base, at))
    if not found:
        return ""
    return display(document.article.text[found[-1].start(1) : found[-1].end(1)])


def _activity_before(document: Document, sentence) -> str:
    """The activity the sentence before names (…校园日活动在…举行), '' when it names none."""
    previous = document.sentences[sentence.index - 1]
    if previous.heading or previous.paragraph != sentence.paragraph:
        return ""
    found = list(
        re.finditer(
            r"([\u4e00-\u9fa5\d“”]{4,40}?活动)(?=在|于|举行|举办|开幕|启动)", previous.analysis
        )
    )
    if not found:
        return ""
    name = re.split(r".*(?:举行了?|举办了?|开展了?|的)", found[0].group(1))[-1]
    at = previous.analysis.find(name)
    if len(name) < 6 or at < 0:
        return ""
    return display(document.article.text[previous.start + at : previous.start + at + len(name)])


def _title_before(document: Document, offset: int, word: str) -> str:
    """The last 《…word…》 of the article before ``offset`` ('' if none)."""
    found = list(re.finditer(rf"《[^》]*{word}[^》]*》", document.analysis[:offset]))
    if not found:
        return ""
    return display(document.article.text[found[-1].start() : found[-1].end()])
