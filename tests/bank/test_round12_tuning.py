"""Generator 2.12: the defect classes found by round 12's blind review (generator 2.11,
tests/bank/data/round12_blind_review.csv), pinned with examples from the round-12 articles, which
became tuning material after that review (tests/bank/articles/h12-*.txt)."""

from __future__ import annotations

import random

from quiz.bank.amounts import perturbed_numbers, quantity_from_text
from quiz.bank.relative_places import home_names, home_places
from tests.helpers.bank_questions import questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h10-telecom-sim-card",
    "h12-canglan-finance",
    "h12-luting-elderly",
    "h12-minchuan-telecom",
    "h12-qichuan-closing",
)


def test_a_round_figure_with_duo_or_yu_keeps_round_distractors():
    """30多位 -> 20多位/50多位, never 4多位 or 18多位; 1360余件 -> 1260余件/1460余件."""
    for answer, step in (("30多位", 10), ("1360余件", 100), ("5000余张", 1000)):
        quantity = quantity_from_text(answer)
        numbers = [int(n) for n in perturbed_numbers(quantity, random.Random(answer))]
        original = int(quantity.number)
        assert len(numbers) >= 3 and all(n > 0 and (n - original) % step == 0 for n in numbers)


def test_no_distractor_has_a_decimal_no_article_writes():
    """26.5万张 beside 41.0万张: a .0 marks the made-up option."""
    quantity = quantity_from_text("26.5万张")
    for seed in range(30):
        assert not any(n.endswith(".0") for n in perturbed_numbers(quantity, random.Random(seed)))


def test_a_towns_bank_branch_is_no_city(built):
    """邮储银行芦汀支行 in an article about 芦汀镇: no 芦汀市 (家住芦汀市桂香村 was false); the town
    named twice anchors a stem."""
    document, elderly = built["h12-luting-elderly"]
    assert "芦汀市" not in home_places(document).values()
    assert "芦汀镇" in home_names(document)
    assert not questions_with(elderly, "芦汀市")


def test_a_narrations_colon_is_no_part_of_the_figures_it_introduces(built):
    """活动一开始，镇派出所副所长曹远山用一组数字引起了老人们的注意：今年1月至8月，芦汀镇共接报…
    17起: the stem starts at the figures, and they are telecom's (a count of reports is no law
    question)."""
    _d, elderly = built["h12-luting-elderly"]
    figures = questions_with(elderly, "60岁以上老年人的诈骗案件")
    assert figures and not any("引起了老人们的注意" in q["stem"] for q in figures)
    assert recommended_with(elderly, "2022年1月至8月，芦汀镇共接报")
    assert all("law" not in q["themed_days"] for q in figures)


def test_anti_fraud_advice_with_110_is_the_telecom_days(built):
    """接到自称医保局、社保局、公检法的电话，先挂断，再…拨打110核实: not general."""
    _d, elderly = built["h12-luting-elderly"]
    verify = questions_with(elderly, "先挂断")
    assert verify and all("telecom" in q["themed_days"] for q in verify)


def test_financial_scams_and_the_break_card_action_keep_their_days(built):
    """“代理退保”黑产线索…抓获犯罪嫌疑人31名: finance too; 在“断卡”行动中…对其中358人依法实施了
    金融惩戒: telecom and law too."""
    _d, insurance = built["h12-canglan-finance"]
    agents = questions_with(insurance, "代理退保")
    assert agents and all("finance" in q["themed_days"] for q in agents)
    _d, closing = built["h12-qichuan-closing"]
    cards = questions_with(closing, "断卡")
    assert cards and all({"telecom", "law"} <= set(q["themed_days"]) for q in cards)


def test_around_which_days_is_no_question(built):
    """七天里，栖川市围绕校园日、…个人信息保护日六个主题日，…: no 围绕哪些主题日？ and no item
    个人信息保护日六个主题日."""
    _d, closing = built["h12-qichuan-closing"]
    assert not questions_with(closing, "围绕哪些")
    assert not any(
        "个人信息保护日六个主题日" in option
        for q in questions_with(closing)
        for option in q.get("options") or []
    )


def test_a_sentence_opening_on_its_verb_takes_the_agent_before(built):
    """今年以来，青榆分公司持续深化“断卡”行动… + 截至8月底，共核查高风险电话卡3.4万张: the stem
    says 截至8月底，青榆分公司共核查…, and is recommended."""
    _d, telecom = built["h10-telecom-sim-card"]
    # (since 2.30 the branch is named in full: 中国电信青榆分公司共核查…)
    assert recommended_with(telecom, "截至8月底，中国电信青榆分公司共核查高风险电话卡")
