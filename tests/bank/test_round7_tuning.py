"""Generator 2.7: the defect classes found by round 7's blind review (generator 2.6,
tests/bank/data/round7_blind_review.csv), pinned with examples from the round-7 articles, which
became tuning material after that review (tests/bank/articles/h7-*.txt)."""

from __future__ import annotations

import re

from quiz.bank.amounts import equivalent_forms, quantity_from_text
from quiz.bank.quality import statement_incomplete
from tests.helpers.bank_questions import marked_answers, questions_with

ROUND7 = (
    "h7-national-press-release",
    "h7-primary-school-campus-day",
    "h7-procuratorate-rule-of-law-day",
    "h7-provincial-police-typical-cases",
    "h7-rural-credit-finance-day",
    "h7-traditional-youth-day",
)


# The articles the conftest ``built`` fixture generates for this module.
BUILT = ROUND7


def test_two_bodies_joined_by_a_verb_are_not_one_name(built):
    """省反诈中心累计拦截… is the centre's figure; 岚山县公安局会同省反诈中心 (a case's phrase) is
    no full name of 省反诈中心 (five questions credited the wrong body)."""
    _d, police = built["h7-provincial-police-typical-cases"]
    figures = questions_with(police, "累计拦截诈骗电话")
    assert figures and not any("会同" in q["stem"] for q in figures)


def test_a_false_figure_keeps_its_order_with_the_others_of_the_sentence(built):
    """受理…612件1038人，提起公诉547件____: never more prosecuted than received."""
    _d, court = built["h7-procuratorate-rule-of-law-day"]
    for question in questions_with(court, "提起公诉"):
        if question["type"] == "fill_blank":
            continue
        shown = [question["claim"]] if question["type"] == "true_false" else question["options"]
        for text in shown:
            people = [int(n) for n in re.findall(r"(\d+)人", text)]
            assert all(n < 1038 for n in people if n != 1038), text


def test_a_stem_with_its_own_source_gets_no_second_one(built):
    """据…报道，据叶春林介绍 named two sources; the speaker is introduced with the office."""
    _d, court = built["h7-procuratorate-rule-of-law-day"]
    stems = [q["stem"] for q in court.bank["questions"]]
    assert not any("报道，据" in s for s in stems)
    assert any("据松澜市人民检察院党组成员、副检察长叶春林介绍" in s for s in stems)


def test_a_share_seen_from_the_sentence_before_is_dangling(built):
    """从涉案人员看，30岁以下的占比达62.7%: of which crime's offenders, in which period?"""
    _d, court = built["h7-procuratorate-rule-of-law-day"]
    shares = questions_with(court, "30岁以下")
    assert shares and not any(q["recommended"] for q in shares)


def test_options_that_say_one_thing_are_never_offered_together(built):
    """向老師、家長求助 / 告訴老師或家長: one answer offered twice."""
    _d, youth = built["h7-traditional-youth-day"]
    for question in youth.bank["questions"]:
        options = question.get("options") or []
        assert not ({"向老師、家長求助", "告訴老師或家長"} <= set(options)), question["stem"]


def test_a_rules_window_is_asked_among_windows_of_its_length(built):
    """…每日____向未成年人提供1小時網絡遊戲服務: a two-hour window is ruled out by the stem."""
    _d, youth = built["h7-traditional-youth-day"]
    window = next(
        q for q in youth.bank["questions"] if q["generator"]["rule"].endswith("regulation_choice")
    )
    for option in window["options"]:
        start, end = map(int, re.findall(r"\d+", option))
        assert end - start == 1, option
    assert "今年" not in window["stem"]


def test_a_days_name_given_away_by_the_scene_is_not_recommended(built):
    """…“____”主题活动在岚溪区实验小学举行 -> 校园日 is read off the school."""
    _d, campus = built["h7-primary-school-campus-day"]
    asked = [
        q
        for q in campus.bank["questions"]
        if marked_answers(q) and marked_answers(q)[0] == "校园日"
    ]
    assert asked and all("obvious_answer" in q["quality"]["reasons"] for q in asked)


def test_a_statement_ending_on_the_means_is_incomplete():
    """…通过开学第一课、情景剧表演…等形式。: what was done by these means is cut off."""
    assert statement_incomplete(
        "岚溪区…活动以“…”为主题，通过开学第一课、情景剧表演、知识竞答等形式。这一说法是否正确？"
    )


def test_a_themed_days_date_names_its_week(built):
    """据中华网信报…报道，____为金融日: the week is named (2025年国家网络安全宣传周期间，…), and one
    day's date is recommended at most three ways however many sentences state it."""
    _d, national = built["h7-national-press-release"]
    dated = [q for q in national.bank["questions"] if re.search(r"为(?:金融|青少年)日", q["stem"])]
    assert dated and all(q["stem"].startswith("2025年国家网络安全宣传周期间，") for q in dated)
    for day in ("校园日", "电信日", "金融日"):
        shapes = [q for q in national.bank["questions"] if q["recommended"] and day in q["stem"]]
        assert len(shapes) <= 3, day


def test_numeral_answers_accept_arabic_digits():
    """一百五十七宗 / 四十六萬元: a student may write 157宗 or 46万元."""
    assert "157宗" in equivalent_forms("一百五十七宗")
    assert "46万元" in equivalent_forms("四十六万元")
    assert quantity_from_text("接近45%").prefix == "接近"


def test_an_abbreviation_is_named_in_full(built):
    """青禾县农村信用合作联社（以下简称“县联社”）: a stem says the body's full name."""
    _d, credit = built["h7-rural-credit-finance-day"]
    stems = [q["stem"] for q in credit.bank["questions"]]
    assert not any(re.search(r"(?:^|，)县联社", s) for s in stems)


def test_tags_of_offenders_and_amounts(built):
    """在校学生 among offenders is no campus question; 公诉 counts are law's; an amount takes the
    day of what the clause before counts (未成年人网络游戏充值的投诉…涉及金额)."""
    _d, court = built["h7-procuratorate-rule-of-law-day"]
    for question in questions_with(court, "提起公诉"):
        assert question["themed_days"] == ["law"], question["stem"]
    _d, youth = built["h7-traditional-youth-day"]
    amounts = questions_with(youth, "涉及金額____")
    assert amounts and all("youth" in q["themed_days"] for q in amounts)
