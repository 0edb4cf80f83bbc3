"""Generator 2.3: the defect classes found by round 3's blind review (generator 2.2,
tests/bank/data/round3_blind_review.csv), pinned with examples from the round-3 articles, which
became tuning material after that review (tests/bank/articles/h3-*.txt)."""

from __future__ import annotations

import re

from quiz.bank import generate, load_article
from quiz.bank.generate import MAX_RECOMMENDED_PER_BLANK
from quiz.bank.quality import statement_incomplete
from quiz.bank.recommend import number_in, number_key
from quiz.bank.relative_places import home_places

from .conftest import ARTICLES

ROUND3 = (
    "h3-city-telecom-day",
    "h3-county-police-antifraud",
    "h3-privacy-day-traditional",
    "h3-provincial-opening",
    "h3-rule-of-law-day",
    "h3-school-campus-day",
    "h3-security-tips",
)


# The articles the conftest ``built`` fixture generates for this module.
BUILT = ROUND3


def _questions(build, text=""):
    return [q for q in build.bank["questions"] if text in q["stem"]]


def _recommended(build):
    return [q for q in build.bank["questions"] if q["recommended"]]


def _reasons(question):
    return set(question["quality"]["reasons"])


# 1. Stems lifted from a narrative ------------------------------------------------------------


def test_stems_lifted_from_a_narrative_are_not_recommended(built):
    """2023年3月，不久，这些号码被用于… / 林雪梅还提到，本月2日… / 法院遂以…判处王某…: a pointer back,
    a relative date, an anonymised party nobody introduced."""
    _d, telecom = built["h3-city-telecom-day"]
    pointer = _questions(telecom, "这些号码")
    assert pointer and all(
        not q["recommended"] and "narrative_pointer" in _reasons(q) for q in pointer
    )
    _d, law = built["h3-rule-of-law-day"]
    speaker = _questions(law, "还提到")
    assert speaker and all(not q["recommended"] for q in speaker)
    assert all("narrative_pointer" in _reasons(q) for q in speaker)
    defendant = _questions(law, "王某")
    assert defendant and all(
        not q["recommended"] and "bare_person" in _reasons(q) for q in defendant
    )


# 2. Questions about the article rather than the subject ------------------------------------


def test_questions_about_the_article_itself_are_not_recommended(built):
    """我们整理了日常上网中最常用的12条安全小知识 (the article counting its own tips), 走进4个社区、
    3所中学…发放…资料3000余份 (publicity logistics), one defendant's fine (a case detail)."""
    _d, tips = built["h3-security-tips"]
    own = _questions(tips, "我们整理了")
    assert own and all(not q["recommended"] and "self_reference" in _reasons(q) for q in own)
    _d, law = built["h3-rule-of-law-day"]
    logistics = _questions(law, "走进")
    assert logistics and all(
        not q["recommended"] and "publicity_logistics" in _reasons(q) for q in logistics
    )
    fines = [q for q in _questions(law, "罚金") if q["generator"]["rule"].startswith("quantity")]
    assert fines and all("case_detail" in _reasons(q) for q in fines)


# 3. Distractors ------------------------------------------------------------------------------


def test_a_number_printed_in_the_stem_is_never_a_recommended_distractor(built):
    """冻结涉案资金730余万元 in the stem, 约730万元 among the options: one number once 约/余 go."""
    assert number_key("约730万元") == number_key("730余万元") == "730万元"
    for name, (_d, build) in built.items():
        for question in _recommended(build):
            if question["type"] != "single_choice":
                continue
            stem = number_key(question["stem"])
            for index, option in enumerate(question["options"]):
                if index not in question["answer"] and re.search(r"\d", option):
                    key = number_key(option)
                    assert not number_in(key, stem), (name, option)


def test_near_duplicate_and_context_free_options_are_not_recommended(built):
    """把手机短信验证码告诉陌生人 / 把验证码告诉任何人 (two options saying one thing), and 立即拨打110
    报警 as a "right" option of 关于“个人信息”，下列做法错误的是？ (wrong out of context)."""
    _d, tips = built["h3-security-tips"]
    choices = [q for q in _questions(tips, "关于“") if q["type"] == "single_choice"]
    dup = [
        q
        for q in choices
        if "把验证码告诉任何人" in q["options"] and "把手机短信验证码告诉陌生人" in q["options"]
    ]
    # (Since 2.7 the options are chosen so that no two say one thing: such a pair is not even
    # offered; were it offered, it would not be recommended.)
    assert choices and all("near_duplicate_options" in _reasons(q) for q in dup)
    # (Since 2.4 a list of a ``conduct`` situation takes no option from the fraud advice at
    # all, so the 110 option may not be offered in the first place.)
    loose = [q for q in choices if "立即拨打110报警" in q["options"]]
    assert all(not q["recommended"] and "context_free_option" in _reasons(q) for q in loose)


# 4. Tags from what the question tests --------------------------------------------------------


def test_tags_follow_what_the_question_tests(built):
    """关于“手机与电脑”: 及时更新系统 is no telecom question; 关于“上网与支付”: public WiFi is no
    finance question; the 网络安全法/数据安全法 claim is law, not privacy (个人信息保护法 is only
    named beside it)."""
    _d, tips = built["h3-security-tips"]
    for question in _questions(tips, "关于“手机与电脑”"):
        assert "telecom" not in question["themed_days"]
    for question in _questions(tips, "关于“上网与支付”"):
        assert "finance" not in question["themed_days"]
    _d, law = built["h3-rule-of-law-day"]
    claim = [
        q for q in _questions(law, "《网络安全法》2016年11月通过") if q["type"] == "true_false"
    ]
    assert claim and all(
        "law" in q["themed_days"] and "privacy" not in q["themed_days"] for q in claim
    )


# 5. Recall -----------------------------------------------------------------------------------


def test_the_traditional_article_finds_its_city_and_gets_recommended_questions(built):
    """琴州市「個人信息保護日」… / 琴州市當天上午在…舉辦: the city was "no place" (its name before 「
    or a time word was not read), so 全市/市公安局 stayed unresolved and nothing was recommended."""
    document, build = built["h3-privacy-day-traditional"]
    assert home_places(document) == {"city": "琴州市"}
    recommended = _recommended(build)
    assert len(recommended) >= 5
    assert all("这一说法是否正确" not in q["stem"] for q in recommended)  # its own script
    # The ——list of 陳嘉怡's advice gives advice questions naming her.
    advice = [q for q in recommended if q["generator"]["rule"].startswith("advice.")]
    assert any("琴州市委網信辦副主任陳嘉怡" in q["stem"] for q in advice)


def test_advice_lists_give_recommended_advice_questions(built):
    """警方提醒：记住这些“要”和“不要” + unnumbered 要…；/不要…； lines (one sentence each), and
    崔立军提醒同学们记住几条： + 一是…；二是… items, said by the one the heading names."""
    document, police = built["h3-county-police-antifraud"]
    lines = [s.analysis for s in document.sentences if s.analysis.startswith(("要", "不要"))]
    assert len(lines) == 7
    advice = [q for q in _recommended(police) if q["generator"]["rule"].startswith("advice.")]
    assert {q["generator"]["rule"] for q in advice} >= {"advice.do_choice", "advice.dont_choice"}
    assert all("泊阳县公安局提醒" in q["stem"] for q in advice)
    _d, campus = built["h3-school-campus-day"]
    listed = [q for q in _questions(campus, "崔立军提醒") if q["generator"]["rule"] != ""]
    assert listed and all("邀请" not in q["stem"] for q in listed)
    # A 不要…，(do part) item is cut before its do part: 相信“免费领皮肤”…等信息 is wrong as a whole.
    assert not any(
        "充值只走游戏官方渠道" in option and "相信" in option
        for q in listed
        for option in q["options"]
    )


def test_a_rule_a_law_sets_is_asked_on_its_window(built):
    """按照国家规定，网络游戏企业只能在…每日20时至21时向未成年人提供服务: a recommended choice among
    other windows (all outside the rule), tagged youth."""
    _d, campus = built["h3-school-campus-day"]
    rule = [q for q in _recommended(campus) if q["generator"]["rule"] == "advice.regulation_choice"]
    assert len(rule) == 1
    question = rule[0]
    assert "按照国家规定，网络游戏企业只能在" in question["stem"]
    assert question["options"][question["answer"][0]] == "20时至21时"
    assert "youth" in question["themed_days"]
    # 根据国家新闻出版署2021年发布的通知，…每日20时至21时，向未成年人提供1小时网络游戏服务: a notice's
    # rule, its window followed by a comma, keeps what the window is for.
    h2 = generate([load_article(ARTICLES / "h2-youth-day-tips.txt")])
    notice = [
        q for q in h2.bank["questions"] if q["generator"]["rule"] == "advice.regulation_choice"
    ]
    assert len(notice) == 1 and notice[0]["recommended"]
    assert notice[0]["stem"].endswith("每日____，向未成年人提供1小时网络游戏服务。")


def test_one_blank_is_never_recommended_three_ways(built):
    """9月13日是…“电信日”: a choice, a fill-blank and a true/false on one blank (and the schedule
    and date extractors each asking it) - at most two of them stay recommended."""
    for name, (_d, build) in built.items():
        groups: dict[tuple, int] = {}
        for question in _recommended(build):
            if question["generator"]["rule"].startswith(("advice.", "scenario.")):
                continue
            spans = tuple(map(tuple, question["source"]["answer_spans"]))
            key = (question["fact"].rsplit("-", 1)[-1], spans)
            groups[key] = groups.get(key, 0) + 1
        assert max(groups.values(), default=0) <= MAX_RECOMMENDED_PER_BLANK, name
    _d, telecom = built["h3-city-telecom-day"]
    held = [q for q in telecom.bank["questions"] if "same_fact" in _reasons(q)]
    assert held and all(not q["recommended"] for q in held)


def test_the_law_provides_without_what_is_no_statement():
    """《個人信息保護法》自2021年11月1日起施行，法律規定。 (2.24): what it provides was cut off."""
    assert statement_incomplete("《个人信息保护法》自2021年11月1日起施行，法律规定。")
    assert not statement_incomplete("《个人信息保护法》自2021年11月1日起施行。")
