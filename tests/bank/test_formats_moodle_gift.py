"""Moodle XML and GIFT exports: structure, grade fractions Moodle accepts, escaping."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from quiz.bank.formats import FORMATS, escape_gift, write_gift, write_moodle_xml

# Grade percents Moodle offers in its answer-grade menus (question_bank::fraction_options_full).
MOODLE_PERCENTS = {
    100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
    14.28571, 12.5, 11.11111, 10, 5, 0,
}  # fmt: skip
MOODLE_PERCENTS |= {-percent for percent in MOODLE_PERCENTS}


def make_questions() -> list[dict[str, Any]]:
    """One question of each type, with text that needs HTML and GIFT escaping."""
    return [
        {
            "id": "sc-1",
            "type": "single_choice",
            "stem": "收到“{中奖}”短信:回复 #1 领奖 = 安全?<script>\n请选择",
            "options": ["是", "否 ~ 不安全", "看情况", "A & B"],
            "answer": [1],
            "explanation": "不要回复陌生短信:谨防诈骗。",
            "difficulty": 1,
            "themed_days": ["telecom", "finance"],
            "status": "approved",
        },
        {
            "id": "mc-2",
            "type": "multiple_choice",
            "stem": "下列哪些是六大主题日?",
            "options": ["校园日", "电信日", "航天日", "金融日", "读书日", "法治日"],
            "answer": [0, 1, 3, 5],
            "explanation": "",
            "difficulty": 2,
            "themed_days": [],
            "status": "approved",
        },
        {
            "id": "mc-3",
            "type": "multiple_choice",
            "stem": "三个正确选项",
            "options": ["甲", "乙", "丙", "丁"],
            "answer": [0, 1, 2],
            "explanation": "",
            "difficulty": 2,
            "themed_days": ["law"],
            "status": "approved",
        },
        {
            "id": "tf-4",
            "type": "true_false",
            "stem": "公共 Wi-Fi 可以随意登录网银。",
            "options": ["正确", "错误"],
            "answer": [1],
            "explanation": "公共网络存在风险。",
            "difficulty": 1,
            "themed_days": ["finance"],
            "status": "approved",
        },
        {
            "id": "fb-5",
            "type": "fill_blank",
            "stem": "宣传周主题:网络安全为人民,网络安全靠____。",
            "answer": ["人民", "人民群众*"],
            "explanation": "",
            "difficulty": 1,
            "themed_days": ["general"],
            "status": "approved",
        },
    ]


@pytest.fixture
def questions() -> list[dict[str, Any]]:
    return make_questions()


def parse_quiz(questions: list[dict[str, Any]], **options: Any) -> ET.Element:
    payload = write_moodle_xml(questions, **options)
    assert payload.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    return ET.fromstring(payload)  # noqa: S314 - parsing our own export, not untrusted input


def by_idnumber(quiz: ET.Element) -> dict[str, ET.Element]:
    return {q.findtext("idnumber"): q for q in quiz.iter("question") if q.get("type") != "category"}


def percents(question: ET.Element) -> list[float]:
    return [float(answer.get("fraction")) for answer in question.findall("answer")]


def test_moodle_xml_structure_and_categories(questions: list[dict[str, Any]]) -> None:
    quiz = parse_quiz(questions)
    assert quiz.tag == "quiz"
    categories = [
        q.findtext("category/text") for q in quiz.findall("question") if q.get("type") == "category"
    ]
    assert categories == [
        "$course$/top/网安周/电信日",
        "$course$/top/网安周/法治日",
        "$course$/top/网安周/金融日",
        "$course$/top/网安周/通用",
    ]
    types = {qid: q.get("type") for qid, q in by_idnumber(quiz).items()}
    assert types == {
        "sc-1": "multichoice",
        "mc-2": "multichoice",
        "mc-3": "multichoice",
        "tf-4": "truefalse",
        "fb-5": "shortanswer",
    }
    single_category = parse_quiz(questions, by_themed_day=False)
    paths = [
        q.findtext("category/text") for q in single_category.findall("question[@type='category']")
    ]
    assert paths == ["$course$/top/网安周"]


def test_moodle_xml_texts_are_escaped_html(questions: list[dict[str, Any]]) -> None:
    single = by_idnumber(parse_quiz(questions))["sc-1"]
    assert single.findtext("name/text") == questions[0]["stem"].replace("\n", " ")[:30]
    text = single.findtext("questiontext/text")
    assert single.find("questiontext").get("format") == "html"
    assert "&lt;script&gt;<br>请选择" in text and "<script>" not in text
    assert single.findtext("generalfeedback/text") == questions[0]["explanation"]
    assert [a.findtext("text") for a in single.findall("answer")][3] == "A &amp; B"
    assert (single.findtext("single"), single.findtext("shuffleanswers")) == ("true", "false")


def test_moodle_choice_fractions_are_valid(questions: list[dict[str, Any]]) -> None:
    quiz = by_idnumber(parse_quiz(questions))
    assert percents(quiz["sc-1"]) == [0, 100, 0, 0]
    for qid in ("mc-2", "mc-3"):
        grades = percents(quiz[qid])
        assert set(grades) <= MOODLE_PERCENTS
        assert sum(g for g in grades if g > 0) == pytest.approx(100, abs=0.001)
        assert quiz[qid].findtext("single") == "false"
    assert percents(quiz["mc-2"]) == [25, 25, -100, 25, -100, 25]


def test_moodle_true_false_and_short_answer(questions: list[dict[str, Any]]) -> None:
    quiz = by_idnumber(parse_quiz(questions))
    true_false = {a.findtext("text"): a.get("fraction") for a in quiz["tf-4"].findall("answer")}
    assert true_false == {"true": "0", "false": "100"}
    short = quiz["fb-5"]
    answers = [(a.findtext("text"), a.get("fraction")) for a in short.findall("answer")]
    assert answers == [("人民", "100"), ("人民群众\\*", "100")]  # "*" is a Moodle wildcard
    assert short.findtext("usecase") == "0"
    tags = [tag.findtext("text") for tag in quiz["sc-1"].findall("tags/tag")]
    assert tags == ["电信日", "金融日"]


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a~b", "a\\~b"),
        ("1=1", "1\\=1"),
        ("#tag", "\\#tag"),
        ("{x}", "\\{x\\}"),
        ("时间:10点", "时间\\:10点"),
        ("C:\\temp", "C\\:\\\\temp"),
        ("普通文本", "普通文本"),
    ],
)
def test_gift_escaping(text: str, escaped: str) -> None:
    assert escape_gift(text) == escaped


def test_gift_question_header_lines(questions: list[dict[str, Any]]) -> None:
    blocks = write_gift(questions).decode("utf-8").strip().split("\n\n")
    single = next(block for block in blocks if block.startswith("// id: sc-1"))
    comment, days, title_and_stem = single.split("\n")[:3]
    assert (comment, days) == ("// id: sc-1", "// 主题日: 电信日、金融日")
    assert title_and_stem == (
        "::收到“\\{中奖\\}”短信\\:回复 \\#1 领奖 \\= 安全?<scri::"
        "[html]收到“\\{中奖\\}”短信\\:回复 \\#1 领奖 \\= 安全?&lt;script&gt;<br>请选择{"
    )


def test_gift_answers_and_feedback(questions: list[dict[str, Any]]) -> None:
    blocks = write_gift(questions).decode("utf-8").strip().split("\n\n")
    body = {block.split("\n", 1)[0]: block for block in blocks if block.startswith("// id")}
    assert body["// id: sc-1"].endswith(
        "{\n~是\n=否 \\~ 不安全\n~看情况\n~A &amp; B\n####不要回复陌生短信\\:谨防诈骗。\n}"
    )
    assert "{\n~%25%校园日\n~%25%电信日\n~%-100%航天日\n" in body["// id: mc-2"]
    assert "~%33.33333%甲\n~%33.33333%乙\n~%33.33333%丙\n~%-100%丁\n}" in body["// id: mc-3"]
    assert body["// id: tf-4"].endswith("{\nF\n####公共网络存在风险。\n}")
    assert body["// id: fb-5"].endswith("{\n=人民\n=人民群众\\\\*\n}")
    assert "$CATEGORY: $course$/top/网安周/电信日" in blocks


def test_gift_braces_balance_after_unescaping(questions: list[dict[str, Any]]) -> None:
    text = write_gift(questions).decode("utf-8")
    unescaped_braces = re.sub(r"\\.", "", text)
    assert unescaped_braces.count("{") == unescaped_braces.count("}") == len(questions)
    assert "\n\n\n" not in text  # exactly one blank line between items


def test_registry_exports_lms_formats(questions: list[dict[str, Any]]) -> None:
    bank = {"schema_version": 1, "sources": [], "questions": questions}
    assert FORMATS["moodle"].exporter(bank) == write_moodle_xml(questions)
    assert FORMATS["gift"].exporter(bank) == write_gift(questions)
    assert (FORMATS["moodle"].extension, FORMATS["gift"].extension) == ("xml", "txt")


@pytest.mark.parametrize("writer", [write_moodle_xml, write_gift])
def test_lms_exports_reject_unknown_types(writer: Any, questions: list[dict[str, Any]]) -> None:
    with pytest.raises(ValueError, match="未知题型"):
        writer([{**questions[0], "type": "essay"}])
    with pytest.raises(ValueError, match="超出选项范围"):
        writer([{**questions[0], "answer": [9]}])
