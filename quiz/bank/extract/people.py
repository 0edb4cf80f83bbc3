"""People with roles, found by pattern rules rather than POS tags.

* speakers: ``省委宣传部副部长、省委网信办主任房方表示`` -> 房方 with two roles (also before
  出席/主持/致辞/讲话/宣布 and ``在……上表示``);
* reporters in bylines: ``记者 刘彦谷``;
* anonymised citizens: ``来自广元市朝天区的穆先生``.

A name must start with a common surname (``data/surnames.txt``) and be 2–3 characters; role
phrases must end in a title word (部长, 主任, 局长, ...). ``attrs['roles']`` lists the role
spans, ``attrs['role']`` is ``speaker``/``reporter``/``citizen``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..document import Document
from ..facts import Fact
from ..lexicon import DATA_DIR
from ..segment import Sentence
from .common import make_fact

TITLES = (
    "副部长|部长|副主任|主任|副市长|市长|副省长|省长|副局长|局长|副厅长|厅长|副书记|书记|处长|"
    "副主席|主席|院长|所长|总经理|董事长|理事长|秘书长|校长|负责人|大队长|支队长|队长|"
    "教授|研究员|工程师|总监|警官|民警|检察官|法官|会长|主任委员|副行长|行长|副校长|政委|副政委|"
    "副院长|副所长|副处长|科长|副科长|副支队长|副大队长|常委|总经理|经理|主管|专家|站长|董事|党组成员|党委委员|新闻发言人|发言人|检察长|副检察长|庭长|副庭长|"
    # (省网络安全专家库成员樊启航, round 26)
    "成员|委员|律师|辅导员|"
    # (向阳花社会工作服务中心督导颜书禾, round 35)
    "督导|社工"
)
ROLE = rf"[\u4e00-\u9fa5()]{{1,24}}?(?:{TITLES})"
SPEAKER_RE = re.compile(
    rf"(?P<roles>{ROLE}(?:、{ROLE})*)(?P<name>[\u4e00-\u9fa5]{{2,3}}?)"
    r"(?=表示|说|指出|介绍|强调|称|认为|提醒|呼吁|透露|坦言|告诉|出席|主持|致辞|讲话|宣布|"
    r"在[^,。;:“”]{1,20}?(?:上|中|时)(?:表示|说|指出|介绍|强调|致辞|讲话|"
    # 颜书禾在活动中与家长分享了亲子沟通的经验 (round 35)
    r"(?:与|向|为|给)[^,。;:“”]{1,8}?分享))"
)
REPORTER_RE = re.compile(r"记者\s*(?P<name>[\u4e00-\u9fa5]{2,3})(?![\u4e00-\u9fa5])")
CITIZEN_RE = re.compile(
    r"(?P<name>(?:欧阳|司马|上官|诸葛|东方|皇甫|令狐|慕容|[\u4e00-\u9fa5])(?:先生|女士|同学|大爷|阿姨))"
    # (向同学们介绍, 和女士们: a plural is the audience, not 向同学 or 和女士, round 25)
    r"(?!们)"
)


@lru_cache(maxsize=1)
def surnames() -> tuple[str, ...]:
    """Surnames, double-character ones first so they match before single ones."""
    text = (DATA_DIR / "surnames.txt").read_text(encoding="utf-8")
    words = [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]
    return tuple(sorted(words, key=len, reverse=True))


def is_name(text: str) -> bool:
    """True for a plausible personal name (surname + 1–2 characters)."""
    return 2 <= len(text) <= 3 and any(
        text.startswith(s) and len(text) > len(s) for s in surnames()
    )


def extract(document: Document, sentence: Sentence) -> list[Fact]:
    """Person facts of one sentence."""
    analysis = document.analysis
    facts = []
    for match in SPEAKER_RE.finditer(analysis, sentence.start, sentence.end):
        name = match.group("name")
        if not is_name(name):
            continue
        roles = []
        cursor = match.start("roles")
        for part in match.group("roles").split("、"):
            roles.append((cursor, cursor + len(part)))
            cursor += len(part) + 1
        # Drop a leading 据 / 在 that belongs to the sentence, not to the role.
        first_start, first_end = roles[0]
        while analysis[first_start] in "据在由经" and first_end - first_start > 3:
            first_start += 1
        roles[0] = (first_start, first_end)
        start, end = match.span("name")
        facts.append(
            make_fact(
                document, sentence, "person", "people", start, end, role="speaker", roles=roles
            )
        )
    for match in REPORTER_RE.finditer(analysis, sentence.start, sentence.end):
        if is_name(match.group("name")):
            start, end = match.span("name")
            facts.append(
                make_fact(
                    document, sentence, "person", "people", start, end, role="reporter", roles=[]
                )
            )
    for match in CITIZEN_RE.finditer(analysis, sentence.start, sentence.end):
        start, end = match.span("name")
        surname = analysis[start:end][:-2]
        if surname and surname in surnames():
            facts.append(
                make_fact(
                    document, sentence, "person", "people", start, end, role="citizen", roles=[]
                )
            )
    return facts
