"""Generator 2.19: classes found by round 20's blind review (generator 2.18.0,
tests/bank/data/round20_blind_review.csv), pinned with examples from the round-20 articles, which
became tuning material after that review (tests/bank/articles/h20-*.txt)."""

from __future__ import annotations

from tests.helpers.bank_questions import questions_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = ("h20-county-opening-report", "h20-provincial-police-presser")


def test_the_date_of_a_scene_is_not_recommended(built):
    """____上午，岫川县人民广场彩旗招展、人头攒动: the frame cut off the week's launch it dates."""
    _d, bank = built["h20-county-opening-report"]
    scene = questions_with(bank, "彩旗招展、人头攒动")
    assert scene and not any(q["recommended"] for q in scene)


def test_how_many_frauds_happened_is_not_the_law_days(built):
    """立案数同比下降23.6%，群众财产损失同比下降…: 电信日, not 法治日 (no one was caught or tried)."""
    _d, bank = built["h20-provincial-police-presser"]
    trend = questions_with(bank, "立案数同比下降")
    assert trend
    assert all("law" not in q["themed_days"] and "telecom" in q["themed_days"] for q in trend)


def test_laundering_services_do_not_make_a_gang_count_financial(built):
    """打掉为诈骗团伙提供技术支持、引流推广、资金结算的“黑灰产”团伙____: police work, not 金融日."""
    _d, bank = built["h20-provincial-police-presser"]
    gangs = questions_with(bank, "“黑灰产”团伙____")
    assert gangs
    assert all("finance" not in q["themed_days"] for q in gangs)
