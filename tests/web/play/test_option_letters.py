"""Option letters are the ones the student saw: on the results page, the 错题本 and practice,
"你的答案"/"你上次的答案" and "正确答案" are lettered by the very list shown beside them.

The paper is shuffled per attempt (options included), so bank order and shown order differ:
the bug this guards against lettered the list and the key in bank order and the student's own
answer in shown order ("你上次的答案 A. 58万元 … 正确答案 A. 72万元").
"""

from __future__ import annotations

import html
import json
import re
from datetime import timedelta

import pytest

from quiz.extensions import db
from quiz.models import Question
from quiz.services.attempts.answers import save_answer
from quiz.services.attempts.lifecycle import submit
from tests.clock import GRACE, NOW
from tests.helpers.play import start

OPTION = re.compile(r'<li( class="is-key")?><span class="q-letter">([A-H])\.</span> ([^<]*)</li>')
PAIR = re.compile(r"<dt>(你的答案|你上次的答案|正确答案)</dt><dd[^>]*>([^<]*)</dd>")
MIX = {"single_choice": 3, "multiple_choice": 1}


@pytest.fixture
def shuffled(client, factories, student, clock):
    """A finished attempt answered wrong on a paper whose options are not in bank order."""
    for n in range(3):
        amounts = [f"{72 + n}万元", f"{58 + n}万元", f"{36 + n}万元", f"{12 + n}万元"]
        factories.question(stem=f"第{n}个活动的经费是多少？", options=amounts, answer=[0])
    factories.question(
        type="multiple_choice",
        stem="哪些是主题日？",
        options=["校园日", "植树节", "电信日", "春节", "法治日"],
        answer=[0, 2, 4],
    )
    contest = factories.contest(question_count=4, type_counts=MIX, with_questions=False)
    attempt = start(client, contest)
    moved = [item for item in attempt.paper if item["order"] != sorted(item["order"])]
    assert moved, "every option order came out unshuffled: pick another seed"
    at = NOW + timedelta(minutes=2)
    for item in attempt.paper:
        wrong = next(i for i in range(len(item["options"])) if i not in item["key"])
        save_answer(attempt, item["question_id"], now=at, grace_seconds=GRACE, choice=[wrong])
    submit(attempt, now=at, grace_seconds=GRACE)
    return attempt


def _options(fragment: str) -> tuple[dict[str, str], set[str]]:
    found = OPTION.findall(fragment)
    assert found, fragment
    return {letter: html.unescape(text) for _k, letter, text in found}, {
        letter for key, letter, _t in found if key
    }


def _lettered(answer: str) -> dict[str, str]:
    """``{"B": "58万元"}`` of an answer in words such as ``B. 58万元；D. 12万元``."""
    parts = [part.split(". ", 1) for part in html.unescape(answer).strip().split("；")]
    return {letter: text for letter, text in parts}


def _check(fragment: str, question: Question, order: list[int], mine: str) -> None:
    shown, marked = _options(fragment)
    assert list(shown.values()) == [question.options[i] for i in order]  # the student's order
    pairs = dict(PAIR.findall(fragment))
    given, key = _lettered(pairs[mine]), _lettered(pairs["正确答案"])
    for letter, text in {**given, **key}.items():
        assert shown[letter] == text, (letter, text, shown)  # one lettering for all three
    assert sorted(key.values()) == sorted(question.options[i] for i in question.answer)
    assert marked == set(key)


def test_the_results_page_letters_answers_as_its_list(client, shuffled):
    page = client.get(f"/attempts/{shuffled.id}/result").get_data(as_text=True)
    cards = page.split('<article class="card result-item')[1:]
    assert len(cards) == len(shuffled.paper)
    for card, item in zip(cards, shuffled.paper, strict=True):
        _check(card, db.session.get(Question, item["question_id"]), item["order"], "你的答案")


def test_the_review_page_shows_the_order_and_letters_the_student_saw(client, shuffled):
    for item in shuffled.paper:
        question = db.session.get(Question, item["question_id"])
        page = client.get(f"/review/{question.id}").get_data(as_text=True)
        _check(page, question, item["order"], "你上次的答案")


def test_the_review_list_letters_the_last_answer_as_the_student_saw_it(client, shuffled):
    page = client.get("/review").get_data(as_text=True)
    for item in shuffled.paper:
        wrong = next(i for i in range(len(item["options"])) if i not in item["key"])
        assert f"{'ABCDE'[wrong]}. {item['options'][wrong]}" in page


def test_practice_letters_its_key_as_its_own_list(client, shuffled):
    page = client.get("/practice?from=review").get_data(as_text=True)
    match = re.search(r'id="practice-data">(.*?)</script>', page, re.S)
    data = json.loads(match.group(1))
    for shown in data["questions"]:
        question = db.session.get(Question, shown["id"])
        payload = {"question_id": question.id, "mode": "review", "choice": [1]}
        result = client.post("/practice/check", json=payload).get_json()
        for letter, text in _lettered(result["key"]).items():
            assert shown["options"]["ABCDE".index(letter)] == text  # practice.js letters A, B…
