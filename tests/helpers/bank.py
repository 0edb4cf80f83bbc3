"""A tiny hand-written bank and a short realistic article shared by the bank-in-the-app tests."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

SOURCE_ID = "cd-2023-campus"
SOURCE_TEXT = (
    "2023年国家网络安全宣传周成都市校园日活动举行\n"
    "\n"
    "成都日报讯（记者 王敏）9月12日，2023年国家网络安全宣传周成都市校园日活动在四川大学举行。"
    "本次活动以“网络安全为人民，网络安全靠人民”为主题，由成都市委网信办、成都市教育局联合主办。\n"
    "\n"
    "活动现场，成都市公安局网安支队民警介绍，今年以来全市共破获电信网络诈骗案件1200余起，"
    "为群众挽回经济损失3500万元。民警提醒，凡是要求转账到“安全账户”的都是诈骗。\n"
    "\n"
    "据介绍，全市共有86所高校和中小学参与本次校园日活动，覆盖师生超过50万人。"
    "活动还发布了《成都市青少年网络安全素养报告》。\n"
)
SENTENCE = "民警提醒，凡是要求转账到“安全账户”的都是诈骗。"


def _question(uid: str, qtype: str, stem: str, options, answer, days, sentence=SENTENCE) -> dict:
    start = SOURCE_TEXT.index(sentence)
    question = {
        "id": uid,
        "type": qtype,
        "stem": stem,
        "answer": answer,
        "explanation": f"原文：{sentence}",
        "difficulty": 1,
        "themed_days": days,
        "status": "approved",
        "fact": f"fact-{uid}",
        "source": {
            "id": SOURCE_ID,
            "sentence": sentence,
            "start": start,
            "end": start + len(sentence),
        },
        "generator": {"rule": "test.rule", "version": "1.0.0"},
    }
    if options is not None:
        question["options"] = options
    return question


QUESTIONS = [
    _question(
        "t-0001",
        "single_choice",
        "今年以来成都全市共破获电信网络诈骗案件____。",
        ["1200余起", "1600余起", "1400余起", "600余起"],
        [0],
        ["telecom"],
        sentence="活动现场，成都市公安局网安支队民警介绍，今年以来全市共破获电信网络诈骗案件1200余起，"
        "为群众挽回经济损失3500万元。",
    ),
    _question(
        "t-0002",
        "true_false",
        "凡是要求转账到“安全账户”的都是诈骗。",
        ["正确", "错误"],
        [0],
        ["finance", "telecom"],
    ),
    _question(
        "t-0003",
        "fill_blank",
        "民警提醒，凡是要求转账到“____”的都是诈骗。",
        None,
        ["安全账户"],
        ["campus"],
    ),
]


def bank_dict(text_path: Path | None = None, *, questions=None) -> dict:
    return {
        "schema_version": 1,
        "sources": [
            {
                "id": SOURCE_ID,
                "title": "2023年国家网络安全宣传周成都市校园日活动举行",
                "publisher": "成都日报",
                "date": "2023-09-12",
                "path": str(text_path) if text_path else "",
                "sha256": hashlib.sha256(SOURCE_TEXT.encode("utf-8")).hexdigest(),
            }
        ],
        "questions": copy.deepcopy(QUESTIONS if questions is None else questions),
    }


def write_bank(tmp_path: Path, bank: dict | None = None, name: str = "bank.json") -> Path:
    """The article under tmp_path and a bank file pointing at it (absolute path)."""
    text_path = tmp_path / "article.txt"
    text_path.write_text(SOURCE_TEXT, encoding="utf-8")
    bank = bank or bank_dict(text_path)
    path = tmp_path / name
    path.write_text(json.dumps(bank, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def edit_of(question, **changes):
    """The edit form's values for ``question`` as it stands, with ``changes`` applied."""
    # Imported here: the generator's tests use this module and stay free of the app.
    from quiz.services.questions.edit import QuestionEdit

    values = QuestionEdit(
        stem=question.stem,
        options=list(question.options),
        answer=list(question.answer),
        explanation=question.explanation,
        difficulty=question.difficulty,
        status=question.status,
        themed_days=list(question.themed_days),
    )
    for name, value in changes.items():
        setattr(values, name, value)
    return values
