"""Generator 2.34: classes found by round 33's blind review (generator 2.33.0,
tests/bank/data/round33_blind_review.csv), pinned with examples from the round-33 articles, which
became tuning material after that review (tests/bank/articles/h33-*.txt)."""

from __future__ import annotations

from tests.helpers.bank_questions import questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h33-city-police-press-conference",
    "h33-procuratorate-youth-day",
    "h33-town-privacy-day-elderly",
    "h33-traditional-finance-day-bank-association",
)


def test_a_lists_lead_line_names_its_body(built):
    """協會同時發布防騙提示： + 六、發現詐騙短信可向12321舉報…: the bankers' association's tips, not
    the police anti-fraud centre's (the issue's wrong-attribution class)."""
    _d, bank = built["h33-traditional-finance-day-bank-association"]
    tips = questions_with(bank, "發現詐騙短信可向")
    assert tips
    assert all(q["stem"].startswith("翡嶼市銀行業協會") for q in tips)
    assert not questions_with(bank, "反詐中心在2022年國家網絡安全宣傳周期間提醒")


def test_members_of_an_unnamed_association_are_not_recommended(built):
    """各會員單位依託涉詐風險交易監測系統識別可疑交易5863筆: members of which association?"""
    _d, bank = built["h33-traditional-finance-day-bank-association"]
    assert questions_with(bank, "各會員單位")
    assert not recommended_with(bank, "各會員單位")


def test_a_sum_the_stem_gives_is_computable(built):
    """对7名涉案未成年人，…附条件不起诉决定5人、提起公诉2人: each figure is the others' sum or
    difference, and a false version breaks it."""
    _d, bank = built["h33-procuratorate-youth-day"]
    parts = questions_with(bank, "涉案未成年人")
    assert parts
    assert not any(q["recommended"] for q in parts if "提起公诉" in q["stem"])


def test_cases_above_their_persons_are_impossible_options(built):
    """…案件186件274人: 301件 or 391件 beside 274人 can be ruled out."""
    _d, bank = built["h33-procuratorate-youth-day"]
    cases = [q for q in questions_with(bank, "274人") if q["type"] == "single_choice"]
    assert cases
    assert all("impossible_option" in q["quality"]["reasons"] for q in cases)


def test_a_transcripts_speaker_label_is_who_said_it(built):
    """魏嘉宁：今年1月至8月，全市公安机关共破获…: …新闻发言人魏嘉宁介绍，…"""
    _d, bank = built["h33-city-police-press-conference"]
    assert not any(q["stem"].startswith("魏嘉宁：") for q in bank.bank["questions"])
    assert questions_with(bank, "新闻发言人魏嘉宁介绍，")


def test_offline_privacy_tips_are_not_said_to_be_online(built):
    """不要为了领鸡蛋、领挂面登记身份证号码: 关于保护个人信息, not 在网上使用各类平台和APP; and
    4. 收到骚扰电话和诈骗短信，要请子女帮忙向12321举报 is the telecom day's."""
    _d, bank = built["h33-town-privacy-day-elderly"]
    eggs = [
        q for q in questions_with(bank, "关于保护个人信息，下列做法") if "下列做法错误" in q["stem"]
    ]
    assert any("为了领鸡蛋、领挂面登记身份证号码" in q["options"] for q in eggs)
    online = questions_with(bank, "在网上使用各类平台和APP")
    assert not any("为了领鸡蛋、领挂面登记身份证号码" in q["options"] for q in online)
    report = questions_with(bank, "向____举报")
    assert report and all("telecom" in q["themed_days"] for q in report)
