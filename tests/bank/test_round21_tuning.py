"""Generator 2.20: classes found by round 21's blind review (generator 2.19.0,
tests/bank/data/round21_blind_review.csv), pinned with examples from the round-21 articles, which
became tuning material after that review (tests/bank/articles/h21-*.txt)."""

from __future__ import annotations

from tests.helpers.bank_questions import questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h21-bank-elderly-finance-day",
    "h21-city-week-summary",
    "h21-county-procuratorate-law-day",
    "h21-telecom-operator-tips",
    "h21-youth-day-school-district",
)

SURVEY = "《云溪区中小学生网络使用情况调查报告（2023）》显示，"


def test_a_surveys_shares_name_the_survey(built):
    """在上网时长方面，工作日每天上网超过两小时的学生占____: the stem says whose survey found it."""
    _d, bank = built["h21-youth-day-school-district"]
    for text in ("上网超过两小时的学生占", "排在前三位的依次是短视频", "的家长知道手机和应用中有"):
        asked = questions_with(bank, text)
        assert asked, text
        assert all(q["stem"].startswith(SURVEY) for q in asked), text
    # 调查结果显示，… is the survey said without its name: replaced, not repeated.
    assert not questions_with(bank, "调查结果显示")
    assert not questions_with(bank, "云溪区在")


def test_how_minors_use_the_internet_is_the_youth_days(built):
    """A survey of 中小学生 on hours online and games: 青少年日, not 校园日."""
    _d, bank = built["h21-youth-day-school-district"]
    asked = questions_with(bank, "上网超过两小时的学生占")
    assert asked
    assert all(q["themed_days"] == ["youth"] for q in asked)


def test_rising_to_a_share_is_still_a_share(built):
    """周末这一比例上升到____: no option above 100% (round 21 offered 102.7%)."""
    _d, bank = built["h21-youth-day-school-district"]
    asked = [q for q in questions_with(bank, "周末这一比例上升到____") if q.get("options")]
    assert asked
    for question in asked:
        assert all(float(o.rstrip("%％")) <= 100 for o in question["options"])


def test_how_many_schools_held_the_lessons_is_not_recommended(built):
    """在全区____中小学同步开展主题班会…: a count of the day's venues."""
    _d, bank = built["h21-youth-day-school-district"]
    assert questions_with(bank, "在全区____中小学")
    assert not recommended_with(bank, "在全区____中小学")


def test_a_role_phrase_alone_is_no_statement(built):
    """作为2023年国家网络安全宣传周“法治日”的重点活动。: in what role, not who did what."""
    _d, bank = built["h21-county-procuratorate-law-day"]
    assert not [q for q in bank.bank["questions"] if q["stem"].startswith("作为")]


def test_like_what_is_not_recommended(built):
    """遇到类似招聘信息，请直接拨打____: 类似 points back to the sentence before."""
    _d, bank = built["h21-telecom-operator-tips"]
    assert questions_with(bank, "遇到类似招聘信息")
    assert not recommended_with(bank, "遇到类似招聘信息")


def test_a_listed_documents_title_is_its_subject(built):
    """1.《…应急预案（2024年修订版）》，将网络安全事件…: the stem drops the item's comma."""
    _d, bank = built["h21-city-week-summary"]
    assert questions_with(bank, "》将网络安全事件由原来的三级调整为")
    assert not questions_with(bank, "》，")


def test_police_fraud_counts_are_the_fraud_days(built):
    """…共破获电信网络诈骗案件1,137起，抓获犯罪嫌疑人____: 电信日; no court or statute, no 法治日."""
    _d, bank = built["h21-city-week-summary"]
    asked = questions_with(bank, "抓获犯罪嫌疑人")
    assert asked
    assert all(q["themed_days"] == ["telecom"] for q in asked)


def test_data_alone_is_no_privacy_topic(built):
    """依托反诈大数据模型，累计拦截涉诈电话…: 数据 there is no personal-information question."""
    _d, bank = built["h21-telecom-operator-tips"]
    asked = questions_with(bank, "反诈大数据模型")
    assert asked
    assert all("privacy" not in q["themed_days"] for q in asked)


def test_this_branch_is_the_branch_named_as_the_source(built):
    """据华岳银行澄州分行统计，…该分行柜面…: 该分行 is the bank the 据 clause names."""
    _d, bank = built["h21-bank-elderly-finance-day"]
    asked = questions_with(bank, "可疑交易")
    assert asked
    assert all("该分行" not in q["stem"] for q in asked)
    assert all("，华岳银行澄州分行柜面" in q["stem"] for q in asked)


def test_that_day_is_its_date(built):
    """当天是2024年国家网络安全宣传周“____”: 9月13日是… (the date the sentence before gives)."""
    _d, bank = built["h21-bank-elderly-finance-day"]
    assert questions_with(bank, "9月13日是2024年国家网络安全宣传周“____”")
    assert not questions_with(bank, "当天是")


def test_figures_with_their_own_period_drop_the_scene(built):
    """活动现场，…通报了一组数据：2022年以来，… -> 2022年以来，青禾县人民检察院共受理…"""
    _d, bank = built["h21-county-procuratorate-law-day"]
    asked = recommended_with(bank, "2022年以来，青禾县人民检察院共受理审查起诉帮信类案件")
    assert asked
    assert all(q["stem"].startswith("2022年以来") for q in asked)


def test_a_placed_tip_still_gets_its_giver_and_week(built):
    """遇到拿不准的法律问题，可以拨打____检察服务热线: whose tip, in which week (it names a place
    but no year)."""
    _d, bank = built["h21-county-procuratorate-law-day"]
    asked = questions_with(bank, "检察服务热线")
    assert asked
    assert all(
        q["stem"].startswith("青禾县人民检察院在2023年国家网络安全宣传周期间提醒：") for q in asked
    )
