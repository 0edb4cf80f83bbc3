"""Generator 2.14: classes found by round 15's blind review (generator 2.13.0,
tests/bank/data/round15_blind_review.csv), pinned with examples from the round-15 articles, which
became tuning material after that review (tests/bank/articles/h15-*.txt)."""

from __future__ import annotations

import re

from tests.helpers.bank_questions import marked_answers, questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h15-county-telecom-elderly",
    "h15-finance-day-traditional",
    "h15-primary-school-campus-day",
    "h15-procuratorate-law-day",
    "h15-provincial-opening",
    "h15-youth-league-cyberbullying",
)


def test_no_source_the_article_never_names(built):
    """据澄川日报2024年9月报道 / 南瀾日報…提醒 over an article that says only 本报讯: the
    publisher from the sidecar is never cited as the source of a stem."""
    for name, publisher in (
        ("h15-provincial-opening", "澄川日报"),
        ("h15-finance-day-traditional", "南瀾日報"),
    ):
        _d, bank = built[name]
        assert questions_with(bank)
        assert not questions_with(bank, publisher), name


def test_a_body_publishing_its_own_news_is_not_a_report(built):
    """据共青团…委员会2022年9月消息，… - a body's release is its news, never 据<body>…报道."""
    _d, bank = built["h15-youth-league-cyberbullying"]
    assert questions_with(bank, "据共青团江屿市云亭区委员会2022年9月消息，")
    assert not questions_with(bank, "委员会2022年9月报道")


def test_an_instruction_is_said_by_its_giver(built):
    """分公司提醒广大用户：不要轻信…；接到____来电务必接听 - the branch's own words, not
    据…报道，不要轻信… (an instruction is nobody's report)."""
    _d, bank = built["h15-county-telecom-elderly"]
    hotline = questions_with(bank, "接到____来电务必接听")
    assert hotline
    assert all(
        q["stem"].startswith("2023年9月，中国电信榆岭县分公司提醒广大用户：不要") for q in hotline
    )
    assert not any(re.search(r"(?:报道|消息)，不要", q["stem"]) for q in bank.bank["questions"])


def test_a_list_label_is_no_speaker(built):
    """要做到： over a numbered list is no transcript turn: never 要做到介绍，4．接到____."""
    _d, bank = built["h15-primary-school-campus-day"]
    assert questions_with(bank, "提醒：接到____的电话，请大人一起接听。")
    assert not questions_with(bank, "要做到介绍")


def test_a_class_teacher_keeps_her_class(built):
    """五年级（3）班班主任马晓芸: the role keeps its class number (never "）班班主任")."""
    _d, bank = built["h15-primary-school-campus-day"]
    assert questions_with(bank, "五年级（3）班班主任马晓芸")
    assert not any(re.search(r"(?<!\d)[）)]班", q["stem"]) for q in bank.bank["questions"])


def test_a_compound_numeral_is_not_cut_in_half(built):
    """约二万一千名: neither 约二万 nor 一千名 is the figure; no blank or option cuts it."""
    _d, bank = built["h15-provincial-opening"]
    for question in bank.bank["questions"]:
        assert "____一千名" not in question["stem"]
        assert "约二万____" not in question["stem"]
        assert "一千名" not in (question.get("options") or [])


def test_no_distractor_repeats_a_number_printed_in_the_stem(built):
    """批准逮捕44件____ never offers 44人 beside 97人: the printed number gives it away."""
    _d, bank = built["h15-procuratorate-law-day"]
    for question in questions_with(bank, "批准逮捕44件____"):
        assert "44人" not in (question.get("options") or [])


def test_a_wrong_option_is_not_branded_wrong(built):
    """点开“免费领皮肤”“中奖通知”等来路不明的链接 / 跟隨所謂「老師」操作: the words that
    brand the wrong behaviour are dropped from a "which is wrong" option."""
    for name in ("h15-primary-school-campus-day", "h15-finance-day-traditional"):
        _d, bank = built[name]
        for question in questions_with(bank, "下列做法错误的是") + questions_with(
            bank, "下列做法錯誤的是"
        ):
            for option in marked_answers(question):
                assert not re.search(r"所[谓謂]|[来來]路不明", option), option


def test_parents_advice_is_no_option_for_a_child(built):
    """要多陪伴、多沟通 (said to parents) never stands among a pupil's options."""
    _d, bank = built["h15-primary-school-campus-day"]
    for question in bank.bank["questions"]:
        assert "多陪伴、多沟通" not in (question.get("options") or [])


def test_who_read_or_released_a_document_is_not_recommended(built):
    """团区委副书记林茜发布了《…报告》。这一说法是否正确？ / 学生宋雨桐…宣读了《…倡议书》:
    a name at a ceremony, not knowledge."""
    _d, bank = built["h15-youth-league-cyberbullying"]
    for text in ("林茜发布了", "宋雨桐代表全区青少年宣读了"):
        judged = [q for q in questions_with(bank, text) if q["type"] == "true_false"]
        assert judged
        assert not any(q["recommended"] for q in judged)
    assert recommended_with(bank)
