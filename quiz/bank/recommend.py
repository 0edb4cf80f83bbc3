"""The precision filter behind ``recommended``: what a blind reviewer rejects, named.

A question is recommended only when it would pass a reviewer who did not write the generator
(round-1 blind review, docs/question-quality.md). Each check below is a class of question
that reviewer rejected; :func:`precision_vetoes` returns the codes that apply and the scorer
takes :data:`VETO_PENALTY` off for each, which puts the question below the threshold whatever
its shape. The question stays in the bank (an organizer may still approve it); it is just
not recommended.

* **Cannot stand alone** - a relative place or body left (全市, 县公安局, 市反诈中心, see
  :mod:`relative_places`); a pointer to text the student does not have (文中, 上述, 报告显示,
  同时发布了, 还将, 现场通报的一起案例); a scene (活动现场, 会上) of an event the stem does not name;
  a person named without role or place; a day (10月11日) without its year or week; a stem
  naming no place at all.
* **Trivia** - counts of awards, leaflets, sessions, audiences, exhibitors or volunteers; the
  date of anything but the week and its themed days; people's names and titles; one organiser
  out of a list; the exact full title of a document; prizes and editions of a contest.
* **Wording tricks** - any question on the text of a printed initiative or pledge (its words
  and catchwords, not its release); rhetoric and principles restated as true/false; quoted
  catchwords; open lists asked as "what does the article list"; outreach lists (进社区、进校园…).
* **Options** - a hotline swapped for another real hotline (false only on a technicality); an
  operator's hotline (10000, 10086) without the operator; a fill-blank on where to report (警方,
  110, 公安机关 are all right); a key that is the only number among words (or the reverse).
"""

from __future__ import annotations

import re

from .amounts import quantity_from_text
from .constants import BLANK
from .document import Document
from .extract.people import CITIZEN_RE, ROLE, is_name
from .facts import Fact
from .relative_places import unresolved_relative
from .stem_anchor import place_anchored, time_anchored
from .stem_context import survey_source
from .stem_text import GARBLED_PAIR, REPORT_LEAD, aligned, without_report_lead

# Enough to put any shape (base score at most 90) below RECOMMEND_THRESHOLD (70).
VETO_PENALTY = 40

VETO_REASONS: dict[str, str] = {
    "relative_place": "题干含未说明是哪里的“全市”“县公安局”等说法",
    "dangling_reference": "题干提到学生看不到的上下文（文中、上述、报告显示、同时、还将、现场通报的案例等）",
    "unnamed_scene": "题干说“现场”“会上”，却没有说是哪次活动",
    "bare_person": "题干中的人物没有交代身份或所在地",
    "no_year": "题干没有说明年份，也没有说明是哪一届宣传周",
    "placeless": "题干没有说明是哪个地方",
    "no_period": "数字题只写了报道日期，没有说明统计的是哪段时间",
    "trivia_count": "考查表彰、发放资料、场次、观众、参展单位等数量，属活动花絮",
    "trivia_date": "考查宣传周及主题日以外的日期，价值低",
    "trivia_person": "考查人物姓名或职务，不是网络安全知识",
    "trivia_organiser": "考查主办、协办单位名单，死记硬背",
    "trivia_title": "考查文件的完整标题或只差一词的标题，属措辞陷阱",
    "trivia_contest": "考查竞赛的奖项、名次或届次，属活动花絮",
    "initiative_text": "考查倡议书、公约等文本的措辞，不是知识",
    "slogan_restatement": "口号、修辞或原则的复述，凭题干即可作答",
    "open_listed": "“文中列举了哪些”要看原文才能答，且未列出的项本身也可能正确",
    "outreach_list": "“进社区、进校园”等活动形式列举，干扰项同样合理",
    "hotline_swap": "判断题错误版本只是换成另一个真实热线号码，属技术性错误",
    "reminder_restated": "判断题复述某单位的提醒，凭“提醒”二字即可判断为正确",
    "hotline_owner": "运营商客服热线没有说明是哪家运营商",
    "several_answers": "填空有多个合理答案（如向谁举报、报警电话）",
    "odd_key": "正确选项是唯一的数字（或唯一的文字），一眼可辨",
    "obvious_answer": "答案是常识（如报警电话110），不看材料也能答",
    "not_a_claim": "判断题是一句号召或指令，不是可判断真假的陈述",
    "not_in_week": "地点题考的不是宣传周（或主题日活动）本身的举办地",
    "garbled_source": "题干照抄了原文残缺的并列结构，读不通",
    "generic_options": "干扰项是与题目情境无关的通用错误做法，一眼可排除",
    "fragment": "题干的最后一段只剩空格和几个字（如“；____电信日。”），是截断的半句",
    "narrative_pointer": "题干摘自叙述中间，含“这些”“遂”“还提到”“不久”“本月2日”等指向上文的词",
    "self_reference": "考查文章自身（整理了几条、列了几点），不是知识",
    "case_detail": "考查个案中某个被告人的罚金、刑期等细节，价值低",
    "publicity_logistics": "考查进社区、进学校的个数或发放资料的份数，属宣传花絮",
    "distractor_in_stem": "干扰项（数字或说法）已印在题干中",
    "near_duplicate_options": "有两个选项几乎相同，可一眼排除",
    "context_free_option": "“错误的是”题中有与该情境无关的选项（如“立即拨打110报警”），可能被误判",
    "same_fact": "同一事实已有更好的推荐题型，不重复推荐",
    "computable": "答案可由题干中的另一个数字算出（如日均数＝总数÷天数）",
    "media_channel": "考查发布单位自己的客户端、公众号或专栏名称，属宣传花絮",
    "impossible_option": "有选项与题干中的数字矛盾（如案件数多于涉案人数），可一眼排除",
}
# 累计拦截骚扰电话1268万次，日均5.2万次: a daily (monthly) average beside its total is a
# division, not a fact to remember (round 29).
_AVERAGE_BEFORE = re.compile(
    r"(?:日均|平均每天|平均每日|每天平均|每日平均|月均|平均每月|周均)(?:约|达|为)?$"
)
# 在“禾渡发布”客户端开设专栏: a news outlet's own app, account or column (round 29); the apps
# the week teaches (国家反诈中心APP) are not a medium's.
_MEDIA_CHANNEL = re.compile(
    r"(?:融媒体中心|日报|晚报|晨报|电视台|广播电视台|新闻网|报社|网信办)[^，。；]{0,8}?"
    r"“[^”]{2,12}”(?:新闻)?(?:客户端|公众号|微信公众号|视频号|抖音号|微博|专栏|栏目|频道)|"
    r"“[\u4e00-\u9fa5]{2,4}发布”"
)
# …宣传；____电信日。 : the last item of a semicolon list cut right after its blank.
_FRAGMENT_TAIL = re.compile(
    r"[；;]\s*(?:〇|\d{1,2}月\d{1,2}日)“?(?:校园日|电信日|法治日|金融日|青少年日|个人信息保护日)?”?"
    r"[。？]?(?:这一说法是否正确？)?$"
)

# A pointer to text the student does not have.
_DANGLING = re.compile(
    r"文中|上述|前述|下列哪些是[^？]*列举|(?<!》)(?<![\u4e00-\u9fa5])(?:该|这份|此份)?报告(?=显示|指出|称|认为|提出|从)|"
    r"同时(?:发布|公布|还|举行|举办|宣布|启动|上线)|同场|同台|还将|今天|今日|昨天|昨日|明天|"
    r"(?:^|[，、\u4e00-\u9fa5])还(?=表彰|发布|公布|举行|举办|宣读|通报|设置|设立|开展|组织|邀请|颁发|签订|分别)|"
    r"(?:通报|介绍|讲述|发布)(?:了)?(?:一起|几起|多起|这起|该起)?(?:典型)?案例|现场通报|"
    r"(?:^|，)(?:此外|另外|与此同时|其间|对此|为此|随后|此后)|"
    # 全国我们拨出的预警电话…: a speaker's own "we", said as the stem's (round 24); 提醒我们 is
    # the reader's
    r"(?<!提醒)(?<!告诉)(?<!警示)(?<!启示)(?:我们|咱们)|"
    # 遇到类似招聘信息，请直接拨打96110: like which? (the sentence before says, round 21)
    r"(?:遇到|碰到|接到|看到|收到|发现|遭遇)(?:了)?类似|类似(?:情况|情形|事件|问题|的情况)|"
    # 此类警情… / 各网点柜面人员…: which kind, which outlets (the sentences before say, round 28)
    r"此类(?!诈骗)|(?<![\u4e00-\u9fa5])各网点|(?:^|，)(?:均|都)(?:已|已经|被)|"
    # 在这部分学生中，…: which part (the sentence before says, round 31)
    r"(?:这|该|此)部分|"
    # 各会员单位依托…识别可疑交易5863笔: members of which association (round 33)?
    r"(?<![\u4e00-\u9fa5])各会员单位"
)
# 其中 points back: to a count the stem states (共接到…求助41起，其中…刷单类占比约44%), or to
# one the student cannot see.
# (…，其中… / 霁州市对其中276款依法责令限期整改: of which?)
# A drill's own rates (点击率, 填写率), which mean nothing without the drill that measured them.
_RATE_OF_A_DRILL = re.compile(r"点击率|打开率|填写率|上当率|中招率")
_DRILL = re.compile(r"钓鱼|演练|测试|测评")
_OF_WHICH = re.compile(r"(?:^|，|对|在|从|将|把|向)其中")
_STATED_COUNT = re.compile(r"\d+(?:\.\d+)?[万亿]?[余多]?[\u4e00-\u9fa5%]|____")


# A themed day's name is given away by a stem that names the day's own field.
_DAY_GIVEAWAY = {
    "校园日": re.compile(r"学校|小学|中学|大学|学院|校园|师生|学生"),
    "金融日": re.compile(r"银行|金融|保险|证券|信用社"),
    "青少年日": re.compile(r"青少年|未成年|中小学生|少年"),
    "电信日": re.compile(r"电信|移动|联通|运营商|通信"),
    "法治日": re.compile(r"法院|检察|司法|法治|普法"),
    "个人信息保护日": re.compile(r"个人信息"),
}


def _of_which_dangles(body: str) -> bool:
    found = _OF_WHICH.search(body)
    if not found:
        return False
    before = re.sub(
        rf"^{REPORT_LEAD}|\d{{4}}年|\d{{1,2}}月(?:\d{{1,2}}日)?(?:至|到|-)?",
        "",
        body[: found.start()],
    )
    return not _STATED_COUNT.search(before)


# A scene whose event the stem must name.
_SCENE = re.compile(
    r"活动现场|(?<![直播])现场(?!演示|体验|下载|咨询)|会上|(?:^|，)(?:开幕式|启动仪式|仪式|活动)上|"
    # 在活动前一周: before which event (round 34)?
    r"(?:^|，|在)活动(?:前|后|开始前|结束后)|"
    # 讲座中，祁振南向同学们介绍了…: which school's lecture (round 36)?
    r"(?:^|，|在)(?:讲座|报告会|宣讲会|主题班会|班会|课堂|培训|演练)(?:中|上|期间)"
)
_EVENT_WORDS = re.compile(
    r"宣传周|主题日|校园日|电信日|法治日|金融日|青少年日|个人信息保护日|发布会|通报会|大会|博览会|论坛"
)
# A place clause about the week itself or a themed day's event.
_WEEK_PLACE = re.compile(
    r"宣传周|主题日|校园日|电信日|法治日|金融日|青少年日|个人信息保护日|开幕式|启动仪式|博览会"
)
_MONTH_DAY = re.compile(r"(?<!\d)\d{1,2}月\d{1,2}日")
# A stem lifted from the middle of a narrative: a pointer back (这些号码, 法院遂…, 林雪梅还提到,
# 我们整理了) or a date relative to the text (不久, 本月2日, 上月, 次日).
_CONTINUATION = re.compile(
    r"^(?:(?:值得|需要)(?:注意|关注|一提|指出)的是|其中|这其中|与此同时|同时|此外|另外|而)"
)
_PERIOD_WORDS = re.compile(r"\d{4}年|[一二〇零]{4}年|\d{1,2}月|以来|今年|去年|上半年|同期|期间")
_NARRATIVE = re.compile(
    r"这些|这批|那些|(?<![\u4e00-\u9fa5])遂|[，。]遂|还(?:提到|表示|介绍|指出|说)|(?<![\u4e00-\u9fa5])不久|"
    r"[，。]不久|(?:本|上|下)月\d{1,2}日|次日|当晚|同日|(?<![\u4e00-\u9fa5])我们|[，。]我们|"
    r"(?:^|[，。])(?:随后|此后|之后|其后|后来)|"
    # 县反诈中心接警后立即启动紧急止付程序: the case whose report it answers is told before
    r"(?:接警|接到报警|接报|报警|报案|案发|事发)(?:后|之后)|"
    # 这是反诈中心的预警劝阻专线: what 这 is (96110的来电) was in the clause the stem cut off
    r"(?:^|报道，|消息，|[，；])这(?:是|就是|说明|表明)|"
    # 同期，… whose period the sentence before said and the stem could not recover (round 16)
    r"(?:^|[，。])同期，|"
    # 另一名学生… : the first one was told in the clause the stem cut off (round 17)
    r"另一(?:名|位|个|起|户|家)|"
    # 经查，这3张银行卡… / 璟沣市此后，林某…: a case's cards told before, and a place a frame put
    # before a connective (round 38)
    r"这(?:\d+|[一二三四五六七八九十两几]+|_+)(?:张|名|个|起|笔|人|家|条|部|款|台)|"
    r"(?:省|市|县|区)(?:经查|此后|随后|之后|后来)[，,]"
)
# An anonymised party of a case (王某, 李某某): a case detail with no one introduced.
_ANONYMISED = re.compile(r"[\u4e00-\u9fa5]某(?:某)?(?![些种人地处])")
# The article describing itself: 我们整理了12条安全小知识 / 本文列出…
_SELF_REFERENCE = re.compile(
    r"(?:我们|本文|下文|以下)[^，。]{0,6}(?:整理|总结|梳理|列出|列举|汇总|收集)|"
    r"(?:整理|总结|梳理|汇总)了[^，。]{0,16}(?:条|个|则|招|点)[^，。]{0,8}(?:小知识|提示|提醒|建议|技巧|要点)"
)
# One defendant's sentence or fine.
_CASE_DETAIL = re.compile(r"判处|罚金|有期徒刑|拘役|缓刑|没收")
# Publicity logistics: 走进4个社区、3所中学, 发放…资料3000余份.
_LOGISTICS = re.compile(
    r"(?:走进|深入|进入)\d+(?:个|所|家)|(?:发放|派发|分发)[^，。]{0,24}\d+(?:余|多)?(?:份|册|张|本)"
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:[万亿千百])?(?:余|多)?(?:[\u4e00-\u9fa5]{1,2})?")

# Counts that are ceremony or campaign trivia, and the words that make a count an enforcement
# or security figure worth knowing.
_TRIVIA_COUNT = re.compile(
    r"表彰|获奖|先进(?:个人|集体|单位|工作者)|颁奖|颁发|宣传(?:资料|单|册|页|品|手册|折页|海报|展板)|"
    r"资料|传单|折页|海报|手册|展板|展台|展位|参展|展区|展出|观众|听众|师生|学员|代表队|报名|"
    r"志愿者|咨询|发放|签名|受众|点击量|浏览量|阅读量|观看|收看|参与|参加|出席|讲座|课时|课程|"
    r"(?:活动|讲座|宣讲|培训|演练|比赛)[^，。]{0,4}场|场(?:次)?(?:活动|讲座|宣讲|培训|演练)|走进|"
    r"面积|平方米|博览会|展览|展会|展商|带来了|"
    # 发布____典型案例 / 比赛中…提交有效漏洞报告127份: a release's or a contest's own tally
    r"(?:发布|通报|公布)[^，。]{0,6}典型案例|"
    # 在全区38所中小学同步开展主题班会: how many schools held the day's lessons (round 21)
    r"\d+所[\u4e00-\u9fa5]{0,4}(?:学校|中小学|小学|中学|高校|院校)[^，。]{0,4}?(?:同步|同时|统一|共同)?"
    r"(?:开展|举办|举行|组织)"
)
# 全省网络安全产业规模达到286亿元，同比增长17.5% / 相关企业436家: an industry's size is
# economics, not what the week teaches a student (the growth's clause counts what the one before
# it names).
_INDUSTRY = re.compile(
    r"产业规模|产业[^，。]{0,6}(?:增长|产值|营收|收入)|相关企业|专精特新|营业收入|产值"
)
# Enforcement outcomes: a count of these is worth knowing even beside a trivia word.
_STRONG_FIGURE = re.compile(
    # 堵截疑似诈骗转账2170笔 / 追缴资金6800余万元 / 非法吸收资金2.36亿元 (round 29)
    r"破获|侦破|侦办|抓获|打掉|捣毁|冻结|止付|挽回|挽损|追回|追缴|追赃|返还|发还|拦截|堵截|劝阻|查处|清理|"
    r"非法吸收|"
    r"立案|起诉|判处|发案|被骗|损失|嫌疑人|预警信息|预警电话"
)
_KEY_FIGURE = re.compile(
    r"破获|侦破|侦办|抓获|打掉|捣毁|冻结|止付|挽回|挽损|追回|追缴|追赃|返还|发还|拦截|堵截|预警|劝阻|查处|"
    r"非法吸收|"
    r"清理|处置|发案|被骗|损失|案件|嫌疑人|团伙|涉诈|立案|起诉|判处|网民|漏洞|备案|举报|受理|"
    r"处罚|罚款|下架|关停|约谈|整改|账户|银行卡|电话卡|同比|占比|比例|规模|非法集资|警情|接报|"
    r"未成年人|网络游戏|上网|触网|点击率|求助|填写了?(?:账号|密码)"
)
# Words that make a date the week's or a themed day's.
_MEETING = re.compile(r"召开[^，。；]{0,30}(?:发布会|通气会|座谈会|会议|推进会|部署会)")
_SPAN_END_GIVEN = re.compile(
    r"宣传周[^，。]{0,12}?(?:从|自|于)?(?:\d{1,2}月\d{1,2}日(?:持续)?(?:至|到)_{2,}|"
    r"_{2,}(?:持续)?(?:至|到)\d{1,2}月\d{1,2}日)"
)
_WEEK_DATE = re.compile(
    r"宣传周[^，。]{0,30}(?:开幕|启动|举行|举办|开展|持续至|闭幕)|宣传周以“[^”]*”为主题|"
    r"(?:开幕式|启动仪式)[^，。]{0,20}(?:举行|举办)|(?:开展|举办|举行|启动)[^，。]{0,40}主题日|"
    r"\d{1,2}月\d{1,2}日(?:是|为|迎来)[^，。]{0,24}(?:校园日|电信日|法治日|金融日|青少年日|个人信息保护日)|"
    r"宣传周[^。]*持续至|"
    r"(?:校园日|电信日|法治日|金融日|青少年日|个人信息保护日)(?:”)?(?:活动|主题活动)?[^，。]{0,20}"
    r"(?:举行|举办|开展|启动)|\d{1,2}月\d{1,2}日(?:为|是)?(?:校园日|电信日|法治日|金融日|青少年日|"
    r"个人信息保护日)|"
    # 《中华人民共和国个人信息保护法》自2021年11月1日起施行: when a law took effect (round 22)
    r"《[^》]{2,30}(?:法|条例|规定|办法)》[^，。]{0,6}(?:自|于)\d{4}年\d{1,2}月\d{1,2}日起?(?:施行|实施|生效)"
)
_OPERATOR_HOTLINES = {"10000": "电信", "10086": "移动", "10010": "联通", "10099": "广电"}
_PERSON_CONTEXT = re.compile(
    rf"(?:{ROLE})、?$|(?:市民|居民|村民|网民|群众|学生|同学|老人|职工|教师|家住[^，。]{{1,12}}的|来自[^，。]{{1,12}}的|"
    r"[\u4e00-\u9fa5]{2,8}(?:区|县|市|镇|街道|乡|村)的?)$"
)


# 实际遭受财产损失的占6.2% / 遭遇后主动告诉家长或老师的只有16.2% / 单笔损失最高达1.2万元: a
# clause whose subject is the clause before it (who was cheated, after what).
_ELLIPTICAL = re.compile(
    r"^(?:[^，；。]{1,20}的(?:占|只有|仅占|仅有|仅为|约占)|单笔|单次|其中|遭遇后|事后|此后)"
)


# 2023年，鹭原市“从损失金额看，…”: a quotation whose speaker and verb the frame dropped.
_UNSPOKEN_QUOTE = re.compile(
    r"^(?:[^“”，]{0,24}，)*[^“”，：:]{0,12}“[^”]{16,}”[。]?(?:这一说法是否正确[？?])?$"
)


def _opens_on_an_ellipsis(fact: Fact, body: str) -> bool:
    """The stem's first clause (after a survey's 《…》显示，) is one whose subject the clause
    before it, in the same sentence after a comma, gave (round 22)."""
    opening = re.sub(r"^《[^》]+》显示，", "", body)
    first = re.split(r"[，；。]", opening)[0]
    if not first or BLANK[:2] in first[:2] or not _ELLIPTICAL.match(first):
        return False
    # (a false version changed its number: find the words before it)
    words = re.split(r"\d|_", first, maxsplit=1)[0]
    at = fact.sentence.analysis.find(words) if len(words) >= 2 else -1
    head = re.sub(r"(?:但是?|而|不过)$", "", fact.sentence.analysis[:at])
    return bool(head) and head[-1] in "，,"


def _outside_quotes(text: str) -> str:
    return re.sub(r"“[^”]*”|「[^」]*」|‘[^’]*’", "“”", text)


def _week_named(document: Document, body: str) -> bool:
    """The stem names the event: the week (with year) or a themed day with a year."""
    if document.event and aligned(document.event) in body:
        return True
    return bool(re.search(r"\d{4}年", body) and _EVENT_WORDS.search(body))


def _bare_person(document: Document, body: str) -> bool:
    """A person named with neither role nor place: 宋立海说… / 市民王女士… (which city?)."""
    names = [m for m in CITIZEN_RE.finditer(body)]
    for match in names:
        if not place_anchored(document, body[: match.start()] + body[match.end() :]):
            return True
    for match in re.finditer(
        r"(?:^|(?<=[，。：；]))[\u4e00-\u9fa5]{2,3}?"
        r"(?=(?:在[\u4e00-\u9fa5]{1,8}?[上中时])?(?:表示|说|介绍|指出|强调|提醒|认为|致辞|坦言))",
        body,
    ):
        name = match.group(0)
        if not is_name(name) or name in {"据介绍", "据了解"}:
            continue
        if not _PERSON_CONTEXT.search(body[: match.start()]):
            return True
    return False


_EVENT_WORD = re.compile(
    r"宣传周|开幕|启动|举行|举办|活动|主题日|日”|召开|发布|开展|施行|实施|上线|开通|成立|签署|通过"
)
_DAY_ACTIVITY = r"(?:校园|电信|法治|金融|青少年|个人信息保护)?日”?(?:主题|系列|宣传)?活动"
# “青少年日”主题活动在县实验中学举行 / 系列活动在大学生活动中心正式启动: one school's or
# venue's event (a province's themed day held in a city is the day itself); 召开新闻通气会; 共有
# 四十余家机构参与“金融日”主题活动.
_LOCAL_EVENT = re.compile(
    rf"{_DAY_ACTIVITY}在[^，。；]{{0,24}}?(?:中学|小学|大学|学院|学校|校区|中心|广场|社区|报告厅|"
    r"礼堂|楼|馆)[^，。；]{0,6}?(?:举行|启动|举办|开展)|召开[^，。；]{0,10}(?:通气会|发布会|座谈会)|"
    rf"(?:参与|参加)[^，。；]{{0,4}}“?{_DAY_ACTIVITY}"
)
# “____”活动在…举行: which themed day an event was is read off its venue or guessed.
_DAY_ACTIVITY_HELD = re.compile(
    r"“日”(?:主题|系列|宣传)?活动在[^，。；]{1,30}?(?:举行|启动|举办|开展)"
)


_CEREMONY_ACT = re.compile(
    r"(?:长|主任|书记|学生|委员|教授|老师|主席|代表|员)([\u4e00-\u9fa5]{2,3}?)"
    r"(?:代表[^，。]{0,16})?(?:发布了|宣读了|作了题为)"
)


def _person_ceremony(body: str) -> bool:
    """A named person's ceremonial act (副书记林茜发布了…, 学生宋雨桐代表全区青少年宣读了…)."""
    return any(is_name(m.group(1)) for m in _CEREMONY_ACT.finditer(aligned(body)))


def _answer_texts(question: dict) -> list[str]:
    if question["type"] == "fill_blank":
        return question["answer"][:1]
    if question["type"] == "true_false":
        return [question.get("claim", "")]
    return [question["options"][i] for i in question["answer"]]


def _odd_key(question: dict) -> bool:
    if question["type"] != "single_choice":
        return False
    key = question["options"][question["answer"][0]]
    others = [o for i, o in enumerate(question["options"]) if i != question["answer"][0]]
    digit = bool(re.search(r"\d", key))
    if all(bool(re.search(r"\d", o)) != digit for o in others):
        return True
    # 95576 among 12321/12389/12381: a company's five-digit line among public 123xx ones is the
    # one of its kind (round 32).
    if re.fullmatch(r"95\d{3}", key) and all(re.fullmatch(r"\d{5}", o) for o in others):
        return not any(o.startswith("95") for o in others)
    return False


_DOCUMENT_HEADING = re.compile(r"^[^《》，。：:]{2,30}(?:倡议书|倡议|公约|承诺书|宣言|守则)$")


def _in_printed_document(document: Document, fact: Fact) -> bool:
    """The fact's sentence is part of a document the article prints in full (an initiative,
    a pledge): its section heading is that document's title."""
    from .stems import document_voice

    sentence = fact.sentence
    if sentence.section < 0:
        return False
    heading = document.sentences[sentence.section].analysis.strip()
    return bool(_DOCUMENT_HEADING.match(heading) or document_voice(document, fact))


# 8月，全市共接报电信网络诈骗警情412起…: a monthly briefing, whose figures are the month's.
_MONTHLY_REPORT = re.compile(
    r"(?:^|[，。；\n])\d{1,2}月(?:份)?[，,]\s*(?:全市|全县|全省|全区|我市|我县)"
)


_FIGURE = re.compile(r"(\d+(?:\.\d+)?)(万|亿)?(%|％)?")


def _figures(text: str) -> tuple[list[float], list[float]]:
    """(counts, percentages) written in ``text`` (dates and years left out)."""
    counts: list[float] = []
    shares: list[float] = []
    for match in _FIGURE.finditer(re.sub(r"\d{4}年|\d{1,2}月|\d{1,2}日|\d{1,2}时", "", text)):
        value = float(match.group(1)) * {"万": 1e4, "亿": 1e8}.get(match.group(2) or "", 1)
        (shares if match.group(3) else counts).append(value)
    return counts, shares


def _share_of_stated(answer: str, body: str) -> bool:
    """Whether the answer is the share (or the part) that two figures in ``body`` give: 67起，
    其中…29起，占43.3% - the part from the whole and its share, or the share from the two."""
    counts, shares = _figures(body.replace(BLANK, " "))
    own_counts, own_shares = _figures(answer)
    if len(own_counts) + len(own_shares) != 1:
        return False
    if own_shares:
        share = own_shares[0]
        return any(
            whole > part > 0 and abs(part / whole * 100 - share) < 0.06
            for whole in counts
            for part in counts
        )
    part = own_counts[0]
    return any(
        whole > part and abs(whole * share / 100 - part) < 0.5 + whole * 0.0005
        for whole in counts
        for share in shares
    )


def _only_small_share(question: dict, body: str) -> bool:
    """告诉家长或老师的仅占____ with 38.5% the one option under half: 仅/只/不足 points at it
    (round 31)."""
    if question["type"] != "single_choice" or not re.search(
        rf"(?:仅|只|不足|不到|仅仅)(?:占|为|有)?{BLANK}", body
    ):
        return False
    values = [_figures(option)[1] for option in question["options"]]
    if not all(len(v) == 1 for v in values):
        return False
    key = values[question["answer"][0]][0]
    return key < 50 and all(v[0] >= 50 for i, v in enumerate(values) if i != question["answer"][0])


_PERSON_COUNT = re.compile(r"(\d+)(?:名|人)")


def _sum_of_stated(answer: str, body: str) -> bool:
    """Whether a count of persons is the sum or the difference of two others the stem states
    (对7名涉案未成年人，…附条件不起诉决定5人、提起公诉2人: round 33)."""
    own = _PERSON_COUNT.fullmatch(answer.strip())
    if not own:
        return False
    value = int(own.group(1))
    others = [int(n) for n in _PERSON_COUNT.findall(body.replace(BLANK, " "))]
    if value in others:
        others.remove(value)
    return any(
        a + b == value or a - b == value
        for i, a in enumerate(others)
        for j, b in enumerate(others)
        if i != j
    )


def _impossible_case_count(question: dict, fact: Fact, body: str) -> bool:
    """186件274人: a case count above the persons it names (or persons below the cases) in an
    option or a false version can be ruled out (round 33)."""
    pair = re.search(r"(\d+)件(\d+)人", fact.sentence.analysis)
    if not pair or fact.text not in pair.group(0):
        return False
    cases, persons = int(pair.group(1)), int(pair.group(2))
    values = [
        int(n)
        for option in question.get("options") or []
        for n in re.findall(r"^(\d+)[件人]$", option)
    ]
    shown = re.search(r"(\d+)件(\d+)人", body)
    if shown:
        values.append(int(shown.group(1)) if fact.text.endswith("件") else int(shown.group(2)))
    if fact.text.endswith("件"):
        return any(v > persons for v in values)
    return any(v < cases for v in values)


def _computable(document: Document, fact: Fact, body: str) -> bool:
    """Whether the student can work the answer out from the stem: a part, whole and share of
    which the stem states two (round 31: 67起 … 29起，占43.3%), a count that two others add up to
    (round 33), or an average (日均5.2万次) beside another figure in its unit (累计…1268万次)."""
    if BLANK in body and _share_of_stated(fact.text, body):
        return True
    if _sum_of_stated(fact.text, body):
        return True
    if BLANK not in body and _share_of_stated(fact.text, body.replace(fact.text, BLANK, 1)):
        return True  # a true/false on all three: a changed one breaks the sum
    lead = document.analysis[max(fact.sentence.start, fact.start - 8) : fact.start]
    unit = re.search(r"[\u4e00-\u9fa5]$", fact.text)
    if not (_AVERAGE_BEFORE.search(lead) and unit):
        return False
    figures = re.findall(rf"\d[\d.,]*[万亿]?{unit.group(0)}", body)
    return len(figures) >= (1 if BLANK in body else 2)


_LAW_TITLE = re.compile(r"《[^《》]{2,30}(?:法|条例|办法|规定)》")


def law_effective_date(fact: Fact) -> bool:
    """Is the date the day a law or regulation the sentence names took effect (《中华人民共和国
    个人信息保护法》…自2021年11月1日起施行)? (The day it was passed, 于2021年8月20日通过, is a
    legislator's date: its neighbours 8月19日/8月21日 test memory, not the rule.)"""
    sentence = fact.sentence.analysis
    at = sentence.find(aligned(fact.text))
    if at < 0 or not _LAW_TITLE.search(sentence[:at]):
        return False
    after = sentence[at + len(aligned(fact.text)) : at + len(aligned(fact.text)) + 8]
    return bool(re.match(r"(?:起)?(?:正式)?(?:施行|实施|生效)", after))


def precision_vetoes(question: dict, fact: Fact, document: Document, shape: str) -> list[str]:
    """The codes of :data:`VETO_REASONS` that apply to ``question`` (``shape`` is its refined
    rule, :func:`quality.shape_key`)."""
    rule = question["generator"]["rule"]
    stem = question["stem"]
    body = aligned(stem)
    outside = _outside_quotes(body).replace(BLANK, "〇")
    codes: list[str] = []
    # 《…调查报告》显示，57.3%的学生…: a share the stem says is that survey's finding, in the
    # survey's period, whatever the source's 此外 or a missing 破获/被骗 word.
    survey = survey_source(document, fact.sentence)
    surveyed = bool(survey) and aligned(survey) in body

    # -- cannot stand alone
    if unresolved_relative(document, stem):
        codes.append("relative_place")
    # 据兴汇银行崧原省分行副行长…介绍，…各网点柜面…: the outlets of the bank the stem names.
    pointers = re.sub(r"((?:银行|分行|支行|信用社)[^。]*?)各网点", r"\1网点", outside)
    if _DANGLING.search(pointers) or _of_which_dangles(outside):
        codes.append("dangling_reference")
    elif fact.kind == "quantity" and re.match(
        r"其中|这其中|当中|从[^，,]{1,10}(?:看|来看)[，,]", fact.sentence.analysis
    ):
        # 其中，帮信罪案件占比最高，约为41% / 从涉案人员看，30岁以下的占比达62.7%: a share or
        # part of the sentence before's figures (its period and base), which the stem lacks.
        codes.append("dangling_reference")
    if re.search(rf"[这那此]{re.escape(BLANK)}", body):
        # “这____案件都有一个共同点…”: the blank counts what 这 points back to (round 41's tuning).
        codes.append("dangling_reference")
    if _opens_on_an_ellipsis(fact, without_report_lead(body)) or _UNSPOKEN_QUOTE.match(body):
        codes.append("dangling_reference")
    elif re.search(r"(?:^|，)(?:数据|统计数据|统计)显示", outside) and not outside.startswith("据"):
        # 2024年1至8月，数据显示，前8个月…: whose data (round 32)?
        codes.append("dangling_reference")
    elif _RATE_OF_A_DRILL.search(outside) and not _DRILL.search(outside):
        # …曦川理工大学全校总体点击率下降了5.3个百分点: the click rate of what (round 37)?
        codes.append("dangling_reference")
    if _SCENE.search(outside) and not _week_named(document, body):
        codes.append("unnamed_scene")
    if _bare_person(document, _outside_quotes(body)):
        codes.append("bare_person")
    if not time_anchored(document, body):
        codes.append("no_year")  # a year, or the week's name (which holds it)
    elif (
        fact.kind == "quantity"
        and re.match(r"^据[^，]{2,30}\d{4}年\d{1,2}月(?:的报道|报道|消息)，", question["stem"])
        and not re.search(
            r"\d{4}年|\d{1,2}月|以来|上半年|同期",
            without_report_lead(body),
        )
        and (
            re.search(r"全月|当月|本月|累计|同比|环比|共计|月份", outside + fact.sentence.analysis)
            # 据柯沅市公安局2023年9月消息，…预警劝阻群众3251人次: a tally of the police's (or a
            # bank's) work counts some period, which the report's date is not (round 30); one
            # case's sums are not a tally.
            or (
                _STRONG_FIGURE.search(outside)
                and _MONTHLY_REPORT.search(document.analysis)
                and not re.search(r"近年|目前|截至|至今|以来|已", without_report_lead(body))
                and not re.search(
                    r"某|先生|女士|大爷|阿姨|大妈|被害人|受害人|一起|该案|此案|案发",
                    fact.sentence.analysis,
                )
            )
        )
    ):
        # 据…2024年9月报道，…全月共接报…: the release date is not the period the figure counts.
        codes.append("no_period")
    elif (
        fact.kind == "quantity"
        and _CONTINUATION.match(fact.sentence.analysis)
        and not _PERIOD_WORDS.search(fact.sentence.analysis)
        and not surveyed
    ):
        # 值得注意的是，帮信案件已占全部网络犯罪案件的47.4%: a share of the sentence before's
        # total, whose period (二〇一八年至今年九月) the stem's year does not give.
        codes.append("no_period")
    if (
        fact.kind != "place"
        # (遇到网络欺凌时，下列做法正确的是？ what to do holds everywhere: its giver and year
        # are what the stem owes, round 24)
        and not (shape.startswith("advice.") and "下列做法" in body)
        and not place_anchored(document, body)
        and not re.search(r"公安机关|公检法|国家", body)
    ):
        codes.append("placeless")
    if GARBLED_PAIR.search(body):
        # (generate drops the pair's first item; one left is one the blank sits in)
        codes.append("garbled_source")
    if _FRAGMENT_TAIL.search(outside):
        codes.append("fragment")
    if _NARRATIVE.search(outside):
        codes.append("narrative_pointer")
    if _ANONYMISED.search(outside):
        codes.append("bare_person")  # 王某 never introduced

    # -- trivia
    kind = fact.kind
    own, before = _clause_of(document, fact)
    if kind == "quantity" and (
        (_TRIVIA_COUNT.search(own) and not _STRONG_FIGURE.search(own))
        # 历时10小时的比赛中，选手们共提交有效漏洞报告127份: a contest's own tally (round 23)
        or re.search(r"比赛|竞赛|对抗赛|大赛|夺旗赛", before + own)
        or not (surveyed or _KEY_FIGURE.search(before + own))
        or _INDUSTRY.search(before + own)
    ):
        codes.append("trivia_count")
    if kind == "date" and law_effective_date(fact):
        pass  # 《个人信息保护法》…自2021年11月1日起施行: when a rule holds is the rule (round 40)
    elif kind == "date" and (
        not (
            _WEEK_DATE.search(fact.sentence.analysis)
            or _WEEK_DATE.search(body.replace(BLANK, "9月9日"))
        )
        # 9月17日上午，在…“电信日”之际，琇澴市公安局召开…新闻发布会: the press conference's date,
        # not the day's (round 39)
        or _MEETING.search(fact.sentence.analysis)
    ):
        codes.append("trivia_date")
    elif (
        kind == "term"
        and question["type"] == "true_false"
        and _MEETING.search(fact.sentence.analysis)
        and re.match(r"^\d{1,2}月\d{1,2}日", without_report_lead(body))
    ):
        # 9月17日上午，在“电信日”之际，…召开新闻发布会。这一说法是否正确？: the meeting's date
        # restated, whichever blank the statement came from (round 39).
        codes.append("trivia_date")
    elif kind == "date" and _SPAN_END_GIVEN.search(body):
        # 宣传周活动从9月15日持续至____: a week is seven days, its other end gives it (round 39).
        codes.append("computable")
    elif kind == "date" and not _EVENT_WORD.search(body.replace(BLANK, "")):
        # ____上午，岫川县人民广场彩旗招展、人头攒动: the date of a scene, whose event the frame
        # cut off (round 20).
        codes.append("unnamed_scene")
    elif (kind in ("date", "term") and _LOCAL_EVENT.search(fact.sentence.analysis)) or (
        kind == "term"
        and _DAY_ACTIVITY_HELD.search(fact.sentence.analysis.replace(fact.text, "日"))
    ):
        # 9月14日，…桐岭县“青少年日”主题活动在县实验中学举行 / …召开新闻通气会 / 共有四十余家
        # 机构参与“金融日”主题活动: when and under what name one local event was held is the
        # report's news, not what the week teaches (round 16); the week's own opening is not
        # such an event.
        codes.append("trivia_date" if kind == "date" else "trivia_contest")
    if kind == "person" or shape.startswith("person."):
        codes.append("trivia_person")
    elif question["type"] == "true_false" and _person_ceremony(body):
        # 团区委副书记林茜发布了《…》。这一说法是否正确？ - who read or released a document at
        # a ceremony: a name to remember, not knowledge (round 15).
        codes.append("trivia_person")
    if shape.startswith("enumeration.organisers"):
        # Which bodies organised the week, one or all of them (a multiple choice on the list):
        # administrative trivia, not what the week teaches (rejected in rounds 1 and 4).
        codes.append("trivia_organiser")
    if kind == "title" and (
        shape.startswith("title.other")
        or question["type"] != "true_false"
        or rule.endswith(".false")
    ):
        codes.append("trivia_title")
    if kind in ("award", "edition") and not re.search(r"宣传周", fact.sentence.analysis):
        codes.append("trivia_contest")
    if (
        _SELF_REFERENCE.search(outside)
        or _SELF_REFERENCE.search(fact.sentence.analysis[:80])
        and (kind == "quantity")
    ):
        codes.append("self_reference")
    if kind in ("quantity", "statement") and _CASE_DETAIL.search(_clause_of(document, fact)[0]):
        codes.append("case_detail")
    if _LOGISTICS.search(outside) or (
        kind == "quantity" and _LOGISTICS.search(_clause_of(document, fact)[0])
    ):
        codes.append("publicity_logistics")
    if kind == "quantity" and _computable(document, fact, body):
        codes.append("computable")
    if kind == "quantity" and _impossible_case_count(question, fact, body):
        codes.append("impossible_option")
    if _MEDIA_CHANNEL.search(fact.sentence.analysis) and (
        kind == "term" or "客户端" in body or "公众号" in body or "专栏" in body
    ):
        codes.append("media_channel")
    if kind == "place" and not (
        _week_named(document, body) and _WEEK_PLACE.search(_clause_of(document, fact)[0])
    ):
        # Where the week (or a themed day) was held is worth knowing; where something else
        # happened on its opening day (an exhibition, a ceremony) is "only a place".
        codes.append("not_in_week")

    # -- wording tricks
    if _in_printed_document(document, fact):
        codes.append("initiative_text")
    if (
        kind == "statement"
        or (kind == "term" and shape.split(".")[1] not in ("slogan", "hotline", "app", "day"))
    ) and not (shape.startswith("term.formula") and question["type"] == "fill_blank"):
        # (the formula of an advice is worth a blank; its true/false and choice versions
        # stay held back: a swapped formula is false only in wording)
        codes.append("slogan_restatement")
    if kind == "enumeration" and (rule.endswith("listed") or "listed" in rule.split(".")[-1]):
        codes.append("open_listed")
    if kind == "enumeration" and fact.attrs.get("category") == "outreach":
        codes.append("outreach_list")

    # -- options
    if kind == "term" and shape.startswith("term.hotline") and rule.endswith(".false"):
        codes.append("hotline_swap")
    if (
        question["type"] == "true_false"
        and kind == "term"
        and shape.startswith("term.hotline")
        and re.search(r"提醒[：:，]", body)
    ):
        # …提醒：如果接到96110的来电，请务必接听。这一说法是否正确？: true because it is a
        # reminder; the number itself is tested by the blank and the choice.
        codes.append("reminder_restated")
    for number, operator in _OPERATOR_HOTLINES.items():
        if number in "".join(_answer_texts(question)) + body and operator not in body:
            codes.append("hotline_owner")
            break
    if question["type"] == "fill_blank" and rule.startswith(("advice.report", "advice.slogan")):
        codes.append("several_answers")
    if (
        kind == "term"
        and re.search(r"报警|匪警", body)
        and ("110" in "".join(_answer_texts(question)) or "110" in body)
    ):
        codes.append("obvious_answer")  # 拨打____报警 -> 110: everyone knows
    if (
        rule in ("advice.report", "advice.report_choice")
        and re.search(r"公安机关|警方|派出所|公安局", "".join(_answer_texts(question)))
        and re.search(r"公安|警察|民警|警官|派出所", re.split(r"提醒|表示|说", body, maxsplit=1)[0])
    ):
        # 广元市副市长、公安局局长方万云提醒：…要及时向____举报 -> 公安机关: a police chief's own
        # advice names his force (round 26's seed re-read).
        codes.append("obvious_answer")
    if (
        kind == "term"
        and question["type"] != "true_false"
        and [a.strip() for a in _answer_texts(question)][:1] == ["110"]
    ):
        # 拿不准时…直接拨打____咨询 -> 110: everyone knows it, and 96110 fits 咨询 too (round 41).
        codes.append("obvious_answer")
    if _part_computable(body, _answer_texts(question)) or (
        question["type"] == "true_false"
        and kind == "quantity"
        and _part_computable(body.replace(aligned(fact.text), "", 1), [aligned(fact.text)])
    ):
        # 累计清理涉诈“两卡”5130张，其中关停涉诈电话卡3260张，…对____涉诈银行卡… (1870张):
        # the whole less the part the stem gives (round 41); 37起，比前一周的45起减少8起: a
        # true/false whose figures add up, or whose changed one does not (round 42).
        codes.append("obvious_answer")
    if question["type"] != "true_false" and _share_computable(body, _answer_texts(question)):
        # 共受理…案件67件112人，其中在校学生19人…，学生群体占比____ (接近17%): the stem's own
        # counts give the share (19/112, round 27).
        codes.append("obvious_answer")
    day = next((d for d in _DAY_GIVEAWAY if d in "".join(_answer_texts(question))), "")
    if day and question["type"] != "true_false" and _DAY_GIVEAWAY[day].search(body):
        # 在…小学举行的“____”活动 -> 校园日: the scene names the day's own field.
        codes.append("obvious_answer")
    if re.search(r"\d小时", "".join(_answer_texts(question))) and re.search(
        r"\d{1,2}(?:时|点)(?:\d{1,2}分)?(?:至|到|-)\d{1,2}(?:时|点)", body
    ):
        # 晚上8时至9时…____小时: the stem's own hours give the duration away (round 18).
        codes.append("obvious_answer")
    if question["type"] == "true_false" and re.match(
        rf"^(?:{REPORT_LEAD})?(?:请|要|务必|不要|切勿|谨防|警惕|牢记|"
        r"下载|安装|开启|打开|关闭|设置|拨打)",
        body,
    ):
        codes.append("not_a_claim")  # 请下载安装…APP。这一说法是否正确？ - an instruction
    if _odd_key(question) or _only_small_share(question, body):
        codes.append("odd_key")
    if (
        rule in ("advice.do_choice", "advice.dont_choice")
        and fact.attrs.get("situation_key", "general") == "general"
        and not fact.attrs.get("numbered")
        and not _own_options(document, question)
    ):
        # 面对网上违法犯罪信息：提高警惕 vs. 把验证码告诉对方: wrong options of another situation.
        codes.append("generic_options")
    if _option_in_stem(question, body):
        codes.append("distractor_in_stem")
    # (A slogan's options are slogan-shaped by design: 不听不信不转账 / 不听不信不声张.)
    if kind != "term" and not rule.endswith("slogan_choice") and _near_duplicates(question):
        # (a theme's options are other years' themes, alike by design)
        codes.append("near_duplicate_options")
    if (
        rule == "advice.dont_choice"
        and fact.attrs.get("situation_key", "general") not in ("report", "after_fraud")
        and any(
            re.search(r"报警|报案", aligned(o)) and aligned(o) not in _section_text(document, fact)
            for i, o in enumerate(question["options"])
            if i not in question["answer"]
        )
    ):
        # 关于“个人信息”，下列做法错误的是？ 立即拨打110报警: right in some situation, not this one.
        codes.append("context_free_option")
    return list(dict.fromkeys(codes))


def _section_text(document: Document, fact: Fact) -> str:
    """The list items of the fact's section (a list's own items are in context, not
    context-free; a closing 最后提醒大家：…拨打110报警 paragraph is not one of them)."""
    section = fact.sentence.section
    if section < 0:
        return fact.sentence.analysis
    return "".join(
        s.analysis
        for s in document.sentences
        if s.section == section and _LIST_ITEM_START.match(s.analysis)
    )


_LIST_ITEM_START = re.compile(
    r"^(?:——|\d{1,2}[.．、]|[一二三四五六七八九十]是|[一二三四五六七八九十]{1,3}、|不要|要(?!求))"
)


def number_key(text: str) -> str:
    """A number with its unit, without 约/余/多/逾/近 (约730万元 and 730余万元 are one number)."""
    text = re.sub(r"[约余多逾近超约]|以上|左右", "", aligned(text))
    return text.replace(",", "")


def _option_in_stem(question: dict, body: str) -> bool:
    """A wrong option printed in the stem: its text, or its number with the unit once
    约/余 are set aside (约730万元 vs 冻结涉案资金730余万元)."""
    if question["type"] not in ("single_choice", "multiple_choice"):
        return False
    stem_key = number_key(body.replace(BLANK, "〇"))
    for index, option in enumerate(question["options"]):
        if index in question["answer"]:
            continue
        text = aligned(option)
        if len(text) >= 2 and text in body:
            return True
        key = number_key(text)
        if re.search(r"\d", text) and len(key) >= 2 and number_in(key, stem_key):
            return True
    return False


def number_in(key: str, text: str) -> bool:
    """``key`` (a number with its unit) occurs in ``text`` not as the tail of a longer number
    (730万元 is in 冻结730万元, not in 1730万元 or 2.730万元)."""
    at = text.find(key)
    while at >= 0:
        if at == 0 or not (text[at - 1].isdigit() or text[at - 1] == "."):
            return True
        at = text.find(key, at + 1)
    return False


def _near_duplicates(question: dict) -> bool:
    """Two options that say nearly the same (把手机短信验证码告诉陌生人 / 把验证码告诉任何人)."""
    if question["type"] not in ("single_choice", "multiple_choice"):
        return False
    grams = []
    for option in question["options"]:
        key = re.sub(r"[^\u4e00-\u9fa5A-Za-z0-9]", "", aligned(option))
        if re.search(r"\d", key) or quantity_from_text(aligned(option).lstrip("约近")):
            # numbers and dates: 67人 / 80人, 9月8日 / 9月10日, 三百八十余宗 / 四百九十余宗 differ
            return False
        grams.append({key[i : i + 2] for i in range(len(key) - 1)})
    for i in range(len(grams)):
        for j in range(i + 1, len(grams)):
            small = min(len(grams[i]), len(grams[j]))
            if small >= 3 and len(grams[i] & grams[j]) / small >= 0.5:
                return True
    return False


def _own_options(document: Document, question: dict) -> bool:
    """Whether most wrong options of an advice choice are the article's own text."""
    wrong = [o for i, o in enumerate(question["options"]) if i not in question["answer"]]
    return sum(aligned(o) in document.analysis for o in wrong) >= 2


def _clause_of(document: Document, fact: Fact) -> tuple[str, str]:
    """The clause holding the fact and the one before it (what a count counts)."""
    clauses = document.clauses(fact.sentence)
    for index, clause in enumerate(clauses):
        if clause.start <= fact.start < clause.end:
            before = clauses[index - 1].analysis if index else ""
            return clause.analysis, before
    return document.analysis[fact.start : fact.end], ""


def _part_computable(body: str, answers: list[str]) -> bool:
    """Whether a count answer is the difference of two counts of the stem in its unit (a total
    of 5130张 and one part of 3260张 give the other part, 1870张), or their sum."""
    found = next((re.fullmatch(r"(\d+)(张|人|名|件|起|户|家|个|条|笔)", a) for a in answers), None)
    if not found:
        return False
    value, unit = int(found.group(1)), found.group(2)
    counts = [int(n) for n in re.findall(rf"(?<![\d.])(\d{{1,7}})(?={unit})", body)]
    return any(a != b and (a - b == value or a + b == value) for a in counts for b in counts)


def _share_computable(body: str, answers: list[str]) -> bool:
    """Whether a percentage answer is one count of the stem divided by another (19人 of 112人)."""
    share = next(
        (re.search(r"(\d+(?:\.\d+)?)[%％]", a) for a in answers if "%" in a or "％" in a), None
    )
    if not share:
        return False
    value = float(share.group(1))
    counts = [int(n) for n in re.findall(r"(?<![\d.])(\d{1,6})(?=人|名|件|起|户|家)", body)]
    return any(
        0 < part < whole and abs(100 * part / whole - value) <= 1.0
        for part in counts
        for whole in counts
    )
