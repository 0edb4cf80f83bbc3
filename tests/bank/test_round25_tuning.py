"""Generators 2.25 and 2.26: classes found by round 25's blind review (generator 2.24.0,
tests/bank/data/round25_blind_review.csv), pinned with examples from the round-25 articles, which
became tuning material after that review (tests/bank/articles/h25-*.txt), and from the seed."""

from __future__ import annotations

from quiz.bank.extract.advice import situations
from quiz.bank.quality import statement_incomplete
from tests.helpers.bank_questions import marked_answers, questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h25-county-telecom-operator-day",
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


def test_a_survey_titled_with_its_district_says_where(built):
    """《栎川区未成年人互联网使用情况调查报告（2024）》显示，____的受访学生遭遇过网络诈骗信息: the
    title names the district (共青团栎川区委 publishes it), so its shares are recommended."""
    _d, bank = built["h25-youth-league-survey"]
    shares = recommended_with(bank, "《栎川区未成年人互联网使用情况调查报告（2024）》显示")
    assert len(shares) >= 15
    assert all("placeless" not in q["quality"]["reasons"] for q in shares)


def test_a_minors_survey_share_is_the_youth_days(built):
    """…有22.5%的孩子在学龄前就开始独立使用平板电脑或手机 names no day's word: the survey of
    minors it comes from makes it a youth-day question, never a general one."""
    _d, bank = built["h25-youth-league-survey"]
    shares = questions_with(bank, "《栎川区未成年人互联网使用情况调查报告（2024）》显示")
    assert shares
    assert all("youth" in q["themed_days"] for q in shares)


def test_a_scene_or_a_concession_alone_is_no_statement():
    """Only where it happened, or a 虽然… with its 但… cut off, claims nothing."""
    assert statement_incomplete(
        "9月14日，在2024年国家网络安全宣传周“青少年日”主题活动现场。这一说法是否正确？"
    )
    assert statement_incomplete("报告显示，虽然有答案的家长认为“有必要管理孩子上网”。")
    assert not statement_incomplete(
        "报告显示，虽然有83.5%的家长认为“有必要管理孩子上网”，但真正了解的家长仅占36.2%。"
    )


def test_an_objects_scope_is_not_the_actor(built):
    """该公司…对全县行业客户使用的物联网卡开展专项排查 + 同时，全面落实…双重核验，…实名准确率达到
    100%: the company's figure, never the county's (桐埠县全面落实…)."""
    _d, bank = built["h25-county-telecom-operator-day"]
    assert questions_with(bank, "实名准确率达到")
    assert not questions_with(bank, "桐埠县全面落实")


def test_advice_distractors_are_what_people_do(seed_build):
    """Round 25's readers rejected the seed's advice choices: 先听先信再核实 and 直接转账 were
    wrong at a glance, 不听不信不回复 itself good advice, 发布信息的网友本人 no place anyone reports
    to. The options now are what a careful but fooled person does."""
    table = situations()
    absurd = {"先听先信再核实", "不慌不忙先转账", "不听不信不回复", "发布信息的网友本人"}
    assert not absurd & {*table["slogan"]["wrong"], *table["report"]["wrong"]}
    borrow = next(
        q
        for q in recommended_with(seed_build, "如果朋友的微信号发来消息向你借钱")
        if q["type"] == "single_choice"
    )
    assert marked_answers(borrow) == ["给朋友打电话核实"]
    assert all("直接转账" not in o and "先转一部分" not in o for o in borrow["options"])


def test_money_returned_to_fraud_victims_is_not_the_finance_days(seed_build):
    """为受诈骗的网民集中发还了72万元追回资金: telecom and law, not 金融日 (three readers of three
    in round 25)."""
    returned = questions_with(seed_build, "集中发还了")
    assert returned
    assert all(
        "finance" not in q["themed_days"] and "telecom" in q["themed_days"] for q in returned
    )


def test_a_labelled_tip_is_advice(built):
    """网络安全小贴士： + 不透露。不要随意在网上填写自己和家人的姓名、身份证号…: the heading heads
    the list, and the item under its label is a "which is wrong" question on personal data."""
    _d, bank = built["h25-middle-school-campus-day"]
    tips = [
        q
        for q in questions_with(bank, "在网上使用各类平台和APP，下列做法错误的是")
        if q["recommended"]
    ]
    assert tips
    assert any("随意在网上填写自己和家人的姓名" in marked_answers(q)[0] for q in tips)
    assert all("privacy" in q["themed_days"] for q in tips)


def test_every_situation_has_three_right_behaviours():
    """A 不要… item asks which is wrong: three certainly right options of its situation."""
    for key, situation in situations().items():
        if "phrase" in situation:
            assert len(situation.get("right", ())) >= 3, key
