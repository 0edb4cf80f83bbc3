"""The rules every bank question obeys, from a file, an import or the edit form (pure)."""

from __future__ import annotations

import pytest

from quiz.services.questions.rules import LIMITS, check_questions, question_problems

VALID = {
    "single_choice": {"options": ["甲", "乙", "丙", "丁"], "answer": [2]},
    "multiple_choice": {"options": ["甲", "乙", "丙", "丁", "戊"], "answer": [0, 4]},
    "true_false": {"options": ["正确", "错误"], "answer": [1]},
    "fill_blank": {"answer": ["72万元", "72万"]},
}


def question(qtype: str = "single_choice", **overrides) -> dict:
    return {"id": "q-1", "type": qtype, "stem": "题干？", **VALID[qtype], **overrides}


def fields(raw: dict) -> list[str]:
    return [name for name, _message in question_problems(raw)]


@pytest.mark.parametrize("qtype", list(VALID))
def test_a_well_formed_question_of_each_type_passes(qtype):
    assert question_problems(question(qtype, themed_days=["campus", "general"])) == []


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"type": "essay"}, "type"),
        ({"status": "published"}, "status"),
        ({"stem": "   "}, "stem"),
        ({"stem": None}, "stem"),
        ({"themed_days": ["moon"]}, "themed_days"),
        ({"themed_days": "campus"}, "themed_days"),
        ({"difficulty": 4}, "difficulty"),
        ({"difficulty": True}, "difficulty"),
        ({"explanation": 3}, "explanation"),
        ({"fact": ["x"]}, "fact"),
    ],
)
def test_each_broken_field_is_named(overrides, field):
    assert fields(question(**overrides)) == [field]


@pytest.mark.parametrize(
    ("qtype", "overrides", "message"),
    [
        ("single_choice", {"answer": []}, "答案不能为空"),
        ("single_choice", {"answer": [0, 1]}, "单选题和判断题只能有一个正确答案"),
        ("single_choice", {"answer": [4]}, "答案与选项不符"),
        ("single_choice", {"answer": [1, 1]}, "答案与选项不符"),
        ("single_choice", {"options": ["甲", "乙", "丙"]}, "该题型须有 4 个选项，实际 3 个"),
        ("single_choice", {"options": ["甲", "甲", "丙", "丁"]}, "选项不能重复"),
        ("single_choice", {"options": ["甲", " ", "丙", "丁"]}, "选项不能为空"),
        ("multiple_choice", {"answer": [0]}, "多选题至少要有两个正确答案"),
        (
            "multiple_choice",
            {"options": list("甲乙丙丁戊己庚")},
            "该题型须有 4–6 个选项，实际 7 个",
        ),
        (
            "true_false",
            {"options": ["对", "错"]},
            "判断题的选项固定为 正确、错误（繁体文章为 正確、錯誤）",
        ),
        ("fill_blank", {"answer": ["72万元", " "]}, "填空题的每个可接受答案都不能为空"),
        ("fill_blank", {"answer": "72万元"}, "答案不能为空"),
    ],
)
def test_answers_must_fit_the_type_and_options(qtype, overrides, message):
    assert message in [m for _f, m in question_problems(question(qtype, **overrides))]


@pytest.mark.parametrize(
    "source",
    [
        "article",
        {"start": 0},
        {"id": "a", "start": "3", "end": 9},
        {"id": "a", "start": 9, "end": 3},
        {"id": "a", "start": -1, "end": 3},
        {"id": "a", "start": True, "end": 3},
    ],
)
def test_a_source_needs_an_id_and_ordered_offsets(source):
    assert fields(question(source=source)) == ["source"]


def test_a_source_without_offsets_is_fine():
    assert question_problems(question(source={"id": "a", "start": None, "end": None})) == []


@pytest.mark.parametrize("name", list(LIMITS))
def test_texts_longer_than_their_column_are_refused(name):
    long = "x" * (LIMITS[name] + 1)
    raw = {
        "id": {"id": long},
        "fact": {"fact": long},
        "source": {"source": {"id": long}},
        "rule": {"generator": {"rule": long, "version": "1"}},
        "version": {"generator": {"rule": "r", "version": long}},
    }[name]
    assert question_problems(question(**raw)) == [
        (name, f"{name} 过长（最多 {LIMITS[name]} 个字符）")
    ]


def test_check_questions_names_each_bad_question_by_position_and_id():
    messages = check_questions(
        [question(), question(id="q-2", answer=[]), "not a question", {"type": "fill_blank"}]
    )
    assert messages == [
        "第 2 题（q-2）：答案不能为空",
        "第 3 题：缺少字符串 id",
        "第 4 题：缺少字符串 id",
    ]
