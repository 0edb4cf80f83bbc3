"""Generator 2.44: classes found by round 41's blind review (generator 2.43.0,
tests/bank/data/round41_blind_review.csv) and what its traditional court report lost, pinned
with examples from the round-41 articles, which became tuning material after that review
(tests/bank/articles/h41-*.txt)."""

from __future__ import annotations

from quiz.bank.stem_text import dated_deixis
from tests.helpers.bank_questions import marked_answers, questions_with, recommended_with

BUILT = (
    "h41-city-police-wechat-tips",
    "h41-county-telecom-day",
    "h41-insurance-finance-day",
    "h41-provincial-opening-ceremony",
    "h41-traditional-court-law-day",
)


def test_110_as_an_answer_is_common_knowledge(built):
    """拿不准时，先问问家人或直接拨打____咨询 -> 110 (and 96110 fits 咨询 too)."""
    _d, bank = built["h41-city-police-wechat-tips"]
    asked = [q for q in questions_with(bank, "直接拨打____咨询")]
    assert asked
    assert not any(q["recommended"] for q in asked)


def test_a_courier_agents_trick_is_told_as_such(built):
    """自称“快递客服”…包裹在运输中丢失，可以双倍赔偿: not an online shop's agent."""
    _d, bank = built["h41-city-police-wechat-tips"]
    [case] = questions_with(bank, "李女士遭遇了网络诈骗")
    assert marked_answers(case) == ["骗子冒充快递客服，以丢件理赔为由诱导她开启屏幕共享"]


def test_a_part_the_stem_lets_one_compute_is_not_asked(built):
    """累计清理涉诈“两卡”5130张，其中关停涉诈电话卡3260张，…对____涉诈银行卡 -> 1870张."""
    _d, bank = built["h41-county-telecom-day"]
    assert recommended_with(bank, "累计清理涉诈“两卡”")
    assert not any(
        "1870张" in marked_answers(q) or "1870张" in q.get("answer", [])
        for q in recommended_with(bank)
        if q["type"] != "true_false"
    )


def test_a_card_crackdowns_figures_are_the_telecom_and_law_days(built):
    """打掉出租出售“两卡”团伙6个，抓获犯罪嫌疑人41名: one sentence, one pair of days for each
    clause (round 41 tagged one telecom, the other law); phone cards are no bank's."""
    _d, bank = built["h41-county-telecom-day"]
    gangs = recommended_with(bank, "“两卡”团伙")
    assert gangs
    assert all(q["themed_days"] == ["telecom", "law"] for q in gangs)
    phones = recommended_with(bank, "其中关停涉诈电话卡")
    assert phones
    assert all(q["themed_days"] == ["telecom", "law"] for q in phones)


def test_a_bare_sub_bureau_is_the_one_the_article_names(built):
    """分局消费者权益保护处处长任雪鸿介绍: 国家金融监督管理总局漖屺监管分局, never 漖屺市分局 (a
    scope from the sentence before glued onto 分局)."""
    _d, bank = built["h41-insurance-finance-day"]
    said = questions_with(bank, "任雪鸿介绍")
    assert said
    assert not any("漖屺市分局" in q["stem"] or "我市分局" in q["stem"] for q in said)
    assert any("国家金融监督管理总局漖屺监管分局消费者权益保护处处长" in q["stem"] for q in said)


def test_what_the_opening_released_is_the_weeks(built):
    """开幕式上发布了《…应急预案》和《…个人信息保护十大典型案例》: general, not privacy."""
    _d, bank = built["h41-provincial-opening-ceremony"]
    released = questions_with(bank, "开幕式上发布了")
    assert released
    assert all(q["themed_days"] == ["general"] for q in released)


def test_a_traditional_court_report_names_its_day_its_court_and_its_judge(built):
    """【本報訊】內地國家網絡安全宣傳周昨日（9月17日）迎來「法治日」。瑄崟市中級人民法院當天…:
    the week of 2025 (no 內地, no 昨日), the court's day by its date, and the judge's advice
    credited to the court (round 41 recommended none of the article's questions)."""
    assert dated_deixis("宣傳周昨日（9月17日）迎來") == "宣傳周9月17日迎來"
    _d, bank = built["h41-traditional-court-law-day"]
    stems = [q["stem"] for q in bank.bank["questions"]]
    assert not any("內地" in stem or "昨日" in stem for stem in stems)
    assert any(stem.startswith("2025年，國家網絡安全宣傳周9月17日迎來") for stem in stems)
    assert any("瑄崟市中級人民法院9月17日舉辦" in stem for stem in stems)
    advice = recommended_with(bank, "嚴慧琳提醒")
    assert advice
    assert all("瑄崟市中級人民法院主審法官" in q["stem"] for q in advice)
    assert len(recommended_with(bank)) >= 8
