"""Generator 2.21: classes found by round 22's blind review (generator 2.20.0,
tests/bank/data/round22_blind_review.csv), pinned with examples from the round-22 articles, which
became tuning material after that review (tests/bank/articles/h22-*.txt)."""

from __future__ import annotations

from tests.helpers.bank_questions import questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h22-county-police-fraud-cases",
    "h22-court-privacy-day",
    "h22-traditional-finance-day",
    "h22-vocational-campus-day",
    "h22-youth-day-survey-and-lessons",
)


def test_a_local_weeks_day_says_whose_week(built):
    """____是2023年网络安全宣传周“电信日”: 苇塘县's programme, not the national week's."""
    _d, bank = built["h22-county-police-fraud-cases"]
    asked = questions_with(bank, "宣传周“电信日”") + questions_with(bank, "宣传周的“电信日”")
    asked += questions_with(bank, "宣传周“____”")
    assert asked
    assert all("苇塘县" in q["stem"] for q in asked)


def test_a_clause_whose_subject_is_the_clause_before_is_not_recommended(built):
    """…诈骗信息，实际遭受财产损失的占6.2% / 但遭遇后主动告诉家长或老师的只有35.6%: of whom?"""
    _d, bank = built["h22-youth-day-survey-and-lessons"]
    for text in (
        "显示，实际遭受财产损失的占",
        "显示，遭遇后主动告诉家长或老师的只有",
        "显示，单笔损失",
    ):
        assert not recommended_with(bank, text), text


def test_the_services_a_gang_sold_are_no_finance_topic(built):
    """打掉为诈骗团伙提供转账洗钱、引流推广服务的违法犯罪团伙____: police work, not 金融日."""
    _d, bank = built["h22-county-police-fraud-cases"]
    asked = questions_with(bank, "引流推广服务的违法犯罪团伙")
    assert asked
    assert all("finance" not in q["themed_days"] for q in asked)


def test_how_a_victim_was_tricked_is_the_tricks_day(built):
    """王女士…骗子是怎样骗她的？ (a fake customer-service call): 电信日, not 金融日 for her bank card."""
    _d, bank = built["h22-county-police-fraud-cases"]
    asked = [
        q for q in questions_with(bank, "王女士") if q["generator"]["rule"].startswith("scenario")
    ]
    assert asked
    assert all("finance" not in q["themed_days"] for q in asked)


def test_a_minors_rumour_is_the_youth_days(built):
    """一名初中生…编造“某学校食堂饭菜有毒”的虚假信息: 青少年日; the unnamed school is a scene."""
    _d, bank = built["h22-youth-day-survey-and-lessons"]
    asked = recommended_with(bank, "编造“某学校食堂饭菜有毒”")
    assert asked
    assert all(q["themed_days"] == ["youth"] for q in asked)


def test_also_points_back(built):
    """…的工作人员还分别就求职“培训贷”…作了提醒: 还 continues a sentence the stem lacks."""
    _d, bank = built["h22-vocational-campus-day"]
    assert questions_with(bank, "还分别就")
    assert not recommended_with(bank, "还分别就")


def test_a_list_paragraph_holds_one_item_per_sentence(built):
    """一是不要轻信…；二是…；三是…: each item is a sentence (no stem spans two items)."""
    document, _bank = built["h22-vocational-campus-day"]
    items = [
        s for s in document.sentences if s.analysis[:2] in ("一是", "二是", "三是", "四是", "五是")
    ]
    assert len(items) == 5


def test_a_releases_today_is_its_date(built):
    """今天是2023年网络安全宣传周“个人信息保护日”, in a release of 2023-09-17: 9月17日是…"""
    _d, bank = built["h22-court-privacy-day"]
    assert questions_with(bank, "9月17日是2023年网络安全宣传周“____”")
    assert not recommended_with(bank, "今天")


def test_when_a_law_took_effect_is_worth_knowing(built):
    """《中华人民共和国个人信息保护法》自____起施行: a national law, said as such, is recommended."""
    _d, bank = built["h22-court-privacy-day"]
    assert recommended_with(bank, "《中华人民共和国个人信息保护法》自____起施行")


def test_each_bank_is_the_citys(built):
    """各銀行對大額轉帳…的客戶進行電話回訪: the banks of 青楓市, the article's city."""
    _d, bank = built["h22-traditional-finance-day"]
    asked = questions_with(bank, "勸阻疑似被騙客戶")
    assert asked
    assert all(q["stem"].startswith("青楓市各銀行") for q in asked)


def test_a_traditional_transfer_reads_as_one():
    """轉帳 converts to 转帐; the analysis copy writes 转账, as the topic map's keywords do."""
    from quiz.bank.textutil import analysis_text

    assert analysis_text("向陌生帳戶轉帳") == "向陌生账户转账"
