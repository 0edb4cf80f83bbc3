"""What a finished attempt reveals: answers and keys in words, explanations, source excerpts."""

from __future__ import annotations

import pytest

from quiz.extensions import db
from quiz.models import Question
from quiz.services.attempts.answers import save_answer
from quiz.services.attempts.reveal import (
    bank_key_text,
    key_text,
    option_label,
    question_source,
    response_text,
    result_rows,
    source_excerpt,
)
from tests.clock import GRACE, NOW
from tests.helpers.attempts import begin, right_answer, wrong_answer

CHOICE = {"type": "multiple_choice", "options": ["甲", "乙", "丙", "丁"], "key": [2, 0]}
FILL = {"type": "fill_blank", "options": [], "key": ["72万元", "72万"]}
ARTICLE = "标题\n\n第一段。\n前一句。目标句。后一句。\n末段。"
INFO = {
    "id": "a1",
    "title": "报道",
    "publisher": "测试报",
    "date": "2026-10-11",
    "sentence": "目标句。",
    "start": ARTICLE.index("目标句"),
    "end": ARTICLE.index("后一句"),
}


class _Source:
    def __init__(self, text: str, title: str = "文章标题"):
        self.id, self.text, self.title = "a1", text, title


def test_options_are_lettered():
    assert option_label(1, ["甲", "乙"]) == "B. 乙"
    assert option_label(8, [str(i) for i in range(9)]) == "9. 8"  # past H: numbers
    assert option_label(5, ["甲", "乙"]) == "F"  # a tampered index shows no option text


def test_choices_in_words_follow_the_option_order():
    assert response_text(CHOICE, [3, 0], None) == "A. 甲；D. 丁"
    assert response_text(CHOICE, None, None) == ""


def test_a_fill_in_response_is_its_stripped_text():
    assert response_text(FILL, None, " 72万 ") == "72万"
    assert response_text(FILL, None, None) == ""


def test_keys_in_words():
    assert key_text(CHOICE) == "A. 甲；C. 丙"
    assert key_text(FILL) == "72万元 / 72万"


def test_the_excerpt_is_the_sentence_in_its_paragraph():
    excerpt = source_excerpt(INFO, {"a1": _Source(ARTICLE)})
    assert excerpt == {
        "title": "报道",
        "publisher": "测试报",
        "date": "2026-10-11",
        "excerpt": {"before": "前一句。", "sentence": "目标句。", "after": "后一句。"},
        "shown": "目标句。",  # what shows before the paragraph is opened
    }


def test_the_excerpt_reads_chinese_punctuation_and_keeps_the_highlight():
    article = "前一句,很短。目标句,有逗号。后一句(完)。"
    info = {**INFO, "sentence": "目标句,有逗号。", "start": 7, "end": 15}
    excerpt = source_excerpt(info, {"a1": _Source(article)})
    assert excerpt["excerpt"] == {
        "before": "前一句，很短。",
        "sentence": "目标句，有逗号。",
        "after": "后一句（完）。",
    }
    assert excerpt["shown"] == "目标句，有逗号。"


def test_without_the_article_the_sentence_alone_is_shown():
    excerpt = source_excerpt(INFO, {})
    assert excerpt["excerpt"] == {"before": "", "sentence": "目标句。", "after": ""}


def test_the_articles_title_fills_in_a_missing_one():
    excerpt = source_excerpt({**INFO, "title": ""}, {"a1": _Source(ARTICLE, "原标题")})
    assert excerpt["title"] == "原标题"


@pytest.mark.parametrize("info", [None, {}, {"id": "a1", "sentence": ""}])
def test_no_source_no_excerpt(info):
    assert source_excerpt(info, {"a1": _Source("")}) is None


@pytest.mark.db
def test_result_rows_show_each_question_of_the_paper(factories):
    attempt = begin(factories.contest(), factories.student())
    choice = next(item for item in attempt.paper if item["type"] == "single_choice")
    fill = next(item for item in attempt.paper if item["type"] == "fill_blank")
    save_answer(
        attempt, choice["question_id"], now=NOW, grace_seconds=GRACE, **right_answer(choice)
    )
    save_answer(attempt, fill["question_id"], now=NOW, grace_seconds=GRACE, **wrong_answer(fill))
    rows = result_rows(attempt)
    assert [row["number"] for row in rows] == [1, 2, 3, 4]
    by_id = {row["item"]["question_id"]: row for row in rows}
    right = by_id[choice["question_id"]]
    assert right["is_correct"] and right["points"] == choice["points"]
    assert right["given"] == right["key"] == key_text(choice)
    assert right["explanation"] == choice["explanation"]
    assert right["source"]["excerpt"]["sentence"] == "测试文章。"
    wrong = by_id[fill["question_id"]]
    assert not wrong["is_correct"] and (wrong["given"], wrong["key"]) == ("不知道", "72万元 / 72万")
    unanswered = [
        row for qid, row in by_id.items() if qid not in (choice["question_id"], fill["question_id"])
    ]
    assert [(row["given"], row["points"]) for row in unanswered] == [("", 0.0), ("", 0.0)]


@pytest.mark.db
def test_the_paper_snapshot_wins_over_later_bank_edits(factories):
    attempt = begin(factories.contest(), factories.student())
    item = attempt.paper[0]
    question = db.session.get(Question, item["question_id"])
    question.explanation = "后来改过的解析"
    db.session.commit()
    assert result_rows(attempt)[0]["explanation"] == item["explanation"]


@pytest.mark.db
def test_a_bank_question_shows_its_source_and_key(factories):
    question = factories.question(type="single_choice", options=["甲", "乙", "丙"], answer=[1])
    assert bank_key_text(question) == "B. 乙"
    assert question_source(question)["excerpt"]["sentence"] == "测试文章。"
    question.source_id = None
    db.session.commit()
    db.session.refresh(question)
    assert question_source(question) is None
