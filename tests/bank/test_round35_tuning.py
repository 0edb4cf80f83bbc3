"""Generator 2.37: classes found by round 35's blind review (generator 2.36.0,
tests/bank/data/round35_blind_review.csv), pinned with examples from the round-35 articles, which
became tuning material after that review (tests/bank/articles/h35-*.txt)."""

from __future__ import annotations

from quiz.bank.amounts import equivalent_forms
from tests.helpers.bank_questions import marked_answers, questions_with, recommended_with

BUILT = (
    "h35-city-opening",
    "h35-community-youth-day",
    "h35-county-police-monthly",
    "h35-procuratorate-law-day",
    "h35-traditional-bank-finance-day",
    "h35-vocational-college-campus-day",
)


def test_a_means_clause_cut_off_is_incomplete(built):
    """…案件86件143人，经审查，依法提起公诉112人: a stem ending on 经审查。 was cut mid-sentence."""
    _d, bank = built["h35-procuratorate-law-day"]
    assert questions_with(bank, "86件")
    assert not questions_with(bank, "经审查。")


def test_a_bare_count_is_accepted(built):
    """A student who writes 143 for 143人 knows the figure; 72万 is still no bare number."""
    _d, bank = built["h35-procuratorate-law-day"]
    [blank] = [q for q in questions_with(bank, "案件____143人") if q["type"] == "fill_blank"]
    assert blank["answer"] == ["86件", "86"]
    assert "143" in equivalent_forms("143人")
    assert "72" not in equivalent_forms("72万元")


def test_a_programme_line_is_asked_as_which_day(built):
    """9月16日 校园日。 under 组织开展系列宣传活动：: "…的“校园日”是哪一天？", never the verbless
    line itself with a blank (____校园日。)."""
    _d, bank = built["h35-city-opening"]
    assert recommended_with(bank, "的“校园日”是哪一天")
    assert not [q for q in bank.bank["questions"] if "____校园日" in q["stem"]]
    assert not questions_with(bank, "活动：9月15日校园日")


def test_the_national_weeks_programme_is_the_national_weeks(built):
    """9月16日是2025年国家网络安全宣传周“校园日” in a college's news: no 璠州市 week exists."""
    _d, bank = built["h35-vocational-college-campus-day"]
    assert recommended_with(bank, "2025年国家网络安全宣传周的“校园日”是哪一天")
    assert not questions_with(bank, "璠州市2025年网络安全宣传周")


def test_a_reporting_centres_caseload_is_no_law_question(built):
    """受理网络违法和不良信息举报1.2万件: 违法 there names the 12377 caseload, not the law."""
    _d, bank = built["h35-city-opening"]
    reports = questions_with(bank, "不良信息举报")
    assert reports
    assert all("law" not in q["themed_days"] for q in reports)


def test_one_purposes_hotlines_are_no_distractors_to_each_other(built):
    """12381 warns of a fraud as 96110 does: never a wrong option beside it."""
    _d, bank = built["h35-county-police-monthly"]
    asked = [q for q in bank.bank["questions"] if "96110" in q.get("options", [])]
    assert asked
    assert all("12381" not in q["options"] for q in asked)


def test_a_rule_keeps_the_clause_that_says_what_it_is_about(built):
    """游戏账号、装备交易务必通过官方平台进行，凡是以“保证金”为由要求转账的，都是诈骗: without the
    game trade the rule is too wide (a lawful deposit exists)."""
    _d, bank = built["h35-county-police-monthly"]
    rules = recommended_with(bank, "凡是以“账户冻结”")
    assert rules
    assert all("游戏账号、装备交易务必通过官方平台进行" in q["stem"] for q in rules)


def test_a_banks_list_is_the_banks(built):
    """銀行員工…總結出「四個凡是」： + 二、凡是…都是詐騙: the bank's rules, said as the bank's, with
    the month only (根據…的提醒 names the source)."""
    _d, bank = built["h35-traditional-bank-finance-day"]
    rules = recommended_with(bank, "根據崟州市崟州農村商業銀行鳴箏路支行的提醒，凡是")
    assert len(rules) == 3
    assert all(q["stem"].startswith("2025年9月，") for q in rules)


def test_a_parents_list_under_a_pronoun_is_the_speakers(built):
    """…督导颜书禾在活动中与家长分享了…。她建议家长： + 1. 和孩子一起商量制定上网“家庭公约”: her
    advice to parents, with a parent's wrong behaviours as options."""
    _d, bank = built["h35-community-youth-day"]
    [advice] = recommended_with(bank, "颜书禾提醒家长：引导孩子安全上网时，下列做法正确的是")
    assert marked_answers(advice) == ["和孩子一起商量制定上网“家庭公约”"]
    assert advice["themed_days"] == ["youth"]


def test_a_colleges_own_tips_are_the_colleges(built):
    """【实习兼职防骗七条提示，请同学们牢记】: the plea names no one else; the list is the
    college's, asked about looking for a job, and 96110 is the telecom day's."""
    _d, bank = built["h35-vocational-college-campus-day"]
    assert recommended_with(
        bank, "璠州职业技术学院在2025年网络安全宣传周期间提醒：找实习、找兼职或找工作时"
    )
    [call] = recommended_with(bank, "接到96110来电，下列做法正确的是")
    assert marked_answers(call) == ["一定要接听"]
    assert "telecom" in call["themed_days"]
