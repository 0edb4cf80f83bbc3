"""Generator 2.10: the defect classes found by round 10's blind review (generator 2.9,
tests/bank/data/round10_blind_review.csv), pinned with examples from the round-10 articles, which
became tuning material after that review (tests/bank/articles/h10-*.txt)."""

from __future__ import annotations

from quiz.bank.amounts import equivalent_forms
from quiz.bank.layout import is_furniture
from quiz.bank.quality import statement_incomplete
from tests.helpers.bank_questions import questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h10-bank-finance-day",
    "h10-campus-day",
    "h10-court-pi-cases",
    "h10-provincial-opening",
    "h10-telecom-sim-card",
    "h10-trad-lingwan",
    "h5-district-police-weekly-alert",
    "h8-traditional-telecom-day",
)


def test_a_letters_salutation_is_no_part_of_a_stem(built):
    """尊敬的客户： on its own line greets the reader; 9月18日是…“金融日” starts the stem."""
    assert is_furniture("尊敬的客户：") and is_furniture("亲爱的同学们：")
    assert not is_furniture("要做到：")
    _d, bank = built["h10-bank-finance-day"]
    assert not questions_with(bank, "尊敬的")
    assert recommended_with(bank, "9月18日")


def test_a_do_and_dont_heading_is_no_topic(built):
    """要做到： / 不要做：: no 关于“要做到”，下列做法… (and no double negative)."""
    _d, bank = built["h10-bank-finance-day"]
    assert questions_with(bank, "下列做法")
    assert not questions_with(bank, "关于“要做到”") and not questions_with(bank, "关于“不要做”")


def test_a_right_option_is_not_the_longest_by_far(built):
    """通过正规金融机构和官方渠道购买理财产品，投资前查验…金融牌照 beside options of 12-17
    characters: the key keeps its first clause."""
    _d, bank = built["h10-bank-finance-day"]
    for question in questions_with(bank, "下列做法正确的是"):
        key = question["options"][question["answer"][0]]
        others = [o for i, o in enumerate(question["options"]) if i != question["answer"][0]]
        assert len(key) <= 1.6 * max(len(o) for o in others)


def test_the_organisers_and_this_years_week_name_the_week(built):
    """主辦單位表示，今年宣傳周以「…」為主題: the week is 嶺灣市二〇二五年國家網絡安全宣傳周 (a
    year in Chinese numerals), named once."""
    document, lingwan = built["h10-trad-lingwan"]
    assert document.event == "嶺灣市二〇二五年國家網絡安全宣傳周"
    themes = questions_with(lingwan, "為主題")
    assert themes and all("嶺灣市二〇二五年國家網絡安全宣傳周" in q["stem"] for q in themes)
    assert not any(q["stem"].count("宣傳周") > 1 for q in themes)


def test_a_provinces_events_are_the_event_and_a_half_list_is_dropped(built):
    """2023年国家网络安全宣传周嵩岚省活动; 由…共同主办，岚城市委、市政府承办，将持续至9月17日:
    the stem is 2023年国家网络安全宣传周嵩岚省活动将持续至____ (no 承办 without its 由)."""
    document, opening = built["h10-provincial-opening"]
    assert document.event == "2023年国家网络安全宣传周嵩岚省活动"
    until = questions_with(opening, "持续至")
    assert until and not any("承办" in q["stem"] for q in until)
    assert recommended_with(opening, "2023年国家网络安全宣传周嵩岚省活动将持续至")


def test_an_industrys_size_is_not_recommended(built):
    """全省共有网络安全相关企业436家…；2022年全省网络安全产业规模达到286亿元，同比增长17.5%:
    economics, not the week's lesson."""
    _d, opening = built["h10-provincial-opening"]
    assert questions_with(opening, "相关企业")
    assert not recommended_with(opening, "相关企业") and not recommended_with(opening, "产业规模")


def test_a_figure_above_a_bound_accepts_the_bare_figure():
    """超过960万条: a student who writes 960万条 knows it."""
    assert "960万条" in equivalent_forms("超过960万条")
    assert "3000人" in equivalent_forms("逾3000人")


def test_a_tip_of_a_numbered_list_says_whose_and_when(built):
    """6.遇到可疑情况，及时拨打96110反诈专线: the college's tip in the week, recommended."""
    _d, campus = built["h10-campus-day"]
    hotline = recommended_with(
        campus, "泓城师范学院在2024年国家网络安全宣传周期间提醒：遇到可疑情况"
    )
    assert hotline and all("6." not in q["stem"] for q in hotline)


def test_a_list_count_and_a_cut_after_clause_are_not_stems(built):
    """二是定期通过营业厅…开展“一证通查” loses its 二是; 张阿姨按照“客服”提示操作后。 is not a
    claim."""
    _d, telecom = built["h10-telecom-sim-card"]
    assert questions_with(telecom, "一证通查")
    assert not any(q["stem"].startswith("二是") for q in questions_with(telecom, "一证通查"))
    assert statement_incomplete("2025年7月，市民张阿姨按照“客服”提示操作后。这一说法是否正确？")
    assert not statement_incomplete("活动结束后，参与的同学获得了纪念品。")


def test_a_numbered_formula_beside_its_rules_is_a_recommended_blank(built):
    """要牢記「____」：未知鏈接不點擊，… -> 三不一多: one answer, a telecom-day rule; its true/false
    stays held back (a swapped formula is false only in wording). 只要做到“____”，绝大多数骗局都可以
    避免 (不听、不信、不转账) is not: 不轻信、不透露、不转账 fits that blank too."""
    _d, telecom = built["h8-traditional-telecom-day"]
    formula = [
        q for q in questions_with(telecom, "：未知鏈接不點擊") if q["answer"] == ["三不一多"]
    ]
    assert formula and all(q["recommended"] and q["themed_days"] == ["telecom"] for q in formula)
    judged = [q for q in questions_with(telecom, "「三不一多」") if q["type"] == "true_false"]
    assert judged and not any(q["recommended"] for q in judged)
    _d, alert = built["h5-district-police-weekly-alert"]
    assert questions_with(alert, "只要做到") and not recommended_with(alert, "只要做到")
