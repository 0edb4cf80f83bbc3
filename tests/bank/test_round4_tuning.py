"""Generator 2.4: the defect classes found by round 4's blind review (generator 2.3,
tests/bank/data/round4_blind_review.csv), pinned with examples from the round-4 articles, which
became tuning material after that review (tests/bank/articles/h4-*.txt)."""

from __future__ import annotations

import re

from quiz.bank.amounts import quantity_from_text
from quiz.bank.quality import statement_incomplete
from tests.helpers.bank_questions import marked_answers, questions_with

ROUND4 = (
    "h4-city-police-antifraud-cases",
    "h4-county-youth-day",
    "h4-privacy-qa-cac",
    "h4-provincial-opening-ceremony",
    "h4-telecom-privacy-traditional",
)


# The articles the conftest ``built`` fixture generates for this module.
BUILT = ROUND4


# 1. Text broken on the way from the source -----------------------------------------------------


def test_the_headline_is_never_joined_to_its_subheadline(built):
    """岚江警方通报三起典型案例：今年以来为群众挽回损失2300余万元 / 网络安全宣传周反诈专场活动在…举行:
    two heading lines, not one sentence ("挽回损失____网络安全宣传周反诈专场活动…")."""
    document, police = built["h4-city-police-antifraud-cases"]
    assert document.sentences[0].heading and "滨河公园" not in document.sentences[0].text
    assert not questions_with(police, "专场活动在滨河公园举行")


def test_a_line_ending_in_a_semicolon_is_one_item(built):
    """9月16日为电信日，由省通信管理局牵头…；/ 9月17日为法治日，…: the 法治日 date is asked on its
    own line, never as "由…通信管理局牵头…活动；____为法治日"."""
    _d, opening = built["h4-provincial-opening-ceremony"]
    law_day = [q for q in opening.bank["questions"] if "法治日" in q["stem"]]
    assert law_day
    assert not any("通信管理局" in q["stem"] for q in law_day)
    assert any(q["recommended"] and marked_answers(q) == ["9月17日"] for q in law_day)


def test_a_number_grouped_with_a_full_width_comma_is_one_number(built):
    """電話卡9，200餘張 is 9200 cards: never "電話卡9，____" with 200餘張 as the answer; the
    distractors group their digits the same way (since 2.17 with "," - a full-width comma
    between digits reads as a list, round 18)."""
    _d, traditional = built["h4-telecom-privacy-traditional"]
    cards = questions_with(traditional, "電話卡")
    assert cards
    assert not any(re.search(r"\d[，,]____|____[，,]\d{3}(?!\d)", q["stem"]) for q in cards)
    choice = next(
        q for q in cards if q["type"] == "single_choice" and "餘張" in marked_answers(q)[0]
    )
    assert marked_answers(choice) == ["9,200餘張"]
    assert all(re.fullmatch(r"\d{1,3}(?:,\d{3})+餘張", option) for option in choice["options"])
    assert quantity_from_text("9,200余张").value == 9200


def test_a_true_false_ending_on_a_coverb_and_its_object_is_incomplete(built):
    """曹振宇结合…国家新闻出版署发布的《…通知》。: the verb (讲解了…) was in the next clause."""
    assert statement_incomplete(
        "曹振宇结合2021年8月国家新闻出版署发布的《关于…的通知》。这一说法是否正确？"
    )
    assert not statement_incomplete(
        "2021年8月，国家新闻出版署发布了《关于…的通知》。这一说法是否正确？"
    )
    _d, youth = built["h4-county-youth-day"]
    assert not any(
        q["type"] == "true_false" and "通知》。" in q["stem"] for q in youth.bank["questions"]
    )


# 2. Advice options and false versions ----------------------------------------------------------


def test_bullying_advice_is_asked_with_bullying_options_and_tagged_youth(built):
    """邱雅琴's advice on 网络欺凌: no 96110 or payment-password option (fraud advice is another
    topic), and the youth day, not the telecom day."""
    _d, youth = built["h4-county-youth-day"]
    bullying = [q for q in youth.bank["questions"] if "欺凌" in q["stem"]]
    assert bullying and any(q["recommended"] for q in bullying)
    for question in bullying:
        assert question["themed_days"] == ["youth"], question["stem"]
        assert not any(re.search(r"96110|支付密码", o) for o in question["options"])


def test_no_false_version_puts_a_curated_wrong_behaviour_in_an_officials_mouth(built):
    """何敬舟 advised parents to guard payment passwords; "何敬舟提醒…可以把手机短信验证码告诉陌生人"
    is not what he said, and 馮潔儀 never mentioned WiFi."""
    _d, youth = built["h4-county-youth-day"]
    _d, traditional = built["h4-telecom-privacy-traditional"]
    for build, who in ((youth, "何敬舟"), (traditional, "馮潔儀")):
        judged = [q for q in questions_with(build, who) if q["type"] == "true_false"]
        assert not any(re.search(r"验证码|驗證碼|WiFi", q["stem"]) for q in judged), who


def test_organiser_lists_are_never_recommended(built, seed_build):
    """Which bodies organised the week (a multiple choice on the list): administrative trivia."""
    _d, opening = built["h4-provincial-opening-ceremony"]
    for build in (opening, seed_build):
        lists = [
            q for q in build.bank["questions"] if re.search(r"哪些单位.*(?:主办|举办)", q["stem"])
        ]
        assert lists and not any(q["recommended"] for q in lists)
        assert all("trivia_organiser" in q["quality"]["reasons"] for q in lists)


# 3. Tags from what the question tests ----------------------------------------------------------


def test_figures_of_telecom_fraud_carry_the_telecom_day(built):
    """破获电信网络诈骗案件412起，抓获犯罪嫌疑人538名 and 反诈中心…止付冻结涉案资金2300余万元 are
    telecom-day figures, whichever clause holds the number."""
    _d, police = built["h4-city-police-antifraud-cases"]
    suspects = [
        q for q in questions_with(police, "电信网络诈骗案件") if "抓获犯罪嫌疑人" in q["stem"]
    ]
    frozen = questions_with(police, "止付冻结涉案资金")
    assert suspects and frozen
    assert all("telecom" in q["themed_days"] for q in suspects + frozen)
    # …but the incidents a cyberspace office handled are not fraud figures.
    _d, opening = built["h4-provincial-opening-ceremony"]
    incidents = questions_with(opening, "处置各类网络安全事件____")
    assert incidents and all(q["themed_days"] == ["general"] for q in incidents)


def test_over_collection_by_apps_is_a_privacy_question(built):
    """检测本地App约210款，对其中43款存在超范围收集问题的App…: the personal-information day."""
    _d, qa = built["h4-privacy-qa-cac"]
    apps = questions_with(qa, "超范围收集")
    assert apps and all(q["themed_days"] == ["privacy"] for q in apps)


def test_a_report_on_mobile_internet_apps_is_about_the_week(seed_build):
    """开幕式上…发布了《四川省移动互联网应用安全报告》: what was released, not a telecom question."""
    released = [
        q
        for q in seed_build.bank["questions"]
        if re.search(r"发布了《四川省移动互联网应用安全报告", q["stem"])
    ]
    assert released and all("telecom" not in q["themed_days"] for q in released)
