"""What each line of a news article is: body text, a heading, or furniture around the news.

Furniture never yields facts and never serves as context: bylines and editor lines
(``责任编辑：何婷``, ``（编辑：李敏 审核：陈刚）``, ``李康 华西都市报-封面新闻记者 刘彦谷``), source
and timestamp lines (``来源：中国网信网　发布时间：2024-09-05 16:20``, a WeChat post's
``合肥市公安局　合肥警方　2024年09月11日 08:30　安徽``), end marks (``（完）``) and photo captions
(``▲ 民警在……讲解反诈知识。通讯员 罗振宇 摄``, ``图为开幕式现场。``, ``（图片来源：合肥警方）``).
A line after the closing byline is a caption too (the seed's last line).

Headings are lines without end punctuation that do not continue a hard-wrapped paragraph:
short lines (subheadings such as ``发案数、损失金额“双下降”`` or ``案例一：“老同学”发来借款消息``)
and numbered ones (``一、冒充电商物流客服``). A line continues into the next one only when it
ends in a dangling word or mark (``…先后部署开展了`` / ``…个人信息、``) or is a long line broken
mid-sentence.

Datelines and bylines at the start of a paragraph (``潇湘晨报9月10日讯（记者 周婧）``,
``西安晚报 记者 赵琳 报道：``, ``【大公報訊】``, ``国际在线湖北频道消息（记者 王某）：``) are
matched by :data:`DATELINE_RE`; the filing date and place are not the news.
"""

from __future__ import annotations

import re

from .textutil import analysis_text

_PAREN = r"[(（][^)）]{0,40}[)）]"
# One dateline / byline opening a paragraph; may chain (masthead, 讯/电, (记者…), 记者… 报道：).
DATELINE_RE = re.compile(
    r"^\s*(?:"
    # 【香港文匯報訊】 / 【编者按】
    r"【[^】]{1,20}】\s*(?:记者\s*[\u4e00-\u9fa5]{2,4}(?:\s+[\u4e00-\u9fa5]{2,4})*\s*"
    r"(?:[\u4e00-\u9fa5]{2,4})?报道\s*[:：]\s*)?|"
    # 新华社福州9月11日电(记者 陈晓东) / 中国网信网北京9月5日电
    r"[^,，。(（:：]{0,16}?\d{1,2}月\d{1,2}日(?:电|讯|消息)\s*(?:" + _PAREN + r")?\s*[:：]?|"
    # 华西都市报(李康 记者 刘彦谷) / 本报讯（全媒体记者 徐铭） / 国际在线湖北频道消息（记者 王某）：
    r"[^,，。:：]{0,18}?(?:报|社|网|台|讯|电|新闻|消息|频道|中心)\s*" + _PAREN + r"\s*[:：]?|"
    # 大公报讯 记者 郑思远 深圳报道： / 西安晚报 记者 赵琳 报道： / 某某日报记者 某某 报道：
    r"[^,，。:：]{0,18}?记者\s*[\u4e00-\u9fa5]{2,4}(?:\s+(?:通讯员\s*)?[\u4e00-\u9fa5]{2,4})*\s*"
    r"(?:[\u4e00-\u9fa5]{2,4})?报道\s*[:：]|"
    # 本报讯 / 厦门网讯 followed directly by the text
    # (本网讯 9月7日，…: the stem's display text has lost the space, round 24)
    # (本院讯 / 本局讯: a court's or bureau's own release, round 34)
    r"[\u4e00-\u9fa5]{1,10}讯\s+|本(?:报|网|台|刊|站|院|局|会|委|校|所)讯\s*"
    r")"
)
# A reporter's own framing of how the news was learned: not part of the fact.
REPORTER_LEAD_RE = re.compile(
    r"^(?:记者|笔者)(?:从|在|于|近日|日前|今天|今日)?[^,，。]{0,30}?(?:获悉|了解到|得知|采访)"
)

_EDITOR_LINE = re.compile(
    r"^[(（【\[]?\s*(?:来源|责任编辑|责编|编辑|审核|审校|校对|终审|监制|统筹|出品|作者|撰稿|撰文|"
    r"图片|图文|摄影|视频|制作|实习编辑|本文来源|原标题|文字|通讯员|记者|编者按|编者的话)\s*[:：/|｜\s]"
)
_END_MARK = re.compile(r"^[(（【\[]\s*(?:完|全文完|终)\s*[)）】\]]$")
# A letter's salutation on a line of its own (尊敬的客户： / 亲爱的同学们： / 各位家长：): it greets
# the reader and is part of no sentence.
_SALUTATION = re.compile(r"^(?:尊敬的|亲爱的|敬爱的|各位|广大)[\u4e00-\u9fa5、]{1,14}[:：]$")
_CAPTION = re.compile(
    r"^(?:▲|△|■|●|◆|↑|图为|图[:：]|图\d|图片说明|上图|下图|左图|右图|组图|配图|视频[:：])|"
    r"(?:摄|供图|图片来源[^)）]*|资料图)\s*[)）]?$|^[(（]\s*(?:图片来源|图源|摄影)"
)
_TIMESTAMP = re.compile(r"\d{4}[-年./]\d{1,2}[-月./]\d{1,2}日?\s*\d{1,2}:\d{2}|发布时间|发表于")
_CLOSING_BYLINE = re.compile(r"^[^。!?]{0,30}记者\s*[\u4e00-\u9fa5]{2,3}\s*$")
_NUMBERED_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．]\s*\S|"
    r"第[一二三四五六七八九十]+[部章节]|案例[一二三四五六七八九十\d]*[:：]|【[^】]+】$)"
)
# Hard-wrapped lines are long; headings and subheadings are short.
_WRAP_MIN_CHARS = 26


# A transcript's turn label on a line of its own: 周牧野： / 发布人 孟庭川： / 北湾日报记者：.
SPEAKER_LABEL = re.compile(
    r"^(?:(?:主持人|发布人|发言人|嘉宾)\s*)?(?P<name>[\u4e00-\u9fa5]{2,4})\s*[:：]$|"
    r"^[\u4e00-\u9fa5]{2,12}记者\s*[:：]$"
)


def is_furniture(line: str) -> bool:
    """Bylines, editor and source lines, timestamps, end marks, photo captions and a letter's
    salutation."""
    text = line.strip()
    if not text:
        return False
    if _EDITOR_LINE.match(text) or _END_MARK.match(text) or _CAPTION.search(text):
        return True
    if _SALUTATION.match(analysis_text(text)):
        return True
    if _TIMESTAMP.search(text) and len(text) <= 60:
        return True
    return bool(_CLOSING_BYLINE.match(text))


def is_numbered_heading(line: str) -> bool:
    """``一、…``, ``（二）…``, ``案例一：…``: a heading whatever its length."""
    return bool(_NUMBERED_HEADING.match(line.strip()))


def may_wrap(line: str, dangling: str) -> bool:
    """Whether an unpunctuated line continues into the next one (a hard-wrapped paragraph)."""
    text = line.rstrip()
    if not text or is_numbered_heading(text):
        return False
    if text[-1] in dangling:
        return True
    return len(text) >= _WRAP_MIN_CHARS and bool(re.search(r"[,;:、，；：]", text[:-1]))


def furniture_lines(lines: list[str]) -> set[int]:
    """Indexes of furniture lines; every line after a closing byline or end mark is furniture
    too (photo captions trail the text)."""
    marked = {index for index, line in enumerate(lines) if is_furniture(line)}
    closing = [
        i
        for i in marked
        if _CLOSING_BYLINE.match(lines[i].strip()) or _END_MARK.match(lines[i].strip())
    ]
    if closing:
        last = min(closing)
        body_after = [
            i for i in range(last + 1, len(lines)) if i not in marked and len(lines[i].strip()) > 40
        ]
        if not body_after:
            marked.update(range(last + 1, len(lines)))
    return marked
