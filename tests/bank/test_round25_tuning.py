"""Generator 2.25: classes found by round 25's blind review (generator 2.24.0,
tests/bank/data/round25_blind_review.csv), pinned with examples from the round-25 articles, which
became tuning material after that review (tests/bank/articles/h25-*.txt)."""

from __future__ import annotations

from tests.helpers.bank_questions import questions_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h25-middle-school-campus-day",
    "h25-procuratorate-privacy-day",
    "h25-traditional-finance-day",
    "h25-youth-league-survey",
)


def test_an_audience_is_no_citizen(built):
    """…向同学们介绍…: no victim 向同学 (a surname and 同学), and no scenario about them."""
    _d, bank = built["h25-middle-school-campus-day"]
    assert not questions_with(bank, "向同学遭遇")


def test_a_dated_blank_accepts_the_day_without_its_year(built):
    """据…2022年9月消息，____是国家网络安全宣传周“个人信息保护日”: 9月11日 is right too."""
    _d, bank = built["h25-procuratorate-privacy-day"]
    blanks = [
        q for q in questions_with(bank, "____是国家网络安全宣传周") if q["type"] == "fill_blank"
    ]
    assert blanks
    assert all("9月11日" in q["answer"] for q in blanks if "2022年9月11日" in q["answer"])


def _statements_tagged(bank, text: str) -> list[set[str]]:
    """The themed days of each true/false question whose stem holds ``text`` (one at least)."""
    statements = [q for q in questions_with(bank, text) if q["type"] == "true_false"]
    assert statements
    return [set(q["themed_days"]) for q in statements]


def test_the_anti_fraud_law_tested_is_telecom_day_too(built):
    """《中華人民共和國反電信網絡詐騙法》對銀行業金融機構…提出了明確要求: 电信日 as well."""
    _d, bank = built["h25-traditional-finance-day"]
    tagged = _statements_tagged(bank, "消息，《中華人民共和國反電信網絡詐騙法》對銀行業金融機構")
    assert all({"telecom", "law"} <= days for days in tagged)


def test_the_minors_law_tested_is_youth_day_and_law_day(built):
    """《中华人民共和国未成年人保护法》设立了“网络保护”专章: 青少年日 and 法治日."""
    _d, bank = built["h25-youth-league-survey"]
    tagged = _statements_tagged(bank, "《中华人民共和国未成年人保护法》设立了")
    assert all({"youth", "law"} <= days for days in tagged)
