"""Generator 2.36: a numbered tip written as one long compound item (round 33's vocational
college's 《实习求职防骗提示》, which gave no advice question at all) becomes one question per
action clause, each with the clause that says when it applies."""

from __future__ import annotations

from tests.helpers.bank_questions import marked_answers, questions_with, recommended_with

BUILT = (
    "h33-vocational-college-campus-day",
    "h8-city-police-monthly-briefing",
    "h21-traditional-campus-day",
)


def test_a_clause_ending_in_qian_is_the_situation_of_the_action_after_it(built):
    """3. 签任何“培训”协议前逐页看清合同内容，凡涉及分期付款…的，先停下来问老师、问家长."""
    _d, bank = built["h33-vocational-college-campus-day"]
    [before] = recommended_with(bank, "签任何“培训”协议前，下列做法正确的是")
    assert marked_answers(before) == ["逐页看清合同内容"]
    # 凡…的 is the situation of the next clause, said as 涉及…时.
    [every] = recommended_with(bank, "涉及分期付款、贷款授权或人脸识别验证时")
    assert marked_answers(every) == ["先停下来问老师、问家长"]


def test_a_short_action_keeps_its_modal(built):
    """接到96110来电务必接听: 接听 alone reads as no advice, 务必接听 does."""
    _d, bank = built["h33-vocational-college-campus-day"]
    [call] = recommended_with(bank, "接到96110来电时")
    assert marked_answers(call) == ["务必接听"]


def test_after_being_cheated_is_its_own_situation(built):
    """6. 发现被骗或拿不准时，第一时间拨打110报警 (in a list about job hunting)."""
    _d, bank = built["h33-vocational-college-campus-day"]
    [after] = questions_with(bank, "发现被骗或拿不准时，下列做法正确的是")
    assert marked_answers(after) == ["拨打110报警"]


def test_a_judgement_is_no_action(built):
    """凡是自称公检法要求转账到“安全账户”的，都是诈骗: 都是诈骗 is what it is, not what to do;
    a 凡…都是诈骗 clause is never a question's answer nor an option."""
    _d, bank = built["h8-city-police-monthly-briefing"]
    advice = questions_with(bank, "下列做法")
    assert advice
    for question in advice:
        assert not any("都是诈骗" in option for option in question["options"])


def test_a_semicolon_ends_a_clause(built):
    """…开启来电预警和App自检功能；接到96110预警劝阻专线来电时，请务必及时接听: the stem starts
    at the situation, not at the clause before the semicolon."""
    _d, bank = built["h8-city-police-monthly-briefing"]
    [call] = recommended_with(bank, "96110")
    assert "；" not in call["stem"]
    assert "接到96110预警劝阻专线来电时，下列做法正确的是" in call["stem"]
    assert marked_answers(call) == ["务必及时接听、耐心配合"]


def test_shen_qing_is_no_please(built):
    """確有資金需要，請通過學校資助中心申請…: the 請 of 申請 does not split a situation off."""
    _d, bank = built["h21-traditional-campus-day"]
    assert not questions_with(bank, "申時")
