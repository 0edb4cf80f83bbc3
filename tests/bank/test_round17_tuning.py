"""Generator 2.16: classes found by round 17's blind review (generator 2.15.0,
tests/bank/data/round17_blind_review.csv), pinned with examples from the round-17 articles, which
became tuning material after that review (tests/bank/articles/h17-*.txt)."""

from __future__ import annotations

from tests.helpers.bank_questions import questions_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h17-insurance-finance-day",
    "h17-middle-school-campus-day",
    "h17-provincial-closing-report",
    "h17-traditional-privacy-day",
)


def test_one_to_eight_is_a_period(built):
    """1至8月，全省公安机关… is a period of its own: 2024年1至8月，…, never 2024年以来，1至8月；and
    宣传周期间 needs no 2024年以来 before it."""
    _d, bank = built["h17-provincial-closing-report"]
    assert questions_with(bank, "2024年1至8月，东陵全省公安机关共破获")
    assert not questions_with(bank, "以来，1至8月")
    assert not questions_with(bank, "期间，2024年以来")


def test_a_range_into_this_year_keeps_its_start(built):
    """2024年1月至今年8月 -> 2024年1月至2025年8月 (never 2025年8月 alone, which makes the key
    wrong); a statement that is only the range is incomplete."""
    _d, bank = built["h17-traditional-privacy-day"]
    counted = questions_with(bank, "共受理涉及個人信息的消費投訴")
    assert counted
    assert all("2024年1月至2025年8月" in q["stem"] for q in counted)
    assert not questions_with(bank, "2024年1月至2025年10月。")


def test_a_short_name_two_bodies_share_is_not_expanded(built):
    """西岭监管局辖内 in an article naming 国家金融监督管理总局西岭监管局 and 中国证监会西岭监管局:
    never one of them chosen at random, and 辖内 after a body stays that body's jurisdiction."""
    _d, bank = built["h17-insurance-finance-day"]
    asked = questions_with(bank, "代理退保”的投诉举报")
    assert asked
    assert not any("证监会西岭监管局" in q["stem"] for q in asked)
    assert not any("锦原市共接收" in q["stem"] for q in asked)


def test_a_list_under_a_heading_is_the_headings_giver(built):
    """四、消委會提出六條建議 over （六）發現個人信息被洩露…: the council's advice, not 鷺原日報's."""
    _d, bank = built["h17-traditional-privacy-day"]
    asked = questions_with(bank, "發現個人信息被洩露或濫用")
    assert asked
    assert all(q["stem"].startswith("鷺原市消委會") for q in asked)
    assert not questions_with(bank, "鷺原日報在")


def test_the_other_pupil_is_not_recommended(built):
    """另一名学生轻信网友… : the first pupil was told in the clause the stem cut off."""
    _d, bank = built["h17-middle-school-campus-day"]
    other = questions_with(bank, "另一名学生")
    assert other and not any(q["recommended"] for q in other)


def test_a_bare_opening_ceremony_says_whose_week(built):
    """9月9日上午，宣传周开幕式在青川市国际会展中心举行 -> 东陵省2024年国家网络安全宣传周开幕式."""
    _d, bank = built["h17-provincial-closing-report"]
    assert questions_with(bank, "东陵省2024年国家网络安全宣传周开幕式在青川市国际会展中心举行")
    assert not questions_with(bank, "，宣传周开幕式")


def test_no_chinese_numeral_among_arabic_options(built):
    """被骗1280元 never has 三百元 among 780元/2800元."""
    _d, bank = built["h17-middle-school-campus-day"]
    for question in questions_with(bank, "被骗____"):
        assert "三百元" not in (question.get("options") or [])


def test_an_event_without_its_holder_is_not_recommended(built):
    """在鷺原市民中心廣場舉辦主題宣傳活動，並發佈《…》: who held it was cut off."""
    _d, bank = built["h17-traditional-privacy-day"]
    headless = [
        q
        for q in bank.bank["questions"]
        if q["stem"].split("，", 1)[-1].startswith("在鷺原市民中心")
    ]
    assert not any(q["recommended"] for q in headless)
