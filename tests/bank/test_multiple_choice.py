"""Multiple-choice questions from enumerations: closed lists (members) and open lists (listed)."""

import copy
import json
from collections import Counter

import pytest

from quiz.bank import check_bank, dumps_bank, generate, load_article
from quiz.bank.textutil import compare_key
from quiz.resources import question_bank_dir

from .conftest import ARTICLES

SEED_BANK = question_bank_dir() / "sichuan-2021-cybersecurity-week.json"


def _mc(build):
    return [q for q in build.bank["questions"] if q["type"] == "multiple_choice"]


def _correct(question):
    return [question["options"][i] for i in question["answer"]]


def _wrong(question):
    return [o for i, o in enumerate(question["options"]) if i not in question["answer"]]


def _members(question, text):
    return [compare_key(text[a:b]) for a, b in question["source"]["answer_spans"]]


def _by_correct(build, word):
    return next(q for q in _mc(build) if any(word == o for o in _correct(q)))


def test_seed_has_many_multiple_choice_questions(seed_build):
    questions = _mc(seed_build)
    assert len(questions) >= 10
    rules = Counter(q["generator"]["rule"] for q in questions)
    assert rules["enumeration.members"] >= 4 and rules["enumeration.listed"] >= 5
    days = {day for q in questions for day in q["themed_days"]}
    # (The outreach list 进机关、进校园… is about the week's activities, not a campus question.)
    assert {"telecom", "law", "youth", "privacy"} <= days


def test_closed_lists_of_the_seed(seed_build):
    days = _by_correct(seed_build, "法治日")
    assert days["generator"]["rule"] == "enumeration.members"
    assert days["stem"].endswith("？（多选）") and "自10月12日起" in days["stem"]
    # (the days of which week: round 27's seed reader)
    assert "四川省2021年国家网络安全宣传周期间" in days["stem"]
    assert "“六大主题日”" in days["stem"]
    hosts = _by_correct(seed_build, "省妇联")
    assert "联合举办" in hosts["stem"]
    roles = (
        _by_correct(seed_build, "守护者")
        if any("守护者" in _correct(q) for q in _mc(seed_build))
        else _by_correct(seed_build, "传播者")
    )
    assert roles["generator"]["rule"] == "enumeration.parallel_members"
    assert "《共建网络安全倡议书》" in roles["stem"]
    assert set(_correct(roles)) <= {"守护者", "传播者", "志愿者"}
    assert roles["explanation"].count("我们倡议") == 3
    rumours = next(q for q in _mc(seed_build) if "不造谣" in q["options"])
    assert set(_correct(rumours)) <= {"不造谣", "不信谣", "不传谣"}
    assert rumours["generator"]["rule"] == "enumeration.members"


def test_no_distractor_is_a_member_or_in_the_article(seed_build, seed_article):
    text = seed_article.text
    article_key = compare_key(text)
    for question in _mc(seed_build):
        members = _members(question, text)
        correct = [compare_key(o) for o in _correct(question)]
        assert sorted(correct) == sorted(members)
        assert 2 <= len(correct) <= 4 and 4 <= len(question["options"]) <= 6
        for option in _wrong(question):
            key = compare_key(option)
            assert key not in article_key, option
            assert not any(key in m or m in key for m in members), option
        wrong = [compare_key(o) for o in _wrong(question)]
        assert not any(a != b and a in b for a in wrong for b in wrong)


def test_open_lists_ask_what_the_article_lists(seed_build, seed_article):
    listed = [q for q in _mc(seed_build) if q["generator"]["rule"].endswith("listed")]
    assert listed
    crimes = _by_correct(seed_build, "网络赌博")
    assert crimes in listed and "等涉网犯罪" in crimes["stem"]
    for question in listed:
        assert "文中" in question["stem"] and question["stem"].count("____") == 1
        # outsiders' cores are absent too: no 网络洗钱 when the article mentions 洗钱
        assert not any("洗钱" in o or "诈骗" in o for o in _wrong(question))


def test_other_article_closed_and_open_lists():
    article = load_article(ARTICLES / "zhejiang-2022-cybersecurity-week.txt")
    build = generate([article])
    questions = _mc(build)
    hosts = next(q for q in questions if "联合主办" in q["stem"])
    assert hosts["generator"]["rule"] == "enumeration.members"
    assert set(_correct(hosts)) <= {
        "省委宣传部",
        "省委网信办",
        "省教育厅",
        "省公安厅",
        "省通信管理局",
    }
    days = next(q for q in questions if "主题日" in q["stem"])
    assert days["generator"]["rule"] == "enumeration.listed"  # …个人信息保护日等主题日
    assert days["themed_days"] == ["general"]
    assert "陆续举办____等主题日活动" in days["stem"]
    assert check_bank(build.bank, {article.id: article.text}) == []


def test_fraud_types_get_fraud_type_outsiders():
    article = load_article(ARTICLES / "guangdong-police-antifraud-2023.txt")
    question = _mc(generate([article]))[0]
    assert question["generator"]["rule"] == "enumeration.listed"
    assert not any(
        o.startswith("网络") and o.endswith(("盗窃", "暴力")) for o in question["options"]
    )


def test_positions_are_spread(seed_build):
    positions = Counter(i for q in _mc(seed_build) for i in q["answer"])
    assert len(positions) >= 5  # correct options are not always the first ones


@pytest.mark.parametrize("word", ["不造谣"])
def test_gate_rejects_a_distractor_from_the_article(seed_build, seed_article, word):
    question = copy.deepcopy(_by_correct(seed_build, "法治日"))
    wrong_at = next(i for i in range(len(question["options"])) if i not in question["answer"])
    question["options"][wrong_at] = word
    problems = check_bank({"questions": [question]}, {seed_article.id: seed_article.text})
    assert any(p.code == "distractor_true" for p in problems)


def test_committed_bank_keeps_statuses_and_is_a_fixed_point(seed_article):
    committed = SEED_BANK.read_text(encoding="utf-8")
    prior = json.loads(committed)
    rebuilt = generate([seed_article], copy.deepcopy(prior)).bank
    statuses = {q["id"]: q["status"] for q in prior["questions"]}
    assert {q["id"]: q["status"] for q in rebuilt["questions"]} == statuses
    # the stored source path is relative to the repository; the questions are byte-identical
    assert dumps_bank({"questions": rebuilt["questions"]}) == dumps_bank(
        {"questions": prior["questions"]}
    )
    assert prior["schema_version"] == 2
    assert len([q for q in prior["questions"] if q["type"] == "multiple_choice"]) >= 8
