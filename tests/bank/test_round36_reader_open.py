"""Generator 2.39: three classes round 36's reader found that 2.38 left open, pinned with the
round-36 youth survey and campus day (tests/bank/articles/h36-*.txt)."""

from __future__ import annotations

import re

from tests.helpers.bank_questions import marked_answers, questions_with

BUILT = ("h36-county-youth-league-survey", "h36-middle-school-campus-day")


def test_an_effective_dates_options_are_first_days(built):
    """《未成年人网络保护条例》自2024年1月1日起施行: 2024年1月2日 and 1月3日 gave the answer away
    (a rule takes effect on a month's first day); every option is a first day now."""
    _d, bank = built["h36-county-youth-league-survey"]
    [choice] = [q for q in questions_with(bank, "起施行") if q["type"] == "single_choice"]
    assert marked_answers(choice) == ["2024年1月1日"]
    assert all(re.fullmatch(r"\d{4}年\d{1,2}月1日", option) for option in choice["options"])


def test_a_shares_false_version_is_false_in_substance(built):
    """有9.8%的学生…绕过防沉迷限制: 8.5% is still about one in ten; a false share is at least a
    quarter off the true one."""
    _d, bank = built["h36-county-youth-league-survey"]
    [judge] = [q for q in questions_with(bank, "绕过防沉迷限制") if q["type"] == "true_false"]
    shown = float(re.search(r"(\d+(?:\.\d+)?)%的学生承认", judge["stem"]).group(1))
    if marked_answers(judge) == ["错误"]:
        assert abs(shown - 9.8) / 9.8 >= 0.25
    else:
        assert shown == 9.8


def test_a_lecture_the_stem_does_not_name_is_an_unnamed_scene(built):
    """讲座中，祁振南向同学们介绍了…: which school's lecture, and who he is, the stem never says."""
    _d, bank = built["h36-middle-school-campus-day"]
    lecture = questions_with(bank, "讲座中")
    assert lecture
    assert all("unnamed_scene" in q["quality"]["reasons"] for q in lecture)
    assert not any(q["recommended"] for q in lecture)
